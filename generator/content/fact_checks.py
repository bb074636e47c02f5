"""Checks that keep one source per fact (facts.py) beyond the moments: deadlines written out in
our texts, role lists typed by hand next to a step's roles, worksheets repeated per moment, and
narrative texts that assume a fact's value.

Each returns Dutch warnings at the line to change; the second position, where there is one, is
named in the message ("stappen/stap-4.yml:31").
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import Any

from generator.content import facts
from generator.content.loaded import Loaded
from generator.content.model import (
    CLOSED,
    Formulieren,
    Mail,
    Nieuw,
    Rol,
    Rollen,
    Scenarios,
    Stap,
    Wegwijzer,
)
from generator.content.yamlfile import Loc, YamlFile
from generator.problems import Problem

_COUNT = r"(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"

_UNIT = r"(?:uur|schooldagen|schooldag|werkdagen|werkdag|dagen|dag|weken|week|maanden|maand)"

DEADLINE_PHRASE = re.compile(
    r"\b(?:z\.s\.m\.|(?:ter\s+plekke|zo\s+snel\s+mogelijk|dezelfde\s+dag|"
    rf"binnen\s+{_COUNT}\s+{_UNIT})\b)",
    re.IGNORECASE,
)
"""The words of a deadline as the protocol and our texts write them: 'ter plekke', 'z.s.m.',
'dezelfde dag', 'binnen twee weken'. A text that uses them for a step whose deadline holds
them writes that deadline out."""

STEP_MENTION = re.compile(r"\bstap\s+(\d+)", re.IGNORECASE)


def deadline_key(phrase: str) -> str:
    """A deadline phrase as a comparable key: 'Z.s.m.' is 'zo snel mogelijk'."""
    text = re.sub(r"\s+", " ", phrase.casefold())
    return "zo snel mogelijk" if text == "z.s.m." else text


def _name(loaded: Loaded, file: YamlFile) -> str:
    if loaded.content_dir is not None:
        with contextlib.suppress(ValueError):
            return file.path.relative_to(loaded.content_dir).as_posix()
    return file.path.name


def _at(loaded: Loaded, file: YamlFile, loc: Loc) -> str:
    return f"{_name(loaded, file)}:{file.position(loc)[0]}"


def _texts(node: Any, loc: Loc = ()) -> Iterable[tuple[Loc, str]]:
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, (*loc, i))


def _roles(loaded: Loaded) -> list[Rol]:
    found = loaded.part("rollen.yml", Rollen)
    return found[1].rollen if found else []


def _steps(loaded: Loaded) -> dict[int, tuple[YamlFile, Stap]]:
    return {step.nummer: (file, step) for file, step in loaded.steps}


def _known(loaded: Loaded) -> dict[str, str]:
    return facts.facts((step for _, step in loaded.steps), _roles(loaded))


def _our_texts(loaded: Loaded) -> Iterable[tuple[YamlFile, Loc, str]]:
    """Every text of ours: all files but the school's, and a step's fields but its verbatim
    text and the place where its deadline and moments are written."""
    step_files = {id(f) for f, _ in loaded.steps}
    files = [f for name, f in loaded.files.items() if name not in facts.NO_FACT_FILES]
    for file in [*files, *(f for f, _ in loaded.steps)]:
        for loc, text in _texts(file.data):
            if facts.ASSUMED in loc:
                continue  # a narrative text's record of a value: written out on purpose
            if id(file) in step_files and loc:
                if loc[0] in facts.VERBATIM_STEP_KEYS:
                    continue
                if loc[:2] in (("termijn", "tekst"), ("termijn", "momenten")):
                    continue
            yield file, loc, text


def _context(loaded: Loaded, file: YamlFile, loc: Loc, text: str) -> set[int]:
    """The steps a text is about: its step file, outcome, worksheet, practice case, mail or open
    question, and every 'stap N' it names."""
    found = {int(n) for n in STEP_MENTION.findall(text)}
    for step_file, step in loaded.steps:
        if step_file is file:
            found.add(step.nummer)
            if loc[:1] == ("vervolg",) and len(loc) > 1 and isinstance(loc[1], int):
                naar = step.vervolg[loc[1]].naar
                if naar != CLOSED:
                    found.add(naar)  # a way on is about the step it leads to
    index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
    roles = loaded.part("rollen.yml", Rollen)
    if roles and file is roles[0] and loc[:1] == ("rollen",) and index is not None:
        rol = roles[1].rollen[index].id  # a role's description is about the steps it is in
        found |= {step.nummer for _, step in loaded.steps if any(r.rol == rol for r in step.rollen)}
    guide = loaded.part("wegwijzer.yml", Wegwijzer)
    forms = loaded.part("formulieren.yml", Formulieren)
    nieuw = loaded.part("nieuw.yml", Nieuw)
    cases = loaded.part("scenarios.yml", Scenarios)
    mail = loaded.part("mail.yml", Mail)
    items: list[tuple[Any, str, str]] = [
        (guide, "uitkomsten", "stap"),
        (forms, "formulieren", "stap"),
        (nieuw, "open_vragen", "stap"),
    ]
    for part, key, attr in items:
        if part and file is part[0] and loc[:1] == (key,) and index is not None:
            nummer = getattr(getattr(part[1], key)[index], attr)
            if nummer is not None:
                found.add(nummer)
    if cases and guide and file is cases[0] and index is not None:
        wanted = cases[1].scenarios[index].uitkomst
        found |= {u.stap for u in guide[1].uitkomsten if u.id == wanted and u.stap is not None}
    if mail and file is mail[0]:
        found.add(mail[1].stap)
    return found


def _hint_steps(steps: Iterable[int]) -> str:
    return " of ".join(f"'{{{{stap-{n}.termijn}}}}'" for n in sorted(steps))


def check_copied_deadlines(loaded: Loaded) -> list[Problem]:
    """Our texts about a step with a deadline that write a deadline out ('dezelfde dag', 'ter
    plekke', 'binnen twee schooldagen'): the step's own, which should be named
    ({{stap-4.termijn}}), or another one, which is probably the old deadline left behind when
    the MR changed it."""
    if not loaded.steps_complete:
        return []
    known = _known(loaded)
    steps = _steps(loaded)
    current: dict[int, set[str]] = {}
    for nummer in steps:
        value = known.get(f"stap-{nummer}.termijn", "")
        if value:
            current[nummer] = {deadline_key(m.group(0)) for m in DEADLINE_PHRASE.finditer(value)}
    if not current:
        return []
    problems = []
    for file, loc, text in _our_texts(loaded):
        matches = list(DEADLINE_PHRASE.finditer(text))
        if not matches:
            continue
        about = _context(loaded, file, loc, text) & set(current)
        reported: set[int] = set()
        found = [(m, {n for n in about if deadline_key(m.group(0)) in current[n]}) for m in matches]
        # The step's own deadline first; another one only for a step whose own is not there.
        found.sort(key=lambda item: not item[1])
        for match, own in found:
            owners = own or about
            if not owners or owners <= reported:
                continue
            reported |= owners
            where = ", ".join(
                _at(loaded, steps[n][0], ("termijn", "tekst")) for n in sorted(owners)
            )
            numbers = " of ".join(map(str, sorted(owners)))
            if own:
                message = (
                    f"Deze tekst schrijft de termijn van stap {numbers} zelf uit "
                    f"('{match.group(0)}'); verandert de MR die termijn ({where}), dan blijft "
                    "hier de oude staan."
                )
            else:
                now = "; ".join(f"'{known[f'stap-{n}.termijn']}'" for n in sorted(owners))
                message = (
                    f"Deze tekst over stap {numbers} noemt de termijn '{match.group(0)}', maar "
                    f"de termijn van stap {numbers} is nu {now} ({where}). Is dit de oude "
                    "termijn?"
                )
            problems.append(
                file.warning_at(
                    loc,
                    match.group(0),
                    message,
                    f"Schrijf {_hint_steps(owners)} in plaats van de termijn: dan vult de site "
                    "hem in uit de stap (zie de README, 'Een termijn of wie er iets doet "
                    "veranderen'). Is het een ander moment dan de termijn van de stap, zeg dat dan "
                    "met andere woorden (bijv. 'vandaag nog').",
                )
            )
    return problems


DURATION = re.compile(
    rf"(?:\bna\s+)?\b{_COUNT}\s+(?:schooldagen|schooldag|dagen|dag|weken|week|maanden|maand)\b",
    re.IGNORECASE,
)
"""A span of time in a text: 'na een week', '2 dagen', 'twee weken'."""


def _bare(phrase: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^na\s+", "", phrase.strip(), flags=re.I)).casefold()


def check_stale_moments(loaded: Loaded) -> list[Problem]:
    """Our texts about a step with follow-up moments that name a span of time ('2 dagen', 'na
    een week'): one of the moments written out, or a moment the step no longer has (left behind
    when the MR changed them). A moment written out with 'na' anywhere is the concern of
    check_copied_facts (checks.py)."""
    if not loaded.steps_complete:
        return []
    steps = _steps(loaded)
    labels = {
        n: {_bare(m.label): m.label for m in step.termijn.momenten}
        for n, (_, step) in steps.items()
        if step.termijn.momenten
    }
    if not labels:
        return []
    problems = []
    for file, loc, text in _our_texts(loaded):
        about = _context(loaded, file, loc, text) & set(labels)
        if not about:
            continue
        for match in DURATION.finditer(text):
            bare = _bare(match.group(0))
            own = [n for n in sorted(about) if bare in labels[n]]
            if own and match.group(0).casefold().startswith("na "):
                continue  # 'na een week' as a moment: check_copied_facts names its fact
            nummer = own[0] if own else min(about)
            step_file, step = steps[nummer]
            where = _at(loaded, step_file, ("termijn", "momenten"))
            if own:
                k = [_bare(m.label) for m in step.termijn.momenten].index(bare) + 1
                message = (
                    f"Deze tekst schrijft een moment van stap {nummer} zelf uit "
                    f"('{match.group(0)}'); verandert de MR de momenten ({where}), dan blijft "
                    "hier het oude staan."
                )
                hint = (
                    f"Schrijf '{{{{stap-{nummer}.moment-{k}}}}}' (of '{{{{stap-{nummer}."
                    "momenten}}'), dan vult de site het moment in. Gaat het om een andere "
                    "tijdsduur, zeg het dan met andere woorden."
                )
            else:
                now = ", ".join(m.label for m in step.termijn.momenten)
                message = (
                    f"Deze tekst over stap {nummer} noemt '{match.group(0)}', maar de momenten "
                    f"van stap {nummer} zijn nu: {now} ({where}). Is dit een oud moment?"
                )
                hint = (
                    f"Noem de momenten met '{{{{stap-{nummer}.momenten}}}}' of "
                    f"'{{{{stap-{nummer}.moment-1}}}}' enzovoort. Gaat het om een andere "
                    "tijdsduur, zeg het dan met andere woorden."
                )
            problems.append(file.warning_at(loc, match.group(0), message, hint))
    return problems


def _mentioned_roles(text: str, roles: list[Rol]) -> set[str]:
    """The roles a text names by id, short name or name (whole words, any case)."""
    found = set()
    for rol in roles:
        for name in {rol.id, rol.kort or rol.id, rol.naam}:
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE):
                found.add(rol.id)
    return found


def check_outcome_roles(loaded: Loaded) -> list[Problem]:
    """A guide outcome on a step takes who acts and who to inform from the step's roles: a
    hand-typed 'rollen' or 'informeren' there is flagged, with what the step says."""
    guide = loaded.part("wegwijzer.yml", Wegwijzer)
    if guide is None or not loaded.steps_complete:
        return []
    file, wegwijzer = guide
    roles = _roles(loaded)
    steps = _steps(loaded)
    plain = {n: s for n, (_, s) in steps.items()}
    problems = []
    for i, uitkomst in enumerate(wegwijzer.uitkomsten):
        if uitkomst.stap is None or uitkomst.stap not in steps:
            continue
        step_file, stap = steps[uitkomst.stap]
        if uitkomst.rollen:
            acting = {r.rol for r in facts.acting(stap)}
            typed = set(uitkomst.rollen)
            differ = sorted(typed ^ acting)
            problems.append(
                file.problem(
                    ("uitkomsten", i, "rollen"),
                    f"De uitkomst '{uitkomst.id}' hoort bij stap {stap.nummer} maar noemt zelf "
                    "wie er iets doet"
                    + (f"; dat spreekt de stap tegen ({', '.join(differ)})" if differ else "")
                    + f". De site neemt 'Wie' uit de rollen van de stap "
                    f"({_at(loaded, step_file, ('rollen',))}).",
                    "Haal 'rollen' hier weg; verander wie er iets doet in de stap. 'rollen' is "
                    "alleen voor een uitkomst zonder stap.",
                    severity="let op",
                )
            )
        if uitkomst.informeren:
            source, entries = facts.informed_by(stap, plain)
            expected = {r.rol for r in entries}
            typed = set().union(*(_mentioned_roles(t, roles) for t in uitkomst.informeren))
            differ = sorted(typed - expected) + sorted(expected - typed)
            where = _at(loaded, steps[source.nummer][0], ("rollen",))
            problems.append(
                file.problem(
                    ("uitkomsten", i, "informeren"),
                    f"De uitkomst '{uitkomst.id}' hoort bij stap {stap.nummer} maar noemt zelf "
                    "wie je op de hoogte brengt"
                    + (f"; dat spreekt de stap tegen ({', '.join(differ)})" if differ else "")
                    + ". De site neemt dat uit de rollen met 'op_de_hoogte: true' van stap "
                    f"{source.nummer} ({where}).",
                    "Haal 'informeren' hier weg; verander wie je op de hoogte brengt in de stap "
                    "('op_de_hoogte: true' bij de rol). 'informeren' is alleen voor een uitkomst "
                    "zonder stap.",
                    severity="let op",
                )
            )
    return problems


def check_worksheet_roles(loaded: Loaded) -> list[Problem]:
    """A worksheet of a step whose tick boxes are a hand-typed list of roles names only roles of
    that step; a 'rollen:' field needs a step with such roles."""
    forms = loaded.part("formulieren.yml", Formulieren)
    if forms is None or not loaded.steps_complete:
        return []
    file, formulieren = forms
    roles = _roles(loaded)
    steps = _steps(loaded)
    problems = []
    for i, form in enumerate(formulieren.formulieren):
        if form.stap is None or form.stap not in steps:
            continue
        step_file, stap = steps[form.stap]
        in_step = {r.rol for r in stap.rollen}
        for k, onderdeel in enumerate(form.onderdelen):
            for j, veld in enumerate(onderdeel.velden):
                loc = ("formulieren", i, "onderdelen", k, "velden", j)
                if veld.rollen is not None:
                    wanted = facts.acting(stap) if veld.rollen == "wie" else facts.informed(stap)
                    if not wanted:
                        problems.append(
                            file.problem(
                                (*loc, "rollen"),
                                f"Stap {stap.nummer} heeft geen rollen voor 'rollen: "
                                f"{veld.rollen}' ({_at(loaded, step_file, ('rollen',))}).",
                                "Zet de rollen in de stap, of haal 'rollen' hier weg.",
                                severity="let op",
                            )
                        )
                named = [_mentioned_roles(o, roles) for o in veld.opties]
                if len(veld.opties) < 2 or not all(named):
                    continue  # not a list of roles
                stray = sorted(set().union(*named) - in_step)
                if stray:
                    problems.append(
                        file.problem(
                            (*loc, "opties"),
                            f"Het formulier '{form.id}' hoort bij stap {stap.nummer}, maar deze "
                            f"hokjes noemen {', '.join(stray)}: die rol doet in stap "
                            f"{stap.nummer} niets ({_at(loaded, step_file, ('rollen',))}).",
                            "Laat de hokjes uit de stap komen met 'rollen: wie' (of "
                            "'rollen: op-de-hoogte'), of zet de rol ook bij de stap.",
                            severity="let op",
                        )
                    )
    return problems


def check_worksheet_texts(loaded: Loaded) -> list[Problem]:
    """A step's worksheet text (a label, help, a tip) that lists the step's roles ('de TSO, de
    BSO en de VSO') and names one that does nothing in that step: left behind when the role
    was taken out of the step, or a role to add to it. (Tick boxes of roles: see
    check_worksheet_roles.)"""
    forms = loaded.part("formulieren.yml", Formulieren)
    if forms is None or not loaded.steps_complete:
        return []
    file, _ = forms
    roles = _roles(loaded)
    steps = _steps(loaded)
    problems = []
    data = file.data.get("formulieren") if isinstance(file.data, dict) else None
    for i, form in enumerate(data if isinstance(data, list) else []):
        nummer = form.get("stap") if isinstance(form, dict) else None
        if nummer not in steps:
            continue
        step_file, stap = steps[nummer]
        in_step = {r.rol for r in stap.rollen}
        reported: set[str] = set()
        for loc, text in _texts(form, ("formulieren", i)):
            if loc[-1] in ("id", "titel"):
                continue
            named = _mentioned_roles(text, roles)
            if len(named) < 3 or not named & in_step:
                continue  # not a list of the step's roles ('de TSO, de BSO en de VSO')
            stray = sorted(named - in_step - reported)
            if not stray:
                continue
            reported |= set(stray)
            names = ", ".join(stray)
            first = next(r for r in roles if r.id == stray[0])
            word = next(
                w
                for w in (first.kort or first.id, first.naam, first.id)
                if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)
            )
            problems.append(
                file.warning_at(
                    loc,
                    word,
                    f"Het formulier '{form.get('id')}' hoort bij stap {nummer}, maar deze tekst "
                    f"noemt {names}: die rol doet in stap {nummer} niets "
                    f"({_at(loaded, step_file, ('rollen',))}).",
                    "Haal de rol hier weg (werd hij uit de stap gehaald?), of zet hem bij de stap "
                    "onder 'rollen' (met 'op_de_hoogte: true' als hij alleen geïnformeerd wordt).",
                )
            )
    return problems


def check_per_moment(loaded: Loaded) -> list[Problem]:
    """'per_moment' names a step with moments."""
    forms = loaded.part("formulieren.yml", Formulieren)
    if forms is None or loaded.known_steps() is None:
        return []
    file, formulieren = forms
    steps = _steps(loaded)
    with_moments = sorted(n for n, (_, s) in steps.items() if s.termijn.momenten)
    problems = []
    for i, form in enumerate(formulieren.formulieren):
        for k, onderdeel in enumerate(form.onderdelen):
            items: list[tuple[Loc, int | None]] = [
                (("onderdelen", k), onderdeel.per_moment),
                *(
                    (("onderdelen", k, "velden", j), v.per_moment)
                    for j, v in enumerate(onderdeel.velden)
                ),
            ]
            for loc, nummer in items:
                if nummer is None or nummer in with_moments:
                    continue
                problems.append(
                    file.problem(
                        ("formulieren", i, *loc, "per_moment"),
                        f"Stap {nummer} heeft geen momenten (termijn: momenten): dit deel van "
                        f"het formulier '{form.id}' zou verdwijnen.",
                        "Kies een stap met momenten"
                        + (f" ({', '.join(map(str, with_moments))})" if with_moments else "")
                        + ", of haal 'per_moment' weg.",
                    )
                )
    return problems


def _story_line(file: YamlFile, loc: Loc) -> str:
    """Where the text stands that a 'gaat_uit_van' entry at ``loc`` belongs to: 'op regel 58'
    (its first text beside 'gaat_uit_van')."""
    parent = loc[:-2]
    node: Any = file.data
    for part in parent:
        node = node[part] if isinstance(node, dict | list) else None
    if isinstance(node, dict):
        lines = [
            file.position((*parent, key))[0]
            for key, value in node.items()
            if key != facts.ASSUMED and isinstance(value, str) and len(value.split()) > 3
        ]
        if lines:
            return f"op regel {min(lines)}" + (f" t/m {max(lines)}" if len(lines) > 1 else "")
    return "waar dit bij hoort"


def check_assumed_facts(loaded: Loaded) -> list[Problem]:
    """A narrative text (a practice case, the mail) that lists under 'gaat_uit_van' the value a
    fact had when it was written: flagged when the fact now says something else."""
    if not loaded.steps_complete:
        return []
    known = _known(loaded)
    steps = _steps(loaded)
    problems = []
    files = [f for name, f in loaded.files.items() if name not in facts.NO_FACT_FILES]
    for file in files:
        for loc, value in _texts(file.data):
            if len(loc) < 2 or loc[-2] != facts.ASSUMED:
                continue
            name = str(loc[-1])
            current = known.get(name)
            if current is None:
                problems.append(
                    file.problem(
                        loc,
                        f"'{name}' is geen bekend gegeven.",
                        "Gebruik de naam van een gegeven zoals in '{{...}}', bijv. "
                        "'stap-4.termijn'.",
                        severity="let op",
                    )
                )
                continue
            if current.casefold() == value.strip().casefold():
                continue
            nummer = int(name.split(".")[0].removeprefix("stap-"))
            source = f" ({_at(loaded, steps[nummer][0], ('termijn',))})" if nummer in steps else ""
            problems.append(
                file.problem(
                    loc,
                    f"Deze tekst gaat ervan uit dat {name} '{value}' is, maar nu is het "
                    f"'{current}'{source}. De tekst eromheen klopt misschien niet meer.",
                    f"Lees de tekst {_story_line(file, loc)} opnieuw en pas hem aan; zet daarna "
                    f"hier '{name}: {current}'.",
                    severity="let op",
                )
            )
    return problems
