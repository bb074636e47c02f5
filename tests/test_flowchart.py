"""Flowcharts: drawn from the data, linked, accessible, printable, and without overlaps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.content.load import load
from generator.content.routing import Guide
from generator.generate import generate
from generator.site.flowchart import Chart, guide_tree, step_plan, step_plan_rows, text_width
from tests.helpers import bundled_protocol, site_labels
from tests.layout import Drawing, problems

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = bundled_protocol()


def estimated(chart: Chart) -> Drawing:
    """The chart's own geometry, with text sized by the generator's width estimate."""

    def text_rect(t) -> tuple[float, float, float, float]:
        w = text_width(t.text, t.size, t.bold)
        x = {"start": t.x, "middle": t.x - w / 2, "end": t.x - w}[t.anchor]
        return (x, t.y - t.size * 0.95, w, t.size * 1.2)

    segments = [
        (*e.points[i], *e.points[i + 1]) for e in chart.edges for i in range(len(e.points) - 1)
    ]
    return Drawing(
        boxes=[(b.x, b.y, b.w, b.h) for b in chart.boxes],
        box_texts=[[text_rect(t) for t in b.lines] for b in chart.boxes],
        labels=[text_rect(t) for e in chart.edges for t in e.labels],
        segments=segments,
    )


@pytest.mark.parametrize("make", [step_plan, guide_tree], ids=["stappenplan", "wegwijzer"])
def test_layout_has_no_overlaps(make) -> None:
    chart = make(PROTOCOL, site_labels())
    assert problems(estimated(chart)) == []
    for box in chart.boxes:
        assert box.x >= 0 and box.x + box.w <= chart.width
        assert box.y >= 0 and box.y + box.h <= chart.height


def test_overview_has_one_inline_svg_linking_all_step_pages(built) -> None:
    html = (built.site_dir / "stappen" / "index.html").read_text("utf-8")
    svgs = re.findall(r"<svg[^>]*class=\"sw-flow\".*?</svg>", html, flags=re.S)
    assert len(svgs) == 1
    svg = svgs[0]
    links = re.findall(r'<a href="([^"]+)"', svg)
    assert sorted(links) == sorted(f"stap-{n}/" for n in range(8))
    for link in links:
        assert (built.site_dir / "stappen" / link / "index.html").is_file()
    assert '<title id="schema-stappenplan-titel">' in svg and "<desc" in svg
    assert 'aria-labelledby="schema-stappenplan-titel"' in svg
    assert "<text" in svg and ">Gesprek zonder Schuldvraag</text>" in svg
    assert 'href="#schema-tabel"' in html and 'id="schema-tabel"' in html
    for _van, wanneer, _naar in step_plan_rows(PROTOCOL, site_labels()):
        assert f"<td>{wanneer}</td>" in html
    assert "mermaid" not in html.lower()


def test_guide_chart_links_every_guide_page(built) -> None:
    html = (built.site_dir / "stappen" / "schema-wegwijzer" / "index.html").read_text("utf-8")
    (svg,) = re.findall(r"<svg[^>]*class=\"sw-flow\".*?</svg>", html, flags=re.S)
    links = re.findall(r'<a href="([^"]*)"', svg)
    assert len(links) == len(set(links)) == len(list(Guide(PROTOCOL.wegwijzer).pages()))
    for link in links:
        target = (built.site_dir / "stappen" / "schema-wegwijzer" / link).resolve()
        assert (target / "index.html").is_file(), link
    assert 'id="schema-tabel"' in html


@pytest.mark.parametrize(("name", "size"), [("a4", (595.28, 841.89)), ("a3", (841.89, 1190.55))])
def test_step_plan_pdf_is_one_page(built, name: str, size: tuple[float, float]) -> None:
    reader = PdfReader(built.site_dir / "stappen" / f"stappenplan-{name}.pdf")
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size, abs=1)
    text = page.extract_text()
    for nummer in range(8):
        assert f"Stap {nummer}" in text
    assert "versie 1.0 (concept)" in text


def test_charts_follow_the_content(project) -> None:
    """A step added and a condition renamed: the charts change with no code change."""
    steps = project.content / "stappen"
    (steps / "stap-8.yml").write_text(
        (steps / "stap-7.yml")
        .read_text("utf-8")
        .replace("nummer: 7", "nummer: 8")
        .replace("korte_titel: Interventies en sancties", "korte_titel: Externe hulp"),
        "utf-8",
    )
    stap7 = steps / "stap-7.yml"
    stap7.write_text(
        stap7.read_text("utf-8").replace(
            "vervolg:\n  - naar: afgesloten\n    label: gedrag stopt",
            "vervolg:\n  - naar: 8\n    label: nog steeds geen effect\n    uitleg: Dan stap 8.\n"
            "  - naar: afgesloten\n    label: gedrag stopt",
        ),
        "utf-8",
    )
    stap2 = steps / "stap-2.yml"
    stap2.write_text(
        stap2.read_text("utf-8").replace(
            "label: afspraken niet nagekomen", "label: afspraak gebroken"
        ),
        "utf-8",
    )
    guide = project.content / "wegwijzer.yml"
    guide.write_text(
        guide.read_text("utf-8")
        .replace(
            "      - id: groepsgesprek\n",
            "      - id: sancties\n        tekst: Er zijn sancties geweest (stap 7)\n"
            "        naar: stap-8\n      - id: groepsgesprek\n",
        )
        .replace(
            "  - id: afgerond\n",
            "  - id: stap-8\n    stap: 8\n    titel: Schakel externe hulp in\n    uiterlijk: Nu.\n"
            "    wat_nu:\n      - Overleg met de APC.\n  - id: afgerond\n",
        ),
        "utf-8",
    )
    scenarios = project.content / "scenarios.yml"
    scenarios.write_text(
        scenarios.read_text("utf-8")
        + "\n  - id: externe-hulp\n    situatie: Sancties hielpen niet.\n"
        "    antwoorden: [loopt-al, sancties]\n    uitkomst: stap-8\n    uitleg: Stap 8.\n",
        "utf-8",
    )
    protocol, found = load(project.content)
    assert protocol is not None, [p.format() for p in found if p.is_error]
    chart = step_plan(protocol, site_labels())
    assert problems(estimated(chart)) == []
    assert {b.href for b in chart.boxes if b.kind == "stap"} == {
        f"stappen/stap-{n}.md" for n in range(9)
    }
    labels = {t.text for e in chart.edges for t in e.labels}
    assert "afspraak gebroken" in labels and "afspraken niet nagekomen" not in labels
    assert "nog steeds geen effect" in labels
    tree = guide_tree(protocol, site_labels())
    assert problems(estimated(tree)) == []
    generate(project)
    overview = (project.docs_dir / "stappen" / "index.md").read_text("utf-8")
    assert '<a href="stap-8.md"' in overview
    assert ">Externe hulp</text>" in overview
