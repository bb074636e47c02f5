"""Plain text: one paragraph per line, bullets by their mark, headings by the blank lines
around a short line (the layout of a protocol copied out of a word processor)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.importing.document import Document, Element

BULLET = re.compile(r"^[·•\-\*–▪◦●○➢►→\uf0b7\uf0a7]\s*(?=\S)|^o\s+(?=\S)")
"""A bullet at the start of a line: '·', '-', '•', '*', '–', 'o ' and Word's symbol bullets."""


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Windows' Notepad ("ANSI")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
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
