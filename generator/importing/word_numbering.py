"""The numbers Word shows before numbered paragraphs ("Stap 1:", "2.", "3a."), which are not in
the paragraph's text but in the document's list definitions. python-docx has no API for these
definitions, so they are read through its element API (the numbering part), and counted in
reading order the way Word counts them."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        while value >= amount:
            out += letters
            value -= amount
    return out


def _letter(value: int) -> str:
    # Word goes a..z, then aa..zz
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(value)
    if fmt == "upperLetter":
        return _letter(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    return str(value)  # decimal, decimalZero and anything unusual


def _val(node: Any, tag: str) -> str | None:
    child = node.find(qn(f"w:{tag}")) if node is not None else None
    return child.get(qn("w:val")) if child is not None else None


@dataclass(frozen=True)
class Label:
    text: str
    """What Word shows: 'Stap 2:', '3a.'."""
    words: bool
    """The label holds words of its own ('Stap %1:'), not only a number and punctuation."""


class WordNumbering:
    """Counts numbered paragraphs per list, in reading order, and renders their labels."""

    def __init__(self, document: Any):
        self.numbering: Any = None
        with contextlib.suppress(Exception):  # a document without a numbering part
            self.numbering = document.part.numbering_part.element
        self.counters: dict[str, list[int]] = {}

    def _levels(self, num_id: str) -> tuple[str, dict[int, Any]] | None:
        """The list the number counts in (its abstract definition) and its levels' definitions,
        for the list ``num_id``."""
        if self.numbering is None or num_id == "0":
            return None
        num = next(
            (n for n in self.numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id),
            None,
        )
        abstract_id = _val(num, "abstractNumId")
        if num is None or abstract_id is None:
            return None
        abstract = next(
            (
                a
                for a in self.numbering.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == abstract_id
            ),
            None,
        )
        if abstract is None:
            return None
        levels = {int(lvl.get(qn("w:ilvl"), "0")): lvl for lvl in abstract.findall(qn("w:lvl"))}
        return abstract_id, levels

    def label(self, num_pr: Any, style_ids: Sequence[str] = ()) -> Label | None:
        """Advance the list of ``num_pr`` and return the label Word shows ("Stap 2:", "3a."),
        or None for bullets, hidden numbers and lists this reader cannot follow.
        ``style_ids``: the paragraph's style and the styles it is based on; a list linked to
        heading styles gives a heading's level by its style, not in the paragraph."""
        with contextlib.suppress(Exception):  # an unusual definition: no label, never a crash
            num_id = str(num_pr.numId.val)
            found = self._levels(num_id)
            if found is None:
                return None
            abstract_id, levels = found
            if num_pr.ilvl is not None:
                ilvl = int(num_pr.ilvl.val)
            else:
                by_style = {_val(lvl, "pStyle"): i for i, lvl in levels.items()}
                ilvl = next((by_style[s] for s in style_ids if s in by_style), 0)
            if ilvl not in levels:
                return None
            level = levels[ilvl]
            counters = self.counters.setdefault(abstract_id, [0] * 9)
            counters[ilvl] += 1
            for deeper in range(ilvl + 1, 9):
                counters[deeper] = 0
            fmt = _val(level, "numFmt") or "decimal"
            text = _val(level, "lvlText")
            if fmt in ("bullet", "none") or not text:
                return None
            words = bool(re.search(r"[^\W\d_]{2,}", re.sub(r"%\d", "", text)))
            for position in range(ilvl + 1):
                definition = levels.get(position)
                start = int(_val(definition, "start") or 1)
                value = counters[position] + start - 1 if counters[position] else start
                shown = _format(value, _val(definition, "numFmt") or "decimal")
                text = text.replace(f"%{position + 1}", shown)
            return Label(text.strip(), words) if text.strip() else None
        return None
