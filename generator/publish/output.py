"""Writing generated files without needless rewrites, and swapping in a finished site.

Only files whose bytes changed are written, so that ``mkdocs serve`` (which watches the docs
directory) does not rebuild in an endless loop. A new site is built next to the old one and
only swapped in when the build succeeded: a failed build never damages the last good site.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def write_file(target: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds exactly that. True if written."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return True


def write_tree(root: Path, files: dict[str, bytes]) -> WriteStats:
    """Make ``root`` hold exactly ``files`` (relative paths), touching only what changed."""
    written = unchanged = removed = 0
    root.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        if write_file(root / rel, data):
            written += 1
        else:
            unchanged += 1
    wanted = {(root / rel).resolve() for rel in files}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path.resolve() not in wanted:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return WriteStats(written, unchanged, removed)


def swap_in(new_site: Path, site: Path) -> None:
    """Replace ``site`` by ``new_site`` with two renames; the old site is removed last."""
    old = site.with_name(f".{site.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    if old.exists():
        shutil.rmtree(old)
