"""Flowcharts laid out at build time: the step plan as a ladder, the guide as a tree.

This module computes geometry only (boxes, lines, text positions); the SVG markup lives in
site_templates/partials/flowchart.svg.j2. Text widths are estimated from per-character widths of
DejaVu Sans / Verdana-like fonts (the font the SVG asks for first), rounded up, so that real text
is never wider than the space it was given. A browser test measures the real text to make sure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.content.model import CLOSED, Protocol, Stap, Uitkomst, Vraag
from generator.content.routing import Guide, GuidePage
from generator.site import paths
from generator.site.labels import Labels

TITLE_SIZE = 13.0
TEXT_SIZE = 11.5
LINE = 1.3  # Line height, in font sizes.

_NARROW = set("iljtf.,:;'!|()[]/ ")
_WIDE = set("mwMW@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in px of ``text`` at ``size`` px; errs on the wide side."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.36
        elif ch in _WIDE:
            em += 0.92
        elif ch.isupper() or ch.isdigit():
            em += 0.72
        else:
            em += 0.62
    return em * size * (1.08 if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` px."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


@dataclass(frozen=True)
class TextLine:
    x: float
    y: float  # Baseline.
    text: str
    size: float
    bold: bool = False
    anchor: str = "start"


@dataclass
class Box:
    kind: str  # stap, ingang, uitgang, vraag, uitkomst
    x: float
    y: float
    w: float
    h: float
    lines: list[TextLine] = field(default_factory=list)
    href: str | None = None  # Markdown path of the page it links to.
    rounded: bool = False

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass
class Edge:
    points: list[tuple[float, float]]  # The line, ending at the base of its arrowhead.
    labels: list[TextLine] = field(default_factory=list)
    side: bool = False  # A side route: drawn dashed.
    head: list[tuple[float, float]] = field(default_factory=list)  # Tip first.


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    width: float
    height: float
    boxes: list[Box]
    edges: list[Edge]
    rows: list[float] = field(default_factory=list)  # Where a page may end: below a row.


def _text_block(
    texts: list[tuple[str, float, bool]], x: float, top: float, anchor: str = "start"
) -> tuple[list[TextLine], float]:
    """Lines stacked from ``top``; returns the lines and the height they take."""
    lines: list[TextLine] = []
    y = top
    for text, size, bold in texts:
        y += size * LINE
        lines.append(TextLine(x, y - size * 0.3, text, size, bold, anchor))
    return lines, y - top


def _label_lines(text: str, width: float) -> list[str]:
    return wrap(text, width, TEXT_SIZE)


def _block_height(n_lines: int, size: float = TEXT_SIZE) -> float:
    return n_lines * size * LINE


def _edge(
    points: list[tuple[float, float]],
    m: Metrics,
    labels: list[TextLine] | None = None,
    side: bool = False,
) -> Edge:
    line, head = arrow(points, m.head)
    return Edge(line, labels or [], side, head)


def _label_above(texts: list[str], x: float, bottom: float) -> list[TextLine]:
    """A label whose last line ends just above ``bottom`` (the line it belongs to)."""
    lines, height = _text_block([(t, TEXT_SIZE, False) for t in texts], x, bottom)
    return [TextLine(t.x, t.y - height, t.text, t.size, t.bold, t.anchor) for t in lines]


# --------------------------------------------------------------------------------------------
# The step plan
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metrics:
    """Sizes of the step plan. On screen the unit is a CSS px; on paper it is a point, so that
    a font size in the chart is the size on the printed page."""

    text: float = TEXT_SIZE
    title: float = TITLE_SIZE
    pad: float = 8.0
    margin: float = 10.0  # Around the chart.
    entry_w: float = 150.0
    step_w: float = 250.0
    exit_w: float = 150.0  # The "afgerond" box, with the condition written in it.
    exit_gap: float = 34.0  # Length of the arrow to an "afgerond" box.
    entry_gap: float = 40.0
    label_w: float = 190.0  # Longest condition beside a downward arrow.
    lane_label_w: float = 120.0
    lane_gap: float = 16.0
    min_gap: float = 34.0  # Between two rows of steps.
    extra_gap: float = 0.0  # Added to every gap, to fill a page.
    head: float = 9.0  # Length of an arrowhead.
    width: float | None = None  # Fixed total width: the step column takes what is left.


SCREEN = Metrics()


@dataclass(frozen=True)
class Paper:
    """A printed step plan: the page and the sizes on it, in pt."""

    name: str  # CSS page size: A4, A3.
    page_w: float
    page_h: float
    margin: float  # Left, right and top.
    margin_bottom: float  # Holds the footer line(s).
    text: float  # Smallest text on the page.
    heading: float

    @property
    def chart_w(self) -> float:
        return self.page_w - 2 * self.margin

    def metrics(self) -> Metrics:
        t = self.text
        return Metrics(
            text=t,
            title=round(t * 1.15, 1),
            pad=0.55 * t,
            margin=1.5,
            entry_w=9.5 * t,
            exit_w=8.8 * t,
            exit_gap=2.2 * t,
            entry_gap=2.0 * t,
            label_w=14 * t,
            lane_label_w=7.4 * t,
            lane_gap=1.2 * t,
            min_gap=2.6 * t,
            head=0.85 * t,
            width=self.chart_w,
        )


MM = 72 / 25.4
PAPERS = {
    "A4": Paper("A4", 210 * MM, 297 * MM, 10 * MM, 17 * MM, text=10.0, heading=15.0),
    "A3": Paper("A3", 297 * MM, 420 * MM, 14 * MM, 24 * MM, text=14.0, heading=21.0),
}


def arrow(
    points: list[tuple[float, float]], length: float
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The line shortened to the base of its arrowhead, and the arrowhead: a triangle whose tip
    is the line's end and whose axis runs along the last piece of the line."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / norm, dy / norm
    length = min(length, norm)
    bx, by = x1 - ux * length, y1 - uy * length
    half = length * 0.45
    head = [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]
    return [*points[:-1], (bx, by)], head


def _step_texts(
    protocol: Protocol, stap: Stap, words: Labels, m: Metrics, step_w: float
) -> list[tuple[str, float, bool]]:
    inner = step_w - 2 * m.pad
    roles = ", ".join(protocol.rol(r.rol).kort or protocol.rol(r.rol).naam for r in stap.rollen)
    texts = [(words("schema.stap", nummer=stap.nummer), m.title, True)]
    texts += [(line, m.title, False) for line in wrap(stap.korte_titel, inner, m.title)]
    if roles:
        who = words("schema.wie", rollen=roles)
        texts += [(line, m.text, False) for line in wrap(who, inner, m.text)]
    return texts


def step_plan(protocol: Protocol, words: Labels, m: Metrics = SCREEN) -> Chart:
    """Steps top to bottom; the ordinary route straight down, side routes in lanes on the
    left, ways in from the far left, ways out (closed) to the right, each in a box that says
    when. With a fixed width (paper) the step column takes the width that is left."""
    stappen = protocol.stappen
    row = {s.nummer: i for i, s in enumerate(stappen)}
    t = m.text

    # Side routes: every transition that does not go to the next row.
    side = [
        (s, o)
        for s in stappen
        for o in s.vervolg
        if o.naar != CLOSED and row[o.naar] != row[s.nummer] + 1
    ]
    side.sort(key=lambda so: abs(row[so[1].naar] - row[so[0].nummer]))
    lane_label_w = max(
        [text_width(ln, t) for _, o in side for ln in wrap(o.label, m.lane_label_w, t)] or [0]
    )
    lanes_w = len(side) * m.lane_gap + (lane_label_w + 12 if side else 0)
    has_entries = any(s.ingangen for s in stappen)
    has_exits = any(o.naar == CLOSED for s in stappen for o in s.vervolg)
    x_entry = m.margin
    x_step = x_entry + (m.entry_w + m.entry_gap if has_entries else 0) + lanes_w + 10
    exit_part = m.exit_gap + m.exit_w if has_exits else 0.0
    step_w = m.step_w if m.width is None else m.width - m.margin - exit_part - x_step
    x_exit = x_step + step_w + m.exit_gap
    width = x_step + step_w + exit_part + m.margin
    label_w = min(m.label_w, width - m.margin - (x_step + step_w / 2 + 8))

    def exit_texts(label: str) -> list[tuple[str, float, bool]]:
        lines = wrap(label, m.exit_w - 2 * m.pad * 0.75, t)
        return [(ln, t, False) for ln in lines] + [(words("schema.afgerond"), t, True)]

    # Vertical sizes: each gap holds the label of the ordinary transition below a step; a step
    # is at least as tall as the "afgerond" boxes beside it.
    boxes: list[Box] = []
    edges: list[Edge] = []
    step_box: dict[int, Box] = {}
    rows: list[float] = []
    y = m.margin
    for i, stap in enumerate(stappen):
        texts = _step_texts(protocol, stap, words, m, step_w)
        lines, height = _text_block(texts, x_step + m.pad, y + m.pad)
        outs = [o for o in stap.vervolg if o.naar == CLOSED]
        exits_h = sum(_block_height(len(exit_texts(o.label)), t) + m.pad for o in outs)
        box_h = max(height + 2 * m.pad, exits_h + m.pad * max(0, len(outs) - 1))
        box = Box("stap", x_step, y, step_w, box_h, lines, paths.step(stap.nummer))
        boxes.append(box)
        step_box[stap.nummer] = box
        down = [o for o in stap.vervolg if o.naar != CLOSED and row[o.naar] == i + 1]
        label_lines = [ln for o in down for ln in wrap(o.label, label_w, t)]
        gap = max(m.min_gap, _block_height(len(label_lines), t) + 1.4 * t) + m.extra_gap
        if i + 1 < len(stappen):
            rows.append(box.y + box.h + 2)  # The arrow below starts the next page.
            y = box.y + box.h + gap
        else:
            y = box.y + box.h + m.margin

    height = y
    # Ordinary transitions: straight down, label to the right of the arrow.
    for stap in stappen:
        box = step_box[stap.nummer]
        for o in stap.vervolg:
            if o.naar == CLOSED or row[o.naar] != row[stap.nummer] + 1:
                continue
            target = step_box[o.naar]
            x = box.cx
            labels, _ = _text_block(
                [(ln, t, False) for ln in wrap(o.label, label_w, t)],
                x + 8,
                box.y + box.h + 0.5 * t,
            )
            edges.append(_edge([(x, box.y + box.h), (x, target.y)], m, labels))

    # Ways out: to the right, each to its own "afgerond" box that says when.
    for stap in stappen:
        box = step_box[stap.nummer]
        outs = [o for o in stap.vervolg if o.naar == CLOSED]
        sizes = [_block_height(len(exit_texts(o.label)), t) + m.pad for o in outs]
        top = box.cy - (sum(sizes) + m.pad * (len(outs) - 1)) / 2
        for o, pill_h in zip(outs, sizes, strict=True):
            lines, _ = _text_block(
                exit_texts(o.label), x_exit + m.exit_w / 2, top + m.pad / 2, anchor="middle"
            )
            boxes.append(Box("uitgang", x_exit, top, m.exit_w, pill_h, lines, rounded=True))
            y_line = top + pill_h / 2
            edges.append(_edge([(box.x + box.w, y_line), (x_exit, y_line)], m))
            top += pill_h + m.pad

    # Ways in: from the far left.
    if has_entries:
        for stap in stappen:
            box = step_box[stap.nummer]
            for k, ingang in enumerate(stap.ingangen):
                texts = wrap(ingang.label, m.entry_w - 2 * m.pad, t)
                lines, h = _text_block(
                    [(tx, t, False) for tx in texts], x_entry + m.entry_w / 2, 0, "middle"
                )
                pill_h = h + m.pad
                y_mid = box.y + box.h * (k + 1) / (len(stap.ingangen) + 1)
                top = y_mid - pill_h / 2
                pill = Box(
                    "ingang",
                    x_entry,
                    top,
                    m.entry_w,
                    pill_h,
                    [
                        TextLine(ln.x, ln.y + top + m.pad / 2, ln.text, ln.size, ln.bold, ln.anchor)
                        for ln in lines
                    ],
                    None,
                    rounded=True,
                )
                boxes.append(pill)
                edges.append(_edge([(x_entry + m.entry_w, y_mid), (box.x, y_mid)], m))

    # Side routes: lanes just left of the step column, outermost for the longest.
    for k, (stap, o) in enumerate(side):
        source, target = step_box[stap.nummer], step_box[o.naar]
        lane_x = x_step - 10 - m.lane_gap * (k + 1)
        y_from = source.y + source.h * 0.72
        y_to = target.y + target.h * 0.28
        label_texts = wrap(o.label, m.lane_label_w, t)
        labels, _ = _text_block(
            [(tx, t, False) for tx in label_texts],
            lane_x - 6,
            (y_from + y_to) / 2 - _block_height(len(label_texts), t) / 2,
            "end",
        )
        edges.append(
            _edge(
                [(source.x, y_from), (lane_x, y_from), (lane_x, y_to), (target.x, y_to)],
                m,
                labels,
                side=True,
            )
        )

    names = ", ".join(
        words("schema.stappenplan_naam", nummer=s.nummer, titel=s.korte_titel) for s in stappen
    )
    return Chart(
        id="stappenplan",
        title=words("schema.stappenplan_titel"),
        desc=words("schema.stappenplan_beschrijving", aantal=len(stappen), namen=names),
        width=width,
        height=height,
        boxes=boxes,
        edges=edges,
        rows=rows,
    )


def header_height(paper: Paper, words: Labels) -> float:
    """Height of the title and legend above the chart on paper (see print/schema.html.j2:
    line heights 1.25 and 1.3, gaps of 4 and 6 pt)."""
    legend = wrap(words("schema.legenda"), paper.chart_w, paper.text)
    return paper.heading * 1.25 + 4 + len(legend) * paper.text * 1.3 + 6 + 6


def on_paper(
    protocol: Protocol, words: Labels, paper: Paper
) -> tuple[Chart, list[tuple[float, float]]]:
    """The step plan for one paper size, and the part of it on each page (top, bottom).

    The text keeps the paper's size: a chart that fits is stretched down to fill the page; one
    that does not is cut between two rows of steps and continues on the next page."""
    metrics = paper.metrics()
    room = paper.page_h - paper.margin - paper.margin_bottom - header_height(paper, words)
    chart = step_plan(protocol, words, metrics)
    if chart.height <= room:
        if chart.rows:
            extra = min((room - chart.height) / len(chart.rows), 4 * paper.text)
            chart = step_plan(protocol, words, replace(metrics, extra_gap=extra))
        return chart, [(0.0, chart.height)]
    slices: list[tuple[float, float]] = []
    top = 0.0
    cuts = [*chart.rows, chart.height]
    while top < chart.height - 0.5:
        fitting = [c for c in cuts if top < c <= top + room]
        bottom = max(fitting) if fitting else min(top + room, chart.height)
        slices.append((top, bottom))
        top = bottom
    return chart, slices


def step_plan_rows(protocol: Protocol, words: Labels) -> list[tuple[str, str, str]]:
    """The text equivalent of the step plan: from, condition, to."""

    def name(nummer: int) -> str:
        return words("titels.stap", nummer=nummer, titel=protocol.stap(nummer).korte_titel)

    rows: list[tuple[str, str, str]] = []
    for stap in protocol.stappen:
        for ingang in stap.ingangen:
            rows.append((words("schema.begin"), ingang.label, name(stap.nummer)))
    for stap in protocol.stappen:
        for o in stap.vervolg:
            target = words("schema.afgerond") if o.naar == CLOSED else name(o.naar)
            label = words("schema.zijroute", label=o.label) if o.zijroute else o.label
            rows.append((name(stap.nummer), label, target))
    return rows


# --------------------------------------------------------------------------------------------
# The guide's decision tree
# --------------------------------------------------------------------------------------------

TREE_W = 330.0
TREE_INDENT = 34.0
TREE_GAP = 8.0


def _outcome_name(node: Uitkomst, words: Labels) -> str:
    if node.stap is None:
        return node.titel
    return words("schema.uitkomst_stap", nummer=node.stap, titel=node.titel)


def _node_texts(
    node: Vraag | Uitkomst, width: float, words: Labels
) -> list[tuple[str, float, bool]]:
    if isinstance(node, Vraag):
        return [(ln, TEXT_SIZE, True) for ln in wrap(node.vraag, width, TEXT_SIZE, bold=True)]
    text = _outcome_name(node, words)
    return [(ln, TEXT_SIZE, False) for ln in wrap(text, width, TEXT_SIZE)]


def guide_tree(protocol: Protocol, words: Labels) -> Chart:
    """The guide unfolded as a tree, top-down like an outline so that it fits a page: every
    question or outcome on its own row, indented one step per answer, the answer that leads
    to it written just above it, a line down from its question. Every box links to its own
    guide page."""
    guide = Guide(protocol.wegwijzer)
    pages = list(guide.pages())
    children: dict[tuple[str, ...], list[GuidePage]] = {}
    for page in pages:
        if page.path:
            children.setdefault(page.path[:-1], []).append(page)

    boxes: list[Box] = []
    edges: list[Edge] = []
    cursor = 10.0

    def place(page: GuidePage, parent: Box | None) -> None:
        nonlocal cursor
        x = 10 + len(page.path) * TREE_INDENT
        answer = _label_lines(page.given[-1].antwoord.tekst, TREE_W - 10) if page.given else []
        if answer:
            cursor += _block_height(len(answer)) + 2
        texts = _node_texts(page.node, TREE_W - 2 * SCREEN.pad, words)
        height = _block_height(len(texts)) + 2 * SCREEN.pad
        lines, _ = _text_block(texts, x + SCREEN.pad, cursor + SCREEN.pad)
        box = Box(
            "uitkomst" if page.is_outcome else "vraag",
            x,
            cursor,
            TREE_W,
            height,
            lines,
            paths.guide(page.path),
            rounded=page.is_outcome,
        )
        boxes.append(box)
        cursor += height + TREE_GAP
        if parent is not None:
            x_spine = parent.x + TREE_INDENT / 2
            edges.append(
                _edge(
                    [(x_spine, parent.y + parent.h), (x_spine, box.cy), (box.x, box.cy)],
                    SCREEN,
                    _label_above(answer, box.x + 4, box.y - 2),
                )
            )
        for child in children.get(page.path, []):
            place(child, box)

    place(pages[0], None)
    width = max(b.x + b.w for b in boxes) + 10
    return Chart(
        id="wegwijzer",
        title=words("schema.wegwijzer_titel"),
        desc=words("schema.wegwijzer_beschrijving"),
        width=width,
        height=cursor,
        boxes=boxes,
        edges=edges,
    )


def guide_rows(protocol: Protocol, words: Labels) -> list[tuple[str, str, str]]:
    """The text equivalent of the guide: question, answer, next."""
    guide = Guide(protocol.wegwijzer)
    rows = []
    for vraag in protocol.wegwijzer.vragen:
        for antwoord in vraag.antwoorden:
            nxt = guide.node(antwoord.naar)
            if isinstance(nxt, Vraag):
                target = words("schema.vraag", vraag=nxt.vraag)
            else:
                target = _outcome_name(nxt, words)
            rows.append((vraag.vraag, antwoord.tekst, target))
    return rows
