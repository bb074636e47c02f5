"""The offline package (build --offline): what the ZIP holds, without a browser."""

from __future__ import annotations

import re
import zipfile

from generator.publish.build import build_site
from generator.publish.offline import PACKAGE_FOLDER, SHIM, build_offline


def test_the_zip_holds_a_site_for_file_urls(project) -> None:
    build_site(project)
    web = sorted(p.relative_to(project.site_dir).as_posix() for p in project.site_dir.rglob("*"))
    count = build_offline(project)
    with zipfile.ZipFile(project.offline_zip) as zf:
        names = zf.namelist()
        html = {n: zf.read(n).decode("utf-8") for n in names if n.endswith(".html")}
    assert count == len(names)
    assert all(n.startswith(f"{PACKAGE_FOLDER}/") for n in names)
    root = f"{PACKAGE_FOLDER}/"
    assert f"{root}index.html" in names and f"{root}search/search_index.js" in names
    assert f"{root}{SHIM}" in names and f"{root}assets/vendor/iframe-worker/LICENSE" in names
    assert f"{root}404.html" not in names  # only a web server uses it
    # Every page: pages as .html files (no directory URLs), the local shim, no CDN.
    assert len(html) == len([p for p in web if p.endswith(".html")]) - 1
    for name, text in html.items():
        assert "unpkg.com" not in text and "//cdn" not in text, name
        assert 'src="' in text and "iframe-worker/shim.js" in text, name
        for href in re.findall(r'<a href="([^"#:]*)"', text):
            assert href == "" or href.endswith((".html", ".pdf", ".ics")), (name, href)
    overview = html[f"{root}stappen/index.html"]
    assert '<a href="stap-1.html" class="sw-flow-node' in overview
    # The web build is untouched by it.
    assert (
        sorted(p.relative_to(project.site_dir).as_posix() for p in project.site_dir.rglob("*"))
        == web
    )
