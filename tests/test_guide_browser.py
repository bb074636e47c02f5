"""The guide in Chromium: scenarios clicked through the real pages with JavaScript on and off,
keyboard only, the Back button, and a clean printout."""

from __future__ import annotations

import pytest

from generator.content.routing import Guide
from tests.helpers import bundled_protocol

pytestmark = pytest.mark.browser

PROTOCOL = bundled_protocol()
GUIDE = Guide(PROTOCOL.wegwijzer)


def _expected_heading(outcome_id: str) -> str:
    uitkomst = GUIDE.uitkomsten[outcome_id]
    prefix = f"Stap {uitkomst.stap}: " if uitkomst.stap is not None else ""
    return prefix + uitkomst.titel


def _every_answer_once() -> list:
    """Scenarios that together click every answer of the guide at least once (greedy): with
    JavaScript on, each answer's link is clicked once; without it, every scenario's route."""
    left = {(step, a) for s in PROTOCOL.scenarios for step, a in _route(s)}
    chosen = []
    while left:
        best = max(PROTOCOL.scenarios, key=lambda s: len(left & set(_route(s))))
        chosen.append(best)
        left -= set(_route(best))
    return chosen


def _route(scenario) -> list[tuple[str, str]]:
    node, route = PROTOCOL.wegwijzer.start, []
    for answer_id in scenario.antwoorden:
        route.append((node, answer_id))
        node = next(a.naar for a in GUIDE.node(node).antwoorden if a.id == answer_id)
    return route


def test_the_javascript_walk_clicks_every_answer() -> None:
    every = {(q.id, a.id) for q in PROTOCOL.wegwijzer.vragen for a in q.antwoorden}
    walked = {pair for s in _every_answer_once() for pair in _route(s)}
    assert walked == every
    assert len(_every_answer_once()) < len(PROTOCOL.scenarios)


@pytest.mark.parametrize("java_script", [True, False], ids=["js", "geen-js"])
def test_scenarios_by_clicking_the_real_pages(page_factory, server, java_script: bool) -> None:
    page, log = page_factory(java_script=java_script)
    for scenario in _every_answer_once() if java_script else PROTOCOL.scenarios:
        page.goto(server + "/welke-stap-nu/")
        node = GUIDE.node(PROTOCOL.wegwijzer.start)
        for answer_id in scenario.antwoorden:
            assert page.locator("h1").inner_text() == node.vraag, scenario.id
            antwoord = next(a for a in node.antwoorden if a.id == answer_id)
            with page.expect_navigation(wait_until="load"):
                page.locator(".sw-antwoorden").get_by_role(
                    "link", name=antwoord.tekst, exact=True
                ).click()
            node = GUIDE.node(antwoord.naar)
        assert page.locator("h1").inner_text() == _expected_heading(scenario.uitkomst), scenario.id
        rows = page.locator(".sw-uw-antwoorden tbody tr")
        assert rows.count() == len(scenario.antwoorden), scenario.id
    assert not log.foreign


def test_keyboard_only(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/welke-stap-nu/")
    first_answer = PROTOCOL.wegwijzer.vragen[0].antwoorden[0].tekst
    focused = []
    for _ in range(15):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == first_answer:
            break
    assert focused[-1] == first_answer, focused
    # The answers follow one another in the tab order.
    page.keyboard.press("Tab")
    second = PROTOCOL.wegwijzer.vragen[0].antwoorden[1].tekst
    assert page.evaluate("document.activeElement.textContent.trim()") == second
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/welke-stap-nu/zelf-gezien/")
    # On the next page the answers come before the "Je antwoorden" change links.
    order = page.evaluate(
        """() => [...document.querySelectorAll('article a')].map(a =>
              a.closest('.sw-antwoorden') ? 'antwoord' :
              a.closest('.sw-uw-antwoorden') ? 'wijzig' : 'ander')"""
    )
    assert order.index("wijzig") > max(i for i, kind in enumerate(order) if kind == "antwoord")


def test_back_button_and_change_links(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/welke-stap-nu/")
    start = PROTOCOL.wegwijzer.vragen[0]
    ongoing = next(a for a in start.antwoorden if a.id == "loopt-al")
    done = next(q for q in PROTOCOL.wegwijzer.vragen if q.id == ongoing.naar)
    gzs_today = next(a for a in done.antwoorden if a.id == "gzs-vandaag")
    page.get_by_role("link", name=ongoing.tekst, exact=True).click()
    page.get_by_role("link", name=gzs_today.tekst, exact=True).click()
    assert page.locator("h1").inner_text().startswith("Stap 4:")
    page.go_back()
    assert page.url.endswith("/welke-stap-nu/loopt-al/")
    page.go_forward()
    page.get_by_role("link", name="Wijzig het antwoord op: Wat is er aan de hand?").click()
    assert page.url.endswith("/welke-stap-nu/")
    page.go_back()
    page.get_by_role("link", name="Opnieuw beginnen").click()
    assert page.url.endswith("/welke-stap-nu/")


def test_outcome_prints_answers_date_and_version_without_navigation(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/welke-stap-nu/loopt-al/bemiddeld/nee/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".sw-wijzig").first.is_hidden()
    why = page.locator("#waarom + div ul")
    assert why.is_visible()
    assert "Nee, het lukt een of meer leerlingen niet" in why.inner_text()
    date = page.locator(".sw-printdatum").inner_text()
    assert date.startswith("Datum: ") and any(ch.isdigit() for ch in date)
    assert "versie 1.0 (concept)" in page.locator(".sw-versie").inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
