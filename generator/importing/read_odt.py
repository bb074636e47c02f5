"""OpenDocument text (.odt, LibreOffice and Word's 'ODF'), read with odfpy: headings with their
outline level, bold paragraphs, bulleted and numbered lists, tables, in reading order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from odf import teletype
from odf.namespaces import DRAWNS, FONS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from generator.importing.document import Document, Element, Note
from generator.importing.odt_numbering import ListNumbering, OutlineNumbering
from generator.importing.read_docx import _append

H = (TEXTNS, "h")
P = (TEXTNS, "p")
LIST = (TEXTNS, "list")
LIST_ITEM = (TEXTNS, "list-item")
LIST_HEADER = (TEXTNS, "list-header")
SECTION = (TEXTNS, "section")
TABLE = (TABLENS, "table")
ROW = (TABLENS, "table-row")
CELL = (TABLENS, "table-cell")
COVERED = (TABLENS, "covered-table-cell")
ROW_GROUPS = {(TABLENS, n) for n in ("table-header-rows", "table-rows", "table-row-group")}
FRAME = (DRAWNS, "frame")
TEXT_BOX = (DRAWNS, "text-box")
IMAGE = (DRAWNS, "image")
NOTE = (TEXTNS, "note")
NUMBER = (TEXTNS, "number")
NOTE_BODY = (TEXTNS, "note-body")
INDEXES = {
    (TEXTNS, name)
    for name in (
        "table-of-content",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "alphabetical-index",
        "bibliography",
    )
}
"""Indexes the word processor generates (their entries are copies of headings)."""
EXTRA_NOTES = {
    "note": "De tekst van een voetnoot staat als gewone alinea direct na deze alinea.",
    "frame": "Een tekstvak: de tekst staat als gewone alinea's na deze alinea. Kijk of hij daar "
    "goed staat.",
}


class _Styles:
    """Which paragraph and text styles are bold, and which list styles number."""

    def __init__(self, document: Any):
        self.by_name: dict[str, Any] = {}
        for container in (document.styles, document.automaticstyles):
            for style in container.childNodes:
                name = style.getAttrNS(STYLENS, "name")
                if name:
                    self.by_name[name] = style

    def _attr(self, node: Any, ns: str, name: str) -> str | None:
        try:
            return node.getAttrNS(ns, name)
        except (KeyError, ValueError):
            return None

    def bold(self, name: str | None, depth: int = 0) -> bool:
        style = self.by_name.get(name or "")
        if style is None or depth > 10:
            return False
        for child in style.childNodes:
            if _qname(child) == (STYLENS, "text-properties"):
                weight = self._attr(child, FONS, "font-weight")
                if weight is not None:
                    return weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        return self.bold(self._attr(style, STYLENS, "parent-style-name"), depth + 1)

    def is_title(self, name: str | None, depth: int = 0) -> bool:
        if not name or depth > 10:
            return False
        if name.casefold() in ("title", "titel"):
            return True
        style = self.by_name.get(name)
        parent = self._attr(style, STYLENS, "parent-style-name") if style is not None else None
        return self.is_title(parent, depth + 1)

    def numbered(self, list_style: str | None) -> bool:
        style = self.by_name.get(list_style or "")
        if style is None:
            return False
        levels = [c for c in style.childNodes if (_qname(c) or ("",))[0] == TEXTNS]
        if not levels:
            return False
        first = levels[0]
        if _qname(first) != (TEXTNS, "list-level-style-number"):
            return False
        return self._attr(first, STYLENS, "num-format") not in (None, "")


class _Reader:
    def __init__(self, document: Any):
        self.styles = _Styles(document)
        self.outline = OutlineNumbering(document)
        self.lists = ListNumbering(self.styles.by_name)
        self.paragraphs = 0
        self.tables = 0
        self.notes: list[Note] = []

    def _where(self) -> str:
        return f"alinea {self.paragraphs}"

    def _bold_paragraph(self, node: Any) -> bool:
        if self.styles.bold(node.getAttrNS(TEXTNS, "style-name")):
            return True
        texts = [c for c in node.childNodes if c.nodeType == c.TEXT_NODE and str(c).strip()]
        spans = [c for c in node.childNodes if getattr(c, "qname", None) == (TEXTNS, "span")]
        return (
            not texts
            and bool(spans)
            and all(
                self.styles.bold(s.getAttrNS(TEXTNS, "style-name"))
                for s in spans
                if teletype.extractText(s).strip()
            )
        )

    def paragraph(self, node: Any, level: int | None, label: str | None = None) -> list[Element]:
        """A paragraph or heading; ``label``: the number LibreOffice shows before it."""
        self.paragraphs += 1
        where = self._where()
        text, extras = _text(node)
        numbered_in_text = any(_qname(c) == NUMBER for c in node.childNodes)
        if label and text.strip() and not numbered_in_text:
            text = f"{label} {text.lstrip()}"
        if any(True for _ in _descendants(node, IMAGE)):
            self.notes.append(
                Note(where, "Een afbeelding is niet overgenomen; zet hem zo nodig zelf terug.")
            )
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        bold = level is None and self._bold_paragraph(node)
        elements = [Element("alinea", where, text=ln, level=level, emphasis=bold) for ln in lines]
        for kind, nodes in extras:
            self.notes.append(Note(where, EXTRA_NOTES[kind], placed=True))
            _append(elements, self.blocks(nodes))
        return elements

    def list_items(
        self, node: Any, numbered: bool, style: str | None = None, depth: int = 1
    ) -> list[Element]:
        """A list, nested lists flattened into it: one element with every item. A heading in
        a list, or an item whose number holds words ('Stap 1:'), is a paragraph of its own
        with its number in front, as LibreOffice shows it."""
        style = node.getAttrNS(TEXTNS, "style-name") or style
        elements: list[Element] = []
        items: list[str] = []
        labels: list[str] = []

        def flush() -> None:
            if items:
                shown = list(labels) if len(labels) == len(items) else []
                elements.append(
                    Element(
                        "lijst", self._where(), items=list(items), numbered=numbered, labels=shown
                    )
                )
                items.clear()
            labels.clear()

        for item in node.childNodes:
            if _qname(item) not in (LIST_ITEM, LIST_HEADER):
                continue
            label = self.lists.label(style, depth) if _qname(item) == LIST_ITEM else None
            for child in item.childNodes:
                if _qname(child) == H or (_qname(child) == P and label and label.words):
                    flush()
                    level = child.getAttrNS(TEXTNS, "outline-level") if _qname(child) == H else ""
                    heading = int(level) if level and level.isdigit() else None
                    if _qname(child) == H and heading is None:
                        heading = 1
                    _append(elements, self.paragraph(child, heading, label and label.text))
                elif _qname(child) == P:
                    self.paragraphs += 1
                    text, extras = _text(child)
                    for _kind, nodes in extras:  # a footnote in a list item: the next item
                        text += "\n" + "\n".join(_text(n)[0] for n in nodes)
                    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
                    if label is not None and len(lines) == 1:
                        labels.append(label.text)
                    items += lines
                elif _qname(child) == LIST:
                    nested = self.list_items(child, numbered, style, depth + 1)
                    if len(nested) == 1 and nested[0].kind == "lijst":
                        items += nested[0].items
                        labels.clear()  # labels only for a list of one level
                    else:
                        flush()
                        elements += nested
        flush()
        return elements

    def table(self, node: Any) -> Element:
        self.tables += 1
        where = f"tabel {self.tables} (na alinea {self.paragraphs})"
        rows = []
        above: list[list[Element]] = []  # the grid of the row above: a content per column
        for row in _rows(node):
            cells: list[list[Element]] = []
            grid: list[list[Element]] = []
            spanned = 0  # columns still covered by a cell merged across in this row
            for cell in row.childNodes:
                if _qname(cell) == CELL:
                    content: list[Element] = []
                    _append(content, self.blocks(cell.childNodes))
                    for element in content:
                        element.where = where
                    cells.append(content)
                    grid.append(content)
                    spanned = int(cell.getAttrNS(TABLENS, "number-columns-spanned") or 1) - 1
                elif _qname(cell) == COVERED:
                    if spanned > 0:  # merged across: part of the cell to its left
                        spanned -= 1
                        grid.append(grid[-1])
                    else:  # merged down: the same cell as in the row above
                        column = len(grid)
                        content = above[column] if column < len(above) else []
                        cells.append(content)
                        grid.append(content)
            rows.append(cells)
            above = grid
        return Element("tabel", where, rows=rows)

    def blocks(self, nodes: Any) -> list[Element]:
        elements: list[Element] = []
        for node in nodes:
            if _qname(node) == H:
                level = node.getAttrNS(TEXTNS, "outline-level")
                number = int(level) if level and level.isdigit() else 1
                label = self.outline.label(node, number)
                _append(elements, self.paragraph(node, number, label))
            elif _qname(node) == P:
                title = self.styles.is_title(node.getAttrNS(TEXTNS, "style-name"))
                _append(elements, self.paragraph(node, 0 if title else None))
            elif _qname(node) == LIST:
                numbered = self.styles.numbered(node.getAttrNS(TEXTNS, "style-name"))
                _append(elements, self.list_items(node, numbered))
            elif _qname(node) == TABLE:
                elements.append(self.table(node))
            elif _qname(node) == SECTION:
                _append(elements, self.blocks(node.childNodes))
            elif _qname(node) == FRAME:  # a text box anchored to the page
                self.notes.append(Note(self._where(), EXTRA_NOTES["frame"], placed=True))
                _append(elements, self.blocks(_box_paragraphs(node)))
            elif _qname(node) in INDEXES:
                self.notes.append(
                    Note(
                        f"na alinea {self.paragraphs}" if self.paragraphs else "begin",
                        "De inhoudsopgave (of een andere index) is niet overgenomen: de site "
                        "heeft een eigen menu, en paginanummers betekenen daar niets.",
                    )
                )
        return elements


def _box_paragraphs(frame: Any) -> list[Any]:
    return [
        child
        for box in _descendants(frame, TEXT_BOX)
        for child in box.childNodes
        if _qname(child) in (P, H, LIST, TABLE)
    ]


def _text(node: Any) -> tuple[str, list[tuple[str, list[Any]]]]:
    """A paragraph's own text, with whitespace as odfpy's teletype gives it, and apart from it
    what stands inside it but is not part of the sentence: footnotes and text boxes, as
    (kind, their paragraphs)."""
    out: list[str] = []
    extras: list[tuple[str, list[Any]]] = []
    for child in node.childNodes:
        name = _qname(child)
        if name is None:
            out.append(str(child))
        elif name == NOTE:
            body = [c for b in _descendants(child, NOTE_BODY) for c in b.childNodes]
            extras.append(("note", [c for c in body if _qname(c) in (P, H, LIST, TABLE)]))
        elif name == FRAME:
            if any(True for _ in _descendants(child, TEXT_BOX)):
                extras.append(("frame", _box_paragraphs(child)))
        elif name == NUMBER:  # the number as the word processor wrote it out: a label
            number = teletype.extractText(child).strip()
            out.append(f"{number} " if number else "")
        elif name in ((TEXTNS, "tab"), (TEXTNS, "s"), (TEXTNS, "line-break")):
            out.append(teletype.extractText(_Wrapper(child)))
        else:
            text, more = _text(child)
            out.append(text)
            extras += more
    return "".join(out), extras


class _Wrapper:
    """One node as the only child, so that teletype renders a tab, spaces or a line break."""

    def __init__(self, node: Any):
        self.childNodes = [node]


def _qname(node: Any) -> tuple[str, str] | None:
    """The element's name, or None for text between elements."""
    return getattr(node, "qname", None)


def _rows(table: Any) -> list[Any]:
    rows = []
    for child in table.childNodes:
        if _qname(child) == ROW:
            rows.append(child)
        elif _qname(child) in ROW_GROUPS:
            rows += _rows(child)
    return rows


def _descendants(node: Any, qname: tuple[str, str]) -> Any:
    for child in node.childNodes:
        if _qname(child) == qname:
            yield child
        if child.nodeType == child.ELEMENT_NODE:
            yield from _descendants(child, qname)


def read_odt(path: Path) -> Document:
    document = load(str(path))
    reader = _Reader(document)
    elements = reader.blocks(document.text.childNodes)
    return Document(path.name, elements, reader.notes)
