"""Reading one YAML file of content/ while keeping the line and column of every node.

The parsed tree (ruamel.yaml's round-trip types) is kept beside the plain data so that a problem
found later, by the schema or by a cross-reference check, can point at the exact spot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.content.yamlscreen import Sources, check_characters, check_events, check_size
from generator.problems import Problem, Severity

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlFile:
    """One parsed content file: its path, the positioned tree and the plain data."""

    path: Path
    tree: Any
    data: Any
    sources: Sources = field(default_factory=dict)
    lines: tuple[str, ...] = ()
    """The file's text, line by line (for what the tree does not keep, e.g. a lone '-')."""

    def source(self, loc: Loc) -> str | None:
        """The value at ``loc`` exactly as written in the file, if it is a plain value."""
        line, col = self.position(loc)
        return self.sources.get((line - 1, col - 1))

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
                if node[part] is None or isinstance(node[part], CommentedMap | CommentedSeq):
                    # Point at the key: the value of a nested block starts on the next line,
                    # and ruamel places an empty value ('naam:') at the next token.
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

    def position_of(self, loc: Loc, needle: str) -> tuple[int, int]:
        """The line and column where ``needle`` is written inside the text at ``loc`` (a folded
        text spans lines): the place to change, not just where the text begins."""
        start = self.position(loc)
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return start
        for number in range(start[0], min(len(lines), start[0] + 200) + 1):
            column = lines[number - 1].casefold().find(needle.casefold())
            if column >= 0:
                return number, column + 1
        return start

    def warning_at(self, loc: Loc, needle: str, message: str, hint: str) -> Problem:
        """A warning at the words ``needle`` of the text at ``loc``."""
        line, col = self.position_of(loc, needle)
        return Problem(self.path, line, col, message, hint, "let op")

    def lone_dashes(self) -> list[tuple[Loc, int, int]]:
        """Every list item begun by a line with only '-' on it: the list's location, the
        item's index and the dash's 0-based line. Such an item is empty (None), or is a block
        that starts on the next line; both are, in content/, a stray '-'."""
        found: list[tuple[Loc, int, int]] = []
        for loc, seq in _sequences(self.tree):
            for i in range(len(seq)):
                line, _ = seq.lc.item(i)
                dash = self._dash_above(line, seq.lc.col)
                if dash is not None:
                    found.append((loc, i, dash))
        return found

    def _dash_above(self, line: int, col: int) -> int | None:
        """The line of a lone '-' at column ``col`` that begins the item at ``line``."""
        for number in range(line, max(-1, line - 20), -1):
            text = self.lines[number] if number < len(self.lines) else ""
            if _LONE_DASH.match(text) and text.index("-") == col:
                return number
            if number < line and text.strip() and not text.lstrip().startswith("#"):
                return None
            if number == line and text[col : col + 1] == "-":
                return None  # '- waarde': an ordinary item
        return None

    def key_position(self, loc: Loc) -> tuple[int, int]:
        """Position of the key (not the value) that ends ``loc``; for unknown-key errors."""
        *parent_loc, key = loc
        node = self.tree
        for part in parent_loc:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError, AttributeError):
                return self.position(loc)
        if isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.key(key)
            return line + 1, col + 1
        return self.position(loc)


_LONE_DASH = re.compile(r"^\s*-\s*(#.*)?$")


def _sequences(node: Any, loc: Loc = ()) -> list[tuple[Loc, CommentedSeq]]:
    """Every block list in the tree, with its location."""
    found: list[tuple[Loc, CommentedSeq]] = []
    if isinstance(node, CommentedSeq):
        if not node.fa.flow_style():
            found.append((loc, node))
        for i, item in enumerate(node):
            found += _sequences(item, (*loc, i))
    elif isinstance(node, CommentedMap):
        for key, value in node.items():
            found += _sequences(value, (*loc, key))
    return found


def _plain(node: Any) -> Any:
    """ruamel's round-trip types as plain Python types, for strict validation.

    Safe because ``_screen`` has refused anchors and aliases (no shared subtrees to copy
    again and again) and bounded the depth before the tree was built.
    """
    if isinstance(node, dict):
        return {str(k) if isinstance(k, str) else k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, TaggedScalar):
        return str(node.value)  # '!!str 0612': the only tag yamlscreen lets through
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


YAML_SUFFIXES = (".yml", ".yaml")
"""The names a content file may end in."""


# ruamel.yaml reports syntax errors in English; these are the ones an editor meets most, in Dutch.
_SYNTAX_MESSAGES: list[tuple[str, str, str]] = [
    (
        r"expected a single document",
        "Er staan meerdere documenten in dit bestand (een regel met alleen '---').",
        "Haal de regel met '---' weg en voeg de delen samen, of zet het tweede deel in een "
        "eigen bestand.",
    ),
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


_KEY_WITHOUT_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?![\s/])\S")
_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(["'])""")


def _missing_space(lines: list[str], upto: int) -> int | None:
    """The last line up to ``upto`` (0-based) with 'sleutel:waarde' (no space after ':')."""
    for number in range(min(upto, len(lines) - 1), max(-1, upto - 30), -1):
        if _KEY_WITHOUT_SPACE.match(lines[number]):
            return number
    return None


def _unclosed_quote(lines: list[str], upto: int) -> int | None:
    """The last line up to ``upto`` whose value opens a quote that the line does not close."""
    for number in range(min(upto, len(lines) - 1), max(-1, upto - 60), -1):
        line = lines[number]
        match = _OPENING_QUOTE.match(line)
        if match and _is_open(line[match.end() :], match.group(1)):
            return number
    return None


def _is_open(rest: str, quote: str) -> bool:
    if quote == "'":
        return rest.replace("''", "").count("'") == 0
    return re.sub(r"\\.", "", rest).count('"') == 0


_UNQUOTED_BRACES = re.compile(r"^\s*(?:-\s+)?(?:(?P<key>[\w-]+):\s+)?(?P<value>\{\{.*)$")
_CURLY_QUOTES = "“”„‘’‚"
_NO_COLON = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_][\w-]*)\s*(?P<sign>=|\s)\s*\S")


def _likely_cause(path: Path, lines: list[str], line: int, english: str) -> Problem | None:
    """Mistakes whose YAML error shows up elsewhere or in other words: a text that starts
    with '{{' without quotes, Word's curly quotes, a key without its colon (the error comes a
    line later), a line indented deeper than the one above."""
    for number in range(max(0, line - 2), min(line, len(lines) - 1) + 1):
        braces = _UNQUOTED_BRACES.match(lines[number])
        if braces:
            value = braces["value"].rstrip()
            example = f'{braces["key"]}: "{value}"' if braces["key"] else f'"{value}"'
            return Problem(
                path,
                number + 1,
                braces.start("value") + 1,
                "YAML-opmaakfout. Deze tekst begint met '{{' zonder aanhalingstekens eromheen: "
                "dan leest YAML de accolade als het begin van een onderdeel, niet als tekst.",
                f"Zet de hele tekst tussen dubbele aanhalingstekens: {example}",
            )
    here = lines[line] if 0 <= line < len(lines) else ""
    curly = next((c for c in here if c in _CURLY_QUOTES), None)
    if curly is not None:
        return Problem(
            path,
            line + 1,
            here.index(curly) + 1,
            f"YAML-opmaakfout. Op deze regel staat een gekruld aanhalingsteken ({curly}), zoals "
            "Word het maakt; YAML kent alleen de rechte: \" en '.",
            'Vervang de gekrulde aanhalingstekens door rechte ("..."), bijv. door de regel in '
            "VS Code opnieuw te typen.",
        )
    if "mapping values are not allowed" not in english or line < 1:
        return None
    above = line - 1
    while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith("#")):
        above -= 1
    if above < 0:
        return None
    previous = lines[above]
    indent = len(here) - len(here.lstrip())
    no_colon = _NO_COLON.match(previous)
    if no_colon and ":" not in previous and len(no_colon["indent"]) == indent:
        key = no_colon["key"]
        after = previous.split("=", 1)[1].strip() if no_colon["sign"] == "=" else ""
        fix = f"{key}: {after}" if after else None
        return Problem(
            path,
            above + 1,
            len(no_colon["indent"]) + len(key) + 1,
            f"YAML-opmaakfout. Na '{key}' ontbreekt de dubbele punt.",
            f"Schrijf '{fix}'."
            if fix and ": " in fix
            else f"Schrijf '{key}: ...' (een dubbele punt en een spatie na de sleutel).",
        )
    keyed = re.match(r"^(\s*(?:-\s+)?)[\w-]+:\s+\S", previous)
    previous_indent = len(keyed.group(1)) if keyed else len(previous) - len(previous.lstrip())
    if keyed and indent > previous_indent:
        return Problem(
            path,
            line + 1,
            indent + 1,
            "YAML-opmaakfout. Deze regel springt verder in dan de regel erboven, die al een "
            "waarde heeft.",
            f"Laat deze regel even ver inspringen als regel {above + 1} ({previous_indent} "
            "spaties), of zet er een streepje voor als hij bij een lijst hoort. Staat er een "
            "dubbele punt in de tekst zelf, zet de tekst dan tussen dubbele aanhalingstekens.",
        )
    return None


def _syntax_problem(path: Path, error: MarkedYAMLError, text: str) -> Problem:
    """A syntax error at the line the editor must change, with advice for that mistake."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    english = f"{error.context or ''} {error.problem or ''}"
    context = error.context_mark
    if "could not find expected ':'" in english and context is not None:
        line, col = context.line, context.column
    if "quoted scalar" in english and context is not None:
        return Problem(
            path,
            context.line + 1,
            context.column + 1,
            f"YAML-opmaakfout. Het aanhalingsteken ({lines[context.line][context.column]}) op "
            f"regel {context.line + 1} wordt niet afgesloten.",
            "Zet aan het eind van de tekst hetzelfde aanhalingsteken als aan het begin. Staat "
            "er binnen de tekst een aanhalingsteken, gebruik dan het andere soort eromheen.",
        )
    without_space = _missing_space(lines, line)
    if without_space is not None and without_space >= line - 3:
        match = _KEY_WITHOUT_SPACE.match(lines[without_space])
        assert match is not None
        return Problem(
            path,
            without_space + 1,
            match.end(1) + 2,
            f"YAML-opmaakfout. Na '{match.group(1)}:' ontbreekt een spatie.",
            f"Zet een spatie na de dubbele punt: '{match.group(1)}: ...'.",
        )
    quote = _unclosed_quote(lines, line)
    if quote is not None and quote < line:
        return Problem(
            path,
            quote + 1,
            1,
            f"YAML-opmaakfout. Het aanhalingsteken op regel {quote + 1} wordt niet (goed) "
            "afgesloten.",
            "Zet aan het eind van de tekst op die regel hetzelfde aanhalingsteken als aan het "
            "begin. Staat er binnen de tekst een aanhalingsteken, gebruik dan het andere soort "
            "eromheen.",
        )
    cause = _likely_cause(path, lines, line, english)
    if cause is not None:
        return cause
    if "found '-'" in english or _is_stray_dash(lines, line):
        return Problem(
            path,
            line + 1,
            col + 1,
            "YAML-opmaakfout. Hier begint een lijstregel ('-') op een plek waar een sleutel hoort.",
            "Haal het streepje weg als dit een gewone sleutel is, of zet '- ' alleen voor "
            "onderdelen van een lijst, precies onder de andere lijstregels.",
        )
    for pattern, message, hint in _SYNTAX_MESSAGES:
        if re.search(pattern, english):
            return Problem(path, line + 1, col + 1, f"YAML-opmaakfout. {message}", hint)
    return Problem(
        path,
        line + 1,
        col + 1,
        "YAML-opmaakfout: het bestand kan hier niet gelezen worden.",
        "Vergelijk deze regel met een regel die wel werkt: inspringing met spaties, "
        "'sleutel: waarde', lijstregels met '- ', tekst met een dubbele punt tussen "
        "aanhalingstekens.",
    )


def _is_stray_dash(lines: list[str], line: int) -> bool:
    """A '-' glued to its text ('-tekst') in a list: YAML reads it as text, not an item."""
    return 0 <= line < len(lines) and bool(re.match(r"^\s*-[^\s-]", lines[line]))


def _read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that stop it being read."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return None, [
            Problem(
                path,
                1,
                1,
                f"{path.name} is een map, geen bestand.",
                "Geef de map een naam zonder .yml, of verplaats hem buiten content/.",
            )
        ]
    except FileNotFoundError:
        return None, [
            Problem(
                path,
                1,
                1,
                f"{path.name} verwijst naar een bestand dat niet (meer) bestaat.",
                "Verwijder deze snelkoppeling (symbolische link) of zet het bestand terug.",
            )
        ]
    except OSError as error:
        return None, [
            Problem(
                path,
                1,
                1,
                f"{path.name} kan niet gelezen worden ({error.strerror or 'onbekende reden'}).",
                "Controleer of het bestand bestaat en of je het mag lezen (rechten), en of "
                "het niet in een ander programma open staat.",
            )
        ]
    too_big = check_size(path, len(raw))
    if too_big is not None:
        return None, [too_big]
    try:
        return raw.decode("utf-8-sig"), []
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


def _duplicate_key(path: Path, error: DuplicateKeyError) -> Problem:
    mark = error.problem_mark
    key = re.search(r'found duplicate key "([^"]*)"', str(error))
    name = f"'{key.group(1)}' " if key else ""
    return Problem(
        path,
        mark.line + 1 if mark else 1,
        mark.column + 1 if mark else 1,
        f"De sleutel {name}staat twee keer in hetzelfde onderdeel.",
        "Houd één van de twee over; voeg de tekst zo nodig samen.",
    )


def _unreadable(path: Path, error: Exception) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return Problem(
        path,
        mark.line + 1 if mark else 1,
        mark.column + 1 if mark else 1,
        "Het bestand kan niet gelezen worden als YAML.",
        "Vergelijk het met een bestand dat wel werkt (of zet het terug met git). Staan er "
        "meerdere documenten in (regels met alleen '---')? Houd er één over.",
    )


def _parse(path: Path, text: str) -> tuple[Any, Sources, list[Problem]]:
    """The round-trip tree and the values as written, after screening (yamlscreen.py)."""
    problems = check_characters(path, text)
    if problems:
        return None, {}, problems
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        problems, sources = check_events(path, text)
        if problems:
            return None, sources, problems
        return yaml.load(text), sources, []
    except DuplicateKeyError as error:
        return None, {}, [_duplicate_key(path, error)]
    except MarkedYAMLError as error:
        return None, {}, [_syntax_problem(path, error, text)]
    except (YAMLError, ValueError, TypeError, RecursionError) as error:
        return None, {}, [_unreadable(path, error)]


def read_yaml(path: Path) -> tuple[YamlFile | None, list[Problem]]:
    """Parse one file. Returns the file, or None and the problems that stopped it."""
    text, problems = _read_text(path)
    if text is None:
        return None, problems
    tree, sources, problems = _parse(path, text)
    if problems:
        return None, problems
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
    return (
        YamlFile(
            path=path,
            tree=tree,
            data=_plain(tree),
            sources=sources,
            lines=tuple(text.split("\n")),
        ),
        [],
    )
