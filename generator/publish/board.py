"""A board: one site per school from one shared protocol (``stappenwijzer build --scholen``).

The folder of a board::

    BESTUUR/
      protocol/            the shared content/ (steps, roles, forms, guide...)
      de-linde/school.yml  one folder per school: its school.yml (name, contacts, dates) and
      de-linde/...         optional files that replace the shared file of the same name
                           (e.g. de-linde/stappen/stap-4.yml or de-linde/mail.yml)
      mkdocs.yml           optional: the board's engine settings (else the project's)
      site/de-linde/       the built site of each school (or --naar MAP: MAP/de-linde/)
      build/de-linde/      what the build keeps per school (generated docs, stamps)
      build/pdf-cache/     the PDF cache all schools share

A folder is a school when it holds a school.yml. Each school's content is assembled in
build/<school>/content (files are only rewritten when their bytes change, so the build cache
still skips an unchanged school); problems name the board's own file, not that copy.

A school whose inputs and published site are unchanged since its last build is left as it is
(publish/published.py): a warm board build with nothing changed checks hashes and builds
nothing. The other schools are built in parallel, one process per core. The processes are
forked after the shared work is done once: MkDocs, the theme and the template code are
imported and compiled in the parent. A school that fails is reported by name and keeps its
last good site; the others are published. With ``definitief`` a school that is still a concept
is refused (with the first open line of its school.yml) and keeps its last site.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.problems import ContentError, Problem
from generator.project import Project
from generator.publish.output import write_tree
from generator.publish.published import current_warnings, forget_published, remember_published

SHARED = "protocol"
SCHOOL_FILE = "school.yml"
RESERVED = {SHARED, "site", "build"}


@dataclass(frozen=True)
class School:
    name: str
    """The folder name, also the name of the site's folder."""
    folder: Path
    project: Project
    sources: dict[str, Path]
    """Relative path in the assembled content -> the board's own file it comes from."""


@dataclass(frozen=True)
class Board:
    folder: Path
    schools: list[School]
    problems: list[Problem] = field(default_factory=list)
    """Problems with the board's layout itself (no shared protocol, no school)."""
    pdf_cache: Path | None = None


@dataclass(frozen=True)
class Result:
    school: str
    ok: bool
    seconds: float
    report: str = ""
    """Dutch: what went wrong (empty when the site was published)."""
    warnings: int = 0
    skipped: bool = False
    """Generation was skipped (the generated docs were current)."""
    pdf_files: frozenset[str] = frozenset()
    current: bool = False
    """Nothing was built: the published site was already current."""
    refused: bool = False
    """Not built: ``definitief`` and the school is still a concept (``report`` says where)."""


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(p.startswith(".") or p.endswith("~") for p in rel.parts):
            yield path


def read_board(folder: Path, templates: Path, site_root: Path | None = None) -> Board:
    """The schools of the board in ``folder``; nothing is built or written yet."""
    folder = folder.resolve()
    build = folder / "build"
    sites = (site_root or folder / "site").resolve()
    config = folder / "mkdocs.yml"
    if not config.is_file():
        config = Path.cwd() / "mkdocs.yml"
    problems: list[Problem] = []
    shared = folder / SHARED
    if not shared.is_dir():
        problems.append(
            Problem(
                shared,
                1,
                1,
                f"De map {SHARED}/ met het gedeelde protocol ontbreekt in {folder}.",
                f"Zet het protocol van het bestuur (de map content/) in {shared}, en per school "
                f"een map met een eigen {SCHOOL_FILE}.",
            )
        )
        return Board(folder, [], problems)
    shared_files = {p.relative_to(shared).as_posix(): p for p in _files(shared)}
    schools = []
    for school_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        if school_dir.name in RESERVED or school_dir.name.startswith((".", "_")):
            continue
        if not (school_dir / SCHOOL_FILE).is_file():
            problems.append(
                Problem(
                    school_dir,
                    1,
                    1,
                    f"De map {school_dir.name}/ heeft geen {SCHOOL_FILE} en is overgeslagen.",
                    f"Zet de gegevens van de school in {school_dir.name}/{SCHOOL_FILE}, of "
                    "haal de map weg als het geen school is.",
                    severity="let op",
                )
            )
            continue
        own = {p.relative_to(school_dir).as_posix(): p for p in _files(school_dir)}
        school_build = build / school_dir.name
        project = Project(
            root=folder,
            content=school_build / "content",
            templates=templates.resolve(),
            build=school_build,
            site=sites / school_dir.name,
            config=config,
            shared_pdf_cache=build / "pdf-cache",
        )
        schools.append(School(school_dir.name, school_dir, project, {**shared_files, **own}))
    if not schools:
        problems.append(
            Problem(
                folder,
                1,
                1,
                f"Er staat geen school in {folder}.",
                f"Maak per school een map naast {SHARED}/ met daarin {SCHOOL_FILE}.",
            )
        )
    return Board(folder, schools, problems, build / "pdf-cache")


def _assemble(school: School) -> None:
    """The school's content/: the shared files with the school's own on top."""
    write_tree(
        school.project.content, {rel: path.read_bytes() for rel, path in school.sources.items()}
    )


def _to_sources(problem: Problem, school: School) -> Problem:
    """A problem in the assembled copy, named by the board's own file."""
    try:
        rel = problem.path.relative_to(school.project.content).as_posix()
    except ValueError:
        return problem
    source = school.sources.get(rel)
    if source is None:  # a missing file: it belongs in the school's folder
        source = school.folder / rel if rel != "." else school.folder
    return replace(problem, path=source)


@dataclass(frozen=True)
class Checked:
    """What ``check --scholen`` found for one school."""

    school: School
    problems: list[Problem]
    """Every problem, named by the board's own files."""
    open: int | None
    """How many things keep the school a concept (0: adopted); None when it has errors."""

    @property
    def ok(self) -> bool:
        return self.open is not None and not any(p.is_error for p in self.problems)


def check_school(school: School) -> Checked:
    """Assemble and load one school."""
    from generator.content.load import load

    _assemble(school)
    protocol, problems = load(school.project.content)
    mapped = sorted(_to_sources(p, school) for p in problems)
    return Checked(school, mapped, None if protocol is None else len(protocol.status.open))


def shared_problems(board: Board, checked: list[Checked]) -> list[Problem]:
    """The problems in the shared protocol that every school has: said once, not per school."""
    if len(checked) < 2:
        return []
    shared = board.folder / SHARED
    common = set(checked[0].problems)
    for one in checked[1:]:
        common &= set(one.problems)
    return sorted(p for p in common if p.path.is_relative_to(shared))


def errors_report(problems: list[Problem], school: School) -> str:
    """The errors that stopped a school, with where they are; warnings only counted."""
    problems = [_to_sources(p, school) for p in problems]
    errors = sorted(p for p in problems if p.is_error)
    lines = [p.format(Path.cwd()) for p in errors]
    warnings = len(problems) - len(errors)
    lines.append(
        f"{len(errors)} fout(en) in {school.name}; daarnaast {warnings} waarschuwing(en), "
        f"die 'stappenwijzer check --scholen {school.folder.parent}' allemaal toont."
    )
    return "\n".join(lines)


def build_school(school: School) -> Result:
    """Assemble, check, generate and publish one school (runs in a worker process)."""
    from jinja2 import TemplateError

    from generator.cli import template_error
    from generator.publish.build import BuildError, build_site

    start = time.perf_counter()

    def failed(report: str) -> Result:
        return Result(school.name, False, time.perf_counter() - start, report)

    try:
        _assemble(school)
        forget_published(school.project)
        school.project.site_dir.parent.mkdir(parents=True, exist_ok=True)
        generated = build_site(school.project, pdf_workers=1)
        remember_published(school.project)
    except ContentError as error:
        return failed(errors_report(error.problems, school))
    except TemplateError as error:
        return failed(template_error(error, school.project))
    except BuildError as error:
        return failed(f"De site kon niet gebouwd worden: {error}")
    except Exception as error:  # a bug in Stappenwijzer: this school fails, the others go on
        return failed(
            f"Er ging iets mis in Stappenwijzer zelf ({type(error).__name__}: {error}); dit is "
            "een fout in het programma, niet in de tekst van de school."
        )
    return Result(
        school.name,
        True,
        time.perf_counter() - start,
        warnings=len(generated.problems),
        skipped=generated.skipped,
        pdf_files=generated.pdf.files,
    )


def _preload(board: Board) -> None:
    """The work every school would repeat, done once before the workers are forked."""
    import mkdocs.commands.build  # noqa: F401
    from mkdocs.config import load_config

    from generator.site.render import preload

    if board.schools:
        preload(board.schools[0].project.templates)
        # Loading the engine config imports the theme, its plugins and Markdown extensions.
        project = board.schools[0].project
        with (
            tempfile.TemporaryDirectory() as docs,
            tempfile.TemporaryDirectory() as site,
            contextlib.suppress(Exception),  # reported per school when it builds
        ):
            load_config(str(project.config_file), docs_dir=docs, site_dir=site)


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def concept_refusal(school: School) -> str | None:
    """With ``definitief``: why the school is not built (its first open line), or None."""
    from generator.cli import still_concept

    check = f"stappenwijzer check --scholen {school.folder.parent}"
    problem = still_concept(school.project.content, check)
    if problem is None:
        return None
    return _to_sources(problem, school).format(Path.cwd())


def _triage(school: School, definitief: bool) -> Result | None:
    """A result without building (refused, or the site is current), or None: build it."""
    start = time.perf_counter()
    try:
        _assemble(school)
        if definitief and (refusal := concept_refusal(school)) is not None:
            return Result(school.name, False, time.perf_counter() - start, refusal, refused=True)
        warnings = current_warnings(school.project)
    except Exception:  # e.g. an unreadable file: the build itself reports it for this school
        return None
    if warnings is None:
        return None
    return Result(
        school.name,
        True,
        time.perf_counter() - start,
        warnings=len(warnings),
        skipped=True,
        current=True,
    )


def build_board(
    board: Board, workers: int | None = None, *, definitief: bool = False
) -> list[Result]:
    """Build every school whose site is not current, in parallel on ``workers`` processes
    (default: every core). With ``definitief`` a school that is still a concept is refused.
    The results are in the order of ``board.schools``."""
    known = {school.name: _triage(school, definitief) for school in board.schools}
    stale = [school for school in board.schools if known[school.name] is None]
    built: list[Result] = []
    if stale:
        workers = max(1, min(len(stale), workers or os.cpu_count() or 1))
        _preload(board)
        if workers == 1:
            built = [build_school(school) for school in stale]
        else:
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_ignore_ctrl_c,
            ) as pool:
                built = list(pool.map(build_school, stale))
    by_name = {r.school: r for r in built}
    results = [known[s.name] or by_name[s.name] for s in board.schools]
    everyone_rendered = all(r.ok and not r.skipped for r in results)
    if board.pdf_cache is not None and everyone_rendered:
        from generator.publish.pdf import prune_cache

        prune_cache(board.pdf_cache, frozenset().union(*(r.pdf_files for r in results)))
    return results
