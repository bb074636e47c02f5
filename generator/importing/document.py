"""The neutral form of a document: paragraphs, lists and tables in reading order, each with
where it came from (line or paragraph number) and the hints its format gives about headings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["alinea", "lijst", "tabel"]


@dataclass
class Element:
    """One paragraph, list or table of the document, its text verbatim."""

    kind: Kind
    where: str
    """Where a person finds it: 'regel 12' (text) or 'alinea 7' (word processor)."""
    text: str = ""
    """The paragraph's text (kind 'alinea')."""
    items: list[str] = field(default_factory=list)
    """The list's items without their bullet (kind 'lijst')."""
    numbered: bool = False
    """A list numbered by the word processor (the numbers are not in the text)."""
    labels: list[str] = field(default_factory=list)
    """Kind 'lijst': the number the word processor shows before each item ('3.'), where the
    reader knows it; used when the 'list' turns out to be numbered headings."""
    rows: list[list[list[Element]]] = field(default_factory=list)
    """Kind 'tabel': rows of cells, each cell its paragraphs and lists."""
    level: int | None = None
    """Heading level from the document's styles: 0 title, 1 chapter, 2 ...; None: body text."""
    emphasis: bool = False
    """Stands out: a paragraph in bold, or (plain text) a line with blank lines around it."""


@dataclass(frozen=True)
class Note:
    """Something the importer tells the coordinator, at its place in the document."""

    where: str
    message: str
    placed: bool = False
    """The text is in the draft, but in a place the coordinator should look at (a text box)."""


@dataclass
class Document:
    name: str
    elements: list[Element]
    notes: list[Note] = field(default_factory=list)
    """What could not be placed (images, headers, footnotes), reported and written nowhere."""


def cell_text(cell: list[Element]) -> str:
    """A table cell as one text: its paragraphs and list items on their own lines."""
    lines: list[str] = []
    for element in cell:
        lines += element.items if element.kind == "lijst" else [element.text]
    return "\n".join(line for line in lines if line.strip())


def snippet(text: str, width: int = 60) -> str:
    """The start of a text, for a report line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
