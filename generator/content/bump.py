"""``stappenwijzer versie "wat er veranderde"``: a new version in one step.

Raises ``versie`` in school.yml and adds the change note to wijzigingen.yml, keeping both files'
comments, quotes and layout (ruamel.yaml round trip). Nothing is written unless both files read
and validate, and the result of both edits validates again.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from generator.content.model import School, Wijzigingen
from generator.content.validate import validate_file
from generator.content.yamlfile import YamlFile, read_yaml
from generator.problems import ContentError, Problem

VERSION = re.compile(r"^\s*(\d+)\.(\d+)")
WIDTH = 88
"""Line width of the new change note; the files' other lines are kept as they are."""
LONG_NOTE = 80
"""A note longer than this is written as a folded block (``tekst: >-``)."""


@dataclass(frozen=True)
class Bumped:
    old: str
    new: str
    datum: dt.date
    school: Path
    wijzigingen: Path


def next_version(current: str, major: bool = False) -> str | None:
    """'1.0' -> '1.1' ('2.0' with ``major``); None when ``current`` has no number to raise."""
    match = VERSION.match(current)
    if match is None:
        return None
    high, low = int(match.group(1)), int(match.group(2))
    return f"{high + 1}.0" if major else f"{high}.{low + 1}"


def _number(version: str) -> tuple[int, ...] | None:
    match = re.match(r"^\s*(\d+(?:\.\d+)*)\s*$", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def _check_chosen(school_file: YamlFile, old: str, new: str, notes_path: Path) -> None:
    """A version given with --nummer is a number, and higher than the current one; the same
    number only when school.yml already has it and the change log does not (a version changed
    by hand, whose change note is still missing)."""
    chosen, current = _number(new), _number(old)
    if chosen is None:
        raise ContentError(
            [
                school_file.problem(
                    ("versie",),
                    f"'{new}' is geen versienummer.",
                    "Schrijf het nummer als 2.0 of 2.1, bijv. --nummer 2.0.",
                )
            ]
        )
    if current is None or chosen > current:
        return
    notes = _read(notes_path, Wijzigingen).data.get("wijzigingen") or []
    noted = any(str(n.get("versie", "")).strip() == new for n in notes if isinstance(n, dict))
    if chosen == current and not noted:
        return
    raise ContentError(
        [
            school_file.problem(
                ("versie",),
                f"Versie {new} is niet hoger dan de versie nu ({old})"
                + (", en die staat al in wijzigingen.yml." if chosen == current else "."),
                f"Kies een hoger nummer dan {old} (zonder --nummer wordt het "
                f"{next_version(old) or 'het volgende'}).",
            )
        ]
    )


def _read(path: Path, model: type) -> YamlFile:
    yaml_file, problems = read_yaml(path)
    if yaml_file is None:
        raise ContentError(problems)
    _, problems = validate_file(yaml_file, model)
    if any(p.is_error for p in problems):
        raise ContentError(problems)
    return yaml_file


def _round_trip(path: Path) -> tuple[YAML, Any]:
    text = path.read_text(encoding="utf-8")
    _, indent, dash_offset = load_yaml_guess_indent(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the coordinator wrote
    indent, dash_offset = indent or 2, dash_offset or 0
    # The guess is the sequence's indent (dash offset included) and the dash's offset.
    yaml.indent(mapping=max(2, indent - dash_offset), sequence=indent, offset=dash_offset)
    return yaml, yaml.load(text)


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def bump(
    content: Path,
    note: str,
    *,
    major: bool = False,
    version: str | None = None,
    today: dt.date | None = None,
) -> Bumped:
    """Raise the version and add ``note``. Raises ContentError (Dutch, at file and line)."""
    school_path = content / "school.yml"
    notes_path = content / "wijzigingen.yml"
    school_file = _read(school_path, School)
    _read(notes_path, Wijzigingen)
    old = str(school_file.data["versie"])
    new = version.strip() if version else next_version(old, major)
    if version:
        _check_chosen(school_file, old, new, notes_path)
    if not new:
        raise ContentError(
            [
                school_file.problem(
                    ("versie",),
                    f"De versie '{old}' begint niet met een nummer als 1.0; ik weet niet wat de "
                    "volgende is.",
                    'Geef de nieuwe versie zelf op: stappenwijzer versie "wat er veranderde" '
                    "--nummer 2.0",
                )
            ]
        )
    if not note.strip():
        raise ContentError(
            [
                Problem(
                    notes_path,
                    1,
                    1,
                    "De beschrijving van de wijziging is leeg.",
                    'Zeg in een zin wat er veranderde: stappenwijzer versie "De MR besloot ..."',
                )
            ]
        )
    datum = today or dt.date.today()

    school_yaml, school_data = _round_trip(school_path)
    school_data["versie"] = DoubleQuotedScalarString(new)
    notes_yaml, notes_data = _round_trip(notes_path)
    entry = CommentedMap()
    entry["datum"] = datum
    entry["versie"] = DoubleQuotedScalarString(new)
    text = note.strip()
    entry["tekst"] = _folded(text) if len(text) > LONG_NOTE else text
    items = notes_data["wijzigingen"]
    newest_first = len(items) < 2 or items[0]["datum"] >= items[-1]["datum"]
    if newest_first:
        items.insert(0, entry)
    else:
        items.append(entry)

    school_text, notes_text = _dump(school_yaml, school_data), _dump(notes_yaml, notes_data)
    _check_written(school_path, school_text, School)
    _check_written(notes_path, notes_text, Wijzigingen)
    school_path.write_text(school_text, encoding="utf-8")
    notes_path.write_text(notes_text, encoding="utf-8")
    return Bumped(old, new, datum, school_path, notes_path)


def _folded(text: str) -> FoldedScalarString:
    """A folded block (``>-``) broken at spaces into lines of at most WIDTH characters."""
    folded = FoldedScalarString(text)
    positions, start = [], 0
    while len(text) - start > WIDTH:
        cut = text.rfind(" ", start, start + WIDTH)
        if cut <= start:
            break
        positions.append(cut)
        start = cut + 1
    folded.fold_pos = positions  # type: ignore[attr-defined]
    return folded


def _check_written(path: Path, text: str, model: type) -> None:
    """The edited text must read and validate before it replaces the file."""
    tmp = path.with_name(f".{path.name}.nieuw")
    try:
        tmp.write_text(text, encoding="utf-8")
        yaml_file, problems = read_yaml(tmp)
        if yaml_file is not None:
            _, problems = validate_file(yaml_file, model)
        errors = [p for p in problems if p.is_error]
        if errors:
            raise ContentError(
                [
                    Problem(
                        path,
                        e.line,
                        e.column,
                        f"Na de wijziging zou dit bestand niet meer kloppen: {e.message}",
                        "Er is niets veranderd. Pas het bestand met de hand aan en meld dit.",
                    )
                    for e in errors
                ]
            )
    finally:
        tmp.unlink(missing_ok=True)
