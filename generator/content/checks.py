"""Checks across files, one function per concern: steps, roles, worksheets, glossary, mail,
onboarding, the guide and its scenarios, and what the school still has to fill in.

Each check takes the typed view of what loaded (loaded.py) and returns its problems, in Dutch,
at the file, line and column to change. The guide's own soundness is in guide_checks.py.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from generator.content.guide_checks import check_guide
from generator.content.loaded import Loaded
from generator.content.model import (
    CLOSED,
    MAIL_SCHOOL_FIELDS,
    Begrippen,
    Formulieren,
    Hoofdstukken,
    Mail,
    Nieuw,
    Rollen,
    Scenarios,
    School,
    Wegwijzer,
)
from generator.content.yamlfile import Loc, YamlFile
from generator.problems import Problem

Check = Callable[[Loaded], list[Problem]]


def _suggest(value: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    start = f"Bedoelde u '{close[0]}'? " if close else ""
    return start + "Bekend zijn: " + ", ".join(known) + "."


def _numbers_hint(numbers: Iterable[int]) -> str:
    return ", ".join(str(n) for n in sorted(numbers))


def _texts(node: Any, loc: Loc = ()) -> Iterable[tuple[Loc, str]]:
    """Every text value in a plain data tree, with its location."""
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, (*loc, i))


def _warn(file: YamlFile, loc: Loc, message: str, hint: str) -> Problem:
    return file.problem(loc, message, hint, severity="let op")


def _duplicates(
    file: YamlFile, items: list[Any], attr: str, prefix: Loc, what: str
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        value = getattr(item, attr)
        key = value.casefold()
        if key in seen:
            problems.append(
                file.problem(
                    (*prefix, i, attr),
                    f"{what} '{value}' komt twee keer voor (ook bij nummer {seen[key] + 1} "
                    "in deze lijst).",
                    "Geef elk onderdeel een eigen naam, of voeg de twee samen.",
                )
            )
        else:
            seen[key] = i
    return problems


def check_step_numbers(loaded: Loaded) -> list[Problem]:
    """Unique step numbers, file names that match, no gaps."""
    problems: list[Problem] = []
    numbers: dict[int, YamlFile] = {}
    for file, step in loaded.steps:
        if step.nummer in numbers:
            problems.append(
                file.problem(
                    ("nummer",),
                    f"Stap {step.nummer} bestaat al in {numbers[step.nummer].path.name}.",
                    "Geef elke stap een eigen nummer.",
                )
            )
            continue
        numbers[step.nummer] = file
        if file.path.stem != step.slug:
            problems.append(
                _warn(
                    file,
                    ("nummer",),
                    f"Dit bestand beschrijft stap {step.nummer} maar heet {file.path.name}.",
                    f"Noem het bestand {step.slug}{file.path.suffix}, zodat het makkelijk te "
                    "vinden is.",
                )
            )
    if numbers and loaded.steps_complete:
        first = min(min(numbers), 1)  # a plan starts at stap 0 or stap 1
        missing = sorted(set(range(first, max(numbers) + 1)) - set(numbers))
        if missing:
            problems.append(
                _warn(
                    numbers[min(numbers)],
                    (),
                    f"Het stappenplan heeft een gat: stap {_numbers_hint(missing)} ontbreekt.",
                    "Voeg de ontbrekende stap toe of nummer de stappen opnieuw.",
                )
            )
    return problems


def check_step_references(loaded: Loaded) -> list[Problem]:
    """Each step's roles, worksheet and next steps exist."""
    problems: list[Problem] = []
    roles = loaded.part("rollen.yml", Rollen)
    forms = loaded.part("formulieren.yml", Formulieren)
    role_ids = {r.id for r in roles[1].rollen} if roles else set()
    form_ids = {f.id for f in forms[1].formulieren} if forms else None
    known = loaded.known_steps()
    for file, step in loaded.steps:
        seen: set[str] = set()
        for i, entry in enumerate(step.rollen):
            if role_ids and entry.rol not in role_ids:
                problems.append(
                    file.problem(
                        ("rollen", i, "rol"),
                        f"De rol '{entry.rol}' bestaat niet in rollen.yml.",
                        _suggest(entry.rol, role_ids),
                    )
                )
            if entry.rol in seen:
                problems.append(
                    file.problem(
                        ("rollen", i, "rol"),
                        f"De rol '{entry.rol}' staat twee keer bij deze stap.",
                        "Voeg de taken samen onder één regel.",
                    )
                )
            seen.add(entry.rol)
        if step.formulier is not None and form_ids is not None and step.formulier not in form_ids:
            problems.append(
                file.problem(
                    ("formulier",),
                    f"Het formulier '{step.formulier}' bestaat niet in formulieren.yml.",
                    _suggest(step.formulier, form_ids),
                )
            )
        for i, overgang in enumerate(step.vervolg):
            if overgang.naar == CLOSED:
                continue
            if overgang.naar == step.nummer:
                problems.append(
                    file.problem(
                        ("vervolg", i, "naar"),
                        f"Stap {step.nummer} verwijst naar zichzelf.",
                        "Verwijs naar een andere stap, of naar 'afgesloten'.",
                    )
                )
            elif known is not None and overgang.naar not in known:
                problems.append(
                    file.problem(
                        ("vervolg", i, "naar"),
                        f"Stap {overgang.naar} bestaat niet.",
                        f"Kies een bestaand stapnummer ({_numbers_hint(known)}) of 'afgesloten'.",
                    )
                )
    return problems


def check_roles(loaded: Loaded) -> list[Problem]:
    """Unique roles, contacts that exist, and no role that acts in no step."""
    found = loaded.part("rollen.yml", Rollen)
    if found is None:
        return []
    file, rollen = found
    problems = _duplicates(file, rollen.rollen, "id", ("rollen",), "De rol")
    school = loaded.part("school.yml", School)
    for i, rol in enumerate(rollen.rollen):
        if school and rol.contact is not None and rol.contact not in school[1].contacten:
            problems.append(
                file.problem(
                    ("rollen", i, "contact"),
                    f"De rol '{rol.id}' verwijst naar contactpersoon '{rol.contact}', "
                    "maar die staat niet in school.yml.",
                    _suggest(rol.contact, school[1].contacten),
                )
            )
    if loaded.steps and loaded.steps_complete:
        used = {entry.rol for _, step in loaded.steps for entry in step.rollen}
        for i, rol in enumerate(rollen.rollen):
            if rol.id not in used:
                problems.append(
                    _warn(
                        file,
                        ("rollen", i, "id"),
                        f"De rol '{rol.id}' komt in geen enkele stap voor.",
                        "Voeg de rol toe aan de stap(pen) waarin hij iets doet, of verwijder hem.",
                    )
                )
    return problems


def check_worksheets(loaded: Loaded) -> list[Problem]:
    """Unique worksheets, each for a step that exists."""
    found = loaded.part("formulieren.yml", Formulieren)
    if found is None:
        return []
    file, formulieren = found
    problems = _duplicates(file, formulieren.formulieren, "id", ("formulieren",), "Het formulier")
    known = loaded.known_steps()
    for i, form in enumerate(formulieren.formulieren):
        if known and form.stap is not None and form.stap not in known:
            problems.append(
                file.problem(
                    ("formulieren", i, "stap"),
                    f"Het formulier '{form.id}' hoort bij stap {form.stap}, maar die "
                    "stap bestaat niet.",
                    f"Kies een bestaand stapnummer: {_numbers_hint(known)}.",
                )
            )
    return problems


def check_glossary(loaded: Loaded) -> list[Problem]:
    found = loaded.part("begrippen.yml", Begrippen)
    if found is None:
        return []
    file, begrippen = found
    return _duplicates(
        file, begrippen.afkortingen, "afkorting", ("afkortingen",), "De afkorting"
    ) + _duplicates(file, begrippen.begrippen, "term", ("begrippen",), "Het begrip")


def check_mail(loaded: Loaded) -> list[Problem]:
    """Every {field} in the mail text has a field, every field is used, the step exists."""
    found = loaded.part("mail.yml", Mail)
    if found is None:
        return []
    file, mail = found
    problems: list[Problem] = []
    field_ids = [v.id for v in mail.velden]
    placeholders = set(re.findall(r"\{([^{}]*)\}", mail.tekst))
    for name in sorted(placeholders - set(field_ids) - set(MAIL_SCHOOL_FIELDS)):
        problems.append(
            file.problem(
                ("tekst",),
                f"De mailtekst gebruikt {{{name}}}, maar er is geen invulveld '{name}'.",
                _suggest(name, [*field_ids, *MAIL_SCHOOL_FIELDS]),
            )
        )
    for i, field_id in enumerate(field_ids):
        if field_id not in placeholders:
            problems.append(
                file.problem(
                    ("velden", i, "id"),
                    f"Het invulveld '{field_id}' komt niet voor in de mailtekst.",
                    f"Zet {{{field_id}}} in de tekst, of verwijder het veld.",
                )
            )
    known = loaded.known_steps()
    if known is not None and mail.stap not in known:
        problems.append(
            file.problem(("stap",), f"Stap {mail.stap} bestaat niet.", "Kies een bestaande stap.")
        )
    return problems


def check_onboarding(loaded: Loaded) -> list[Problem]:
    """Unique onboarding pages; open questions about steps that exist."""
    found = loaded.part("nieuw.yml", Nieuw)
    if found is None:
        return []
    file, nieuw = found
    problems = _duplicates(file, nieuw.paginas, "id", ("paginas",), "De pagina")
    known = loaded.known_steps()
    for i, vraag in enumerate(nieuw.open_vragen):
        if known is not None and vraag.stap is not None and vraag.stap not in known:
            problems.append(
                file.problem(
                    ("open_vragen", i, "stap"),
                    f"Stap {vraag.stap} bestaat niet.",
                    "Kies een bestaand stapnummer of laat 'stap' weg.",
                )
            )
    return problems


def check_guide_and_scenarios(loaded: Loaded) -> list[Problem]:
    found = loaded.part("wegwijzer.yml", Wegwijzer)
    if found is None:
        return []
    file, wegwijzer = found
    scenarios = loaded.part("scenarios.yml", Scenarios)
    return check_guide(
        file,
        wegwijzer,
        loaded.known_steps(),
        scenarios[0] if scenarios else None,
        scenarios[1].scenarios if scenarios else None,
    ) + _check_guide_references(loaded, file, wegwijzer)


def _check_guide_references(loaded: Loaded, file: YamlFile, wegwijzer: Wegwijzer) -> list[Problem]:
    """The contacts (school.yml), explanation pages (nieuw.yml), roles (rollen.yml) and
    worksheet (formulieren.yml) an outcome names exist."""
    problems: list[Problem] = []
    school = loaded.part("school.yml", School)
    nieuw = loaded.part("nieuw.yml", Nieuw)
    roles = loaded.part("rollen.yml", Rollen)
    forms = loaded.part("formulieren.yml", Formulieren)
    contacts = set(school[1].contacten) if school else None
    pages = {p.id for p in nieuw[1].paginas} if nieuw else None
    role_ids = {r.id for r in roles[1].rollen} if roles else None
    form_ids = {f.id for f in forms[1].formulieren} if forms else None
    for i, uitkomst in enumerate(wegwijzer.uitkomsten):
        form = [uitkomst.formulier] if uitkomst.formulier else []
        for key, names, known, what in (
            ("contacten", uitkomst.contacten, contacts, "contactpersoon in school.yml"),
            ("uitleg", uitkomst.uitleg, pages, "pagina in nieuw.yml"),
            ("rollen", uitkomst.rollen, role_ids, "rol in rollen.yml"),
            ("formulier", form, form_ids, "formulier in formulieren.yml"),
        ):
            if known is None:
                continue
            for k, name in enumerate(names):
                if name not in known:
                    loc = ("uitkomsten", i, key, *(() if key == "formulier" else (k,)))
                    problems.append(
                        file.problem(
                            loc,
                            f"'{name}' bij de uitkomst '{uitkomst.id}' is geen {what}.",
                            _suggest(name, known),
                        )
                    )
    return problems


def check_school_placeholders(loaded: Loaded) -> list[Problem]:
    """What the school still has to fill in: [placeholders] and empty dates."""
    found = loaded.part("school.yml", School)
    if found is None:
        return []
    file, school = found
    problems = [
        _warn(
            file,
            loc,
            f"{value} is nog niet ingevuld; de site toont deze tekst zo.",
            "Vervang de tekst tussen [ ] door de echte gegevens van de school.",
        )
        for loc, value in _texts(file.data)
        if value.startswith("[") and value.endswith("]")
    ]
    for key in ("vastgesteld", "instemming_mr", "volgende_evaluatie"):
        if getattr(school, key) is None:
            problems.append(
                _warn(
                    file,
                    (key,),
                    f"'{key}' is nog niet ingevuld; de site toont 'nog niet ingevuld'.",
                    f"Vul de datum in als JJJJ-MM-DD, bijv. '{key}: 2026-09-01'.",
                )
            )
    return problems


OPTIONAL_PARTS = {
    "wegwijzer.yml": (
        "Er is nog geen wegwijzer: de site toont in plaats van 'Welke stap nu?' een eenvoudige "
        "pagina waarop de leerkracht zelf de stap kiest.",
        "Maak wegwijzer.yml (vragen, antwoorden, uitkomsten) en scenarios.yml; kijk voor een "
        "voorbeeld in content/ van Stappenwijzer en zie de README.",
    ),
    "mail.yml": (
        "Er is geen mail aan ouders (mail.yml): bij geen enkele stap staat een mail om in te "
        "vullen.",
        "Wil je een mail bij een stap, maak dan mail.yml; kijk voor een voorbeeld in content/ "
        "van Stappenwijzer.",
    ),
    "nieuw.yml": (
        "Er is nog geen leerpad 'Nieuw op school' (nieuw.yml): de site heeft die pagina's niet.",
        "Maak nieuw.yml met minstens vijf pagina's; kijk voor een voorbeeld in content/ van "
        "Stappenwijzer.",
    ),
}
"""Files a protocol may lack (an imported or new one), with what the site then leaves out."""


def check_missing_parts(loaded: Loaded) -> list[Problem]:
    """What an imported or new protocol still lacks: optional files, and a guide without
    scenarios to test it."""
    if loaded.content_dir is None:
        return []
    problems = [
        Problem(loaded.content_dir / name, 1, 1, message, hint, severity="let op")
        for name, (message, hint) in OPTIONAL_PARTS.items()
        if name not in loaded.files
    ]
    if "wegwijzer.yml" in loaded.files and "scenarios.yml" not in loaded.files:
        problems.append(
            Problem(
                loaded.content_dir / "scenarios.yml",
                1,
                1,
                "De wegwijzer wordt niet getest: scenarios.yml ontbreekt.",
                "Maak scenarios.yml met alledaagse situaties en de stap die het protocol "
                "voorschrijft; 'check' loopt ze dan door de wegwijzer.",
                severity="let op",
            )
        )
    return problems


def check_step_drafts(loaded: Loaded) -> list[Problem]:
    """Steps that are still a draft: no roles, no text, or [placeholders] left to fill in."""
    problems: list[Problem] = []
    for file, step in loaded.steps:
        if not step.rollen:
            problems.append(
                _warn(
                    file,
                    ("nummer",),
                    f"Stap {step.nummer} noemt nog geen rollen: het overzicht en het schema "
                    "laten 'wie' leeg.",
                    "Voeg onder 'rollen' toe wie iets doet, bijv. '- rol: leerkracht' met "
                    "'taak: ...' (de rollen staan in rollen.yml).",
                )
            )
        texts = (step.alinea, step.wanneer, step.waarom, step.wie, step.hoe)
        if not any(texts) and not step.secties and not step.deelstappen:
            problems.append(
                _warn(
                    file,
                    ("titel",),
                    f"Stap {step.nummer} heeft nog geen tekst uit het protocol.",
                    "Zet de tekst van de school onder 'wanneer', 'waarom', 'wie', 'hoe' of "
                    "'secties'.",
                )
            )
        problems += [
            _warn(
                file,
                loc,
                f"{value} is nog niet ingevuld; de site toont deze tekst zo.",
                "Vervang de tekst tussen [ ] door wat de school bedoelt.",
            )
            for loc, value in _texts(file.data)
            if value.startswith("[") and value.endswith("]")
        ]
    return problems


def check_chapters(loaded: Loaded) -> list[Problem]:
    found = loaded.part("hoofdstukken.yml", Hoofdstukken)
    if found is None:
        return []
    file, hoofdstukken = found
    return _duplicates(file, hoofdstukken.hoofdstukken, "id", ("hoofdstukken",), "Het deel")


CHECKS: tuple[Check, ...] = (
    check_step_numbers,
    check_roles,
    check_worksheets,
    check_glossary,
    check_step_references,
    check_mail,
    check_onboarding,
    check_guide_and_scenarios,
    check_school_placeholders,
    check_missing_parts,
    check_step_drafts,
    check_chapters,
)


def check(loaded: Loaded) -> list[Problem]:
    """Every cross-file problem, concern by concern."""
    return [problem for concern in CHECKS for problem in concern(loaded)]
