"""Text that python-docx's high-level API passes over, read through its element API so that no
sentence of a school's Word document is lost silently: runs inside tracked insertions, content
controls and simple fields; paragraphs inside block-level content controls (a cover page);
text boxes; tables inside table cells; footnotes and endnotes; the text of a SmartArt figure."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

DELETED = {qn("w:del"), qn("w:moveFrom")}
"""Tracked deletions: text the school removed, not shown in the document."""
WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")}
"""Block-level wrappers whose paragraphs and tables are part of the running text."""


def paragraph_text(paragraph: Paragraph) -> str:
    """The text Word shows for ``paragraph``: every run of the paragraph itself, wherever it is
    nested (hyperlinks, tracked insertions, content controls, fields), but not the runs of a
    text box anchored in it nor tracked deletions."""
    p = paragraph._p
    texts = []
    for r in p.iter(qn("w:r")):
        ancestors = list(r.iterancestors())
        owner = next((a for a in ancestors if a.tag == qn("w:p")), None)
        if owner is not p or any(a.tag in DELETED for a in ancestors):
            continue
        texts.append(Run(r, paragraph).text)
    return "".join(texts)


def blocks(container: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a body or table cell in reading order, including those
    inside content controls."""
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent)
        elif child.tag == qn("w:tbl"):
            yield Table(child, parent)
        elif child.tag in WRAPPERS:
            yield from blocks(child, parent)


def text_boxes(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraphs of the text boxes anchored in ``paragraph``. Word writes a text box twice
    (the shape and, for older readers, a fallback copy): the copy is skipped."""
    found = []
    for box in paragraph._p.xpath(".//w:txbxContent"):
        if any(str(a.tag).endswith("}Fallback") for a in box.iterancestors()):
            continue
        found += [Paragraph(p, paragraph._parent) for p in box.findall(qn("w:p"))]
    return found


NOTE_KINDS = (
    (RELATIONSHIP_TYPE.FOOTNOTES, "footnote", "voetnoot"),
    (RELATIONSHIP_TYPE.ENDNOTES, "endnote", "eindnoot"),
)


class WordNotes:
    """The footnotes and endnotes of a document, by the id their reference carries. python-docx
    has no API for them: their part is parsed with python-docx's own parser."""

    def __init__(self, document: Any):
        self.notes: dict[tuple[str, str], list[Paragraph]] = {}
        for relationship, tag, _name in NOTE_KINDS:
            with contextlib.suppress(KeyError, ValueError, SyntaxError):
                part = document.part.part_related_by(relationship)
                root = parse_xml(part.blob)
                for note in root.iterchildren(qn(f"w:{tag}")):
                    if note.get(qn("w:type")) in (None, "normal"):
                        paragraphs = [Paragraph(p, document._body) for p in note.iter(qn("w:p"))]
                        self.notes[(tag, note.get(qn("w:id")))] = paragraphs

    def referenced(self, paragraph: Paragraph) -> list[tuple[str, int, list[Paragraph]]]:
        """The notes referenced in ``paragraph``, in order: (Dutch name, number, paragraphs)."""
        found = []
        for _relationship, tag, name in NOTE_KINDS:
            ids = [key for key in self.notes if key[0] == tag]
            for note_id in paragraph._p.xpath(f".//w:{tag}Reference/@w:id"):
                key = (tag, str(note_id))
                if key in self.notes:
                    found.append((name, ids.index(key) + 1, self.notes[key]))
        return found


DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


def diagram_texts(paragraph: Paragraph) -> list[list[str]]:
    """The text of each SmartArt figure anchored in ``paragraph``, one line per shape's line,
    in the figure's order. The text is in the figure's data part, parsed with python-docx's
    own parser (python-docx has no API for figures)."""
    figures = []
    for relations in paragraph._p.xpath(f'.//a:graphicData[@uri="{DIAGRAM}"]/dgm:relIds'):
        r_id = relations.get(qn("r:dm"))
        with contextlib.suppress(KeyError, ValueError, SyntaxError, AttributeError):
            data = parse_xml(paragraph.part.related_parts[r_id].blob)
            lines = []
            for point in data.iter(qn("dgm:pt")):
                if point.get("type") not in (None, "node"):
                    continue  # the figure itself and its connectors have no text of their own
                for p in point.iter(qn("a:p")):
                    line = "".join(t.text or "" for t in p.iter(qn("a:t"))).strip()
                    if line:
                        lines.append(line)
            figures.append(lines)
    return figures
