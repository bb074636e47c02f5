"""What a page is made from, beyond the protocol itself: derived data for the templates.

Each function takes the typed protocol and returns plain data; the markup is in
site_templates/. Paths come from generator.site.paths.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from generator.content import facts
from generator.content.facts import informed_by
from generator.content.model import (
    CLOSED,
    Bron,
    Formulier,
    Moment,
    Protocol,
    STEP_DIR,
    RolInStap,
    Stap,
)
from generator.content.routing import Guide
from generator.site import paths
from generator.site.labels import Labels

PLANNER_EXAMPLE = dt.date(2026, 1, 30)
"""A Friday whose follow-up dates show both rules: a weekend and a short month."""


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


def informed(protocol: Protocol, stap: Stap) -> tuple[Stap, list[RolInStap]]:
    """Whom to inform after ``stap``, from the roles of the step (facts.informed_by): the step
    the roles come from and the roles, none when the protocol names no one."""
    return informed_by(stap, {s.nummer: s for s in protocol.stappen})


def step_outcome(protocol: Protocol, stap: Stap) -> Any:
    """The guide's outcome for ``stap`` (what to do now, by when, whom to inform), or None when
    the protocol has no guide data for it: the step page's action block then shows what the
    step itself says."""
    guide = getattr(protocol, "wegwijzer", None)
    for uitkomst in guide.uitkomsten if guide else ():
        if uitkomst.stap == stap.nummer:
            return uitkomst
    return None


def planner(protocol: Protocol, stap: Stap | None) -> dict[str, Any] | None:
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
    """The step 4 mail with [blanks] for the teacher's fields, as shown without JavaScript
    (empty when the protocol has no mail)."""
    if protocol.mail is None:
        return ""
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


def worksheet(protocol: Protocol, formulier: Formulier) -> dict[str, Any]:
    stap = protocol.stap(formulier.stap) if formulier.stap is not None else None
    return {
        "f": formulier,
        "stap": stap,
        "formulieren": protocol.formulieren,
        "privacy_kort": protocol.formulieren.privacy.split(". ")[0].rstrip(".") + ".",
        "planner": planner(protocol, stap),
    }


def roles_in_steps(protocol: Protocol) -> dict[str, list[tuple[Stap, str]]]:
    """For each role, the steps it acts in and its task there, in step order."""
    acting: dict[str, list[tuple[Stap, str]]] = {r.id: [] for r in protocol.rollen}
    for stap in protocol.stappen:
        for entry in stap.rollen:
            acting[entry.rol].append((stap, entry.taak))
    return acting


def practice_cases(protocol: Protocol) -> list[dict[str, Any]]:
    """The guide's scenarios as practice cases, each with what the guide gives for them."""
    if protocol.wegwijzer is None:
        return []
    guide = Guide(protocol.wegwijzer)
    cases = []
    for scenario in protocol.scenarios:
        uitkomst, given = guide.walk(scenario.antwoorden)
        cases.append(
            {
                "scenario": scenario,
                "uitkomst": uitkomst,
                "given": given,
                "page": paths.guide(tuple(scenario.antwoorden)),
            }
        )
    return cases


def sources(
    protocol: Protocol, labels: Labels, titles: dict[str, str]
) -> list[tuple[Bron, list[tuple[str, str]]]]:
    """Every public source of our additions, with the pages that use it (title, path).
    ``titles`` gives each planned page's title by path."""
    used: dict[str, tuple[Bron, list[tuple[str, str]]]] = {}

    def add(bronnen: list[Bron], path: str, titel: str | None = None) -> None:
        for bron in bronnen:
            entry = used.setdefault(bron.url or bron.titel, (bron, []))
            place = (titel or titles[path], path)
            if place not in entry[1]:
                entry[1].append(place)

    for stap in protocol.stappen:
        for t in stap.toelichting:
            add(t.bronnen, paths.step(stap.nummer), labels("bronnen.stap", nummer=stap.nummer))
    for begrip in protocol.begrippen.begrippen:
        add(begrip.bronnen, paths.GLOSSARY)
    for vraag in protocol.wegwijzer.vragen if protocol.wegwijzer else ():
        if vraag.hulp:
            add(vraag.hulp.bronnen, paths.guide(), labels("menu.wegwijzer"))
    for tip in protocol.wegwijzer.tips if protocol.wegwijzer else ():
        add(tip.bronnen, paths.guide(), labels("menu.wegwijzer"))
    for uitkomst in protocol.wegwijzer.uitkomsten if protocol.wegwijzer else ():
        add([n.bron for n in uitkomst.nummers], paths.guide(), labels("menu.wegwijzer"))
    nieuw = protocol.nieuw
    for pagina in nieuw.paginas if nieuw else ():
        for t in pagina.secties:
            add(t.bronnen, paths.onboarding(pagina.id))
    for vraag in nieuw.open_vragen if nieuw else ():
        add(vraag.bronnen, paths.OPEN_QUESTIONS)
    return sorted(used.values(), key=lambda entry: entry[0].titel.casefold())


def search_words(protocol: Protocol, searchable: list[Any]) -> dict[str, list[str]]:
    """The synonyms of content/zoekwoorden.yml by published page URL. A page that does not
    exist or is not in the search index is a content error."""
    from generator.problems import ContentError, Problem

    urls = {page.url for page in searchable}
    words: dict[str, list[str]] = {}
    problems = []
    for entry in protocol.zoekwoorden.zoekwoorden:
        url = entry.pagina.strip().strip("/")
        if url not in urls:
            problems.append(
                Problem(
                    Path("content/zoekwoorden.yml"),
                    1,
                    1,
                    f"De pagina '{entry.pagina}' bestaat niet of staat niet in de zoekfunctie.",
                    "Schrijf de pagina zoals in de adresbalk na de naam van de site "
                    "(zie het voorbeeld bovenaan content/zoekwoorden.yml).",
                )
            )
            continue
        words.setdefault(url, []).extend(entry.woorden)
    if problems:
        raise ContentError(problems)
    return words


def fact_table(protocol: Protocol) -> list[dict[str, str]]:
    """Every fact a text can name, with its value now and where it is written, for the APC's
    page: the same names as ``{{...}}`` in content/ (content/facts.py)."""
    where = {
        "momenten": "termijn: momenten:",
        "termijn": "termijn: tekst:",
        "wie": "rollen: (zonder op_de_hoogte)",
        "op-de-hoogte": "rollen: met op_de_hoogte: true",
    }
    rows = []
    for name, value in facts.facts(protocol.stappen, protocol.rollen).items():
        step, _, what = name.partition(".")
        kind = "momenten" if "moment" in what else what
        rows.append(
            {
                "naam": name,
                "waarde": value,
                "bestand": f"{STEP_DIR}/{step}.yml",
                "plek": where.get(kind, ""),
            }
        )
    return rows
