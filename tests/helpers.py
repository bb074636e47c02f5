"""Helpers shared by the tests: the bundled protocol (loaded once), its plan, and edits."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.model import Protocol
from generator.problems import format_report

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def bundled_protocol() -> Protocol:
    """The protocol in content/, loaded once per test session; a load failure fails clearly."""
    from generator.content.load import load

    protocol, problems = load(ROOT / "content")
    if protocol is None:
        pytest.fail("The bundled content/ does not load:\n" + format_report(problems, ROOT))
    return protocol


@functools.cache
def site_labels():  # -> Labels
    """The site's own words (site_templates/labels.yml)."""
    from generator.site.labels import load_labels

    return load_labels(ROOT / "site_templates")


@functools.cache
def bundled_plan():  # -> SitePlan
    """The site plan of the bundled protocol."""
    from generator.site.plan import plan_site

    return plan_site(bundled_protocol(), site_labels(), ROOT / "site_templates")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in ``path`` by ``new``; fails if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(project_root: Path) -> tuple[subprocess.Popen, str]:
    """``stappenwijzer serve`` of this checkout (whatever is installed) in ``project_root`` on a
    free port; returns the process (stderr piped as text) and its address."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=project_root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, f"http://127.0.0.1:{port}"
