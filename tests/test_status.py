"""The protocol's one honest state (generator/content/status.py): concept while school.yml has a
[placeholder] or no adoption date; that one state drives the banner, footer, worksheets, PDFs
and ``build --definitief``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.content.load import load
from generator.project import Project
from tests.conftest import copy_project
from tests.helpers import ROOT, bundled_protocol, edit

BANNER = 'class="sw-concept"'
CONTACT_PLACEHOLDER = r"\[(naam (?!van de school)|e-mailadres|telefoon)[^\]]*\]"


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def fill_in_school(content: Path, adopted: str | None = "2026-09-01") -> None:
    """Replace every [placeholder] in school.yml and set the adoption date."""
    school = content / "school.yml"
    text = re.sub(r'"\[([^\]]*)\]"', lambda m: f'"Ingevuld {m.group(1)}"', school.read_text())
    school.write_text(text, encoding="utf-8")
    if adopted:
        edit(school, "vastgesteld:   ", f"vastgesteld: {adopted}   ")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def test_the_bundled_protocol_is_a_concept_from_its_first_open_line():
    status = bundled_protocol().status
    school = ROOT / "content" / "school.yml"
    assert status.concept and status.worksheets_proposal
    assert status.open[0].line == line_of(school, "naam:")
    assert status.open[0].value == "[naam van de school]"
    assert any(o.key == "vastgesteld" and o.value is None for o in status.open)
    assert [o.line for o in status.open] == sorted(o.line for o in status.open)


@pytest.mark.parametrize(
    ("adopted", "placeholder_left", "concept"),
    [("2026-09-01", False, False), (None, False, True), ("2026-09-01", True, True)],
)
def test_concept_until_every_placeholder_and_the_date_are_filled_in(
    built, tmp_path, adopted, placeholder_left, concept
):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    fill_in_school(project.content, adopted)
    if placeholder_left:
        edit(project.content / "school.yml", '"Ingevuld naam IB"', '"[naam IB]"')
    protocol, problems = load(project.content)
    assert protocol is not None, problems
    assert protocol.status.concept is concept
    assert protocol.status.worksheets_proposal is concept


def test_worksheets_can_stay_a_proposal_after_adoption(built, tmp_path):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    fill_in_school(project.content)
    edit(project.content / "formulieren.yml", "privacy: >-", "vastgesteld: false\nprivacy: >-")
    protocol, _ = load(project.content)
    assert protocol is not None
    assert protocol.status.adopted and protocol.status.worksheets_proposal


def test_a_concept_says_so_on_every_page_footer_worksheet_and_pdf(built: Project):
    pages = html_pages(built.site_dir)
    assert len(pages) > 50
    without = [p for p in pages if BANNER not in p.read_text("utf-8")]
    assert not without, without[:5]
    home = (built.site_dir / "index.html").read_text("utf-8")
    assert "versie 1.0 (concept) · nog niet vastgesteld" in home  # footer and version line
    worksheet = built.site_dir / "formulieren" / "stap-1-bemiddelingsgesprek" / "index.html"
    assert "Dit formulier is een voorstel" in worksheet.read_text("utf-8")
    for pdf in sorted(built.docs_dir.rglob("*.pdf")):
        text = pdf_text(pdf)
        assert "concept" in text.lower(), pdf.name
    form_pdf = pdf_text(built.docs_dir / "formulieren" / "stap-1-bemiddelingsgesprek.pdf")
    assert "Voorstel, nog niet vastgesteld door de APC" in form_pdf
    assert "nog niet vastgesteld" in form_pdf


def test_contacts_say_not_filled_in_instead_of_a_placeholder(built: Project):
    for page in ("index.html", "rollen/index.html", "nieuw/spiekbriefje/index.html"):
        html = (built.site_dir / page).read_text("utf-8")
        assert "nog niet ingevuld" in html, page
        assert not re.search(CONTACT_PLACEHOLDER, html), page
    spiek = pdf_text(built.docs_dir / "nieuw" / "spiekbriefje.pdf")
    assert not re.search(CONTACT_PLACEHOLDER, spiek) and "nog niet ingevuld" in spiek


def test_the_school_name_still_to_fill_in_is_never_shown_as_a_placeholder(built: Project):
    """Headers, titles, footers, the booklet and every sheet leave an unknown school name out
    (or say 'deze school'); only the step 4 mail keeps it as a blank to fill in."""
    placeholder = "[naam van de school]"
    assert bundled_protocol().school.naam == placeholder
    mail_pages = {"stappen/stap-4/index.html", "formulieren/stap-4-anderen-informeren/index.html"}
    shown = [
        p.relative_to(built.site_dir).as_posix()
        for p in html_pages(built.site_dir)
        if placeholder in p.read_text("utf-8")
    ]
    assert set(shown) <= mail_pages, shown
    home = (built.site_dir / "index.html").read_text("utf-8")
    assert "van deze school" in home and "<title>" in home
    for pdf in sorted(built.docs_dir.rglob("*.pdf")):
        assert placeholder not in pdf_text(pdf), pdf.name


def test_an_adopted_protocol_has_no_banner_and_shows_its_date(built, tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    fill_in_school(project.content)
    monkeypatch.chdir(project.root)
    assert main(["build", "--definitief"]) == 0, capsys.readouterr().err
    pages = html_pages(project.site_dir)
    assert not [p for p in pages if BANNER in p.read_text("utf-8")]
    home = (project.site_dir / "index.html").read_text("utf-8")
    assert "versie 1.0 · vastgesteld: 1 september 2026" in home
    assert "(concept)" not in home
    worksheet = project.site_dir / "formulieren" / "stap-1-bemiddelingsgesprek" / "index.html"
    assert "Dit formulier is een voorstel" not in worksheet.read_text("utf-8")
    for pdf in sorted(project.docs_dir.rglob("*.pdf")):
        text = pdf_text(pdf)
        assert "concept" not in text.lower() and "Voorstel, nog niet" not in text, pdf.name
    assert "Ingevuld naam IB" in (project.site_dir / "rollen" / "index.html").read_text("utf-8")


def test_build_definitief_refuses_a_concept_at_the_first_open_line(
    built, tmp_path, monkeypatch, capsys
):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    monkeypatch.chdir(project.root)
    assert main(["build", "--definitief"]) == 1
    err = capsys.readouterr().err.strip()
    line = line_of(project.content / "school.yml", "naam:")
    assert err.startswith(f"content/school.yml:{line}:"), err
    assert "concept" in err and "[naam van de school]" in err
    assert "Traceback" not in err and err.count("fout:") == 1
    assert not project.site_dir.exists()


def test_build_definitief_names_the_missing_date_when_all_else_is_filled_in(
    built, tmp_path, monkeypatch, capsys
):
    project = copy_project(tmp_path, pdf_seed=built.pdf_cache)
    fill_in_school(project.content, adopted=None)
    monkeypatch.chdir(project.root)
    assert main(["build", "--definitief"]) == 1
    err = capsys.readouterr().err
    line = line_of(project.content / "school.yml", "vastgesteld:")
    assert f"content/school.yml:{line}:" in err and "'vastgesteld' heeft nog geen datum" in err


def test_check_says_a_placeholder_keeps_the_protocol_a_concept(built: Project):
    _, problems = load(built.content)
    school = [p for p in problems if p.path.name == "school.yml"]
    assert any("concept" in p.message for p in school)
