"""Word (.docx), read with python-docx: heading styles, bold paragraphs, bulleted and numbered
lists (Word's own numbering, which is not in the text), tables, in reading order."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.importing.document import Document, Element, Note, snippet

HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLE = re.compile(r"^(?:title|titel)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"list|lijst|opsomming", re.IGNORECASE)
NUMBERED_STYLE = re.compile(r"number|nummer", re.IGNORECASE)


def _level(paragraph: Paragraph) -> int | None:
    name = paragraph.style.name if paragraph.style is not None else ""
    if TITLE_STYLE.match(name):
        return 0
    match = HEADING_STYLE.match(name)
    return int(match.group(1)) if match else None


def _num_pr(paragraph: Paragraph) -> Any:
    """The list numbering of a paragraph: its own, or its style's (Word's list styles)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    while style is not None:
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None:
            return spr.numPr
        style = style.base_style
    return None


def _is_numbered(paragraph: Paragraph, num_pr: Any) -> bool:
    """Whether Word shows numbers (1, a, i) rather than bullets before this list item."""
    style_name = paragraph.style.name if paragraph.style is not None else ""
    with contextlib.suppress(Exception):  # no numbering part, or an unusual definition
        numbering = paragraph.part.numbering_part.element
        num_id = num_pr.numId.val
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
        formats = numbering.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="{ilvl}"]'
            "/w:numFmt/@w:val"
        )
        if formats:
            return formats[0] not in ("bullet", "none")
    return bool(NUMBERED_STYLE.search(style_name))


def _bold(paragraph: Paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(r.bold or (r.bold is None and style_bold) for r in runs)


def _paragraph_elements(paragraph: Paragraph, where: str) -> list[Element]:
    """A paragraph as elements: soft line breaks make separate lines, as in plain text."""
    lines = [line.strip() for line in paragraph.text.split("\n")]
    lines = [line for line in lines if line]
    num_pr = _num_pr(paragraph)
    style_name = paragraph.style.name if paragraph.style is not None else ""
    level = _level(paragraph)
    if level is None and (num_pr is not None or LIST_STYLE.search(style_name)):
        return [Element("lijst", where, items=lines, numbered=_is_numbered(paragraph, num_pr))]
    bold = level is None and _bold(paragraph)
    return [Element("alinea", where, text=line, level=level, emphasis=bold) for line in lines]


def _append(elements: list[Element], new: list[Element]) -> None:
    """Add elements, joining list items that follow each other into one list."""
    for element in new:
        last = elements[-1] if elements else None
        if (
            element.kind == "lijst"
            and last is not None
            and last.kind == "lijst"
            and last.numbered == element.numbered
        ):
            last.items += element.items
        elif element.kind != "lijst" or element.items:
            elements.append(element)


def _cell_elements(cell: Any, where: str) -> list[Element]:
    elements: list[Element] = []
    for paragraph in cell.paragraphs:
        _append(elements, _paragraph_elements(paragraph, where))
    return elements


def _table(table: Table, where: str) -> Element:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats; keep it once
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_elements(cell, where))
        rows.append(cells)
    return Element("tabel", where, rows=rows)


def _notes(document: Any, paragraph: Paragraph, where: str) -> list[Note]:
    notes = []
    if paragraph._p.xpath(".//w:drawing | .//w:pict"):
        notes.append(
            Note(where, "Een afbeelding is niet overgenomen; zet hem zo nodig zelf terug.")
        )
    if paragraph._p.xpath(".//w:txbxContent"):
        notes.append(
            Note(where, "Tekst in een tekstvak is niet overgenomen; zet die zo nodig zelf terug.")
        )
    return notes


def _header_notes(document: Any) -> list[Note]:
    notes = []
    for i, section in enumerate(document.sections, start=1):
        for part, name in ((section.header, "koptekst"), (section.footer, "voettekst")):
            text = " ".join(p.text.strip() for p in part.paragraphs if p.text.strip())
            if text and not part.is_linked_to_previous:
                notes.append(
                    Note(
                        f"{name} (sectie {i})",
                        f"'{snippet(text)}' is niet overgenomen (kop- en voetteksten horen bij "
                        "het papier, niet bij de site).",
                    )
                )
    return notes


def read_docx(path: Path) -> Document:
    document = open_docx(str(path))
    elements: list[Element] = []
    notes: list[Note] = []
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            where = f"alinea {paragraphs}"
            notes += _notes(document, block, where)
            _append(elements, _paragraph_elements(block, where))
        else:
            tables += 1
            elements.append(_table(block, f"tabel {tables} (na alinea {paragraphs})"))
    return Document(path.name, elements, notes + _header_notes(document))
