"""Screening one content file before ruamel.yaml builds a tree of it.

Content is input, not code. Before the tree is built, the raw text and ruamel's event stream
(which is produced without recursion and without expanding anything) are checked for what a
content file never needs and what could make reading it crash, hang or eat memory:

* a file that is too big, or holds control characters (NUL and friends);
* anchors, aliases and merge keys (``&naam``, ``*naam``, ``<<:``): a few hundred bytes of
  aliases can stand for gigabytes of text (an "alias bomb");
* nesting deeper than any content file needs (the tree builder is recursive);
* tags (``!!python/name:...``) and keys that are lists or mappings ("complex keys");
* dates that do not exist (``2026-02-30``), which the tree builder would crash on.

Each finding is a Problem at the exact line and column, in Dutch, with what to do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from generator.content.dates import CHECK_DAY, why_not
from generator.problems import Problem

MAX_BYTES = 1_000_000
"""The biggest content file today is about 20 kB; a megabyte is a mistake, not a protocol."""

MAX_DEPTH = 25
"""The deepest content file today nests 7 levels."""

# YAML 1.2's printable characters, minus tab/newline/return handled by the scanner itself.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_UNWANTED = re.compile(_CONTROL.pattern[:-1] + "\ud800-\udfff]")
"""The same, and lone surrogates, in a value (a double-quoted "\\0" or "\\ud800")."""
_TIMESTAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")
_ALLOWED_TAGS = {"tag:yaml.org,2002:str", "!!str"}


def check_size(path: Path, size: int) -> Problem | None:
    if size <= MAX_BYTES:
        return None
    return Problem(
        path,
        1,
        1,
        f"Het bestand is te groot ({size // 1000} kB; de grens is {MAX_BYTES // 1000} kB).",
        "Is dit het goede bestand? Een inhoudsbestand is een paar tientallen kB. Verplaats "
        "grote bestanden buiten content/.",
    )


def check_characters(path: Path, text: str) -> list[Problem]:
    """Control characters (a NUL byte, a form feed...) that no editor shows."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _CONTROL.search(line)
        if match:
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    f"Er staat een onzichtbaar stuurteken (U+{ord(match.group()):04X}) in de "
                    "tekst.",
                    "Typ deze regel opnieuw (niet kopiëren en plakken), of verwijder het teken "
                    "met een editor die het laat zien (VS Code toont het als een rood blokje).",
                )
            )
        if len(problems) >= 5:
            break
    return problems


def _problem(path: Path, event: Any, message: str, hint: str) -> Problem:
    mark = event.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, message, hint)


_ALIAS_HINT = (
    "Schrijf de tekst op elke plek voluit. Verwijzingen met '&', '*' en '<<' worden niet "
    "gebruikt in content/; staat '&' of '*' aan het begin van gewone tekst, zet de tekst dan "
    'tussen dubbele aanhalingstekens ("...").'
)


DATE_KEYS = frozenset({"vastgesteld", "instemming_mr", "volgende_evaluatie", "datum"})
"""Keys whose value must be a date: an impossible date there is never text."""


def _braces(path: Path, event: Any, line: str) -> Problem | None:
    """A value that starts with '{{' without quotes: YAML reads '{' as the start of a mapping."""
    at = event.start_mark.column
    if not line[at:].lstrip().startswith("{{"):
        return None
    key = re.match(r"^\s*(?:-\s+)?([\w-]+):", line)
    value = line[at:].strip()
    example = f'{key.group(1)}: "{value}"' if key else f'"{value}"'
    return _problem(
        path,
        event,
        "Deze tekst begint met '{{' zonder aanhalingstekens eromheen: dan leest YAML de "
        "accolade als het begin van een onderdeel, niet als tekst.",
        f"Zet de hele tekst tussen dubbele aanhalingstekens: {example}",
    )


def _event_problem(
    path: Path, event: Any, is_key: bool, date_key: bool = False, line: str = ""
) -> Problem | None:
    if isinstance(event, AliasEvent):
        return _problem(
            path,
            event,
            f"Hier staat een verwijzing (*{event.anchor}) naar een ander deel.",
            _ALIAS_HINT,
        )
    if isinstance(event, NodeEvent) and event.anchor is not None:
        return _problem(
            path, event, f"Hier staat een anker (&{event.anchor}) voor een verwijzing.", _ALIAS_HINT
        )
    tag = getattr(event, "tag", None)
    if tag is not None and str(tag) not in _ALLOWED_TAGS:
        return _problem(
            path,
            event,
            f"Hier staat een YAML-tag ({str(tag).replace('tag:yaml.org,2002:', '!!')}); die "
            "worden niet gebruikt in content/.",
            "Haal het stuk dat met '!' begint weg. Hoort het uitroepteken bij de tekst, zet de "
            'tekst dan tussen dubbele aanhalingstekens ("...").',
        )
    if isinstance(event, MappingStartEvent) and event.flow_style:
        braces = _braces(path, event, line)
        if braces is not None:
            return braces
    if is_key and not isinstance(event, ScalarEvent):
        return _problem(
            path,
            event,
            "Hier staat een lijst of onderdeel op de plaats van een sleutel.",
            "Een sleutel is één woord gevolgd door een dubbele punt, bijv. 'titel: ...'. "
            "Begint de regel met '?', haal die dan weg.",
        )
    # ruamel marks the folds of a folded ('>') text with U+0007 itself.
    value = getattr(event, "value", None) or ""
    if getattr(event, "style", None) == ">":
        value = value.replace("\a", "")
    if isinstance(event, ScalarEvent) and _UNWANTED.search(value):
        char = _UNWANTED.search(value).group()  # type: ignore[union-attr]
        return _problem(
            path,
            event,
            f"In deze tekst staat een onzichtbaar of ongeldig teken (U+{ord(char):04X}), "
            "geschreven als code met een backslash.",
            "Haal de code met '\\' (bijv. \\0, \\a of \\ud800) uit de tekst tussen de "
            "aanhalingstekens.",
        )
    if isinstance(event, ScalarEvent) and event.style is None:
        if event.value == "<<":
            return _problem(path, event, "Hier staat een samenvoeg-sleutel (<<).", _ALIAS_HINT)
        if _TIMESTAMP.match(event.value) and not _is_real_date(event.value):
            text_too = (
                "" if date_key else " Is het geen datum, zet het dan tussen aanhalingstekens."
            )
            return _problem(
                path,
                event,
                f"'{event.value}' is geen bestaande datum"
                + (f": {why}." if (why := why_not(event.value)) else "."),
                f"{CHECK_DAY}{text_too}",
            )
    return None


def _is_real_date(value: str) -> bool:
    day = value[:10] if len(value) >= 10 and value[10:11] in ("", "T", "t", " ") else value
    try:
        year, month, number = (int(part) for part in re.split(r"[-Tt ]", day)[:3])
        dt.date(year, month, number)
    except ValueError:
        return False
    return True


def _keyed(events: Iterator[Any]) -> Iterator[tuple[Any, bool, int]]:
    """Each event with whether it stands where a mapping key goes, and its nesting depth."""
    stack: list[list[Any]] = []  # per open collection: [is_mapping, next node is a key]
    for event in events:
        if isinstance(event, CollectionEndEvent):
            stack.pop()
            yield event, False, len(stack)
            continue
        is_key = bool(stack) and stack[-1][0] and stack[-1][1]
        if isinstance(event, NodeEvent) and stack and stack[-1][0]:
            stack[-1][1] = not stack[-1][1]
        yield event, is_key, len(stack)
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            stack.append([isinstance(event, MappingStartEvent), True])


Sources = dict[tuple[int, int], str]
"""The text of every plain value as written, by 0-based line and column (``0612345678``)."""


def check_events(path: Path, text: str) -> tuple[list[Problem], Sources]:
    """Anchors, aliases, merge keys, tags, complex keys, impossible dates and deep nesting;
    and the plain values as written.

    Raises ruamel's MarkedYAMLError on a syntax error (reported by the caller)."""
    problems: list[Problem] = []
    sources: Sources = {}
    seen: set[str] = set()  # one message per anchor name, not one per alias
    lines = text.split("\n")
    key = None
    braces_lines: set[int] = set()
    for event, is_key, depth in _keyed(YAML(typ="rt").parse(text)):
        if isinstance(event, ScalarEvent) and event.style is None:
            sources[event.start_mark.line, event.start_mark.column] = event.value
        if is_key:
            key = event.value if isinstance(event, ScalarEvent) else None
        if depth > MAX_DEPTH:
            problems.append(
                _problem(
                    path,
                    event,
                    f"De tekst is hier te diep ingesprongen (meer dan {MAX_DEPTH} niveaus).",
                    "Een inhoudsbestand heeft hooguit een paar niveaus. Controleer de "
                    "inspringing en de haakjes ([ en {) vanaf deze regel.",
                )
            )
            return problems, sources
        row = event.start_mark.line if event.start_mark else 0
        problem = _event_problem(
            path,
            event,
            is_key,
            date_key=not is_key and key in DATE_KEYS,
            line=lines[row] if row < len(lines) else "",
        )
        if problem is not None and problem.line in braces_lines:
            continue  # the inside of a '{{' already reported on this line
        if problem is not None and problem.message.startswith("Deze tekst begint met '{{'"):
            braces_lines.add(problem.line)
        if problem is not None and problem.message not in seen:
            seen.add(problem.message)
            problems.append(problem)
            if len(problems) >= 10:
                break
    return problems, sources
