"""From the document's elements to a draft: the step plan (by heading, by number or as a
table), each step's sections (the four Ws and any other heading, kept as written), sub-steps,
and every other part of the protocol as a chapter of its own. No text is dropped: what is not
a heading is a block of the section it stands in."""

from __future__ import annotations

import re

from generator.importing import heads as hd
from generator.importing import patterns as pt
from generator.importing.document import Document, Element, Note, cell_text, snippet
from generator.importing.draft import Block, Chapter, Draft, Section, Step, SubStep, blocks
from generator.importing.heads import Head, heading_like, section_word

BEFORE_PLAN = "Voor het stappenplan"
"""The title of a part of the text that comes before any heading (the coordinator renames)."""


class _Walker:
    def __init__(self, elements: list[Element], heads: list[Head], tables: set[int]):
        self.elements = elements
        self.heads = {h.index: h for h in heads}
        self.tables = tables
        self.level = hd.step_level(elements, heads)
        self.last_plan_index = max([*self.heads, *tables], default=-1)
        self.draft = Draft()
        self.step: Step | None = None
        self.sub: SubStep | None = None
        self.chapter: Chapter | None = None
        self.target: list[Block] = []
        self.sections: list[Section] = []
        self.skip: int | None = None
        """The document's title (school.yml), not repeated as a heading."""

    # -- where text goes ------------------------------------------------------------------

    def _check(self, where: str, message: str) -> None:
        self.draft.checks.append((where, message))

    def _new_section(self, element: Element, niveau: int = 1) -> None:
        section = Section(element.text.strip(), element.where, max(1, min(niveau, 3)))
        self.sections.append(section)
        self.target = section.tekst

    def _new_chapter(self, titel: str, where: str) -> None:
        plaats = "na" if self.draft.steps else "voor"
        self.chapter = Chapter(titel, where, plaats)
        self.draft.chapters.append(self.chapter)
        self.step = self.sub = None
        self.sections = self.chapter.secties
        self.target = self.chapter.tekst

    def _ensure_container(self, element: Element) -> None:
        if self.step is None and self.chapter is None:
            self._new_chapter(self.draft.title or BEFORE_PLAN, element.where)
            self._check(
                element.where,
                f"De tekst voor het eerste kopje staat op de pagina '{self.chapter.titel}'.",
            )

    # -- steps ----------------------------------------------------------------------------

    def _start_step(self, head: Head) -> None:
        element = self.elements[head.index]
        numbers = {s.nummer for s in self.draft.steps}
        if head.sub is not None and self.step is not None and self.step.nummer == head.nummer:
            self._start_sub(element)
            return
        if head.nummer in numbers:
            if self.step is None:
                self._ensure_container(element)
            self._check(
                element.where,
                f"'{snippet(element.text)}': stap {head.nummer} bestond al; bewaard als kopje.",
            )
            self._new_section(element)
            return
        titel = head.titel or None
        self.step = Step(head.nummer, titel, head.kop, element.where)
        self.draft.steps.append(self.step)
        self.chapter = self.sub = None
        self.sections = self.step.secties
        self.target = self.step.alinea
        if titel is None:
            self._check(element.where, f"Stap {head.nummer} heeft geen titel: vul die in.")

    def _start_sub(self, element: Element) -> None:
        assert self.step is not None
        self.sub = SubStep(element.text.strip(), element.where)
        self.step.deelstappen.append(self.sub)
        self.sections = self.sub.secties
        self.target = self.sub.tekst

    def _w_field(self, field: str, element: Element, inline: bool) -> None:
        assert self.step is not None
        if self.sub is not None:  # a W inside a sub-step: a section of the sub-step
            self._new_section(element)
            return
        kop = element.text.strip()
        order = ("wanneer", "waarom", "wie", "hoe")
        later = any(w in self.step.w for w in order[order.index(field) + 1 :])
        if field in self.step.w or later or self.step.secties:
            # The same W twice, a W after a later one ('Wie:' before 'Wanneer:') or after a
            # heading of the school's own: a section, so that the page keeps the school's order.
            if inline:
                self.step.secties.append(Section(kop.split(":")[0].strip(), element.where))
                self.sections = self.step.secties
                self.target = self.step.secties[-1].tekst
                self.target.append(kop)
            else:
                self._new_section(element)
            return
        self.step.w[field] = []
        self.target = self.step.w[field]
        if inline:
            self.target.append(kop)
        elif kop != field.upper():
            self.step.koppen[field] = kop

    def _in_step(self, index: int, element: Element) -> str:
        """What an element in a step is: 'text', 'section' or 'chapter'."""
        text = element.text.strip()
        if element.level is not None and element.level != 0:
            if self.level is not None and element.level < self.level:
                return "chapter"
            if self.level is not None and element.level == self.level:
                return "section" if index < self.last_plan_index else "chapter"
            if self.level is None and pt.CHAPTER.match(text):
                return "chapter"
            return "section"
        if section_word(text) or pt.label_heading(text):
            return "section"
        if heading_like(element):
            if pt.CHAPTER.match(text) or (index > self.last_plan_index and text.isupper()):
                return "chapter"
            return "section"
        return "text"

    def _section_level(self, element: Element) -> int:
        if element.level is not None and self.level is not None:
            return element.level - self.level
        return 1

    # -- the walk -------------------------------------------------------------------------

    def _paragraph_in_step(self, index: int, element: Element) -> None:
        kind = self._in_step(index, element)
        inline = pt.W_INLINE.match(element.text.strip())
        field = pt.W_HEADINGS.get(pt.key(element.text))
        if kind == "section" and field:
            self._w_field(field, element, inline=False)
        elif kind == "text" and inline and self.sub is None:
            self._w_field(inline["kop"].casefold(), element, inline=True)
        elif kind == "text" and (label := pt.SECTION_INLINE.match(element.text.strip())):
            self.sections.append(Section(label["kop"], element.where, tekst=[element.text]))
            self.target = self.sections[-1].tekst
        elif kind == "section":
            self._new_section(element, self._section_level(element))
        elif kind == "chapter":
            self._chapter_heading(element)
        else:
            self.target.append(element.text)

    def _chapter_heading(self, element: Element) -> None:
        text = element.text.strip()
        if self.chapter is None:
            self._new_chapter(text, element.where)
            return
        base = min((e.level for e in self.elements if e.level and e.level > 0), default=None)
        if element.level is not None and base is not None:
            deeper = element.level > base
        else:
            numbered = pt.NUMBERED_HEAD.match(text)
            deeper = not (
                pt.CHAPTER.match(text)
                or pt.PLAN.search(text)
                or text.isupper()
                or (numbered and numbered["sub"] is None)
            )
        if deeper:
            level = element.level - base if element.level and base else 1
            self._new_section(element, level)
        else:
            self._new_chapter(text, element.where)

    def walk(self) -> Draft:
        for index, element in enumerate(self.elements):
            if index == self.skip:
                continue
            if index in self.heads:
                self._start_step(self.heads[index])
            elif index in self.tables:
                self._table_steps(element)
            elif element.kind != "alinea":
                self._ensure_container(element)
                self.target += blocks(element)
            elif self.step is not None:
                self._paragraph_in_step(index, element)
            elif element.level == 0 or heading_like(element) or pt.label_heading(element.text):
                self._chapter_heading(element)
            else:
                self._ensure_container(element)
                self.target.append(element.text)
        return self.draft

    # -- a step plan as a table -----------------------------------------------------------

    def _table_steps(self, element: Element) -> None:
        skip = hd.captions(element)
        header = [cell_text(cell) for cell in element.rows[skip]]
        keyed = [pt.key(h) for h in header]
        has_header = any(k in pt.COLUMN_WORDS or pt.STEP_COLUMN.match(k) for k in keyed)
        step_column = not (has_header and keyed[0] in pt.W_HEADINGS)
        start = skip + 1 if has_header else skip
        rows = element.rows[start:]
        next_number = max((s.nummer for s in self.draft.steps), default=0) + 1
        columns = header if has_header else []
        previous: list[list[Element]] | None = None
        step: Step | None = None
        for number, row in enumerate(rows, start=start + 1):
            if not any(cell_text(cell).strip() for cell in row):
                continue
            where = f"{element.where}, rij {number}"
            numbers = {s.nummer for s in self.draft.steps}
            if step is not None and previous and step_column and row[0] is previous[0]:
                # The step cell spans this row too (merged down): more of the same step.
                self._row_more(step, row, previous, columns, step_column)
            else:
                step = self._row_step(row, columns, step_column, next_number, where)
                if step.nummer in numbers:
                    step.nummer = max(numbers) + 1
                    self._check(where, f"Dit nummer bestond al; deze rij is stap {step.nummer}.")
                step.where = element.where
                self.draft.steps.append(step)
                next_number = step.nummer + 1
            previous = row
        # The school's table itself stays too, verbatim, where it stands: in the part (and the
        # section of it) it stands in, which the text after the table continues.
        self.step = self.sub = None
        if self.chapter is None:
            self._new_chapter(self.draft.title or BEFORE_PLAN, element.where)
        self.target += blocks(element)
        self._check(
            element.where,
            f"Het stappenplan is gelezen uit deze tabel ({len(rows)} rijen); de tabel zelf "
            "staat ook op de pagina van het deel waarin hij staat.",
        )

    def _row_cells(
        self,
        step: Step,
        row: list[list[Element]],
        header: list[str],
        step_column: bool,
        skip: int | None = None,
    ) -> None:
        """The cells of a row after the step column, as the step's fields and sections."""
        for column, cell in enumerate(row[1:] if step_column else row, start=int(step_column)):
            cell_blocks = [b for e in cell for b in blocks(e)]
            if not cell_blocks or column == skip:
                continue
            kop = header[column].strip() if column < len(header) else ""
            field = pt.W_HEADINGS.get(pt.key(kop))
            existing = next((s for s in step.secties if s.kop == kop), None) if kop else None
            if field and field not in step.w:
                step.w[field] = cell_blocks
                if kop != field.upper():
                    step.koppen[field] = kop
            elif field:
                step.w[field] += cell_blocks
            elif existing is not None and existing.tekst is not None:
                existing.tekst += cell_blocks
            elif kop:
                step.secties.append(Section(kop, "", tekst=cell_blocks))
            else:
                step.alinea += cell_blocks

    def _row_more(
        self,
        step: Step,
        row: list[list[Element]],
        previous: list[list[Element]],
        header: list[str],
        step_column: bool,
    ) -> None:
        """A row that continues the step above it: its own cells (not those merged with the
        row above, which the step already has) join the step's fields and sections."""
        own = [
            [] if i < len(previous) and cell is previous[i] else cell for i, cell in enumerate(row)
        ]
        self._row_cells(step, own, header, step_column)

    def _row_step(
        self,
        row: list[list[Element]],
        header: list[str],
        step_column: bool,
        default: int,
        where: str,
    ) -> Step:
        first = cell_text(row[0]).strip().split("\n") if step_column else []
        nummer, titel, kop = default, None, first[0] if first else f"Stap {default}"
        if first:
            match = pt.STEP_HEAD.match(first[0]) or pt.NUMBERED_HEAD.match(first[0])
            if match:
                nummer = pt.number(match["num"])
                titel = match["title"].strip() or None
            elif first[0].isdigit():
                nummer = int(first[0])
            else:
                titel = first[0]
        rest = first[1:]
        if titel is None and rest and pt.titleish(rest[0]):
            titel, rest = rest[0], rest[1:]  # 'Niveau 1' with the title on the next line
        title_column = None
        if (
            titel is None
            and len(row) > 1
            and len(header) > 1
            and pt.TITLE_COLUMN.match(pt.key(header[1]))
        ):  # 'Nr | Stap | Wat': the step's name in a column of its own
            lines = cell_text(row[1]).strip().split("\n")
            if lines[0] and pt.titleish(lines[0]):
                titel, title_column = lines[0], 1
                rest += lines[1:]
                kop = titel
        step = Step(nummer, titel, kop if titel else f"Stap {nummer}", "")
        if step_column and header and not pt.STEP_COLUMN.match(pt.key(header[0])):
            step.secties.append(Section(header[0], "", tekst=[]))  # the school's column name
        step.alinea += rest
        if titel is None:
            self._check(
                where,
                f"'{step.kop}' heeft geen titel in de tabel: vul in stappen/stap-{nummer}.yml "
                "'titel' en 'korte_titel' in.",
            )
        self._row_cells(step, row, header, step_column, skip=title_column)
        return step


def _title(elements: list[Element], heads: list[Head], tables: set[int]) -> int | None:
    """The document's title: a 'Title' paragraph, or a first heading before the step plan
    that is not a part of the protocol (such as 'Inleiding')."""
    first_plan = min([*(h.index for h in heads), *tables], default=len(elements))
    for i, element in enumerate(elements[:first_plan]):
        if element.level == 0:
            return i
    if elements and first_plan > 0:
        first = elements[0]
        candidate = heading_like(first) and not pt.CHAPTER.match(first.text)
        if candidate and not pt.PLAN.search(first.text) and not section_word(first.text):
            return 0
    return None


def _unboxed(elements: list[Element]) -> list[Element]:
    """A table of one column is a frame around text (a box with a step, a layout table), not
    data: its paragraphs and lists take part in the document as if they stood outside it. A
    one-column list of steps stays a step-plan table."""
    flat: list[Element] = []
    for element in elements:
        one_column = element.kind == "tabel" and all(len(r) <= 1 for r in element.rows)
        if one_column and element.rows and not hd.plan_table(element):
            flat += [e for row in element.rows for cell in row for e in cell]
        else:
            flat.append(element)
    return flat


def _outline_items(elements: list[Element]) -> list[Element]:
    """A numbered list of one short item with text after it, again and again ('1. Melding',
    a paragraph, '2. Gesprek', a paragraph): these are numbered headings written as a list.
    Each becomes a heading-like paragraph with its number in front, as the document shows it."""
    found = [
        i
        for i, e in enumerate(elements)
        if e.kind == "lijst"
        and e.numbered
        and len(e.items) == 1
        and len(e.labels) == 1
        and pt.titleish(e.items[0])
        and i + 1 < len(elements)
        and elements[i + 1].kind == "alinea"
        and elements[i + 1].level is None
    ]
    if len(found) < 2:
        return elements
    result = list(elements)
    for i in found:
        item = elements[i]
        text = f"{item.labels[0]} {item.items[0]}"
        result[i] = Element("alinea", item.where, text=text, emphasis=True)
    return result


TOC_LINE = re.compile(r"^\S.{0,90}?(?:\t+|\s*\.{2,}\s*|\s{2,})\d{1,3}$")
"""A line of a typed table of contents: a heading, a tab or dots, a page number."""
TOC_HEADING = re.compile(r"^(inhoudsopgave|inhoud|inhoudstafel)\s*:?$", re.IGNORECASE)
TOC_LINES = 3
"""So many such lines in a row are a table of contents, not text."""


def _follows(where: str, then: str) -> bool:
    """Whether paragraph ``then`` ('alinea 8') comes right after ``where`` ('alinea 7')."""
    a, b = where.split()[-1], then.split()[-1]
    same_kind = where.split()[0] == then.split()[0]
    return same_kind and a.isdigit() and b.isdigit() and int(b) == int(a) + 1


def _typed_contents(elements: list[Element], notes: list[Note]) -> list[Element]:
    """A table of contents typed as paragraphs ('Inleiding<tab>2'), or left as plain paragraphs
    in a contents field: left out, with its heading, and reported (the site has a menu, and
    page numbers mean nothing there)."""
    result: list[Element] = []
    i = 0
    while i < len(elements):
        run = i
        while (
            run < len(elements)
            and elements[run].kind == "alinea"
            and TOC_LINE.match(elements[run].text.strip())
        ):
            run += 1
        if run - i < TOC_LINES:
            result.append(elements[i])
            i += 1
            continue
        if result and result[-1].kind == "alinea" and TOC_HEADING.match(result[-1].text.strip()):
            first = result.pop().where
        else:
            first = elements[i].where
        last = elements[run - 1].where
        message = (
            "De inhoudsopgave is niet overgenomen: de site heeft een eigen menu, en "
            "paginanummers betekenen daar niets."
        )
        before = notes[-1] if notes else None
        if before and before.message == message and _follows(before.where, first):
            first = before.where.split(" t/m ")[0]  # its heading, left out by its style
            notes.pop()
        span = first if first == last else f"{first} t/m {last.split()[-1]}"
        notes.append(Note(span, message))
        i = run
    return result


def recognise(document: Document) -> Draft:
    elements = _outline_items(_typed_contents(_unboxed(document.elements), document.notes))
    heads = hd.word_heads(elements)
    tables: set[int] = set()
    if not heads:
        tables = {i for i, e in enumerate(elements) if hd.plan_table(e)}
    if not heads and not tables:
        heads = hd.numbered_heads(elements)
    walker = _Walker(elements, heads, tables)
    walker.skip = _title(elements, heads, tables)
    if walker.skip is not None:
        walker.draft.title = elements[walker.skip].text.strip()
    return walker.walk()
