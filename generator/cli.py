"""The ``stappenwijzer`` command: check, build, serve and schema.

Messages for the people who run it are in Dutch.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateError

from generator.dutch_argparse import DutchArgumentParser
from generator.problems import ContentError, Problem, format_report
from generator.project import Project
from generator.publish.build import BuildError, build_site

if TYPE_CHECKING:
    from generator.content.status import Status

DEFAULT_CONTENT = Path("content")
DEFAULT_TEMPLATES = Path("site_templates")


def _project(args: argparse.Namespace) -> Project:
    root = Path.cwd()
    return Project(
        root=root,
        content=(root / args.content).resolve(),
        templates=(root / DEFAULT_TEMPLATES).resolve(),
    )


def _setup_logging(verbose: bool, quiet: bool = True) -> None:
    """MkDocs' messages: warnings only for a build (unless -v), also progress while serving."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    for name in ("mkdocs", "stappenwijzer"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False


def cmd_check(args: argparse.Namespace) -> int:
    from generator.content.load import load
    from generator.publish.mkdocs_yml import check_mkdocs_yml

    if args.scholen:
        return cmd_check_board(args)
    project = _project(args)
    protocol, problems = load(project.content)
    problems += check_mkdocs_yml(project.config_file)
    if protocol is None or any(p.is_error for p in problems):
        print(
            format_report(
                problems,
                project.root,
                after="Een bestand met een fout is nog niet verder gecontroleerd, en "
                "verwijzingen ernaar (rollen, stappen) ook niet: na het herstellen kunnen er "
                "nog fouten en waarschuwingen bijkomen; draai 'check' dan opnieuw. 'check' "
                "bouwt niets; de site in site/ is niet veranderd.",
            ),
            file=sys.stderr,
        )
        return 1
    if problems:
        print(format_report(problems, project.root, after=""), file=sys.stderr)
    print(
        f"De inhoud is in orde: {len(protocol.stappen)} stappen, {len(protocol.rollen)} rollen, "
        f"{len(protocol.formulieren.formulieren)} formulieren; versie {protocol.school.versie}. "
        f"{_state(protocol.status, problems)} 'check' bouwt niets: 'stappenwijzer build' "
        "maakt de site."
    )
    return 0


def _state(status: Status, problems: list[Problem]) -> str:
    """Concept or adopted, counted in the same warnings that 'check' just listed."""
    if status.adopted:
        return "Het protocol is vastgesteld."
    texts = sum(bool(o.value) for o in status.open)
    nameless = sum(o.value == "" for o in status.open)
    what = [f"{texts} tekst(en) tussen [ ]"] if texts else []
    if nameless:
        what.append(f"{nameless} contactpersoon/-personen zonder naam")
    if any(o.value is None for o in status.open):
        what.append("'vastgesteld' zonder datum")
    elsewhere = sum(p.placeholder for p in problems)
    rest = len(problems) - len(status.open) - elsewhere
    if elsewhere and rest:
        others = (
            f"; de andere {elsewhere + rest}: {elsewhere} tekst(en) tussen [ ] in andere "
            f"bestanden (de site toont ze zo) en {rest} over iets anders."
        )
    elif elsewhere:
        others = (
            f"; de andere {elsewhere} zijn teksten tussen [ ] in andere bestanden (de site "
            "toont ze zo)."
        )
    else:
        others = f"; de andere {rest} gaan over iets anders." if rest else "."
    return (
        f"Het protocol is een concept: {len(status.open)} van de {len(problems)} "
        f"waarschuwing(en) hierboven houden het een concept ({' en '.join(what)}, in school.yml)"
        + others
    )


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def cmd_check_board(args: argparse.Namespace) -> int:
    """Per school what is wrong (file:line), what all schools share said once, and a summary."""
    from generator.publish.board import check_school, read_board, shared_problems
    from generator.publish.mkdocs_yml import check_mkdocs_yml

    base = Path.cwd()

    def say(text: str, *, error: bool = False) -> None:
        print(text, file=sys.stderr if error else sys.stdout, flush=True)

    board = read_board(Path(args.scholen), base / DEFAULT_TEMPLATES)
    if board.problems:
        say(format_report(board.problems, base, after=""), error=True)
    if not board.schools:
        return 1
    engine = check_mkdocs_yml(board.schools[0].project.config_file)
    if engine:
        say(format_report(engine, base, after="Dit geldt voor elke school."), error=True)
    checked = [check_school(school) for school in board.schools]
    shared = shared_problems(board, checked)
    if shared:
        errors = sum(p.is_error for p in shared)
        say(
            f"Gedeeld protocol ({board.folder / 'protocol'}): "
            f"{_count(errors, 'fout', 'fouten')}, "
            f"{_count(len(shared) - errors, 'waarschuwing', 'waarschuwingen')}, "
            f"bij alle {len(checked)} scholen:",
            error=errors > 0,
        )
        say("\n".join(p.format(base) for p in shared), error=errors > 0)
    common = set(shared)
    gap = bool(board.problems or engine or shared)  # a blank line after a list of problems
    for one in checked:
        own = [p for p in one.problems if p not in common]
        errors = sum(p.is_error for p in own)
        warnings = len(own) - errors
        if not one.ok:
            head = f"{one.school.name}: {_count(errors, 'fout', 'fouten')}"
            if warnings:
                head += f" en {_count(warnings, 'eigen waarschuwing', 'eigen waarschuwingen')}"
            head += "; de site van deze school wordt pas gebouwd als de fouten hersteld zijn:"
        else:
            state = (
                f"concept ({one.open} gegeven(s) in school.yml nog in te vullen)"
                if one.open
                else "vastgesteld"
            )
            head = f"{one.school.name}: in orde, {state}"
            if warnings:
                head += f"; {_count(warnings, 'eigen waarschuwing', 'eigen waarschuwingen')}:"
            else:
                head += "."
        say(("\n" if gap else "") + head, error=not one.ok)
        if own:
            say("\n".join(p.format(base) for p in own), error=not one.ok)
        gap = bool(own)
    failed = [one.school.name for one in checked if not one.ok]
    concept = sum(1 for one in checked if one.ok and one.open)
    summary = (
        f"{_count(len(checked), 'school', 'scholen')} gecontroleerd: "
        f"{len(checked) - len(failed)} in orde ({concept} daarvan nog concept)"
    )
    if failed:
        summary += f", {len(failed)} met fouten: {', '.join(failed)}"
    summary += ". 'check' bouwt niets; de sites zijn niet veranderd."
    say(f"\n{summary}", error=bool(failed or engine))
    return 1 if failed or engine else 0


def template_error(error: TemplateError, project: Project) -> str:
    where = getattr(error, "filename", None) or "site_templates"
    line = getattr(error, "lineno", None)
    with contextlib.suppress(ValueError):
        where = str(Path(where).resolve().relative_to(project.root))
    return (
        f"{where}:{line or 1}:1: fout: het sjabloon kan niet gemaakt worden: {error.message}\n"
        "    Wat te doen: herstel het sjabloon (of zet het terug met git). "
        "De vorige versie van de site blijft staan."
    )


def still_concept(content: Path, check: str = "stappenwijzer check") -> Problem | None:
    """For ``build --definitief``: one message at the first thing that keeps the protocol a
    concept (content/status.py), or None when it is adopted (content errors are left to the
    build, which reports them all)."""
    from generator.content.load import load

    protocol, _ = load(content)
    if protocol is None or protocol.status.adopted:
        return None
    first, rest = protocol.status.open[0], len(protocol.status.open) - 1
    what = (
        f"'{first.key}' heeft geen naam"
        if first.value == ""
        else f"'{first.key}' staat nog op '{first.value}'"
        if first.value is not None
        else f"'{first.key}' heeft nog geen datum"
    )
    more = f" Daarna nog {rest} punt(en); '{check}' toont ze allemaal." if rest else ""
    return Problem(
        first.path,
        first.line,
        first.column,
        f"Het protocol is nog een concept, dus 'build --definitief' bouwt niet: {what}.",
        ("Vul dit in. " if first.value is not None else "Vul de datum in als JJJJ-MM-DD. ")
        + "De definitieve site komt pas als niets in school.yml meer tussen [ ] staat en "
        "'vastgesteld' een datum heeft; zonder --definitief bouw je een site met 'Concept' op "
        f"elke pagina. De vorige site blijft staan.{more}",
    )


def cmd_build(args: argparse.Namespace) -> int:
    from generator.publish.mkdocs_yml import check_mkdocs_yml

    if args.scholen:
        return cmd_build_board(args)
    if args.naar:
        print(
            "--naar hoort bij --scholen: de site van één school staat altijd in site/.",
            file=sys.stderr,
        )
        return 1
    project = _project(args)
    _setup_logging(args.verbose)
    engine_problems = check_mkdocs_yml(project.config_file)
    if engine_problems:  # in Dutch at its line, before MkDocs says it in English
        print(format_report(engine_problems, project.root), file=sys.stderr)
        return 1
    if args.definitief:
        refusal = still_concept(project.content)
        if refusal is not None:
            print(refusal.format(project.root), file=sys.stderr)
            return 1
    site_url = None
    if args.site_url:
        import re

        from generator.content.model import SITE_ADDRESS
        from generator.site.plan import site_url as as_site_url

        if not re.match(SITE_ADDRESS, args.site_url):
            print(
                f"--site-url {args.site_url}: dit is geen webadres. Schrijf het volledige adres "
                "van de site, bijvoorbeeld https://intranet.school.nl/pestprotocol/",
                file=sys.stderr,
            )
            return 1
        site_url = as_site_url(args.site_url)
    try:
        generated = build_site(project, site_url)
        offline_files = 0
        if args.offline:
            from generator.publish.offline import build_offline

            offline_files = build_offline(project)
    except ContentError as error:
        print(error.report(project.root), file=sys.stderr)
        return 1
    except TemplateError as error:
        print(template_error(error, project), file=sys.stderr)
        return 1
    except BuildError as error:
        print(
            f"De site kon niet gebouwd worden: {error}\n"
            "De vorige versie in site/ blijft staan. Kijk bij de WARNING-regels hierboven "
            "welke pagina of link het probleem is.",
            file=sys.stderr,
        )
        return 1
    if generated.problems:
        print(
            f"Let op: {len(generated.problems)} waarschuwing(en), bijvoorbeeld gegevens die nog "
            "niet zijn ingevuld. 'stappenwijzer check' toont ze allemaal.",
            file=sys.stderr,
        )
    print(f"De site staat in {project.site_dir}.")
    if args.offline:
        print(
            f"Het offline pakket ({offline_files} bestanden) staat in {project.offline_zip}: "
            "uitpakken op de schijf of USB-stick en pestprotocol/index.html openen."
        )
    return 0


def cmd_build_board(args: argparse.Namespace) -> int:
    import time

    from generator.publish.board import build_board, read_board
    from generator.publish.mkdocs_yml import check_mkdocs_yml

    _setup_logging(args.verbose)
    start = time.perf_counter()
    folder = Path(args.scholen)
    board = read_board(
        folder, Path.cwd() / DEFAULT_TEMPLATES, Path(args.naar) if args.naar else None
    )
    base = board.folder.parent
    if board.problems:
        print(format_report(board.problems, base), file=sys.stderr)
    if not board.schools:
        return 1
    config = board.schools[0].project.config_file
    engine_problems = check_mkdocs_yml(config)
    if engine_problems:
        print(format_report(engine_problems, base), file=sys.stderr)
        return 1
    results = build_board(board, args.jobs, definitief=args.definitief)
    for school, result in zip(board.schools, results, strict=True):
        if result.ok:
            note = f", {result.warnings} waarschuwing(en)" if result.warnings else ""
            same = " (ongewijzigd, niet opnieuw gebouwd)" if result.current else ""
            print(f"{result.school}: de site staat in {school.project.site_dir}{same}{note}.")
    refused = [r for r in results if r.refused]
    failed = [r for r in results if not r.ok and not r.refused]
    for result in refused:
        print(
            f"\n{result.school}: NIET gebouwd, want nog een concept. De vorige site van "
            f"{result.school} blijft staan.\n{result.report}",
            file=sys.stderr,
        )
    for result in failed:
        print(
            f"\n{result.school}: NIET bijgewerkt. De vorige site van {result.school} blijft "
            f"staan.\n{result.report}",
            file=sys.stderr,
        )
    seconds = time.perf_counter() - start
    shown = f"{seconds:.1f}".replace(".", ",")
    ok = [r for r in results if r.ok]
    current = sum(r.current for r in ok)
    summary = f"{len(ok)} van {len(results)} scholen klaar in {shown} s"
    if current:
        summary += f" ({len(ok) - current} gebouwd, {current} ongewijzigd)"
    if refused:
        summary += f"; nog een concept: {', '.join(r.school for r in refused)}"
    if failed:
        summary += f"; mislukt: {', '.join(r.school for r in failed)}"
    if refused or failed:
        print(f"\n{summary}.", file=sys.stderr)
        return 1
    print(f"{summary}.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.publish.serve import serve_project

    taken = _port_problem(args.port)
    if taken is not None:
        print(taken, file=sys.stderr)
        return 1
    project = _project(args)
    _setup_logging(args.verbose, quiet=True)
    if not args.verbose:
        logging.getLogger("mkdocs").setLevel(logging.CRITICAL + 1)  # Dutch only (serve.py)
    serve_project(project, args.port)
    return 0


def _port_problem(port: int) -> str | None:
    """Why ``serve`` cannot use ``port`` (in Dutch, with what to do), or None."""
    import socket

    if not 1024 <= port <= 65535:
        return f"--port {port}: kies een poort van 1024 tot en met 65535, bijv. --port 8001."
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return (
                f"Poort {port} is al in gebruik, misschien door 'serve' in een ander venster. "
                f"Stop dat met Ctrl+C, of kies een andere poort: stappenwijzer serve --port "
                f"{port + 1 if port < 65535 else 8001}"
            )
    return None


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.content import schema as schema

    written = schema.export(Path(args.out))
    for path in written:
        print(path)
    return 0


def cmd_importeer(args: argparse.Namespace) -> int:
    from generator.importing.run import ImportError_, import_document, report

    target = Path(args.naar)
    try:
        imported = import_document(Path(args.document), target)
    except ImportError_ as error:
        print(str(error), file=sys.stderr)
        return 1
    print(report(imported, target))
    return 0


def cmd_versie(args: argparse.Namespace) -> int:
    from generator.content.bump import bump

    project = _project(args)
    try:
        done = bump(project.content, args.wijziging, major=args.groot, version=args.nummer)
    except ContentError as error:
        print(
            format_report(error.problems, project.root, after="Er is niets veranderd."),
            file=sys.stderr,
        )
        return 1
    now = (
        f"Versie {done.new} stond al in {_shown(done.school, project)}; de wijziging"
        if done.old == done.new
        else f"Versie {done.old} is nu {done.new} ({_shown(done.school, project)}), en de wijziging"
    )
    print(
        f"{now} van {done.datum.isoformat()} staat in {_shown(done.wijzigingen, project)}. "
        "Besloot de MR hierover, vul dan ook de nieuwe datum in bij 'instemming_mr' in "
        "school.yml (en bij 'vastgesteld' als het protocol opnieuw is vastgesteld). Draai "
        "daarna 'stappenwijzer build' om de site bij te werken."
    )
    return 0


def _shown(path: Path, project: Project) -> str:
    with contextlib.suppress(ValueError):
        return str(path.relative_to(project.root))
    return str(path)


def cmd_nieuw(args: argparse.Namespace) -> int:
    from generator.importing.write import copy_starter

    target = Path(args.map)
    if target.exists() and any(target.iterdir()):
        print(
            f"De map {target} bestaat al en is niet leeg. Kies een nieuwe map; zo wordt er "
            "nooit iets overschreven.",
            file=sys.stderr,
        )
        return 1
    target.mkdir(parents=True, exist_ok=True)
    copy_starter(target, example_step=True)
    print(
        f"Een lege school staat in {target}. Vul de bestanden in (tekst tussen [ ] is nog in te "
        f"vullen) en draai 'stappenwijzer check --content {target}': dat zegt wat er nog "
        "ontbreekt, met bestand en regel."
    )
    return 0


def parser() -> argparse.ArgumentParser:
    main = DutchArgumentParser(
        prog="stappenwijzer",
        description="Maakt van het pestprotocol in content/ een intranetsite.",
    )
    sub = main.add_subparsers(dest="command", required=True, metavar="COMMANDO")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--content",
            default=str(DEFAULT_CONTENT),
            metavar="MAP",
            help="map met het protocol (standaard: content)",
        )
        p.add_argument("-v", "--verbose", action="store_true", help="meer uitvoer")
        return p

    check = add("check", "Controleer de inhoud en meld alle fouten.")
    check.add_argument(
        "--scholen", metavar="MAP", help="controleer elke school van een bestuur (zie README)"
    )
    check.set_defaults(func=cmd_check)
    build = add("build", "Controleer, genereer en publiceer de site in site/.")
    build.add_argument(
        "--scholen",
        metavar="MAP",
        help="bouw een site per school van een bestuur: MAP/protocol/ is het gedeelde protocol, "
        "MAP/<school>/school.yml de gegevens van elke school (zie README)",
    )
    build.add_argument(
        "--naar",
        metavar="MAP",
        help="met --scholen: de sites komen in MAP/<school>/ (standaard: MAP van --scholen/site)",
    )
    build.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="met --scholen: zoveel scholen tegelijk (standaard: het aantal cores)",
    )
    build.add_argument(
        "--offline",
        action="store_true",
        help="maak ook het offline pakket (pestprotocol-offline.zip) voor een netwerkschijf, "
        "Teams of USB-stick: werkt zonder webserver",
    )
    build.add_argument(
        "--site-url",
        metavar="ADRES",
        help="webadres van de site, bijv. https://intranet.school.nl/pestprotocol/ "
        "(gaat voor 'site_adres' in school.yml)",
    )
    build.add_argument(
        "--definitief",
        action="store_true",
        help="alleen bouwen als het protocol is vastgesteld (niets meer tussen [ ] in "
        "school.yml en 'vastgesteld' ingevuld)",
    )
    build.set_defaults(func=cmd_build)
    serve = add("serve", "Bouw en toon de site op 127.0.0.1, en ververs bij elke wijziging.")
    serve.add_argument(
        "--port", type=int, default=8000, metavar="POORT", help="poort (standaard: 8000)"
    )
    serve.set_defaults(func=cmd_serve)
    importeer = sub.add_parser(
        "importeer",
        help="Maak een concept van content/ uit het protocol van de school (.docx, .odt, .txt).",
    )
    importeer.add_argument("document", metavar="DOCUMENT", help="het protocol (.docx, .odt, .txt)")
    importeer.add_argument(
        "--naar", required=True, metavar="MAP", help="nieuwe map voor het concept"
    )
    importeer.set_defaults(func=cmd_importeer)
    versie = add(
        "versie",
        "Een nieuwe versie in één stap: verhoog 'versie' in school.yml en zet de wijziging in "
        "wijzigingen.yml.",
    )
    versie.add_argument(
        "wijziging", metavar="WIJZIGING", help='wat er veranderde, bijv. "De MR besloot ..."'
    )
    versie.add_argument(
        "--groot", action="store_true", help="een grote wijziging: 1.3 wordt 2.0 (standaard 1.4)"
    )
    versie.add_argument("--nummer", metavar="VERSIE", help="kies de nieuwe versie zelf, bijv. 2.0")
    versie.set_defaults(func=cmd_versie)
    nieuw = sub.add_parser("nieuw", help="Begin een lege school: de bestanden met voorbeelden.")
    nieuw.add_argument("map", metavar="MAP", help="nieuwe map, bijv. content")
    nieuw.set_defaults(func=cmd_nieuw)
    schema_cmd = sub.add_parser(
        "schema", help="Schrijf de JSON Schema-bestanden voor editors (VS Code)."
    )
    schema_cmd.add_argument("--out", default="schema", metavar="MAP")
    schema_cmd.set_defaults(func=cmd_schema)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Gestopt. De vorige versie van de site in site/ blijft staan.", file=sys.stderr)
        return 130
    except Exception as error:  # the last resort: a traceback is a bug, said in Dutch
        if getattr(args, "verbose", False):
            traceback.print_exc()
        print(
            f"Er ging iets mis in Stappenwijzer zelf ({type(error).__name__}): dit is een fout "
            "in het programma, niet in jouw tekst; de vorige site blijft staan, en met -v zie "
            "je de details om te melden.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
