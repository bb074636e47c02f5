"""Keyboard only (WCAG 2.1.1, 2.4.7, 2.4.11): a whole guide route, a worksheet with the planner,
the mail composer and search, with Tab, Enter, Space and typing only. After every Tab the focused
element must show a focus indicator and must not be hidden behind the sticky header."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content.routing import Guide
from tests.helpers import bundled_protocol

pytestmark = pytest.mark.browser

MAX_TABS = 250

FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || !el.matches(':focus')) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const inHeader = header && header.contains(el);
  // Entirely hidden (2.4.11): the element lies wholly under the sticky header. The skip link
  // is meant to show on top of the header.
  const band = header ? header.getBoundingClientRect() : null;
  return {
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 300),
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href') || '',
    cls: el.className && el.className.baseVal === undefined ? el.className : '',
    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== 'none' || style.textDecorationLine.includes('underline'),
    hidden: !inHeader && !!band && !el.classList.contains('md-skip')
      && rect.top >= band.top - 1 && rect.bottom <= band.bottom + 1,
    visible: rect.width > 0 && rect.height > 0,
  };
}"""


def tab_to(page: Any, matches, problems: list[str], shift: bool = False) -> dict:
    """Press Tab until the focused element ``matches``; every stop is checked on the way."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if shift else "Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue
        where = f"{page.url} <{state['tag']}> {state['text']!r}"
        if state["visible"] and not state["indicator"]:
            problems.append(f"no visible focus indicator: {where}")
        if state["hidden"]:
            problems.append(f"focus hidden behind the header: {where}")
        if matches(state):
            return state
    raise AssertionError(f"never reached the target by Tab on {page.url}")


def _route_to_a_worksheet() -> list[str]:
    """The answer texts of the longest scenario that ends on a step with a worksheet."""
    protocol = bundled_protocol()
    guide = Guide(protocol.wegwijzer)
    routes = []
    for scenario in protocol.scenarios:
        outcome, given = guide.walk(scenario.antwoorden)
        if outcome.stap is not None and protocol.stap(outcome.stap).formulier:
            routes.append([g.antwoord.tekst for g in given])
    assert routes, "no scenario ends on a step with a worksheet"
    return max(routes, key=len)


def test_guide_route_worksheet_and_planner_by_keyboard(page_factory, server) -> None:
    page, log = page_factory()
    problems: list[str] = []
    page.goto(server + "/welke-stap-nu/", wait_until="networkidle")
    for answer in _route_to_a_worksheet():
        tab_to(page, lambda s, answer=answer: s["tag"] == "a" and s["text"] == answer, problems)
        with page.expect_navigation():
            page.keyboard.press("Enter")
    # The outcome links its worksheet.
    tab_to(
        page, lambda s: "/formulieren/" in s["href"] and not s["href"].endswith(".pdf"), problems
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/formulieren/" in page.url

    page.goto(server + "/formulieren/stap-1-bemiddelingsgesprek/", wait_until="networkidle")
    tab_to(
        page,
        lambda s: s["tag"] == "input" and "date" in page.evaluate("document.activeElement.type"),
        problems,
    )
    page.keyboard.type("12032026")
    planner = page.locator(".sw-planner-data")
    planner.locator("li").first.wait_for(timeout=5000)
    assert "2026" in planner.inner_text()
    tab_to(page, lambda s: s["tag"] == "button" and "agenda" in s["text"].lower(), problems)
    with page.expect_download() as download:
        page.keyboard.press("Space")
    assert download.value.suggested_filename.endswith(".ics")
    assert problems == [], "\n".join(problems)
    assert not log.foreign


def test_mail_composer_by_keyboard(page_factory, server) -> None:
    page, log = page_factory()
    problems: list[str] = []
    page.goto(server + "/stappen/stap-4/", wait_until="networkidle")
    state = tab_to(
        page,
        lambda s: (
            s["tag"] in ("input", "textarea")
            and page.evaluate("!!document.activeElement.closest('.sw-mail')")
        ),
        problems,
    )
    page.keyboard.type("G.")
    assert "G." in page.locator(".sw-mail-tekst").inner_text(), state
    tab_to(
        page,
        lambda s: page.evaluate(
            "document.activeElement.type === 'checkbox'"
            " && !!document.activeElement.closest('.sw-mail')"
        ),
        problems,
    )
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    assert problems == [], "\n".join(problems)
    assert not log.foreign


def test_search_by_keyboard(page_factory, server) -> None:
    page, log = page_factory()
    problems: list[str] = []
    page.goto(server + "/", wait_until="networkidle")
    tab_to(
        page,
        lambda s: (
            s["tag"] == "input"
            and page.evaluate("document.activeElement.classList.contains('md-search__input')")
        ),
        problems,
    )
    page.keyboard.type("schorsing", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != server + "/"
    assert problems == [], "\n".join(problems)
    assert not log.foreign
