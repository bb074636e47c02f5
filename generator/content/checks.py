"""Checks across files: references to roles, steps, worksheets and contacts, and duplicate ids."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

from generator.content.guide_checks import check_guide
from generator.content.model import (
    CLOSED,
    MAIL_SCHOOL_FIELDS,
    Begrippen,
    Formulieren,
    Mail,
    Nieuw,
    Rollen,
    Scenarios,
    School,
    Stap,
    Strict,
    Wegwijzer,
)
from generator.content.yamlfile import Loc, YamlFile
from generator.problems import Problem


def _suggest(value: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    start = f"Bedoelde u '{close[0]}'? " if close else ""
    return start + "Bekend zijn: " + ", ".join(known) + "."


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


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, file: YamlFile, loc: Loc, message: str, hint: str) -> None:
        self.problems.append(file.problem(loc, message, hint))

    def warn(self, file: YamlFile, loc: Loc, message: str, hint: str) -> None:
        self.problems.append(file.problem(loc, message, hint, severity="let op"))

    def duplicates(
        self, file: YamlFile, items: list[Any], attr: str, loc_prefix: Loc, what: str
    ) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = getattr(item, attr)
            key = value.casefold()
            if key in seen:
                self.error(
                    file,
                    (*loc_prefix, i, attr),
                    f"{what} '{value}' komt twee keer voor (ook bij nummer {seen[key] + 1} "
                    "in deze lijst).",
                    "Geef elk onderdeel een eigen naam, of voeg de twee samen.",
                )
            else:
                seen[key] = i


def check(
    files: dict[str, YamlFile],
    parts: dict[str, Strict],
    steps: list[tuple[YamlFile, Stap]],
    steps_complete: bool = True,
) -> list[Problem]:
    """Cross-file problems. References to step numbers are only checked when every step file
    was valid (``steps_complete``): otherwise an invalid step would show up as missing."""
    c = _Checker()
    school = parts.get("school.yml")
    rollen = parts.get("rollen.yml")
    begrippen = parts.get("begrippen.yml")
    formulieren = parts.get("formulieren.yml")

    # Steps: unique numbers, file names that match, no gaps.
    numbers: dict[int, YamlFile] = {}
    for file, step in steps:
        if step.nummer in numbers:
            c.error(
                file,
                ("nummer",),
                f"Stap {step.nummer} bestaat al in {numbers[step.nummer].path.name}.",
                "Geef elke stap een eigen nummer.",
            )
            continue
        numbers[step.nummer] = file
        if file.path.stem != step.slug:
            c.warn(
                file,
                ("nummer",),
                f"Dit bestand beschrijft stap {step.nummer} maar heet {file.path.name}.",
                f"Noem het bestand {step.slug}{file.path.suffix}, zodat het makkelijk te "
                "vinden is.",
            )
    if numbers and steps_complete:
        missing = sorted(set(range(max(numbers) + 1)) - set(numbers))
        if missing:
            first = numbers[min(numbers)]
            c.warn(
                first,
                (),
                "Het stappenplan heeft een gat: stap "
                + ", ".join(str(n) for n in missing)
                + " ontbreekt.",
                "Voeg de ontbrekende stap toe of nummer de stappen opnieuw.",
            )

    role_ids: set[str] = set()
    if isinstance(rollen, Rollen):
        file = files["rollen.yml"]
        c.duplicates(file, rollen.rollen, "id", ("rollen",), "De rol")
        role_ids = {r.id for r in rollen.rollen}
        if isinstance(school, School):
            for i, rol in enumerate(rollen.rollen):
                if rol.contact is not None and rol.contact not in school.contacten:
                    c.error(
                        file,
                        ("rollen", i, "contact"),
                        f"De rol '{rol.id}' verwijst naar contactpersoon '{rol.contact}', "
                        "maar die staat niet in school.yml.",
                        _suggest(rol.contact, school.contacten),
                    )

    form_ids: set[str] = set()
    if isinstance(formulieren, Formulieren):
        file = files["formulieren.yml"]
        c.duplicates(file, formulieren.formulieren, "id", ("formulieren",), "Het formulier")
        form_ids = {f.id for f in formulieren.formulieren}
        if numbers and steps_complete:
            for i, form in enumerate(formulieren.formulieren):
                if form.stap is not None and form.stap not in numbers:
                    c.error(
                        file,
                        ("formulieren", i, "stap"),
                        f"Het formulier '{form.id}' hoort bij stap {form.stap}, maar die "
                        "stap bestaat niet.",
                        "Kies een bestaand stapnummer: "
                        + ", ".join(str(n) for n in sorted(numbers))
                        + ".",
                    )

    if isinstance(begrippen, Begrippen):
        file = files["begrippen.yml"]
        c.duplicates(file, begrippen.afkortingen, "afkorting", ("afkortingen",), "De afkorting")
        c.duplicates(file, begrippen.begrippen, "term", ("begrippen",), "Het begrip")

    used_roles: set[str] = set()
    for file, step in steps:
        seen_roles: set[str] = set()
        for i, entry in enumerate(step.rollen):
            used_roles.add(entry.rol)
            if role_ids and entry.rol not in role_ids:
                c.error(
                    file,
                    ("rollen", i, "rol"),
                    f"De rol '{entry.rol}' bestaat niet in rollen.yml.",
                    _suggest(entry.rol, role_ids),
                )
            if entry.rol in seen_roles:
                c.error(
                    file,
                    ("rollen", i, "rol"),
                    f"De rol '{entry.rol}' staat twee keer bij deze stap.",
                    "Voeg de taken samen onder één regel.",
                )
            seen_roles.add(entry.rol)
        if (
            step.formulier is not None
            and isinstance(formulieren, Formulieren)
            and step.formulier not in form_ids
        ):
            c.error(
                file,
                ("formulier",),
                f"Het formulier '{step.formulier}' bestaat niet in formulieren.yml.",
                _suggest(step.formulier, form_ids),
            )
        for i, overgang in enumerate(step.vervolg):
            if overgang.naar == CLOSED:
                continue
            if overgang.naar == step.nummer:
                c.error(
                    file,
                    ("vervolg", i, "naar"),
                    f"Stap {step.nummer} verwijst naar zichzelf.",
                    "Verwijs naar een andere stap, of naar 'afgesloten'.",
                )
            elif steps_complete and overgang.naar not in numbers:
                c.error(
                    file,
                    ("vervolg", i, "naar"),
                    f"Stap {overgang.naar} bestaat niet.",
                    "Kies een bestaand stapnummer ("
                    + ", ".join(str(n) for n in sorted(numbers))
                    + ") of 'afgesloten'.",
                )

    if isinstance(rollen, Rollen) and steps and steps_complete:
        for i, rol in enumerate(rollen.rollen):
            if rol.id not in used_roles:
                c.warn(
                    files["rollen.yml"],
                    ("rollen", i, "id"),
                    f"De rol '{rol.id}' komt in geen enkele stap voor.",
                    "Voeg de rol toe aan de stap(pen) waarin hij iets doet, of verwijder hem.",
                )

    mail = parts.get("mail.yml")
    if isinstance(mail, Mail):
        file = files["mail.yml"]
        field_ids = [v.id for v in mail.velden]
        placeholders = set(re.findall(r"\{([^{}]*)\}", mail.tekst))
        for name in sorted(placeholders - set(field_ids) - set(MAIL_SCHOOL_FIELDS)):
            c.error(
                file,
                ("tekst",),
                f"De mailtekst gebruikt {{{name}}}, maar er is geen invulveld '{name}'.",
                _suggest(name, [*field_ids, *MAIL_SCHOOL_FIELDS]),
            )
        for i, field_id in enumerate(field_ids):
            if field_id not in placeholders:
                c.error(
                    file,
                    ("velden", i, "id"),
                    f"Het invulveld '{field_id}' komt niet voor in de mailtekst.",
                    f"Zet {{{field_id}}} in de tekst, of verwijder het veld.",
                )
        if steps_complete and mail.stap not in numbers:
            c.error(file, ("stap",), f"Stap {mail.stap} bestaat niet.", "Kies een bestaande stap.")

    nieuw = parts.get("nieuw.yml")
    if isinstance(nieuw, Nieuw):
        file = files["nieuw.yml"]
        c.duplicates(file, nieuw.paginas, "id", ("paginas",), "De pagina")
        if steps_complete:
            for i, vraag in enumerate(nieuw.open_vragen):
                if vraag.stap is not None and vraag.stap not in numbers:
                    c.error(
                        file,
                        ("open_vragen", i, "stap"),
                        f"Stap {vraag.stap} bestaat niet.",
                        "Kies een bestaand stapnummer of laat 'stap' weg.",
                    )

    wegwijzer = parts.get("wegwijzer.yml")
    scenarios = parts.get("scenarios.yml")
    if isinstance(wegwijzer, Wegwijzer):
        c.problems += check_guide(
            files["wegwijzer.yml"],
            wegwijzer,
            set(numbers) if steps_complete else None,
            files["scenarios.yml"] if isinstance(scenarios, Scenarios) else None,
            scenarios.scenarios if isinstance(scenarios, Scenarios) else None,
        )

    if isinstance(school, School):
        file = files["school.yml"]
        for loc, value in _texts(file.data):
            if value.startswith("[") and value.endswith("]"):
                c.warn(
                    file,
                    loc,
                    f"{value} is nog niet ingevuld; de site toont deze tekst zo.",
                    "Vervang de tekst tussen [ ] door de echte gegevens van de school.",
                )
        for key in ("vastgesteld", "instemming_mr", "volgende_evaluatie"):
            if getattr(school, key) is None:
                c.warn(
                    file,
                    (key,),
                    f"'{key}' is nog niet ingevuld; de site toont 'nog niet ingevuld'.",
                    f"Vul de datum in als JJJJ-MM-DD, bijv. '{key}: 2026-09-01'.",
                )
    return c.problems
