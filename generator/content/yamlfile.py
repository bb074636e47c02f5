"""Reading one YAML file of content/ while keeping the line and column of every node.

The parsed tree (ruamel.yaml's round-trip types) is kept beside the plain data so that a problem
found later, by the schema or by a cross-reference check, can point at the exact spot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from generator.problems import Problem, Severity

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    """One parsed content file: its path, the positioned tree and the plain data."""

    path: Path
    tree: Any
    data: Any

    def position(self, loc: Loc) -> tuple[int, int]:
        """1-based line and column of the node at ``loc``.

        Path components that do not exist in the tree (a key that is missing, a tag that pydantic
        adds for a member of a union) are skipped, so the position is that of the deepest node
        that does exist: for a missing key, the mapping that lacks it.
        """
        node = self.tree
        line, col = 0, 0
        if isinstance(node, CommentedMap | CommentedSeq):
            line, col = node.lc.line, node.lc.col
        for part in loc:
            if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
                if isinstance(node[part], CommentedMap | CommentedSeq):
                    # Point at the key: the value of a nested block starts on the next line.
                    line, col = node.lc.key(part)
                else:
                    line, col = node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, col = node.lc.item(part)
                node = node[part]
        return line + 1, col + 1

    def problem(self, loc: Loc, message: str, hint: str, severity: Severity = "fout") -> Problem:
        """A problem at the node ``loc`` of this file."""
        line, col = self.position(loc)
        return Problem(self.path, line, col, message, hint, severity)

    def key_position(self, loc: Loc) -> tuple[int, int]:
        """Position of the key (not the value) that ends ``loc``; for unknown-key errors."""
        *parent_loc, key = loc
        node = self.tree
        for part in parent_loc:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return self.position(loc)
        if isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.key(key)
            return line + 1, col + 1
        return self.position(loc)


def _plain(node: Any) -> Any:
    """ruamel's round-trip types as plain Python types, for strict validation."""
    if isinstance(node, dict):
        return {str(k) if isinstance(k, str) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


# ruamel.yaml reports syntax errors in English; these are the ones an editor meets most, in Dutch.
_SYNTAX_MESSAGES: list[tuple[str, str, str]] = [
    (
        r"mapping values are not allowed",
        "Er staat een dubbele punt (:) op een plek waar dat niet mag.",
        "Staat er een dubbele punt in de tekst zelf? Zet de hele tekst dan tussen dubbele "
        'aanhalingstekens ("..."). Anders: controleer de inspringing van deze regel.',
    ),
    (
        r"could not find expected ':'",
        "Na een sleutel ontbreekt de dubbele punt, of een regel is verkeerd ingesprongen.",
        "Schrijf sleutels als 'sleutel: waarde' en laat tekst die doorloopt even ver inspringen.",
    ),
    (
        r"found character '\\t'|found a tab",
        "Er staat een tab-teken.",
        "Gebruik spaties om in te springen, geen tabs.",
    ),
    (
        r"while scanning a quoted scalar|found unexpected end of stream",
        "Een aanhalingsteken wordt niet afgesloten.",
        "Sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint.",
    ),
    (
        r"expected <block end>|did not find expected key|did not find expected '-' indicator",
        "De inspringing klopt hier niet.",
        "Zorg dat sleutels van hetzelfde onderdeel precies even ver inspringen en dat "
        "lijstregels met '- ' onder elkaar staan.",
    ),
    (
        r"while parsing a flow|expected ',' or|expected ']'|expected '}'",
        "Een lijst of onderdeel tussen haakjes ([ ] of { }) is niet goed afgesloten.",
        "Controleer dat elke '[' een ']' heeft en elke '{' een '}', of zet de tekst tussen "
        "aanhalingstekens.",
    ),
]


def _syntax_problem(path: Path, error: MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    english = f"{error.context or ''} {error.problem or ''}"
    for pattern, message, hint in _SYNTAX_MESSAGES:
        if re.search(pattern, english):
            return Problem(path, line, col, f"YAML-opmaakfout. {message}", hint)
    return Problem(
        path,
        line,
        col,
        "YAML-opmaakfout: het bestand kan hier niet gelezen worden.",
        "Vergelijk deze regel met een regel die wel werkt: inspringing met spaties, "
        "'sleutel: waarde', lijstregels met '- ', tekst met een dubbele punt tussen "
        "aanhalingstekens.",
    )


def read_yaml(path: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file. Returns the file, or None and the problems that stopped it."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", "replace")) + 1
        return None, [
            Problem(
                path,
                line,
                col,
                f"Het bestand is niet opgeslagen als UTF-8 (onleesbaar teken, byte "
                f"0x{raw[error.start]:02x}).",
                "Sla het bestand op als UTF-8. In VS Code: klik rechtsonder op de codering, "
                "kies 'Save with Encoding' en dan 'UTF-8'. Controleer daarna letters als é en ë.",
            )
        ]
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = re.search(r'found duplicate key "([^"]*)"', str(error))
        name = f"'{key.group(1)}' " if key else ""
        return None, [
            Problem(
                path,
                mark.line + 1 if mark else 1,
                mark.column + 1 if mark else 1,
                f"De sleutel {name}staat twee keer in hetzelfde onderdeel.",
                "Houd één van de twee over; voeg de tekst zo nodig samen.",
            )
        ]
    except MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    if tree is None:
        return None, [
            Problem(path, 1, 1, "Het bestand is leeg.", "Vul het bestand in of verwijder het.")
        ]
    if not isinstance(tree, CommentedMap):
        return None, [
            Problem(
                path,
                1,
                1,
                "Het bestand moet beginnen met sleutels ('sleutel: waarde'), niet met een "
                "lijst of losse tekst.",
                "Vergelijk het begin met een van de andere bestanden in deze map.",
            )
        ]
    return YamlFile(path=path, tree=tree, data=_plain(tree)), []
