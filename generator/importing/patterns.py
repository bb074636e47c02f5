"""The words and shapes that mark steps, sections and chapters in Dutch protocols."""

from __future__ import annotations

import re

STEP_WORDS = r"stap|fase|trede|niveau|stadium|stage"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
WORDS = {
    "één": 1,
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
}
"""'Stap één', 'Fase twee'."""

STEP_HEAD = re.compile(
    rf"^(?P<word>{STEP_WORDS})\s*(?P<num>\d{{1,2}}|(?:i{{1,3}}|iv|vi{{0,3}}|ix|x)\b|"
    rf"(?:{'|'.join(WORDS)})\b)"
    r"(?:(?P<sub>[a-z])\b|\.(?P<subnum>\d{1,2})\b)?"
    r"(?P<sep>\s*[:.)\-–—]\s*|\s+|$)(?P<title>.*)$",
    re.IGNORECASE,
)
"""'Stap 1: titel', 'Fase 2 – titel', 'Stap 3a. titel', 'Stap 3.1 titel', 'Fase II',
'Stap twee: titel'."""

NUMBERED_HEAD = re.compile(
    r"^(?P<num>\d{1,2})(?:\.(?P<sub>\d{1,2})|(?P<letter>[a-z])[.):])?[.)]?\s+(?P<title>\S.*)$"
)
"""'1. Melding', '2) Gesprek', '3.1 Gesprek met de ouders', '3a. Herstelgesprek'."""

W_HEADINGS = {"wanneer": "wanneer", "waarom": "waarom", "wie": "wie", "hoe": "hoe"}
W_INLINE = re.compile(r"^(?P<kop>wanneer|waarom|wie|hoe)\s*[:?]\s*\S", re.IGNORECASE)

SECTION_WORDS = {
    "wat",
    "actie",
    "acties",
    "actiepunten",
    "betrokkenen",
    "betrokken",
    "doel",
    "doelen",
    "aanpak",
    "werkwijze",
    "termijn",
    "tijdpad",
    "uitvoering",
    "uitvoerder",
    "verantwoordelijke",
    "verantwoordelijk",
    "wie doet wat",
    "wat doe je",
    "wat te doen",
    "afspraken",
    "vastleggen",
    "registratie",
    "verslaglegging",
    "dossier",
    "opmerking",
    "opmerkingen",
    "let op",
    "nazorg",
    "evaluatie",
    "evalueren",
    "vervolg",
    "vervolgstap",
    "communicatie",
    "informeren",
    "middelen",
    "hulpmiddelen",
    "instrumenten",
    "signalen",
    "omschrijving",
    "inhoud",
    "resultaat",
    "toelichting",
    "formulier",
    "formulieren",
    "wanneer verder",
}
"""Headings inside a step that are not the four Ws, known as section headings."""

SECTION_INLINE = re.compile(
    r"^(?P<kop>wat|actie|acties|betrokkenen|doel|aanpak|werkwijze|termijn|uitvoering|"
    r"verantwoordelijke)\s*:\s*\S",
    re.IGNORECASE,
)
"""A paragraph that starts with a section label: 'Actie: ...' (not 'Let op:', which is part of
the text it stands in)."""

COLUMN_WORDS = {*W_HEADINGS, *SECTION_WORDS, "stap", "fase", "nr", "nummer", "#", "titel"}
STEP_COLUMN = re.compile(r"^(stap|stappen|fase|fasen|nr|nummer|#|trede|niveau)$", re.IGNORECASE)
TITLE_COLUMN = re.compile(r"^(stap|fase|trede|niveau|titel|naam|onderdeel)$", re.IGNORECASE)
"""The second column's heading when the first holds only the step's number: 'Nr | Stap'."""

CHAPTER = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:inleiding|voorwoord|definitie|begripsomschrijving|"
    r"wat is pesten|wat verstaan|preventie|preventief|signalen van|bijlage|tot slot|slot|"
    r"afsluiting|literatuur|bronnen|klacht|vertrouwens|meldcode|cyberpesten|gedragsregels|"
    r"schoolregels|uitgangspunt|visie|wettelijk|doel van|doelen van|evaluatie van|ondertekening|"
    r"vaststelling|colofon|inhoudsopgave|waarom een|algemeen|begrippen|taken en|"
    r"verantwoordelijkheden|adressen|contactgegevens|nuttige|organisatie|de vijfsporen|"
    r"vijfsporenaanpak|rollen bij|kenmerken van)",
    re.IGNORECASE,
)
"""Headings that open a part of the protocol outside the step plan."""

PLAN = re.compile(
    r"stappenplan|stappen|aanpak|werkwijze|handelwijze|handelen|procedure|route|fasen|"
    r"fasering|curatief",
    re.IGNORECASE,
)
"""Headings of the part that holds the step plan."""


def key(text: str) -> str:
    """A heading as a comparable key: 'Wanneer?' and 'WANNEER:' are 'wanneer'."""
    return re.sub(r"[\s:?.!]+$", "", text).strip().casefold()


def titleish(text: str) -> bool:
    """Short enough and shaped like a heading rather than a sentence."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= 90
        and len(stripped.split()) <= 14
        and not stripped.endswith((".", ",", ";"))
        and (stripped[0].isupper() or stripped[0].isdigit())
    )


def label_heading(text: str) -> bool:
    """A short label that ends in a colon and has nothing after it: 'Betrokkenen:'."""
    stripped = text.strip()
    return stripped.endswith(":") and len(stripped.split()) <= 5 and len(stripped) <= 50


def number(value: str) -> int:
    if value.isdigit():
        return int(value)
    return WORDS.get(value.casefold()) or ROMAN[value.casefold()]
