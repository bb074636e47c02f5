"""MkDocs hook: links written in raw HTML (the charts' SVG <a>) as relative ``.md`` paths
become the published URL of that page, relative to the page that links.

MkDocs rewrites the links of Markdown, not those inside raw HTML. Writing raw links as ``.md``
paths and resolving them here, with MkDocs' own ``File.url_relative_to``, gives the right URL
in every mode: directory URLs on a web server (also under a sub-folder), ``…/index.html``
for the offline package opened from ``file://``. A link to a page that does not exist is a
warning, so a strict build fails. (Zensical ignores hooks but rewrites ``.md`` links in raw
HTML itself.)
"""

from __future__ import annotations

import logging
import posixpath
import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.stappenwijzer")

RAW_MD_LINK = re.compile(r'href="(?P<path>[^":?#]+\.md)(?P<anchor>#[^"]*)?"')
"""A relative link to a Markdown page that MkDocs left alone: it sits in raw HTML."""


def resolve(html: str, page: Page, files: Files) -> str:
    here = posixpath.dirname(page.file.src_uri)

    def published(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(here, match.group("path")))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning("%s: link to '%s', which is not a page", page.file.src_uri, target)
            return match.group(0)
        return f'href="{file.url_relative_to(page.file)}{match.group("anchor") or ""}"'

    return RAW_MD_LINK.sub(published, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
    return resolve(html, page, files)
