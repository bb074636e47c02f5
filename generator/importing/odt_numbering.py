"""The numbers LibreOffice shows before numbered headings and list items ("Stap 1:", "2.1"),
which are not in the text but in the document's outline numbering (Extra > Kopnummering) or
list styles, read with odfpy and counted in reading order as LibreOffice counts them."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from odf.namespaces import STYLENS, TEXTNS

from generator.importing.word_numbering import Label, roman

OUTLINE_STYLE = (TEXTNS, "outline-style")
OUTLINE_LEVEL = (TEXTNS, "outline-level-style")
NUMBER_LEVEL = (TEXTNS, "list-level-style-number")


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


class ListNumbering:
    """Counts the items of numbered lists per list style and level, and renders the label of
    each ('Stap 2:', '3.'). Lists of the same style continue each other's numbers, as a list
    interrupted by paragraphs does in LibreOffice."""

    def __init__(self, styles_by_name: dict[str, Any]):
        self.styles = styles_by_name
        self.counters: dict[str, list[int]] = {}

    def _level(self, style: str, depth: int) -> Any:
        definition = self.styles.get(style)
        if definition is None:
            return None
        for level in definition.childNodes:
            if getattr(level, "qname", None) == NUMBER_LEVEL and _attr(
                level, TEXTNS, "level"
            ) == str(depth):
                return level
        return None

    def label(self, style: str | None, depth: int) -> Label | None:
        if not style or not 1 <= depth <= 10:
            return None
        counters = self.counters.setdefault(style, [0] * 11)
        counters[depth] += 1
        for deeper in range(depth + 1, 11):
            counters[deeper] = 0
        level = self._level(style, depth)
        fmt = _attr(level, STYLENS, "num-format") if level is not None else ""
        if not fmt:
            return None
        shown = int(_attr(level, TEXTNS, "display-levels") or 1)
        parts = []
        for position in range(max(1, depth - shown + 1), depth + 1):
            definition = self._level(style, position)
            start = int(_attr(definition, TEXTNS, "start-value") or 1) if definition else 1
            position_format = _attr(definition, STYLENS, "num-format") if definition else "1"
            parts.append(_format(counters[position] + start - 1, position_format or "1"))
        prefix = _attr(level, STYLENS, "num-prefix")
        suffix = _attr(level, STYLENS, "num-suffix")
        text = f"{prefix}{'.'.join(parts)}{suffix}".strip()
        words = bool(re.search(r"[^\W\d_]{2,}", prefix + suffix))
        return Label(text, words) if text else None
