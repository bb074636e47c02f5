"""In Chromium: Material's two CDN addresses stay unused even where the bundle would need them,
and ``serve`` shows a content error on the page and removes it after a good save."""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path

import pytest

from generator.project import Project
from tests.conftest import copy_project
from tests.helpers import start_serve

pytestmark = pytest.mark.browser

MERMAID = '<pre class="mermaid"><code>graph TD; A--&gt;B</code></pre>'


def _settle(page: object) -> None:
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]


def _open(page_factory, server: str, html: str, init: str = "") -> tuple[object, object]:
    """``html`` served as a page of the site; unpkg.com is blocked (but still logged)."""
    page, log = page_factory()
    if init:
        page.add_init_script(init)
    page.route("https://unpkg.com/**", lambda route: route.abort())
    page.route(
        f"{server}/proef.html",
        lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
    )
    page.goto(f"{server}/proef.html")
    _settle(page)
    return page, log


def _without_shim(html: str) -> str:
    return re.sub(r'<script src="[^"]*geen-cdn\.js"></script>', "", html)


@pytest.mark.parametrize("shim", [True, False], ids=["site", "control-without-shim"])
def test_old_browser_without_resize_observer_makes_no_request_out(
    page_factory, server, built, shim
) -> None:
    html = (built.site_dir / "stappen" / "stap-3" / "index.html").read_text(encoding="utf-8")
    html = html.replace('="../../', '="/')
    page, log = _open(
        page_factory, server, html if shim else _without_shim(html), "delete window.ResizeObserver;"
    )
    unpkg = [url for url in log.requests if "unpkg.com" in url]
    if shim:
        assert log.foreign == [] and unpkg == []
        assert page.evaluate("typeof ResizeObserver") == "function"  # our stand-in
    else:
        assert unpkg  # proves the test can fail: the bundle wants the polyfill


@pytest.mark.parametrize("shim", [True, False], ids=["site", "control-without-shim"])
def test_a_mermaid_block_makes_no_request_out(page_factory, server, built, shim) -> None:
    """Material would load Mermaid from unpkg.com for a page with a .mermaid block."""
    html = (built.site_dir / "index.html").read_text(encoding="utf-8")
    html = html.replace("</article>", MERMAID + "</article>", 1)
    page, log = _open(page_factory, server, html if shim else _without_shim(html))
    unpkg = [url for url in log.requests if "unpkg.com" in url]
    if shim:
        assert log.foreign == [] and unpkg == []
        # Material rendered the block with our stand-in (into a closed shadow root).
        assert page.locator("article pre.mermaid").count() == 0
        assert page.locator("article .mermaid").count() == 1
    else:
        assert unpkg


def _wait_for_text(page: object, selector: str, present: bool, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = page.locator(selector).count() > 0  # type: ignore[attr-defined]
        except Exception:  # the page is reloading
            found = not present
        if found == present:
            return
        time.sleep(0.3)
    raise AssertionError(f"{selector} {'never appeared' if present else 'stayed'}")


@pytest.fixture
def serving(tmp_path: Path, built: Project):
    project: Project = copy_project(tmp_path / "p", pdf_seed=built.pdf_cache)
    process, address = start_serve(project.root)
    lines: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = process.stderr.readline()  # type: ignore[union-attr]
        lines.append(line)
        if "Stoppen: Ctrl+C" in line:
            break
    else:
        process.kill()
        raise AssertionError("".join(lines))
    time.sleep(0.5)
    yield project, address
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=30)


def test_serve_banner_appears_after_a_bad_save_and_goes_after_a_good_one(browser, serving) -> None:
    project, url = serving
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{url}/rollen/apc/")
    assert page.locator("#sw-serve-fout").count() == 0
    school = project.content / "school.yml"
    good = school.read_text(encoding="utf-8")
    school.write_text(good.replace("korte_titel: Pestprotocol", "korte_titel:Pestprotocol"))
    _wait_for_text(page, "#sw-serve-fout", True, 60)  # livereload reloads the page itself
    banner = page.inner_text("#sw-serve-fout")
    assert re.search(r"content/school\.yml:7:\d+", banner), banner
    assert "ontbreekt een spatie" in banner
    assert "Anti-pestcoördinator" in page.inner_text("article")  # last good content
    page.screenshot(path="/tmp/hostile-serve-banner-1280.png")
    school.write_text(good)
    _wait_for_text(page, "#sw-serve-fout", False, 60)
    context.close()
