"""One crawl of every page per width and colour scheme, shared by every page-wide check (the
320 px probes ride along in the 390 px crawl: see NARROWER).

A crawl opens each page of the built site once and runs every registered probe on it. Tests
then assert on the recorded findings, so adding a page-wide check costs one probe, not one more
walk through ~100 pages. Register a probe with ``@probe("name")`` (optionally limited to some
widths or schemes); it gets the Playwright page and the URL path and returns a list of problems
(empty when the page is fine). Findings are kept per probe and per page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

WIDTHS = (1280, 390)
SCHEMES = ("light", "dark")
VIEWPORT_HEIGHT = 800

Probe = Callable[[Any, str], list[str]]


@dataclass(frozen=True)
class Registered:
    run: Probe
    widths: tuple[int, ...]
    schemes: tuple[str, ...]


PROBES: dict[str, Registered] = {}


def probe(
    name: str, widths: tuple[int, ...] = WIDTHS, schemes: tuple[str, ...] = SCHEMES
) -> Callable[[Probe], Probe]:
    """Register ``function`` to run on every page of the crawls at ``widths`` and ``schemes``."""

    def register(function: Probe) -> Probe:
        PROBES[name] = Registered(function, widths, schemes)
        return function

    return register


@dataclass
class Crawl:
    """What one crawl found: per probe, the problems of each page; requests to other hosts;
    what was left in the browser's storage at the end."""

    width: int
    scheme: str
    pages: list[str]
    findings: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    foreign_requests: list[str] = field(default_factory=list)
    storage: dict[str, Any] = field(default_factory=dict)

    def problems(self, name: str) -> list[str]:
        """Every problem probe ``name`` found, as 'path: problem' lines."""
        assert name in self.findings, f"probe {name!r} did not run in this crawl"
        return [f"{path}: {p}" for path, found in self.findings[name].items() for p in found]


NARROWER = {320: 390}
"""Widths whose probes run inside the crawl of a wider width (same scheme): after the wider
width's probes, the window is narrowed and the narrower width's probes run on the same page,
so that 320 px costs a re-layout per page instead of a second walk through every page."""


def run_crawl(
    browser: Any, server: str, pages: list[str], width: int, scheme: str, stored: Callable
) -> dict[int, Crawl]:
    """The crawl at ``width``, and at each narrower width of NARROWER that rides along."""
    from playwright.sync_api import Error as PlaywrightError

    probed = {w for p in PROBES.values() if scheme in p.schemes for w in p.widths}
    widths = [width, *(w for w, wider in NARROWER.items() if wider == width and w in probed)]
    context = browser.new_context(
        viewport={"width": width, "height": VIEWPORT_HEIGHT},
        color_scheme=scheme,
        service_workers="block",
    )
    host = urlsplit(server).netloc
    crawls = {w: Crawl(w, scheme, pages) for w in widths}
    active = {
        w: {name: p for name, p in PROBES.items() if w in p.widths and scheme in p.schemes}
        for w in widths
    }
    for w in widths:
        crawls[w].findings = {name: {} for name in active[w]}

    def record(request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "about") and url.netloc != host:
            for crawl in crawls.values():
                crawl.foreign_requests.append(request.url)

    context.on("request", record)
    page = context.new_page()
    try:
        for path in pages:
            if page.viewport_size["width"] != width:
                page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
            response = page.goto(server + path, wait_until="load")
            if response is None or (not response.ok and path != "/404.html"):
                for crawl in crawls.values():
                    crawl.findings.setdefault("load", {})[path] = ["page did not load"]
                continue
            for w in widths:
                if w != width:
                    page.set_viewport_size({"width": w, "height": VIEWPORT_HEIGHT})
                    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                for name, registered in active[w].items():
                    try:
                        found = registered.run(page, path)
                    except PlaywrightError as error:  # a probe's own failure is a finding too
                        found = [f"probe failed: {error}"]
                    if found:
                        crawls[w].findings[name][path] = found
        left = stored(page)
        for crawl in crawls.values():
            crawl.storage = left
    finally:
        context.close()
    return crawls
