"""The site plan: every output of a build, with its path, title, template and menu place.

``plan_site`` is the one place that decides what the site holds. Pages, PDFs, the menu, the list
of sources, the charts and the templates all read paths and titles from its records (paths are
spelled in generator.site.paths, words in site_templates/labels.yml). Each page has one title: it
is the page's h1, the start of its <title> (front matter) and its menu label, unless the record
declares a short form for the menu.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.content.facts import acting
from generator.content.model import Formulier, Protocol, Stap, Uitkomst
from generator.content.routing import Guide, GuidePage
from generator.site.herkomst import proposals
from generator.site import context, paths
from generator.site.flowchart import (
    PAPERS,
    Chart,
    guide_rows,
    guide_tree,
    on_paper,
    step_plan,
    step_plan_rows,
)
from generator.site.labels import Labels

TOP = ""
BOOST_ACT = 3.0
"""Search boost of the pages a teacher acts on: the step pages and the guide's start."""
"""Menu place of a page at the top level of the menu."""


@dataclass(frozen=True)
class Page:
    """A Markdown page of the generated docs."""

    path: str
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    menu: str | None = None
    """The menu section (a key under 'menu' in labels.yml), TOP, or None: not in the menu."""
    menu_label: str | None = None
    """A declared short form of the title for the menu."""
    search: bool = True
    """Whether the search index holds this page."""
    boost: float | None = None
    """Search ranking weight (Material's search.boost): what a teacher acts on ranks first."""
    hide: tuple[str, ...] = ()
    """Material's parts to hide on this page (navigation, toc)."""

    @property
    def label(self) -> str:
        return self.menu_label or self.title

    @property
    def url(self) -> str:
        return paths.site_url(self.path)


@dataclass(frozen=True)
class Pdf:
    """A print document rendered to PDF from an HTML template."""

    path: str
    title: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Asset:
    """A file copied as it is (CSS, JavaScript)."""

    path: str
    source: Path


@dataclass(frozen=True)
class SitePlan:
    site_name: str
    pages: list[Page]
    pdfs: list[Pdf]
    assets: list[Asset]
    charts: dict[str, Chart]
    protocol_facts: dict[str, str]
    section_labels: dict[str, str]
    search_words: dict[str, list[str]] = field(default_factory=dict)
    """Extra words for the search index, by published page URL (content/zoekwoorden.yml)."""
    site_url: str | None = None
    """The site's address on the intranet (school.yml ``site_adres``), ending in '/'."""

    def page(self, path: str) -> Page:
        for page in self.pages:
            if page.path == path:
                return page
        raise KeyError(path)

    def nav(self) -> list[Any]:
        """The MkDocs navigation: menu pages in plan order, grouped by their section."""
        nav: list[Any] = []
        sections: dict[str, list[Any]] = {}
        for page in self.pages:
            if page.menu is None:
                continue
            entry = {page.label: page.path}
            if page.menu == TOP:
                nav.append(entry)
                continue
            if page.menu not in sections:
                sections[page.menu] = []
                nav.append({self.section_labels[page.menu]: sections[page.menu]})
            sections[page.menu].append(entry)
        return nav


def _guide_page(protocol: Protocol, labels: Labels, guide: Guide, gp: GuidePage) -> Page:
    path = paths.guide(gp.path)
    start = not gp.path
    common: dict[str, Any] = {
        "menu": TOP if start else None,
        "menu_label": labels("menu.wegwijzer") if start else None,
        "search": start,
        "boost": BOOST_ACT if start else None,
        "hide": ("navigation", "toc"),
    }
    if not gp.is_outcome:
        vraag = gp.node
        antwoorden = [(a, paths.guide((*gp.path, a.id))) for a in vraag.antwoorden]
        return Page(
            path,
            vraag.vraag,
            "wegwijzer-vraag.md.j2",
            {"gp": gp, "vraag": vraag, "antwoorden": antwoorden},
            **common,
        )
    uitkomst = gp.node
    stap = protocol.stap(uitkomst.stap) if uitkomst.stap is not None else None
    title = (
        labels("titels.uitkomst_stap", nummer=stap.nummer, titel=uitkomst.titel)
        if stap
        else uitkomst.titel
    )
    ctx = {
        "gp": gp,
        "uitkomst": uitkomst,
        "stap": stap,
        "formulier": _outcome_form(protocol, stap, uitkomst),
        "rollen": [r.rol for r in acting(stap)] if stap else list(uitkomst.rollen),
        "informeren": context.informed(protocol, stap) if stap else None,
        # An outcome of ours on a step (e.g. "the evaluations are done") does not repeat the
        # step's schedule.
        "opvolging": context.follow_up(protocol, stap) if stap and not uitkomst.toevoeging else None,
        "tips": guide.tips_for(gp),
        "bellen": [protocol.school.contacten[c] for c in uitkomst.contacten],
        "verder": [
            (antwoord, paths.guide((*uitkomst.verder[:-1], antwoord.id)))
            for antwoord in guide.continue_options(uitkomst)
        ],
        "uitleg": [
            (pagina.titel, paths.onboarding(pagina.id))
            for wanted in uitkomst.uitleg
            for pagina in (protocol.nieuw.paginas if protocol.nieuw else ())
            if pagina.id == wanted
        ],
    }
    return Page(path, title, "wegwijzer-uitkomst.md.j2", ctx, **common)


def _outcome_form(protocol: Protocol, stap: Stap | None, uitkomst: Uitkomst) -> Formulier | None:
    """The worksheet an outcome points to: its step's, or its own (e.g. the case log)."""
    if stap is not None:
        return protocol.formulier(stap.formulier) if stap.formulier else None
    return protocol.formulier(uitkomst.formulier) if uitkomst.formulier else None


def _step_pages(protocol: Protocol, labels: Labels) -> list[Page]:
    stappen = protocol.stappen
    result = []
    for i, stap in enumerate(stappen):
        ctx = {
            "stap": stap,
            "vorige": stappen[i - 1] if i > 0 else None,
            "volgende": stappen[i + 1] if i + 1 < len(stappen) else None,
            "formulier": protocol.formulier(stap.formulier) if stap.formulier else None,
            "planner": context.planner(protocol, stap),
            "uitkomst": context.step_outcome(protocol, stap),
            "opvolging": context.follow_up(protocol, stap),
            "informeren": context.informed(protocol, stap),
        }
        title = labels("titels.stap", nummer=stap.nummer, titel=stap.korte_titel)
        result.append(
            Page(
                paths.step(stap.nummer),
                title,
                "stap.md.j2",
                ctx,
                menu="stappenplan",
                boost=BOOST_ACT,
            )
        )
    return result


def _guide_chart_pages(
    protocol: Protocol, labels: Labels, charts: dict[str, Chart]
) -> list[Page]:
    if "wegwijzer" not in charts:
        return []
    return [
        Page(
            paths.GUIDE_CHART,
            labels("titels.schema_wegwijzer"),
            "schema-wegwijzer.md.j2",
            {"chart": charts["wegwijzer"], "rows": guide_rows(protocol, labels)},
            menu="stappenplan",
        )
    ]


def _worksheet_pages(protocol: Protocol, labels: Labels) -> list[Page]:
    result = [
        Page(
            paths.WORKSHEETS,
            labels("titels.formulieren"),
            "formulieren.md.j2",
            menu="formulieren",
            menu_label=labels("menu.alle_formulieren"),
        )
    ]
    for f in protocol.formulieren.formulieren:
        result.append(
            Page(
                paths.worksheet(f.id),
                labels("titels.formulier", titel=f.titel),
                "formulier.md.j2",
                context.worksheet(protocol, f),
                menu="formulieren",
                menu_label=labels("menu.formulier", titel=f.titel),
            )
        )
    return result


def _role_pages(protocol: Protocol, labels: Labels) -> list[Page]:
    acting = context.roles_in_steps(protocol)
    return [
        Page(
            paths.ROLES,
            labels("titels.rollen"),
            "rollen.md.j2",
            menu="rollen",
            menu_label=labels("menu.alle_rollen"),
        ),
        *[
            Page(
                paths.role(r.id),
                r.naam,
                "rol.md.j2",
                {"rol": r, "stappen": acting[r.id]},
                menu="rollen",
            )
            for r in protocol.rollen
        ],
    ]


def _guide_pages(protocol: Protocol, labels: Labels) -> list[Page]:
    """The guide 'Welke stap nu?', or without wegwijzer.yml one plain page to choose the step
    from (same path, same menu place)."""
    if protocol.wegwijzer is not None:
        guide = Guide(protocol.wegwijzer)
        return [_guide_page(protocol, labels, guide, gp) for gp in guide.pages()]
    return [
        Page(
            paths.guide(),
            labels("titels.kies_de_stap"),
            "kies-de-stap.md.j2",
            menu=TOP,
            menu_label=labels("menu.wegwijzer"),
            boost=BOOST_ACT,
        )
    ]


def _chapter_pages(protocol: Protocol) -> list[Page]:
    """The parts of the protocol outside the step plan, verbatim, one page each."""
    return [
        Page(paths.chapter(h.id), h.titel, "hoofdstuk.md.j2", {"hoofdstuk": h}, menu="protocol")
        for h in protocol.hoofdstukken
    ]


def _onboarding_pages(protocol: Protocol, labels: Labels) -> list[Page]:
    if protocol.nieuw is None:
        return []
    paginas = protocol.nieuw.paginas
    result = [
        Page(
            paths.ONBOARDING,
            labels("titels.nieuw"),
            "nieuw.md.j2",
            menu="nieuw",
            menu_label=labels("menu.nieuw_start"),
        )
    ]
    for i, pagina in enumerate(paginas):
        ctx = {
            "p": pagina,
            "nummer": i + 1,
            "totaal": len(paginas),
            "vorige": paginas[i - 1] if i > 0 else None,
            "volgende": paginas[i + 1] if i + 1 < len(paginas) else None,
            "cases": context.practice_cases(protocol) if pagina.onderdeel == "oefenen" else [],
        }
        result.append(
            Page(paths.onboarding(pagina.id), pagina.titel, "nieuw-pagina.md.j2", ctx, "nieuw")
        )
    return result


def _reference_pages(labels: Labels) -> list[Page]:
    """Glossary, changes, sources and the coordinator's pages (sources are filled in later)."""
    return [
        Page(paths.GLOSSARY, labels("titels.begrippen"), "begrippen.md.j2", menu="over"),
        Page(paths.CHANGES, labels("titels.wat_is_er_nieuw"), "wat-is-er-nieuw.md.j2", menu="over"),
        Page(paths.SOURCES, labels("titels.bronnen"), "bronnen.md.j2", menu="over"),
        Page(paths.ABOUT, labels("titels.over_deze_site"), "over-deze-site.md.j2", menu="over"),
        Page(
            paths.ACCESSIBILITY,
            labels("titels.toegankelijkheid"),
            "toegankelijkheid.md.j2",
            menu="over",
        ),
    ]


def _coordinator_pages(labels: Labels) -> list[Page]:
    """The APC's pages: last in the menu, in their own section, and out of the search index
    (a teacher's query must not land on maintenance notes)."""
    return [
        Page(
            paths.MAINTENANCE,
            labels("titels.beheer"),
            "beheer.md.j2",
            menu="voor_apc",
            menu_label=labels("menu.beheer"),
            search=False,
        ),
        Page(
            paths.OPEN_QUESTIONS,
            labels("titels.te_bevestigen"),
            "te-bevestigen.md.j2",
            menu="voor_apc",
            search=False,
        ),
    ]


def _pdfs(protocol: Protocol, labels: Labels) -> list[Pdf]:
    result = [
        Pdf(
            paths.worksheet_pdf(f.id),
            labels("titels.formulier", titel=f.titel),
            "print/formulier.html.j2",
            context.worksheet(protocol, f),
        )
        for f in protocol.formulieren.formulieren
    ]
    for size, path in paths.STEP_PLAN_PDFS.items():
        chart, slices = on_paper(protocol, labels, PAPERS[size])
        result.append(
            Pdf(
                path,
                labels("schema.stappenplan_titel"),
                "print/schema.html.j2",
                {
                    "chart": chart,
                    "slices": slices,
                    "paper": PAPERS[size],
                    "legenda": labels("schema.legenda"),
                    "vervolg": labels("schema.vervolg"),
                    "link": None,
                },
            )
        )
    result.append(Pdf(paths.SUMMARY_PDF, labels("titels.home"), "print/spiekbriefje.html.j2"))
    result.append(
        Pdf(
            paths.BOOKLET_PDF,
            labels("titels.boekje"),
            "print/boekje.html.j2",
            {
                "chart": step_plan(protocol, labels),
                "link": None,
                "formulier_bijlagen": [
                    context.worksheet(protocol, f) for f in protocol.formulieren.formulieren
                ],
            },
        )
    )
    return result


def _assets(templates_dir: Path) -> list[Asset]:
    folder = templates_dir / paths.ASSETS
    return [
        Asset(paths.asset(p.relative_to(folder).as_posix()), p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]


def protocol_facts(protocol: Protocol) -> dict[str, str]:
    """The protocol's version and dates, shown on every page (through the engine config)."""
    from generator.site.render import datum

    school = protocol.school
    return {
        "titel": school.titel_ingevuld,
        "school": school.naam_ingevuld or "",
        "versie": school.versie,
        "vastgesteld": datum(school.vastgesteld),
        "instemming_mr": datum(school.instemming_mr),
        # The one derived state (content/status.py); empty means adopted.
        "concept": "concept" if protocol.status.concept else "",
        "open": str(len(protocol.status.open)),
        "beheer": paths.site_url(paths.MAINTENANCE),
    }


def plan_site(protocol: Protocol, labels: Labels, templates_dir: Path) -> SitePlan:
    """Every output of the site, pages in menu order."""
    charts = {"stappenplan": step_plan(protocol, labels)}
    if protocol.wegwijzer is not None:
        charts["wegwijzer"] = guide_tree(protocol, labels)
    guide_pages = _guide_pages(protocol, labels)
    pages = [
        Page(
            paths.HOME,
            labels("titels.home"),
            "home.md.j2",
            menu=TOP,
            menu_label=labels("menu.home"),
            hide=("navigation", "toc"),
        ),
        *guide_pages,
        Page(
            paths.OVERVIEW,
            labels("titels.overzicht"),
            "overzicht.md.j2",
            {"chart": charts["stappenplan"], "rows": step_plan_rows(protocol, labels)},
            menu="stappenplan",
            menu_label=labels("menu.overzicht"),
        ),
        *_step_pages(protocol, labels),
        *_guide_chart_pages(protocol, labels, charts),
        *_chapter_pages(protocol),
        *_worksheet_pages(protocol, labels),
        *_role_pages(protocol, labels),
        *_onboarding_pages(protocol, labels),
        *_reference_pages(labels),
        *_coordinator_pages(labels),
    ]
    titles = {p.path: p.title for p in pages}
    bronnen = context.sources(protocol, labels, titles)
    voorstellen = proposals(protocol, pages)
    extra = {
        paths.SOURCES: {"bronnen": bronnen},
        paths.OPEN_QUESTIONS: {"voorstellen": voorstellen},
        paths.MAINTENANCE: {"gegevens": context.fact_table(protocol)},
    }
    pages = [replace(p, context=extra[p.path]) if p.path in extra else p for p in pages]
    return SitePlan(
        site_name=labels(
            "site_naam" if protocol.school.naam_ingevuld else "site_naam_zonder_school",
            titel=protocol.school.korte_titel or protocol.school.titel_ingevuld,
            school=protocol.school.naam_ingevuld or "",
        ),
        pages=pages,
        pdfs=_pdfs(protocol, labels),
        assets=_assets(templates_dir),
        charts=charts,
        protocol_facts=protocol_facts(protocol),
        section_labels=labels.texts["menu"],
        search_words=context.search_words(protocol, [p for p in pages if p.search]),
        site_url=site_url(protocol.school.site_adres),
    )


def site_url(address: str | None) -> str | None:
    """An address as MkDocs wants ``site_url``: ending in '/' (a sub-folder is a folder)."""
    if not address:
        return None
    return address if address.endswith("/") else address + "/"
