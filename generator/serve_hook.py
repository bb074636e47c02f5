"""MkDocs hook used only by ``stappenwijzer serve``: regenerate the docs on every rebuild.

``stappenwijzer build`` never uses this hook; it calls the generator directly.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.generate import generate
from generator.model import Protocol
from generator.problems import ContentError
from generator.site import apply_protocol

log = logging.getLogger("mkdocs.stappenwijzer")

CONTENT_ENV = "STAPPENWIJZER_CONTENT"
TEMPLATES_ENV = "STAPPENWIJZER_TEMPLATES"

_last_good: list[Protocol] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    content = Path(os.environ[CONTENT_ENV])
    templates = Path(os.environ[TEMPLATES_ENV])
    try:
        generated = generate(content, templates, Path(config["docs_dir"]))
    except ContentError as error:
        # Keep serving the last good pages; show the editor what to fix.
        log.error("De inhoud heeft fouten; de vorige versie blijft staan.\n%s", error.report())
        return apply_protocol(config, _last_good[-1]) if _last_good else config
    _last_good[:] = [generated.protocol]
    if generated.stats.written or generated.stats.removed:
        log.info(
            "Stappenwijzer: %d bestand(en) bijgewerkt, %d verwijderd.",
            generated.stats.written,
            generated.stats.removed,
        )
    return apply_protocol(config, generated.protocol)
