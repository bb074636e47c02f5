"""``stappenwijzer serve``: build, serve on 127.0.0.1 and rebuild on every save.

MkDocs' own ``serve`` leaves a browser waiting forever when a rebuild raises ("The server will
appear stuck until build errors are resolved"), hides content errors in a terminal full of
English lines, and builds into the folder it serves. This one uses MkDocs' live-reload server
with a builder that never raises:

* a content error keeps the last good generated pages; any other failure keeps the last good
  site (a new site is built next to it and swapped in only when complete);
* either way the browser reloads and every page shows a Dutch banner with file, line and what
  to do (site_templates/serve/), until a good save removes it;
* the terminal gets short Dutch lines; MkDocs' own messages only with ``-v``.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, TemplateError
from mkdocs.commands.build import build
from mkdocs.livereload import LiveReloadServer

from generator.problems import ContentError, Problem
from generator.project import Project

SERVE_TEMPLATES = "serve"


@dataclass
class ServeState:
    """What the last rebuild left for the browser: nothing when it went well."""

    problems: list[Problem] = field(default_factory=list)


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, with the error banner in every page it serves."""

    banner: Callable[[], str] = staticmethod(lambda: "")

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)
        banner = self.banner().encode("utf-8")
        if not banner:
            return content
        start = content.find(b"<body")
        end = content.find(b">", start) + 1 if start >= 0 else 0
        return content[:end] + banner + content[end:]


def _bug(error: BaseException) -> Problem:
    return Problem(
        Path("stappenwijzer"),
        1,
        1,
        f"Er ging iets mis in Stappenwijzer zelf ({type(error).__name__}); dit is een fout in "
        "het programma, niet in jouw tekst.",
        "Draai 'stappenwijzer check'; helpt dat niet, meld het met de uitvoer van "
        "'stappenwijzer serve -v'.",
    )


def rebuild(project: Project, site_dir: Path, serve_url: str) -> list[Problem]:
    """Regenerate and build into ``site_dir``; the errors that kept the last good version.
    Never raises (except on Ctrl+C), so the server never waits for a build that failed."""
    from mkdocs.config import load_config

    from generator.generate import generate
    from generator.publish.output import swap_in

    problems: list[Problem] = []
    try:
        generate(project)
    except ContentError as error:
        problems = error.errors
    except TemplateError as error:
        problems = [_template_problem(project, error)]
    except Exception as error:
        logging.getLogger("stappenwijzer").debug("Generation failed", exc_info=True)
        problems = [_bug(error)]
    new_site = site_dir.with_name(site_dir.name + ".new")
    try:
        config = load_config(
            str(project.generated_config), site_dir=str(new_site), site_url=serve_url
        )
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url=serve_url)
        finally:
            config.plugins.on_shutdown()
        swap_in(new_site, site_dir)
    except Exception as error:
        logging.getLogger("stappenwijzer").debug("MkDocs failed", exc_info=True)
        shutil.rmtree(new_site, ignore_errors=True)
        if not problems:
            problems = [_engine_problem(project, error)]
    return problems


def _template_problem(project: Project, error: TemplateError) -> Problem:
    where = Path(getattr(error, "filename", None) or project.templates)
    return Problem(
        where,
        getattr(error, "lineno", None) or 1,
        1,
        f"Het sjabloon kan niet gemaakt worden: {error.message}",
        "Herstel het sjabloon (of zet het terug met git).",
    )


def _engine_problem(project: Project, error: Exception) -> Problem:
    from generator.publish.mkdocs_yml import check_mkdocs_yml

    found = check_mkdocs_yml(project.config_file)
    if found:
        return found[0]
    return Problem(
        project.config_file,
        1,
        1,
        f"De site kon niet gebouwd worden ({type(error).__name__}: {error}).",
        "Zet de laatste wijziging in site_templates/ of mkdocs.yml terug, of draai "
        "'stappenwijzer build' voor meer uitleg.",
    )


def _banner_renderer(project: Project, state: ServeState, site_dir: Path) -> Callable[[], str]:
    env = Environment(loader=FileSystemLoader(project.templates / SERVE_TEMPLATES), autoescape=True)

    def banner() -> str:
        if not state.problems:
            return ""
        shown = [
            {"where": _where(p, project), "message": p.message, "hint": p.hint}
            for p in state.problems
        ]
        previous = (site_dir / "index.html").is_file()
        return env.get_template("fout.html.j2").render(problems=shown, vorige=previous)

    return banner


def _where(problem: Problem, project: Project) -> str:
    return problem.format(project.root).split(": ", 1)[0]


def _say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


def serve_project(project: Project, port: int) -> None:
    """Serve until Ctrl+C (which the caller turns into a quiet stop)."""
    site_dir = Path(tempfile.mkdtemp(prefix="stappenwijzer-")) / "site"
    site_dir.mkdir()
    url = f"http://127.0.0.1:{port}/"
    state = ServeState()

    def builder(config: object = None) -> None:
        state.problems = rebuild(project, site_dir, url)
        if state.problems:
            _say(f"{len(state.problems)} fout(en); de browser toont ze onderaan elke pagina:")
            for problem in state.problems[:10]:
                _say("  " + problem.format(project.root).replace("\n", "\n  "))
        else:
            _say("De site is bijgewerkt.")

    server = _Server(builder=builder, host="127.0.0.1", port=port, root=str(site_dir))
    server.banner = _banner_renderer(project, state, site_dir)
    server.error_handler = lambda code: _error_page(server, project, state, site_dir, code)
    try:
        builder()
        for path in (project.content, project.templates, project.config_file):
            server.watch(str(path))
        _say(f"De site staat op {url} en ververst na elke wijziging. Stoppen: Ctrl+C.")
        try:
            server.serve()
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir.parent, ignore_errors=True)


def _error_page(
    server: _Server, project: Project, state: ServeState, site_dir: Path, code: int
) -> bytes | None:
    """MkDocs' 404 page, or while there is no site yet, a page with only the banner."""
    page = site_dir / "404.html"
    if page.is_file():
        content = page.read_bytes()
    elif state.problems:
        env = Environment(
            loader=FileSystemLoader(project.templates / SERVE_TEMPLATES), autoescape=True
        )
        content = env.get_template("leeg.html.j2").render().encode("utf-8")
    else:
        return None
    return server._inject_js_into_html(content, server._visible_epoch)
