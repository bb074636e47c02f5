"""Charts and forms without sight, through the browser's accessibility tree (ARIA snapshots):
the charts' text version comes first and the drawing holds only its links; the planner and the
mail composer have named, described fields and announce what they compute."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/stappen/", "/stappen/schema-wegwijzer/"])
def test_chart_offers_its_text_version_first_and_only_links(page_factory, server, path) -> None:
    page, _ = page_factory()
    page.goto(server + path, wait_until="networkidle")
    snapshot = page.locator("figure.sw-schema").first.aria_snapshot()
    lines = [line.strip() for line in snapshot.splitlines()]
    link_to_table = next(i for i, line in enumerate(lines) if "tabel" in line and "link" in line)
    drawing = next(i for i, line in enumerate(lines) if line.startswith("- group"))
    assert link_to_table < drawing, snapshot
    inside = lines[drawing + 1 :]
    # The drawing reads as its boxes' links: no loose label text a screen reader would mumble.
    assert [line for line in inside if line.startswith("- text")] == [], snapshot
    assert sum(bool(re.match(r"- '?link", line)) for line in inside) >= 5, snapshot
    # The table it points to exists and has the chart's rows.
    assert page.locator("#schema-tabel").count() == 1
    assert page.locator("#schema-tabel ~ * table tr, #schema-tabel + * tr").count() > 5


def test_planner_fields_are_named_described_and_announced(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/stappen/stap-1/", wait_until="networkidle")
    planner = page.locator(".sw-planner")
    date = planner.get_by_role("textbox", name=re.compile("Datum van het gesprek"))
    assert date.count() == 1, planner.aria_snapshot()
    described = date.get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").inner_text().strip()
    results = planner.locator("[aria-live]")
    assert results.count() == 1
    date.fill("2026-03-12")
    date.dispatch_event("input")
    date.dispatch_event("change")
    assert "2026" in results.inner_text()
    snapshot = planner.aria_snapshot()
    assert "listitem" in snapshot and 'button "' in snapshot, snapshot


def test_mail_fields_are_named_and_described(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/stappen/stap-4/", wait_until="networkidle")
    mail = page.locator(".sw-mail")
    snapshot = mail.aria_snapshot()
    boxes = re.findall(r"- textbox(?: \"([^\"]*)\")?", snapshot)
    assert len(boxes) >= 3, snapshot
    assert all(name.strip() for name in boxes), snapshot
    for field in mail.locator("input[type=text], textarea").all():
        described = field.get_attribute("aria-describedby")
        if described:
            assert page.locator(f"#{described}").inner_text().strip()
    checkboxes = mail.get_by_role("checkbox")
    assert checkboxes.count() >= 2
    for box in checkboxes.all():
        assert box.evaluate(
            "el => (el.labels && el.labels.length) || el.getAttribute('aria-label')"
        )
