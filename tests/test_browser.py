"""Every page of the built site in Chromium: no request to another host, no axe violation,
and Dutch search that finds what a teacher types."""

from __future__ import annotations

import pytest

from tests.conftest import EMPTY_STORAGE
from tests.crawl import SCHEMES, WIDTHS

pytestmark = pytest.mark.browser

WIDTHS_AND_SCHEMES = [(w, s) for w in WIDTHS for s in SCHEMES]


@pytest.mark.parametrize(("width", "scheme"), WIDTHS_AND_SCHEMES)
def test_every_page_loads_and_stays_on_this_host(crawl, site_pages, width, scheme) -> None:
    found = crawl(width, scheme)
    assert len(site_pages) >= 25
    assert found.findings.get("load", {}) == {}
    assert found.foreign_requests == []
    assert found.storage == EMPTY_STORAGE


@pytest.mark.parametrize(("width", "scheme"), WIDTHS_AND_SCHEMES)
def test_every_page_passes_axe_wcag22_and_best_practice(crawl, width, scheme) -> None:
    assert crawl(width, scheme).problems("axe") == []


def test_pages_work_without_javascript(page_factory, server) -> None:
    page, log = page_factory(java_script=False)
    page.goto(server + "/")
    page.get_by_role("link", name="Alle stappen op een rij").click()
    page.get_by_role("link", name="Stap 3: Gesprek zonder Schuldvraag").first.click()
    assert page.locator("h1").inner_text().startswith("Stap 3:")
    assert not log.foreign


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gesprekken", "Gesprek"),
        ("leerlingen", "leerlingen"),
        ("oudergesprek", "Oudergesprek"),
        ("schorsing", "Stap 7"),
        ("ParnasSys", "Stap 4"),
    ],
)
def test_dutch_search_finds_what_a_teacher_types(page_factory, server, query, expected) -> None:
    page, log = page_factory()
    page.goto(server + "/", wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator("input.md-search__input")
    search.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert expected.lower() in page.locator(".md-search-result").inner_text().lower()
    assert not log.foreign


def test_no_raw_markup_is_visible_on_any_page(crawl) -> None:
    assert crawl(1280, "light").problems("raw-markup") == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_nothing_but_a_chart_scrolls_sideways_on_a_phone(crawl, scheme) -> None:
    assert crawl(390, scheme).problems("sideways") == []
