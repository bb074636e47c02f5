"""The draft the recogniser builds: steps, sub-steps, sections and the parts outside the step
plan, each block verbatim, each with where it came from. ``to_content`` gives the data of the
content/ files."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from generator.importing.document import Element, cell_text

Block = str | dict[str, Any]


def blocks(element: Element) -> list[Block]:
    """An element as blocks of the content model (verbatim)."""
    if element.kind == "alinea":
        return [element.text]
    if element.kind == "lijst":
        lijst: dict[str, Any] = {"lijst": list(element.items)}
        if element.numbered:
            lijst["genummerd"] = True
        return [lijst] if element.items else []
    rows = [[cell_text(cell) for cell in row] for row in element.rows]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    return [{"tabel": rows}] if rows else []


@dataclass
class Section:
    kop: str
    where: str
    niveau: int = 1
    tekst: list[Block] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kop": self.kop}
        if self.niveau != 1:
            data["niveau"] = self.niveau
        if self.tekst:
            data["tekst"] = self.tekst
        return data


@dataclass
class SubStep:
    kop: str
    where: str
    tekst: list[Block] = field(default_factory=list)
    secties: list[Section] = field(default_factory=list)

    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kop": self.kop}
        if self.tekst:
            data["tekst"] = self.tekst
        if self.secties:
            data["secties"] = [s.data() for s in self.secties]
        return data


W_FIELDS = ("wanneer", "waarom", "wie", "hoe")


@dataclass
class Step:
    nummer: int
    titel: str | None
    kop: str
    where: str
    alinea: list[Block] = field(default_factory=list)
    w: dict[str, list[Block]] = field(default_factory=dict)
    koppen: dict[str, str] = field(default_factory=dict)
    """The school's spelling of a W heading ('Wanneer?') where it is not 'WANNEER'."""
    secties: list[Section] = field(default_factory=list)
    deelstappen: list[SubStep] = field(default_factory=list)

    def all_text(self) -> str:
        parts: list[Any] = [self.alinea, *self.w.values()]
        parts += [s.tekst for s in self.secties]
        parts += [d.tekst for d in self.deelstappen]
        return _flatten(parts)


@dataclass
class Chapter:
    titel: str
    where: str
    plaats: str
    tekst: list[Block] = field(default_factory=list)
    secties: list[Section] = field(default_factory=list)


@dataclass
class Draft:
    title: str | None = None
    steps: list[Step] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    checks: list[tuple[str, str]] = field(default_factory=list)
    """(where, message): what the importer guessed and the coordinator should look at."""


def _flatten(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_flatten(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_flatten(v) for v in value)
    return ""


def slug(text: str, taken: set[str]) -> str:
    """A web address part from a heading, unique among ``taken`` (which it joins)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")[:40].strip("-") or "deel"
    if not base[0].isalpha():
        base = "deel-" + base
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate
