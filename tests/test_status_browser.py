"""The concept banner in Chromium: on top of the page, in the first screen, inside the column,
no axe findings, at 1280 and 390 px, light and dark. The other pages get the shared crawl's
probes (tests/probes.py)."""

from __future__ import annotations

import pytest

from tests.probes import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
@pytest.mark.parametrize("path", ["/", "/stappen/stap-2/", "/formulieren/stap-2-evaluaties/"])
def test_the_concept_banner_is_the_first_thing_on_the_page(
    browser, server, path, width, height, scheme
):
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        page.goto(server + path)
        banner = page.locator(".sw-concept")
        assert banner.count() == 1 and banner.is_visible()
        assert banner.inner_text().startswith("Concept: dit protocol is nog niet vastgesteld.")
        box = banner.bounding_box()
        h1 = page.locator("article h1").first.bounding_box()
        assert box["y"] + box["height"] <= h1["y"]  # above the page's title
        assert box["y"] + box["height"] < height / 3  # in the first screen, not taking it
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        href = banner.locator("a").get_attribute("href")
        assert "beheer/" in href and href.endswith("#open")
        assert axe_violations(page, path) == []
    finally:
        page.close()
