"""Other engines build the generated config unchanged: ProperDocs (a fork of MkDocs 1.6) and
Zensical (Material's successor). Both are pinned test dependencies."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import paths
from tests.helpers import bundled_protocol

BIN = Path(sys.executable).parent
PROTOCOL = bundled_protocol()
KEY_PAGES = [
    "index.html",
    "stappen/index.html",
    "stappen/stap-4/index.html",
    "stappen/schema-wegwijzer/index.html",
    "welke-stap-nu/index.html",
    "formulieren/index.html",
    "rollen/index.html",
    "begrippen/index.html",
]


def _engine(name: str, built, *args: str) -> Path:
    executable = BIN / name
    if not executable.exists():
        pytest.fail(f"{name} ontbreekt: installeer de test-extra (pip install -e '.[test]').")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(executable), "build", "-f", str(built.generated_config), *args],
        cwd=built.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return built.engine_site_dir


def _without_generator(html: str) -> str:
    return re.sub(r'<meta name="generator"[^>]*>', "", html)


def _chart_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" class="sw-flow-node', html)


def test_properdocs_builds_the_same_pages(built, tmp_path: Path) -> None:
    site = tmp_path / "properdocs"
    _engine("properdocs", built, "--strict", "-d", str(site))
    for page in KEY_PAGES:
        ours = (built.site_dir / page).read_text("utf-8")
        theirs = (site / page).read_text("utf-8")
        assert _without_generator(theirs) == _without_generator(ours), page
    # The hooks ran: chart links resolved, search words in the index.
    assert "stap-1/" in _chart_links((site / "stappen/index.html").read_text("utf-8"))
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert index == (built.site_dir / "search" / "search_index.json").read_text("utf-8")


def test_zensical_builds_the_generated_config(built) -> None:
    site = _engine("zensical", built)
    try:
        for page in KEY_PAGES:
            assert (site / page).is_file(), page
        step = (site / "stappen/stap-4/index.html").read_text("utf-8")
        assert "Anderen informeren" in step
        for stap in PROTOCOL.stappen:
            text = (site / paths.site_url(paths.step(stap.nummer)) / "index.html").read_text(
                "utf-8"
            )
            for blok in stap.wanneer:
                if isinstance(blok, str):
                    assert blok in text
        # Chart links: the .md paths resolved by Zensical itself, to pages that exist.
        for page in ("stappen/index.html", "stappen/schema-wegwijzer/index.html"):
            links = _chart_links((site / page).read_text("utf-8"))
            assert len(links) >= len(PROTOCOL.stappen)
            for link in links:
                target = (site / page).parent / link / "index.html"
                assert target.resolve().is_file(), (page, link)
        assert (site / paths.BOOKLET_PDF).is_file()
    finally:
        import shutil

        shutil.rmtree(site, ignore_errors=True)
