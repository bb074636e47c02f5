"""``stappenwijzer versie "wat er veranderde"`` and what ``check`` says it did."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.bump import next_version
from generator.content.load import load
from tests.conftest import copy_project
from tests.helpers import edit
from tests.test_status import line_of

NOTE = (
    "De MR besloot dat de evaluaties van stap 2 na 2 dagen, na twee weken en na zes weken zijn. "
    "Dat staat nu overal op de site."
)


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)  # check reads mkdocs.yml and the templates too
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


@pytest.mark.parametrize(
    ("old", "major", "new"),
    [
        ("1.0", False, "1.1"),
        ("1.9", False, "1.10"),
        ("1.3", True, "2.0"),
        ("2.1 (concept)", False, "2.2"),
        ("versie één", False, None),
    ],
)
def test_next_version(old, major, new):
    assert next_version(old, major) == new


def test_versie_raises_the_version_and_adds_the_note_keeping_the_files(content, capsys):
    school_before = (content / "school.yml").read_text("utf-8")
    notes_before = (content / "wijzigingen.yml").read_text("utf-8")
    assert main(["versie", NOTE]) == 0
    out = capsys.readouterr().out
    assert "Versie 1.0 is nu 1.1" in out and "content/wijzigingen.yml" in out
    school_after = (content / "school.yml").read_text("utf-8")
    # Only the version changed; its comment and every other line (comments too) are kept.
    assert changed_lines(school_before, school_after) == [
        (
            'versie: "1.0"        # verhoog met: stappenwijzer versie "wat er veranderde"',
            'versie: "1.1"        # verhoog met: stappenwijzer versie "wat er veranderde"',
        )
    ]
    notes_after = (content / "wijzigingen.yml").read_text("utf-8")
    assert notes_after.startswith(notes_before.split("  - datum")[0])  # header comments kept
    assert notes_before.split("wijzigingen:\n")[1] in notes_after  # old notes untouched
    assert max(len(line) for line in notes_after.splitlines()) <= 100
    protocol, problems = load(content)
    assert protocol is not None, problems
    newest = protocol.wijzigingen[0]
    assert (newest.versie, newest.datum, newest.tekst) == ("1.1", dt.date.today(), NOTE)
    assert protocol.school.versie == "1.1"


def test_versie_groot_and_nummer(content, capsys):
    assert main(["versie", "Grote herziening.", "--groot"]) == 0
    assert load(content)[0].school.versie == "2.0"
    assert main(["versie", "Zo besloten.", "--nummer", "2.5"]) == 0
    protocol, _ = load(content)
    assert protocol.school.versie == "2.5"
    assert {w.versie for w in protocol.wijzigingen if w.datum == dt.date.today()} == {"2.0", "2.5"}


def test_versie_changes_nothing_when_a_file_has_an_error(content, capsys):
    edit(content / "school.yml", "korte_titel: Pestprotocol", "korte_titel:Pestprotocol")
    before = {p.name: p.read_bytes() for p in content.glob("*.yml")}
    assert main(["versie", NOTE]) == 1
    err = capsys.readouterr().err
    assert "content/school.yml:" in err and "Er is niets veranderd." in err
    assert {p.name: p.read_bytes() for p in content.glob("*.yml")} == before


def test_versie_without_a_number_asks_for_one(content, capsys):
    edit(content / "school.yml", 'versie: "1.0"', 'versie: "eerste"')
    assert main(["versie", NOTE]) == 1
    err = capsys.readouterr().err
    assert f"content/school.yml:{line_of(content / 'school.yml', 'versie:')}:" in err
    assert "--nummer" in err


def test_check_says_what_it_did(content, capsys):
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    assert "waarschuwing(en)." in captured.err
    assert "niet bijgewerkt" not in captured.err
    assert "versie 1.0. Het protocol is een concept" in captured.out
    assert "'check' bouwt niets" in captured.out


def test_check_counts_agree_and_say_what_they_count(content, capsys):
    """The summary counts the warnings it listed; the concept count is a part of them."""
    assert main(["check"]) == 0
    captured = capsys.readouterr()
    listed = captured.err.count(": let op: ")
    assert f"0 fout(en), {listed} waarschuwing(en)." in captured.err
    school = (content / "school.yml").read_text(encoding="utf-8")
    texts = sum(
        1 for line in school.splitlines() if '"[' in line and not line.lstrip().startswith("#")
    )
    concept = texts + 1  # and 'vastgesteld' without a date
    assert (
        f"{concept} van de {listed} waarschuwing(en) hierboven houden het een concept "
        f"({texts} tekst(en) tussen [ ] en 'vastgesteld' zonder datum, in school.yml); "
        f"de andere {listed - concept} gaan over iets anders." in captured.out
    )


def test_check_with_an_error_does_not_claim_a_build(content, capsys):
    edit(content / "school.yml", "korte_titel: Pestprotocol", "korte_titel:Pestprotocol")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("1 fout(en), ")
    assert "nog niet verder gecontroleerd" in summary and "'check' bouwt niets" in summary
    assert "De site is niet bijgewerkt" not in err
