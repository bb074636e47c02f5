"""One source per fact: texts in content/ name a fact (``{{stap-2.momenten}}``) instead of
repeating it, and loading fills it in from the one place where it is written.

The facts come from the steps' data, e.g. the evaluation moments of stap-2.yml under
``termijn.momenten``. When the MR changes them there, every text that names them (our step texts,
worksheets, the guide, the practice cases, the onboarding pages) follows. The school's own text
(WANNEER, WAAROM, WIE, HOE, ...) is verbatim and never filled in; ``check`` compares it with the
data instead (checks.py, check_step_text_vs_data).

Facts of a step with follow-up moments (N is the step number, K counts from 1):

* ``stap-N.momenten``       all moments: "na 2 dagen, na een week en na een maand"
* ``stap-N.momenten-of``    the same with "of": "na 2 dagen, na een week of na een maand"
* ``stap-N.moment-K``       one moment: "na een week"
* ``stap-N.eerste-moment``, ``stap-N.laatste-moment``
* ``stap-N.aantal-momenten`` the number of moments: "3"

A fact at the very start of a text starts with a capital ("Na 2 dagen, ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar

from pydantic import TypeAdapter

from generator.content.model import Stap, Strict

FACT = re.compile(r"\{\{\s*([a-z0-9.-]+)\s*\}\}")
"""How a text names a fact: ``{{stap-2.momenten}}``."""

AND, OR = "en", "of"
"""The words that join a list of moments (the content's language, like its labels)."""

VERBATIM_STEP_KEYS = frozenset(
    {
        "titel",
        "kop",
        "alinea",
        "wanneer",
        "waarom",
        "wie",
        "hoe",
        "koppen",
        "secties",
        "deelstappen",
    }
)
"""A step's fields that hold the school's own text: never filled in."""

NO_FACT_FILES = ("school.yml", "hoofdstukken.yml", "wijzigingen.yml")
"""Files whose texts never name a fact: the school's data, the school's own chapters and the
change log (a note says what changed then, in the words of then: never filled in or flagged)."""

M = TypeVar("M", bound=Strict)


def _join(items: list[str], word: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def facts(steps: Iterable[Stap]) -> dict[str, str]:
    """Every fact the steps' data provide, by name."""
    found: dict[str, str] = {}
    for stap in steps:
        labels = [m.label for m in stap.termijn.momenten]
        if not labels:
            continue
        prefix = f"stap-{stap.nummer}."
        found[prefix + "momenten"] = _join(labels, AND)
        found[prefix + "momenten-of"] = _join(labels, OR)
        found[prefix + "eerste-moment"] = labels[0]
        found[prefix + "laatste-moment"] = labels[-1]
        found[prefix + "aantal-momenten"] = str(len(labels))
        for k, label in enumerate(labels, 1):
            found[f"{prefix}moment-{k}"] = label
    return found


def named(text: str) -> list[str]:
    """The facts a text names."""
    return FACT.findall(text)


def fill(text: str, known: dict[str, str]) -> str:
    """``text`` with every fact it names filled in (an unknown name is left as written; check
    reports it)."""

    def value(match: re.Match[str]) -> str:
        found = known.get(match.group(1))
        if found is None:
            return match.group(0)
        return found[:1].upper() + found[1:] if match.start() == 0 else found

    filled = FACT.sub(value, text)
    return type(text)(filled) if isinstance(text, str) and type(text) is not str else filled


def _fill_tree(node: Any, known: dict[str, str], skip: frozenset[str] = frozenset()) -> Any:
    if isinstance(node, str):
        return fill(node, known)
    if isinstance(node, dict):
        return {
            key: value if key in skip else _fill_tree(value, known) for key, value in node.items()
        }
    if isinstance(node, list):
        return [_fill_tree(value, known) for value in node]
    return node


def fill_part(part: M, known: dict[str, str]) -> M:
    """A validated part with its facts filled in (a step keeps the school's text as is).

    Field by field: a field that names no fact is kept as it is; a changed one is validated
    again, so a filled-in text obeys the same rules as a typed one."""
    if not known:
        return part
    skip = VERBATIM_STEP_KEYS if isinstance(part, Stap) else frozenset()
    update: dict[str, Any] = {}
    for name, info in type(part).model_fields.items():
        if name in skip:
            continue
        # The field's own rules (e.g. Markdown's marker) are in its metadata.
        annotation = (
            Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
        )
        adapter = TypeAdapter(annotation)
        data = adapter.dump_python(getattr(part, name))
        filled = _fill_tree(data, known)
        if filled != data:
            update[name] = adapter.validate_python(filled)
    return part.model_copy(update=update) if update else part
