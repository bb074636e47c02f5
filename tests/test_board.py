"""A board of schools: one shared protocol, one site per school, built in parallel; a school
that fails is named and keeps its last good site, the others are published."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import ROOT, edit
from tests.test_generate import page_text, squash
from tests.test_status import fill_in_school

SCHOOLS = {
    "de-linde": ("OBS De Linde", "Marieke Jansen", "apc@delinde.example"),
    "de-regenboog": ("Basisschool De Regenboog", "Ahmed el Amrani", "apc@regenboog.example"),
    "het-baken": ("Kindcentrum Het Baken", "Sanne de Vries", "apc@hetbaken.example"),
}
OWN_STEP_TITLE = "Gesprek met de leerkracht op het Baken"


def _school_yml(name: str, apc: str, email: str) -> str:
    text = (ROOT / "content" / "school.yml").read_text(encoding="utf-8")
    text = text.replace('naam: "[naam van de school]"', f'naam: "{name}"')
    text = text.replace('naam: "[naam APC]"', f'naam: "{apc}"')
    return text.replace('email: "[e-mailadres APC]"', f'email: "{email}"')


def make_board(folder: Path) -> Path:
    """A board of three schools from the bundled protocol; Het Baken has its own step 1."""
    shutil.copytree(ROOT / "content", folder / "protocol")
    (folder / "protocol" / "school.yml").unlink()
    for school, facts in SCHOOLS.items():
        (folder / school).mkdir()
        (folder / school / "school.yml").write_text(_school_yml(*facts), encoding="utf-8")
    own = folder / "het-baken" / "stappen" / "stap-1.yml"
    own.parent.mkdir()
    shutil.copy(folder / "protocol" / "stappen" / "stap-1.yml", own)
    edit(own, "korte_titel: Bemiddelingsgesprek", f"korte_titel: {OWN_STEP_TITLE}")
    return folder


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_board(tmp_path_factory.mktemp("board") / "bestuur")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # the project's site_templates/ and mkdocs.yml
        assert main(["build", "--scholen", str(folder)]) == 0
    return folder


@pytest.mark.parametrize("school", SCHOOLS)
def test_each_school_of_the_board_gets_a_site_with_its_own_name_and_contacts(board, school):
    name, apc, email = SCHOOLS[school]
    home = (board / "site" / school / "index.html").read_text(encoding="utf-8")
    text = page_text(home)
    assert name in squash(" ".join(text.parts))
    assert f"· {name}</title>" in home
    assert apc in home and f'href="mailto:{email}"' in home
    others = [facts for other, facts in SCHOOLS.items() if other != school]
    for other_name, other_apc, _ in others:
        assert other_name not in home and other_apc not in home
    step = board / "site" / school / "stappen" / "stap-1" / "index.html"
    assert (OWN_STEP_TITLE in step.read_text(encoding="utf-8")) == (school == "het-baken")


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def _build(board: Path, *extra: str) -> int:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # the project's site_templates/ and mkdocs.yml
        return main(["build", "--scholen", str(board), *extra])


def test_a_warm_board_builds_nothing_and_a_deleted_or_damaged_site_is_built_again(
    board, capsys
) -> None:
    sites = board / "site"
    before = {school: _mtimes(sites / school) for school in SCHOOLS}
    capsys.readouterr()
    assert _build(board) == 0
    out = capsys.readouterr().out
    assert "3 van 3 scholen klaar" in out and "(0 gebouwd, 3 ongewijzigd)" in out
    assert {school: _mtimes(sites / school) for school in SCHOOLS} == before
    # A site deleted, another damaged by hand: both are built again, the third is left alone.
    shutil.rmtree(sites / "de-linde")
    damaged = sites / "het-baken" / "index.html"
    damaged.write_text("kapot", encoding="utf-8")
    assert _build(board) == 0
    out = capsys.readouterr().out
    assert "(2 gebouwd, 1 ongewijzigd)" in out
    assert "de-regenboog: de site staat in" in out and "(ongewijzigd" in out
    assert _mtimes(sites / "de-regenboog") == before["de-regenboog"]
    assert "OBS De Linde" in (sites / "de-linde" / "index.html").read_text(encoding="utf-8")
    assert "Kindcentrum Het Baken" in damaged.read_text(encoding="utf-8")


def test_a_broken_school_is_named_and_the_others_are_built(board, tmp_path, capsys) -> None:
    broken = board / "de-regenboog" / "stappen" / "stap-2.yml"
    broken.parent.mkdir()
    shutil.copy(board / "protocol" / "stappen" / "stap-2.yml", broken)
    edit(broken, "wanneer:", "wanner:")
    edit(board / "de-linde" / "school.yml", "Marieke Jansen", "Marieke Jansen-Bos")
    before = _tree_digest(board / "site" / "de-regenboog")
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert main(["build", "--scholen", str(board)]) == 1
    out, err = capsys.readouterr()
    assert "de-regenboog: NIET bijgewerkt" in err
    assert f"{broken}:" in err and "Onbekende sleutel 'wanner'" in err
    assert "2 van 3 scholen klaar" in err and "mislukt: de-regenboog." in err
    # Only the school whose school.yml changed is built; the unchanged one is left alone.
    assert "(1 gebouwd, 1 ongewijzigd)" in err
    assert "de-linde: de site staat in" in out and "het-baken: de site staat in" in out
    assert "het-baken (ongewijzigd" in out and "de-linde (ongewijzigd" not in out
    assert _tree_digest(board / "site" / "de-regenboog") == before
    linde = (board / "site" / "de-linde" / "index.html").read_text(encoding="utf-8")
    assert "Marieke Jansen-Bos" in linde
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert main(["check", "--scholen", str(board)]) == 1
    out, err = capsys.readouterr()
    assert "de-regenboog: 1 fout en 14 eigen waarschuwingen;" in err and f"{broken}:" in err
    assert err.index("de-regenboog: 1 fout") < err.index(f"{broken}:")
    assert "de-linde: in orde, concept (12 gegeven(s) in school.yml nog in te vullen)" in out
    line = _line_of(board / "de-linde" / "school.yml", "vastgesteld:")
    assert f"{board / 'de-linde' / 'school.yml'}:{line}:" in out
    assert (
        "3 scholen gecontroleerd: 2 in orde (2 daarvan nog concept), 1 met fouten: de-regenboog."
        in err
    )


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_definitief_publishes_each_adopted_school_and_refuses_each_concept(board, capsys):
    """After the test above: de-regenboog is broken, de-linde a concept; Het Baken is adopted."""
    fill_in_school(board / "het-baken")
    linde = _tree_digest(board / "site" / "de-linde")
    capsys.readouterr()
    assert _build(board, "--definitief") == 1
    out, err = capsys.readouterr()
    assert "het-baken: de site staat in" in out
    baken = (board / "site" / "het-baken" / "index.html").read_text(encoding="utf-8")
    assert 'class="sw-concept"' not in baken and "vastgesteld: 1 september 2026" in baken
    line = _line_of(board / "de-linde" / "school.yml", "vastgesteld:")
    assert "de-linde: NIET gebouwd, want nog een concept" in err
    assert f"{board / 'de-linde' / 'school.yml'}:{line}:" in err
    assert "'vastgesteld' heeft nog geen datum" in err
    assert f"'stappenwijzer check --scholen {board}' toont ze allemaal" in err
    assert _tree_digest(board / "site" / "de-linde") == linde
    assert "nog een concept: de-linde; mislukt: de-regenboog." in err


def test_a_board_without_a_shared_protocol_says_what_to_make(tmp_path, capsys) -> None:
    (tmp_path / "de-linde").mkdir()
    assert main(["build", "--scholen", str(tmp_path)]) == 1
    assert "De map protocol/ met het gedeelde protocol ontbreekt" in capsys.readouterr().err


def test_the_publish_stamp_holds_only_while_inputs_and_the_site_are_unchanged(tmp_path) -> None:
    """publish/published.py without a build: every change that matters says 'build again'."""
    from generator.project import Project
    from generator.publish import cache
    from generator.publish.published import current_warnings, remember_published

    for folder in ("content", "templates", "site", "build/docs"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "content" / "school.yml").write_text("naam: x\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    page = tmp_path / "site" / "index.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    project = Project(root=tmp_path, content=tmp_path / "content", templates=tmp_path / "templates")
    assert current_warnings(project) is None  # never built
    cache.remember(project, cache.fingerprint(project), [])
    remember_published(project)
    assert current_warnings(project) == []
    page.write_text("<p>kapot</p>", encoding="utf-8")
    assert current_warnings(project) is None
    page.write_text("<p>x</p>", encoding="utf-8")
    assert current_warnings(project) == []
    (tmp_path / "site" / "extra.html").write_text("", encoding="utf-8")
    assert current_warnings(project) is None
    (tmp_path / "site" / "extra.html").unlink()
    (tmp_path / "content" / "school.yml").write_text("naam: y\n", encoding="utf-8")
    assert current_warnings(project) is None
    (tmp_path / "content" / "school.yml").write_text("naam: x\n", encoding="utf-8")
    assert current_warnings(project) == []
    shutil.rmtree(tmp_path / "site")
    assert current_warnings(project) is None
