"""Advice for a date written in a way YAML does not read as a date: the editor's own date,
rewritten as JJJJ-MM-DD, or why it does not exist ('september heeft 30 dagen')."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
_FORMAT = "jaar-maand-dag, met twee cijfers voor maand en dag"
GENERAL = f"Schrijf de datum als {_FORMAT}, bijv. 2026-09-01, zonder aanhalingstekens."


def _month(word: str) -> int | None:
    word = word.casefold()
    found = [i for i, name in enumerate(MONTHS, 1) if len(word) >= 3 and name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _parts(written: str) -> tuple[int, int, int] | None:
    """Year, month and day as written, in the orders people type them."""
    text = written.strip().strip("\"'").strip()
    if match := _YEAR_FIRST.match(text):
        year, month, day = (int(g) for g in match.groups())
        return year, month, day
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
        return year, month, day
    if (match := _WORDS.match(text)) and (month := _month(match.group(2))) is not None:
        return int(match.group(3)), month, int(match.group(1))
    return None


def why_not(written: str) -> str | None:
    """Why ``written`` is no date although it looks like one ('september 2026 heeft 30
    dagen'), or None."""
    parts = _parts(written)
    if parts is None:
        return None
    year, month, day = parts
    if not 1 <= month <= 12:
        return f"een jaar heeft 12 maanden, geen {month}"
    days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
    if not 1 <= day <= days:
        return f"{MONTHS[month - 1]} {year} heeft {days} dagen"
    return None


CHECK_DAY = f"Controleer dag en maand en schrijf de datum als {_FORMAT}, zonder aanhalingstekens."


def date_advice(written: str | None) -> str:
    """What to write instead of ``written``: the same date as JJJJ-MM-DD, or why it does not
    exist."""
    parts = _parts(written) if written else None
    if parts is None or written is None:
        return GENERAL
    reason = why_not(written)
    if reason is not None:
        return f"'{written}' is geen bestaande datum: {reason}. {CHECK_DAY}"
    iso = dt.date(*parts).isoformat()
    if iso == written:  # the right date, but between quotes: text
        return (
            f"Haal de aanhalingstekens weg: schrijf {iso} zonder \" of ' eromheen. Tussen "
            "aanhalingstekens is het tekst, geen datum."
        )
    return f"Schrijf {iso} ({_FORMAT}), zonder aanhalingstekens."
