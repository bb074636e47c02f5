"""The protocol as one A4 booklet (protocol-boekje.pdf): outline, contents with the right
page numbers, "pagina x van y", every step title and the school's text verbatim."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from generator.site import paths
from tests.helpers import bundled_protocol

PROTOCOL = bundled_protocol()
A4 = (595, 842)  # points, rounded


@pytest.fixture(scope="module")
def booklet(built) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(built.site_dir / paths.BOOKLET_PDF)
    return reader, [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    """Text without whitespace and hyphens: lines broken and hyphenated anywhere compare."""
    return re.sub(r"[\s\-‐­]", "", text)


def _heading(stap) -> str:
    return stap.kop or f"Stap {stap.nummer}: {stap.titel}"


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_a4_pages_numbered_x_of_y(booklet) -> None:
    reader, texts = booklet
    total = len(texts)
    assert total >= 15
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), start=1):
        assert tuple(round(float(v)) for v in page.mediabox[2:]) == A4
        if number > 1:  # the cover has no page number
            assert f"pagina {number} van {total}" in text, number


def test_cover_names_school_title_version_and_dates(booklet) -> None:
    _, texts = booklet
    school = PROTOCOL.school
    cover = _flat(texts[0])
    # A school name still to fill in is not shown as '[naam van de school]'.
    name = school.naam_ingevuld or "Naam van de school: nog niet ingevuld"
    for value in (name, school.titel_ingevuld, school.versie, "Instemming MR"):
        assert _flat(value) in cover, value
    assert "[" not in cover


def test_outline_holds_every_step_and_part_at_its_page(booklet) -> None:
    reader, texts = booklet
    outline = _outline(reader)
    top = {title: page for depth, title, page in outline if depth == 0}
    for stap in PROTOCOL.stappen:
        heading = _heading(stap)
        assert heading in top, heading
        assert _flat(heading) in _flat(texts[top[heading] - 1])
    for part in (
        "Het stappenplan in één overzicht",
        "Rollen en contactpersonen",
        "Begrippen en afkortingen",
        "Bijlagen: de formulieren",
    ):
        assert part in top, part
    forms = [title for depth, title, _ in outline if depth == 1]
    assert forms[-len(PROTOCOL.formulieren.formulieren) :] == [
        f.titel for f in PROTOCOL.formulieren.formulieren
    ]


def test_contents_page_numbers_match_where_each_part_starts(booklet) -> None:
    reader, texts = booklet
    contents = texts[1]
    assert "Inhoud" in contents
    for depth, title, page in _outline(reader):
        if depth == 0:
            line = next(ln for ln in contents.splitlines() if ln.startswith(title[:30]))
            assert line.rstrip().endswith(f" {page}"), (title, line, page)


def test_every_step_holds_the_school_text_verbatim(booklet) -> None:
    _, texts = booklet
    whole = _flat("\n".join(texts))
    checked = 0
    for stap in PROTOCOL.stappen:
        assert _flat(_heading(stap)) in whole
        for blokken in (stap.alinea, stap.wanneer, stap.waarom, stap.wie, stap.hoe):
            for blok in blokken:
                sentences = [blok] if isinstance(blok, str) else getattr(blok, "lijst", [])
                for sentence in sentences:
                    assert _flat(sentence) in whole, sentence
                    checked += 1
    assert checked >= 30


def test_additions_are_marked_as_toelichting(booklet) -> None:
    _, texts = booklet
    whole = "\n".join(texts)
    additions = [t for s in PROTOCOL.stappen for t in s.toelichting]
    assert additions
    assert whole.count("Toelichting") >= len(additions)
    for t in additions:
        assert _flat(f"niet uit het protocol: {t.titel}") in _flat(whole), t.titel


def test_linked_from_home_and_maintenance_pages(built) -> None:
    for page in ("index.html", "beheer/index.html"):
        html = (built.site_dir / page).read_text("utf-8")
        assert "protocol-boekje.pdf" in html, page
