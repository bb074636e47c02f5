"""The numbers LibreOffice shows before numbered headings ("Stap 1:", "2.1"), which are not in
the heading's text but in the document's outline numbering (Extra > Kopnummering), read with
odfpy and counted in reading order as LibreOffice counts them."""

from __future__ import annotations

import contextlib
from typing import Any

from odf.namespaces import STYLENS, TEXTNS

from generator.importing.word_numbering import roman

OUTLINE_STYLE = (TEXTNS, "outline-style")
OUTLINE_LEVEL = (TEXTNS, "outline-level-style")


def _format(value: int, fmt: str) -> str:
    if fmt == "a":
        return chr(ord("a") + (value - 1) % 26)
    if fmt == "A":
        return chr(ord("A") + (value - 1) % 26)
    if fmt == "i":
        return roman(value)
    if fmt == "I":
        return roman(value).upper()
    return str(value)


def _attr(node: Any, ns: str, name: str) -> str:
    with contextlib.suppress(KeyError, ValueError):
        return node.getAttrNS(ns, name) or ""
    return ""


class OutlineNumbering:
    """Counts headings per outline level and renders the label of each."""

    def __init__(self, document: Any):
        self.levels: dict[int, Any] = {}
        for node in document.styles.childNodes:
            if getattr(node, "qname", None) != OUTLINE_STYLE:
                continue
            for level in node.childNodes:
                if getattr(level, "qname", None) == OUTLINE_LEVEL:
                    with contextlib.suppress(ValueError):
                        self.levels[int(_attr(level, TEXTNS, "level"))] = level
        self.counters = [0] * 11

    def label(self, heading: Any, level: int) -> str | None:
        """Advance the counter of ``level`` and return what LibreOffice shows before the
        heading, or None when that level is not numbered."""
        if not 1 <= level <= 10:
            return None
        self.counters[level] += 1
        for deeper in range(level + 1, 11):
            self.counters[deeper] = 0
        style = self.levels.get(level)
        fmt = _attr(style, STYLENS, "num-format") if style is not None else ""
        if not fmt or _attr(heading, TEXTNS, "is-list-header") == "true":
            return None
        shown_levels = int(_attr(style, TEXTNS, "display-levels") or 1)
        parts = []
        for position in range(max(1, level - shown_levels + 1), level + 1):
            definition = self.levels.get(position)
            start = int(_attr(definition, TEXTNS, "start-value") or 1) if definition else 1
            position_format = _attr(definition, STYLENS, "num-format") if definition else "1"
            parts.append(_format(self.counters[position] + start - 1, position_format or "1"))
        prefix = _attr(style, STYLENS, "num-prefix")
        suffix = _attr(style, STYLENS, "num-suffix")
        return f"{prefix}{'.'.join(parts)}{suffix}".strip() or None
