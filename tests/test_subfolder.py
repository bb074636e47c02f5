"""The site hosted under a sub-folder (https://intranet.school.nl/pestprotocol/): served by a
small server that only knows /pestprotocol/, every link and resource of every page followed,
the 404 page and the sitemap included. Also the address from school.yml and the flag."""

from __future__ import annotations

import functools
import gzip
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from generator.project import Project
from generator.publish.build import build_site
from tests.conftest import copy_project
from tests.helpers import edit

PREFIX = "/pestprotocol/"
ADDRESS = "https://intranet.school.nl/pestprotocol/"


class _SubFolder(SimpleHTTPRequestHandler):
    """Serves the site only under PREFIX; anything else is 404. A missing page gets the
    site's 404.html, as a web server configured for the site would send it."""

    def translate_path(self, path: str) -> str:
        if not urlsplit(path).path.startswith(PREFIX):
            return "/nonexistent/"
        return super().translate_path("/" + urlsplit(path).path[len(PREFIX) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hosted(
    tmp_path_factory: pytest.TempPathFactory, built: Project
) -> Iterator[tuple[Project, str]]:
    project = copy_project(tmp_path_factory.mktemp("subfolder"), pdf_seed=built.pdf_cache)
    build_site(project, site_url=ADDRESS)
    handler = functools.partial(_SubFolder, directory=str(project.site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield project, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class _Links(HTMLParser):
    ATTRIBUTES = frozenset({"href", "src", "xlink:href"})

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in self.ATTRIBUTES and v]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _local(link: str, page_url: str, server: str) -> str | None:
    """Where a link of the page points on the test server; None for other sites."""
    if link.startswith(ADDRESS):
        return server + PREFIX + link[len(ADDRESS) :]
    absolute = urljoin(page_url, link)
    if urlsplit(absolute).scheme not in ("http", "https") or not absolute.startswith(server):
        return None
    return absolute.split("#")[0]


def _links_of(body: bytes) -> list[str]:
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    return parser.links


def test_every_link_of_every_page_works_under_the_sub_folder(hosted) -> None:
    project, server = hosted
    start = server + PREFIX
    todo, seen, broken = [start], {start}, []
    pages = 0
    while todo:
        url = todo.pop()
        status, body = _get(url)
        if status != 200:
            broken.append(url)
            continue
        if not (url.endswith("/") or url.endswith(".html")):
            continue
        pages += 1
        for link in _links_of(body):
            target = _local(link, url, server)
            if target and target not in seen:
                seen.add(target)
                todo.append(target)
    assert broken == []
    published = len(list(project.site_dir.rglob("*.html"))) - 1  # all but 404.html
    assert pages == published, (pages, published)


def test_chart_links_under_the_sub_folder(hosted) -> None:
    _, server = hosted
    for page in ("stappen/", "stappen/schema-wegwijzer/"):
        url = server + PREFIX + page
        _, body = _get(url)
        svg = re.search(r'<svg[^>]*class="sw-flow".*?</svg>', body.decode("utf-8"), re.S)
        assert svg is not None
        links = _links_of(svg.group(0).encode("utf-8"))
        assert len(links) >= 8
        for link in links:
            assert link.endswith("/") and not link.startswith("/"), link
            assert _get(urljoin(url, link))[0] == 200, link


def test_404_page_loads_its_styles_from_the_sub_folder(hosted) -> None:
    _, server = hosted
    status, body = _get(server + PREFIX + "bestaat/niet/")
    assert status == 404
    links = _links_of(body)
    resources = [link for link in links if "/assets/" in link]
    assert resources and all(link.startswith(PREFIX) for link in resources), resources
    for link in links:
        target = _local(link, server + PREFIX + "bestaat/niet/", server)
        if target:
            assert _get(target)[0] == 200, link


def test_sitemap_lists_every_page_at_its_address(hosted) -> None:
    project, server = hosted
    _, body = _get(server + PREFIX + "sitemap.xml")
    text = body.decode("utf-8")
    locations = [part.split("</loc>")[0] for part in text.split("<loc>")[1:]]
    assert len(locations) == len(list(project.site_dir.rglob("*.html"))) - 1
    assert all(loc.startswith(ADDRESS) for loc in locations)
    for loc in locations:
        assert _get(server + PREFIX + loc[len(ADDRESS) :])[0] == 200, loc
    assert gzip.decompress((project.site_dir / "sitemap.xml.gz").read_bytes()).decode() == text


def test_address_comes_from_school_yml(project: Project) -> None:
    edit(
        project.content / "school.yml",
        "contacten:",
        "site_adres: https://intranet.school.nl/pestprotocol\ncontacten:",
    )
    build_site(project)
    config = yaml.safe_load(project.generated_config.read_text("utf-8"))
    assert config["site_url"] == ADDRESS
    assert "<loc>https://intranet.school.nl/pestprotocol/stappen/stap-1/</loc>" in (
        project.site_dir / "sitemap.xml"
    ).read_text("utf-8")


def test_the_flag_wins_and_a_wrong_address_is_refused(project: Project) -> None:
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    cli = [sys.executable, "-m", "generator.cli", "build"]
    wrong = subprocess.run(
        [*cli, "--site-url", "intranet/pestprotocol"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 1 and "geen webadres" in wrong.stderr
    assert not project.site_dir.exists()
    done = subprocess.run(
        [*cli, "--site-url", "https://school.example/pp"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "<loc>https://school.example/pp/</loc>" in (project.site_dir / "sitemap.xml").read_text(
        "utf-8"
    )
