"""One source per fact (generator/content/facts.py): texts name a fact and loading fills it in;
check compares the school's own text with the data. The MR's change of stap 2's evaluation
moments reaches every page and every PDF."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.content.facts import facts, fill
from generator.content.load import load
from generator.problems import Problem
from generator.publish.build import build_site
from tests.conftest import copy_project
from tests.helpers import ROOT, bundled_protocol, edit
from tests.test_status import line_of, pdf_text

OLD_MOMENTS = ("na een week", "na een maand", "een week en een maand")
WANNEER = '  - "Na 2 dagen, na een week en na een maand"'
NEW_WANNEER = '  - "Na 2 dagen, na twee weken en na zes weken"'


def mr_changes_the_data(content: Path) -> None:
    step = content / "stappen" / "stap-2.yml"
    edit(
        step,
        "    - label: na een week\n      weken: 1",
        "    - label: na twee weken\n      weken: 2",
    )
    edit(
        step,
        "    - label: na een maand\n      maanden: 1",
        "    - label: na zes weken\n      weken: 6",
    )


def mr_changes_the_text(content: Path) -> None:
    edit(content / "stappen" / "stap-2.yml", WANNEER, NEW_WANNEER)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def text_vs_data(content: Path) -> list[Problem]:
    protocol, problems = load(content)
    assert protocol is not None, [p.format() for p in problems if p.is_error]
    return [p for p in problems if "zeggen niet hetzelfde" in p.message]


def test_facts_come_from_the_step_data():
    known = facts(bundled_protocol().stappen)
    assert known["stap-2.momenten"] == "na 2 dagen, na een week en na een maand"
    assert known["stap-2.momenten-of"] == "na 2 dagen, na een week of na een maand"
    assert known["stap-2.laatste-moment"] == "na een maand"
    assert fill("{{stap-2.moment-2}} gaat het goed", known) == "Na een week gaat het goed"
    assert fill("Evalueer {{ stap-2.momenten }}.", known) == (
        "Evalueer na 2 dagen, na een week en na een maand."
    )


def test_texts_that_name_the_moments_are_filled_in_and_the_school_text_is_not():
    protocol = bundled_protocol()
    stap2 = protocol.stap(2)
    assert stap2.termijn.kort == "Na 2 dagen, na een week en na een maand"
    assert stap2.wanneer == ["Na 2 dagen, na een week en na een maand"]
    form = protocol.formulier("stap-2-evaluaties")
    titles = [o.titel for o in form.onderdelen][1:4]
    assert titles == ["Na 2 dagen", "Na een week", "Na een maand"]
    assert "{{" not in form.doel and type(form.doel).__name__ == "MarkdownText"


def test_an_unknown_fact_is_an_error_at_its_line(content):
    edit(content / "scenarios.yml", "{{stap-2.moment-2}}", "{{stap-2.moment-7}}")
    protocol, problems = load(content)
    assert protocol is None
    (error,) = [p for p in problems if p.is_error]
    assert error.path.name == "scenarios.yml"
    assert error.line == line_of(content / "scenarios.yml", "{{stap-2.moment-7}}")
    assert "'{{stap-2.moment-7}}' is geen bekend gegeven" in error.message
    assert "stap-2.moment-" in error.hint


def test_the_bundled_text_and_data_agree():
    _, problems = load(ROOT / "content")
    assert not [p for p in problems if "zeggen niet hetzelfde" in p.message]


@pytest.mark.parametrize("change", [mr_changes_the_data, mr_changes_the_text])
def test_changing_only_text_or_only_data_warns_with_both_positions(content, change):
    change(content)
    (warning,) = text_vs_data(content)
    step = content / "stappen" / "stap-2.yml"
    assert warning.path == step and warning.line == line_of(step, "momenten:")
    # the position of the WANNEER text itself, on the line under 'wanneer:'
    assert f"stappen/stap-2.yml:{line_of(step, 'wanneer:') + 1}:" in warning.message
    assert "Pas dan allebei aan" in warning.hint


def test_changing_both_is_consistent(content):
    mr_changes_the_data(content)
    mr_changes_the_text(content)
    assert text_vs_data(content) == []


def _visible(text: str) -> str:
    """Text with hyphenation and line breaks of a PDF undone, lower case."""
    text = text.replace("\u00ad", "").replace("\u2010\n", "").replace("-\n", "")
    return re.sub(r"\s+", " ", text).lower()


def test_the_mrs_change_of_stap_2_reaches_every_page_and_pdf(tmp_path, built):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    mr_changes_the_text(project.content)
    mr_changes_the_data(project.content)
    build_site(project)
    found: list[str] = []
    files = [p for p in project.site_dir.rglob("*") if p.is_file()]
    texts = [p for p in files if p.suffix in (".html", ".json", ".xml", ".js", ".ics", ".txt")]
    assert len(texts) > 100
    for path in texts:
        text = _visible(path.read_text("utf-8", errors="replace"))
        found += [
            f"{path.relative_to(project.site_dir)}: {old}" for old in OLD_MOMENTS if old in text
        ]
    pdfs = sorted(project.site_dir.rglob("*.pdf"))
    assert len(pdfs) >= 12
    for pdf in pdfs:
        text = _visible(pdf_text(pdf))
        found += [
            f"{pdf.relative_to(project.site_dir)}: {old}" for old in OLD_MOMENTS if old in text
        ]
    assert not found, found
    step = (project.site_dir / "stappen" / "stap-2" / "index.html").read_text("utf-8")
    assert "na 2 dagen, na twee weken en na zes weken" in step.lower()
    form = _visible(pdf_text(project.site_dir / "formulieren" / "stap-2-evaluaties.pdf"))
    assert "na twee weken" in form and "na zes weken" in form


def test_a_text_that_writes_a_moment_out_is_flagged_at_its_line(content):
    edit(content / "scenarios.yml", "{{stap-2.moment-2}} vertellen", "Na een week vertellen")
    protocol, problems = load(content)
    assert protocol is not None
    (warning,) = [p for p in problems if "zelf uit" in p.message]
    assert warning.path.name == "scenarios.yml" and not warning.is_error
    assert warning.line == line_of(content / "scenarios.yml", "Na een week vertellen")
    assert "'{{stap-2.moment-2}}'" in warning.hint
