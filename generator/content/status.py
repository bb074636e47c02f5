"""The protocol's one honest state: concept or adopted.

The protocol is a concept while anything in school.yml is still a [placeholder], a contact has
no name, or no adoption date (``vastgesteld``) is set. This module is the only place that
decides it; the banner on every page, the footer, the worksheets' "voorstel" line, the PDFs,
``check`` and ``build --definitief`` all read the state computed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from generator.content.yamlfile import Loc, YamlFile

if TYPE_CHECKING:  # the model holds a Status: no import at run time
    from generator.content.model import Formulieren, School

ADOPTION_KEY = "vastgesteld"
"""The key in school.yml that holds the adoption date."""


def is_placeholder(value: object) -> bool:
    """A text the school still has to fill in: written as ``[...]``."""
    return isinstance(value, str) and value.startswith("[") and value.endswith("]")


def placeholders(node: Any, loc: Loc = ()) -> Iterable[tuple[Loc, str]]:
    """Every [placeholder] in a plain data tree, with its location."""
    if isinstance(node, str):
        if is_placeholder(node):
            yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from placeholders(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from placeholders(value, (*loc, i))


class Open(BaseModel):
    """One thing that keeps the protocol a concept, where to change it."""

    model_config = ConfigDict(frozen=True)

    path: Path
    line: int
    column: int
    key: str
    """The key as a dotted path, e.g. 'contacten.apc.naam'."""
    value: str | None
    """The placeholder as written; '' for a contact without a name; None for a missing date."""


class Status(BaseModel):
    """Concept or adopted, derived from school.yml (and formulieren.yml for the worksheets)."""

    model_config = ConfigDict(frozen=True)

    open: tuple[Open, ...] = ()
    """What is still open, in the order of the file."""
    worksheets_adopted_flag: bool | None = None
    """formulieren.yml's own 'vastgesteld', when it is written (None: follows the protocol)."""

    @property
    def concept(self) -> bool:
        return bool(self.open)

    @property
    def adopted(self) -> bool:
        return not self.open

    @property
    def worksheets_proposal(self) -> bool:
        """The worksheets say "voorstel" while the protocol is a concept, or while
        formulieren.yml explicitly says they are not adopted yet."""
        return self.concept or self.worksheets_adopted_flag is False


def derive(school_file: YamlFile, school: School, formulieren: Formulieren | None = None) -> Status:
    """The state of the protocol, with the position of everything still open."""
    found: list[Open] = []
    for loc, value in placeholders(school_file.data):
        line, column = school_file.position(loc)
        found.append(
            Open(path=school_file.path, line=line, column=column, key=_dotted(loc), value=value)
        )
    for key, contact in school.contacten.items():
        if contact.naam is None or not contact.naam.strip():  # 'naam:' left empty, or left out
            loc = ("contacten", key, "naam")
            has_key = isinstance(school_file.data.get("contacten", {}).get(key), dict) and (
                "naam" in school_file.data["contacten"][key]
            )
            line, column = school_file.key_position(loc if has_key else ("contacten", key))
            found.append(
                Open(path=school_file.path, line=line, column=column, key=_dotted(loc), value="")
            )
    if school.vastgesteld is None:
        line, column = school_file.key_position((ADOPTION_KEY,))
        found.append(
            Open(path=school_file.path, line=line, column=column, key=ADOPTION_KEY, value=None)
        )
    found.sort(key=lambda o: (o.line, o.column))
    return Status(
        open=tuple(found),
        worksheets_adopted_flag=formulieren.vastgesteld if formulieren else None,
    )


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)
