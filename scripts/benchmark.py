"""Build speed of Stappenwijzer, in numbers.

Prints the cold build time, the warm rebuild time with nothing changed, and the generator alone
versus MkDocs alone on the same generated docs, both in-process (medians) and as whole commands
(including Python start-up and imports). Goal: a warm rebuild costs at most 10% more than
MkDocs alone.

Run from the project root:  .venv/bin/python scripts/benchmark.py [--runs N]
It works on a temporary copy of the project and never touches site/ or build/ here.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.generate import generate  # noqa: E402
from generator.project import Project  # noqa: E402
from generator.publish.build import build_site, mkdocs_build  # noqa: E402


def copy_project(target: Path) -> Project:
    for name in ("content", "site_templates"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return Project(root=target, content=target / "content", templates=target / "site_templates")


def timed(action: Callable[[], object], runs: int, before: Callable[[], object] | None = None):
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def command(args: list[str], cwd: Path, runs: int, before: Callable[[], object] | None = None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def run() -> None:
        subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)

    return timed(run, runs, before)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    with tempfile.TemporaryDirectory(prefix="sw-bench-") as tmp:
        project = copy_project(Path(tmp))

        def clean() -> None:
            shutil.rmtree(project.build_dir, ignore_errors=True)
            shutil.rmtree(project.site_dir, ignore_errors=True)

        other_site = Path(tmp) / "mkdocs-only-site"
        cold = timed(lambda: build_site(project), runs, clean)
        # Warm rebuild and MkDocs alone are measured in turns, so that drift (caches, other
        # load on the machine) affects both alike.
        warm_samples, alone_samples = [], []
        for _ in range(runs):
            warm_samples.append(timed(lambda: build_site(project), 1))
            alone_samples.append(timed(lambda: mkdocs_build(project, other_site), 1))
        rows = [
            ("Koude build (build/ en site/ leeg)", cold),
            ("Warme rebuild, niets veranderd", statistics.median(warm_samples)),
            (
                "Generator alleen, volledig (laden, controleren, renderen)",
                timed(lambda: generate(project, force=True), runs),
            ),
            ("Generator alleen, niets veranderd", timed(lambda: generate(project), runs)),
            ("MkDocs alleen, zelfde docs", statistics.median(alone_samples)),
        ]
        # PDFs: cold (empty cache, rendered in parallel) versus warm (all from the cache).
        shutil.rmtree(project.pdf_cache, ignore_errors=True)
        cold_gen = generate(project, force=True)
        warm_gen = generate(project, force=True)
        pdf_rows = [
            (f"Pdf's koud ({cold_gen.pdf.rendered} gemaakt)", cold_gen.pdf.seconds),
            (f"Pdf's warm ({warm_gen.pdf.cached} uit de cache)", warm_gen.pdf.seconds),
        ]
        exe = [sys.executable, "-m", "generator.cli"]
        mkdocs = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            "build/mkdocs.yml",
            "-d",
            str(other_site),
        ]
        process_rows = [
            ("Koude build", command([*exe, "build"], project.root, runs, clean)),
            ("Warme rebuild, niets veranderd", command([*exe, "build"], project.root, runs)),
            ("MkDocs alleen, zelfde docs", command(mkdocs, project.root, runs)),
        ]

    print(f"Stappenwijzer benchmark (mediaan van {runs} runs, {os.cpu_count()} cores)")
    print("\nIn één proces:")
    for label, seconds in rows:
        print(f"  {label:<58} {seconds * 1000:8.0f} ms")
    for label, seconds in pdf_rows:
        print(f"  {label:<58} {seconds * 1000:8.0f} ms")
    print("\nAls los commando (inclusief opstarten van Python):")
    for label, seconds in process_rows:
        print(f"  {label:<58} {seconds * 1000:8.0f} ms")
    warm, alone = rows[1][1], rows[4][1]
    ratio = warm / alone - 1
    print(
        f"\nWarme rebuild t.o.v. MkDocs alleen: {ratio:+.1%} (doel: hooguit +10%) -> "
        + ("gehaald" if ratio <= 0.10 else "NIET gehaald")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
