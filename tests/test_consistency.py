"""Cross-file consistency in ``check``: each inconsistency gives one Dutch warning at the line to
change that also names the other file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.load import load
from generator.problems import Problem
from tests.helpers import ROOT, edit
from tests.test_status import fill_in_school, line_of


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def warnings(content: Path, needle: str) -> list[Problem]:
    protocol, problems = load(content)
    assert protocol is not None, [p.format() for p in problems if p.is_error]
    return [p for p in problems if needle in p.message and not p.is_error]


def test_the_bundled_content_is_consistent():
    _, problems = load(ROOT / "content")
    text = "\n".join(p.message for p in problems)
    for needle in ("nieuwste wijziging", "vastgesteld', maar", "geen contactpersoon"):
        assert needle not in text


def test_adopted_protocol_with_worksheets_still_a_proposal(content):
    fill_in_school(content)
    edit(content / "formulieren.yml", "privacy: >-", "vastgesteld: false  # proef\nprivacy: >-")
    (found,) = warnings(content, "Het protocol is vastgesteld op 2026-09-01")
    assert found.path.name == "formulieren.yml"
    assert found.line == line_of(content / "formulieren.yml", "# proef")
    assert f"school.yml:{line_of(content / 'school.yml', 'vastgesteld:')}" in found.message


def test_worksheets_adopted_while_the_protocol_is_a_concept(content):
    edit(content / "formulieren.yml", "privacy: >-", "vastgesteld: true  # proef\nprivacy: >-")
    (found,) = warnings(content, "formulieren zijn vastgesteld, maar het protocol is nog een")
    assert found.line == line_of(content / "formulieren.yml", "# proef")
    assert f"school.yml:{line_of(content / 'school.yml', 'naam:')}" in found.message


def test_newest_change_note_names_another_version(content):
    edit(content / "school.yml", 'versie: "1.0"', 'versie: "1.2"')
    (found,) = warnings(content, "nieuwste wijziging")
    assert found.path.name == "wijzigingen.yml"
    assert found.line == line_of(content / "wijzigingen.yml", 'versie: "1.0"')
    assert f"school.yml:{line_of(content / 'school.yml', 'versie:')}" in found.message
    assert "stappenwijzer versie" in found.hint


def test_a_version_that_says_concept_after_adoption(content):
    fill_in_school(content)
    edit(content / "school.yml", 'versie: "1.0"', 'versie: "1.0 (concept)"')
    edit(content / "wijzigingen.yml", 'versie: "1.0"', 'versie: "1.0 (concept)"')
    (found,) = warnings(content, "zegt 'concept', maar het protocol is vastgesteld")
    assert found.line == line_of(content / "school.yml", "versie:")
    assert f"school.yml:{line_of(content / 'school.yml', 'vastgesteld:')}" in found.message


def test_a_new_role_without_its_contact(content):
    edit(
        content / "school.yml",
        "  bhv:\n",
        '  zorg:\n    functie: Zorgcoördinator\n    naam: "[naam zorgcoördinator]"\n  bhv:\n',
    )
    edit(
        content / "rollen.yml",
        "  - id: groep\n",
        "  - id: zorg\n    naam: Zorgcoördinator\n    beschrijving: Regelt de zorg.\n\n"
        "  - id: groep\n",
    )
    (found,) = warnings(content, "heeft geen contactpersoon")
    assert found.path.name == "rollen.yml"
    assert found.line == line_of(content / "rollen.yml", "- id: zorg")
    assert f"school.yml:{line_of(content / 'school.yml', '  zorg:')}" in found.message
    assert "contact: zorg" in found.hint
