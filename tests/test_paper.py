"""Paper that works: the step plan and the worksheets measured in their PDFs, as printed.

Text sizes, page counts, tables and the place of every line are read from the PDFs with
pdfplumber; the arrowheads are checked on the generator's geometry.
"""

from __future__ import annotations

import itertools
import math
import unicodedata

import pdfplumber
import pytest

from generator.content.load import load
from generator.generate import generate
from generator.site.flowchart import PAPERS, SCREEN, Chart, guide_tree, on_paper, step_plan
from tests.helpers import bundled_protocol, site_labels

PROTOCOL = bundled_protocol()
FORMS = PROTOCOL.formulieren.formulieren
SHEET_MARGIN = 1.4 / 2.54 * 72  # Top and bottom margin of a worksheet (formulier-blad.html.j2).


def normal(text: str) -> str:
    """PDF text without ligatures (fl, fi) and with single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# --------------------------------------------------------------------------------------------
# The step plan on A4 and A3
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_step_plan_pdf_text_size_page_and_fill(built, size: str) -> None:
    paper = PAPERS[size]
    path = built.site_dir / "stappen" / f"stappenplan-{size.lower()}.pdf"
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 1  # The bundled protocol fits one page.
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((paper.page_w, paper.page_h), abs=1)
        smallest = min(c["size"] for c in page.chars)
        assert smallest >= paper.text - 0.01, f"text of {smallest:.1f} pt on {size}"
        text = normal(page.extract_text())
        for stap in PROTOCOL.stappen:
            assert f"Stap {stap.nummer}" in text and stap.korte_titel in text
        assert f"versie {PROTOCOL.school.versie}" in text  # Provenance, in black.
        # The drawing fills the page: across the width, down to the footer.
        drawn = page.lines + page.curves + page.rects
        left = min(o["x0"] for o in drawn)
        right = max(o["x1"] for o in drawn)
        bottom = max(o["bottom"] for o in drawn)
        assert right - left >= 0.95 * paper.chart_w
        assert bottom >= paper.page_h - paper.margin_bottom - 0.04 * paper.page_h
        # Black and white: nothing in colour.
        for obj in [*drawn, *page.chars]:
            for key in ("stroking_color", "non_stroking_color"):
                colour = obj.get(key)
                if colour and len(colour) == 3:
                    assert max(colour) - min(colour) < 0.01, (key, colour)


def long_protocol(project, last: int):
    """The bundled protocol with steps up to ``last``, each leading to the next (no guide)."""
    steps = project.content / "stappen"
    seven = (steps / "stap-7.yml").read_text("utf-8")
    closed = "vervolg:\n  - naar: afgesloten\n    label: gedrag stopt"
    for n in range(7, last + 1):
        text = seven.replace("nummer: 7", f"nummer: {n}")
        if n > 7:
            text = text.replace(
                "korte_titel: Interventies en sancties", f"korte_titel: Vervolgstap {n}"
            )
        if n < last:
            text = text.replace(
                closed,
                f"vervolg:\n  - naar: {n + 1}\n    label: nog steeds geen effect\n"
                f"    uitleg: Dan stap {n + 1}.\n  - naar: afgesloten\n    label: gedrag stopt",
            )
        (steps / f"stap-{n}.yml").write_text(text, "utf-8")
    (project.content / "wegwijzer.yml").unlink()
    (project.content / "scenarios.yml").unlink()
    protocol, found = load(project.content)
    assert protocol is not None, [p.format() for p in found if p.is_error]
    return protocol


def test_a_long_step_plan_takes_more_pages_not_smaller_text(project) -> None:
    protocol = long_protocol(project, 13)
    for size, paper in PAPERS.items():
        chart, slices = on_paper(protocol, site_labels(), paper)
        assert len(slices) == 2, size
        assert slices[0][0] == 0 and slices[-1][1] == pytest.approx(chart.height)
        for (_, bottom), (top, _) in itertools.pairwise(slices):
            assert bottom == top and bottom in chart.rows  # Cut between two rows.
    generate(project, force=True)
    for size, paper in PAPERS.items():
        path = project.docs_dir / "stappen" / f"stappenplan-{size.lower()}.pdf"
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == 2
            text = normal(" ".join(p.extract_text() for p in pdf.pages))
            for page in pdf.pages:
                assert min(c["size"] for c in page.chars) >= paper.text - 0.01
        for nummer in range(14):
            assert f"Stap {nummer} " in text
        assert "blad 2 van 2" in text


def test_step_plan_stretches_to_the_page_but_no_further() -> None:
    for paper in PAPERS.values():
        chart, slices = on_paper(PROTOCOL, site_labels(), paper)
        natural = step_plan(PROTOCOL, site_labels(), paper.metrics())
        assert chart.width == pytest.approx(paper.chart_w)
        assert chart.height > natural.height  # Gaps grown to use the page.
        assert slices == [(0.0, chart.height)]


# --------------------------------------------------------------------------------------------
# Arrowheads
# --------------------------------------------------------------------------------------------


def charts() -> list[Chart]:
    labels = site_labels()
    return [
        step_plan(PROTOCOL, labels, SCREEN),
        *(on_paper(PROTOCOL, labels, paper)[0] for paper in PAPERS.values()),
        guide_tree(PROTOCOL, labels),
    ]


@pytest.mark.parametrize("chart", charts(), ids=["scherm", "A4", "A3", "wegwijzer"])
def test_arrowheads_point_along_the_line_at_its_end(chart: Chart) -> None:
    assert chart.edges
    for edge in chart.edges:
        tip, left, right = edge.head
        base = edge.points[-1]  # The line stops at the middle of the head's base ...
        before = edge.points[-2]
        assert ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2) == pytest.approx(base)
        # ... and the tip lies straight ahead, along the last piece of the line.
        line = (base[0] - before[0], base[1] - before[1])
        head = (tip[0] - base[0], tip[1] - base[1])
        assert math.hypot(*head) > 4
        cross = line[0] * head[1] - line[1] * head[0]
        dot = line[0] * head[0] + line[1] * head[1]
        assert abs(cross) <= 1e-6 * math.hypot(*line) * math.hypot(*head)
        assert dot > 0
        # Symmetric, and wide enough to see.
        assert math.dist(tip, left) == pytest.approx(math.dist(tip, right))
        assert math.dist(left, right) > 0.5 * math.hypot(*head)


def test_horizontal_arrows_end_level_with_their_line() -> None:
    chart = on_paper(PROTOCOL, site_labels(), PAPERS["A4"])[0]
    flat = [e for e in chart.edges if e.points[-2][1] == e.points[-1][1]]
    assert len(flat) >= 8  # Ways in and ways out.
    for edge in flat:
        tip = edge.head[0]
        assert tip[1] == pytest.approx(edge.points[-1][1])  # Not above or below the line.
        assert abs(tip[0] - edge.points[-1][0]) > 4


def test_arrowheads_are_drawn_in_the_svg(built) -> None:
    html = (built.site_dir / "stappen" / "index.html").read_text("utf-8")
    svg = html[html.index('<svg xmlns="http://www.w3.org/2000/svg" class="sw-flow"') :]
    svg = svg[: svg.index("</svg>")]
    assert svg.count('<polygon class="sw-flow-punt"') == svg.count("<polyline") > 0
    assert "marker-end" not in svg


# --------------------------------------------------------------------------------------------
# Worksheets
# --------------------------------------------------------------------------------------------


def body_lines(page) -> list[str]:
    """The lines of a worksheet page between its margins (no header or footer line)."""
    return [
        normal(line["text"])
        for line in page.extract_text_lines()
        if line["top"] > SHEET_MARGIN - 1 and line["bottom"] < page.height - SHEET_MARGIN + 1
    ]


def written(form) -> set[str]:
    """Section titles and field labels: what shows a page holds part of the form."""
    found = {normal(o.titel) for o in form.onderdelen}
    found |= {normal(v.label) for o in form.onderdelen for v in o.velden}
    return found


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_worksheet_pages_hold_form_and_keep_headings_with_what_follows(built, form) -> None:
    titles = {normal(o.titel) for o in form.onderdelen}
    with pdfplumber.open(built.site_dir / "formulieren" / f"{form.id}.pdf") as pdf:
        assert 1 <= len(pdf.pages) <= 2
        for number, page in enumerate(pdf.pages, 1):
            lines = body_lines(page)
            if any(line.startswith("Privacy:") for line in lines):
                lines = lines[: next(i for i, ln in enumerate(lines) if ln.startswith("Privacy:"))]
            # No page with only the privacy line and the footer.
            assert any(any(w in line for w in written(form)) for line in lines), (
                f"page {number} holds no part of the form"
            )
            # No section title at the foot of a page.
            assert lines[-1] not in titles, f"'{lines[-1]}' ends page {number}"
        assert "Privacy:" in normal(pdf.pages[-1].extract_text())


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_worksheet_tables_have_the_rows_the_content_asks(built, form) -> None:
    wanted = [v for o in form.onderdelen for v in o.velden if v.soort == "tabel"]
    with pdfplumber.open(built.site_dir / "formulieren" / f"{form.id}.pdf") as pdf:
        tables = [t.extract() for page in pdf.pages for t in page.find_tables()]
    found = {tuple(normal(c or "") for c in t[0]): len(t) - 1 for t in tables}
    for veld in wanted:
        assert found.get(tuple(normal(k) for k in veld.kolommen)) == veld.rijen, veld.label


def test_gesprek_zonder_schuldvraag_has_room_for_the_whole_group() -> None:
    form = next(f for f in FORMS if f.stap == 3)
    velden = {v.label: v for o in form.onderdelen for v in o.velden}
    assert velden["Wat ga jij doen?"].rijen >= 8  # The support group: 6 to 8 pupils.
    assert velden["Nagesprekken"].rijen >= 9  # Every pupil of the group and the bullied one.


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.id)
def test_questions_about_feelings_get_writing_room(form) -> None:
    for onderdeel in form.onderdelen:
        for veld in onderdeel.velden:
            asks = [veld.label, *veld.kolommen]
            if not any("voel" in q.lower() and q.rstrip().endswith("?") for q in asks):
                continue
            if veld.soort == "vak":
                assert veld.regels >= 4, veld.label
            else:
                assert veld.soort == "tabel" and veld.schrijfregels >= 2, veld.label


def test_a_sheet_that_only_just_fits_does_not_leave_its_privacy_line_alone(project) -> None:
    """Fields added until the worksheet needs a second page: the page break then comes
    before a section, never between the last section and the privacy line."""
    sheet = project.content / "formulieren.yml"
    text = sheet.read_text("utf-8")
    anchor = "      - titel: Conclusie\n"
    extra = "".join(
        f"      - titel: Extra deel {n}\n        velden:\n"
        f"          - label: Extra veld {n}\n            soort: vak\n            regels: 3\n"
        for n in range(1, 9)
    )
    sheet.write_text(text.replace(anchor, extra + anchor, 1), "utf-8")
    generate(project, force=True)
    path = project.docs_dir / "formulieren" / "stap-0-controle.pdf"
    titles = {normal(t) for t in ["Conclusie", *(f"Extra deel {n}" for n in range(1, 9))]}
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 2
        last = body_lines(pdf.pages[-1])
        assert last[0] in titles  # The second page starts with a whole section ...
        assert "Conclusie" in last and last[-1] != "Conclusie"  # ... and ends with the last.


def test_page_margin_texts_are_inert_css_strings() -> None:
    from generator.site.render import css_string

    value = css_string('Basisschool "De Klim\\op"\n</style><a href=javascript:alert(1)>')
    inner = str(value)[1:-1]
    assert str(value)[0] == str(value)[-1] == '"'
    assert not set(inner) & set('"<>=:\\\n') - {"\\"}
    assert "\\22 " in inner and "\\3c " in inner and "\\a " in inner
    assert css_string("Versie 1.0 (concept) · 1 september 2026") == (
        '"Versie 1.0 (concept) · 1 september 2026"'
    )
