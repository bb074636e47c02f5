"""Plain text: one paragraph per line, bullets by their mark, headings by the blank lines
around a short line (the layout of a protocol copied out of a word processor)."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from generator.importing.document import Document, Element

BULLET = re.compile(r"^[·•\-\*–▪◦●○➢►→\uf0b7\uf0a7]\s*(?=\S)|^o\s+(?=\S)")
"""A bullet at the start of a line: '·', '-', '•', '*', '–', 'o ' and Word's symbol bullets."""
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
"""Invisible control characters, which content/ does not allow (a text in UTF-16 read as
another encoding, or a stray byte): left out."""


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


def read_text(path: Path) -> Document:
    # splitlines: Word's plain text marks a page break with a form feed, a line break in a
    # cell with a vertical tab; both end a line here.
    lines = [CONTROL.sub("", line) for line in decode(path.read_bytes()).splitlines()]
    elements: list[Element] = []
    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.strip()
        if not line:
            continue
        blank_before = number == 1 or not lines[number - 2].strip()
        blank_after = number == len(lines) or not lines[number].strip()
        bullet = BULLET.match(line)
        if bullet:
            item = line[bullet.end() :].strip()
            previous = elements[-1] if elements else None
            if previous and previous.kind == "lijst" and not blank_before:
                previous.items.append(item)
            else:
                elements.append(Element("lijst", f"regel {number}", items=[item]))
            continue
        elements.append(
            Element("alinea", f"regel {number}", text=line, emphasis=blank_before and blank_after)
        )
    return Document(path.name, elements)
