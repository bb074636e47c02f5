"""Checking mkdocs.yml (the engine settings) for ``stappenwijzer check``, in Dutch.

MkDocs reports a broken mkdocs.yml in English and only when building. Here it is read like a
content file (a syntax error at its line) and then validated by MkDocs itself, with the
generated folders replaced by empty ones so that a fresh checkout can be checked too.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.problems import Problem

_HINT = (
    "Zet mkdocs.yml terug met 'git checkout mkdocs.yml' als je niet weet wat er veranderde; "
    "de inhoud van de site staat in content/, niet in mkdocs.yml."
)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _syntax(path: Path, text: str) -> Problem | None:
    from generator.content.yamlfile import _syntax_problem

    try:
        # mkdocs.yml may hold tags such as !ENV or !!python/name: parse, do not construct.
        for _ in YAML(typ="rt").parse(text):
            pass
    except MarkedYAMLError as error:
        found = _syntax_problem(path, error, text)
        return Problem(path, found.line, found.column, found.message, found.hint)
    except YAMLError:
        return Problem(path, 1, 1, "mkdocs.yml kan niet gelezen worden als YAML.", _HINT)
    return None


def _line_of(path: Path, key: str) -> int:
    try:
        tree = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except Exception:
        return 1
    if isinstance(tree, CommentedMap) and key in tree:
        return tree.lc.key(key)[0] + 1
    return 1


def _translate(path: Path, message: str) -> Problem:
    match = re.match(r"Config value '([^']+)': (.*)", message, re.S)
    key, detail = (match.group(1), match.group(2)) if match else ("", message)
    top = key.split(".")[0] or "mkdocs.yml"
    line = _line_of(path, top) if key else 1
    if top == "theme":
        text = "Het thema klopt niet (hier hoort 'name: material')."
    elif top == "plugins":
        name = re.search(r"[\"']([\w./-]+)[\"'] plugin|plugin [\"']?([\w./-]+)", detail)
        shown = f"'{name.group(1) or name.group(2)}' " if name else ""
        text = f"De plugin {shown}bestaat niet of is niet geïnstalleerd."
    elif top == "markdown_extensions":
        text = "Een Markdown-uitbreiding onder 'markdown_extensions' kan niet geladen worden."
    elif key:
        text = f"De instelling '{key}' is ongeldig."
    else:
        text = "mkdocs.yml is ongeldig."
    english = detail.strip().splitlines()[0][:160] if detail.strip() else ""
    return Problem(path, line, 1, f"{text} (MkDocs zegt: {english})", _HINT)


def check_mkdocs_yml(path: Path) -> list[Problem]:
    """Problems in mkdocs.yml: its YAML, then MkDocs' own validation (theme, plugins...)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not path.exists():
        return [
            Problem(
                path,
                0,
                0,
                f"Er staat geen mkdocs.yml in {path.parent}: dit is niet de map van het project.",
                "Start het commando in de map van het project (waar content/, site_templates/ "
                "en mkdocs.yml staan), bijv. na 'cd pad/naar/stappenwijzer'.",
            )
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return [Problem(path, 1, 1, "mkdocs.yml kan niet gelezen worden.", _HINT)]
    syntax = _syntax(path, text)
    if syntax is not None:
        return [syntax]
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    old_handlers, old_propagate = logger.handlers[:], logger.propagate
    logger.handlers[:] = [collect]  # MkDocs' English lines are translated, not printed
    logger.propagate = False
    try:
        with tempfile.TemporaryDirectory() as docs, tempfile.TemporaryDirectory() as site:
            load_config(str(path), docs_dir=docs, site_dir=site)
    except MkDocsException as error:
        messages = collect.messages or [str(error)]
        return [_translate(path, m) for m in messages if not m.startswith("Aborted")]
    except Exception as error:
        return [_translate(path, f"{type(error).__name__}: {error}")]
    finally:
        logger.handlers[:] = old_handlers
        logger.propagate = old_propagate
    return []
