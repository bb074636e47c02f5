"""Finding the step plan: step headings by their word ('Stap 1', 'Fase 2'), by their numbers
under a step-plan heading ('1. Melding'), or a table with one row per step."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from generator.importing import patterns as pt
from generator.importing.document import Element, cell_text


@dataclass(frozen=True)
class Head:
    """A step heading at ``index`` in the document's elements."""

    index: int
    nummer: int
    sub: str | None
    titel: str
    kop: str


def heading_like(element: Element) -> bool:
    return element.kind == "alinea" and (
        element.level is not None or (element.emphasis and pt.titleish(element.text))
    )


def section_word(text: str) -> bool:
    k = pt.key(text)
    return k in pt.W_HEADINGS or k in pt.SECTION_WORDS


def _word_head(index: int, element: Element) -> tuple[str, Head] | None:
    match = pt.STEP_HEAD.match(element.text.strip())
    if element.kind != "alinea" or match is None:
        return None
    title = match["title"].strip()
    styled = element.level is not None
    if not styled:
        sentence = title.endswith(".") and len(title) > 40
        lower = not match["sep"].strip() and title and not title[0].isupper()
        if len(title) > 100 or sentence or lower:
            return None
    sub = match["sub"] or match["subnum"]
    head = Head(index, pt.number(match["num"]), sub, title, element.text.strip())
    return match["word"].casefold(), head


def word_heads(elements: list[Element]) -> list[Head]:
    """Headings 'Stap N' (or 'Fase N', ...) of the word used for most step numbers, without
    an overview list (step lines right after each other with nothing in between)."""
    found = [h for i, e in enumerate(elements) if (h := _word_head(i, e))]
    numbers: dict[str, set[int]] = {}
    for word, head in found:
        if head.sub is None:
            numbers.setdefault(word, set()).add(head.nummer)
    if not numbers:
        return []
    word = max(numbers, key=lambda w: len(numbers[w]))
    if len(numbers[word]) < 2:
        return []
    heads = [h for w, h in found if w == word]
    overview: set[int] = set()
    for a, b in pairwise(heads):
        adjacent = b.index == a.index + 1 and a.sub is None and b.sub is None
        if adjacent and a.nummer != b.nummer and elements[a.index].level is None:
            overview |= {a.index, b.index}
    return [h for h in heads if h.index not in overview]


def _numbered(element: Element) -> tuple[int, int | None, str] | None:
    match = pt.NUMBERED_HEAD.match(element.text.strip())
    if match is None or match["letter"] or not pt.titleish(match["title"]):
        return None
    return int(match["num"]), int(match["sub"]) if match["sub"] else None, match["title"]


def _children(elements: list[Element], parent: int) -> list[int]:
    """The headings one level under a step-plan heading, up to the next part."""
    level = elements[parent].level
    children: list[int] = []
    child_key: tuple[int | None, bool] | None = None
    for i in range(parent + 1, len(elements)):
        element = elements[i]
        if not heading_like(element) or section_word(element.text):
            continue
        if level is not None and element.level is not None and element.level <= level:
            break
        if level is None and element.level is None and pt.CHAPTER.match(element.text):
            break
        numbered = _numbered(element)
        if element.level is None and numbered is None:
            continue  # plain text: only numbered lines are steps here
        this_key = (element.level, bool(numbered and numbered[1] is not None))
        if child_key is None:
            child_key = this_key
        if this_key == child_key:
            children.append(i)
    return children


def _heads_at(elements: list[Element], indices: list[int]) -> list[Head]:
    heads = []
    for position, i in enumerate(indices, start=1):
        text = elements[i].text.strip()
        numbered = _numbered(elements[i])
        if numbered:
            num, sub, title = numbered
            heads.append(Head(i, sub if sub is not None else num, None, title, text))
        else:
            heads.append(Head(i, position, None, text, text))
    return heads


def _with_subs(elements: list[Element], heads: list[Head]) -> list[Head]:
    """The steps with their sub-steps: headings numbered '3a.' or '3.1' after step 3, up to
    the next step (or, after the last, the next heading as high as a step)."""
    if not heads:
        return heads
    level = elements[heads[0].index].level
    found: list[Head] = []
    for position, head in enumerate(heads):
        found.append(head)
        own = pt.NUMBERED_HEAD.match(elements[head.index].text.strip())
        if own is not None and own["sub"] is not None:
            continue  # the steps themselves are numbered '4.1', '4.2': no sub-steps
        last = heads[position + 1].index if position + 1 < len(heads) else len(elements)
        for i in range(head.index + 1, last):
            element = elements[i]
            higher = element.level is not None and level is not None and element.level <= level
            if position + 1 == len(heads) and higher:
                break
            match = pt.NUMBERED_HEAD.match(element.text.strip())
            if not heading_like(element) or match is None or int(match["num"]) != head.nummer:
                continue
            sub = match["letter"] or match["sub"]
            if sub and pt.titleish(match["title"]):
                found.append(Head(i, head.nummer, sub, match["title"], element.text.strip()))
    return found


def numbered_heads(elements: list[Element]) -> list[Head]:
    """Steps as numbered (or styled) headings under a step-plan heading; failing that, the
    longest run of numbered headings 1, 2, 3, ... that are not chapters of the document."""
    for i, element in enumerate(elements):
        if heading_like(element) and pt.PLAN.search(element.text) and pt.titleish(element.text):
            children = _children(elements, i)
            if len(children) >= 2:
                return _with_subs(elements, _heads_at(elements, children))
    candidates = [
        (i, n)
        for i, e in enumerate(elements)
        if heading_like(e)
        and (n := _numbered(e))
        and n[1] is None
        and not pt.CHAPTER.match(e.text)
        and not pt.PLAN.search(n[2])
    ]
    best: list[int] = []
    run: list[int] = []
    for position, (i, n) in enumerate(candidates):
        if run and n[0] == candidates[position - 1][1][0] + 1:
            run.append(i)
        else:
            run = [i]
        if len(run) > len(best):
            best = list(run)
    return _with_subs(elements, _heads_at(elements, best)) if len(best) >= 3 else []


def _stepish(text: str) -> bool:
    text = text.strip()
    return bool(pt.STEP_HEAD.match(text) or pt.NUMBERED_HEAD.match(text) or text.isdigit())


def captions(element: Element) -> int:
    """How many rows at the top of a table are a caption across the whole table (one merged
    cell, e.g. 'Stappenplan bij pesten') above the column headings."""
    widest = max((len(row) for row in element.rows), default=0)
    count = 0
    while widest > 1 and count < len(element.rows) - 1 and len(element.rows[count]) == 1:
        count += 1
    return count


def plan_table(element: Element) -> bool:
    """A table with one row per step: known column headings (Wanneer, Wie, Wat, ...) or a
    first column of step numbers."""
    if element.kind != "tabel":
        return False
    rows = element.rows[captions(element) :]
    if len(rows) < 2:
        return False
    header = [pt.key(cell_text(cell)) for cell in rows[0]]
    known = sum(1 for h in header if h in pt.COLUMN_WORDS or pt.STEP_COLUMN.match(h))
    first = [cell_text(row[0]) for row in rows[1:] if row]
    stepish = sum(1 for text in first if _stepish(text))
    return known >= 2 or (len(first) >= 2 and stepish >= 0.6 * len(first))


def step_level(elements: list[Element], heads: list[Head]) -> int | None:
    """The heading level the steps have (None when they are plain lines)."""
    levels = Counter(elements[h.index].level for h in heads)
    level, _ = levels.most_common(1)[0] if levels else (None, 0)
    return level
