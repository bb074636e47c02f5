"""Plain text: one paragraph per line, bullets by their mark, and headings by their shape: a
line underlined with '====' or '----', a short line in capitals, or a short line after a blank
line (the layout of a protocol copied out of a word processor, or typed in Notepad). A typed
number ('1)', '2.') stays part of its line's text: it is the school's own text."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.importing import patterns as pt
from generator.importing.document import Document, Element, Note

BULLET = re.compile(r"^[·•\-\*–▪◦●○➢►→\uf0b7\uf0a7]\s*(?=\S)|^o\s+(?=\S)")
"""A bullet at the start of a line: '·', '-', '•', '*', '–', 'o ' and Word's symbol bullets."""
RULE = re.compile(r"^[=\-_*~#·.]{3,}$")
"""A line of only '=', '-', '_' (three or more): an underline or a separator, not text."""
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
"""Invisible control characters, which content/ does not allow (a text in UTF-16 read as
another encoding, or a stray byte): left out."""
SHORT_HEADING_WORDS = 8
"""A line after a blank line, with text right under it, is a heading up to this many words."""


def decode(raw: bytes) -> str:
    """The text of a plain-text file as Windows programs save it: UTF-8 (with or without a
    byte order mark), UTF-16 ('Unicode' in Notepad and Word) or Windows-1252 ('ANSI')."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace")
    if len(raw) >= 4 and raw[1::2].count(0) > len(raw) // 4:
        return raw.decode("utf-16-le", errors="replace")  # UTF-16 without a byte order mark
    if len(raw) >= 4 and raw[0::2].count(0) > len(raw) // 4:
        return raw.decode("utf-16-be", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _capitals(line: str) -> bool:
    """'HET STAPPENPLAN': a short line of capitals (at least two letters, none in lower case)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line.split()) <= 10


def _heading_shape(line: str, blank_before: bool, blank_after: bool, underlined: bool) -> bool:
    """Whether a line looks like a heading in plain text."""
    columns = [part for part in line.split("\t") if any(c.isalpha() for c in part)]
    if len(columns) > 1:
        return False  # 'Versie: jan. 2025<tab>Opgesteld door: ...' is a line of facts
    if underlined or (blank_before and blank_after):
        return True
    if not pt.titleish(line):
        return False
    if _capitals(line):
        return True
    short = len(line.split()) <= SHORT_HEADING_WORDS and not line.endswith(":")
    return blank_before and short


def read_text(path: Path) -> Document:
    # splitlines: Word's plain text marks a page break with a form feed, a line break in a
    # cell with a vertical tab; both end a line here.
    lines = [CONTROL.sub("", line) for line in decode(path.read_bytes()).splitlines()]
    elements: list[Element] = []
    notes: list[Note] = []
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.strip()
        if not line:
            continue
        if RULE.match(line):
            if elements and elements[-1].where == f"regel {number - 1}":
                elements[-1].emphasis = True  # an underline: the line above is a heading
            notes.append(
                Note(
                    f"regel {number}",
                    f"Een lijn van tekens ('{line[:12]}') is "
                    "weggelaten: dat is opmaak, geen tekst.",
                )
            )
            continue
        blank_before = number == 1 or not lines[number - 2].strip()
        blank_after = number == len(lines) or not lines[number].strip()
        underlined = number < len(lines) and bool(RULE.match(lines[number].strip()))
        bullet = BULLET.match(line)
        if bullet:
            item = line[bullet.end() :].strip()
            previous = elements[-1] if elements else None
            if previous and previous.kind == "lijst" and not blank_before:
                previous.items.append(item)
            else:
                elements.append(Element("lijst", f"regel {number}", items=[item]))
            continue
        heading = _heading_shape(line, blank_before, blank_after, underlined)
        elements.append(Element("alinea", f"regel {number}", text=line, emphasis=heading))
    return Document(path.name, elements, notes)
