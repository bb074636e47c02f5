"""Word (.docx), read with python-docx: heading styles, bold paragraphs, bulleted and numbered
lists (Word's own numbering, which is not in the text: word_numbering.py), tables, in reading
order, with the text python-docx's high-level API passes over (word_text.py)."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.importing import word_text
from generator.importing.document import Document, Element, Note, snippet
from generator.importing.word_numbering import WordNumbering
from generator.importing.word_text import paragraph_text

HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
TITLE_STYLE = re.compile(r"^(?:title|titel)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"list|lijst|opsomming", re.IGNORECASE)
NUMBERED_STYLE = re.compile(r"number|nummer", re.IGNORECASE)
TOC_STYLE = re.compile(
    r"^(?:toc|inhopg)\s*\d$|^toc heading$|^kop van inhoudsopgave$", re.IGNORECASE
)
"""Word's styles for a table of contents (English and Dutch Word)."""


def _level(paragraph: Paragraph) -> int | None:
    """The heading level of the paragraph's style, or of the style it is based on (a school's
    own heading style, such as 'Kop stap', is usually based on Heading 2)."""
    style, depth = paragraph.style, 0
    while style is not None and depth < 10:
        name = style.name or ""
        if TITLE_STYLE.match(name):
            return 0
        match = HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        style, depth = style.base_style, depth + 1
    return None


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


def _style_ids(paragraph: Paragraph) -> list[str]:
    ids, style = [], paragraph.style
    while style is not None and len(ids) < 10:
        ids.append(style.style_id)
        style = style.base_style
    return ids


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


def _paragraph_elements(
    paragraph: Paragraph, where: str, numbering: WordNumbering
) -> list[Element]:
    """A paragraph as elements: soft line breaks make separate lines, as in plain text. A
    heading (or bold paragraph) that Word numbers gets its number in front, as Word shows it
    ("Stap 2: Gesprek", "3a. Ouders"); so does any item of a list whose numbers hold words."""
    lines = [line.strip() for line in paragraph_text(paragraph).split("\n")]
    lines = [line for line in lines if line]
    num_pr = _num_pr(paragraph)
    label = numbering.label(num_pr, _style_ids(paragraph)) if num_pr is not None else None
    style_name = paragraph.style.name if paragraph.style is not None else ""
    level = _level(paragraph)
    bold = level is None and _bold(paragraph)
    listed = num_pr is not None or LIST_STYLE.search(style_name)
    if level is None and listed and not (label is not None and (label.words or bold)):
        numbered = _is_numbered(paragraph, num_pr)
        labels = [label.text] if label is not None and len(lines) == 1 else []
        return [Element("lijst", where, items=lines, numbered=numbered, labels=labels)]
    if label is not None and lines:
        lines[0] = f"{label.text} {lines[0]}"
    return [Element("alinea", where, text=line, level=level, emphasis=bold) for line in lines]


def _toc(paragraph: Paragraph) -> bool:
    """An entry (or the heading) of a table of contents that Word made: the site has its own
    navigation, and the entries' page numbers mean nothing there."""
    name = paragraph.style.name if paragraph.style is not None else ""
    return bool(TOC_STYLE.match(name))


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
            last.labels = (
                last.labels + element.labels if len(last.labels) == len(last.items) else []
            )
            last.items += element.items
        elif element.kind != "lijst" or element.items:
            elements.append(element)


def _cell_elements(cell: Any, where: str, numbering: WordNumbering) -> list[Element]:
    """A cell's paragraphs and lists; a table inside the cell gives its cells' text in reading
    order (the content model has no tables inside tables)."""
    elements: list[Element] = []
    for block in word_text.blocks(cell._tc, cell):
        if isinstance(block, Paragraph):
            _append(elements, _paragraph_elements(block, where, numbering))
        else:
            for row in block.rows:
                for inner in _unique_cells(row):
                    for element in _cell_elements(inner, where, numbering):
                        _append(elements, [element])
    return elements


def _unique_cells(row: Any) -> list[Any]:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell repeats; keep it once
            continue
        seen.add(id(cell._tc))
        cells.append(cell)
    return cells


def _table(table: Table, where: str, numbering: WordNumbering) -> Element:
    """The table's rows of cells. A cell merged down over several rows is the same list in
    each of them, so that the recogniser can tell a continued step from a new one."""
    rows: list[list[list[Element]]] = []
    above: dict[Any, list[Element]] = {}
    for row in table.rows:
        cells, here = [], {}
        for cell in _unique_cells(row):
            content = above.get(cell._tc)
            if content is None:
                content = _cell_elements(cell, where, numbering)
            here[cell._tc] = content
            cells.append(content)
        rows.append(cells)
        above = here
    return Element("tabel", where, rows=rows)


def _notes(paragraph: Paragraph, where: str) -> list[Note]:
    notes = []
    pictures = (
        ".//w:drawing[not(.//w:txbxContent) and not(.//dgm:relIds)]"
        " | .//w:pict[not(.//w:txbxContent)]"
    )
    if paragraph._p.xpath(pictures):
        notes.append(
            Note(where, "Een afbeelding is niet overgenomen; zet hem zo nodig zelf terug.")
        )
    if paragraph._p.xpath(".//w:txbxContent"):
        notes.append(
            Note(
                where,
                "Een tekstvak: de tekst staat als gewone alinea's na deze alinea. Kijk of hij "
                "daar goed staat.",
                placed=True,
            )
        )
    for link in paragraph.hyperlinks:
        address = link.address
        if address and link.text.strip() and address.rstrip("/") not in link.text:
            notes.append(
                Note(
                    where,
                    f"Het adres van de link '{snippet(link.text)}' ({address}) is niet "
                    "overgenomen, de tekst wel. Zet het adres zo nodig in de tekst.",
                )
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
    numbering = WordNumbering(document)
    footnotes = word_text.WordNotes(document)
    elements: list[Element] = []
    notes: list[Note] = []
    toc: list[str] = []
    paragraphs = tables = 0
    for block in word_text.blocks(document.element.body, document._body):
        if isinstance(block, Paragraph):
            paragraphs += 1
            where = f"alinea {paragraphs}"
            if _toc(block):
                toc.append(where)
                continue
            notes += _notes(block, where)
            _append(elements, _paragraph_elements(block, where, numbering))
            for box in word_text.text_boxes(block):
                _append(elements, _paragraph_elements(box, f"{where} (tekstvak)", numbering))
            for figure in word_text.diagram_texts(block):
                if figure:
                    elements.append(Element("lijst", f"{where} (SmartArt)", items=figure))
                message = (
                    "Een SmartArt-figuur: de tekst erin staat als opsomming na deze alinea; de "
                    "figuur zelf niet."
                    if figure
                    else "Een SmartArt-figuur zonder tekst is niet overgenomen."
                )
                notes.append(Note(where, message, placed=bool(figure)))
            for name, number, note in footnotes.referenced(block):
                for paragraph in note:
                    _append(
                        elements, _paragraph_elements(paragraph, f"{where} ({name})", numbering)
                    )
                notes.append(
                    Note(
                        where,
                        f"De tekst van {name} {number} staat als gewone alinea direct na deze "
                        "alinea.",
                        placed=True,
                    )
                )
        else:
            tables += 1
            elements.append(_table(block, f"tabel {tables} (na alinea {paragraphs})", numbering))
    if toc:
        span = toc[0] if len(toc) == 1 else f"{toc[0]} t/m {toc[-1].split()[-1]}"
        notes.append(
            Note(
                span,
                "De inhoudsopgave is niet overgenomen: de site heeft een eigen menu, en "
                "paginanummers betekenen daar niets.",
            )
        )
    return Document(path.name, elements, notes + _header_notes(document))
