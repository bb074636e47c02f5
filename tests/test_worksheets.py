"""Worksheets as A4 PDFs, the follow-up dates, and the PDF cache."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.content.model import Moment
from generator.generate import generate
from generator.site.planning import moment_date, next_school_day
from tests.conftest import copy_project
from tests.helpers import bundled_protocol

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = bundled_protocol()
FORMS = PROTOCOL.formulieren.formulieren
A4 = (595.28, 841.89)


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_worksheet_pdf_is_a4_at_most_two_pages_with_title_and_version(built, form) -> None:
    reader = PdfReader(built.site_dir / "formulieren" / f"{form.id}.pdf")
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4, abs=0.5)
    text = " ".join(page.extract_text() for page in reader.pages)
    squashed = " ".join(text.split())
    assert form.titel in squashed
    assert f"Versie {PROTOCOL.school.versie}" in squashed
    assert f"pagina 1 van {len(reader.pages)}" in squashed
    assert "initialen" in squashed.lower()  # The privacy hint.
    assert reader.metadata.title.startswith(form.titel)


def test_at_least_nine_worksheets_linked_from_their_step_pages(built) -> None:
    pdfs = sorted((built.site_dir / "formulieren").glob("*.pdf"))
    assert len(pdfs) >= 9
    for form in FORMS:
        if form.stap is None:
            continue
        html = (built.site_dir / "stappen" / f"stap-{form.stap}" / "index.html").read_text("utf-8")
        assert f'href="../../formulieren/{form.id}.pdf"' in html
        assert f'href="../../formulieren/{form.id}/"' in html


def test_guide_outcomes_link_their_worksheet(built) -> None:
    html = (built.site_dir / "welke-stap-nu" / "melding" / "index.html").read_text("utf-8")
    assert 'href="../../formulieren/stap-3-gesprek-zonder-schuldvraag/"' in html


def test_warm_generation_renders_no_pdf(tmp_path) -> None:
    project = copy_project(tmp_path)  # an empty PDF cache: the first generation renders all
    first = generate(project, force=True)
    total = first.pdf.rendered
    assert total >= len(FORMS) + 2  # Worksheets and the step plan (A4, A3).
    second = generate(project, force=True)
    assert (second.pdf.rendered, second.pdf.cached) == (0, total)
    path = project.content / "formulieren.yml"
    path.write_text(
        path.read_text("utf-8").replace("Waar ging het over?", "Waarover ging het?"), "utf-8"
    )
    third = generate(project)
    # The worksheet and the booklet (which holds every worksheet as an appendix).
    assert (third.pdf.rendered, third.pdf.cached) == (2, total - 2)
    cached = list(project.pdf_cache.glob("*.pdf"))
    assert len(cached) == total  # The stale entry was removed.


STAP2 = [Moment(label="na 2 dagen", dagen=2), Moment(label="na een week", weken=1),
         Moment(label="na een maand", maanden=1)]  # fmt: skip


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Wednesday: nothing falls in a weekend.
        (dt.date(2026, 11, 4), [dt.date(2026, 11, 6), dt.date(2026, 11, 11), dt.date(2026, 12, 4)]),
        # Thursday: +2 days is Saturday -> Monday.
        (dt.date(2026, 11, 5), [dt.date(2026, 11, 9), dt.date(2026, 11, 12), dt.date(2026, 12, 7)]),
        # 30 January: +1 month is 28 February (Saturday) -> Monday 2 March.
        (dt.date(2026, 1, 30), [dt.date(2026, 2, 2), dt.date(2026, 2, 6), dt.date(2026, 3, 2)]),
        # 31 January in a leap year: +1 month is 29 February (Thursday).
        (dt.date(2028, 1, 31), [dt.date(2028, 2, 2), dt.date(2028, 2, 7), dt.date(2028, 2, 29)]),
        # Across the year end; 30 January 2027 is a Saturday -> Monday 1 February.
        (dt.date(2026, 12, 30), [dt.date(2027, 1, 1), dt.date(2027, 1, 6), dt.date(2027, 2, 1)]),
    ],
)
def test_follow_up_dates(start: dt.date, expected: list[dt.date]) -> None:
    assert [moment_date(start, m) for m in STAP2] == expected


def test_weekend_moves_to_monday() -> None:
    assert next_school_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)  # Saturday
    assert next_school_day(dt.date(2026, 11, 29)) == dt.date(2026, 11, 30)  # Sunday
    assert next_school_day(dt.date(2026, 11, 30)) == dt.date(2026, 11, 30)  # Monday


def test_every_pdf_is_tagged_for_screen_readers(built) -> None:
    """PDF/UA-1: a structure tree, marked content, the language and a title, on every PDF."""
    pdfs = sorted(built.site_dir.rglob("*.pdf"))
    assert len(pdfs) >= 10
    for pdf in pdfs:
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        name = pdf.relative_to(built.site_dir)
        assert "/StructTreeRoot" in root, name
        assert root["/MarkInfo"]["/Marked"], name
        assert root["/Lang"] == "nl", name
        assert reader.metadata and reader.metadata.title, name
        assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode(), name  # type: ignore[union-attr]
