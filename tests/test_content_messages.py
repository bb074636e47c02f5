"""Mistakes a new coordinator makes while maintaining content/, each explained in Dutch at the
line to change: misspelt keys everywhere, a stray '-', an empty value, a name where an id
belongs, a date typed the Dutch way, and the warnings that must point at the right text."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from generator.content.load import load
from generator.content.model import FILE_MODELS, OPTIONAL_FILE_MODELS, Stap
from generator.content.validate import validate_file
from generator.content.yamlfile import read_yaml
from generator.problems import Problem
from tests.conftest import copy_project
from tests.helpers import edit
from tests.test_content import errors, line_of, only

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the bundled content/ (no build needed: these tests only load)."""
    return copy_project(tmp_path).content


def warnings_in(content: Path, name: str) -> list[Problem]:
    _, problems = load(content)
    return [p for p in problems if p.path.name == name and not p.is_error]


@pytest.mark.parametrize(
    ("old", "new", "meant"),
    [
        ('    telefoon: "[telefoonnummer APC]"', '    telefon: "[telefoonnummer APC]"', "telefoon"),
        ('    email: "[e-mailadres IB]"', '    emial: "[e-mailadres IB]"', "email"),
        ("    functie: Directeur", "    funktie: Directeur", "functie"),
    ],
)
def test_misspelt_contact_key_lists_the_allowed_keys(content, old, new, meant) -> None:
    path = content / "school.yml"
    edit(path, old, new)
    problem = only(errors(content))
    key = new.split(":")[0].strip()
    assert (problem.line, problem.column) == (line_of(path, f"{key}:"), 5)
    assert problem.message == f"Onbekende sleutel '{key}'."
    assert f"Bedoelde u '{meant}'?" in problem.hint
    assert problem.hint.endswith("Toegestaan op deze plek: email, functie, naam, telefoon.")


def _mappings(node: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(node, dict):
        found.append(loc)
        for key, value in node.items():
            found += _mappings(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _mappings(value, (*loc, i))
    return found


BY_NAME = ("contacten", "gaat_uit_van")
"""Mappings whose keys are names the school chooses (school.yml's contacts by id, the facts
a text assumes), not keys of the model."""


def test_every_place_lists_its_allowed_keys() -> None:
    """An unknown key added to every mapping of every bundled file is reported by its own
    name, with a non-empty list of what is allowed there."""
    content = ROOT / "content"
    files = [(content / n, m) for n, m in {**FILE_MODELS, **OPTIONAL_FILE_MODELS}.items()]
    files += [(p, Stap) for p in sorted((content / "stappen").glob("stap-*.yml"))]
    tried = 0
    for path, model in files:
        if not path.exists():
            continue
        yaml_file, _ = read_yaml(path)
        assert yaml_file is not None
        for loc in _mappings(yaml_file.data):
            if loc and loc[-1] in BY_NAME:
                continue  # a mapping by name: a new key is a new contact or fact
            data = copy.deepcopy(yaml_file.data)
            node = data
            for part in loc:
                node = node[part]
            node["zzonbekend"] = "x"
            _, problems = validate_file(dataclasses.replace(yaml_file, data=data), model)
            problem = only(problems)
            assert problem.message == "Onbekende sleutel 'zzonbekend'.", (path.name, loc)
            assert "Toegestaan op deze plek: ." not in problem.hint, (path.name, loc)
            tried += 1
    assert tried > 300


def test_stray_dash_that_splits_an_item_is_one_error_at_its_line(content) -> None:
    path = content / "stappen" / "stap-4.yml"
    edit(path, "  - rol: ouders\n", "  - rol: ouders\n  -\n")
    problem = only(errors(content))
    dash = line_of(path, "  - rol: ouders") + 1
    assert (problem.line, problem.column) == (dash, 3)
    assert "lege lijstregel" in problem.message and "in rollen" in problem.message
    assert "Haal deze regel weg, of vul hem in" in problem.hint


def test_empty_list_item_is_one_error_at_its_line(content) -> None:
    path = content / "stappen" / "stap-4.yml"
    edit(path, "  - rol: ouders\n", "  -\n  - rol: ouders\n")
    problem = only(errors(content))
    assert (problem.line, problem.column) == (line_of(path, "  - rol: ouders") - 1, 3)
    assert "lege lijstregel" in problem.message


@pytest.mark.parametrize(
    ("name", "old", "new", "column"),
    [
        ("stappen/stap-4.yml", "    taak: Teamleden die het aangaat", "    taak:\n#", 5),
        ("school.yml", 'naam: "[naam van de school]"', "naam:", 1),
    ],
)
def test_empty_value_is_reported_at_its_key(content, name, old, new, column) -> None:
    path = content / name
    edit(path, old, new)
    problem = only(errors(content))
    key = new.split(":")[0]
    assert (problem.line, problem.column) == (_line_exact(path, key + ":"), column)
    assert "er staat niets" in problem.message
    assert f"Schrijf de waarde achter '{key.strip()}:'" in problem.hint


def _line_exact(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line == text:
            return number
    raise AssertionError(f"{text!r} not a line of {path}")


def test_role_written_by_its_name_suggests_its_id(content) -> None:
    edit(
        content / "rollen.yml",
        "  - id: apc\n",
        "  - id: ib-bovenbouw\n    naam: Intern begeleider bovenbouw\n    beschrijving: IB.\n\n"
        "  - id: apc\n",
    )
    path = content / "stappen" / "stap-4.yml"
    edit(path, "  - rol: apc\n", "  - rol: Intern begeleider bovenbouw\n")
    problem = only(errors(content))
    assert (problem.line, problem.column) == (line_of(path, "rol: Intern begeleider"), 10)
    assert "Bedoelde u 'ib-bovenbouw'?" in problem.hint
    assert "niet de naam zoals die op de site staat" in problem.hint


def test_step_written_as_stap_3_suggests_the_number(content) -> None:
    path = content / "stappen" / "stap-2.yml"
    edit(path, "  - naar: 3\n", "  - naar: Stap 3\n")
    problem = only(errors(content))
    assert (problem.line, problem.column) == (line_of(path, "naar: Stap 3"), 11)
    assert "hoort alleen het stapnummer, maar er staat 'Stap 3'" in problem.message
    assert "Bedoelde u 3? Schrijf 'naar: 3'" in problem.hint


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("2026-9-12", "Schrijf 2026-09-12 (jaar-maand-dag"),
        ("12-09-2026", "Schrijf 2026-09-12 (jaar-maand-dag"),
        ("31-09-2026", "'31-09-2026' is geen bestaande datum: september 2026 heeft 30 dagen."),
    ],
)
def test_date_advice_shows_the_date_as_written(content, written, advice) -> None:
    path = content / "school.yml"
    edit(path, "vastgesteld:  ", f"vastgesteld: {written}  ")
    problem = only(errors(content))
    assert (problem.line, problem.column) == (line_of(path, "vastgesteld:"), 14)
    assert problem.hint.startswith(advice)


def test_impossible_iso_date_says_why(content) -> None:
    path = content / "school.yml"
    edit(path, "vastgesteld:  ", "vastgesteld: 2027-02-29  ")
    problem = only(errors(content))
    assert problem.message == "'2027-02-29' is geen bestaande datum: februari 2027 heeft 28 dagen."


def test_text_vs_data_warning_quotes_the_wanneer_text_line(content) -> None:
    """The bundled stap-2.yml with only the data changed: the warning names the line of the
    WANNEER text, not the line of 'wanneer:'."""
    path = content / "stappen" / "stap-2.yml"
    edit(
        path,
        "    - label: na een maand\n      maanden: 1",
        "    - label: na zes weken\n      weken: 6",
    )
    found = [p for p in warnings_in(content, "stap-2.yml") if "WANNEER" in p.message]
    problem = only(found)
    text_line = line_of(path, "wanneer:") + 1
    assert path.read_text(encoding="utf-8").splitlines()[text_line - 1].startswith("  - ")
    assert f"(stappen/stap-2.yml:{text_line}: " in problem.message


def test_change_log_keeps_its_words(content) -> None:
    """A change note that writes a moment out, or names a fact, is neither flagged nor
    filled in: it says what changed then."""
    edit(
        content / "wijzigingen.yml",
        "wijzigingen:\n",
        "wijzigingen:\n  - datum: 2026-11-25\n    tekst: >-\n      De evaluatie na een maand "
        "is vervallen; eerst stond er {{stap-2.momenten}}.\n",
    )
    protocol, problems = load(content)
    assert protocol is not None
    assert not [p for p in problems if p.path.name == "wijzigingen.yml"]
    note = next(w for w in protocol.wijzigingen if "vervallen" in w.tekst)
    assert "{{stap-2.momenten}}" in note.tekst
