"""Publishing the generated docs with MkDocs (and Material), strictly, into site/."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.generate import Generated, generate
from generator.model import Protocol
from generator.output import swap_in
from generator.render import datum, nav

DOCS_DIR = Path("build/docs")
SITE_DIR = Path("site")
NEW_SITE_DIR = Path("build/site.new")

log = logging.getLogger("stappenwijzer")


class BuildError(Exception):
    """MkDocs could not build the site; the previous site is untouched."""


@dataclass(frozen=True)
class Project:
    """Where everything lives; all paths default to the layout of this repository."""

    root: Path
    content: Path
    templates: Path

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_DIR

    @property
    def site_dir(self) -> Path:
        return self.root / SITE_DIR


def protocol_extra(protocol: Protocol) -> dict[str, Any]:
    school = protocol.school
    return {
        "titel": school.protocol_titel,
        "school": school.naam,
        "versie": school.versie,
        "vastgesteld": datum(school.vastgesteld),
        "instemming_mr": datum(school.instemming_mr),
    }


def apply_protocol(config: MkDocsConfig, protocol: Protocol) -> MkDocsConfig:
    """Put what comes from content/ into the engine configuration."""
    config["site_name"] = (
        f"{protocol.school.protocol_titel.split(' – ')[0]} · {protocol.school.naam}"
    )
    config["nav"] = nav(protocol)
    config["extra"] = {**config["extra"], "protocol": protocol_extra(protocol)}
    return config


def load_mkdocs_config(project: Project, site_dir: Path, **overrides: Any) -> MkDocsConfig:
    return load_config(
        str(project.config_file),
        docs_dir=str(project.docs_dir),
        site_dir=str(site_dir),
        strict=True,
        **overrides,
    )


def mkdocs_build(project: Project, protocol: Protocol, site_dir: Path) -> None:
    """Build the already generated docs into ``site_dir`` (strict)."""
    try:
        config = apply_protocol(load_mkdocs_config(project, site_dir), protocol)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise BuildError(str(error)) from error


def build_site(project: Project) -> Generated:
    """Validate, generate and publish. On any failure the previous site/ stays as it was."""
    generated = generate(project.content, project.templates, project.docs_dir)
    new_site = project.root / NEW_SITE_DIR
    if new_site.exists():
        shutil.rmtree(new_site)
    try:
        mkdocs_build(project, generated.protocol, new_site)
    except BaseException:
        shutil.rmtree(new_site, ignore_errors=True)
        raise
    swap_in(new_site, project.site_dir)
    return generated
