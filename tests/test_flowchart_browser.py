"""Flowcharts in Chromium: real text measured for overlaps, phones scroll, links work."""

from __future__ import annotations

import pytest

from tests.layout import Drawing, problems

pytestmark = pytest.mark.browser

MEASURE = """svg => {
  const box = el => { const b = el.getBBox(); return [b.x, b.y, b.width, b.height]; };
  const nodes = [...svg.querySelectorAll('.sw-flow-node')];
  const segments = [];
  for (const line of svg.querySelectorAll('polyline')) {
    const pts = line.getAttribute('points').trim().split(/\\s+/).map(p => p.split(',').map(Number));
    for (let i = 0; i + 1 < pts.length; i++) segments.push([...pts[i], ...pts[i + 1]]);
  }
  return {
    boxes: nodes.map(n => box(n.querySelector('rect'))),
    box_texts: nodes.map(n => [...n.querySelectorAll('text')].map(box)),
    labels: [...svg.querySelectorAll('.sw-flow-labels text')].map(box),
    segments,
  };
}"""


@pytest.mark.parametrize("path", ["/stappen/", "/stappen/schema-wegwijzer/"])
def test_real_text_does_not_overlap(page_factory, server, path: str) -> None:
    page, log = page_factory()
    page.goto(server + path, wait_until="networkidle")
    measured = page.locator("svg.sw-flow").evaluate(MEASURE)
    drawing = Drawing(**measured)
    assert len(drawing.boxes) > 8
    assert problems(drawing) == []
    assert not log.foreign


def test_step_plan_scrolls_on_a_phone_and_links_work(browser, server) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(server + "/stappen/")
        scroller = page.locator(".sw-schema-scroll").first
        assert scroller.evaluate("el => el.scrollWidth > el.clientWidth")
        width = page.locator("svg.sw-flow").evaluate("el => el.getBoundingClientRect().width")
        assert width >= 590  # Not shrunk to unreadable text.
        page.locator("svg.sw-flow a").nth(3).click()
        assert page.url.endswith("/stappen/stap-3/")
    finally:
        context.close()


def test_step_plan_prints_on_one_a4(page_factory, server) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    page, _ = page_factory()
    page.goto(server + "/stappen/", wait_until="networkidle")
    page.emulate_media(media="print")
    svg = page.locator("svg.sw-flow")
    assert svg.is_visible()
    height = svg.evaluate("el => el.getBoundingClientRect().height")
    assert height < 1000  # Fits the printable height of an A4 at 96 dpi (about 1050 px).
    pdf = PdfReader(BytesIO(page.pdf(format="A4")))
    # The whole chart on one sheet (the concept note and the intro may push it to the next).
    texts = [p.extract_text() for p in pdf.pages]
    assert any("Stap 0" in t and "Stap 7" in t and "afgerond" in t for t in texts[:2]), texts[:2]
