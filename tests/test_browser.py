"""Every page of the built site in Chromium: no request to another host, no axe violation,
and Dutch search that finds what a teacher types."""

from __future__ import annotations

import pytest

from tests.conftest import EMPTY_STORAGE, stored

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_every_page_stays_on_this_host_and_passes_axe(page_factory, server, site_pages) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    assert len(site_pages) >= 25
    failures: list[str] = []
    page, log = page_factory()
    for path in site_pages:
        response = page.goto(server + path, wait_until="networkidle")
        assert response is not None
        if path != "/404.html":
            assert response.ok, path
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        if results.violations_count:
            failures.append(f"{path}:\n{results.generate_report()}")
    assert not log.foreign, log.foreign
    assert not failures, "\n".join(failures)
    assert stored(page) == EMPTY_STORAGE


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_key_pages_pass_axe_in_both_colour_schemes(browser, server, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        for path in (
            "/",
            "/stappen/",
            "/stappen/stap-3/",
            "/stappen/stap-4/",
            "/stappen/schema-wegwijzer/",
            "/welke-stap-nu/loopt-al/bemiddeld/nee/",
            "/formulieren/stap-1-bemiddelingsgesprek/",
            "/nieuw/oefenen/",
            "/nieuw/spiekbriefje/",
            "/rollen/apc/",
        ):
            page.goto(server + path, wait_until="networkidle")
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


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
