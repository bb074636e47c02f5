"""The build cache: skip generation when nothing it reads has changed.

A stamp file records a hash of every input (content, templates, engine config, generator code)
and of every output, with the warnings of that run. When both still match, the last generated
docs are current and a warm rebuild costs little more than MkDocs itself.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator.problems import Problem
from generator.project import Project
from generator.publish.output import write_file

GENERATOR_DIR = Path(__file__).resolve().parents[1]


def _files_under(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def fingerprint(project: Project) -> str:
    """A hash of everything generation reads."""
    digest = hashlib.sha256()
    sources = [
        *_files_under(project.content),
        *_files_under(project.templates),
        *sorted(GENERATOR_DIR.rglob("*.py")),
        project.config_file,
    ]
    for path in sources:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _outputs(project: Project) -> dict[str, str]:
    paths = [project.generated_config, *_files_under(project.docs_dir)]
    return {
        p.relative_to(project.build_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in paths
        if p.is_file()
    }


def _problem_from(data: dict[str, Any]) -> Problem:
    return Problem(**{**data, "path": Path(data["path"])})


def cached_warnings(project: Project, key: str) -> list[Problem] | None:
    """The warnings of the last run if its inputs and outputs are unchanged, else None."""
    try:
        stamp = json.loads(project.stamp_file.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if stamp.get("fingerprint") != key or stamp.get("outputs") != _outputs(project):
        return None
    return [_problem_from(p) for p in stamp.get("warnings", [])]


def stamped_key(project: Project) -> str | None:
    """The input key of the generated docs now in build/ (None: no successful run yet)."""
    try:
        return json.loads(project.stamp_file.read_text("utf-8")).get("fingerprint")
    except (OSError, ValueError, AttributeError):
        return None


def remember(project: Project, key: str, warnings: list[Problem]) -> None:
    """Record a successful run: its input key, its outputs and its warnings."""
    stamp = {
        "fingerprint": key,
        "outputs": _outputs(project),
        "warnings": [{**asdict(p), "path": str(p.path)} for p in warnings],
    }
    write_file(project.stamp_file, json.dumps(stamp, indent=1).encode("utf-8"))
