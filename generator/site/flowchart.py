"""Flowcharts laid out at build time: the step plan as a ladder, the guide as a tree.

This module computes geometry only (boxes, lines, text positions); the SVG markup lives in
site_templates/partials/flowchart.svg.j2. Text widths are estimated from per-character widths of
DejaVu Sans / Verdana-like fonts (the font the SVG asks for first), rounded up, so that real text
is never wider than the space it was given. A browser test measures the real text to make sure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    points: list[tuple[float, float]]
    labels: list[TextLine] = field(default_factory=list)
    side: bool = False  # A side route: drawn dashed.


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    width: float
    height: float
    boxes: list[Box]
    edges: list[Edge]


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


def _label_above(texts: list[str], x: float, bottom: float) -> list[TextLine]:
    """A label whose last line ends just above ``bottom`` (the line it belongs to)."""
    lines, height = _text_block([(t, TEXT_SIZE, False) for t in texts], x, bottom)
    return [TextLine(t.x, t.y - height, t.text, t.size, t.bold, t.anchor) for t in lines]


# --------------------------------------------------------------------------------------------
# The step plan
# --------------------------------------------------------------------------------------------

PAD = 8.0
ENTRY_W = 150.0
STEP_W = 250.0
EXIT_W = 86.0
LABEL_W = 190.0
LANE_GAP = 16.0


def _step_texts(protocol: Protocol, stap: Stap, words: Labels) -> list[tuple[str, float, bool]]:
    inner = STEP_W - 2 * PAD
    roles = ", ".join(protocol.rol(r.rol).kort or protocol.rol(r.rol).naam for r in stap.rollen)
    texts = [(words("schema.stap", nummer=stap.nummer), TITLE_SIZE, True)]
    texts += [(line, TITLE_SIZE, False) for line in wrap(stap.korte_titel, inner, TITLE_SIZE)]
    if roles:
        texts += [(line, TEXT_SIZE, False) for line in wrap(words("schema.wie", rollen=roles), inner, TEXT_SIZE)]
    return texts


def _label_lines(text: str, width: float) -> list[str]:
    return wrap(text, width, TEXT_SIZE)


def _block_height(n_lines: int, size: float = TEXT_SIZE) -> float:
    return n_lines * size * LINE


def step_plan(protocol: Protocol, words: Labels) -> Chart:
    """Steps top to bottom; the ordinary route straight down, side routes in lanes on the
    left, ways in from the far left, ways out (closed) to the right."""
    stappen = protocol.stappen
    row = {s.nummer: i for i, s in enumerate(stappen)}

    # Side routes: every transition that does not go to the next row.
    side = [
        (s, o)
        for s in stappen
        for o in s.vervolg
        if o.naar != CLOSED and row[o.naar] != row[s.nummer] + 1
    ]
    side.sort(key=lambda so: abs(row[so[1].naar] - row[so[0].nummer]))
    lane_label_w = max(
        [text_width(line, TEXT_SIZE) for _, o in side for line in _label_lines(o.label, 120)] or [0]
    )
    lanes_w = len(side) * LANE_GAP + (lane_label_w + 12 if side else 0)
    has_entries = any(s.ingangen for s in stappen)
    x_entry = 10.0
    x_step = x_entry + (ENTRY_W + 40 if has_entries else 0) + lanes_w + 10
    exit_label_w = max(
        [
            text_width(line, TEXT_SIZE)
            for s in stappen
            for o in s.vervolg
            if o.naar == CLOSED
            for line in _label_lines(o.label, LABEL_W)
        ]
        or [0]
    )
    x_exit = x_step + STEP_W + exit_label_w + 40

    # Vertical sizes: each gap holds the label of the ordinary transition below a step.
    boxes: list[Box] = []
    edges: list[Edge] = []
    step_box: dict[int, Box] = {}
    y = 10.0
    for i, stap in enumerate(stappen):
        texts = _step_texts(protocol, stap, words)
        lines, height = _text_block(texts, x_step + PAD, y + PAD)
        box = Box(
            "stap", x_step, y, STEP_W, height + 2 * PAD, lines, paths.step(stap.nummer)
        )
        boxes.append(box)
        step_box[stap.nummer] = box
        down = [o for o in stap.vervolg if o.naar != CLOSED and row[o.naar] == i + 1]
        label_lines = [ln for o in down for ln in _label_lines(o.label, LABEL_W)]
        y = box.y + box.h + max(34.0, _block_height(len(label_lines)) + 16)

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
                [(ln, TEXT_SIZE, False) for ln in _label_lines(o.label, LABEL_W)],
                x + 8,
                box.y + box.h + 6,
            )
            edges.append(Edge([(x, box.y + box.h), (x, target.y)], labels))

    # Ways out: to the right, each to its own small "afgerond" box.
    for stap in stappen:
        box = step_box[stap.nummer]
        outs = [o for o in stap.vervolg if o.naar == CLOSED]
        for k, o in enumerate(outs):
            y_line = box.y + box.h * (k + 1) / (len(outs) + 1) + 6
            labels = _label_above(_label_lines(o.label, LABEL_W), box.x + box.w + 12, y_line - 4)
            pill_h = _block_height(1) + 2 * 4
            top = y_line - pill_h / 2
            lines, _ = _text_block(
                [(words("schema.afgerond"), TEXT_SIZE, True)], x_exit + EXIT_W / 2, top + 4, anchor="middle"
            )
            boxes.append(Box("uitgang", x_exit, top, EXIT_W, pill_h, lines, rounded=True))
            edges.append(Edge([(box.x + box.w, y_line), (x_exit, y_line)], labels))

    # Ways in: from the far left.
    if has_entries:
        for stap in stappen:
            box = step_box[stap.nummer]
            for k, ingang in enumerate(stap.ingangen):
                texts = wrap(ingang.label, ENTRY_W - 2 * PAD, TEXT_SIZE)
                lines, h = _text_block(
                    [(t, TEXT_SIZE, False) for t in texts], x_entry + ENTRY_W / 2, 0, "middle"
                )
                pill_h = h + 2 * 6
                y_mid = box.y + box.h * (k + 1) / (len(stap.ingangen) + 1)
                top = y_mid - pill_h / 2
                pill = Box(
                    "ingang",
                    x_entry,
                    top,
                    ENTRY_W,
                    pill_h,
                    [TextLine(t.x, t.y + top + 6, t.text, t.size, t.bold, t.anchor) for t in lines],
                    None,
                    rounded=True,
                )
                boxes.append(pill)
                edges.append(Edge([(x_entry + ENTRY_W, y_mid), (box.x, y_mid)]))

    # Side routes: lanes just left of the step column, outermost for the longest.
    for k, (stap, o) in enumerate(side):
        source, target = step_box[stap.nummer], step_box[o.naar]
        lane_x = x_step - 10 - LANE_GAP * (k + 1)
        y_from = source.y + source.h * 0.72
        y_to = target.y + target.h * 0.28
        label_texts = _label_lines(o.label, 120)
        labels, _ = _text_block(
            [(t, TEXT_SIZE, False) for t in label_texts],
            lane_x - 6,
            (y_from + y_to) / 2 - _block_height(len(label_texts)) / 2,
            "end",
        )
        edges.append(
            Edge(
                [(source.x, y_from), (lane_x, y_from), (lane_x, y_to), (target.x, y_to)],
                labels,
                side=True,
            )
        )

    width = x_exit + EXIT_W + 10
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
    )


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
        answer = (
            _label_lines(page.given[-1].antwoord.tekst, TREE_W - 10) if page.given else []
        )
        if answer:
            cursor += _block_height(len(answer)) + 2
        texts = _node_texts(page.node, TREE_W - 2 * PAD, words)
        height = _block_height(len(texts)) + 2 * PAD
        lines, _ = _text_block(texts, x + PAD, cursor + PAD)
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
                Edge(
                    [(x_spine, parent.y + parent.h), (x_spine, box.cy), (box.x, box.cy)],
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
