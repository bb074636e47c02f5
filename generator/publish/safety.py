"""The last check before a new site replaces the old one: nothing live came from content/.

Content is escaped and cleaned where it enters the pages (generator/site/safe.py). This scan
of the finished HTML is the safety net behind that: if a script, an event handler, a
``javascript:`` link or a request to another host still got into a page, the build fails and
the previous site stays. The site's own markup never has any of these, so a finding is a bug.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
"""For links a reader follows; loaded resources (scripts, images, styles) must be local."""
LOADING = {("script", "src"), ("img", "src"), ("link", "href"), ("source", "src")}
FORBIDDEN = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
THEME_SCRIPT_PLACES = {"html", "head", "body", "header", "nav", "main", "div"}
"""The only elements around the theme's own inline scripts (head, body, the header's palette
toggle, after the article). Text from content always sits in something else (a heading,
paragraph, link, span, label, <title>, <article>), so an inline script there came from it."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


@dataclass(frozen=True)
class Finding:
    page: Path
    what: str


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, dict(attrs))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def _check(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in FORBIDDEN:
            self.findings.append(f"een <{tag}>-element")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.findings.append("een <meta http-equiv=refresh>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.findings.append(f"een {name}-attribuut op <{tag}>")
            elif name in URL_ATTRIBUTES and value:
                self._check_url(tag, name, value, attrs)
        if tag == "script" and "src" not in attrs:
            kind = (attrs.get("type") or "text/javascript").lower()
            inside = [t for t in self.stack if t not in THEME_SCRIPT_PLACES]
            if "json" not in kind and inside:
                self.findings.append(f"een script binnen <{inside[-1]}>")

    def _check_url(self, tag: str, name: str, value: str, attrs: dict[str, str | None]) -> None:
        url = re.sub(r"[\x00-\x20]", "", value).lower()
        scheme = _SCHEME.match(url)
        external = bool(scheme) or url.startswith("//")
        if scheme and scheme.group(1) not in SAFE_SCHEMES:
            self.findings.append(f"een {scheme.group(1)}:-adres in {name} van <{tag}>")
        elif external and (tag, name) in LOADING and not _names_only(tag, attrs):
            self.findings.append(f"een verzoek naar een andere server ({value[:60]})")


def _names_only(tag: str, attrs: dict[str, str | None]) -> bool:
    """A <link rel="canonical"> names the page's own address (site_url) and loads nothing."""
    return tag == "link" and (attrs.get("rel") or "").lower().split() == ["canonical"]


def scan_page(html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def _rules_version() -> str:
    """Pages that passed are remembered per version of these rules (this file)."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def scan_site(site: Path, passed: Path | None = None) -> list[Finding]:
    """Everything live or external in the HTML pages of a built site.

    ``passed`` remembers the hashes of pages that passed (with these rules): a page with the
    same bytes is not read again, so a rebuild only pays for the pages that changed.
    """
    version = _rules_version()
    known: set[str] = set()
    if passed is not None and passed.is_file():
        with contextlib.suppress(ValueError, OSError):
            stored = json.loads(passed.read_text(encoding="utf-8"))
            if stored.get("rules") == version:
                known = set(stored.get("pages", []))
    findings: list[Finding] = []
    ok: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        data = page.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        found = [] if digest in known else scan_page(data.decode("utf-8", errors="replace"))
        findings += [Finding(page.relative_to(site), what) for what in found]
        if not found:
            ok.add(digest)
    if passed is not None and not findings:
        passed.parent.mkdir(parents=True, exist_ok=True)
        passed.write_text(json.dumps({"rules": version, "pages": sorted(ok)}), encoding="utf-8")
    return findings
