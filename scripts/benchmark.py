"""Build speed of Stappenwijzer, in numbers.

Prints the cold build time, the warm rebuild time with nothing changed, and the generator alone
versus MkDocs alone on the same generated docs, both in-process (medians) and as whole commands
(including Python start-up and imports). Goal: a warm rebuild costs at most 10% more than
MkDocs alone.

With --bestuur it measures a board instead: ``build --scholen`` for 20 schools (one shared
protocol, a school.yml each) next to 20 single-school builds (20 x ``stappenwijzer build``), both
cold (empty caches) and warm (the same command again, nothing changed), and 20 x ``mkdocs build``
of one school's generated docs. Goal: warm board build <= 1.2 x (20 x mkdocs build) / cores.
Every command runs once; wall-clock and CPU time (user + system of the command) are printed,
since the machine may be shared.

The warm board runs twice (the goal takes the slower), then once more with one school.yml
changed (only that school is built), and once with a change in the shared protocol (every
school is built again: the board's real work, next to 20 x mkdocs build). --zonder-los
leaves out the single-school builds.

Run from the project root:
  .venv/bin/python scripts/benchmark.py [--runs N] [--bestuur [N] [--zonder-los]]
It works on a temporary copy of the project and never touches site/ or build/ here.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
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


def _mkdocs_build(site_dir: Path, config: str = "build/mkdocs.yml") -> list[str]:
    """MkDocs alone on the generated docs (run in the project folder), into ``site_dir``."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site_dir)]


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


def run_once(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the command and its children) of one run."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_all(commands: list[tuple[list[str], Path]]) -> tuple[float, float]:
    """The commands one after another: total wall-clock and CPU seconds."""
    wall = cpu = 0.0
    for args, cwd in commands:
        w, c = run_once(args, cwd)
        wall, cpu = wall + w, cpu + c
    return wall, cpu


def school_yml(number: int) -> str:
    text = (ROOT / "content" / "school.yml").read_text(encoding="utf-8")
    return text.replace('naam: "[naam van de school]"', f'naam: "Basisschool {number:02d}"')


def bench_board(schools: int, singles_too: bool = True) -> int:
    """A board of ``schools`` schools against as many single-school builds (``singles_too``;
    else only the board, and MkDocs on the docs the board generated for its first school)."""
    exe = [sys.executable, "-m", "generator.cli"]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="sw-bench-board-") as tmp:
        board = Path(tmp) / "bestuur"
        shutil.copytree(ROOT / "content", board / "protocol")
        (board / "protocol" / "school.yml").unlink()
        singles = []
        for number in range(1, schools + 1):
            (board / f"school-{number:02d}").mkdir()
            (board / f"school-{number:02d}" / "school.yml").write_text(school_yml(number))
            if singles_too:
                single = copy_project(Path(tmp) / f"los-{number:02d}")
                single.content.joinpath("school.yml").write_text(school_yml(number))
                singles.append(single)
        board_build = [*exe, "build", "--scholen", str(board)]
        cold = (
            f"Bestuur koud ({schools} scholen, build/ en site/ leeg)",
            run_once(board_build, ROOT),
        )
        warm = [
            (f"Bestuur warm {n} (zelfde commando, niets veranderd)", run_once(board_build, ROOT))
            for n in (1, 2)
        ]
        changed = board / "school-01" / "school.yml"
        changed.write_text(school_yml(1).replace("Basisschool 01", "Basisschool 01 (nieuw)"))
        rows = [
            cold,
            *warm,
            ("Bestuur, één school.yml veranderd", run_once(board_build, ROOT)),
        ]
        # A change in the shared protocol: every school is generated and published again.
        shared = board / "protocol" / "stappen" / "stap-0.yml"
        shared.write_text(
            shared.read_text(encoding="utf-8").replace(
                "korte_titel: Zelf oplossen", "korte_titel: Zelf proberen op te lossen"
            ),
            encoding="utf-8",
        )
        rows.append(
            ("Bestuur, gedeeld protocol veranderd (alle scholen)", run_once(board_build, ROOT))
        )
        if singles_too:
            single_builds = [([*exe, "build"], p.root) for p in singles]
            rows += [
                (f"{schools} x losse build koud", run_all(single_builds)),
                (f"{schools} x losse build warm", run_all(single_builds)),
            ]
            mkdocs = [(_mkdocs_build(p.root / "mkdocs-only-site"), p.root) for p in singles]
        else:
            config = str(board / "build" / "school-02" / "mkdocs.yml")
            mkdocs = [(_mkdocs_build(Path(tmp) / "mkdocs-only-site", config), ROOT)] * schools
        baseline = (f"{schools} x mkdocs build (docs van één school)", run_all(mkdocs))
        rows.append(baseline)

    print(
        f"Stappenwijzer benchmark bestuur ({schools} scholen, {cores} cores, elk commando 1 keer)"
    )
    print(f"  {'':<58} {'klok':>8} {'cpu':>8}")
    for label, (wall, cpu) in rows:
        print(f"  {label:<58} {wall:7.1f}s {cpu:7.1f}s")
    warm_board = max(wall for _, (wall, _) in warm)  # the slower of the two
    mkdocs_total = baseline[1][0]
    goal = 1.2 * mkdocs_total / cores
    print(
        f"\nWarm bestuur {warm_board:.1f} s; doel: hooguit 1,2 x {mkdocs_total:.1f} s / {cores} "
        f"= {goal:.1f} s -> " + ("gehaald" if warm_board <= goal else "NIET gehaald")
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--bestuur",
        type=int,
        nargs="?",
        const=20,
        default=None,
        metavar="N",
        help="meet een bestuur van N scholen (standaard 20) in plaats van één school",
    )
    parser.add_argument(
        "--zonder-los",
        action="store_true",
        help="met --bestuur: sla de N losse builds over (MkDocs meet dan op de docs van het "
        "bestuur)",
    )
    options = parser.parse_args()
    runs = options.runs
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if options.bestuur:
        return bench_board(options.bestuur, singles_too=not options.zonder_los)

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
        mkdocs = _mkdocs_build(other_site)
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
