"""From content/ to the generated docs directory: load, check, render, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.load import load_or_raise
from generator.model import Protocol
from generator.output import WriteStats, write_tree
from generator.problems import Problem
from generator.render import Renderer

ASSETS = "assets"


@dataclass(frozen=True)
class Generated:
    protocol: Protocol
    problems: list[Problem]
    stats: WriteStats


def generated_files(protocol: Protocol, templates_dir: Path) -> dict[str, bytes]:
    files = {
        path: text.encode("utf-8")
        for path, text in Renderer(templates_dir, protocol).render_all().items()
    }
    assets = templates_dir / ASSETS
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            files[f"{ASSETS}/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    return files


def generate(content_dir: Path, templates_dir: Path, docs_dir: Path) -> Generated:
    """Validate the content and write the docs. Raises ContentError, writing nothing, if the
    content has errors."""
    protocol, problems = load_or_raise(content_dir)
    stats = write_tree(docs_dir, generated_files(protocol, templates_dir))
    return Generated(protocol, problems, stats)
