"""Checks across files, one function per concern: steps, roles, worksheets, glossary, mail,
onboarding, the guide and its scenarios, and what the school still has to fill in.

Each check takes the typed view of what loaded (loaded.py) and returns its problems, in Dutch,
at the file, line and column to change. The guide's own soundness is in guide_checks.py.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.content import fact_checks, facts
from generator.content.fact_checks import DEADLINE_PHRASE
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
    Wijzigingen,
)
from generator.content.status import ADOPTION_KEY, derive, is_placeholder, placeholders
from generator.content.yamlfile import YAML_SUFFIXES, Loc, YamlFile
from generator.problems import Problem

Check = Callable[[Loaded], list[Problem]]


def _suggest(value: str, known: Iterable[str], names: dict[str, str] | None = None) -> str:
    """'Bedoelde u ...?' by spelling, or (``names``: an id by each name people see on the site,
    'intern begeleider (ib)') by the name written as an id ('intern-begeleider')."""
    known = sorted(known)
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    if not close and names:
        wanted = value.replace("-", " ").casefold()
        by_name = [i for name, i in names.items() if name.startswith(wanted) and len(wanted) > 3]
        close = by_name[:1]
    start = f"Bedoelde u '{close[0]}'? " if close else ""
    return start + "Bekend zijn: " + ", ".join(known) + "."


def _role_names(roles: Iterable[Any]) -> dict[str, str]:
    """Each role's id by its name and short name as the site shows them (casefolded)."""
    return {name.casefold(): rol.id for rol in roles for name in (rol.naam, rol.kort or "") if name}


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
                        _suggest(entry.rol, role_ids, _role_names(roles[1].rollen)),
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
            f"{value} is nog niet ingevuld; zolang iets tussen [ ] staat, is het protocol een "
            "concept (de site zegt dat op elke pagina).",
            "Vervang de tekst tussen [ ] door de echte gegevens van de school.",
        )
        for loc, value in placeholders(file.data)
    ]
    for key, contact in school.contacten.items():
        if contact.naam is None or not contact.naam.strip():
            written = "naam" in (file.data.get("contacten", {}).get(key) or {})
            problems.append(
                _warn(
                    file,
                    ("contacten", key, "naam") if written else ("contacten", key),
                    f"De contactpersoon '{key}' ({contact.functie}) heeft geen naam: de site "
                    "toont 'nog niet ingevuld', en zolang dat zo is, is het protocol een "
                    "concept.",
                    "Vul de naam in (bijv. 'naam: Fatima el Amrani'), of haal deze "
                    "contactpersoon weg als de school hem niet heeft.",
                )
            )
    for key in ("vastgesteld", "instemming_mr", "volgende_evaluatie"):
        if getattr(school, key) is None:
            problems.append(
                _warn(
                    file,
                    (key,),
                    f"'{key}' is nog niet ingevuld; de site toont 'nog niet ingevuld'."
                    + (
                        " Zonder deze datum is het protocol een concept."
                        if key == ADOPTION_KEY
                        else ""
                    ),
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

    def there(name: str) -> bool:  # written, even if it has an error (reported as such)
        stem = Path(name).stem
        assert loaded.content_dir is not None
        return any((loaded.content_dir / f"{stem}{suffix}").exists() for suffix in YAML_SUFFIXES)

    problems = [
        Problem(loaded.content_dir / name, 0, 0, message, hint, severity="let op")
        for name, (message, hint) in OPTIONAL_PARTS.items()
        if not there(name)
    ]
    if there("wegwijzer.yml") and not there("scenarios.yml"):
        problems.append(
            Problem(
                loaded.content_dir / "scenarios.yml",
                0,
                0,
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
            replace(
                _warn(
                    file,
                    loc,
                    f"{value} is nog niet ingevuld; de site toont deze tekst zo.",
                    "Vervang de tekst tussen [ ] door wat de school bedoelt.",
                ),
                placeholder=True,
            )
            for loc, value in _texts(file.data)
            if is_placeholder(value)
        ]
    return problems


def _name(loaded: Loaded, file: YamlFile) -> str:
    """The file as the coordinator knows it: 'school.yml', 'stappen/stap-2.yml'."""
    if loaded.content_dir is not None:
        with contextlib.suppress(ValueError):
            return file.path.relative_to(loaded.content_dir).as_posix()
    return file.path.name


def _at(loaded: Loaded, file: YamlFile, loc: Loc) -> str:
    """'school.yml:9': a second position named in a message about two files."""
    return f"{_name(loaded, file)}:{file.position(loc)[0]}"


def check_adoption_vs_worksheets(loaded: Loaded) -> list[Problem]:
    """formulieren.yml's own 'vastgesteld' agrees with the protocol's state (school.yml)."""
    school = loaded.part("school.yml", School)
    forms = loaded.part("formulieren.yml", Formulieren)
    if school is None or forms is None or forms[1].vastgesteld is None:
        return []
    school_file, form_file = school[0], forms[0]
    state = derive(school_file, school[1])
    if forms[1].vastgesteld is True and state.concept:
        first = state.open[0]
        return [
            _warn(
                form_file,
                ("vastgesteld",),
                "Hier staat dat de formulieren zijn vastgesteld, maar het protocol is nog een "
                f"concept ({_name(loaded, school_file)}:{first.line}: '{first.key}' is "
                "nog niet ingevuld). De formulieren blijven 'voorstel' zolang het protocol een "
                "concept is.",
                "Vul eerst school.yml in (ook 'vastgesteld'); haal daarna 'vastgesteld: true' "
                "hier weg: de formulieren volgen dan vanzelf het protocol.",
            )
        ]
    if forms[1].vastgesteld is False and state.adopted:
        return [
            _warn(
                form_file,
                ("vastgesteld",),
                "Het protocol is vastgesteld op "
                f"{school[1].vastgesteld} ({_at(loaded, school_file, (ADOPTION_KEY,))}), maar hier "
                "staat 'vastgesteld: false': elk formulier zegt nog 'Voorstel, nog niet "
                "vastgesteld'.",
                "Horen de formulieren bij het vastgestelde protocol, haal dan "
                "'vastgesteld: false' hier weg. Zijn ze echt nog een voorstel, laat het dan staan.",
            )
        ]
    return []


def check_version_vs_changes(loaded: Loaded) -> list[Problem]:
    """The newest change note is about the version in school.yml; a version that still says
    'concept' while the protocol is adopted."""
    school = loaded.part("school.yml", School)
    notes = loaded.part("wijzigingen.yml", Wijzigingen)
    if school is None:
        return []
    school_file, versie = school[0], school[1].versie
    problems: list[Problem] = []
    if notes is not None:
        notes_file, items = notes[0], notes[1].wijzigingen
        newest = max(range(len(items)), key=lambda i: (items[i].datum, -i))
        note = items[newest]
        if note.versie is not None and note.versie.strip() != versie.strip():
            problems.append(
                _warn(
                    notes_file,
                    ("wijzigingen", newest, "versie"),
                    f"De nieuwste wijziging ({note.datum}) hoort bij versie '{note.versie}', maar "
                    f"school.yml noemt versie '{versie}' ({_at(loaded, school_file, ('versie',))}"
                    ").",
                    "Veranderde je de versie in school.yml zelf, zet de wijziging er dan bij "
                    f"met 'stappenwijzer versie --nummer {versie.strip()} \"wat er "
                    "veranderde\"'. Anders: 'stappenwijzer versie \"wat er veranderde\"' "
                    "verhoogt de versie en schrijft de wijziging in één keer.",
                )
            )
    if "concept" in versie.casefold() and derive(school_file, school[1]).adopted:
        problems.append(
            _warn(
                school_file,
                ("versie",),
                f"De versie '{versie}' zegt 'concept', maar het protocol is vastgesteld "
                f"({_at(loaded, school_file, (ADOPTION_KEY,))}).",
                "Haal 'concept' uit de versie: de site zegt zelf of het protocol een concept is.",
            )
        )
    return problems


def check_role_contacts(loaded: Loaded) -> list[Problem]:
    """A role without 'contact' while school.yml has a contact person for it (same id or a
    function with the role's name): the role's page would show no one to call."""
    roles = loaded.part("rollen.yml", Rollen)
    school = loaded.part("school.yml", School)
    if roles is None or school is None:
        return []
    (roles_file, rollen), (school_file, data) = roles, school
    linked = {r.contact for r in rollen.rollen if r.contact}
    problems = []
    for i, rol in enumerate(rollen.rollen):
        if rol.contact is not None:
            continue
        match = next(
            (
                key
                for key, c in data.contacten.items()
                if key not in linked
                and (key == rol.id or c.functie.casefold() == rol.naam.casefold())
            ),
            None,
        )
        if match is not None:
            problems.append(
                _warn(
                    roles_file,
                    ("rollen", i, "id"),
                    f"De rol '{rol.id}' heeft geen contactpersoon, maar school.yml heeft "
                    f"'{match}' ({_at(loaded, school_file, ('contacten', match))}).",
                    f"Zet bij deze rol 'contact: {match}': dan staan naam, telefoon en mail "
                    "op de pagina van de rol en bij de stappen.",
                )
            )
    return problems


ONE_BRACE = re.compile(r"(?<!\{)\{\s*([a-z0-9.-]+)\s*\}(?!\})")
"""A fact written with one brace on each side ('{stap-4.termijn}'): shown as it stands."""


def check_facts(loaded: Loaded) -> list[Problem]:
    """Every fact a text names ({{stap-2.momenten}}, facts.py) exists."""
    if not loaded.steps_complete:
        return []  # a step that failed may be the one that provides the fact
    roles = loaded.part("rollen.yml", Rollen)
    known = facts.facts((step for _, step in loaded.steps), roles[1].rollen if roles else None)
    files = [f for name, f in loaded.files.items() if name not in facts.NO_FACT_FILES]
    files += [f for f, _ in loaded.steps]
    step_files = [f for f, _ in loaded.steps]
    problems = []
    for file in files:
        for loc, text in _texts(file.data):
            if file in step_files and loc and loc[0] in facts.VERBATIM_STEP_KEYS:
                continue
            for match in ONE_BRACE.finditer(text):
                name = match.group(1)
                if name not in known and not name.startswith("stap-") and name != facts.MOMENT:
                    continue
                problems.append(
                    file.warning_at(
                        loc,
                        match.group(0),
                        f"Hier staat '{match.group(0)}' met één accolade aan elke kant: de "
                        "site toont dat letterlijk, er wordt niets ingevuld.",
                        f"Schrijf twee accolades aan beide kanten: '{{{{{name}}}}}'.",
                    )
                )
            for match in facts.FACT.finditer(text):
                if match.group(1) in known:
                    continue
                if match.group(1) == facts.MOMENT and _per_moment(file, loc):
                    continue
                line, column = file.position_of(loc, match.group(0))
                problems.append(
                    Problem(
                        file.path,
                        line,
                        column,
                        f"'{match.group(0)}' is geen bekend gegeven.",
                        _suggest(match.group(1), known)
                        if known
                        else "Er zijn geen gegevens om in te vullen: geef een stap "
                        "'termijn: momenten:'.",
                    )
                )
    return problems


def _per_moment(file: YamlFile, loc: Loc) -> bool:
    """Whether ``loc`` is inside a worksheet part or field repeated per moment, where
    {{moment}} stands for each moment."""
    node: Any = file.data
    for key in loc:
        if isinstance(node, dict) and node.get("per_moment") is not None:
            return True
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return False
    return False


MOMENT_PHRASE = re.compile(
    r"\bna\s+(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s+"
    r"(?:dagen|dag|weken|week|maanden|maand)\b",
    re.IGNORECASE,
)
"""A follow-up moment as the school's text writes it: 'na 2 dagen', 'na een week'."""


def _verbatim_text(blocks: list[Any]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            parts.append(block)
        elif hasattr(block, "lijst"):
            parts += block.lijst
        elif hasattr(block, "tabel"):
            parts += [cell for row in block.tabel for cell in row]
    return " ".join(parts)


def check_step_text_vs_data(loaded: Loaded) -> list[Problem]:
    """Where the school's text (WANNEER) states the moments that the data (termijn.momenten)
    also hold, both say the same: one warning with both positions when they disagree."""
    problems: list[Problem] = []
    for file, step in loaded.steps:
        momenten = step.termijn.momenten
        text = _verbatim_text(step.wanneer)
        if not momenten or not text:
            continue
        in_text = {m.casefold() for m in MOMENT_PHRASE.findall(text)}
        labels = {m.label.casefold() for m in momenten}
        missing = [m.label for m in momenten if m.label.casefold() not in text.casefold()]
        extra = sorted(in_text - labels)
        if not missing and not extra:
            continue
        said = ", ".join(f"'{m}'" for m in missing) or ", ".join(f"'{m}'" for m in extra)
        problems.append(
            _warn(
                file,
                ("termijn", "momenten"),
                f"De momenten van stap {step.nummer} onder 'termijn' en de tekst van de school "
                f'onder WANNEER ({_at(loaded, file, ("wanneer", 0))}: "{text}") zeggen niet '
                f"hetzelfde: {said} "
                + ("staat" if len(missing or extra) == 1 else "staan")
                + (" niet in de tekst." if missing else " niet bij de momenten."),
                "Besloot de MR andere momenten? Pas dan allebei aan: de tekst onder 'wanneer' "
                "(letterlijk zoals de school hem schreef) en de 'label', 'dagen', 'weken' of "
                "'maanden' van elk moment hier. De rest van de site volgt de momenten.",
            )
        )
    return problems


_NUMBER_WORDS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6}
_NUMBER_WORDS |= {"zeven": 7, "acht": 8, "negen": 9, "tien": 10, "twaalf": 12}
MOMENT_LABEL = re.compile(
    r"\b(?P<count>\d+|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>dag|dagen|week|weken|maand|"
    r"maanden)\b",
    re.IGNORECASE,
)


def check_moment_labels(loaded: Loaded) -> list[Problem]:
    """A moment's label ('na 3 dagen') says the span its numbers count ('dagen: 2'): the
    planner and the .ics count the numbers, the pages show the label."""
    problems: list[Problem] = []
    for file, step in loaded.steps:
        for i, moment in enumerate(step.termijn.momenten):
            match = MOMENT_LABEL.search(moment.label)
            if match is None:
                continue
            count = match["count"].casefold()
            number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
            unit = match["unit"].casefold()
            field = (
                "dagen"
                if unit.startswith("dag")
                else "weken"
                if unit.startswith("we")
                else ("maanden")
            )
            counted = {"dagen": moment.dagen, "weken": moment.weken, "maanden": moment.maanden}
            said = {k: (number if k == field else 0) for k in counted}
            if counted == said:
                continue
            written = ", ".join(f"{k}: {v}" for k, v in counted.items() if v) or "niets"
            problems.append(
                _warn(
                    file,
                    ("termijn", "momenten", i, "label"),
                    f"Het moment '{moment.label}' telt iets anders ({written}): de planner en "
                    "het agendabestand rekenen met de getallen, de pagina's tonen het label.",
                    f"Maak ze gelijk, bijv. 'label: {moment.label}' met '{field}: {number}' (en "
                    "geen andere getallen), of pas het label aan.",
                )
            )
    return problems


TERM_SECTION = re.compile(r"^(termijn|tijdpad|wanneer)\b", re.IGNORECASE)


def check_step_deadline_vs_text(loaded: Loaded) -> list[Problem]:
    """Where the school's text of a step (WANNEER, or a section 'Termijn') writes a deadline
    ('op dezelfde dag') and the data (termijn.tekst) another: one warning with both
    positions, as for the moments."""
    known = facts.facts(step for _, step in loaded.steps)
    problems: list[Problem] = []
    for file, step in loaded.steps:
        value = known.get(f"stap-{step.nummer}.termijn", "")
        blocks = list(step.wanneer)
        for sectie in step.secties:
            if TERM_SECTION.match(sectie.kop.strip()):
                blocks += sectie.tekst
        text = _verbatim_text(blocks)
        in_data = {fact_checks.deadline_key(m) for m in DEADLINE_PHRASE.findall(value)}
        in_text = {fact_checks.deadline_key(m) for m in DEADLINE_PHRASE.findall(text)}
        if not in_data or not in_text or in_data == in_text:
            continue
        position = ("wanneer", 0) if step.wanneer else ("secties",)
        problems.append(
            _warn(
                file,
                ("termijn", "tekst"),
                f"De termijn van stap {step.nummer} onder 'termijn' ('{value}') en de tekst van "
                f'de school ({_at(loaded, file, position)}: "{text}") zeggen niet hetzelfde: '
                + ", ".join(f"'{p}'" for p in sorted(in_data ^ in_text))
                + " staat maar op één van beide plekken.",
                "Besloot de MR een andere termijn? Pas dan allebei aan: de tekst van de school "
                "(letterlijk zoals de school hem nu schrijft) en 'tekst' onder 'termijn' hier. "
                "De rest van de site volgt 'termijn'.",
            )
        )
    return problems


def check_copied_facts(loaded: Loaded) -> list[Problem]:
    """Our texts that write a moment out ('na een week') instead of naming it: they would not
    follow when the MR changes the moments."""
    if not loaded.steps_complete:
        return []
    by_label: dict[str, str] = {}
    for name, value in facts.facts(step for _, step in loaded.steps).items():
        if ".moment-" in name:
            by_label.setdefault(value.casefold(), name)
    if not by_label:
        return []
    step_files = [f for f, _ in loaded.steps]
    files = [f for name, f in loaded.files.items() if name not in facts.NO_FACT_FILES]
    problems = []
    for file in [*files, *step_files]:
        for loc, text in _texts(file.data):
            if file in step_files and loc and loc[0] in facts.VERBATIM_STEP_KEYS:
                continue
            if file in step_files and loc[:2] == ("termijn", "momenten"):
                continue  # the one place where the moments are written
            if facts.ASSUMED in loc:
                continue  # a narrative text's record of a value: written out on purpose
            for match in MOMENT_PHRASE.finditer(text):
                name = by_label.get(match.group(0).casefold())
                if name is None:
                    continue
                problems.append(
                    file.warning_at(
                        loc,
                        match.group(0),
                        f"Deze tekst schrijft '{match.group(0)}' zelf uit; verandert de MR de "
                        "momenten, dan blijft hier het oude moment staan.",
                        f"Schrijf '{{{{{name}}}}}' in plaats van '{match.group(0)}': dan vult de "
                        "site het moment in uit de stap (zie de README, 'Een wijziging die de MR "
                        "besloot').",
                    )
                )
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
    check_adoption_vs_worksheets,
    check_version_vs_changes,
    check_role_contacts,
    check_facts,
    check_step_text_vs_data,
    check_step_deadline_vs_text,
    check_moment_labels,
    check_copied_facts,
    fact_checks.check_copied_deadlines,
    fact_checks.check_stale_moments,
    fact_checks.check_outcome_roles,
    fact_checks.check_worksheet_roles,
    fact_checks.check_worksheet_texts,
    fact_checks.check_per_moment,
    fact_checks.check_assumed_facts,
)


def check(loaded: Loaded) -> list[Problem]:
    """Every cross-file problem, concern by concern."""
    return [problem for concern in CHECKS for problem in concern(loaded)]
