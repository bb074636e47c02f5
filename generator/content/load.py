"""Loading content/: read every file, validate each against its model, check the references.

All problems of all files are collected in one run; nothing stops at the first one.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.content import checks, facts, status
from generator.content.loaded import Loaded
from generator.content.model import (
    FILE_MODELS,
    OPTIONAL_FILE_MODELS,
    STEP_DIR,
    Protocol,
    Stap,
    Zoekwoorden,
)
from generator.content.names import display_names
from generator.content.validate import validate_file
from generator.content.yamlfile import YAML_SUFFIXES, read_yaml
from generator.problems import ContentError, Problem

STEP_NAME = re.compile(r"^stap-\d+\.ya?ml$")


def _find(content_dir: Path, name: str) -> Path | None:
    stem = Path(name).stem
    for suffix in YAML_SUFFIXES:
        candidate = content_dir / f"{stem}{suffix}"
        if candidate.exists() or candidate.is_symlink():
            return candidate  # a folder or a broken link is reported when it is read
    return None


def _read_parts(content_dir: Path, loaded: Loaded) -> None:
    for name, model in {**FILE_MODELS, **OPTIONAL_FILE_MODELS}.items():
        path = _find(content_dir, name)
        if path is None and name in OPTIONAL_FILE_MODELS:
            continue
        if path is None:
            loaded.problems.append(
                Problem(
                    content_dir / name,
                    0,
                    0,
                    f"Het bestand {name} ontbreekt.",
                    f"Maak {content_dir / name} aan; kijk voor een voorbeeld in de map content/ "
                    "van Stappenwijzer.",
                )
            )
            continue
        yaml_file, problems = read_yaml(path)
        loaded.problems += problems
        if yaml_file is None:
            continue
        loaded.files[name] = yaml_file
        part, problems = validate_file(yaml_file, model, display_names(loaded.files))
        loaded.problems += problems
        if part is not None:
            loaded.parts[name] = part


def _read_steps(content_dir: Path, loaded: Loaded) -> None:
    step_dir = content_dir / STEP_DIR
    paths = sorted(p for p in step_dir.glob("*") if STEP_NAME.match(p.name))
    if not paths:
        loaded.problems.append(
            Problem(
                step_dir,
                1,
                1,
                f"Er staan geen stappen in {step_dir}.",
                "Zet elke stap in een eigen bestand, bijv. stappen/stap-0.yml.",
            )
        )
    for path in paths:
        yaml_file, problems = read_yaml(path)
        loaded.problems += problems
        if yaml_file is None:
            loaded.steps_complete = False
            continue
        step, problems = validate_file(yaml_file, Stap, display_names(loaded.files))
        loaded.problems += problems
        if step is None:
            loaded.steps_complete = False
        else:
            loaded.steps.append((yaml_file, step))


def _unknown(path: Path, where: str, known: str) -> Problem:
    return Problem(
        path,
        1,
        1,
        f"{path.name} hoort niet in {where} en wordt niet gebruikt.",
        f"Controleer de naam ({known}), of verplaats het buiten content/ (bijv. een kladversie).",
        severity="let op",
    )


def _unknown_files(content_dir: Path) -> list[Problem]:
    """Every file or folder in content/ and content/stappen/ that the model does not know,
    once, by name (a stray draft must not be validated as a step)."""
    known = {Path(n).stem for n in (*FILE_MODELS, *OPTIONAL_FILE_MODELS)}
    names = ", ".join(sorted((*FILE_MODELS, *OPTIONAL_FILE_MODELS)))
    problems = [
        _unknown(path, "content/", f"bekende bestanden: {names} en de map {STEP_DIR}/")
        for path in sorted(content_dir.iterdir())
        if not _ignored(path)
        and not (path.suffix in YAML_SUFFIXES and path.stem in known)
        and path.name != STEP_DIR
    ]
    step_dir = content_dir / STEP_DIR
    if step_dir.is_dir():
        problems += [
            _unknown(path, f"{STEP_DIR}/", "stappen heten stap-0.yml, stap-1.yml enzovoort")
            for path in sorted(step_dir.iterdir())
            if not _ignored(path) and not STEP_NAME.match(path.name)
        ]
    return problems


def _ignored(path: Path) -> bool:
    """Hidden files and editor backups (.gitkeep, .DS_Store, stap-1.yml~)."""
    return path.name.startswith(".") or path.name.endswith("~")


def _fill_in_facts(loaded: Loaded) -> None:
    """Fill in every fact a text names (facts.py), from the one place it is written."""
    steps = [step for _, step in loaded.steps]
    roles = loaded.parts.get("rollen.yml")
    known = facts.facts(steps, roles.rollen if roles else None)
    if "formulieren.yml" in loaded.parts:
        loaded.parts["formulieren.yml"] = facts.expand_worksheets(
            loaded.parts["formulieren.yml"], steps, roles.rollen if roles else None
        )
    loaded.parts = {
        name: part if name in facts.NO_FACT_FILES else facts.fill_part(part, known)
        for name, part in loaded.parts.items()
    }
    loaded.steps = [(file, facts.fill_part(step, known)) for file, step in loaded.steps]


def load(content_dir: Path) -> tuple[Protocol | None, list[Problem]]:
    """Load and check content_dir. Returns the protocol (None if there is any error) and
    every problem found, warnings included."""
    if not content_dir.is_dir():
        problem = Problem(
            content_dir,
            0,
            0,
            f"De map {content_dir} bestaat niet.",
            "Start het commando in de map van het project, of geef de map aan met --content.",
        )
        return None, [problem]
    loaded = Loaded(content_dir=content_dir)
    _read_parts(content_dir, loaded)
    _read_steps(content_dir, loaded)
    loaded.problems += _unknown_files(content_dir)
    loaded.problems += checks.check(loaded)
    if any(p.is_error for p in loaded.problems) or not set(FILE_MODELS) <= set(loaded.parts):
        return None, loaded.problems
    _fill_in_facts(loaded)
    protocol = Protocol(
        school=loaded.parts["school.yml"],
        stappen=sorted((s for _, s in loaded.steps), key=lambda s: s.nummer),
        rollen=loaded.parts["rollen.yml"].rollen,
        begrippen=loaded.parts["begrippen.yml"],
        wijzigingen=sorted(
            loaded.parts["wijzigingen.yml"].wijzigingen, key=lambda w: w.datum, reverse=True
        ),
        formulieren=loaded.parts["formulieren.yml"],
        wegwijzer=loaded.parts.get("wegwijzer.yml"),
        scenarios=loaded.parts["scenarios.yml"].scenarios
        if "scenarios.yml" in loaded.parts
        else [],
        mail=loaded.parts.get("mail.yml"),
        nieuw=loaded.parts.get("nieuw.yml"),
        zoekwoorden=loaded.parts.get("zoekwoorden.yml", Zoekwoorden()),
        hoofdstukken=(
            loaded.parts["hoofdstukken.yml"].hoofdstukken
            if "hoofdstukken.yml" in loaded.parts
            else []
        ),
        status=status.derive(
            loaded.files["school.yml"], loaded.parts["school.yml"], loaded.parts["formulieren.yml"]
        ),
    )
    return protocol, loaded.problems


def load_or_raise(content_dir: Path) -> tuple[Protocol, list[Problem]]:
    protocol, problems = load(content_dir)
    if protocol is None:
        raise ContentError(problems)
    return protocol, problems
