"""Validating one content file against its model, with every error in Dutch at its position."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import functools
import re
from collections import defaultdict
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content.dates import date_advice
from generator.content.names import Names, meant_id
from generator.content.yamlfile import Loc, YamlFile
from generator.problems import Problem

M = TypeVar("M", bound=BaseModel)

# What each kind of value looks like, in the words used for "hier hoort ...".
_EXPECTED: dict[str, str] = {
    "string_type": "tekst",
    "int_type": "een heel getal (bijv. 3)",
    "int_from_float": "een heel getal (bijv. 3)",
    "bool_type": "true (waar) of false (niet waar)",
    "date_type": "een datum als JJJJ-MM-DD (bijv. 2026-09-01)",
    "list_type": "een lijst (regels die beginnen met '- ')",
    "dict_type": "een onderdeel met sleutels ('sleutel: waarde')",
    "model_type": "een onderdeel met sleutels ('sleutel: waarde')",
    "model_attributes_type": "een onderdeel met sleutels ('sleutel: waarde')",
    "literal_error": "",
    "none_required": "niets",
}


def _describe(value: Any, written: str | None = None) -> str:
    if written is not None and not isinstance(value, str):
        return f"'{written}'"
    if value is None:
        return "niets (een lege waarde)"
    if isinstance(value, bool):
        return f"waar/niet waar ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"een getal ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"tekst ('{shown}')"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een onderdeel met sleutels"
    return type(value).__name__


class _SchemaWalker:
    """Finds the keys allowed at a location, from the model's JSON Schema."""

    def __init__(self, model: type[BaseModel]):
        self.schema = model.model_json_schema()

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = self.schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        return node

    def _branches(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        node = self._resolve(node)
        for key in ("anyOf", "oneOf", "allOf"):
            if key in node:
                return [b for sub in node[key] for b in self._branches(sub)]
        return [node]

    def keys_at(self, loc: Loc) -> list[str]:
        nodes = self._branches(self.schema)
        for part in loc:
            following: list[dict[str, Any]] = []
            for node in nodes:
                if isinstance(part, int) and "items" in node:
                    following += self._branches(node["items"])
                elif isinstance(part, str) and part in node.get("properties", {}):
                    following += self._branches(node["properties"][part])
                elif isinstance(part, str) and isinstance(node.get("additionalProperties"), dict):
                    following += self._branches(node["additionalProperties"])
                elif isinstance(part, str) and node.get("patternProperties"):
                    # dict[Id, Contact]: every value is the same model
                    for value in node["patternProperties"].values():
                        following += self._branches(value)
            if following:
                nodes = following
            # Otherwise ``part`` is a union tag added by pydantic: stay where we are.
        return sorted({k for node in nodes for k in node.get("properties", {})})


@functools.cache
def _walker(model: type[BaseModel]) -> _SchemaWalker:
    """One walker per model: building the JSON Schema is the slow part."""
    return _SchemaWalker(model)


def _real_loc(yaml_file: YamlFile, loc: tuple[str | int, ...], keyed: bool = False) -> Loc:
    """``loc`` without the union-member tags that pydantic inserts. ``keyed``: the error is
    about the key that ends ``loc`` (unknown or missing)."""
    matched = _match(yaml_file.data, loc, keyed)
    return matched if matched is not None else _greedy_loc(yaml_file, loc)


def _match(node: Any, loc: tuple[str | int, ...], keyed: bool) -> Loc | None:
    """``loc`` as a path through ``node`` that skips as few parts as possible; a skipped part
    is a tag naming a union member. A tag may have the name of a key (the tag 'lijst' of a
    list block whose key is 'lijst'), so both readings are tried; the one that ends at the
    last part (the key that is unknown or missing) wins. None if none fits."""
    found = _readings(node, loc, keyed)
    if not found:
        return None
    return min(found, key=lambda r: (keyed and (not r[0] or r[0][-1] != loc[-1]), r[1]))[0]


def _readings(node: Any, loc: tuple[str | int, ...], keyed: bool) -> list[tuple[Loc, int]]:
    """Every reading of ``loc`` through ``node``, with how many parts it skips as tags."""
    if not loc:
        return [((), 0)]
    part, rest = loc[0], loc[1:]
    found: list[tuple[Loc, int]] = []
    is_key = isinstance(node, dict) and isinstance(part, str) and part in node
    is_item = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
    if is_key or is_item:
        found += [((part, *sub), skipped) for sub, skipped in _readings(node[part], rest, keyed)]
    elif keyed and not rest and isinstance(node, dict) and isinstance(part, str):
        found.append(((part,), 0))  # a missing key
    if isinstance(part, str):
        found += [(sub, skipped + 1) for sub, skipped in _readings(node, rest, keyed)]
    return found


def _greedy_loc(yaml_file: YamlFile, loc: tuple[str | int, ...]) -> Loc:
    real: list[str | int] = []
    node: Any = yaml_file.data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            real.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            real.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif i == len(loc) - 1 and isinstance(part, str) and isinstance(node, dict):
            real.append(part)  # a missing key
        # Anything else is a tag naming a union member.
    return tuple(real)


def _id_shape(value: str) -> str:
    """``value`` written as an id: 'IB' is 'ib', 'Intern Begeleider' is 'intern-begeleider'."""
    return re.sub(r"[^a-z0-9]+", "-", value.strip().casefold()).strip("-")


def where(loc: Loc, data: Any = None) -> str:
    """A location as an editor reads it: keys, and list items counted from 1, with the item's
    id where it has one ('rollen → nr. 7 (team) → naam')."""
    parts = []
    node = data
    for p in loc:
        if isinstance(p, int):
            item = node[p] if isinstance(node, list) and 0 <= p < len(node) else None
            name = item.get("id") if isinstance(item, dict) else None
            parts.append(f"nr. {p + 1}" + (f" ({name})" if isinstance(name, str) else ""))
            node = item
        else:
            parts.append(str(p))
            node = node.get(p) if isinstance(node, dict) else None
    return " → ".join(parts) or "het bestand"


def _translate(
    yaml_file: YamlFile,
    walker: _SchemaWalker,
    error: ErrorDetails,
    loc: Loc,
    names: Names | None = None,
) -> Problem:
    kind = error["type"]
    value = error.get("input")
    written = yaml_file.source(loc) if isinstance(value, int | float | dt.date) else None
    ctx = error.get("ctx", {})
    spot = where(loc, yaml_file.data)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = walker.keys_at(loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"Bedoelde u '{close[0]}'? " if close else ""
        hint += (
            "Controleer de spelling van de sleutel. Toegestaan op deze plek: "
            + ", ".join(allowed)
            + "."
        )
        line, col = yaml_file.key_position(loc)
        return Problem(yaml_file.path, line, col, f"Onbekende sleutel '{key}'.", hint)
    line, col = yaml_file.position(loc)
    if kind == "missing":
        key = str(loc[-1])
        parent = where(loc[:-1], yaml_file.data)
        return Problem(
            yaml_file.path,
            line,
            col,
            f"De verplichte sleutel '{key}' ontbreekt in {parent}.",
            f"Voeg '{key}:' met een waarde toe aan dit onderdeel.",
        )
    if kind == "too_short" and ctx.get("actual_length"):
        need, have = ctx.get("min_length", "?"), ctx["actual_length"]
        return Problem(
            yaml_file.path,
            line,
            col,
            f"'{spot}' heeft {have} onderdeel/onderdelen; hier horen er minstens {need}.",
            f"Voeg er een toe (een regel die begint met '- '), tot er {need} zijn.",
        )
    if kind in ("string_too_short", "too_short"):
        what = "tekst" if kind == "string_too_short" else "lijst"
        return Problem(
            yaml_file.path,
            line,
            col,
            f"'{spot}' is een lege {what}.",
            f"Vul de {what} in, of verwijder de sleutel als dat mag.",
        )
    if kind == "string_pattern_mismatch":
        key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        meant = meant_id(names, key, value) if isinstance(value, str) else None
        if str(loc[-1]) == "url":
            hint = "Schrijf een volledig webadres dat begint met https:// of http://."
        elif meant is not None:
            hint = (
                f"Bedoelde u '{meant}'? Hier hoort de korte naam (id) in kleine letters en "
                "streepjes, niet de naam zoals die op de site staat."
            )
        elif isinstance(value, str) and (slug := _id_shape(value)) and slug != value:
            hint = (
                f"Bedoelde u '{slug}'? Hier hoort een korte naam (id): alleen kleine letters, "
                "cijfers en streepjes, zonder spaties."
            )
        else:
            hint = (
                "Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties "
                "(bijv. 'apc' of 'ouders-gepeste')."
            )
        return Problem(
            yaml_file.path,
            line,
            col,
            f"'{spot}' heeft een ongeldige vorm: {_describe(value, written)}.",
            hint,
        )
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(ctx.values()), "?")
        relation = "minstens" if kind.startswith("greater") else "hoogstens"
        return Problem(
            yaml_file.path,
            line,
            col,
            f"'{spot}' is {value}; dat moet {relation} {bound} zijn.",
            f"Kies een getal van {relation} {bound}.",
        )
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return Problem(
            yaml_file.path,
            line,
            col,
            f"'{spot}' heeft een waarde die hier niet kan: {_describe(value, written)}.",
            f"Toegestaan: {expected}.",
        )
    expected = _EXPECTED.get(kind)
    if expected is not None:
        hint = _type_hint(kind, written or (value if isinstance(value, str) else None))
        if value is None and loc and isinstance(loc[-1], str):
            hint = (
                f"Schrijf de waarde achter '{loc[-1]}:', op dezelfde regel. Hoeft er niets te "
                "staan, haal dan de hele regel weg."
            )
        return Problem(
            yaml_file.path,
            line,
            col,
            f"Bij '{spot}' hoort {expected}, maar er staat {_describe(value, written)}.",
            hint,
        )
    return Problem(
        yaml_file.path,
        line,
        col,
        f"'{spot}' is ongeldig: {_describe(value, written)}.",
        "Vergelijk dit onderdeel met hetzelfde onderdeel in een ander bestand dat wel werkt.",
    )


def _type_hint(kind: str, written: str | None = None) -> str:
    if kind == "date_type":
        return date_advice(written)
    if kind in ("string_type",):
        return (
            "Schrijf tekst; zet hem tussen aanhalingstekens als hij met een getal begint of "
            "alleen uit een getal, 'ja' of 'nee' bestaat."
        )
    if kind in ("int_type", "int_from_float"):
        return "Schrijf alleen het getal, zonder aanhalingstekens of letters."
    if kind == "list_type":
        return "Zet elk onderdeel op een eigen regel die begint met '- '."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "Zet de onderdelen eronder als 'sleutel: waarde', ingesprongen met spaties."
    if kind == "bool_type":
        return "Schrijf true of false."
    return "Controleer de waarde."


def _merge_union(problems: list[Problem]) -> Problem:
    """One problem for one spot where pydantic tried several members of a union."""
    first = problems[0]
    if len(problems) == 1:
        return first
    return Problem(
        first.path,
        first.line,
        first.column,
        first.message.split(", maar er staat")[0]
        + " of "
        + "; of ".join(p.message for p in problems[1:]),
        " Of: ".join(dict.fromkeys(p.hint for p in problems)),
    )


def _as_written(yaml_file: YamlFile, exc: ValidationError) -> Any | None:
    """The data with every number that stands where text belongs replaced by the text as
    written (``telefoon: 0612345678`` stays "0612345678", ``versie: 1.1`` stays "1.1"), or None
    if there is no such number."""
    data = copy.deepcopy(yaml_file.data)
    changed = False
    for error in exc.errors(include_url=False):
        value = error.get("input")
        if error["type"] != "string_type" or isinstance(value, bool):
            continue
        if not isinstance(value, int | float | dt.date):
            continue
        loc = _real_loc(yaml_file, error["loc"])
        written = yaml_file.source(loc)
        if written is None or not loc:
            continue
        parent = data
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = written
        changed = True
    return data if changed else None


def validate_file(
    yaml_file: YamlFile, model: type[M], names: Names | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate the file's data. Returns the model, or None and every problem in the file.

    ``names``: the names people see on the site by id (names.py), to suggest the id where
    a name was written instead."""
    try:
        return model.model_validate(yaml_file.data), []
    except ValidationError as first:
        exc = first
        data = _as_written(yaml_file, first)
        if data is not None:
            try:
                return model.model_validate(data), []
            except ValidationError as second:
                exc = second
    walker = _walker(model)
    errors = [
        (_real_loc(yaml_file, e["loc"], e["type"] in ("extra_forbidden", "missing")), e)
        for e in exc.errors(include_url=False)
    ]
    errors, stray = _stray_dashes(yaml_file, errors)
    misspelt = {(loc[:-1], str(loc[-1])) for loc, e in errors if e["type"] == "extra_forbidden"}
    by_spot: dict[Loc, list[Problem]] = defaultdict(list)
    steps: list[Problem] = []
    for loc, error in errors:
        if error["type"] == "missing" and _is_misspelt(loc, misspelt):
            continue  # The unknown-key problem already says which key was meant.
        step = _step_written_out(yaml_file, error, loc)
        if step is not None:
            if step not in steps:
                steps.append(step)  # once, not once per member of a union
            continue
        by_spot[loc].append(_translate(yaml_file, walker, error, loc, names))
    return None, stray + steps + [_merge_union(ps) for ps in by_spot.values()]


_STEP_WRITTEN_OUT = re.compile(r"^\s*stap[\s-]*(\d+)\s*$", re.IGNORECASE)


def _step_written_out(yaml_file: YamlFile, error: ErrorDetails, loc: Loc) -> Problem | None:
    """'Stap 3' where the step number belongs (``naar: Stap 3``)."""
    value = error.get("input")
    if error["type"] not in ("int_type", "int_parsing", "literal_error", "none_required"):
        return None
    match = _STEP_WRITTEN_OUT.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    line, col = yaml_file.position(loc)
    number = int(match.group(1))
    return Problem(
        yaml_file.path,
        line,
        col,
        f"Bij '{where(loc)}' hoort alleen het stapnummer, maar er staat '{value}'.",
        f"Bedoelde u {number}? Schrijf '{loc[-1]}: {number}', zonder het woord 'stap'.",
    )


def _stray_dashes(
    yaml_file: YamlFile, errors: list[tuple[Loc, ErrorDetails]]
) -> tuple[list[tuple[Loc, ErrorDetails]], list[Problem]]:
    """A line with only '-' on it, where it broke the file: one problem at that line instead
    of the errors it caused. An empty item is wrong wherever it is; a dash above a block
    splits an item in two, so the keys it took away go 'missing' from the item above it."""
    problems: list[Problem] = []
    for seq, i, dash in yaml_file.lone_dashes():
        item = (*seq, i)
        empty = _get(yaml_file.data, item) is None
        if empty:
            caused = [(loc, e) for loc, e in errors if loc[: len(item)] == item]
        else:
            caused = [
                (loc, e)
                for loc, e in errors
                if e["type"] == "missing"
                and loc[: len(item)] in (item, (*seq, i - 1))
                and len(loc) == len(item) + 1
            ]
        if not caused:
            continue
        errors = [pair for pair in errors if pair not in caused]
        column = yaml_file.lines[dash].index("-") + 1
        problems.append(
            Problem(
                yaml_file.path,
                dash + 1,
                column,
                f"Hier staat een lege lijstregel: een streepje (-) zonder tekst in {where(seq)}."
                + (
                    ""
                    if empty
                    else " Zo begint hier een nieuw onderdeel en mist het onderdeel erboven "
                    "wat eronder staat."
                ),
                "Haal deze regel weg, of vul hem in: schrijf het onderdeel achter het streepje "
                "('- ...'), net als de andere regels van de lijst.",
            )
        )
    return errors, problems


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _is_misspelt(loc: Loc, misspelt: set[tuple[Loc, str]]) -> bool:
    candidates = [key for parent, key in misspelt if parent == loc[:-1]]
    return bool(difflib.get_close_matches(str(loc[-1]), candidates, n=1, cutoff=0.6))
