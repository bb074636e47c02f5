"""The page-wide probes of the shared crawl (see crawl.py): each runs on every page of every
crawl it is registered for. Add a page-wide check here, not as a new walk through all pages."""

from __future__ import annotations

from typing import Any

from tests.crawl import probe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# Material's frame around the article (header, menu, footer) is the same template on every page;
# only the active menu item and the title in the header differ. axe checks the frame on the
# first page of each part of the site (a path of at most one folder: /, /stappen/, /rollen/,
# /welke-stap-nu/ ...) and leaves it out elsewhere, which takes a quarter off each page. The
# article, its table of contents and the page-wide rules (title, language, landmarks, one h1)
# are checked on every page.
FRAME = [[".md-header"], [".md-sidebar--primary"], [".md-footer"]]


def checks_the_frame(path: str) -> bool:
    return "/" not in path.strip("/")


@probe("axe")
def axe_violations(page: Any, path: str) -> list[str]:
    """axe-core (bundled, offline): WCAG 2.2 AA and best practice, every page, both widths."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context=None if checks_the_frame(path) else {"exclude": FRAME},
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            # Details for violations only: the other result types are not asserted on, and
            # collecting them doubled the time of each page.
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


RAW_MARKUP_JS = r"""() => {
    // Code is shown as written on purpose (the APC's page names facts as {{stap-2.momenten}}).
    const copy = document.body.cloneNode(true);
    for (const code of copy.querySelectorAll('code')) code.remove();
    document.body.append(copy);
    copy.style.position = 'absolute';
    const text = copy.innerText;
    copy.remove();
    const found = [];
    for (const token of ['{:', '{{', '{%', '%}']) {
        const at = text.indexOf(token);
        if (at >= 0) found.push(JSON.stringify(text.slice(Math.max(0, at - 30), at + 30)));
    }
    const tag = text.match(/<\/?(div|p|span|a|abbr|section|ul|li)\b[^\n]{0,40}/);
    if (tag) found.push('markup as text: ' + JSON.stringify(tag[0]));
    const emphasis = text.match(/(^|\s)(\*\*|__)\S[^\n]*/);
    if (emphasis) found.push('unrendered emphasis: ' + JSON.stringify(emphasis[0].slice(0, 60)));
    return found;
}"""


@probe("raw-markup", widths=(1280,), schemes=("light",))
def raw_markup(page: Any, path: str) -> list[str]:
    """No Markdown, attribute list, HTML tag or template syntax is visible as text."""
    return page.evaluate(RAW_MARKUP_JS)


SIDEWAYS_JS = """() => {
    const content = document.querySelector('.md-content') || document.body;
    const boxes = [content, ...content.querySelectorAll('*')];
    return boxes.filter(e => {
        if (e.closest('svg, .sw-schema-scroll, .sw-schema')) return false;  // charts may scroll
        if (e.clientWidth <= 1) return false;  // visually hidden (screen-reader text)
        const style = getComputedStyle(e);
        if (style.display === 'inline' || style.position === 'fixed') return false;
        return e.scrollWidth > e.clientWidth + 1;
    }).map(e => `${e.tagName}.${[...e.classList].join('.')} ${e.scrollWidth}>${e.clientWidth}`)
      .slice(0, 5);
}"""


@probe("sideways", widths=(390,))
def scrolls_sideways(page: Any, path: str) -> list[str]:
    """At 390 px no content box other than a chart is wider than its box (scrollWidth <=
    clientWidth): a table wrapper that scrolls a cut-off table counts as scrolling."""
    return page.evaluate(SIDEWAYS_JS)


REFLOW_JS = """() => {
    const problems = [];
    const page = document.documentElement;
    if (page.scrollWidth > window.innerWidth + 1) {
        problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${window.innerWidth}`);
    }
    // The functions stay within reach: the menu and the search.
    for (const [what, selector] of [['menu button', 'label[for="__drawer"]'],
                                    ['search button', 'label[for="__search"]']]) {
        const shown = [...document.querySelectorAll(selector)].some(el => {
            const box = el.getBoundingClientRect();
            return box.width >= 1 && box.left >= -1 && box.right <= window.innerWidth + 1;
        });
        if (!shown) {
            problems.push(`${what} not visible`);
        }
    }
    // A chart offers its text version before the drawing.
    for (const figure of document.querySelectorAll('figure.sw-schema')) {
        const svg = figure.querySelector('svg');
        const link = [...figure.querySelectorAll('a[href^="#"]')].find(a =>
            svg && (a.compareDocumentPosition(svg) & Node.DOCUMENT_POSITION_FOLLOWING)
            && document.getElementById(decodeURIComponent(a.hash.slice(1))));
        if (!link) problems.push(`chart ${figure.id || ''} has no link to its text version first`);
    }
    return problems;
}"""


@probe("reflow", widths=(320,), schemes=("light",))
def reflow(page: Any, path: str) -> list[str]:
    """WCAG 1.4.10 at 320 CSS px (400 % zoom on a laptop): no two-dimensional scrolling except
    the charts, which first offer their text version; menu and search stay reachable."""
    return page.evaluate(REFLOW_JS) + page.evaluate(SIDEWAYS_JS)
