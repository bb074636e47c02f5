"""Publishing the generated docs with MkDocs (and Material), strictly, into site/."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.generate import Generated, generate
from generator.project import Project
from generator.publish.output import swap_in
from generator.publish.safety import scan_site


class BuildError(Exception):
    """MkDocs could not build the site; the previous site is untouched."""


def load_mkdocs_config(project: Project, site_dir: Path, **overrides: Any) -> MkDocsConfig:
    return load_config(
        str(project.generated_config), site_dir=str(site_dir), strict=True, **overrides
    )


def mkdocs_build(project: Project, site_dir: Path) -> None:
    """Build the already generated docs into ``site_dir`` (strict)."""
    try:
        config = load_mkdocs_config(project, site_dir)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise BuildError(str(error)) from error


def _check_safety(site: Path, passed: Path) -> None:
    findings = scan_site(site, passed)
    if findings:
        shown = "; ".join(f"{f.page}: {f.what}" for f in findings[:5])
        raise BuildError(
            f"de gebouwde site bevat iets wat niet mag ({shown}). Dit is een fout in "
            "Stappenwijzer zelf: meld het, met de inhoud die je net veranderde"
        )


def build_site(project: Project, *, pdf_workers: int | None = None) -> Generated:
    """Validate, generate and publish. On any failure the previous site/ stays as it was."""
    generated = generate(project, pdf_workers=pdf_workers)
    new_site = project.new_site_dir
    if new_site.exists():
        shutil.rmtree(new_site)
    try:
        mkdocs_build(project, new_site)
        _check_safety(new_site, project.build_dir / "safe-pages.json")
    except BaseException:
        shutil.rmtree(new_site, ignore_errors=True)
        raise
    swap_in(new_site, project.site_dir)
    return generated
