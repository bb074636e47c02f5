"""One crawl of every page per width and colour scheme, shared by every page-wide check.

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


def run_crawl(
    browser: Any, server: str, pages: list[str], width: int, scheme: str, stored: Callable
) -> Crawl:
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(
        viewport={"width": width, "height": VIEWPORT_HEIGHT},
        color_scheme=scheme,
        service_workers="block",
    )
    host = urlsplit(server).netloc
    crawl = Crawl(width, scheme, pages)
    active = {name: p for name, p in PROBES.items() if width in p.widths and scheme in p.schemes}
    crawl.findings = {name: {} for name in active}

    def record(request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "about") and url.netloc != host:
            crawl.foreign_requests.append(request.url)

    context.on("request", record)
    page = context.new_page()
    try:
        for path in pages:
            response = page.goto(server + path, wait_until="load")
            if response is None or (not response.ok and path != "/404.html"):
                crawl.findings.setdefault("load", {})[path] = ["page did not load"]
                continue
            for name, registered in active.items():
                try:
                    found = registered.run(page, path)
                except PlaywrightError as error:  # a probe's own failure is a finding too
                    found = [f"probe failed: {error}"]
                if found:
                    crawl.findings[name][path] = found
        crawl.storage = stored(page)
    finally:
        context.close()
    return crawl
