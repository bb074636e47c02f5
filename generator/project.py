"""Where everything of one project lives: content, templates, engine config, outputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BUILD_DIR = Path("build")


@dataclass(frozen=True)
class Project:
    """Paths of one project; the defaults are the layout of this repository."""

    root: Path
    content: Path
    templates: Path
    # A school of a board (publish/board.py) keeps its files elsewhere; None: under root.
    build: Path | None = None
    site: Path | None = None
    config: Path | None = None
    shared_pdf_cache: Path | None = None

    @property
    def config_file(self) -> Path:
        """The engine configuration a school may tune (theme, extensions)."""
        return self.config or self.root / "mkdocs.yml"

    @property
    def build_dir(self) -> Path:
        return self.build or self.root / BUILD_DIR

    @property
    def docs_dir(self) -> Path:
        return self.build_dir / "docs"

    @property
    def generated_config(self) -> Path:
        """mkdocs.yml plus what comes from content/ (nav, site name, version): any engine
        that reads mkdocs.yml (MkDocs, ProperDocs) builds the site from this file."""
        return self.build_dir / "mkdocs.yml"

    @property
    def pdf_cache(self) -> Path:
        return self.shared_pdf_cache or self.build_dir / "pdf-cache"

    @property
    def stamp_file(self) -> Path:
        return self.build_dir / "stamp.json"

    @property
    def site_dir(self) -> Path:
        return self.site or self.root / "site"

    @property
    def new_site_dir(self) -> Path:
        """Next to the site, so that swapping it in is a rename on one file system."""
        if self.site is not None:
            return self.site.with_name(f".{self.site.name}.new")
        return self.build_dir / "site.new"
