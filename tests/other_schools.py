# ruff: noqa: E501, E741  (the schools' documents stay as written)
"""Four more protocols of other schools, each written by someone who never saw the bundled one
or the importer's code (an independent evaluation of the importer), kept as they made them:

* ``regenboog_fasen.docx``: a title page, a table-of-contents field whose entries are plain
  paragraphs, five "Fase N – titel" Heading 2 steps with "Wat doen we / Wie is betrokken /
  Termijn" as Heading 3 or as bold lines, chapters before and after the plan;
* ``wilgenhoek_tabel.docx``: the step plan as a Word table Stap | Situatie | Actie |
  Verantwoordelijke | Termijn with bullets in cells, running text after the table;
* ``vlinder_tien.odt``: LibreOffice headings "1. Melding" .. "10. Nazorg en afsluiting" with
  sub-steps 3a/3b, inline "Wie:" and "Wanneer:" labels in the school's own order;
* ``klavertje.txt``: plain text from Notepad (CRLF, a byte order mark): an underlined title,
  "HET STAPPENPLAN" in capitals, "STAP 1 -" and "Stap twee:" steps, '*', '•' and '–' bullets,
  "1)" numbers, "Termijn:" lines and a closing chapter.
"""

from __future__ import annotations

from pathlib import Path


def regenboog_fasen_docx(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()

    def P(text="", style=None):
        p = d.add_paragraph(style=style)
        if text:
            parts = text.split("\n")
            for i, part in enumerate(parts):
                r = p.add_run(part)
                if i < len(parts) - 1:
                    r.add_break()
        return p

    def H(text, lvl):
        return d.add_heading(text, lvl)

    def B(text):  # bold pseudo heading
        p = d.add_paragraph()
        p.add_run(text).bold = True
        return p

    def bullets(items, style="List Bullet"):
        for it in items:
            P(it, style)

    # title page
    d.add_paragraph("Pestprotocol", style="Title")
    P("Openbare Basisschool De Regenboog")
    P("Vastgesteld door de MR op 12 maart 2024\nHerzien: schooljaar 2024-2025")
    P()
    P()
    p = P()
    p.add_run().add_break(WD_BREAK.PAGE)

    # TOC heading + field
    d.add_paragraph("Inhoudsopgave", style="TOC Heading")
    p = d.add_paragraph()
    r = p.add_run()
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), "begin")
    r._r.append(fc)
    r = p.add_run()
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = 'TOC \\o "1-3" \\h \\z \\u'
    r._r.append(it)
    r = p.add_run()
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), "separate")
    r._r.append(fc)
    p.add_run("Inleiding\t2")
    for t in ["Definitie pesten\t2", "Preventie\t3", "Stappenplan\t4", "Cyberpesten\t6"]:
        P(t)
    p = P("Klachtenregeling\t7")
    r = p.add_run()
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), "end")
    r._r.append(fc)
    p = P()
    p.add_run().add_break(WD_BREAK.PAGE)

    H("Inleiding", 1)
    P(
        "Op OBS De Regenboog willen we dat alle kinderen zich veilig voelen , in de klas, op het plein en online. "
        "Pesten hoort daar niet bij! Toch komt het op iedere school voor, ook bij ons."
    )
    P(
        "Dit protocol beschrijft hoe wij pesten voorkomen en wat we doen als het toch gebeurt.\n"
        "Het is bedoeld voor leerkrachten, ouders en leerlingen van groep 1 t/m 8."
    )
    P()
    P(
        "Het protocol is opgesteld door de anti-pestcoördinator (APC) samen met het team en de MR. "
        "We evalueren het elk jaar in juni.."
    )

    H("Definitie pesten", 1)
    P(
        "Pesten is het herhaaldelijk en systematisch uitoefenen van psychische of fysieke macht door een of meer leerlingen op een andere leerling, "
        "die niet in staat is zich te verdedigen. Er is altijd sprake van ongelijkheid in macht."
    )
    B("Verschil tussen plagen en pesten")
    P(
        "Plagen gebeurt tussen gelijken en is meestal onschuldig; pesten is bedreigend en gebeurt steeds weer met hetzelfde slachtoffer."
    )
    bullets(
        [
            "Plagen is incidenteel, pesten is structureel.",
            "Bij plagen wisselen de rollen, bij pesten niet",
            "Pesten laat blijvende schade achter (angst, eenzaamheid, lage eigenwaarde).",
        ]
    )
    B("Vormen van pesten:")
    bullets(
        [
            "verbaal: schelden, bijnamen, roddelen",
            "fysiek: schoppen, duwen, spullen afpakken",
            "relationeel: buitensluiten, negeren",
            "digitaal: zie het hoofdstuk Cyberpesten",
        ]
    )

    H("Preventie", 1)
    P(
        "Voorkomen is beter dan genezen. Daarom werken we met de methode Kwink en maken we aan het begin van elk schooljaar groepsafspraken."
    )
    H("Groepsafspraken", 2)
    P(
        "In de eerste drie weken (de Gouden Weken) maakt iedere groep samen met de leerkracht een klassenreglement. "
        "Alle kinderen ondertekenen dit en het hangt zichtbaar in de klas."
    )
    H("Monitoring", 2)
    P(
        "Twee keer per jaar vullen de leerlingen van groep 5 t/m 8 de veiligheidsmonitor in (oktober en april). "
        "De uitkomsten bespreekt de leerkracht met de intern begeleider (IB-er)."
    )
    bullets(
        [
            "Sociogram in groep 3 t/m 8",
            "Kindgesprekken in november",
            "Pleinwacht met hesjes tijdens elke pauze",
        ]
    )

    H("Stappenplan", 1)
    P(
        "Als er gepest wordt, volgen we de onderstaande vijf fasen. Niet elke situatie doorloopt alle fasen; soms is het probleem na fase 2 al opgelost."
    )

    H("Fase 1 – Signaleren", 2)
    H("Wat doen we", 3)
    P(
        "Iedereen die pesten ziet of hoort, meldt dit bij de groepsleerkracht. Dat kan een leerling zijn, een ouder, een overblijfkracht of een collega."
    )
    bullets(
        [
            "Let op signalen zoals terugtrekken, buikpijn, niet naar school willen.",
            "Neem iedere melding serieus, ook als het 'maar plagen' lijkt.",
        ]
    )
    H("Wie is betrokken", 3)
    P("De groepsleerkracht en degene die meldt.")
    H("Termijn", 3)
    P("Dezelfde dag.")

    H("Fase 2 – Gesprek met de betrokken leerlingen", 2)
    H("Wat doen we", 3)
    P(
        "De leerkracht voert eerst apart een gesprek met het gepeste kind en daarna met de pester(s). "
        "Waar mogelijk volgt een gezamenlijk gesprek waarin afspraken worden gemaakt."
    )
    P(
        "De afspraken worden vastgelegd in ParnasSys onder 'notities'.\nDe ouders van beide partijen worden geïnformeerd door de leerkracht."
    )
    H("Wie is betrokken", 3)
    bullets(["groepsleerkracht", "gepeste leerling", "pester(s)", "eventueel meelopers"])
    H("Termijn", 3)
    P("Binnen 2 schooldagen na de melding.")

    H("Fase 3 – Inschakelen van de anti-pestcoördinator", 2)
    B("Wat doen we")
    P(
        "Als het pesten na twee weken niet gestopt is, schakelt de leerkracht de APC in. "
        "De APC bekijkt samen met de leerkracht welke aanpak nodig is, bijvoorbeeld de No Blame-methode of een groepsgesprek."
    )
    B("Wie is betrokken")
    P("APC, groepsleerkracht, IB-er")
    B("Termijn")
    P("Binnen één week na het signaal dat het pesten doorgaat")

    H("Fase 4 – Ouders en externe hulp", 2)
    H("Wat doen we", 3)
    P(
        "De APC en de leerkracht nodigen de ouders van de gepeste leerling en van de pester uit voor een gesprek op school (apart!). "
        "Zo nodig wordt externe hulp ingeschakeld, bijv. het Centrum voor Jeugd en Gezin of de schoolmaatschappelijk werker."
    )
    bullets(
        [
            "Er wordt een plan van aanpak opgesteld met concrete doelen.",
            "Na 4 weken volgt een evaluatiegesprek.",
        ],
        style="List Number",
    )
    H("Wie is betrokken", 3)
    P("APC, leerkracht, ouders, eventueel directie en externe partners.")
    H("Termijn", 3)
    P("Gesprek binnen 5 schooldagen; evaluatie na 4 weken")

    H("Fase 5 – Maatregelen en nazorg", 2)
    H("Wat doen we", 3)
    P(
        "Houdt het pesten aan, dan neemt de directeur maatregelen. Dit kan gaan van een time-out in een andere groep tot, in het uiterste geval, schorsing volgens het beleid van het bestuur."
    )
    P(
        "Ook na afloop blijft de leerkracht de situatie volgen. Er zijn nazorggesprekken met het gepeste kind na 2, 6 en 12 weken."
    )
    H("Wie is betrokken", 3)
    P("Directeur, APC, leerkracht, ouders.")
    H("Termijn", 3)
    P("Nazorg tot minimaal drie maanden na het stoppen van het pesten.")
    P()

    H("Cyberpesten", 1)
    P(
        "Cyberpesten is pesten via internet, social media, WhatsApp of games. Het gebeurt vaak buiten schooltijd maar heeft wel effect in de klas."
    )
    P(
        "Bij cyberpesten vragen we de leerling om screenshots te maken en niets te verwijderen. "
        "We volgen hetzelfde stappenplan; bij strafbare feiten (bijv. het verspreiden van naaktfoto’s) doen we altijd aangifte bij de politie."
    )
    bullets(["Blokkeer de afzender.", "Reageer niet op de berichten", "Bewaar het bewijs!"])

    H("Klachtenregeling", 1)
    P(
        "Bent u als ouder niet tevreden over de aanpak, neem dan eerst contact op met de directeur. "
        "Komt u er samen niet uit, dan kunt u een klacht indienen bij de vertrouwenspersoon van het bestuur of bij de landelijke klachtencommissie."
    )
    P(
        "De klachtenregeling staat op de website van de school en ligt ter inzage bij de administratie."
    )
    P()
    P()
    d.save(str(path))
    return path


def wilgenhoek_tabel_docx(path: Path) -> Path:
    import docx
    from docx.shared import Pt

    d = docx.Document()

    def P(text="", style=None, container=None):
        c = container or d
        p = c.add_paragraph(style=style)
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part:
                p.add_run(part)
            if i < len(parts) - 1:
                p.add_run().add_break()
        return p

    # no title style: big bold text, as many users do
    p = d.add_paragraph()
    r = p.add_run("PESTPROTOCOL CBS DE WILGENHOEK")
    r.bold = True
    r.font.size = Pt(20)
    P("versie 3.1 – september 2023")
    P()
    d.add_heading("1. Waarom dit protocol", 1)
    P(
        "Wij vinden het belangrijk dat elk kind met plezier naar school gaat. Pesten tast dat plezier aan en kan ernstige gevolgen hebben, ook op latere leeftijd."
    )
    P(
        "In dit protocol staat wat de school doet wanneer er gepest wordt. Het stappenplan hieronder is voor alle medewerkers verplicht; ouders kunnen erop rekenen dat we het volgen."
    )
    d.add_heading("2. Uitgangspunten", 1)
    for t in [
        "Pesten wordt als probleem gezien door alle betrokkenen: leerlingen, leerkrachten en ouders.",
        "De school probeert pesten te voorkomen.",
        "Leerkrachten moeten pesten kunnen signaleren en duidelijk stelling nemen.",
        "Wanneer pesten ondanks alles toch optreedt, moet de school beschikken over een directe aanpak.",
    ]:
        P(t, "List Number")
    d.add_heading("3. Het stappenplan", 1)
    P(
        "De tabel hieronder geeft per stap aan wat er gebeurt. Soms worden stappen overgeslagen , bijv. bij een ernstig incident gaan we direct naar stap 4."
    )

    rows = [
        ("Stap", "Situatie", "Actie", "Verantwoordelijke", "Termijn"),
        (
            "1",
            "Een leerling of ouder meldt pesten, of de leerkracht ziet het zelf.",
            [
                "Luisteren en de melding serieus nemen.",
                "•Noteer wie, wat, waar en wanneer.",
                "•Bedank de melder",
            ],
            "Groepsleerkracht",
            "Zelfde dag",
        ),
        (
            "2",
            "De melding is bevestigd.",
            [
                "Apart gesprek met het gepeste kind.",
                "Daarna apart gesprek met de pester.",
                "Afspraken op papier zetten en laten ondertekenen.",
            ],
            "Groepsleerkracht",
            "Binnen 2 dagen",
        ),
        (
            "3",
            "Het pesten gaat door na de eerste afspraken.",
            [
                "De leerkracht meldt het bij de anti-pestcoördinator.",
                "De APC voert een gesprek met de groep (steungroepaanpak).",
            ],
            "Leerkracht + APC",
            "Binnen 1 week",
        ),
        (
            "4",
            "Er is sprake van ernstig of langdurig pesten.",
            [
                "Ouders van beide kinderen worden uitgenodigd.",
                "Plan van aanpak, met evaluatie na 3 weken.",
            ],
            "APC en directie",
            "Binnen 5 werkdagen",
        ),
        (
            "5",
            "Ondanks de aanpak stopt het pesten niet.",
            [
                "Inschakelen van externe hulp (schoolmaatschappelijk werk, GGD, jeugdarts).",
                "De directeur kan maatregelen treffen, zoals een time-out.",
            ],
            "Directie",
            "z.s.m.",
        ),
        (
            "6",
            "Het pesten is gestopt.",
            ["Nazorg voor alle betrokkenen.", "Na 6 weken een controlegesprek met de ouders."],
            "Groepsleerkracht",
            "6 weken na afsluiting",
        ),
    ]
    t = d.add_table(rows=len(rows), cols=5)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, val in enumerate(row):
            cell = t.cell(i, j)
            if isinstance(val, list):
                cell.paragraphs[0].text = val[0]
                for v in val[1:]:
                    if v.startswith("•"):
                        P(v[1:], "List Bullet", container=cell)
                    else:
                        P(v, container=cell)
            else:
                cell.paragraphs[0].text = val
                if i == 0:
                    for r in cell.paragraphs[0].runs:
                        r.bold = True
    # mark header row
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trPr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")
    th.set(qn("w:val"), "true")
    trPr.append(th)
    # bullets in step 4 cell via List Bullet
    c = t.cell(4, 2)
    P("Mogelijke maatregelen:", container=c)
    P("gesprek met de directeur", "List Bullet", container=c)
    P("schriftelijke waarschuwing", "List Bullet", container=c)

    P()
    P("NB: bij fysiek geweld of bedreiging wordt altijd direct de directie ingeschakeld!!")
    d.add_heading("4. Nazorg en registratie", 1)
    P(
        "Alle gesprekken en afspraken worden vastgelegd in het leerlingvolgsysteem. De APC houdt een overzicht bij van alle pestmeldingen en rapporteert jaarlijks aan de MR."
    )
    P(
        "Voor de gepeste leerling kan een weerbaarheidstraining worden aangeboden , bijvoorbeeld Rots en Water. Ook de pester krijgt begeleiding: pesten is vaak een signaal dat er met de pester zelf iets aan de hand is."
    )
    d.add_heading("5. Adviezen aan ouders", 1)
    p = d.add_paragraph()
    p.add_run("Ouders van gepeste kinderen:").bold = True
    for s in [
        "Houd de communicatie met uw kind open.",
        "Neem contact op met de leerkracht, ga niet zelf naar de ouders van de pester.",
        "Steun uw kind in het idee dat er een einde aan komt",
    ]:
        P(s, "List Bullet")
    p = d.add_paragraph()
    p.add_run("Ouders van pesters:").bold = True
    for s in [
        "Neem het probleem serieus.",
        "Raak niet in paniek: elk kind kan een pester worden.",
        "Maak uw kind gevoelig voor wat het anderen aandoet",
    ]:
        P(s, "List Bullet")
    P()
    P(
        "Vastgesteld in de teamvergadering van 4 september 2023 en met instemming van de MR.\nDe directie"
    )
    d.save(str(path))
    return path


def vlinder_tien_odt(path: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties, Style, TextProperties
    from odf.text import H, LineBreak, List, ListItem, ListLevelStyleBullet, ListStyle, P, Tab

    doc = OpenDocumentText()
    st = doc.styles

    def pstyle(name, display, size, bold=True, outline=None, parent=None):
        kw = dict(name=name, displayname=display, family="paragraph")
        if parent:
            kw["parentstylename"] = parent
        if outline:
            kw["defaultoutlinelevel"] = str(outline)
        s = Style(**kw)
        s.addElement(TextProperties(fontsize=size, fontweight="bold" if bold else "normal"))
        st.addElement(s)
        return s

    pstyle("Standard", "Standard", "11pt", bold=False)
    pstyle("Heading", "Heading", "14pt", parent="Standard")
    h1 = pstyle("Heading_20_1", "Heading 1", "16pt", outline=1, parent="Heading")
    h2 = pstyle("Heading_20_2", "Heading 2", "13pt", outline=2, parent="Heading")
    h3 = pstyle("Heading_20_3", "Heading 3", "12pt", outline=3, parent="Heading")
    title = pstyle("Title", "Title", "24pt", parent="Heading")
    body = pstyle("Text_20_body", "Text body", "11pt", bold=False, parent="Standard")
    bold = Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    st.addElement(bold)
    ls = ListStyle(name="List_20_1", displayname="List 1")
    lb = ListLevelStyleBullet(level="1", bulletchar="•")
    lb.addElement(ListLevelProperties(spacebefore="0.6cm", minlabelwidth="0.6cm"))
    ls.addElement(lb)
    st.addElement(ls)

    t = doc.text

    def para(text, style=body):
        p = P(stylename=style)
        lines = text.split("\n")
        for i, line in enumerate(lines):
            segs = line.split("\t")
            for j, s in enumerate(segs):
                if s:
                    p.addText(s)
                if j < len(segs) - 1:
                    p.addElement(Tab())
            if i < len(lines) - 1:
                p.addElement(LineBreak())
        t.addElement(p)
        return p

    def head(text, lvl):
        style = {1: h1, 2: h2, 3: h3}[lvl]
        h = H(outlinelevel=lvl, stylename=style, text=text)
        t.addElement(h)

    def blist(items):
        l = List(stylename=ls)
        for it in items:
            li = ListItem()
            p = P(stylename=body, text=it)
            li.addElement(p)
            l.addElement(li)
        t.addElement(l)

    def empty():
        t.addElement(P(stylename=body))

    para("Pestprotocol Kindcentrum De Vlinder", title)
    para("Locatie Noord en locatie Zuid\nDatum: 1 februari 2025", body)
    empty()
    head("Inleiding", 1)
    para(
        "Kindcentrum De Vlinder is een plek waar kinderen van 0 tot 13 jaar samen spelen en leren. Wij accepteren geen pestgedrag. In dit protocol leest u hoe wij met pesten omgaan."
    )
    para(
        "Het protocol geldt voor de school, de BSO en de peuteropvang. Waar 'leerkracht' staat, kan ook 'pedagogisch medewerker' gelezen worden."
    )
    head("Wat verstaan we onder pesten?", 1)
    para(
        "Wij spreken van pesten als een kind herhaaldelijk en langdurig wordt lastiggevallen door één of meer anderen, en zich daar niet goed tegen kan verweren."
    )
    blist(
        [
            "Het gebeurt vaker dan één keer.",
            "Er is een machtsverschil.",
            "Het is de bedoeling om de ander pijn te doen",
        ]
    )
    head("Het stappenplan", 1)
    para(
        "Hieronder staan de tien stappen die wij zetten. De stappen zijn een leidraad: de leerkracht kijkt steeds wat de situatie vraagt."
    )

    head("1. Melding", 2)
    para(
        "Een kind, ouder of medewerker meldt pesten bij de leerkracht of bij de vertrouwenspersoon. Ook een anonieme melding via de brievenbus bij de teamkamer is mogelijk."
    )
    para("Wie:\tde leerkracht die de melding ontvangt\nWanneer:\tdirect")
    head("2. Eerste gesprek", 2)
    para(
        "De leerkracht gaat in gesprek met de melder om te achterhalen wat er precies gebeurd is. Waar, wanneer, wie waren er bij?"
    )
    para("Het verslag komt in het digitale dossier.")
    head("3. Gesprekken met de betrokkenen", 2)
    para("De leerkracht spreekt alle betrokken kinderen, eerst los van elkaar.")
    head("3a. Gesprek met het gepeste kind", 3)
    para(
        "Het gepeste kind krijgt de ruimte om zijn of haar verhaal te doen. De leerkracht toont begrip en zoekt samen met het kind naar oplossingen."
    )
    blist(
        [
            "Hoe voel je je?",
            "Wat heb je al geprobeerd?",
            "Wat heb je nodig om je weer veilig te voelen?",
        ]
    )
    head("3b. Gesprek met de pester", 3)
    para(
        "De leerkracht maakt duidelijk dat pesten niet geaccepteerd wordt en vraagt naar de reden van het gedrag. Er wordt niet gestraft in dit gesprek; het doel is inzicht."
    )
    head("4. Ouders informeren", 2)
    para(
        "De ouders van het gepeste kind én van de pester worden dezelfde dag telefonisch op de hoogte gebracht. Zij worden gevraagd thuis met hun kind te praten."
    )
    head("5. Afspraken vastleggen", 2)
    para(
        "Met de kinderen worden concrete afspraken gemaakt over hun gedrag. De afspraken worden op papier gezet en door de kinderen ondertekend. Een kopie gaat mee naar huis."
    )
    head("6. Inzet van de groep", 2)
    para(
        "Vaak weet de hele groep wat er speelt. In een kringgesprek (zonder namen te noemen!) bespreekt de leerkracht wat pesten met iemand doet en wat de groep kan doen."
    )
    blist(
        [
            "Wie durft het op te nemen voor een ander?",
            "Zeg het tegen een volwassene – dat is geen klikken",
        ]
    )
    head("7. Evaluatie na twee weken", 2)
    para(
        "Na twee weken spreekt de leerkracht het gepeste kind en de pester opnieuw en kijkt of de afspraken zijn nagekomen; is het pesten gestopt, dan gaan we naar stap 10."
    )
    head("8. Inschakelen van APC en intern begeleider", 2)
    para(
        "Gaat het pesten door, dan meldt de leerkracht dit bij de anti-pestcoördinator en de IB-er. Samen wordt een plan van aanpak gemaakt. De ouders worden uitgenodigd voor een gesprek op school."
    )
    para("De APC legt alles vast en bewaakt de termijnen.")
    head("9. Externe hulp en maatregelen", 2)
    para(
        "Als het pesten ook dan niet stopt, kan externe hulp worden ingeschakeld, zoals het wijkteam of een jeugdverpleegkundige van de GGD. De directie kan maatregelen nemen tegen de pester: een gesprek met de directeur, tijdelijke plaatsing in een andere groep of in het uiterste geval schorsing."
    )
    head("10. Nazorg en afsluiting", 2)
    para(
        "Ook als het pesten gestopt is, blijft de leerkracht alert. Na zes weken is er een afsluitend gesprek met het kind en de ouders."
    )
    para("Het dossier wordt gesloten door de APC.")
    empty()
    head("Contact", 1)
    para(
        "Anti-pestcoördinator:\tmevr. J. de Boer (apc@devlinder.nl)\nVertrouwenspersoon:\tdhr. P. Smit"
    )
    doc.save(str(path))
    return path


KLAVERTJE = """PESTPROTOCOL  BASISSCHOOL 'T KLAVERTJE
=====================================

Versie: jan. 2025		Opgesteld door: werkgroep sociale veiligheid


Inleiding
Op 't Klavertje gaan we respectvol met elkaar om. Pesten accepteren we niet, ook niet "een beetje".
Dit protocol is bedoeld voor het hele team , de overblijfouders en de ouders.
Het is te vinden op de website en in de schoolgids.

Wat is pesten?
Pesten is het stelselmatig kwetsen van een kind door één of meerdere kinderen. Het kind dat gepest wordt kan zich niet goed verdedigen.
Vormen van pesten zijn o.a.:
* uitschelden en belachelijk maken
* buitensluiten
*	slaan, schoppen, duwen
* via de telefoon of de computer (cyberpesten)

Wat doen we om pesten te voorkomen?
	• In alle groepen werken we wekelijks met De Vreedzame School.
	• Elke groep heeft een eigen klassencontract.
	• Op het plein is altijd toezicht van minimaal 2 volwassenen
	• De leerkracht houdt twee keer per jaar een kindgesprek met iedere leerling.


HET STAPPENPLAN
---------------

STAP 1 - Signaleren en melden
Een leerling, ouder of leerkracht merkt dat er gepest wordt en meldt dit bij de groepsleerkracht.
De leerkracht neemt de melding altijd serieus.
Termijn: zelfde dag

Stap twee: Gesprek met het gepeste kind
De leerkracht praat met het gepeste kind. Samen wordt gekeken wat er gebeurd is en wat het kind nodig heeft.
– Luister goed en geef het kind de ruimte.
– Maak afspraken over wat het kind kan doen als het weer gebeurt.
Termijn: binnen 2 dagen.

STAP 3 - Gesprek met de pester(s)
De leerkracht spreekt de pester aan op zijn/haar gedrag. Het kind moet inzien wat het gedrag met de ander doet.
1) Benoem het gedrag, niet het kind.
2) Maak duidelijke afspraken.
3) Leg de afspraken vast in het leerlingdossier.

Stap vier: Ouders inlichten
De leerkracht belt de ouders van zowel het gepeste kind als de pester...
Bij herhaling worden de ouders op school uitgenodigd voor een gesprek met leerkracht en IB'er.

STAP 5 - Inschakelen anti-pestcoördinator
Blijft het pesten doorgaan, dan wordt de APC (juf Anouk) ingeschakeld. Zij maakt samen met de leerkracht een plan van aanpak.
Het plan wordt na 3 weken geëvalueerd.

Stap zes: Maatregelen
Stopt het pesten nog steeds niet, dan neemt de directie maatregelen.
 - een gesprek met de directeur en de ouders
 - tijdelijk apart werken buiten de klas
 - in het uiterste geval: schorsing (volgens het protocol van Stichting Primair)

STAP 7 - Nazorg
Na het stoppen van het pesten houdt de leerkracht nog minimaal 6 weken een vinger aan de pols!
Er volgt een afsluitend gesprek met alle betrokkenen.


Tot slot
Heeft u vragen over dit protocol? Neem contact op met de anti-pestcoördinator: apc@klavertje.nl of bel 0123-456789.
Wij evalueren het protocol ieder jaar in de teamvergadering van juni.
"""


def klavertje_txt(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="\r\n") as f:
        f.write(KLAVERTJE)
    return path


BUILDERS = {
    "regenboog_fasen.docx": regenboog_fasen_docx,
    "wilgenhoek_tabel.docx": wilgenhoek_tabel_docx,
    "vlinder_tien.odt": vlinder_tien_odt,
    "klavertje.txt": klavertje_txt,
}
