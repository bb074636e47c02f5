"""Shared test harness: a copy of the project, a built site, a local server and Chromium.

The browser part is shared so that every page a later feature adds is checked for free: every
test that walks ``site_pages`` visits all pages of the built site.
"""

from __future__ import annotations

import fcntl
import functools
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.project import Project
from generator.publish.build import build_site
from tests import probes as _probes  # noqa: F401  (registers the page-wide probes)
from tests.crawl import NARROWER, Crawl, run_crawl

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=MediaRouter,OptimizationHints",
]


def copy_project(target: Path, pdf_seed: Path | None = None) -> Project:
    """A private copy of everything a build reads, so tests never touch the real site/.

    ``pdf_seed``: a PDF cache to start from. PDFs are cached by the hash of their HTML, so a
    copy of the bundled protocol renders only the PDFs a test changed (a cold render of every
    PDF takes seconds; most tests change none)."""
    for name in ("content", "site_templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    project = Project(root=target, content=target / "content", templates=target / "site_templates")
    if pdf_seed is not None and pdf_seed.is_dir():
        shutil.copytree(pdf_seed, project.pdf_cache)
    return project


# Test files in the order the workers should start them (scripts/test.sh gives each worker whole
# files and keeps this order): the longest first, so that no worker is left with a long file at
# the end. The crawls stay in one file: two crawls at once only slow each other down, since
# Chromium running axe keeps both cores busy.
SLOWEST_FIRST = (
    "test_browser.py",
    "test_guide_browser.py",
    "test_board.py",
    "test_hostile.py",
    "test_build.py",
    "test_offline_browser.py",
    "test_import.py",
    "test_status.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: file order kept


@pytest.fixture
def project(tmp_path: Path, built: Project) -> Project:
    """A copy of the bundled project with the session's PDFs already in its cache."""
    return copy_project(tmp_path, pdf_seed=built.pdf_cache)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Project:
    """The bundled protocol, built once per test run and shared by the workers (read only)."""
    base = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        base = base.parent  # the run's folder, above each worker's own
    target = base / "built"
    with (base / "built.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds, the others wait for it
        if not (target / "klaar").is_file():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            build_site(copy_project(target))
            (target / "klaar").touch()
    return Project(root=target, content=target / "content", templates=target / "site_templates")


@pytest.fixture(scope="session")
def site_pages(built: Project) -> list[str]:
    """URL paths of every HTML page in the built site."""
    paths = []
    for html in sorted(built.site_dir.rglob("*.html")):
        rel = html.relative_to(built.site_dir).as_posix()
        paths.append("/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel))
    return paths


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(built: Project) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built.site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(
            "Chromium ontbreekt (/usr/bin/chromium). Installeer het Debian-pakket 'chromium' "
            "(scripts/test.sh doet dat)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


EMPTY_STORAGE = {"local": 0, "session": 0, "cookies": "", "databases": 0}


def stored(page: object) -> dict[str, object]:
    """What the site left in the browser: must be EMPTY_STORAGE (nothing about pupils is kept)."""
    return page.evaluate(  # type: ignore[attr-defined]
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            cookies: document.cookie,
            databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        })"""
    )


@dataclass
class RequestLog:
    """Every request a page made, and those that went to another host."""

    base: str
    requests: list[str] = field(default_factory=list)

    def record(self, request: object) -> None:
        self.requests.append(request.url)  # type: ignore[attr-defined]

    @property
    def foreign(self) -> list[str]:
        host = urlsplit(self.base).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).netloc != host
        ]


@pytest.fixture
def page_factory(browser: object, server: str) -> Iterator[object]:
    """Opens fresh pages (own context, so no shared storage) that log their requests."""
    contexts = []

    def open_page(java_script: bool = True) -> tuple[object, RequestLog]:
        context = browser.new_context(  # type: ignore[attr-defined]
            java_script_enabled=java_script, service_workers="block"
        )
        contexts.append(context)
        log = RequestLog(server)
        context.on("request", log.record)
        return context.new_page(), log

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def crawl(browser: object, server: str, site_pages: list[str]):
    """``crawl(width, scheme)``: every page visited once at that width and colour scheme, with
    every registered probe run on it (tests/probes.py); cached for the whole session."""
    done: dict[tuple[int, str], Crawl] = {}

    def get(width: int, scheme: str) -> Crawl:
        if (width, scheme) not in done:
            wider = NARROWER.get(width, width)  # 320 px rides along with the 390 px crawl
            for w, found in run_crawl(browser, server, site_pages, wider, scheme, stored).items():
                done[w, scheme] = found
        return done[width, scheme]

    return get
