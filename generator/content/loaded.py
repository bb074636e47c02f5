"""What loading content/ produced so far: the files read, the parts that validated, the steps.

The checks (checks.py) run over this typed view; a part that did not validate is simply absent,
so every check looks only at what it can trust.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.content.model import Stap, Strict
from generator.content.yamlfile import YamlFile
from generator.problems import Problem

P = TypeVar("P", bound=Strict)


@dataclass
class Loaded:
    """The validated parts of content/, each with the file it came from."""

    files: dict[str, YamlFile] = field(default_factory=dict)
    parts: dict[str, Strict] = field(default_factory=dict)
    steps: list[tuple[YamlFile, Stap]] = field(default_factory=list)
    steps_complete: bool = True
    """False when a step file could not be read or validated."""
    problems: list[Problem] = field(default_factory=list)
    content_dir: Path | None = None
    """The folder that was loaded (for problems about a file that is not there)."""

    def part(self, name: str, model: type[P]) -> tuple[YamlFile, P] | None:
        """The file and validated part ``name`` (e.g. "rollen.yml"), or None if it failed."""
        part = self.parts.get(name)
        if isinstance(part, model):
            return self.files[name], part
        return None

    def step_numbers(self) -> dict[int, YamlFile]:
        """Each valid step's number with its file (the first file, for a duplicate number)."""
        numbers: dict[int, YamlFile] = {}
        for file, step in self.steps:
            numbers.setdefault(step.nummer, file)
        return numbers

    def known_steps(self) -> set[int] | None:
        """The step numbers, or None when a step file failed (references then cannot be
        checked: an invalid step would show up as missing)."""
        return set(self.step_numbers()) if self.steps_complete else None
