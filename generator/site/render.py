"""Rendering the planned pages and print documents (see plan.py) through the Jinja2 templates
in site_templates/, with the filters the templates use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import posixpath
import re
from pathlib import Path

from babel.dates import format_date
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, TemplateError
from jinja2.bccache import Bucket
from jinja2.filters import do_indent
from markupsafe import Markup, escape

from generator.content.model import CLOSED, MarkdownText, Protocol
from generator.content.status import is_placeholder
from generator.site import paths
from generator.site.context import mail_preview
from generator.site.herkomst import bron_id, herkomst, worksheets
from generator.site.plan import Page, Pdf, SitePlan
from generator.site.safe import finalize, inert, markdown_filter

PAGE_TEMPLATES = "pages"

def verbatim(text: str) -> Markup:
    """The school's text as Markdown that renders to exactly this text."""
    return inert(text)


def _indent(text: str, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    """Jinja's indent, for a Markdown field too (rendered first, so it stays Markup)."""
    if isinstance(text, MarkdownText):
        text = markdown_filter(text)
    return do_indent(text, width, first, blank)


_CSS_SAFE = frozenset(" .,-–·()[]'")


def css_string(value: object) -> Markup:
    """Text as a quoted CSS string (page margins of the print sheets): everything but letters,
    digits and a few harmless signs becomes a CSS escape, so content can neither end the
    string or the style element nor read as markup."""
    text = "".join(
        ch if ch.isalnum() or ch in _CSS_SAFE else f"\\{ord(ch):x} " for ch in str(value)
    )
    return Markup(f'"{text}"')


def datum(value: dt.date | None, weekday: bool = False) -> str:
    """A date as Dutch readers write it ("1 september 2026"), or a visible placeholder."""
    if value is None:
        return "nog niet ingevuld"
    return format_date(value, format="EEEE d MMMM y" if weekday else "long", locale="nl")


def abbreviator(protocol: Protocol):
    """A filter for HTML templates: escapes text and marks known abbreviations with <abbr>, as
    Markdown's abbr extension does on Markdown pages (it cannot reach raw HTML)."""
    from markupsafe import Markup, escape

    titles = {a.afkorting: a.voluit for a in protocol.begrippen.afkortingen}
    if not titles:
        return escape
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(a) for a in sorted(titles, key=len, reverse=True)) + r")\b"
    )

    def mark(text: object) -> Markup:
        escaped = str(escape(text))
        return Markup(
            pattern.sub(
                lambda m: f'<abbr title="{escape(titles[m.group(1)])}">{m.group(1)}</abbr>', escaped
            )
        )

    return mark


FRONT_MATTER = "_front_matter.md.j2"
"""Every page starts with front matter from its plan record: title, hidden parts, search."""


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process, by template file and
    source checksum (Jinja checks it: a changed template is compiled again). The schools of a
    board are rendered in processes forked after ``preload``: the templates are compiled once."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = _CompiledTemplates()


def _environment(templates_dir: Path) -> Environment:
    """The template environment, with every filter (``abbr`` is the protocol's own)."""
    env = Environment(
        # Pages by their name; partials and print templates by their folder.
        loader=FileSystemLoader([templates_dir / PAGE_TEMPLATES, templates_dir]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # HTML templates escape; Markdown templates do not (school text goes through
        # |verbatim there).
        autoescape=lambda name: bool(name) and name.endswith((".html.j2", ".svg.j2")),
        # Content never becomes markup in Markdown templates (see safe.py).
        finalize=finalize,
        bytecode_cache=COMPILED,
    )
    env.filters["markdown"] = markdown_filter
    env.filters["indent"] = _indent
    env.filters["verbatim"] = verbatim
    env.filters["abbr"] = escape
    env.filters["datum"] = datum
    env.filters["css_string"] = css_string
    env.tests["open"] = is_placeholder  # a [placeholder] still to fill in
    return env


def preload(templates_dir: Path) -> int:
    """Compile every template into ``COMPILED`` (before forking the board's workers)."""
    env = _environment(templates_dir)
    names = [
        name
        for name in env.list_templates()
        if name.endswith(".j2") and not name.startswith((f"{PAGE_TEMPLATES}/", "serve/"))
    ]
    for name in names:
        with contextlib.suppress(TemplateError):  # reported when a page is rendered
            env.get_template(name)
    return len(names)


class Renderer:
    def __init__(self, templates_dir: Path, protocol: Protocol):
        self.protocol = protocol
        self.env = _environment(templates_dir)
        self.env.filters["abbr"] = abbreviator(protocol)
        self.env.globals.update(
            protocol=protocol,
            school=protocol.school,
            CLOSED=CLOSED,
            paths=paths,
            mail=protocol.mail,
            mail_voorbeeld=mail_preview(protocol),
            rol_info=protocol.rol,
            herkomst=herkomst,
            bron_id=bron_id,
            herkomst_formulieren=worksheets(protocol),
            staat=protocol.status,
        )

    def render(self, page: Page) -> str:
        def url(target: str, anchor: str = "") -> str:
            """A link from this page to another page of the generated docs."""
            rel = posixpath.relpath(target, posixpath.dirname(page.path) or ".")
            return Markup(rel + (f"#{anchor}" if anchor else ""))

        def link(target: str) -> str:
            """A link in raw HTML (the charts' SVG): the relative ``.md`` path, which the
            raw_links hook turns into the published URL in every mode (web, sub-folder,
            file://)."""
            return Markup(posixpath.relpath(target, posixpath.dirname(page.path) or "."))

        values = {"page": page, "url": url, "link": link, **page.context}
        front = self.env.get_template(FRONT_MATTER).render(page=page)
        return front + self.env.get_template(page.template).render(**values)

    def render_pdf(self, pdf: Pdf) -> str:
        """The complete HTML document of a PDF."""
        return self.env.get_template(pdf.template).render(pdf=pdf, **pdf.context)

    def render_site(self, plan: SitePlan) -> tuple[dict[str, str], dict[str, str]]:
        """The Markdown of every page and the HTML of every PDF, by their paths."""
        self.env.globals["plan"] = plan
        pages = {page.path: self.render(page) for page in plan.pages}
        documents = {pdf.path: self.render_pdf(pdf) for pdf in plan.pdfs}
        return pages, documents
