"""argparse in Dutch: the ``stappenwijzer`` command's usage, help and errors.

argparse writes its own words in English ("usage:", "invalid choice", "show this help
message and exit"). The parser below says them in Dutch, and suggests the command that was
meant ("stappenwijzer biuld": "Bedoelde je 'build'?").
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import Any, NoReturn

USAGE = "Gebruik: "
HELP = "toon deze hulp en stop"
POSITIONALS = "commando's en argumenten"
OPTIONALS = "opties"

# argparse's messages (its gettext msgids, Python 3.11-3.13) and what they say in Dutch.
MESSAGES: dict[str, str] = {
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)s bestaat niet. Kies uit: %(choices)s."
    ),
    "the following arguments are required: %s": "dit ontbreekt nog: %s.",
    "unrecognized arguments: %s": "dit kent het commando niet: %s.",
    "expected one argument": "hier hoort één waarde achter.",
    "expected at most one argument": "hier hoort hooguit één waarde achter.",
    "expected at least one argument": "hier hoort minstens één waarde achter.",
    "expected %s argument": "hier hoort %s waarde achter.",
    "expected %s arguments": "hier horen %s waarden achter.",
    "invalid %(type)s value: %(value)r": "%(value)s is geen geldige waarde (%(type)s).",
    "ambiguous option: %(option)s could match %(matches)s": (
        "%(option)s kan meer dan één optie zijn: %(matches)s."
    ),
    "not allowed with argument %s": "dit kan niet samen met %s.",
    "ignored explicit argument %r": "hier hoort geen waarde achter: %r.",
    "one of the arguments %s is required": "één van deze is nodig: %s.",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s.",
    "unexpected option string: %s": "onverwachte optie: %s.",
}
TYPES = {"int": "een heel getal", "float": "een getal"}
ERROR = "{prog}: fout: {message}"
MORE = "Meer uitleg: {prog} --help"
SUGGESTION = " Bedoelde je {meant}?"


def _pattern(msgid: str) -> re.Pattern[str]:
    """A regular expression that matches what argparse wrote with ``msgid``."""
    parts = re.split(r"(%\(\w+\)[sr]|%[sr])", msgid)
    regex = ""
    for part in parts:
        named = re.fullmatch(r"%\((\w+)\)[sr]", part)
        if named:
            regex += f"(?P<{named.group(1)}>.+?)"
        elif part in ("%s", "%r"):
            regex += "(?P<arg>.+?)"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}$", re.DOTALL)


_PATTERNS = [(_pattern(msgid), dutch) for msgid, dutch in MESSAGES.items()]


def translate(message: str) -> str:
    """argparse's English ``message`` in Dutch (unchanged if it is not one of its own)."""
    for pattern, dutch in _PATTERNS:
        match = pattern.match(message)
        if match is None:
            continue
        values: dict[str, Any] = dict(match.groupdict())
        if "message" in values:
            values["message"] = translate(values["message"])
        if "type" in values:
            values["type"] = TYPES.get(values["type"], values["type"])
        text = dutch.replace("%r", "%(arg)s").replace("%s", "%(arg)s") if "arg" in values else dutch
        translated = text % values
        if "choices" in values:
            translated += _suggestion(values["value"], values["choices"])
        return translated
    return message


SYNONYMS = {
    "bouw": "build",
    "bouwen": "build",
    "maak": "build",
    "publiceer": "build",
    "controleer": "check",
    "controleren": "check",
    "test": "check",
    "toon": "serve",
    "bekijk": "serve",
    "start": "serve",
    "import": "importeer",
    "importeren": "importeer",
    "new": "nieuw",
    "version": "versie",
}
"""Words a Dutch coordinator may type for a command (the commands keep MkDocs' names)."""


def _suggestion(value: str, choices: str) -> str:
    options = re.findall(r"'([^']*)'", choices)
    word = value.strip("'").casefold()
    if SYNONYMS.get(word) in options:
        return SUGGESTION.format(meant=f"'{SYNONYMS[word]}'")
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.5)
    return SUGGESTION.format(meant=f"'{close[0]}'") if close else ""


def _option_suggestion(message: str, parser: argparse.ArgumentParser) -> str:
    """'--defintief': the closest option of the command that was run, or of any command."""
    unknown = re.findall(r"--?[\w-]+", message.split(":", 1)[-1])
    if not unknown:
        return ""
    options: set[str] = set()
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:
            options.update(o for o in action.option_strings if o.startswith("--"))
            if isinstance(action, argparse._SubParsersAction):
                parsers += list(action.choices.values())
    close = difflib.get_close_matches(unknown[0], sorted(options), n=1, cutoff=0.6)
    return SUGGESTION.format(meant=f"'{close[0]}'") if close else ""


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that says everything in Dutch; its subcommands are one too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", help=HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        dutch = translate(message)
        if message.startswith("unrecognized arguments"):
            dutch += _option_suggestion(message, self)
        text = ERROR.format(prog=self.prog, message=dutch)
        self.exit(2, f"{text}\n{MORE.format(prog=self.prog)}\n")
