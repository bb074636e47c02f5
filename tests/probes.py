"""The page-wide probes of the shared crawl (see crawl.py): each runs on every page of every
crawl it is registered for. Add a page-wide check here, not as a new walk through all pages."""

from __future__ import annotations

from typing import Any

from tests.crawl import probe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@probe("axe")
def axe_violations(page: Any, path: str) -> list[str]:
    """axe-core (bundled, offline): WCAG 2.2 AA and best practice, every page, both widths."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
