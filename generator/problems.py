"""Problems found in the content, reported so that a non-programmer can act on them.

Every problem names the file, the line and the column, says what is wrong and what to do,
always in Dutch (the language of the people who edit content/).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["fout", "let op"]


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    column: int
    message: str
    hint: str
    severity: Severity = "fout"
    placeholder: bool = field(default=False, compare=False)
    """A text between [ ] still to fill in (counted apart in check's summary)."""

    def format(self, base: Path | None = None) -> str:
        shown = self.path
        if base is not None:
            # absolute(), not resolve(): a symbolic link is shown by its own name.
            for path, root in ((self.path.absolute(), base.absolute()), (self.path, base)):
                with contextlib.suppress(ValueError):
                    shown = path.relative_to(root)
                    break
        # Line 0: the file as a whole (one that is not there yet has no lines).
        where = f"{shown}:{self.line}:{self.column}" if self.line else f"{shown}"
        return f"{where}: {self.severity}: {self.message}\n    Wat te doen: {self.hint}"

    @property
    def is_error(self) -> bool:
        return self.severity == "fout"


class ContentError(Exception):
    """Raised when the content has errors; carries every problem found in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.errors)} fout(en) in de inhoud")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def report(self, base: Path | None = None) -> str:
        return format_report(self.problems, base)


BUILD_FAILED = "De site is niet bijgewerkt; de vorige versie blijft staan."


def format_report(
    problems: list[Problem], base: Path | None = None, after: str | None = None
) -> str:
    """Every problem, then the counts and what happened (``after``; by default what a failed
    build means)."""
    lines = [p.format(base) for p in sorted(problems)]
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    summary = f"{errors} fout(en), {warnings} waarschuwing(en)."
    if after is None:
        after = BUILD_FAILED if errors else ""
    if after:
        summary += " " + after
    return "\n".join([*lines, summary])
