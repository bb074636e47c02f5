"""``stappenwijzer importeer``: read a document, recognise the protocol, write the draft, and
say what was recognised, what to check and what could not be placed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.importing.document import Document, Note
from generator.importing.draft import Draft
from generator.importing.recognise import recognise

SUFFIXES = (".docx", ".odt", ".txt", ".text")


class ImportError_(Exception):
    """The document cannot be imported; the message says why and what to do (Dutch)."""


def read_document(path: Path) -> Document:
    if not path.is_file():
        raise ImportError_(f"Het bestand {path} bestaat niet.")
    suffix = path.suffix.casefold()
    if suffix == ".docx":
        from generator.importing.read_docx import read_docx

        reader = read_docx
    elif suffix == ".odt":
        from generator.importing.read_odt import read_odt

        reader = read_odt
    elif suffix in (".txt", ".text"):
        from generator.importing.read_text import read_text

        reader = read_text
    else:
        raise ImportError_(
            f"{path.name}: dit soort bestand kan Stappenwijzer niet lezen. Sla het protocol in "
            "Word of LibreOffice op als .docx of .odt (of als platte tekst, .txt) en probeer "
            "het opnieuw."
        )
    try:
        document = reader(path)
    except Exception as error:  # a damaged or password-protected file
        raise ImportError_(
            f"{path.name} kon niet gelezen worden: het is geen geldig {suffix}-bestand. Is het "
            "beschadigd of beveiligd met een wachtwoord? Open het in Word of LibreOffice, sla "
            "het opnieuw op (zonder wachtwoord) en probeer het nog eens."
        ) from error
    if not any(e.text.strip() or e.items or e.rows for e in document.elements):
        raise ImportError_(
            f"{path.name} is leeg: er staat geen tekst in. Is dit het goede bestand? Sla het "
            "protocol opnieuw op en probeer het nog eens."
        )
    return document


@dataclass
class Imported:
    draft: Draft
    notes: list[Note]
    step_files: list[Path] = field(default_factory=list)


def import_document(source: Path, target: Path, today: dt.date | None = None) -> Imported:
    from generator.importing.write import write_draft

    if target.exists() and any(target.iterdir()):
        raise ImportError_(
            f"De map {target} bestaat al en is niet leeg. Kies een nieuwe map (bijv. "
            "--naar concept/content); zo wordt er nooit iets overschreven."
        )
    document = read_document(source)
    draft = recognise(document)
    target.mkdir(parents=True, exist_ok=True)
    files = write_draft(draft, target, source.name, today or dt.date.today())
    return Imported(draft, document.notes, files)


def report(imported: Imported, target: Path) -> str:
    """What the coordinator reads after an import (Dutch)."""
    draft = imported.draft
    lines = [f"Concept geschreven in {target}."]
    if draft.title:
        lines.append(f"Titel van het protocol: {draft.title}")
    if draft.steps:
        lines.append(f"{len(draft.steps)} stappen herkend:")
        for step in sorted(draft.steps, key=lambda s: s.nummer):
            extra = []
            if step.secties:
                extra.append("eigen kopjes: " + ", ".join(s.kop for s in step.secties))
            if step.deelstappen:
                extra.append(f"{len(step.deelstappen)} deelstap(pen)")
            suffix = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {step.where}: {step.kop}{suffix}")
    else:
        lines.append(
            "Geen stappenplan herkend: alle tekst staat in hoofdstukken.yml, en "
            "stappen/stap-1.yml is een voorbeeld om in te vullen (tekst tussen [ ]). Maak de "
            "stappen zelf in stappen/ (zie de README) of geef de stappen in het document koppen "
            "als 'Stap 1: ...' en importeer opnieuw."
        )
    if draft.chapters:
        lines.append(
            f"{len(draft.chapters)} delen buiten het stappenplan, elk op een eigen pagina:"
        )
        lines += [f"  {c.where}: {c.titel} ({c.plaats} het stappenplan)" for c in draft.chapters]
    placed = [(note.where, note.message) for note in imported.notes if note.placed]
    dropped = [note for note in imported.notes if not note.placed]
    if draft.checks or placed:
        lines.append("Kijk na:")
        lines += [f"  {where}: {message}" for where, message in [*draft.checks, *placed]]
    if dropped:
        lines.append("Niet overgenomen (staat nergens in het concept):")
        lines += [f"  {note.where}: {note.message}" for note in dropped]
    else:
        lines.append("Alle tekst van het document staat in het concept.")
    lines.append(
        f"Volgende stap: 'stappenwijzer check --content {target}' noemt alles wat nog in te "
        "vullen is; daarna 'stappenwijzer build --content ...'."
    )
    return "\n".join(lines)
