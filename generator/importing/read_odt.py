"""OpenDocument text (.odt, LibreOffice and Word's 'ODF'), read with odfpy: headings with their
outline level, bold paragraphs, bulleted and numbered lists, tables, in reading order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from odf import teletype
from odf.namespaces import DRAWNS, FONS, STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from generator.importing.document import Document, Element, Note
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
ROW_GROUPS = {(TABLENS, n) for n in ("table-header-rows", "table-rows", "table-row-group")}
FRAME = (DRAWNS, "frame")


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

    def paragraph(self, node: Any, level: int | None) -> list[Element]:
        self.paragraphs += 1
        where = self._where()
        if any(True for _ in _descendants(node, FRAME)):
            self.notes.append(
                Note(
                    where,
                    "Een afbeelding of tekstvak is niet overgenomen; zet die zo nodig zelf terug.",
                )
            )
        lines = [ln.strip() for ln in teletype.extractText(node).split("\n") if ln.strip()]
        bold = level is None and self._bold_paragraph(node)
        return [Element("alinea", where, text=ln, level=level, emphasis=bold) for ln in lines]

    def list_items(self, node: Any, numbered: bool) -> list[Element]:
        """A list, nested lists flattened into it: one element with every item."""
        items: list[str] = []
        for item in node.childNodes:
            if _qname(item) not in (LIST_ITEM, LIST_HEADER):
                continue
            for child in item.childNodes:
                if _qname(child) in (P, H):
                    self.paragraphs += 1
                    items += [
                        ln.strip() for ln in teletype.extractText(child).split("\n") if ln.strip()
                    ]
                elif _qname(child) == LIST:
                    items += self.list_items(child, numbered)[0].items
        return [Element("lijst", self._where(), items=items, numbered=numbered)]

    def table(self, node: Any) -> Element:
        self.tables += 1
        where = f"tabel {self.tables} (na alinea {self.paragraphs})"
        rows = []
        for row in _rows(node):
            cells = []
            for cell in row.childNodes:
                if _qname(cell) != CELL:
                    continue
                content: list[Element] = []
                _append(content, self.blocks(cell.childNodes))
                for element in content:
                    element.where = where
                cells.append(content)
            rows.append(cells)
        return Element("tabel", where, rows=rows)

    def blocks(self, nodes: Any) -> list[Element]:
        elements: list[Element] = []
        for node in nodes:
            if _qname(node) == H:
                level = node.getAttrNS(TEXTNS, "outline-level")
                _append(elements, self.paragraph(node, int(level) if level else 1))
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
        return elements


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
