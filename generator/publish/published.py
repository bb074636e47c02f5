"""The publish stamp: skip MkDocs for a school of a board whose site is already current.

After a school's site is swapped in, ``build/<school>/published.json`` records the key of its
inputs (the build cache's fingerprint: content, templates, engine config, generator code), the
engine's versions, where the site is and a hash of every file of the published site. When all
of that still matches, and the generated docs are still what the build cache wrote, building
the school again would give the same site: the board leaves it as it is. A site that was
deleted or changed by hand no longer matches its hash and is built again.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.problems import Problem
from generator.project import Project
from generator.publish import cache
from generator.publish.output import write_file

ENGINE_PACKAGES = ("mkdocs", "mkdocs-material")


def _stamp_file(project: Project) -> Path:
    return project.build_dir / "published.json"


def _engine() -> dict[str, str]:
    versions = {}
    for package in ENGINE_PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = ""
    return versions


def site_digest(site: Path) -> str | None:
    """A hash of every file (path and bytes) of a published site; None when there is none."""
    if not site.is_dir():
        return None
    digest = hashlib.sha256()
    for path in sorted(site.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode() + b"\0")
            with path.open("rb") as file:
                digest.update(hashlib.file_digest(file, "sha256").digest())
    return digest.hexdigest()


def _stamp(project: Project, key: str) -> dict[str, object]:
    return {
        "fingerprint": key,
        "engine": _engine(),
        "site": str(project.site_dir),
        "digest": site_digest(project.site_dir),
    }


def current_warnings(project: Project) -> list[Problem] | None:
    """The warnings of the last build if the published site is current, else None (build it).

    The school's content must already be in ``project.content``."""
    key = cache.fingerprint(project)
    warnings = cache.cached_warnings(project, key)
    if warnings is None:
        return None
    try:
        stamp = json.loads(_stamp_file(project).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    cheap = {"fingerprint": key, "engine": _engine(), "site": str(project.site_dir)}
    if any(stamp.get(name) != value for name, value in cheap.items()):
        return None
    digest = stamp.get("digest")
    if digest is None or digest != site_digest(project.site_dir):
        return None
    return warnings


def remember_published(project: Project) -> None:
    """Record the site just swapped in (call after a successful build). Its key is the one the
    docs were generated from, not a new hash: an input changed during the build is built again
    next time."""
    key = cache.stamped_key(project)
    if key is None:
        return
    write_file(_stamp_file(project), json.dumps(_stamp(project, key), indent=1).encode("utf-8"))


def forget_published(project: Project) -> None:
    """Before a build starts: a stamp of an older site must not survive a half-done build."""
    _stamp_file(project).unlink(missing_ok=True)
