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

* ``stap-N.termijn``        the deadline the protocol names, as part of a sentence
                            (``termijn.tekst``): "op dezelfde dag als het Gesprek ..."
* ``stap-N.wie``            who acts in the step (``rollen`` without ``op_de_hoogte``), by their
                            short names: "leerkracht, leerlingen, evt. IB en evt. APC"
* ``stap-N.op-de-hoogte``   who is informed (``rollen`` with ``op_de_hoogte: true``)

A fact at the very start of a text starts with a capital ("Na 2 dagen, ...").

A worksheet part or field with ``per_moment: N`` is repeated once per moment of step N, with
``{{moment}}`` standing for that moment (expand_moments): a fourth moment gets its own section.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any, TypeVar

from pydantic import TypeAdapter

from generator.content.model import CLOSED, Formulieren, Rol, Stap, Strict

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

MOMENT = "moment"
"""The name that stands for one moment inside a ``per_moment`` part of a worksheet."""

ASSUMED = "gaat_uit_van"
"""The key under which a narrative text lists the facts it assumes, with their value then."""

NO_FACT_FILES = ("school.yml", "hoofdstukken.yml", "wijzigingen.yml")
"""Files whose texts never name a fact: the school's data, the school's own chapters and the
change log (a note says what changed then, in the words of then: never filled in or flagged)."""

M = TypeVar("M", bound=Strict)


def _join(items: list[str], word: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def acting(stap: Stap) -> list[Any]:
    """The roles that act in ``stap`` (not those only informed)."""
    return [r for r in stap.rollen if not r.op_de_hoogte]


def informed(stap: Stap) -> list[Any]:
    """The roles that ``stap`` informs."""
    return [r for r in stap.rollen if r.op_de_hoogte]


def informed_by(stap: Stap, steps: dict[int, Stap]) -> tuple[Stap, list[Any]]:
    """Who to inform after ``stap``: its own informed roles, or, when it informs no one and
    leads to one step only, that step's (after a Gesprek zonder Schuldvraag, stap 4's)."""
    own = informed(stap)
    if own:
        return stap, own
    following = [v.naar for v in stap.vervolg if v.naar != CLOSED]
    if len(stap.vervolg) == 1 and len(following) == 1 and following[0] in steps:
        volgende = steps[following[0]]
        if informed(volgende):
            return volgende, informed(volgende)
    return stap, []


def role_names(entries: Iterable[Any], roles: Iterable[Rol] | None) -> list[str]:
    """Short names of step roles ('evt. IB'); the id where rollen.yml is not known."""
    by_id = {r.id: r for r in roles or ()}
    names = []
    for entry in entries:
        rol = by_id.get(entry.rol)
        name = (rol.kort or rol.naam) if rol else entry.rol
        names.append(f"evt. {name}" if entry.eventueel else name)
    return names


def facts(steps: Iterable[Stap], roles: Iterable[Rol] | None = None) -> dict[str, str]:
    """Every fact the steps' data provide, by name."""
    steps = list(steps)
    roles = list(roles or ())
    found: dict[str, str] = {}
    for stap in steps:
        prefix = f"stap-{stap.nummer}."
        for name, entries in (("wie", acting(stap)), ("op-de-hoogte", informed(stap))):
            if entries:
                found[prefix + name] = _join(role_names(entries, roles), AND)
        labels = [m.label for m in stap.termijn.momenten]
        if not labels:
            continue
        found[prefix + "momenten"] = _join(labels, AND)
        found[prefix + "momenten-of"] = _join(labels, OR)
        found[prefix + "eerste-moment"] = labels[0]
        found[prefix + "laatste-moment"] = labels[-1]
        found[prefix + "aantal-momenten"] = str(len(labels))
        for k, label in enumerate(labels, 1):
            found[f"{prefix}moment-{k}"] = label
    # A deadline may itself name a fact (stap 2's deadline is its moments).
    for stap in steps:
        if stap.termijn.tekst:
            found[f"stap-{stap.nummer}.termijn"] = _lower_first(fill(stap.termijn.tekst, found))
    return found


def _lower_first(text: str) -> str:
    """A deadline goes inside a sentence: 'Op dezelfde dag' becomes 'op dezelfde dag' (an
    abbreviation such as 'APC' keeps its capitals)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


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


def _repeat(items: list[dict[str, Any]], steps: dict[int, Stap]) -> list[dict[str, Any]]:
    """Each item with ``per_moment`` once per moment of that step, ``{{moment}}`` filled in."""
    result = []
    for item in items:
        nummer = item.get("per_moment")
        if nummer is None:
            result.append(item)
            continue
        stap = steps.get(nummer)
        for moment in stap.termijn.momenten if stap else ():
            copy = _fill_tree({**item, "per_moment": None}, {MOMENT: moment.label})
            result.append(copy)
    return result


def expand_worksheets(
    formulieren: Formulieren, steps: Iterable[Stap], roles: Iterable[Rol] | None = None
) -> Formulieren:
    """The worksheets with every ``per_moment`` part and field repeated per moment, and the
    tick boxes of a ``rollen`` field filled with the roles of the worksheet's step."""
    by_number = {s.nummer: s for s in steps}
    roles = list(roles or ())
    derived = any(
        o.per_moment is not None or any(v.per_moment is not None or v.rollen for v in o.velden)
        for f in formulieren.formulieren
        for o in f.onderdelen
    )
    if not derived:
        return formulieren
    data = formulieren.model_dump(mode="python")
    for form in data["formulieren"]:
        stap = by_number.get(form["stap"]) if form["stap"] is not None else None
        form["onderdelen"] = _repeat(form["onderdelen"], by_number)
        for onderdeel in form["onderdelen"]:
            onderdeel["velden"] = _repeat(onderdeel["velden"], by_number)
            for veld in onderdeel["velden"]:
                if veld["rollen"] and stap is not None:
                    entries = acting(stap) if veld["rollen"] == "wie" else informed(stap)
                    veld["opties"] = [*role_names(entries, roles), *veld["opties"]]
    return Formulieren.model_validate(data)
