"""Writing a draft as content/: the starter files (generator/starter/) for what the importer
cannot know, the school's text as step files and hoofdstukken.yml."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.importing.draft import Draft, Step, slug

STARTER = Path(__file__).resolve().parents[1] / "starter"
PLACEHOLDER_TERM = "[wanneer, in een paar woorden]"
STEP_HEADER = """\
yaml-language-server: $schema=../../schema/stap.schema.json

Gemaakt door 'stappenwijzer importeer' uit {bron}.
De tekst onder 'wanneer', 'waarom', 'wie', 'hoe', 'alinea', 'secties' en 'deelstappen' is
letterlijk de tekst van het protocol. Tekst tussen [ ] is nog in te vullen ('stappenwijzer check').
"""
CHAPTERS_HEADER = """\
yaml-language-server: $schema=../schema/hoofdstukken.schema.json

Gemaakt door 'stappenwijzer importeer' uit {bron}: de delen van het protocol buiten het
stappenplan, letterlijk, elk op een eigen pagina. 'plaats': voor of na het stappenplan.
"""

ROLE_WORDS = {
    "leerkracht": r"\bleerkracht|\bleraar|\bleraren|\bgroepsleerkracht|\bmentor",
    "leerlingen": r"\bleerling|\bkinderen\b|\bkind\b",
    "ib": r"\bIB\b|\bIB-?er|intern begeleider|\bIB'er",
    "apc": r"\bAPC|anti-?pest ?co[öo]rdinator|pestco[öo]rdinator",
    "directie": r"directie|directeur|schoolleid",
    "ouders": r"\bouders?\b|verzorger",
}
"""Roles of the starter rollen.yml, found by their words in a step's WIE text."""


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096  # one line per paragraph: no folding, no trailing spaces
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def dump(data: dict[str, Any], header: str) -> str:
    """YAML text with ``header`` as its leading comment."""
    tree = CommentedMap(data)
    stream = StringIO()
    _yaml().dump(tree, stream)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + stream.getvalue()


ROLE_TASK = "[geraden uit de tekst: doet deze rol hier iets? wat? anders weghalen]"
"""The task of a role the importer found by its words: the coordinator confirms or removes it."""
WHO_HEADING = re.compile(r"wie|betrokken|verantwoordelijk|uitvoer|door wie", re.IGNORECASE)
"""A section of a step that says who acts ('Wie', 'Betrokkenen', 'Verantwoordelijke')."""
TERM_HEADING = re.compile(r"^(termijn|tijdpad|uiterlijk|tijdsduur)$", re.IGNORECASE)
"""A section of a step that gives its deadline ('Termijn: zelfde dag')."""
TERM_WORDS = 12
"""A deadline longer than this is a sentence, not 'in a few words': left for the coordinator."""


def _roles(step: Step) -> list[dict[str, str]]:
    """Roles the step names where it says who acts (its WIE text, a 'Verantwoordelijke' or
    'Betrokkenen' section) or, without one, anywhere in its text; each with a task that says
    it was guessed."""
    wie_text = " ".join(
        str(b) for sectie in step.secties if WHO_HEADING.search(sectie.kop) for b in sectie.tekst
    )
    text = " ".join(str(b) for b in step.w.get("wie", [])) + " " + wie_text
    if not text.strip():
        text = step.all_text()
    return [
        {"rol": rol, "taak": ROLE_TASK}
        for rol, pattern in ROLE_WORDS.items()
        if re.search(pattern, text, re.IGNORECASE)
    ]


def _term(step: Step) -> str:
    """The deadline in the school's own words, from a 'Termijn' section of a few words (the
    label before it left out); else the placeholder."""
    for sectie in step.secties:
        texts = [b for b in sectie.tekst if isinstance(b, str)]
        if not TERM_HEADING.match(sectie.kop.strip().rstrip(":").strip()) or len(texts) != 1:
            continue
        text = re.sub(r"^\s*\w+\s*:\s*", "", texts[0]) if ":" in texts[0][:20] else texts[0]
        text = text.strip().rstrip(".").strip()
        if text and len(text.split()) <= TERM_WORDS:
            return text
    return PLACEHOLDER_TERM


def short_title(titel: str) -> str:
    """The menu's short form of a step title: the title, or its first words."""
    if len(titel) <= 40:
        return titel
    words, short = titel.split(), ""
    for word in words:
        if len(short) + len(word) + 1 > 38:
            break
        short = f"{short} {word}".strip()
    return (short or titel[:38]) + "…"


def step_data(step: Step, following: int | None) -> dict[str, Any]:
    titel = step.titel or f"[titel van stap {step.nummer}]"
    data: dict[str, Any] = {
        "nummer": step.nummer,
        "titel": titel,
        "korte_titel": short_title(step.titel)
        if step.titel
        else f"[korte titel stap {step.nummer}]",
    }
    if step.kop != f"Stap {step.nummer}: {titel}":
        data["kop"] = step.kop
    if step.alinea:
        data["alinea"] = step.alinea
    for field in ("wanneer", "waarom", "wie", "hoe"):
        if field in step.w:
            data[field] = step.w[field]
    if step.koppen:
        data["koppen"] = dict(step.koppen)
    if step.secties:
        data["secties"] = [s.data() for s in step.secties]
    if step.deelstappen:
        data["deelstappen"] = [d.data() for d in step.deelstappen]
    data["rollen"] = _roles(step)
    data["termijn"] = {"kort": _term(step)}
    if following is None:
        data["vervolg"] = [
            {"naar": "afgesloten", "label": "opgelost", "uitleg": "[wanneer is de zaak afgerond?]"}
        ]
    else:
        data["vervolg"] = [
            {
                "naar": following,
                "label": "[voorwaarde]",
                "uitleg": f"[wanneer ga je door naar stap {following}?]",
            }
        ]
    return data


def chapters_data(draft: Draft) -> dict[str, Any]:
    taken: set[str] = set()
    result = []
    for chapter in draft.chapters:
        data: dict[str, Any] = {
            "id": slug(chapter.titel, taken),
            "titel": chapter.titel,
            "plaats": chapter.plaats,
        }
        if chapter.tekst:
            data["tekst"] = chapter.tekst
        if chapter.secties:
            data["secties"] = [s.data() for s in chapter.secties]
        result.append(data)
    return {"hoofdstukken": result}


def copy_starter(target: Path, *, example_step: bool) -> None:
    """The starter files into ``target`` (which must not hold any yet)."""
    for source in sorted(STARTER.rglob("*.yml")):
        rel = source.relative_to(STARTER)
        if not example_step and (rel.parts[0] == "stappen" or rel.name == "hoofdstukken.yml"):
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / rel)


def _set_value(path: Path, key: str, value: str) -> None:
    """Replace one top-level value in a starter file, keeping its comments."""
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    data[key] = value
    stream = StringIO()
    yaml.dump(data, stream)
    path.write_text(stream.getvalue(), encoding="utf-8")


def write_draft(draft: Draft, target: Path, source_name: str, today: dt.date) -> list[Path]:
    """The draft as a complete content/ folder in ``target``; returns the step files."""
    copy_starter(target, example_step=False)
    if draft.title:
        _set_value(target / "school.yml", "protocol_titel", draft.title)
    changes = _yaml().load((target / "wijzigingen.yml").read_text(encoding="utf-8"))
    changes["wijzigingen"][0]["datum"] = today
    changes["wijzigingen"][0]["tekst"] = f"Overgenomen uit {source_name} (stappenwijzer importeer)."
    stream = StringIO()
    _yaml().dump(changes, stream)
    (target / "wijzigingen.yml").write_text(stream.getvalue(), encoding="utf-8")

    steps = sorted(draft.steps, key=lambda s: s.nummer)
    written = []
    (target / "stappen").mkdir(parents=True, exist_ok=True)
    for i, step in enumerate(steps):
        following = steps[i + 1].nummer if i + 1 < len(steps) else None
        path = target / "stappen" / f"stap-{step.nummer}.yml"
        path.write_text(
            dump(step_data(step, following), STEP_HEADER.format(bron=source_name)),
            encoding="utf-8",
        )
        written.append(path)
    if not steps:  # nothing recognised: the starter's example step keeps the draft valid
        path = target / "stappen" / "stap-1.yml"
        shutil.copyfile(STARTER / "stappen" / "stap-1.yml", path)
        written.append(path)
    if draft.chapters:
        (target / "hoofdstukken.yml").write_text(
            dump(chapters_data(draft), CHAPTERS_HEADER.format(bron=source_name)),
            encoding="utf-8",
        )
    return written
