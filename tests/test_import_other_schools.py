"""Four protocols written by someone who had never seen the bundled one (tests/other_schools.py),
imported and built as a coordinator would: every sentence on the site, the steps as the
document shows them, the school's own deadlines and roles taken over, headings the school
wrote (and no others), chapters where they stand, and no markup on any page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load
from generator.importing.run import import_document, report
from tests import other_schools, real_protocols
from tests.test_generate import page_text, squash
from tests.test_import import TODAY, _missing, import_and_build

SHAPES: dict[str, dict[str, object]] = {
    # name: the steps as the document shows them (first, last, count)
    "regenboog_fasen.docx": {"eerste": "Fase 1 – Signaleren", "laatste": "Fase 5", "aantal": 5},
    "wilgenhoek_tabel.docx": {"eerste": "Stap 1", "laatste": "Stap 6", "aantal": 6},
    "vlinder_tien.odt": {"eerste": "1. Melding", "laatste": "10. Nazorg", "aantal": 10},
    "klavertje.txt": {"eerste": "STAP 1 - Signaleren", "laatste": "STAP 7 - Nazorg", "aantal": 7},
}

RAW = re.compile(r"\{\s*[#.:]|\{\{|\{%|data-herkomst=")
"""Attribute lists, template syntax or our own attributes, visible as text."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each document imported and built once: (document, project root, the import report)."""
    built = {}
    for name, builder in other_schools.BUILDERS.items():
        folder = tmp_path_factory.mktemp(name.replace(".", "-"))
        document = builder(folder / name)
        project, _ = import_and_build(document, folder / "project")
        imported = import_document(document, folder / "again", TODAY)
        built[name] = (document, project.root, report(imported, folder / "again"))
    return built


def _page(root: Path, *parts: str) -> str:
    return (root / "site" / Path(*parts) / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    start, end = html.find("<article"), html.find("</article>")
    return squash(" ".join(page_text(html[start:end]).parts))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_sentence_is_on_the_site_and_the_steps_are_the_documents(name, sites) -> None:
    document, root, _ = sites[name]
    text = real_protocols.site_text(root / "site")
    assert _missing(real_protocols.sentences(document), text) == []
    protocol, problems = load(root / "content")
    assert protocol is not None and not any(p.is_error for p in problems)
    shape = SHAPES[name]
    shown = [s.kop or f"Stap {s.nummer}: {s.titel}" for s in protocol.stappen]
    assert len(shown) == shape["aantal"]
    assert shown[0].startswith(str(shape["eerste"])) and shown[-1].startswith(str(shape["laatste"]))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_no_page_shows_markup_and_the_chooser_links_each_step(name, sites) -> None:
    """Without a guide the site has 'Kies de stap': a heading per step holding only its link,
    the school's text under it (an attribute list once showed as text there)."""
    _, root, _ = sites[name]
    for page in sorted((root / "site").rglob("*.html")):
        # Code is shown as written on purpose (the APC's page names facts as {{...}}).
        html = re.sub(r"<code>.*?</code>", "", page.read_text(encoding="utf-8"), flags=re.S)
        visible = squash(" ".join(page_text(html).parts))
        assert not RAW.search(visible), (page, RAW.search(visible).group(0))
    chooser = _page(root, "welke-stap-nu")
    headings = re.findall(r"<h2\b[^>]*>(.*?)</h2>", chooser, re.S)
    assert len(headings) == SHAPES[name]["aantal"]
    for heading in headings:  # the link alone (an abbreviation's tooltip may be inside it)
        assert re.fullmatch(r"<a href=[^>]+>.*</a>", heading.strip(), re.S), heading
        assert "<div" not in heading and "<p" not in heading, heading


def test_a_contents_field_with_plain_entries_is_left_out_and_reported(sites) -> None:
    _, root, said = sites["regenboog_fasen.docx"]
    assert "alinea 7 t/m 13: De inhoudsopgave is niet overgenomen" in said
    text = real_protocols.site_text(root / "site")
    assert "Preventie 3" not in text and "Klachtenregeling 7" not in text


def test_the_schools_own_deadline_and_responsible_become_the_steps_facts(sites) -> None:
    fasen, _ = load(sites["regenboog_fasen.docx"][1] / "content")
    tabel, _ = load(sites["wilgenhoek_tabel.docx"][1] / "content")
    klaver, _ = load(sites["klavertje.txt"][1] / "content")
    assert fasen.stap(1).termijn.kort == "Dezelfde dag"
    assert tabel.stap(4).termijn.kort == "Binnen 5 werkdagen"
    assert klaver.stap(1).termijn.kort == "zelfde dag"
    # 'Verantwoordelijke: APC en directie', not every role the row's text names
    assert {r.rol for r in tabel.stap(4).rollen} == {"apc", "directie"}
    assert all(r.taak.startswith("[geraden uit de tekst") for r in tabel.stap(4).rollen)


def test_text_after_the_step_table_stays_in_its_chapter(sites) -> None:
    _, root, said = sites["wilgenhoek_tabel.docx"]
    protocol, _ = load(root / "content")
    titles = [h.titel for h in protocol.hoofdstukken]
    assert titles.count("PESTPROTOCOL CBS DE WILGENHOEK") == 1
    plan = next(h for h in protocol.hoofdstukken if h.titel == "3. Het stappenplan")
    plan_text = squash(" ".join(str(b) for b in plan.tekst))
    assert "NB: bij fysiek geweld of bedreiging" in plan_text
    assert "alinea 15: De tekst voor het eerste kopje" not in said


def test_labels_in_the_schools_order_stay_in_that_order(sites) -> None:
    """'Wie:' before 'Wanneer:' in step 1 of De Vlinder: the page keeps the school's order."""
    _, root, _ = sites["vlinder_tien.odt"]
    text = _article(_page(root, "stappen", "stap-1"))
    assert text.index("de leerkracht die de melding ontvangt") < text.index("direct")


def test_plain_text_chapters_headings_and_lines(sites) -> None:
    _, root, said = sites["klavertje.txt"]
    protocol, _ = load(root / "content")
    assert protocol.school.protocol_titel == "PESTPROTOCOL  BASISSCHOOL 'T KLAVERTJE"
    titles = [h.titel for h in protocol.hoofdstukken]
    assert {"Inleiding", "Wat is pesten?", "HET STAPPENPLAN", "Tot slot"} <= set(titles)
    last = _article(_page(root, "stappen", "stap-7"))
    assert "Wij evalueren het protocol ieder jaar" not in last
    assert "regel 2: Een lijn van tekens" in said and "regel 28: Een lijn van tekens" in said


def test_headings_the_school_did_not_write_are_not_shown_as_its_text(sites) -> None:
    """A protocol without WANNEER/WAAROM/WIE/HOE gets no empty W headings, and the overview
    does not promise them; the footer and the home page say what is true of a new draft."""
    _, root, _ = sites["klavertje.txt"]
    step = _page(root, "stappen", "stap-3")
    assert not re.search(r"<h3[^>]*>\s*(WANNEER|WAAROM|WIE|HOE)\s*</h3>", step)
    assert "niets apart" not in step
    assert "WAAROM, WIE en HOE" not in _page(root, "stappen")
    home = _page(root)
    assert "(concept) (concept)" not in home
    assert "Voor elk gesprek is er een" not in home


def test_check_counts_the_texts_left_to_fill_in_apart(sites, capsys) -> None:
    from generator.cli import main

    _, root, _ = sites["vlinder_tien.odt"]
    assert main(["check", "--content", str(root / "content")]) == 0
    captured = capsys.readouterr()
    listed = captured.err.count(": let op: ")
    elsewhere = captured.err.count("is nog niet ingevuld; de site toont deze tekst zo.")
    assert elsewhere > 10
    assert "tekst(en) tussen [ ] in andere bestanden (de site toont ze zo)" in captured.out
    assert f"{elsewhere} tekst(en) tussen [ ] in andere bestanden" in captured.out
    assert f"van de {listed} waarschuwing(en)" in captured.out
