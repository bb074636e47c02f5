"""Provenance audit of built pages: where every block of text in an article comes from.

Each block of text in a page's article carries ``data-herkomst``: ``protocol`` (the school's
text, verbatim), ``toelichting`` (our explanation), ``voorstel`` (our proposal, not adopted) or
``site`` (navigation, labels, questions). The templates set it; this module reads the HTML back
with the standard library and says what is wrong, so that a test can fail on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

KINDS = ("protocol", "toelichting", "voorstel", "site")
MIN_WORDS = 3
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Block elements: a text node ends where one of these starts or ends.
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "dd", "dt", "summary"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    herkomst: str | None
    text: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def joined(self) -> str:
        return squash("".join(self.text))


@dataclass
class Audit:
    """What one page holds: unmarked text, and every marked element with its text."""

    unmarked: list[tuple[int, str]] = field(default_factory=list)
    marked: list[Element] = field(default_factory=list)
    protocol_pieces: list[str] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


class _Parser(HTMLParser):
    def __init__(self, root: str = "article") -> None:
        super().__init__(convert_charrefs=True)
        self._root = root
        self.audit = Audit()
        self._stack: list[tuple[str, Element | None, bool]] = []  # tag, marked element, in article
        self._depth_article = 0
        self._skip = 0
        self._piece: list[tuple[str, Element | None]] = []
        self._piece_line = 0

    # The innermost marked element, if any.
    def _marked(self) -> Element | None:
        for _tag, element, _ in reversed(self._stack):
            if element is not None:
                return element
        return None

    def _in_article(self) -> bool:
        return any(in_article for _, _, in_article in self._stack)

    def _flush(self) -> None:
        """End a run of text (at a block boundary) and account for it."""
        chunks, self._piece = self._piece, []
        if not self._in_article():
            return
        text = squash("".join(data for data, _ in chunks))
        if not text:
            return
        loose = squash(" ".join(data for data, element in chunks if element is None))
        if loose and len(text.split()) >= MIN_WORDS:
            self.audit.unmarked.append((self._piece_line, text))
        protocol: list[str] = []
        for data, element in chunks:
            kind = element.herkomst if element is not None else None
            if kind in self.audit.words:
                self.audit.words[kind] += len(data.split())
            if kind == "protocol":
                protocol.append(data)
            elif protocol:
                self._add_protocol(protocol)
                protocol = []
        self._add_protocol(protocol)

    def _add_protocol(self, data: list[str]) -> None:
        text = squash("".join(data))
        if text:
            self.audit.protocol_pieces.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in BLOCKS or tag in ("ul", "ol", "table", "tr", "section", "details", "br"):
            self._flush()
        if tag in ("script", "style"):
            self._skip += 1
        in_article = tag == self._root
        element = None
        if "data-herkomst" in a:
            element = Element(tag, a, a["data-herkomst"], line=self.getpos()[0])
            if self._in_article() or in_article:
                self.audit.marked.append(element)
        if tag == "a" and "href" in a:
            for _, el, _ in self._stack:
                if el is not None:
                    el.links.append(a["href"])
            if element is not None:
                element.links.append(a["href"])
        if tag in VOID:
            return
        self._stack.append((tag, element, in_article))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if tag in BLOCKS or tag in ("ul", "ol", "table", "tr", "section", "details"):
            self._flush()
        if tag in ("script", "style"):
            self._skip -= 1
        # Pop up to the matching tag (HTML from Markdown is well formed; be lenient anyway).
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._piece:
            self._piece_line = self.getpos()[0]
        self._piece.append((data, self._marked()))
        for _, element, _ in self._stack:
            if element is not None:
                element.text.append(data)

    def close(self) -> None:
        self._flush()
        super().close()


def audit_page(html: str, root: str = "article") -> Audit:
    """Audit the text inside ``root``: a site page's article, or the body of a print
    document."""
    start = html.find(f"<{root}")
    end = html.rfind(f"</{root}>")
    if start < 0 or end < 0:
        return Audit()
    parser = _Parser(root)
    parser.feed(html[start : end + len(f"</{root}>")])
    parser.close()
    return parser.audit


def school_text(path: Path) -> str:
    """The school's text as one squashed string, without list markers."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lstrip("·-").strip()
        if line:
            lines.append(line)
    return squash(" ".join(lines))


def not_in_school_text(pieces: list[str], school: str) -> list[str]:
    """The pieces of ``protocol`` text that are not, as written, in the school's text."""
    return [p for p in pieces if p not in school]


def external_links(element: Element) -> list[str]:
    return [href for href in element.links if href.startswith(("http://", "https://"))]


def ids(html: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', html))
