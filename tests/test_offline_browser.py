"""The offline package in Chromium, unzipped and opened from file:// as a teacher would:
the menu, one guide route, a worksheet, a chart link and the search box, with every request
to anything but a local file refused (and the test failed)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.content.routing import Guide
from generator.project import Project
from generator.publish.build import build_site
from generator.publish.offline import PACKAGE_FOLDER, build_offline
from tests.conftest import copy_project
from tests.helpers import bundled_protocol, site_labels

pytestmark = pytest.mark.browser

PROTOCOL = bundled_protocol()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, built: Project) -> Path:
    """The offline ZIP of the bundled protocol, unzipped: the folder a teacher opens."""
    project = copy_project(tmp_path_factory.mktemp("offline"), pdf_seed=built.pdf_cache)
    build_site(project)
    build_offline(project)
    target = tmp_path_factory.mktemp("stick")
    with zipfile.ZipFile(project.offline_zip) as zf:
        zf.extractall(target)
    return target / PACKAGE_FOLDER


@pytest.fixture
def offline_page(browser: object) -> Iterator[tuple[object, list[str]]]:
    """A page whose requests to anything but file:// are refused and recorded."""
    refused: list[str] = []
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            refused.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, refused
    context.close()
    assert not errors, errors


def _assert_page(page: object, what: str) -> None:
    """A real page of the site, not a folder listing or an error."""
    url = urlsplit(page.url)  # type: ignore[attr-defined]
    assert url.scheme == "file" and url.path.endswith(".html"), (what, page.url)
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1, (what, page.url)
    assert page.locator(".md-header").count() == 1, (what, page.url)


def test_the_menu_clicked_through(offline_page, package: Path) -> None:
    page, refused = offline_page
    page.set_viewport_size({"width": 1280, "height": 900})
    # The home page hides the side menu; every other page shows it.
    page.goto((package / "stappen" / "index.html").as_uri())
    menu = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    hrefs = [h for h in menu.evaluate_all("els => els.map(e => e.href)") if "#" not in h]
    assert len(hrefs) >= 20, hrefs
    with_menu = page.url
    for href in dict.fromkeys(hrefs):
        link = page.locator(f'nav.md-nav--primary a.md-nav__link[href="{_relative(page, href)}"]')
        if not link.first.is_visible():  # the home page and the guide hide the side menu
            page.goto(with_menu)
            link = page.locator(
                f'nav.md-nav--primary a.md-nav__link[href="{_relative(page, href)}"]'
            )
        with page.expect_navigation():
            link.first.click()
        assert page.url == href
        _assert_page(page, href)
    assert refused == []


def _relative(page: object, href: str) -> str:
    """The menu link's href attribute as written in the page that shows it."""
    return page.evaluate(  # type: ignore[attr-defined]
        """(href) => [...document.querySelectorAll('nav.md-nav--primary a.md-nav__link[href]')]
            .find(a => a.href === href).getAttribute('href')""",
        href,
    )


def test_one_guide_route_to_its_outcome(offline_page, package: Path) -> None:
    page, refused = offline_page
    guide = Guide(PROTOCOL.wegwijzer)
    scenario = PROTOCOL.scenarios[0]
    page.goto((package / "index.html").as_uri())
    # The home page has no side menu: its own link to the guide.
    page.locator("article").get_by_role("link", name=site_labels()("menu.wegwijzer")).first.click()
    node = guide.node(PROTOCOL.wegwijzer.start)
    for answer_id in scenario.antwoorden:
        _assert_page(page, answer_id)
        assert page.locator("h1").inner_text() == node.vraag
        antwoord = next(a for a in node.antwoorden if a.id == answer_id)
        with page.expect_navigation():
            page.locator(".sw-antwoorden").get_by_role(
                "link", name=antwoord.tekst, exact=True
            ).click()
        node = guide.node(antwoord.naar)
    _assert_page(page, scenario.id)
    assert node.titel in page.locator("h1").inner_text()
    assert "Je antwoorden" in page.content()
    assert refused == []


def test_a_worksheet_and_its_pdf(offline_page, package: Path) -> None:
    page, refused = offline_page
    formulier = PROTOCOL.formulieren.formulieren[0]
    page.goto((package / "formulieren" / "index.html").as_uri())
    page.locator("article").get_by_role("link", name=formulier.titel).first.click()
    _assert_page(page, formulier.id)
    assert formulier.titel in page.locator("h1").inner_text()
    pdf = page.locator('article a[href$=".pdf"]').first.get_attribute("href")
    assert pdf and (Path(page.url.removeprefix("file://")).parent / pdf).resolve().is_file()
    assert refused == []


def test_chart_links_open_their_pages(offline_page, package: Path) -> None:
    page, refused = offline_page
    page.goto((package / "stappen" / "index.html").as_uri())
    nodes = page.locator("#schema-stappenplan a")
    assert nodes.count() == len(PROTOCOL.stappen)
    with page.expect_navigation():
        nodes.nth(2).click()
    _assert_page(page, "chart")
    assert page.url.endswith(f"/stappen/stap-{PROTOCOL.stappen[2].nummer}.html")
    page.goto((package / "stappen" / "schema-wegwijzer.html").as_uri())
    with page.expect_navigation():
        page.locator("#schema-wegwijzer a").nth(1).click()
    _assert_page(page, "guide chart")
    assert "/welke-stap-nu/" in page.url
    assert refused == []


def test_search_finds_schorsing(offline_page, package: Path) -> None:
    page, refused = offline_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto((package / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("schorsing", delay=60)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    assert "schorsing" in results.first.inner_text().lower()
    with page.expect_navigation():
        results.first.locator("a").first.click()
    _assert_page(page, "search result")
    assert refused == []


def test_planner_downloads_its_calendar_file(browser, package: Path) -> None:
    refused: list[str] = []
    context = browser.new_context(service_workers="block", accept_downloads=True)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "blob:", "data:"))
            else (refused.append(route.request.url), route.abort())
        ),
    )
    try:
        page = context.new_page()
        page.goto((package / "stappen" / "stap-1.html").as_uri())
        page.fill("#sw-planner-datum", "2026-12-01")
        page.locator("#sw-planner-datum").dispatch_event("change")
        with page.expect_download() as download:
            page.locator(".sw-planner-ics").click()
        text = Path(download.value.path()).read_text("utf-8")
        assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text
    finally:
        context.close()
    assert refused == []
