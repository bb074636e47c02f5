"""Reduced motion and forced colours (Windows high contrast): every control stays visible."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/welke-stap-nu/",
    "/stappen/stap-1/",
    "/stappen/stap-4/",
    "/formulieren/stap-3-gesprek-zonder-schuldvraag/",
    "/nieuw/oefenen/",
]

INVISIBLE_CONTROLS = """() => {
  const controls = document.querySelectorAll(
    'main a[href], main button, main input, main textarea, main select, main summary,'
    + ' .md-header a[href], .md-header label[for], .md-header button');
  const problems = [];
  for (const el of controls) {
    if (el.closest('[hidden], .sw-sr, .md-skip, svg')) continue;
    if (el.getAttribute('tabindex') === '-1') continue;  // shown only when it applies
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;  // not rendered at this width
    const style = getComputedStyle(el);
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim();
    if (style.visibility !== 'visible' || parseFloat(style.opacity) < 0.5) {
      problems.push(`${el.tagName} ${text.slice(0, 40)}: not visible`);
    }
    if (style.color === style.backgroundColor && !el.querySelector('svg')) {
      problems.push(`${el.tagName} ${text.slice(0, 40)}: text colour equals its background`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("forced_colors", ["active", "none"])
def test_controls_stay_visible(browser, server, forced_colors: str) -> None:
    context = browser.new_context(reduced_motion="reduce", forced_colors=forced_colors)
    page = context.new_page()
    try:
        problems = []
        for path in PAGES:
            page.goto(server + path, wait_until="networkidle")
            problems += [f"{path}: {p}" for p in page.evaluate(INVISIBLE_CONTROLS)]
            # With reduced motion, nothing animates for long: controls are there at once.
            durations = page.evaluate(
                """() => [...document.querySelectorAll('main *, .md-header *')].map(el => {
                  const s = getComputedStyle(el);
                  return Math.max(...s.transitionDuration.split(',').map(parseFloat),
                                  ...s.animationDuration.split(',').map(parseFloat));
                })"""
            )
            assert max(durations) <= 0.01, (path, max(durations))
        assert problems == [], "\n".join(problems)
    finally:
        context.close()
