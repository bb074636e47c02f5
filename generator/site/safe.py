"""Content is input, not code: every text from content/ reaches the site as text.

The page templates write Markdown, which MkDocs turns into HTML and which may hold raw HTML.
So, in the Markdown templates (see render.py):

* every ``{{ value }}`` that is a plain string is made *inert* (``Environment(finalize=...)``):
  HTML characters and the characters Markdown reads as markup (``[ ] { } * _`` ...) become
  character references, so ``<script>``, ``[x](javascript:...)`` and ``{: onclick=... }``
  show as the text that was typed, exactly as written;
* a Markdown field (``Markdown`` in the content model) is rendered to HTML here, cleaned by
  nh3 (the Ammonia sanitiser) with an allow-list of tags, attributes and link schemes, and
  its text is made inert too, so MkDocs cannot read it a second time;
* the site's own values (links from ``url()``/``link()``, JSON, our HTML partials) are
  ``Markup`` and pass unchanged.

HTML and SVG templates are autoescaped by Jinja. What MkDocs itself puts in the page from the
engine config (site name, menu titles, the protocol's facts) is escaped in engine.py.
"""

from __future__ import annotations

import re
from typing import Any

import markdown
import nh3
from jinja2 import pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from generator.content.model import MarkdownText

# Characters that Markdown or its extensions read as markup anywhere in a line.
_ANYWHERE = {c: f"&#{ord(c)};" for c in "\\`*_[]{}|#~"}
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
# A line start that Markdown reads as a list, quote, heading underline or admonition.
_LINE_START = re.compile(r"(?m)^([ \t]*)([-+=!?:>]|\d+(?=[.)]))")
_NUMBER_MARK = re.compile(r"(?m)^([ \t]*\d+)([.)])")

TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "ul", "ol", "li", "a", "abbr", "blockquote",
    "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "sup", "sub", "q",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
"""No class, id, style or data-* from content: the site's own markup (its classes,
``data-herkomst``) is written by the templates around a field and never passes through nh3."""
QUOTE = {"blockquote": {"data-herkomst": "protocol"}, "q": {"data-herkomst": "protocol"}}
"""A quote in a Markdown field (a ``> ...`` block, or ``<q>...</q>`` inside a sentence) is the
school's text inside ours: it is marked as protocol here, by construction, and the provenance
test checks it word for word against the school's text. One attribute each: nh3 writes several
in no fixed order, and the output must be the same on every build."""
URL_SCHEMES = {"http", "https", "mailto", "tel"}
"""Links from content: web, mail and phone; anything without a scheme is relative."""


def inert(text: str, *, html: bool = True, line_start: bool = True) -> Markup:
    """``text`` as Markdown/HTML that shows exactly this text. ``html=False`` when ``text`` is
    already HTML-escaped (text between the tags of cleaned HTML); ``line_start=False`` when it
    does not start a line."""
    if html:
        text = "".join(_HTML.get(c, c) for c in text)
    text = "".join(_ANYWHERE.get(c, c) for c in text)
    if not line_start and "\n" not in text:
        return Markup(text)
    text = _NUMBER_MARK.sub(lambda m: m.group(1) + f"&#{ord(m.group(2))};", text)
    text = _LINE_START.sub(
        lambda m: m.group(1)
        + (m.group(2) if m.group(2)[0].isdigit() else f"&#{ord(m.group(2))};"),
        text,
    )
    return Markup(text)


_TAG = re.compile(r'(<(?:[^>"]|"[^"]*")*>)')


def _inert_html(html: str) -> str:
    """Cleaned HTML with its text (not its tags) made inert for Markdown."""
    parts = _TAG.split(html)
    return "".join(
        part if i % 2 else inert(part, html=False, line_start=i == 0) for i, part in enumerate(parts)
    )


def clean(html: str) -> str:
    """HTML from content, reduced to the allow-list (nh3 = Ammonia)."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        set_tag_attribute_values=QUOTE,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str) -> Markup:
    """A Markdown field as cleaned, inert HTML on one line that fits where the template puts
    it (a paragraph, a list item, a table cell, an admonition).

    MkDocs wraps the line in ``<p>...</p>``, so ours lose their outer ``<p>`` and ``</p>``:
    one paragraph stays one paragraph, and with several blocks each paragraph closes where ours
    would have. Abbreviations are marked later by MkDocs, on the text between the tags.
    """
    html = clean(markdown.markdown(text, extensions=["tables", "sane_lists"]))
    html = " ".join(line.strip() for line in _inert_html(html).split("\n") if line.strip())
    html = html.removeprefix("<p>") if html.startswith("<p>") else "</p>" + html
    html = html.removesuffix("</p>") if html.endswith("</p>") else html + "<p>"
    return Markup(html)


def markdown_filter(text: object) -> Markup:
    """``{{ value | markdown }}``: a text as a Markdown field (see render_markdown)."""
    return render_markdown(str(text))


@pass_eval_context
def finalize(eval_ctx: EvalContext, value: Any) -> Any:
    """Applied to every ``{{ value }}``: in Markdown templates, content never becomes markup."""
    if eval_ctx.autoescape or isinstance(value, Markup) or not isinstance(value, str):
        return value  # HTML and SVG templates escape; Markup is ours; numbers are safe
    if isinstance(value, MarkdownText):
        return render_markdown(value)
    return inert(value)
