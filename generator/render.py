"""Turning the protocol into Markdown pages through the Jinja2 templates in site_templates/.

The templates hold the markup; this module only decides which page is made from which data and
offers a few filters. Every page path is relative to the generated docs directory.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.flowchart import guide_rows, guide_tree, step_plan, step_plan_rows
from generator.guide import Guide, GuidePage, page_file
from generator.model import CLOSED, Formulier, Moment, Protocol, Rol, Stap

PAGE_TEMPLATES = "pages"
GUIDE_CHART = "stappen/schema-wegwijzer.md"
STEP_PLAN_PDFS = {"A4": "stappen/stappenplan-a4.pdf", "A3": "stappen/stappenplan-a3.pdf"}

# Characters that Markdown would read as markup; escaped so the school's text stays verbatim.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]>|#])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(\s)")


def verbatim(text: str) -> str:
    """The school's text as Markdown that renders to exactly this text."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    return _LINE_START.sub(
        lambda m: f"{m.group(1)}{_escape_marker(m.group(2))}{m.group(3)}", escaped
    )


def _escape_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def datum(value: dt.date | None, weekday: bool = False) -> str:
    """A date as Dutch readers write it ("1 september 2026"), or a visible placeholder."""
    if value is None:
        return "nog niet ingevuld"
    return format_date(value, format="EEEE d MMMM y" if weekday else "long", locale="nl")


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    context: dict[str, Any]


def site_url(md_path: str) -> str:
    """The directory URL MkDocs publishes a Markdown page at (use_directory_urls)."""
    if md_path == "index.md" or md_path.endswith("/index.md"):
        return md_path[: -len("index.md")].rstrip("/")
    return md_path[: -len(".md")]


def step_path(nummer: int | str) -> str:
    return f"stappen/stap-{nummer}.md"


def role_path(rol_id: str) -> str:
    return f"rollen/{rol_id}.md"


def worksheet_path(formulier_id: str) -> str:
    return f"formulieren/{formulier_id}.md"


def worksheet_pdf(formulier_id: str) -> str:
    return f"formulieren/{formulier_id}.pdf"


PLANNER_EXAMPLE = dt.date(2026, 1, 30)
"""A Friday whose follow-up dates show both rules: a weekend and a short month."""


def planner_context(protocol: Protocol, stap: Stap | None) -> dict[str, Any] | None:
    """What the follow-up planner needs on a page about ``stap``, or None if nothing follows."""
    from generator.planning import schedule

    found = follow_up(protocol, stap) if stap is not None else None
    if found is None:
        return None
    moment_stap, momenten = found
    return {
        "stap": moment_stap,
        "momenten": [m.model_dump() for m in momenten],
        "voorbeeld_start": PLANNER_EXAMPLE,
        "voorbeeld": schedule(PLANNER_EXAMPLE, momenten),
    }


def worksheet_context(protocol: Protocol, formulier: Formulier) -> dict[str, Any]:
    stap = protocol.stap(formulier.stap) if formulier.stap is not None else None
    return {
        "f": formulier,
        "stap": stap,
        "formulieren": protocol.formulieren,
        "privacy_kort": protocol.formulieren.privacy.split(". ")[0].rstrip(".") + ".",
        "planner": planner_context(protocol, stap),
    }


def roles_in_steps(protocol: Protocol) -> dict[str, list[tuple[Stap, str]]]:
    """For each role, the steps it acts in and its task there, in step order."""
    acting: dict[str, list[tuple[Stap, str]]] = {r.id: [] for r in protocol.rollen}
    for stap in protocol.stappen:
        for entry in stap.rollen:
            acting[entry.rol].append((stap, entry.taak))
    return acting


def follow_up(protocol: Protocol, stap: Stap) -> tuple[Stap, list[Moment]] | None:
    """The follow-up moments that apply after ``stap``: its own, or those of the next step
    (after a mediation talk, the evaluations of step 2)."""
    if stap.termijn.momenten:
        return stap, stap.termijn.momenten
    for overgang in stap.vervolg:
        if overgang.naar != CLOSED:
            volgende = protocol.stap(overgang.naar)
            if volgende.termijn.momenten:
                return volgende, volgende.termijn.momenten
    return None


def guide_page(protocol: Protocol, guide_page: GuidePage) -> Page:
    context: dict[str, Any] = {"gp": guide_page, "start_file": page_file(())}
    if guide_page.is_outcome:
        uitkomst = guide_page.node
        stap = protocol.stap(uitkomst.stap) if uitkomst.stap is not None else None
        context.update(
            uitkomst=uitkomst,
            stap=stap,
            formulier=protocol.formulier(stap.formulier) if stap and stap.formulier else None,
            opvolging=follow_up(protocol, stap) if stap else None,
        )
        return Page(page_file(guide_page.path), "wegwijzer-uitkomst.md.j2", context)
    context.update(
        vraag=guide_page.node,
        antwoorden=[(a, page_file((*guide_page.path, a.id))) for a in guide_page.node.antwoorden],
    )
    return Page(page_file(guide_page.path), "wegwijzer-vraag.md.j2", context)


def pages(protocol: Protocol) -> list[Page]:
    """Every Markdown page of the site, in navigation order."""
    stappen = protocol.stappen
    result = [Page("index.md", "home.md.j2", {})]
    result += [guide_page(protocol, gp) for gp in Guide(protocol.wegwijzer).pages()]
    result.append(
        Page(
            "stappen/index.md",
            "overzicht.md.j2",
            {"chart": step_plan(protocol), "rows": step_plan_rows(protocol)},
        )
    )
    result.append(
        Page(
            GUIDE_CHART,
            "schema-wegwijzer.md.j2",
            {"chart": guide_tree(protocol), "rows": guide_rows(protocol)},
        )
    )
    for i, stap in enumerate(stappen):
        result.append(
            Page(
                step_path(stap.nummer),
                "stap.md.j2",
                {
                    "stap": stap,
                    "vorige": stappen[i - 1] if i > 0 else None,
                    "volgende": stappen[i + 1] if i + 1 < len(stappen) else None,
                    "formulier": protocol.formulier(stap.formulier) if stap.formulier else None,
                    "planner": planner_context(protocol, stap),
                },
            )
        )
    result.append(Page("formulieren/index.md", "formulieren.md.j2", {}))
    for formulier in protocol.formulieren.formulieren:
        result.append(
            Page(
                worksheet_path(formulier.id),
                "formulier.md.j2",
                worksheet_context(protocol, formulier),
            )
        )
    result.append(Page("rollen/index.md", "rollen.md.j2", {}))
    acting = roles_in_steps(protocol)
    for rol in protocol.rollen:
        result.append(Page(role_path(rol.id), "rol.md.j2", {"rol": rol, "stappen": acting[rol.id]}))
    result += [
        Page("nieuw/index.md", "nieuw.md.j2", {}),
        Page("begrippen.md", "begrippen.md.j2", {}),
        Page("wat-is-er-nieuw.md", "wat-is-er-nieuw.md.j2", {}),
    ]
    return result


def nav(protocol: Protocol) -> list[Any]:
    """The MkDocs navigation, derived from the same data as the pages."""
    return [
        {"Start": "index.md"},
        {"Welke stap nu?": page_file(())},
        {
            "Stappenplan": [
                {"Overzicht en schema": "stappen/index.md"},
                *[
                    {f"Stap {s.nummer}: {s.korte_titel}": step_path(s.nummer)}
                    for s in protocol.stappen
                ],
                {"Schema van de wegwijzer": GUIDE_CHART},
            ]
        },
        {
            "Formulieren": [
                {"Alle formulieren": "formulieren/index.md"},
                *[{f.titel: worksheet_path(f.id)} for f in protocol.formulieren.formulieren],
            ]
        },
        {
            "Rollen": [
                {"Alle rollen": "rollen/index.md"},
                *[{r.naam: role_path(r.id)} for r in protocol.rollen],
            ]
        },
        {"Nieuw op school": "nieuw/index.md"},
        {"Begrippen": "begrippen.md"},
        {"Wat is er nieuw": "wat-is-er-nieuw.md"},
    ]


class Renderer:
    def __init__(self, templates_dir: Path, protocol: Protocol):
        self.protocol = protocol
        self.env = Environment(
            # Pages by their name; partials and print templates by their folder.
            loader=FileSystemLoader([templates_dir / PAGE_TEMPLATES, templates_dir]),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            # HTML templates escape; Markdown templates do not (school text goes through
            # |verbatim there).
            autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        )
        self.env.filters["verbatim"] = verbatim
        apc = protocol.school.contacten.get("apc")
        fixed = {
            "school": protocol.school.naam,
            "apc_naam": (apc.naam if apc else None) or "[naam APC]",
            "apc_email": (apc.email if apc else None) or "[e-mailadres APC]",
        }
        labels = {v.id: f"[{v.label}]" for v in protocol.mail.velden}
        mail_voorbeeld = re.sub(
            r"\{([^{}]*)\}",
            lambda m: fixed.get(m.group(1)) or labels.get(m.group(1), m.group(0)),
            protocol.mail.tekst,
        )
        self.env.filters["datum"] = datum
        self.env.globals.update(
            protocol=protocol,
            school=protocol.school,
            CLOSED=CLOSED,
            step_path=step_path,
            role_path=role_path,
            page_file=page_file,
            worksheet_path=worksheet_path,
            worksheet_pdf=worksheet_pdf,
            mail=protocol.mail,
            mail_voorbeeld=mail_voorbeeld,
            step_plan_pdfs=STEP_PLAN_PDFS,
            guide_chart=GUIDE_CHART,
        )

    def render(self, page: Page) -> str:
        template = self.env.get_template(page.template)

        def url(target: str, anchor: str = "") -> str:
            """A link from this page to another page of the generated docs."""
            rel = posixpath.relpath(target, posixpath.dirname(page.path) or ".")
            return rel + (f"#{anchor}" if anchor else "")

        def link(target: str) -> str:
            """A link in raw HTML (which MkDocs does not rewrite): the published URL of
            ``target`` relative to the published URL of this page."""
            rel = posixpath.relpath(site_url(target) or ".", site_url(page.path) or ".")
            return "./" if rel == "." else rel + "/"

        def rol_info(rol_id: str) -> Rol:
            return self.protocol.rol(rol_id)

        return template.render(page=page, url=url, link=link, rol_info=rol_info, **page.context)

    def render_all(self) -> dict[str, str]:
        return {page.path: self.render(page) for page in pages(self.protocol)}

    def print_documents(self) -> dict[str, str]:
        """Complete HTML documents for the PDFs, by the path of the PDF in the docs."""
        template = self.env.get_template("print/formulier.html.j2")
        documents = {
            worksheet_pdf(f.id): template.render(**worksheet_context(self.protocol, f))
            for f in self.protocol.formulieren.formulieren
        }
        schema = self.env.get_template("print/schema.html.j2")
        chart = step_plan(self.protocol)
        for size, path in STEP_PLAN_PDFS.items():
            documents[path] = schema.render(chart=chart, paper=size, link=None)
        return documents
