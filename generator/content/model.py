"""The content model: the school's protocol as typed data.

Field names are Dutch because the school's anti-bullying coordinator (APC) edits the YAML files
that these models describe. Every model forbids unknown keys: a misspelt key is the most common
editing error and must never be silently ignored.

Two kinds of text live side by side and never mix:

* the school's own protocol text (``wanneer``, ``waarom``, ``wie``, ``hoe``, ``alinea``,
  ``titel``), kept verbatim, typos included;
* our additions (``toelichting`` blocks, role descriptions, glossary explanations), which the
  site always shows labelled as "toelichting", with their sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from generator.content.status import Status, is_placeholder

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=60),
    Field(description="Korte naam in kleine letters, cijfers en streepjes, bijv. 'apc'."),
]
SITE_ADDRESS = r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?$"
"""A web address of the site: scheme, host, optional port and folder; nothing else."""
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]


class MarkdownText(str):
    """A text in which simple Markdown is allowed; the site renders and cleans it
    (generator/site/safe.py). Every other text is shown exactly as written."""


Markdown = Annotated[
    str,
    StringConstraints(min_length=1),
    AfterValidator(MarkdownText),
    Field(description="Tekst; eenvoudige opmaak (Markdown) is toegestaan."),
]

CLOSED = "afgesloten"
"""The pseudo-target of a transition that ends the case."""


class Strict(BaseModel):
    """Base for every content model: unknown keys are errors, values are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# --------------------------------------------------------------------------------------------
# Text blocks
# --------------------------------------------------------------------------------------------


class Lijst(Strict):
    """A bulleted list in the school's text; each item is kept verbatim."""

    lijst: list[Text] = Field(min_length=1, description="De opsommingstekens van de school.")
    genummerd: bool = Field(
        default=False, description="Waar: een genummerde lijst (1, 2, 3) in plaats van bolletjes."
    )


class Tabel(Strict):
    """A table in the school's text; the first row holds the column headings."""

    tabel: list[list[str]] = Field(
        min_length=1,
        description="De rijen van de tabel, elke rij een lijst cellen; de eerste "
        "rij zijn de kolomkoppen.",
    )


def _block_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "tabel" if "tabel" in value else "lijst"
    return "alinea"


Blok = Annotated[
    Annotated[Text, Tag("alinea")]
    | Annotated[Lijst, Tag("lijst")]
    | Annotated[Tabel, Tag("tabel")],
    Discriminator(_block_kind),
]
"""One paragraph (a string), one list (``lijst: [...]``) or one table (``tabel: [[...]]``) of
the school's text."""


class Sectie(Strict):
    """A part of the school's text under its own heading, kept with the heading as written
    (e.g. 'Actie', 'Betrokkenen', 'Signalen van pesten')."""

    kop: Text = Field(description="Het kopje zoals de school het schreef.")
    niveau: int = Field(default=1, ge=1, le=3, description="1: kopje; 2 en 3: kopje eronder.")
    tekst: list[Blok] = Field(default_factory=list, description="De tekst, letterlijk.")


class Deelstap(Strict):
    """A sub-step of a step (e.g. 'Stap 3a'), with the school's heading and text verbatim."""

    kop: Text = Field(description="Het kopje van de deelstap zoals de school het schreef.")
    tekst: list[Blok] = Field(default_factory=list, description="De tekst, letterlijk.")
    secties: list[Sectie] = Field(default_factory=list)


class Hoofdstuk(Strict):
    """A part of the protocol outside the step plan (e.g. 'Inleiding', 'Definitie van
    pesten', 'Preventie'), verbatim on a page of its own."""

    id: Id = Field(description="Wordt het webadres: /protocol/<id>/.")
    titel: Text = Field(description="De kop zoals de school hem schreef.")
    plaats: Literal["voor", "na"] = Field(
        default="voor", description="Staat dit deel in het protocol voor of na het stappenplan?"
    )
    tekst: list[Blok] = Field(default_factory=list, description="De tekst, letterlijk.")
    secties: list[Sectie] = Field(default_factory=list)


class Hoofdstukken(Strict):
    hoofdstukken: list[Hoofdstuk] = Field(
        default_factory=list,
        description="De delen van het protocol buiten het stappenplan, in hun volgorde.",
    )


class Bron(Strict):
    """A public source for one of our additions."""

    titel: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None


class Toelichting(Strict):
    """An explanation we add to the school's text. Always shown apart and labelled."""

    titel: Text
    tekst: Markdown
    bronnen: list[Bron] = Field(default_factory=list)
    voorstel: bool = Field(
        default=False,
        description="Waar: een voorstel dat de school nog niet heeft vastgesteld.",
    )


# --------------------------------------------------------------------------------------------
# School
# --------------------------------------------------------------------------------------------


class Contact(Strict):
    functie: Text
    naam: Text | None = None
    email: Text | None = None
    telefoon: Text | None = None


class School(Strict):
    naam: Text
    protocol_titel: Text
    korte_titel: Text | None = Field(
        default=None,
        description="Korte naam van het protocol voor de kop van elke pagina, bijv. "
        "'Pestprotocol'. Leeg: de hele titel.",
    )
    versie: Text
    vastgesteld: dt.date | None = Field(
        default=None, description="Datum waarop het protocol is vastgesteld (JJJJ-MM-DD)."
    )
    instemming_mr: dt.date | None = Field(
        default=None, description="Datum van instemming van de MR (JJJJ-MM-DD)."
    )
    volgende_evaluatie: dt.date | None = Field(
        default=None, description="Datum waarop het protocol opnieuw wordt bekeken."
    )
    contacten: dict[Id, Contact] = Field(
        description="Contactpersonen, bijv. apc, ib, vertrouwenspersoon."
    )
    site_adres: Annotated[str, StringConstraints(pattern=SITE_ADDRESS)] | None = Field(
        default=None,
        description="Het webadres van de site op het intranet, bijv. "
        "'https://intranet.school.nl/pestprotocol/' (voor de sitemap en de pagina "
        "'niet gevonden'). Leeg: de site werkt ook, maar zonder sitemap.",
    )

    # --------------------------------------------------------------------------------------------
    # Roles, glossary, change notes, worksheets
    # --------------------------------------------------------------------------------------------

    @property
    def naam_ingevuld(self) -> str | None:
        """The school's name, or None while it is still a [placeholder]: pages then say 'deze
        school', headings leave it out (never '[naam van de school]')."""
        return None if is_placeholder(self.naam) else self.naam

    @property
    def titel_ingevuld(self) -> str:
        """The protocol's title; while it is a [placeholder], its short title."""
        if not is_placeholder(self.protocol_titel):
            return self.protocol_titel
        return self.korte_titel or "Protocol"

    @property
    def kop(self) -> str:
        """School and title for the top of a sheet: 'OBS De Linde · Pestprotocol'."""
        return " · ".join(part for part in (self.naam_ingevuld, self.titel_ingevuld) if part)


class Rol(Strict):
    id: Id
    naam: Text
    kort: Text | None = Field(default=None, description="Korte naam voor het schema, bijv. 'APC'.")
    beschrijving: Markdown = Field(description="Korte toelichting: wie is dit?")
    contact: Id | None = Field(
        default=None, description="Verwijzing naar een contactpersoon in school.yml."
    )


class Rollen(Strict):
    rollen: list[Rol] = Field(min_length=1)


class Afkorting(Strict):
    afkorting: Text
    voluit: Text
    uitleg: Markdown | None = None


class Begrip(Strict):
    term: Text
    uitleg: Markdown
    bronnen: list[Bron] = Field(default_factory=list)
    voorstel: bool = Field(
        default=False,
        description="Waar: onze omschrijving, nog niet vastgesteld door de school (voorstel).",
    )


class Begrippen(Strict):
    afkortingen: list[Afkorting] = Field(default_factory=list)
    begrippen: list[Begrip] = Field(default_factory=list)


class Wijziging(Strict):
    datum: dt.date
    versie: Text | None = None
    tekst: Markdown


class Wijzigingen(Strict):
    wijzigingen: list[Wijziging] = Field(min_length=1)


class Veld(Strict):
    """One thing to fill in by hand on a worksheet."""

    label: Text
    soort: Literal["regel", "vak", "keuze", "afvinken", "tabel"] = Field(
        default="regel",
        description=(
            "regel: één schrijfregel; vak: meerdere regels; keuze: hokjes op één regel; "
            "afvinken: hokjes onder elkaar; tabel: kolommen met lege rijen."
        ),
    )
    hulp: Text | None = Field(default=None, description="Korte hulpvraag onder het label.")
    per_moment: int | None = Field(
        default=None,
        description="Een stapnummer: dit veld staat er dan één keer per moment van die stap "
        "(termijn: momenten), met {{moment}} in de tekst voor het moment. Zo telt het formulier "
        "altijd zoveel momenten als de stap.",
    )
    rollen: Literal["wie", "op-de-hoogte"] | None = Field(
        default=None,
        description="Hokjes met de rollen uit de stap van het formulier: 'wie' (wie iets doet) "
        "of 'op-de-hoogte' (wie je op de hoogte brengt); vóór de 'opties'.",
    )
    regels: int = Field(default=2, ge=1, le=12, description="Aantal schrijfregels (vak).")
    opties: list[Text] = Field(default_factory=list, description="Hokjes (keuze, afvinken).")
    kolommen: list[Text] = Field(default_factory=list, description="Kolomkoppen (tabel).")
    rijen: int = Field(default=3, ge=1, le=12, description="Aantal lege rijen (tabel).")
    schrijfregels: int = Field(
        default=1,
        ge=1,
        le=3,
        description="Hoogte van elke rij in schrijfregels (tabel): meer ruimte om te schrijven.",
    )
    half: bool = Field(default=False, description="Waar: halve breedte, naast het volgende veld.")


class Onderdeel(Strict):
    titel: Text
    uitleg: Text | None = None
    per_moment: int | None = Field(
        default=None,
        description="Een stapnummer: dit onderdeel staat er dan één keer per moment van die "
        "stap (termijn: momenten), met {{moment}} in de tekst voor het moment.",
    )
    velden: list[Veld] = Field(min_length=1)


class Formulier(Strict):
    id: Id
    titel: Text
    stap: int | None = Field(
        default=None, description="Het stapnummer waar dit formulier bij hoort (leeg: algemeen)."
    )
    doel: Markdown
    per_gezin: bool = Field(default=False, description="Waar: één formulier per gezin.")
    aanwijzingen: list[Text] = Field(
        default_factory=list, description="Korte tips voor het gesprek (toelichting)."
    )
    onderdelen: list[Onderdeel] = Field(default_factory=list)


class Formulieren(Strict):
    vastgesteld: bool | None = Field(
        default=None,
        description="Leeg laten: de formulieren volgen het protocol (een voorstel zolang het "
        "protocol een concept is). Alleen 'false' als de formulieren nog een voorstel zijn "
        "terwijl het protocol al is vastgesteld.",
    )
    privacy: Text = Field(description="Privacyregel die op elk formulier staat.")
    formulieren: list[Formulier] = Field(min_length=1)


class MailVeld(Strict):
    id: Id = Field(description="Naam van het invulveld; in de tekst als {id}.")
    label: Text
    hulp: Text | None = None
    regels: int = Field(default=1, ge=1, le=10, description="1: één regel; meer: een tekstvak.")


class Mail(Strict):
    """The same-day mail of step 4 to parents and APC, filled in in the browser."""

    stap: int = Field(description="De stap waar de mail bij hoort.")
    onderwerp: Text
    velden: list[MailVeld] = Field(min_length=1)
    tekst: Text = Field(
        description="De mail met {veld} voor elk invulveld; ook {school}, {apc_naam} en "
        "{apc_email} kunnen."
    )
    controle: list[Text] = Field(min_length=1, description="Privacycontrole voor verzenden.")
    parnassys: Markdown = Field(description="Wat u in ParnasSys vastlegt.")
    gaat_uit_van: dict[str, Text] = Field(
        default_factory=dict,
        description="Gegevens waar deze tekst van uitgaat zonder ze te noemen, met hun waarde "
        "toen de tekst geschreven werd, bijv. 'stap-4.termijn: op dezelfde dag als het Gesprek "
        "zonder Schuldvraag'. Verandert het gegeven, dan meldt 'check' deze tekst.",
    )


MAIL_SCHOOL_FIELDS = ("school", "apc_naam", "apc_email")
"""Placeholders in the mail that come from school.yml, not from the teacher."""


# --------------------------------------------------------------------------------------------
# Onboarding ("Nieuw op school")
# --------------------------------------------------------------------------------------------

NieuwOnderdeel = Literal["plan", "wie-is-wie", "formulieren", "oefenen", "spiekbriefje"]


class NieuwPagina(Strict):
    id: Id = Field(description="Wordt het webadres: /nieuw/<id>/.")
    titel: Text
    minuten: int = Field(ge=1, le=30, description="Leestijd in minuten.")
    samenvatting: Text = Field(description="Eén zin voor de startpagina.")
    tekst: Markdown | None = None
    onderdeel: NieuwOnderdeel | None = Field(
        default=None,
        description="Een deel dat uit de andere gegevens wordt gemaakt: plan, wie-is-wie, "
        "formulieren, oefenen of spiekbriefje.",
    )
    secties: list[Toelichting] = Field(default_factory=list)


class OpenVraag(Strict):
    vraag: Text
    waarom: Markdown
    stap: int | None = None
    bronnen: list[Bron] = Field(default_factory=list)


class Nieuw(Strict):
    welkom: Markdown
    paginas: list[NieuwPagina] = Field(min_length=5)
    spiekbriefje: list[Text] = Field(
        default_factory=list, description="Vuistregels op het spiekbriefje (toelichting)."
    )
    open_vragen: list[OpenVraag] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------------------------


class RolInStap(Strict):
    rol: Id = Field(description="Verwijzing naar een rol in rollen.yml.")
    taak: Text = Field(description="Wat deze rol in deze stap doet (korte samenvatting).")
    eventueel: bool = Field(
        default=False,
        description="Waar: het protocol noemt deze rol met 'evt.' of 'indien nodig'; tabellen "
        "tonen dan 'evt.' voor de naam.",
    )
    op_de_hoogte: bool = Field(
        default=False,
        description="Waar: deze rol doet zelf niets in de stap maar wordt op de hoogte gebracht. "
        "De wegwijzer en de formulieren zetten hem onder 'Wie breng je op de hoogte', de andere "
        "rollen onder 'Wie'.",
    )


class Moment(Strict):
    """A follow-up moment, counted from the day of the conversation."""

    label: Text
    dagen: int = Field(default=0, ge=0)
    weken: int = Field(default=0, ge=0)
    maanden: int = Field(default=0, ge=0)


class Termijn(Strict):
    kort: Text = Field(description="Wanneer, in een paar woorden (voor tabellen en schema's).")
    tekst: Text | None = Field(
        default=None,
        description="De termijn die het protocol noemt, als deel van een zin, bijv. 'op "
        "dezelfde dag als het Gesprek zonder Schuldvraag'. Andere teksten noemen hem "
        "{{stap-N.termijn}}; leeg als het protocol geen termijn noemt.",
    )
    momenten: list[Moment] = Field(default_factory=list)


class Overgang(Strict):
    naar: int | Literal["afgesloten"] = Field(
        description="Stapnummer waar het hierna heen gaat, of 'afgesloten'."
    )
    label: Text = Field(description="Korte voorwaarde, voor pijlen in het schema.")
    uitleg: Text = Field(description="De voorwaarde in een hele zin.")
    zijroute: bool = Field(default=False, description="Waar: een route naast de gewone volgorde.")


class Ingang(Strict):
    """A way into this step from outside the plan (a signal, a report)."""

    label: Text = Field(description="Korte omschrijving, voor het schema.")
    uitleg: Text = Field(description="De situatie in een hele zin.")


class Stap(Strict):
    nummer: int = Field(ge=0, le=99)
    titel: Text = Field(description="De titel zoals de school hem schreef.")
    korte_titel: Text = Field(description="Korte titel voor menu en schema.")
    kop: Text | None = Field(
        default=None,
        description="De kop van de stap zoals de school hem schreef, als die anders is dan "
        "'Stap <nummer>: <titel>' (bijv. 'Fase 2 – Oudergesprek').",
    )
    alinea: list[Blok] = Field(
        default_factory=list,
        description="Tekst van de school die niet onder een kopje staat (zoals bij stap 0).",
    )
    wanneer: list[Blok] = Field(
        default_factory=list, description="WANNEER, letterlijk uit het protocol."
    )
    waarom: list[Blok] = Field(
        default_factory=list, description="WAAROM, letterlijk uit het protocol."
    )
    wie: list[Blok] = Field(default_factory=list, description="WIE, letterlijk uit het protocol.")
    hoe: list[Blok] = Field(default_factory=list, description="HOE, letterlijk uit het protocol.")
    koppen: dict[Literal["wanneer", "waarom", "wie", "hoe"], Text] = Field(
        default_factory=dict,
        description="Hoe de school de kopjes WANNEER, WAAROM, WIE en HOE schreef, als dat "
        "anders is (bijv. 'wanneer: Wanneer?').",
    )
    secties: list[Sectie] = Field(
        default_factory=list,
        description="Tekst van de school onder andere kopjes dan WANNEER, WAAROM, WIE en HOE "
        "(bijv. 'Actie', 'Betrokkenen'), letterlijk en in volgorde.",
    )
    deelstappen: list[Deelstap] = Field(
        default_factory=list, description="Deelstappen (bijv. 3a, 3b), letterlijk."
    )
    rollen: list[RolInStap] = Field(
        default_factory=list, description="Wie in deze stap iets doet (leeg: nog in te vullen)."
    )
    termijn: Termijn
    gesprek: Text | None = Field(default=None, description="Naam van het gesprek in deze stap.")
    formulier: Id | None = Field(
        default=None, description="Verwijzing naar een formulier in formulieren.yml."
    )
    ingangen: list[Ingang] = Field(
        default_factory=list,
        description="Situaties waarin je direct met deze stap begint.",
    )
    vervolg: list[Overgang] = Field(min_length=1)
    toelichting: list[Toelichting] = Field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"stap-{self.nummer}"


# --------------------------------------------------------------------------------------------
# The guide "Welke stap nu?" and its scenarios
# --------------------------------------------------------------------------------------------


class Tip(Toelichting):
    """A short explanation of ours in the guide (e.g. online bullying, a frightened pupil),
    shown on the outcomes it belongs to and, folded, on the guide's first page."""

    id: Id


class Nummer(Strict):
    """A public phone number shown on an outcome, e.g. 112 or Veilig Thuis."""

    tekst: Text = Field(description="Wanneer je dit nummer belt, bijv. 'Levensgevaar'.")
    nummer: Annotated[str, StringConstraints(pattern=r"^[0-9][0-9 -]{1,19}$")] = Field(
        description="Het nummer, bijv. '112' of '0800-2000'."
    )
    bron: Bron = Field(description="De openbare pagina waar het nummer staat.")


class Antwoord(Strict):
    id: Id = Field(description="Korte naam; wordt deel van het webadres.")
    tekst: Text = Field(description="Het antwoord zoals de leerkracht het kiest.")
    naar: Id = Field(description="De volgende vraag of de uitkomst (id).")
    toevoeging: bool = Field(
        default=False, description="Waar: deze route staat niet in het protocol (onze toevoeging)."
    )
    tips: list[Id] = Field(
        default_factory=list,
        description="Tips (id's uit 'tips') die elke uitkomst na dit antwoord toont, "
        "bijv. [online] na 'het gebeurt online'.",
    )


class Vraag(Strict):
    id: Id
    vraag: Text = Field(description="De vraag; wordt de kop van de pagina.")
    hulp: Toelichting | None = Field(
        default=None, description="Hulp bij twijfel, bijv. het verschil tussen pesten en ruzie."
    )
    toevoeging: bool = Field(
        default=False, description="Waar: deze vraag staat niet in het protocol."
    )
    antwoorden: list[Antwoord] = Field(min_length=2)


class Uitkomst(Strict):
    id: Id
    stap: int | None = Field(
        default=None, description="De stap die nu geldt (leeg: geen stap uit het protocol)."
    )
    titel: Text
    wat_nu: list[Markdown] = Field(
        min_length=1,
        description="Wat de leerkracht nu doet, zoals het protocol het zegt (onze korte "
        "samenvatting; de site toont het als toelichting).",
    )
    wat_nu_voorstel: list[Markdown] = Field(
        default_factory=list,
        description="Wat wij daarnaast aanraden maar het protocol niet zegt; de site toont het "
        "als voorstel en zet het op de pagina 'Te bevestigen door de APC'.",
    )
    uiterlijk: Text = Field(
        description="Voor wanneer: het moment dat het protocol noemt, of 'Het protocol noemt "
        "geen moment.'"
    )
    uiterlijk_voorstel: Text | None = Field(
        default=None,
        description="Ons voorstel voor het moment als het protocol er geen noemt; de site "
        "toont het als voorstel.",
    )
    informeren: list[Markdown] = Field(
        default_factory=list,
        description="Wie je informeert, voor een uitkomst zonder stap; bij een stap komt het uit "
        "de rollen van de stap ('op_de_hoogte').",
    )
    contacten: list[Id] = Field(
        default_factory=list,
        description="Contactpersonen uit school.yml die bovenaan staan om meteen te bellen.",
    )
    nummers: list[Nummer] = Field(
        default_factory=list, description="Openbare nummers om meteen te bellen (112, ...)."
    )
    tips: list[Id] = Field(default_factory=list, description="Tips (id's uit 'tips').")
    uitleg: list[Id] = Field(
        default_factory=list,
        description="Pagina's uit nieuw.yml (id's) die uitleggen hoe je deze stap doet.",
    )
    toevoeging: bool = Field(
        default=False, description="Waar: deze uitkomst staat niet in het protocol."
    )
    rollen: list[Id] = Field(
        default_factory=list,
        description="Wie handelt (id's uit rollen.yml), voor een uitkomst zonder stap; bij een "
        "stap komen de rollen uit de stap.",
    )
    formulier: Id | None = Field(
        default=None,
        description="Het formulier (id uit formulieren.yml) voor een uitkomst zonder stap, bijv. "
        "het dossier; bij een stap komt het formulier uit de stap.",
    )
    verder: list[Id] = Field(
        default_factory=list,
        description="Antwoorden (id's) vanaf de eerste vraag waarmee de leerkracht hierna verder "
        "kan in de wegwijzer, bijv. [zelf-gezien].",
    )
    gaat_uit_van: dict[str, Text] = Field(
        default_factory=dict,
        description="Gegevens waar deze tekst van uitgaat zonder ze te noemen, met hun waarde "
        "toen de tekst geschreven werd, bijv. 'stap-4.termijn: op dezelfde dag als het Gesprek "
        "zonder Schuldvraag'. Verandert het gegeven, dan meldt 'check' deze tekst.",
    )


class Wegwijzer(Strict):
    start: Id = Field(description="De eerste vraag.")
    vragen: list[Vraag] = Field(min_length=1)
    uitkomsten: list[Uitkomst] = Field(min_length=1)
    tips: list[Tip] = Field(
        default_factory=list,
        description="Korte toelichtingen met bronnen voor bijzondere situaties (online, angst, "
        "niet naar school willen).",
    )


class Scenario(Strict):
    id: Id
    situatie: Text = Field(description="Een alledaagse situatie, kort.")
    antwoorden: list[Id] = Field(
        min_length=1, description="De antwoorden (id's) die een leerkracht geeft, op volgorde."
    )
    uitkomst: Id = Field(description="De uitkomst die het protocol voorschrijft.")
    uitleg: Markdown = Field(description="Waarom deze stap; voor de oefencasussen.")
    gaat_uit_van: dict[str, Text] = Field(
        default_factory=dict,
        description="Gegevens waar deze tekst van uitgaat zonder ze te noemen, met hun waarde "
        "toen de tekst geschreven werd, bijv. 'stap-4.termijn: op dezelfde dag als het Gesprek "
        "zonder Schuldvraag'. Verandert het gegeven, dan meldt 'check' deze tekst.",
    )


class Scenarios(Strict):
    scenarios: list[Scenario] = Field(min_length=1)


# --------------------------------------------------------------------------------------------
# The whole protocol
# --------------------------------------------------------------------------------------------


class Zoekwoord(Strict):
    pagina: Text = Field(
        description="De pagina, zoals in de adresbalk na de naam van de site "
        "(een voorbeeld staat bovenaan zoekwoorden.yml); leeg is de startpagina."
    )
    woorden: list[Text] = Field(
        min_length=1,
        description="Woorden die leerkrachten typen en die op de pagina niet (zo) staan, "
        "bijv. 'schorsen', 'groepsapp'.",
    )


class Zoekwoorden(Strict):
    zoekwoorden: list[Zoekwoord] = Field(
        default_factory=list,
        description="Extra zoekwoorden per pagina; de zoekfunctie vindt de pagina er ook mee.",
    )


class Protocol(BaseModel):
    """Everything in content/, validated and cross-checked."""

    model_config = ConfigDict(frozen=True)

    school: School
    stappen: list[Stap]
    rollen: list[Rol]
    begrippen: Begrippen
    wijzigingen: list[Wijziging]
    formulieren: Formulieren
    wegwijzer: Wegwijzer | None = None
    """None: no wegwijzer.yml yet; the site then has a plain 'kies de stap' page."""
    scenarios: list[Scenario] = Field(default_factory=list)
    mail: Mail | None = None
    nieuw: Nieuw | None = None
    zoekwoorden: Zoekwoorden = Field(default_factory=Zoekwoorden)
    hoofdstukken: list[Hoofdstuk] = Field(default_factory=list)
    """Parts of the protocol outside the step plan (content/hoofdstukken.yml)."""
    status: Status
    """Concept or adopted, derived once from school.yml (content/status.py)."""

    def stap(self, nummer: int) -> Stap:
        return next(s for s in self.stappen if s.nummer == nummer)

    @property
    def vier_w(self) -> bool:
        """Whether the school wrote its steps under WANNEER, WAAROM, WIE and HOE (most steps
        have at least one of them). Then each step page shows all four, and says where the
        school wrote nothing; otherwise a step shows the headings the school used."""
        with_w = sum(any((s.wanneer, s.waarom, s.wie, s.hoe)) for s in self.stappen)
        return with_w * 2 > len(self.stappen)

    def w_delen(self, stap: Stap) -> list[tuple[str, str, list[Blok]]]:
        """The W parts a step's text shows, in order: (field, its heading as the school wrote
        it, the school's blocks, empty where the school wrote nothing under it). All four where
        the school writes its steps that way, unless the step has headings of its own; else
        only those the step has."""
        all_four = self.vier_w and not (stap.secties or stap.deelstappen)
        delen = []
        for field in ("wanneer", "waarom", "wie", "hoe"):
            blokken = getattr(stap, field)
            if blokken or all_four:
                delen.append((field, stap.koppen.get(field, field.upper()), blokken))
        return delen

    def rol(self, rol_id: str) -> Rol:
        return next(r for r in self.rollen if r.id == rol_id)

    def formulier(self, formulier_id: str) -> Formulier:
        return next(f for f in self.formulieren.formulieren if f.id == formulier_id)


FILE_MODELS: dict[str, type[Strict]] = {
    "school.yml": School,
    "rollen.yml": Rollen,
    "begrippen.yml": Begrippen,
    "wijzigingen.yml": Wijzigingen,
    "formulieren.yml": Formulieren,
}
"""The single files in content/ and the model each must match. Steps live in stappen/*.yml."""

OPTIONAL_FILE_MODELS: dict[str, type[Strict]] = {
    "wegwijzer.yml": Wegwijzer,
    "scenarios.yml": Scenarios,
    "mail.yml": Mail,
    "nieuw.yml": Nieuw,
    "zoekwoorden.yml": Zoekwoorden,
    "hoofdstukken.yml": Hoofdstukken,
}
"""Files in content/ that may be left out: without them the site leaves out what they feed
(the guide, the mail, onboarding) and 'check' says what to add."""

STEP_DIR = "stappen"
