"""Checks of the guide "Welke stap nu?" and its scenarios (the routing is in routing.py)."""

from __future__ import annotations

import statistics

from generator.content.model import Scenario, Vraag, Wegwijzer
from generator.content.routing import Guide
from generator.content.yamlfile import YamlFile
from generator.problems import Problem

MAX_ANSWERS = 4
"""No outcome further than this many answers from the start."""
MAX_MEDIAN_ANSWERS = 3
"""The median number of answers, over all outcome pages and over the scenarios, at most this."""


def check_guide(
    file: YamlFile,
    wegwijzer: Wegwijzer,
    step_numbers: set[int] | None,
    scenarios_file: YamlFile | None,
    scenarios: list[Scenario] | None,
) -> list[Problem]:
    """Soundness of the guide: targets exist, no cycles, no dead ends, every step reachable
    within MAX_ANSWERS answers; and of the scenarios: each walks to its expected outcome and
    together they use every answer. Later checks only run when the earlier ones pass."""
    problems = _check_ids_and_targets(file, wegwijzer, step_numbers)
    if problems:
        return problems
    guide = Guide(wegwijzer)
    problems, acyclic = _check_cycles_and_length(file, guide)
    if not acyclic:
        return problems
    problems += _check_reachable(file, guide, step_numbers)
    problems += _check_median(file, guide)
    problems += _check_verder(file, guide)
    if scenarios_file is not None and scenarios is not None:
        problems += _check_scenarios(guide, scenarios_file, scenarios, file)
    return problems


def _check_ids_and_targets(
    file: YamlFile, wegwijzer: Wegwijzer, step_numbers: set[int] | None
) -> list[Problem]:
    """Unique ids, a start question that exists, answers and outcomes that point somewhere."""
    problems: list[Problem] = []
    vraag_ids = [v.id for v in wegwijzer.vragen]
    uitkomst_ids = [u.id for u in wegwijzer.uitkomsten]
    seen: set[str] = set()
    for kind, ids in (("vragen", vraag_ids), ("uitkomsten", uitkomst_ids)):
        for i, node_id in enumerate(ids):
            if node_id in seen:
                problems.append(
                    file.problem(
                        (kind, i, "id"),
                        f"De id '{node_id}' komt twee keer voor in de wegwijzer.",
                        "Geef elke vraag en elke uitkomst een eigen id.",
                    )
                )
            seen.add(node_id)
    known = set(vraag_ids) | set(uitkomst_ids)
    if wegwijzer.start not in vraag_ids:
        problems.append(
            file.problem(
                ("start",),
                f"De eerste vraag '{wegwijzer.start}' bestaat niet.",
                "Kies de id van een van de vragen: " + ", ".join(vraag_ids) + ".",
            )
        )
    for i, vraag in enumerate(wegwijzer.vragen):
        answer_ids: set[str] = set()
        for j, antwoord in enumerate(vraag.antwoorden):
            if antwoord.id in answer_ids:
                problems.append(
                    file.problem(
                        ("vragen", i, "antwoorden", j, "id"),
                        f"De vraag '{vraag.id}' heeft twee antwoorden met id '{antwoord.id}'.",
                        "Geef elk antwoord binnen een vraag een eigen id (het wordt deel van het "
                        "webadres).",
                    )
                )
            answer_ids.add(antwoord.id)
            if antwoord.naar not in known:
                problems.append(
                    file.problem(
                        ("vragen", i, "antwoorden", j, "naar"),
                        f"Het antwoord '{antwoord.id}' verwijst naar '{antwoord.naar}', maar die "
                        "vraag of uitkomst bestaat niet.",
                        "Kies een id uit: " + ", ".join(sorted(known)) + ".",
                    )
                )
    problems += _check_tip_ids(file, wegwijzer)
    for i, uitkomst in enumerate(wegwijzer.uitkomsten):
        stap = uitkomst.stap
        if step_numbers is not None and stap is not None and stap not in step_numbers:
            problems.append(
                file.problem(
                    ("uitkomsten", i, "stap"),
                    f"De uitkomst '{uitkomst.id}' verwijst naar stap {stap}, maar die stap "
                    "bestaat niet.",
                    "Kies een bestaand stapnummer.",
                )
            )
    return problems


def _check_tip_ids(file: YamlFile, wegwijzer: Wegwijzer) -> list[Problem]:
    """Unique tip ids; every tip an answer or outcome names exists."""
    problems: list[Problem] = []
    known: set[str] = set()
    for i, tip in enumerate(wegwijzer.tips):
        if tip.id in known:
            problems.append(
                file.problem(
                    ("tips", i, "id"),
                    f"De tip '{tip.id}' komt twee keer voor.",
                    "Geef elke tip een eigen id.",
                )
            )
        known.add(tip.id)
    named = [
        (("vragen", i, "antwoorden", j, "tips", k), tip)
        for i, vraag in enumerate(wegwijzer.vragen)
        for j, antwoord in enumerate(vraag.antwoorden)
        for k, tip in enumerate(antwoord.tips)
    ] + [
        (("uitkomsten", i, "tips", k), tip)
        for i, uitkomst in enumerate(wegwijzer.uitkomsten)
        for k, tip in enumerate(uitkomst.tips)
    ]
    for loc, tip in named:
        if tip not in known:
            problems.append(
                file.problem(
                    loc,
                    f"De tip '{tip}' bestaat niet.",
                    "Kies een id uit 'tips' onderaan wegwijzer.yml: "
                    + (", ".join(sorted(known)) or "(nog geen tips)")
                    + ".",
                )
            )
    return problems


def _check_cycles_and_length(file: YamlFile, guide: Guide) -> tuple[list[Problem], bool]:
    """No cycles (a depth-first walk over question ids) and no outcome deeper than
    MAX_ANSWERS answers. Also says whether the walk found no cycle."""
    problems: list[Problem] = []
    index = {v.id: i for i, v in enumerate(guide.wegwijzer.vragen)}
    depth: dict[str, int] = {}  # Longest number of answers from a question to an outcome.
    busy: set[str] = set()

    def longest(vraag_id: str, trail: list[str]) -> int | None:
        if vraag_id in busy:
            cycle = [*trail[trail.index(vraag_id) :], vraag_id]
            problems.append(
                file.problem(
                    ("vragen", index[vraag_id], "id"),
                    "De wegwijzer loopt in een kring: " + " → ".join(cycle) + ".",
                    "Laat een van deze antwoorden naar een andere vraag of naar een uitkomst "
                    "wijzen.",
                )
            )
            return None
        if vraag_id in depth:
            return depth[vraag_id]
        busy.add(vraag_id)
        best = 0
        for antwoord in guide.vragen[vraag_id].antwoorden:
            if antwoord.naar in guide.vragen:
                sub = longest(antwoord.naar, [*trail, vraag_id])
                if sub is None:
                    return None
                best = max(best, sub + 1)
            else:
                best = max(best, 1)
        busy.discard(vraag_id)
        depth[vraag_id] = best
        return best

    total = longest(guide.wegwijzer.start, [])
    if total is None:
        return problems, False
    if total > MAX_ANSWERS:
        problems.append(
            file.problem(
                ("start",),
                f"Een uitkomst vraagt {total} antwoorden; dat mogen er hooguit {MAX_ANSWERS} zijn.",
                "Maak de wegwijzer korter: voeg vragen samen of laat antwoorden eerder naar een "
                "uitkomst wijzen.",
            )
        )
    return problems, True


def _check_reachable(file: YamlFile, guide: Guide, step_numbers: set[int] | None) -> list[Problem]:
    """Every question and outcome can be reached; every step is an outcome."""
    problems: list[Problem] = []
    pages = list(guide.pages())
    reachable_vragen = {p.node.id for p in pages if not p.is_outcome}
    reachable_outcomes = {p.node.id for p in pages if p.is_outcome}
    for i, vraag in enumerate(guide.wegwijzer.vragen):
        if vraag.id not in reachable_vragen:
            problems.append(
                file.problem(
                    ("vragen", i, "id"),
                    f"De vraag '{vraag.id}' is vanaf de eerste vraag niet te bereiken.",
                    "Laat een antwoord naar deze vraag wijzen, of verwijder de vraag.",
                )
            )
    for i, uitkomst in enumerate(guide.wegwijzer.uitkomsten):
        if uitkomst.id not in reachable_outcomes:
            problems.append(
                file.problem(
                    ("uitkomsten", i, "id"),
                    f"De uitkomst '{uitkomst.id}' is vanaf de eerste vraag niet te bereiken.",
                    "Laat een antwoord naar deze uitkomst wijzen, of verwijder de uitkomst.",
                )
            )
    if step_numbers is not None:
        reached_steps = {guide.uitkomsten[u].stap for u in reachable_outcomes} - {None}
        for nummer in sorted(step_numbers - reached_steps):
            problems.append(
                file.problem(
                    ("uitkomsten",),
                    f"Stap {nummer} is geen uitkomst van de wegwijzer.",
                    f"Voeg een uitkomst met 'stap: {nummer}' toe en laat een antwoord ernaartoe "
                    "wijzen.",
                )
            )
    return problems


def _check_median(file: YamlFile, guide: Guide) -> list[Problem]:
    """Most outcomes are quick to reach: the median over every outcome page (every path)."""
    lengths = [len(p.given) for p in guide.pages() if p.is_outcome]
    if not lengths or statistics.median(lengths) <= MAX_MEDIAN_ANSWERS:
        return []
    return [
        file.problem(
            ("start",),
            f"De uitkomsten vragen gemiddeld (mediaan) {statistics.median(lengths)} antwoorden; "
            f"dat mogen er hooguit {MAX_MEDIAN_ANSWERS} zijn.",
            "Laat meer antwoorden eerder naar een uitkomst wijzen.",
        )
    ]


def _check_verder(file: YamlFile, guide: Guide) -> list[Problem]:
    """An outcome's 'verder' (continue in the guide) leads to a question."""
    problems: list[Problem] = []
    for i, uitkomst in enumerate(guide.wegwijzer.uitkomsten):
        if not uitkomst.verder:
            continue
        try:
            node, _ = guide.walk(uitkomst.verder)
        except KeyError as missing:
            problems.append(
                file.problem(
                    ("uitkomsten", i, "verder"),
                    f"'verder' bij de uitkomst '{uitkomst.id}' loopt vast: {missing.args[0]}.",
                    "Geef de antwoorden vanaf de eerste vraag op, die naar een vraag leiden.",
                )
            )
            continue
        if not isinstance(node, Vraag):
            problems.append(
                file.problem(
                    ("uitkomsten", i, "verder"),
                    f"'verder' bij de uitkomst '{uitkomst.id}' eindigt bij een uitkomst, niet "
                    "bij een vraag.",
                    "Laat de antwoorden eindigen bij de vraag waarmee de leerkracht verder gaat.",
                )
            )
    return problems


def _check_scenarios(
    guide: Guide, file: YamlFile, scenarios: list[Scenario], guide_file: YamlFile
) -> list[Problem]:
    problems: list[Problem] = []
    used: set[tuple[str, str]] = set()
    lengths: list[int] = []
    for i, scenario in enumerate(scenarios):
        try:
            node, given = guide.walk(scenario.antwoorden)
        except KeyError as missing:
            problems.append(
                file.problem(
                    ("scenarios", i, "antwoorden"),
                    f"Het scenario '{scenario.id}' loopt vast: {missing.args[0]}.",
                    "Pas de antwoorden van het scenario aan de wegwijzer aan.",
                )
            )
            continue
        used |= {(g.vraag.id, g.antwoord.id) for g in given}
        lengths.append(len(given))
        if node.id != scenario.uitkomst:
            where = "bij de vraag" if isinstance(node, Vraag) else "bij de uitkomst"
            problems.append(
                file.problem(
                    ("scenarios", i, "uitkomst"),
                    f"Het scenario '{scenario.id}' komt {where} '{node.id}' uit, niet bij "
                    f"'{scenario.uitkomst}'.",
                    "Controleer de antwoorden van het scenario, of de route in wegwijzer.yml.",
                )
            )
    for i, vraag in enumerate(guide.wegwijzer.vragen):
        for j, antwoord in enumerate(vraag.antwoorden):
            if (vraag.id, antwoord.id) not in used:
                problems.append(
                    guide_file.problem(
                        ("vragen", i, "antwoorden", j, "id"),
                        f"Geen enkel scenario gebruikt het antwoord '{antwoord.id}' bij de vraag "
                        f"'{vraag.id}'.",
                        "Voeg in scenarios.yml een situatie toe waarin een leerkracht dit "
                        "antwoord kiest.",
                    )
                )
    if lengths and statistics.median(lengths) > MAX_MEDIAN_ANSWERS:
        problems.append(
            file.problem(
                (),
                f"De scenario's vragen gemiddeld (mediaan) {statistics.median(lengths)} "
                f"antwoorden; dat mogen er hooguit {MAX_MEDIAN_ANSWERS} zijn.",
                "Maak de wegwijzer korter voor de meest voorkomende situaties.",
            )
        )
    return problems
