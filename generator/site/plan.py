"""Which pages the site has, what each page is made from, and the menu.

Every path is a Markdown file relative to the generated docs directory. The markup of each page
is in site_templates/; this module only decides the pages and their data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.site.flowchart import guide_rows, guide_tree, step_plan, step_plan_rows
from generator.content.routing import Guide, GuidePage, page_file
from generator.content.model import CLOSED, Bron, Formulier, Moment, Protocol, Stap

GUIDE_CHART = "stappen/schema-wegwijzer.md"
SUMMARY_PDF = "nieuw/spiekbriefje.pdf"
STEP_PLAN_PDFS = {"A4": "stappen/stappenplan-a4.pdf", "A3": "stappen/stappenplan-a3.pdf"}


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
    from generator.site.planning import schedule

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


def mail_preview(protocol: Protocol) -> str:
    """The step 4 mail with [blanks] for the teacher's fields, as shown without JavaScript."""
    apc = protocol.school.contacten.get("apc")
    fixed = {
        "school": protocol.school.naam,
        "apc_naam": (apc.naam if apc else None) or "[naam APC]",
        "apc_email": (apc.email if apc else None) or "[e-mailadres APC]",
    }
    labels = {v.id: f"[{v.label}]" for v in protocol.mail.velden}
    return re.sub(
        r"\{([^{}]*)\}",
        lambda m: fixed.get(m.group(1)) or labels.get(m.group(1), m.group(0)),
        protocol.mail.tekst,
    )


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
    result.append(Page("nieuw/index.md", "nieuw.md.j2", {}))
    paginas = protocol.nieuw.paginas
    for i, pagina in enumerate(paginas):
        result.append(
            Page(
                onboarding_path(pagina.id),
                "nieuw-pagina.md.j2",
                {
                    "p": pagina,
                    "nummer": i + 1,
                    "totaal": len(paginas),
                    "vorige": paginas[i - 1] if i > 0 else None,
                    "volgende": paginas[i + 1] if i + 1 < len(paginas) else None,
                    "cases": practice_cases(protocol) if pagina.onderdeel == "oefenen" else [],
                },
            )
        )
    result += [
        Page("begrippen.md", "begrippen.md.j2", {}),
        Page("wat-is-er-nieuw.md", "wat-is-er-nieuw.md.j2", {}),
        Page("bronnen.md", "bronnen.md.j2", {"bronnen": sources(protocol)}),
        Page("te-bevestigen.md", "te-bevestigen.md.j2", {}),
        Page("beheer.md", "beheer.md.j2", {}),
    ]
    return result


def onboarding_path(pagina_id: str) -> str:
    return f"nieuw/{pagina_id}.md"


def practice_cases(protocol: Protocol) -> list[dict[str, Any]]:
    """The guide's scenarios as practice cases, each with what the guide gives for them."""
    guide = Guide(protocol.wegwijzer)
    cases = []
    for scenario in protocol.scenarios:
        uitkomst, given = guide.walk(scenario.antwoorden)
        cases.append(
            {
                "scenario": scenario,
                "uitkomst": uitkomst,
                "given": given,
                "page": page_file(tuple(scenario.antwoorden)),
            }
        )
    return cases


def sources(protocol: Protocol) -> list[tuple[Bron, list[tuple[str, str]]]]:
    """Every public source of our additions, with the pages that use it."""
    used: dict[str, tuple[Bron, list[tuple[str, str]]]] = {}

    def add(bronnen: list[Bron], titel: str, path: str) -> None:
        for bron in bronnen:
            entry = used.setdefault(bron.url or bron.titel, (bron, []))
            if (titel, path) not in entry[1]:
                entry[1].append((titel, path))

    for stap in protocol.stappen:
        for t in stap.toelichting:
            add(t.bronnen, f"Stap {stap.nummer}", step_path(stap.nummer))
    for begrip in protocol.begrippen.begrippen:
        add(begrip.bronnen, "Begrippen", "begrippen.md")
    for vraag in protocol.wegwijzer.vragen:
        if vraag.hulp:
            add(vraag.hulp.bronnen, "Welke stap nu?", page_file(()))
    for pagina in protocol.nieuw.paginas:
        for t in pagina.secties:
            add(t.bronnen, pagina.titel, onboarding_path(pagina.id))
    for vraag in protocol.nieuw.open_vragen:
        add(vraag.bronnen, "Te bevestigen door de APC", "te-bevestigen.md")
    return sorted(used.values(), key=lambda entry: entry[0].titel.casefold())


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
        {
            "Nieuw op school": [
                {"Start": "nieuw/index.md"},
                *[{p.titel: onboarding_path(p.id)} for p in protocol.nieuw.paginas],
            ]
        },
        {
            "Over dit protocol": [
                {"Begrippen": "begrippen.md"},
                {"Wat is er nieuw": "wat-is-er-nieuw.md"},
                {"Bronnen": "bronnen.md"},
                {"Te bevestigen door de APC": "te-bevestigen.md"},
                {"Voor de APC: bijhouden": "beheer.md"},
            ]
        },
    ]
