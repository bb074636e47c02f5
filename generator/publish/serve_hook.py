"""MkDocs hook used only by ``stappenwijzer serve``: regenerate on every rebuild.

``stappenwijzer build`` never uses this hook; it calls the generator directly. When the content
has errors, the hook reports them and MkDocs keeps building the last good generated pages.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

from generator.generate import generate
from generator.problems import ContentError
from generator.publish.engine import project_of

log = logging.getLogger("mkdocs.stappenwijzer")


def on_pre_build(config: MkDocsConfig) -> None:
    project = project_of(config)
    try:
        generated = generate(project)
    except ContentError as error:
        log.error(
            "De inhoud heeft fouten; de vorige versie blijft staan.\n%s",
            error.report(project.root),
        )
        return
    if generated.stats.written or generated.stats.removed:
        log.info(
            "Stappenwijzer: %d bestand(en) bijgewerkt, %d verwijderd.",
            generated.stats.written,
            generated.stats.removed,
        )
