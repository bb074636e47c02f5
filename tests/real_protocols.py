# ruff: noqa: E501  (the schools' sentences stay whole on one line, as in their documents)
"""Protocols the way other schools really write them, made in the tests from code.

Each builder writes one document in a shape the bundled protocol does not have: Word's own list
numbering on the step headings ("Stap %1" lives in numbering.xml, not in the text), the step plan
as a table with merged and multi-paragraph cells, bold-only pseudo-headings with typed numbers,
"Fase"/"Niveau"/"Trede" instead of "Stap", 4, 5 and 10 steps, sub-steps 3a/3b, a long
introduction with a table of contents, headers and footers, hyperlinks, a text box, page breaks,
smart quotes, en dashes, non-breaking spaces, tabs and emoji.

The builders use python-docx and odfpy; where python-docx has no API (list numbering, a table of
contents field, a hyperlink, a text box) they add the element through its oxml helpers, the way
Word itself writes it.

``document_text(path)`` reads a document back with the same libraries, independently of the
importer, and ``missing_sentences`` says which of its sentences a built site lacks."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path

NBSP = "\u00a0"

# ---------------------------------------------------------------------------------------------
# helpers for python-docx


def _docx():
    from docx import Document

    return Document()


def _style(document, name: str, base: str = "Normal"):
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles[base]
        return style


def _numbering(
    document,
    level_text: str,
    fmt: str = "decimal",
    sub_text: str = "%1%2.",
    sub_fmt: str = "lowerLetter",
    styles: tuple[str, str] | None = None,
) -> int:
    """Add a list definition whose first level reads ``level_text`` (e.g. "Stap %1:"); return
    its numId. python-docx has no API for numbering definitions."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(_w("abstractNumId"))) for a in numbering.findall(_w("abstractNum"))]
    num_ids = [int(n.get(_w("numId"))) for n in numbering.findall(_w("num"))]
    linked = [f'<w:pStyle w:val="{style}"/>' for style in styles] if styles else ["", ""]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="multilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f"{linked[0]}"
        f'<w:lvlText w:val="{level_text}"/><w:lvlJc w:val="left"/></w:lvl>'
        f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{sub_fmt}"/>'
        f"{linked[1]}"
        f'<w:lvlText w:val="{sub_text}"/><w:lvlJc w:val="left"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            "</w:num>"
        )
    )
    return num_id


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _numbered(paragraph, num_id: int, level: int = 0) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
            "</w:numPr>"
        )
    )


def _hyperlink(document, paragraph, text: str, url: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    r_id = document.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}"><w:r><w:rPr>'
            f'<w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">{html.escape(text)}'
            "</w:t></w:r></w:hyperlink>"
        )
    )


def _toc(document, entries: list[str]) -> None:
    """A table of contents field as Word leaves it: begin, instruction, separate, the cached
    entries with page numbers, end."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    toc_style = _style(document, "toc 1")
    for i, entry in enumerate(entries):
        paragraph = document.add_paragraph(style=toc_style)
        if i == 0:
            for xml in (
                '<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {ns}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u '
                "</w:instrText></w:r>",
                '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
            ):
                paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"))))
        paragraph.add_run(f"{entry}\t{i + 2}")
        if i == len(entries) - 1:
            paragraph._p.append(
                parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>')
            )


def _text_box(paragraph, lines: list[str]) -> None:
    """A text box (legacy VML shape, as Word writes it for compatibility) anchored in
    ``paragraph``."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    inner = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
        for line in lines
    )
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:300pt;height:80pt">'
            f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>"
            "</w:r>"
        )
    )


def _page_break(document) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def _header_footer(document, header: str, footer: str) -> None:
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer


# ---------------------------------------------------------------------------------------------
# A: Word numbering "Stap %1:" on Heading 2, long introduction, TOC, header/footer, hyperlink


def regenboog_docx(path: Path) -> Path:
    """CBS De Regenboog: the step headings are numbered by Word ("Stap %1:" in numbering.xml),
    so their text holds only the title."""
    d = _docx()
    _header_footer(
        d, "CBS De Regenboog – Pestprotocol 2024–2025", "Vastgesteld door de MR op 12 maart 2024"
    )
    d.add_heading("Pestprotocol CBS De Regenboog", level=0)
    d.add_paragraph("Inhoud", style="TOC Heading")
    _toc(
        d,
        [
            "Inleiding",
            "Wat is pesten?",
            "Preventie",
            "Het stappenplan",
            "Digitaal pesten",
            "Klachtenregeling",
        ],
    )
    _page_break(d)
    d.add_heading("Inleiding", level=1)
    d.add_paragraph(
        "Op CBS De Regenboog willen we dat ieder kind zich veilig voelt. Pesten hoort daar niet bij. "
        "In dit protocol staat hoe wij pesten voorkomen en wat we doen als het toch gebeurt."
    )
    d.add_paragraph(
        "Dit protocol is bedoeld voor leerkrachten, onderwijsassistenten, TSO-medewerkers en ouders. "
        "Het wordt elk jaar in de eerste teamvergadering besproken."
    )
    d.add_heading("Wat is pesten?", level=1)
    d.add_paragraph(
        "Er is een verschil tussen plagen en pesten. Bij plagen zijn de kinderen aan elkaar "
        "gewaagd en is het van korte duur. Bij pesten is er sprake van een ongelijke "
        "machtsverhouding en gebeurt het herhaaldelijk."
    )
    p = d.add_paragraph("Meer informatie vindt u op ")
    _hyperlink(d, p, "www.pestweb.nl", "https://www.pestweb.nl/")
    p.add_run(".")
    d.add_heading("Preventie", level=1)
    d.add_paragraph("Wij werken met de methode Kwink. Daarnaast doen we het volgende:")
    for item in (
        "In de eerste weken van het schooljaar maakt elke groep eigen klassenafspraken.",
        "Twee keer per jaar vullen de leerlingen van groep 5 t/m 8 de veiligheidsmonitor in.",
        "De pauzes worden door minimaal twee volwassenen begeleid.",
    ):
        d.add_paragraph(item, style="List Bullet")
    d.add_heading("Het stappenplan", level=1)
    d.add_paragraph("Wanneer er gepest wordt, doorlopen we de volgende stappen.")
    num = _numbering(d, "Stap %1:")
    steps = [
        (
            "Signaleren en melden",
            [
                "Iedereen die pesten ziet of hoort, meldt dit bij de groepsleerkracht.",
                "De leerkracht noteert de melding dezelfde dag in ParnasSys.",
            ],
        ),
        (
            "Gesprek met het gepeste kind",
            [
                "De leerkracht gaat in gesprek met het kind dat gepest wordt en luistert vooral.",
                "Samen wordt bekeken wat het kind nodig heeft om zich weer veilig te voelen.",
            ],
        ),
        (
            "Gesprek met de pester",
            [
                "De leerkracht spreekt de pester aan op zijn of haar gedrag en maakt duidelijke afspraken.",
                "Na een week volgt een evaluatiegesprek.",
            ],
        ),
        (
            "Ouders informeren",
            [
                "De ouders van beide kinderen worden door de leerkracht gebeld.",
                "Het gesprek wordt vastgelegd in het leerlingdossier.",
            ],
        ),
        (
            "Inschakelen van de anti-pestcoördinator",
            [
                "Als het pesten na twee weken niet is gestopt, schakelt de leerkracht de anti-pestcoördinator in.",
                "Zij bespreekt met de directie of externe hulp nodig is, bijvoorbeeld van het CJG.",
            ],
        ),
    ]
    for title, texts in steps:
        heading = d.add_heading(title, level=2)
        _numbered(heading, num)
        for text in texts:
            d.add_paragraph(text)
    d.add_heading("Digitaal pesten", level=1)
    d.add_paragraph(
        "Pesten via WhatsApp, TikTok of Snapchat gebeurt vaak buiten schooltijd. Toch heeft het "
        "invloed op de sfeer in de groep. Daarom nemen wij ook meldingen van digitaal pesten serieus."
    )
    d.add_heading("Klachtenregeling", level=1)
    d.add_paragraph(
        "Bent u niet tevreden over de manier waarop de school met pesten omgaat? Neem dan contact op "
        "met de directeur. Komt u er samen niet uit, dan kunt u terecht bij de klachtencommissie van "
        "het bestuur."
    )
    d.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# B: bold-only pseudo-headings, typed numbering, step plan as a 4-column table with merged cells


def klimop_docx(path: Path) -> Path:
    """OBS De Klimop: no heading styles at all; the step plan is a table Stap | Wat | Wie |
    Wanneer with a horizontally and a vertically merged cell and cells of several paragraphs."""
    d = _docx()
    _bold(d, "PESTPROTOCOL OBS DE KLIMOP")
    d.add_paragraph()
    _bold(d, "1. Inleiding")
    d.add_paragraph(
        "Dit pestprotocol is opgesteld door het team van OBS De Klimop en besproken met de "
        "medezeggenschapsraad. Het geeft aan hoe wij met pesten omgaan."
    )
    d.add_paragraph()
    _bold(d, "2. Afspraken in de klas")
    d.add_paragraph("In alle groepen hangen deze afspraken in de klas:")
    for i, rule in enumerate(
        (
            "Wij zijn aardig voor elkaar.",
            "Wij blijven van elkaars spullen af.",
            "Als iemand stop zegt, dan stoppen we.",
            "Wij lossen ruzie op met praten.",
        ),
        start=1,
    ):
        d.add_paragraph(f"{i}. {rule}")
    d.add_paragraph()
    _bold(d, "3. Signalen van pesten")
    d.add_paragraph(
        "Kinderen die gepest worden, vertellen dat niet altijd. Let op signalen zoals: vaak alleen "
        "staan in de pauze, buikpijn op maandagochtend, kapotte spullen of niet meer naar school willen."
    )
    _page_break(d)
    _bold(d, "4. Stappenplan bij pesten")
    rows = [
        ("Stap", "Wat", "Wie", "Wanneer"),
        (
            "1",
            "Melding van pesten wordt serieus genomen.\nDe leerkracht luistert en noteert.",
            "Leerkracht",
            "Direct",
        ),
        (
            "2",
            "Gesprek met de gepeste leerling.\nWat is er gebeurd? Wat heb je nodig?",
            "Leerkracht",
            "Dezelfde dag",
        ),
        (
            "3",
            "Gesprek met de pester.\nDe leerkracht maakt afspraken over gedrag.",
            "Leerkracht",
            "Binnen twee dagen",
        ),
        (
            "4",
            "Ouders van beide kinderen worden geïnformeerd.",
            "Leerkracht en intern begeleider",
            "",
        ),
        (
            "5",
            "Evaluatie na twee weken. Is het pesten gestopt? Zo niet, dan volgt een gesprek met ouders, leerkracht en directie.",
            "Directie",
            "Na twee weken",
        ),
    ]
    table = d.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True
            for line in lines[1:]:
                cell.add_paragraph(line)
    # Step 4: "Wie" and "Wanneer" merged into one cell.
    merged = table.cell(4, 2).merge(table.cell(4, 3))
    merged.paragraphs[-1].text = ""
    merged.add_paragraph("Binnen een week, telefonisch of op school.")
    # "Wie" of steps 1 and 2 merged vertically.
    table.cell(1, 2).merge(table.cell(2, 2))
    d.add_paragraph()
    _bold(d, "5. De vijfsporenaanpak")
    d.add_paragraph(
        "Wij werken volgens de vijfsporenaanpak. Daarin krijgt iedere betrokkene steun:"
    )
    for line in (
        "Steun aan het gepeste kind: de leerkracht luistert en zoekt samen met het kind naar oplossingen.",
        "Steun aan de pester: de pester wordt geholpen om ander gedrag te leren.",
        "Steun aan de middengroep: de klas wordt betrokken bij het zoeken naar oplossingen.",
        "Steun aan de ouders: ouders worden serieus genomen en krijgen advies.",
        "Steun aan de school: het team zorgt voor voldoende kennis over pesten.",
    ):
        d.add_paragraph(line, style="List Bullet")
    _bold(d, "6. Klachtenregeling")
    d.add_paragraph(
        "Voor klachten verwijzen wij naar de klachtenregeling op de website van de school."
    )
    d.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# C: "Fase" with sub-headings Wat / Actie / Betrokkenen, as .odt


def palet_odt(path: Path) -> Path:
    """Basisschool 't Palet: four phases as level-2 headings, each with level-3 headings "Wat",
    "Actie", "Betrokkenen"; a five-track section; an introduction table."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P

    doc = OpenDocumentText()
    h_styles = {}
    for level in (1, 2, 3):
        style = Style(
            name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph"
        )
        style.addElement(TextProperties(fontweight="bold"))
        doc.styles.addElement(style)
        h_styles[level] = style
    bullets = ListStyle(name="L1")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="•"))
    doc.automaticstyles.addElement(bullets)
    body = doc.text

    def h(level: int, text: str) -> None:
        body.addElement(H(outlinelevel=level, stylename=h_styles[level], text=text))

    def p(text: str) -> None:
        body.addElement(P(text=text))

    def ul(items: list[str]) -> None:
        lst = List(stylename=bullets)
        for item in items:
            li = ListItem()
            li.addElement(P(text=item))
            lst.addElement(li)
        body.addElement(lst)

    h(1, "Pestprotocol Basisschool ’t Palet")
    h(2, "Inleiding")
    p(
        "Op ’t Palet vinden we het belangrijk dat kinderen met plezier naar school gaan. "
        "Een veilige sfeer is daarvoor een voorwaarde."
    )
    p("In onderstaand overzicht staat wie waarvoor aanspreekpunt is.")
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for row in (
        ("Rol", "Naam"),
        ("Anti-pestcoördinator", "Juf Marieke"),
        ("Vertrouwenspersoon", "Meester Henk"),
    ):
        tr = TableRow()
        for text in row:
            cell = TableCell()
            cell.addElement(P(text=text))
            tr.addElement(cell)
        table.addElement(tr)
    body.addElement(table)
    h(2, "De vier fasen")
    p("Bij pesten werken we in vier fasen. Elke fase heeft een doel.")
    phases = [
        (
            "Fase 1 – Signaleren",
            "Pestgedrag wordt opgemerkt door een leerkracht, een ouder of een leerling.",
            [
                "De leerkracht noteert wat er is gebeurd.",
                "De leerkracht praat met de betrokken kinderen.",
            ],
            "Groepsleerkracht, eventueel de TSO-medewerker.",
        ),
        (
            "Fase 2 – Aanpakken",
            "De leerkracht voert een gesprek met de pester en met het gepeste kind.",
            ["Er worden afspraken gemaakt.", "De ouders worden op de hoogte gebracht."],
            "Groepsleerkracht en ouders.",
        ),
        (
            "Fase 3 – Opschalen",
            "Als het pesten doorgaat, wordt de anti-pestcoördinator ingeschakeld.",
            [
                "De coördinator voert een gesprek met de ouders.",
                "Er wordt een plan van aanpak gemaakt.",
            ],
            "Anti-pestcoördinator, intern begeleider, directie.",
        ),
        (
            "Fase 4 – Nazorg",
            "Na zes weken wordt gekeken of het pesten echt gestopt is.",
            ["De leerkracht houdt een evaluatiegesprek."],
            "Groepsleerkracht.",
        ),
    ]
    for title, wat, acties, wie in phases:
        h(3, title)
        body.addElement(P(text="Wat"))
        p(wat)
        body.addElement(P(text="Actie"))
        ul(acties)
        body.addElement(P(text="Betrokkenen"))
        p(wie)
    h(2, "De vijfsporenaanpak")
    p("De school kiest voor de vijfsporenaanpak van Bob van der Meer.")
    ul(
        [
            "Het gepeste kind krijgt hulp en steun.",
            "De pester wordt geconfronteerd met zijn gedrag en krijgt hulp.",
            "De middengroep (de zwijgende meerderheid) wordt betrokken.",
            "De ouders worden ondersteund.",
            "De school neemt haar verantwoordelijkheid.",
        ]
    )
    doc.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# D: plain text, 10 steps with sub-steps 3a/3b, odd characters


def vlinder_txt(path: Path) -> Path:
    """IKC De Vlinder: plain text with capitals for chapters, "Stap 3a" sub-steps, smart quotes,
    en dashes, non-breaking spaces, tabs, emoji and one very long paragraph."""
    long_paragraph = " ".join(
        [
            "Pesten is een groepsproces waarin niet alleen de pester en het gepeste kind een rol spelen,"
            " maar ook de meelopers, de buitenstaanders en de kinderen die het wel zien maar niets zeggen.",
        ]
        + [
            f"Voorbeeld {i}: een kind wordt in de pauze steeds buitengesloten en de groep lacht mee, "
            "waardoor het kind zich steeds minder veilig voelt en uiteindelijk niet meer naar buiten wil."
            for i in range(1, 26)
        ]
    )
    steps = [
        ("1", "Signaleren", "De leerkracht let op signalen en neemt ieder signaal serieus."),
        ("2", "Eerste gesprek", f"Gesprek met het kind dat gepest wordt – binnen 24{NBSP}uur."),
        ("3", "Gesprek met de pester", "De leerkracht spreekt de pester aan."),
        (
            "3a",
            "Herstelgesprek",
            "Pester en gepeste kind maken samen afspraken (‘herstelakkoord’).",
        ),
        ("3b", "Terugkoppeling", "Na één week wordt gekeken of de afspraken werken. 👍"),
        ("4", "Ouders informeren", "De ouders van beide partijen worden gebeld."),
        (
            "5",
            "Groepsgesprek",
            "De leerkracht bespreekt het pesten in de groep, zonder namen te noemen.",
        ),
        (
            "6",
            "Anti-pestcoördinator",
            "De APC wordt ingeschakeld en voert een gesprek met de leerkracht.",
        ),
        ("7", "Plan van aanpak", "Er wordt een plan gemaakt met duidelijke doelen en data."),
        ("8", "Directie", "De directeur voert een gesprek met de ouders van de pester."),
        ("9", "Externe hulp", "Zo nodig wordt hulp ingeschakeld van het CJG of de jeugdarts."),
        ("10", "Afsluiting", "Het dossier wordt afgesloten als alle betrokkenen tevreden zijn."),
    ]
    lines = [
        "PESTPROTOCOL IKC DE VLINDER",
        "",
        "INLEIDING",
        "",
        "Op ons IKC gaan we uit van “samen leren, samen leven”. Dat betekent dat we elkaar respecteren – ook als we het oneens zijn.",
        "",
        "WAT IS PESTEN?",
        "",
        long_paragraph,
        "",
        "STAPPENPLAN",
        "",
    ]
    for number, title, text in steps:
        lines += [f"Stap {number}:\t{title}", f"\t{text}", ""]
    lines += [
        "DIGITAAL PESTEN",
        "",
        "Ook pesten via de app of sociale media (😢) pakken we aan volgens dit stappenplan.",
        "",
        "Vastgesteld door de MR op 1 oktober 2024.",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# E: "Trede" as bold-only paragraphs, text box, page breaks, empty paragraphs, odd characters


def boomgaard_docx(path: Path) -> Path:
    """Jenaplanschool De Boomgaard: four "treden" written as bold paragraphs with a typed
    "Trede 1 –" in the text, labels in bold at the start of a paragraph, a text box with a tip,
    empty paragraphs, page breaks, tabs, non-breaking spaces and emoji."""
    d = _docx()
    _header_footer(d, "Jenaplanschool De Boomgaard", "Pagina 1 van 3")
    d.add_heading("Protocol pesten en plagen", level=0)
    d.add_paragraph()
    d.add_paragraph()
    d.add_heading("Uitgangspunten", level=1)
    d.add_paragraph(
        "In de stamgroep leren kinderen samen te leven. Wij gaan ervan uit dat ieder kind "
        f"zich welkom voelt – ook op de dinsdagmiddag bij de BSO.{NBSP}🙂"
    )
    tip = d.add_paragraph()
    _text_box(
        tip, ["Tip voor stamgroepleiders:", "Bespreek dit protocol in het eerste kringgesprek."]
    )
    _page_break(d)
    d.add_heading("De pestladder", level=1)
    d.add_paragraph(
        "Wij werken met vier treden. Je gaat pas naar de volgende trede als de vorige niet werkt."
    )
    treden = [
        (
            "Trede 1 – Zelf oplossen",
            [
                ("Wie:", "de kinderen zelf, met hulp van de stamgroepleider."),
                ("Wat:", "de kinderen proberen het eerst samen op te lossen."),
            ],
        ),
        (
            "Trede 2 – Stamgroepleider grijpt in",
            [
                ("Wie:", "de stamgroepleider."),
                (
                    "Wat:",
                    "de stamgroepleider voert een gesprek met beide kinderen\ten maakt afspraken.",
                ),
            ],
        ),
        (
            "Trede 3 – Ouders erbij",
            [
                ("Wie:", "stamgroepleider en ouders."),
                ("Wat:", "de ouders worden uitgenodigd voor een gesprek op school."),
            ],
        ),
        (
            "Trede 4 – Bouwcoördinator en directie",
            [
                ("Wie:", "bouwcoördinator, directie en ouders."),
                ("Wat:", "er wordt een plan van aanpak opgesteld en na vier weken geëvalueerd."),
            ],
        ),
    ]
    for title, labelled in treden:
        _bold(d, title)
        for label, text in labelled:
            paragraph = d.add_paragraph()
            paragraph.add_run(label).bold = True
            paragraph.add_run(" " + text)
        d.add_paragraph()
    _page_break(d)
    d.add_heading("Tot slot", level=1)
    d.add_paragraph("Dit protocol wordt ieder jaar geëvalueerd in de teamvergadering van juni.")
    d.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# F: step plan as a 2-column table in .odt ("Niveau 1" .. "Niveau 5")


def sint_jozef_odt(path: Path) -> Path:
    """RK Basisschool Sint Jozef: the step plan is an odt table with a row per "Niveau", the
    title in the first column and several paragraphs and a list in the second."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P

    doc = OpenDocumentText()
    heading = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)
    bullets = ListStyle(name="L1")
    bullets.addElement(ListLevelStyleBullet(level=1, bulletchar="-"))
    doc.automaticstyles.addElement(bullets)
    body = doc.text
    body.addElement(H(outlinelevel=1, stylename=heading, text="Anti-pestprotocol RKBS Sint Jozef"))
    body.addElement(P(text="Dit protocol is onderdeel van ons veiligheidsbeleid."))
    body.addElement(H(outlinelevel=1, stylename=heading, text="Stappenplan"))
    levels = [
        (
            "Niveau 1\nPreventief",
            ["In elke groep worden aan het begin van het jaar groepsregels opgesteld."],
            ["Kanjertraining in alle groepen"],
        ),
        (
            "Niveau 2\nEerste signaal",
            [
                "De leerkracht bespreekt het signaal met de betrokken kinderen.",
                "De leerkracht noteert het in het logboek.",
            ],
            [],
        ),
        (
            "Niveau 3\nHerhaald pesten",
            ["De leerkracht informeert de ouders."],
            ["Gesprek met de pester", "Gesprek met het gepeste kind"],
        ),
        (
            "Niveau 4\nIntern begeleider",
            ["De intern begeleider wordt betrokken en er volgt een gesprek met alle ouders."],
            [],
        ),
        (
            "Niveau 5\nExterne hulp",
            [
                "De directeur schakelt externe hulp in.",
                "In het uiterste geval volgt een time-out of schorsing volgens het beleid van de stichting.",
            ],
            [],
        ),
    ]
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    header = TableRow()
    for text in ("Niveau", "Wat doen we?"):
        cell = TableCell()
        cell.addElement(P(text=text))
        header.addElement(cell)
    table.addElement(header)
    for title, paragraphs, items in levels:
        row = TableRow()
        first = TableCell()
        for line in title.split("\n"):
            first.addElement(P(text=line))
        row.addElement(first)
        second = TableCell()
        for text in paragraphs:
            second.addElement(P(text=text))
        if items:
            lst = List(stylename=bullets)
            for item in items:
                li = ListItem()
                li.addElement(P(text=item))
                lst.addElement(li)
            second.addElement(lst)
        row.addElement(second)
        table.addElement(row)
    body.addElement(table)
    body.addElement(H(outlinelevel=1, stylename=heading, text="Contact"))
    body.addElement(
        P(text="Vragen over dit protocol? Mail de anti-pestcoördinator via de schoolapp.")
    )
    doc.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# G: Normal paragraphs with typed "1." step numbers and sub-steps, Word's automatic list
# numbering "%1." on a heading list, bold inline labels


def zonnewijzer_docx(path: Path) -> Path:
    """Daltonschool De Zonnewijzer: under "Ons stappenplan" the steps are Heading 2 paragraphs
    numbered by Word with "%1." (no word "Stap" anywhere); sub-steps are numbered "%1%2." at
    the second level; each step has the bold labels "Doel", "Wie", "Wanneer" as paragraphs."""
    d = _docx()
    d.add_heading("Pestprotocol Daltonschool De Zonnewijzer", level=0)
    d.add_heading("Voorwoord", level=1)
    d.add_paragraph(
        "Dit protocol is een aanvulling op het schoolveiligheidsplan. Het is besproken met de MR "
        "en met de leerlingenraad."
    )
    d.add_heading("Ons stappenplan", level=1)
    num = _numbering(d, "%1.")
    steps = [
        (
            0,
            "Melding",
            "Een melding wordt serieus genomen en vastgelegd.",
            "Iedere medewerker",
            "Direct",
        ),
        (
            0,
            "Gesprekken",
            "De leerkracht voert gesprekken met de betrokkenen.",
            "Leerkracht",
            "Binnen twee dagen",
        ),
        (
            1,
            "Gesprek met het gepeste kind",
            "Het kind vertelt wat er is gebeurd.",
            "Leerkracht",
            "Dag 1",
        ),
        (
            1,
            "Gesprek met de pester",
            "De pester krijgt de kans om zijn kant te vertellen.",
            "Leerkracht",
            "Dag 2",
        ),
        (0, "Ouders", "Ouders worden telefonisch geïnformeerd.", "Leerkracht", "Binnen een week"),
        (
            0,
            "Evaluatie",
            "Na drie weken wordt bekeken of het pesten gestopt is.",
            "Leerkracht en IB",
            "Na drie weken",
        ),
    ]
    for level, title, doel, wie, wanneer in steps:
        heading = d.add_heading(title, level=2 if level == 0 else 3)
        _numbered(heading, num, level)
        for label, text in (("Doel", doel), ("Wie", wie), ("Wanneer", wanneer)):
            _bold(d, label)
            d.add_paragraph(text)
    d.add_heading("Bijlagen", level=1)
    d.add_paragraph("Bijlage 1: Registratieformulier pestincident")
    d.add_paragraph("Bijlage 2: Brief aan ouders")
    d.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# H: what Word leaves in a document that has been edited for years


def _footnotes(document, notes: list[str]) -> None:
    """A footnotes part with ``notes`` (ids 1..n); python-docx's default template has none."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {html.escape(text)}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, start=1)
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _footnote_ref(paragraph, number: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


def _wrapped(paragraph, wrapper: str, text: str) -> None:
    """A run of ``text`` inside another element: a tracked insertion (w:ins), an inline content
    control (w:sdt) or a simple field (w:fldSimple)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    run = f'<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'
    xml = {
        "ins": f'<w:ins {nsdecls("w")} w:id="90" w:author="IB" w:date="2024-05-01T10:00:00Z">{run}</w:ins>',
        "sdt": f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Schoolnaam"/></w:sdtPr>'
        f"<w:sdtContent>{run}</w:sdtContent></w:sdt>",
        "fldSimple": f'<w:fldSimple {nsdecls("w")} w:instr=" DOCPROPERTY Company ">{run}</w:fldSimple>',
    }[wrapper]
    paragraph._p.append(parse_xml(xml))


def _cover_page(document, lines: list[str]) -> None:
    """A cover page as Word inserts it: paragraphs inside a block-level content control."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    inner = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(line)}</w:t></w:r></w:p>'
        for line in lines
    )
    document.element.body.insert(
        0,
        parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/>'
            f"</w:docPartObj></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        ),
    )


def kompas_docx(path: Path) -> Path:
    """Kindcentrum Het Kompas: a cover page in a content control, steps as "List Paragraph"
    items numbered "Stap %1." by Word, a tracked insertion, a content control and a field in
    running text, footnotes, a "klik hier" link, and a table nested in a table cell."""
    d = _docx()
    _footnotes(
        d,
        [
            "Wet sociale veiligheid, artikel 4c van de Wet op het primair onderwijs.",
            "Zie ook het veiligheidsplan van de stichting.",
        ],
    )
    d.add_heading("Inleiding", level=1)
    p = d.add_paragraph("Iedere school is verplicht een anti-pestcoördinator aan te stellen.")
    _footnote_ref(p, 1)
    p = d.add_paragraph("Dit protocol geldt voor ")
    _wrapped(p, "sdt", "Kindcentrum Het Kompas")
    p.add_run(" en voor de ")
    _wrapped(p, "fldSimple", "peuterspeelzaal")
    p.add_run(".")
    p = d.add_paragraph("Het team heeft dit protocol in mei besproken.")
    _wrapped(p, " ins".strip(), " De MR heeft ingestemd op 14 mei 2024.")
    _footnote_ref(p, 2)
    p = d.add_paragraph("Het meldformulier vindt u ")
    _hyperlink(d, p, "hier", "https://www.hetkompas.nl/meldformulier")
    p.add_run(".")
    d.add_heading("Stappenplan", level=1)
    num = _numbering(d, "Stap %1.")
    steps = [
        (
            "Luisteren en noteren",
            "De leerkracht luistert naar het kind en noteert wat er is gebeurd.",
        ),
        ("Gesprek met de betrokkenen", "De leerkracht voert apart een gesprek met ieder kind."),
        ("Herstel", "De kinderen maken samen afspraken om het weer goed te maken."),
        ("Ouders en coördinator", "De leerkracht informeert de ouders en de anti-pestcoördinator."),
    ]
    for title, text in steps:
        item = d.add_paragraph(title, style="List Paragraph")
        _numbered(item, num)
        d.add_paragraph(text)
    d.add_heading("Contactgegevens", level=1)
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).paragraphs[0].text = "Anti-pestcoördinator"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).paragraphs[0].text = "Juf Samira Bakker"
    inner.cell(1, 0).paragraphs[0].text = "Bereikbaar op dinsdag en donderdag."
    _cover_page(d, ["Pestprotocol", "Kindcentrum Het Kompas, schooljaar 2024–2025"])
    d.save(str(path))
    return path


def de_linde_odt(path: Path) -> Path:
    """OBS De Linde, written in LibreOffice: a table of contents, a footnote in running text, a
    text box (a frame) anchored in a paragraph, a section around the step plan, "Stap 1: ..."
    headings with the four Ws as bold paragraphs."""
    from odf.draw import Frame, TextBox
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import (
        H,
        IndexBody,
        IndexTitle,
        Note,
        NoteBody,
        NoteCitation,
        P,
        Section,
        TableOfContent,
        TableOfContentSource,
    )

    doc = OpenDocumentText()
    heading = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)
    bold = Style(name="P1", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    body = doc.text
    toc = TableOfContent(name="Inhoudsopgave1")
    toc.addElement(TableOfContentSource(outlinelevel=2))
    index = IndexBody()
    title = IndexTitle(name="Inhoudsopgave1_Head")
    title.addElement(P(text="Inhoudsopgave"))
    index.addElement(title)
    for entry in ("Inleiding\t1", "Stappenplan\t2"):
        index.addElement(P(text=entry))
    toc.addElement(index)
    body.addElement(toc)
    body.addElement(H(outlinelevel=1, stylename=heading, text="Inleiding"))
    p = P(text="De Linde is een openbare school met 240 leerlingen.")
    note = Note(id="ftn1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body_of_note = NoteBody()
    body_of_note.addElement(P(text="Teldatum 1 oktober 2024."))
    note.addElement(body_of_note)
    p.addElement(note)
    p.addText(" Wij vinden een veilig schoolklimaat belangrijk.")
    body.addElement(p)
    anchor = P(text="Let op de volgende tip.")
    frame = Frame(name="Tekstvak1", anchortype="paragraph", width="8cm", height="2cm")
    box = TextBox()
    box.addElement(P(text="Tip: lees ook de folder voor ouders."))
    frame.addElement(box)
    anchor.addElement(frame)
    body.addElement(anchor)
    section = Section(name="Stappenplan")
    section.addElement(H(outlinelevel=1, stylename=heading, text="Stappenplan"))
    for number, title_text, wanneer, wie in (
        (1, "Melden", "Zodra pesten wordt gezien.", "Iedereen die het ziet."),
        (2, "Onderzoeken", "Binnen twee schooldagen.", "De groepsleerkracht."),
        (3, "Aanpakken", "Na het onderzoek.", "Groepsleerkracht en ouders."),
        (4, "Evalueren", "Na vier weken.", "Groepsleerkracht en APC."),
    ):
        section.addElement(
            H(outlinelevel=2, stylename=heading, text=f"Stap {number}: {title_text}")
        )
        section.addElement(P(stylename=bold, text="WANNEER"))
        section.addElement(P(text=wanneer))
        section.addElement(P(stylename=bold, text="WIE"))
        section.addElement(P(text=wie))
    body.addElement(section)
    doc.save(str(path))
    return path


def anker_docx(path: Path) -> Path:
    """CBS Het Anker: one Word list, linked to the heading styles, numbers every chapter ("1.",
    "2.") and every paragraph under it ("3.1", "3.2"): the steps are "3.1 Melding" .. "3.6
    Afsluiting" under "3. Stappenplan"; no number is in the text nor on the paragraph, and a
    heading's level in the list comes from its style."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = _docx()
    d.add_heading("Pestprotocol CBS Het Anker", level=0)
    styles = ("Heading1", "Heading2")
    num = _numbering(d, "%1.", sub_text="%1.%2", sub_fmt="decimal", styles=styles)
    for name in ("Heading 1", "Heading 2"):  # the list is linked to the heading styles
        d.styles[name].element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num}"/></w:numPr>')
        )

    def heading(text: str, level: int) -> None:
        d.add_heading(text, level=level)

    heading("Inleiding", 1)
    d.add_paragraph("Het Anker is een school waar kinderen zich thuis voelen.")
    heading("Wat verstaan we onder pesten?", 1)
    d.add_paragraph("Pesten is structureel, plagen is incidenteel.")
    heading("Stappenplan", 1)
    d.add_paragraph("Dit zijn de stappen die we zetten als er gepest wordt.")
    for title, text in (
        ("Melding", "Elke melding wordt dezelfde dag genoteerd."),
        ("Gesprek met het gepeste kind", "De leerkracht luistert en stelt het kind gerust."),
        ("Gesprek met de pester", "De leerkracht maakt duidelijke afspraken."),
        ("Ouders informeren", "De leerkracht belt beide ouders."),
        ("Evaluatie", "Na twee weken kijkt de leerkracht of het pesten is gestopt."),
        ("Afsluiting", "De APC sluit het dossier af."),
    ):
        heading(title, 2)
        d.add_paragraph(text)
    heading("Klachtenregeling", 1)
    d.add_paragraph("Klachten kunt u melden bij de directie.")
    d.save(str(path))
    return path


def wilgen_docx(path: Path) -> Path:
    """Basisschool De Wilgen: every step in a box (a table of one cell), its heading in the
    school's own style "Stapkop" (based on Heading 2), the four Ws as bold labels."""
    d = _docx()
    step_style = _style(d, "Stapkop", base="Heading 2")
    chapter_style = _style(d, "Hoofdstuk", base="Heading 1")
    d.add_paragraph("Pestprotocol De Wilgen", style="Title")
    d.add_paragraph("Uitgangspunten", style=chapter_style)
    d.add_paragraph("Iedereen hoort erbij. Pesten accepteren we niet.")
    d.add_paragraph("Zo pakken we pesten aan", style=chapter_style)
    for number, title, wanneer, wie in (
        (1, "Signaal", "Zodra een kind of ouder iets meldt.", "De groepsleerkracht."),
        (2, "Gesprekken", "Binnen twee dagen na het signaal.", "Groepsleerkracht en kinderen."),
        (3, "Ouders erbij", "Als het na een week niet beter gaat.", "Leerkracht, ouders en IB."),
    ):
        box = d.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        cell = box.cell(0, 0)
        cell.paragraphs[0].text = f"Stap {number}: {title}"
        cell.paragraphs[0].style = step_style
        for label, text in (("Wanneer?", wanneer), ("Wie?", wie)):
            cell.add_paragraph().add_run(label).bold = True
            cell.add_paragraph(text)
        d.add_paragraph()
    d.add_paragraph("Tot slot", style=chapter_style)
    d.add_paragraph("Dit protocol is vastgesteld in de teamvergadering.")
    d.save(str(path))
    return path


TAFEL_ROWS = [
    # Nr, Stap, Actie, Wie; None: merged with the cell above
    ("1", "Melden", "De melding wordt dezelfde dag genoteerd.", "Leerkracht"),
    ("2", "Gesprekken", "Gesprek met het gepeste kind.", "Leerkracht"),
    (None, None, "Gesprek met de pester.", "Leerkracht en IB"),
    ("3", "Ouders", "De ouders worden gebeld en uitgenodigd.", "Directie"),
]
"""De Tafel's step plan: a caption row across the table, the step's number and name in
columns of their own, and step 2 spanning two rows (its first two cells merged down)."""


def _tafel_text() -> tuple[str, str, str]:
    return (
        "Pestprotocol OBS De Tafel",
        "Wij pakken pesten samen aan, met de kinderen en hun ouders.",
        "Dit protocol is vastgesteld door het team en de MR.",
    )


def tafel_docx(path: Path) -> Path:
    title, intro, end = _tafel_text()
    d = _docx()
    d.add_heading(title, level=0)
    d.add_heading("Inleiding", level=1)
    d.add_paragraph(intro)
    d.add_heading("Stappenplan", level=1)
    table = d.add_table(rows=len(TAFEL_ROWS) + 2, cols=4)
    table.style = "Table Grid"
    caption = table.cell(0, 0).merge(table.cell(0, 3))
    caption.paragraphs[0].text = "Stappenplan bij pesten"
    for c, text in enumerate(("Nr", "Stap", "Actie", "Wie")):
        table.cell(1, c).paragraphs[0].text = text
    for r, row in enumerate(TAFEL_ROWS, start=2):
        for c, text in enumerate(row):
            if text is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).paragraphs[0].text = text
    d.add_heading("Tot slot", level=1)
    d.add_paragraph(end)
    d.save(str(path))
    return path


def tafel_odt(path: Path) -> Path:
    """De Tafel in LibreOffice: the merged cells are spans and covered cells."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    title, intro, end = _tafel_text()
    doc = OpenDocumentText()
    heading = Style(name="Heading_20_1", displayname="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontweight="bold"))
    doc.styles.addElement(heading)
    titled = Style(name="Title", family="paragraph")
    doc.styles.addElement(titled)
    body = doc.text
    body.addElement(P(stylename=titled, text=title))
    body.addElement(H(outlinelevel=1, stylename=heading, text="Inleiding"))
    body.addElement(P(text=intro))
    body.addElement(H(outlinelevel=1, stylename=heading, text="Stappenplan"))
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=4))
    caption = TableRow()
    cell = TableCell(numbercolumnsspanned=4)
    cell.addElement(P(text="Stappenplan bij pesten"))
    caption.addElement(cell)
    for _ in range(3):
        caption.addElement(CoveredTableCell())
    table.addElement(caption)
    rows = [("Nr", "Stap", "Actie", "Wie"), *TAFEL_ROWS]
    for r, row in enumerate(rows):
        tr = TableRow()
        for c, text in enumerate(row):
            if text is None:
                tr.addElement(CoveredTableCell())
                continue
            below = r + 1 < len(rows) and rows[r + 1][c] is None
            cell = TableCell(numberrowsspanned=2) if below else TableCell()
            cell.addElement(P(text=text))
            tr.addElement(cell)
        table.addElement(tr)
    body.addElement(table)
    body.addElement(H(outlinelevel=1, stylename=heading, text="Tot slot"))
    body.addElement(P(text=end))
    doc.save(str(path))
    return path


def klaproos_odt(path: Path) -> Path:
    """Basisschool De Klaproos in LibreOffice: the step headings are numbered by the outline
    numbering ("Stap " before level 2, ":" after it), so their text holds only the title; the
    chapters (level 1) are not numbered."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, OutlineLevelStyle, OutlineStyle, P

    doc = OpenDocumentText()
    outline = OutlineStyle(name="Outline")
    outline.addElement(OutlineLevelStyle(level=1, numformat=""))
    outline.addElement(OutlineLevelStyle(level=2, numformat="1", numprefix="Stap ", numsuffix=":"))
    doc.styles.addElement(outline)
    headings = {}
    for level in (1, 2):
        style = Style(
            name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph"
        )
        style.addElement(TextProperties(fontweight="bold"))
        doc.styles.addElement(style)
        headings[level] = style
    body = doc.text
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Inleiding"))
    body.addElement(P(text="Op De Klaproos voelt ieder kind zich veilig."))
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Stappenplan"))
    for title, text in (
        ("Signaleren", "De leerkracht let op signalen en noteert ze."),
        ("Bespreken", "De leerkracht bespreekt het met de kinderen en de ouders."),
        ("Doorverwijzen", "De intern begeleider schakelt zo nodig hulp in."),
    ):
        body.addElement(H(outlinelevel=2, stylename=headings[2], text=title))
        body.addElement(P(text=text))
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Tot slot"))
    body.addElement(P(text="Het protocol wordt elk jaar besproken."))
    doc.save(str(path))
    return path


BEUK_STEPS = [
    ("Melding", "De leerkracht noteert de melding in het leerlingvolgsysteem."),
    ("Gesprek", "De leerkracht praat apart met de kinderen."),
    ("Ouders", "De leerkracht belt de ouders van beide kinderen."),
    ("Evaluatie", "Na twee weken wordt geëvalueerd of het pesten is gestopt."),
]


def beuk_docx(path: Path) -> Path:
    """OBS De Beuk: the step titles are items of one Word numbered list ('List Number'), each
    followed by ordinary paragraphs, so the list's numbers (1., 2., ...) run on through the
    step plan."""
    d = _docx()
    d.add_heading("Pestprotocol OBS De Beuk", level=0)
    d.add_heading("Inleiding", level=1)
    d.add_paragraph("Wij willen dat kinderen zich veilig voelen op De Beuk.")
    d.add_heading("Stappenplan", level=1)
    for title, text in BEUK_STEPS:
        d.add_paragraph(title, style="List Number")
        d.add_paragraph(text)
    d.add_heading("Tot slot", level=1)
    d.add_paragraph("Dit protocol is vastgesteld door de directie.")
    d.save(str(path))
    return path


def beuk_odt(path: Path) -> Path:
    """OBS De Beuk in LibreOffice: each step heading stands in a numbered list whose style puts
    "Stap " before the number, as LibreOffice writes numbered headings it took over from Word."""
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, List, ListItem, ListLevelStyleNumber, ListStyle, P

    doc = OpenDocumentText()
    headings = {}
    for level in (1, 2):
        style = Style(
            name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph"
        )
        style.addElement(TextProperties(fontweight="bold"))
        doc.styles.addElement(style)
        headings[level] = style
    steps = ListStyle(name="L1")
    steps.addElement(ListLevelStyleNumber(level=1, numformat="1", numprefix="Stap ", numsuffix=":"))
    doc.automaticstyles.addElement(steps)
    body = doc.text
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Inleiding"))
    body.addElement(P(text="Wij willen dat kinderen zich veilig voelen op De Beuk."))
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Stappenplan"))
    for title, text in BEUK_STEPS:
        numbered = List(stylename=steps)
        item = ListItem()
        item.addElement(H(outlinelevel=2, stylename=headings[2], text=title))
        numbered.addElement(item)
        body.addElement(numbered)
        body.addElement(P(text=text))
    body.addElement(H(outlinelevel=1, stylename=headings[1], text="Tot slot"))
    body.addElement(P(text="Dit protocol is vastgesteld door de directie."))
    doc.save(str(path))
    return path


def _smartart(document, paragraph, nodes: list[str]) -> None:
    """A SmartArt figure (a process diagram) anchored in ``paragraph``: its text lives in the
    diagram's data part, not in the document's paragraphs."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    points = "".join(
        f'<dgm:pt modelId="{{0000000{i}-0000-0000-0000-000000000000}}"><dgm:prSet/><dgm:spPr/>'
        f"<dgm:t><a:bodyPr/><a:p><a:r><a:t>{html.escape(text)}</a:t></a:r></a:p></dgm:t>"
        "</dgm:pt>"
        for i, text in enumerate(nodes, start=1)
    )
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<dgm:dataModel {nsdecls('dgm', 'a')}><dgm:ptLst>"
        '<dgm:pt modelId="{00000000-0000-0000-0000-000000000000}" type="doc"><dgm:prSet/>'
        f"<dgm:spPr/></dgm:pt>{points}</dgm:ptLst><dgm:cxnLst/><dgm:bg/><dgm:whole/>"
        "</dgm:dataModel>"
    ).encode()
    part = Part(
        PackURI("/word/diagrams/data1.xml"),
        CONTENT_TYPE.DML_DIAGRAM_DATA,
        blob,
        document.part.package,
    )
    r_id = document.part.relate_to(part, RELATIONSHIP_TYPE.DIAGRAM_DATA)
    paragraph._p.append(
        parse_xml(
            f"<w:r {nsdecls('w', 'wp', 'a', 'r', 'dgm')}><w:drawing><wp:inline>"
            '<wp:extent cx="5486400" cy="1200000"/><wp:docPr id="1" name="Diagram 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
            f'<dgm:relIds r:dm="{r_id}" r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic>'
            "</wp:inline></w:drawing></w:r>"
        )
    )


def es_docx(path: Path) -> Path:
    """Basisschool De Es: the step plan at a glance as a SmartArt process figure above the
    steps, which are written out as "Stap N" headings below it."""
    d = _docx()
    d.add_heading("Pestprotocol De Es", level=0)
    d.add_heading("Stappenplan in één oogopslag", level=1)
    figure = d.add_paragraph()
    _smartart(
        d,
        figure,
        ["Signaleren", "Gesprek met de kinderen", "Ouders informeren", "Evalueren na twee weken"],
    )
    for number, title, text in (
        (1, "Signaleren", "Iedere medewerker is alert op pestgedrag."),
        (2, "Gesprek met de kinderen", "De leerkracht voert eerst aparte gesprekken."),
        (3, "Ouders informeren", "De ouders worden dezelfde week gebeld."),
        (4, "Evalueren", "Na twee weken volgt een evaluatie met alle betrokkenen."),
    ):
        d.add_heading(f"Stap {number}: {title}", level=2)
        d.add_paragraph(text)
    d.save(str(path))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "regenboog.docx": regenboog_docx,
    "klimop.docx": klimop_docx,
    "palet.odt": palet_odt,
    "vlinder.txt": vlinder_txt,
    "boomgaard.docx": boomgaard_docx,
    "sint_jozef.odt": sint_jozef_odt,
    "zonnewijzer.docx": zonnewijzer_docx,
    "kompas.docx": kompas_docx,
    "de_linde.odt": de_linde_odt,
    "anker.docx": anker_docx,
    "wilgen.docx": wilgen_docx,
    "tafel.docx": tafel_docx,
    "tafel.odt": tafel_odt,
    "klaproos.odt": klaproos_odt,
    "beuk.docx": beuk_docx,
    "beuk.odt": beuk_odt,
    "es.docx": es_docx,
}


# ---------------------------------------------------------------------------------------------
# reading a document back, independently of the importer


def _docx_blocks(path: Path) -> Iterator[str]:
    """Every paragraph of the body in order, including table cells, text boxes, content
    controls and footnotes, but not a table of contents (Word regenerates it)."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    in_field = False
    for p in document.element.body.iter(qn("w:p")):
        style = Paragraph(p, document._body).style
        if style is not None and re.match(r"toc", style.name, re.IGNORECASE):
            continue
        texts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:fldChar"), qn("w:p")):
            if node.tag == qn("w:fldChar"):
                kind = node.get(qn("w:fldCharType"))
                in_field = kind in ("begin", "separate")
            elif node.tag == qn("w:p"):
                if node is not p:  # a text box's paragraph: visited on its own
                    break
            elif in_field:
                continue
            elif node.tag == qn("w:tab"):
                texts.append("\t")
            elif node.tag == qn("w:br"):
                texts.append("\n")  # a line break inside the paragraph
            else:
                texts.append(node.text or "")
        yield "".join(texts)
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.DIAGRAM_DATA:
            data = parse_xml(rel.target_part.blob)
            for point in data.iter(qn("dgm:pt")):
                texts = [
                    "".join(t.text or "" for t in p.iter(qn("a:t"))) for p in point.iter(qn("a:p"))
                ]
                yield from texts
    try:
        footnotes = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    except KeyError:
        return
    for note in parse_xml(footnotes.blob).iter(qn("w:footnote")):
        if note.get(qn("w:type")) is None:
            yield "".join(t.text or "" for t in note.iter(qn("w:t")))


def _odt_blocks(path: Path) -> Iterator[str]:
    """Every paragraph and heading, each on its own: a footnote's or text box's paragraphs are
    not part of the paragraph they stand in; a table of contents is left out."""
    from odf.opendocument import load
    from odf.text import H, P, TableOfContent

    def text(node) -> str:
        out = []
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                out.append(child.data)
            elif child.qname[1] in ("note", "frame"):
                continue
            elif child.qname[1] == "tab":
                out.append("\t")
            elif child.qname[1] == "line-break":
                out.append("\n")
            elif child.qname[1] == "s":
                out.append(" " * int(child.getAttribute("c") or 1))
            else:
                out.append(text(child))
        return "".join(out)

    document = load(str(path))
    toc = {
        id(p)
        for t in document.text.getElementsByType(TableOfContent)
        for p in t.getElementsByType(P)
    }
    for element in document.text.getElementsByType(P) + document.text.getElementsByType(H):
        if id(element) not in toc:
            yield text(element)


def document_text(path: Path) -> list[str]:
    """The paragraphs of ``path`` as a reader sees them (without Word's list numbers)."""
    if path.suffix == ".docx":
        blocks = list(_docx_blocks(path))
    elif path.suffix == ".odt":
        blocks = list(_odt_blocks(path))
    else:
        # A typed bullet is the list's mark, not text: '* buitensluiten', '• ...', '– ...'.
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        blocks = [re.sub(r"^\s*[·•*–-]\s*(?=\S)", "", line) for line in lines]
    # A line of only '=' or '-' under a heading is layout, not text: it has no words.
    return [b for b in blocks if any(c.isalpha() or c.isdigit() for c in b)]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"'(])")


def _normal(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return re.sub(r"\s+", " ", text).strip()


def sentences(path: Path) -> list[str]:
    found: list[str] = []
    for block in document_text(path):
        for line in block.split("\n"):  # a line break inside a paragraph ends a line
            found += [s for s in (_normal(x) for x in _SENTENCE_END.split(line)) if s]
    return found


def site_text(site: Path) -> str:
    """All text of the built site's pages, tags stripped, whitespace collapsed."""
    chunks = []
    for page in sorted(site.rglob("*.html")):
        raw = page.read_text(encoding="utf-8")
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
        chunks.append(html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    return _normal(" ".join(chunks))


def missing_sentences(document: Path, site: Path) -> list[str]:
    text = site_text(site)
    return [s for s in sentences(document) if s not in text]
