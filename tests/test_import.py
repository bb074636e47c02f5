"""Importing a school's own protocol document: the bundled school's text, the same text as
.docx and .odt, and protocols shaped differently (headings per step, 'Fase' instead of 'Stap',
the step plan as a Word table, 10 steps, sub-steps), each to a valid draft that builds with
every sentence of the school's text on the site."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.content.load import load
from generator.importing.run import ImportError_, import_document, report
from generator.problems import format_report
from generator.project import Project
from generator.publish.build import build_site
from tests import protocol_docs as docs
from tests.test_generate import SCHOOL_TEXT, page_text, school_sentences, squash

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 9, 1)

HEADINGS_PER_STEP: docs.Description = [
    ("titel", "Pestprotocol OBS De Linde"),
    ("kop1", "Inleiding"),
    ("tekst", "Op onze school willen we dat ieder kind zich veilig voelt."),
    ("tekst", "Dit protocol beschrijft wat we doen als er toch gepest wordt."),
    ("kop1", "Definitie van pesten"),
    ("tekst", "Pesten is het herhaaldelijk uitoefenen van macht over een ander."),
    ("bullets", ["Het gebeurt vaker.", "Het is bedoeld om pijn te doen."]),
    ("kop1", "Stappenplan"),
    ("tekst", "Bij elke melding doorlopen we de stappen hieronder."),
    ("kop2", "1. Melding"),
    ("vet", "Wat"),
    ("tekst", "Een leerling, ouder of leerkracht meldt pesten bij de groepsleerkracht."),
    ("vet", "Actie"),
    ("nummers", ["Luister naar de melding.", "Noteer de melding in het leerlingvolgsysteem."]),
    ("vet", "Betrokkenen"),
    ("tekst", "Groepsleerkracht en de leerling die meldt."),
    ("kop2", "2. Gesprek met de gepeste leerling"),
    ("vet", "Wat"),
    ("tekst", "De leerkracht voert binnen twee dagen een gesprek."),
    ("kop2", "3. Gesprek met de leerling die pest"),
    ("tekst", "Het gesprek gaat over gedrag, niet over de persoon."),
    ("kop3", "Afspraken"),
    ("bullets", ["De leerling biedt excuses aan.", "Na een week volgt een evaluatie."]),
    ("kop2", "4. Oudergesprek"),
    ("tekst", "Als het pesten doorgaat, nodigt de IB de ouders van beide leerlingen uit."),
    ("kop1", "Preventie"),
    ("tekst", "Elk schooljaar starten we met de Gouden Weken."),
    ("kop2", "Groepsregels"),
    ("tekst", "Iedere groep maakt zelf regels in de eerste week."),
]

FASE_TEXT: docs.Description = [
    ("titel", "Anti-pestprotocol Basisschool De Regenboog"),
    ("kop1", "Inleiding"),
    ("tekst", "Wij nemen elke melding van pesten serieus."),
    ("kop1", "Fase 1 – Signaleren"),
    ("tekst", "Wie: de leerkracht die het ziet of hoort."),
    ("tekst", "Wat: direct ingrijpen en het gedrag benoemen."),
    ("kop1", "Fase 2 – Oudergesprek"),
    ("tekst", "Wanneer: binnen een week na de melding."),
    ("bullets", ["ouders van de gepeste leerling", "ouders van de leerling die pest"]),
    ("kop1", "Fase 2a – Verslag"),
    ("tekst", "De intern begeleider legt het gesprek vast."),
    ("kop1", "Fase 3 – Groepsgesprek"),
    ("tekst", "De APC praat met de hele groep over wat er gebeurt."),
    ("kop1", "Fase 4 – Externe hulp"),
    ("tekst", "Als niets helpt, schakelt de directie externe hulp in."),
    ("kop1", "Tot slot"),
    ("tekst", "Dit protocol wordt elk jaar geëvalueerd door het team."),
]

TEN_STEPS = [
    "Melding",
    "Gesprek gepeste",
    "Gesprek pester",
    "Evaluatie na een week",
    "Oudergesprek",
    "Groepsgesprek",
    "Gesprek met de IB",
    "Plan van aanpak",
    "Externe hulp",
    "Afsluiting",
]
TABLE_PLAN: docs.Description = [
    ("titel", "Pestprotocol Kindcentrum Het Baken"),
    ("kop1", "Inleiding"),
    ("tekst", "Dit protocol geldt voor alle groepen van het kindcentrum."),
    ("kop1", "Stappenplan bij pesten"),
    (
        "tabel",
        [["Fase", "Wanneer", "Wie", "Wat"]]
        + [
            [
                f"{n}. {titel}",
                f"Uiterlijk {n} dagen na de melding",
                "Leerkracht" if n % 2 else "Leerkracht en ouders",
                f"Stap {n} van het plan: {titel.lower()}.\nLeg vast in het dossier (stap {n}).",
            ]
            for n, titel in enumerate(TEN_STEPS, start=1)
        ],
    ),
    ("kop1", "Preventie"),
    ("tekst", "We werken met de Kanjertraining."),
]


def _site_text(site: Path) -> str:
    return " ".join(
        squash("".join(page_text(p.read_text(encoding="utf-8")).parts))
        for p in site.rglob("*.html")
    )


def import_and_build(document: Path, tmp_path: Path) -> tuple[Project, str]:
    """Import ``document`` into a fresh project, check it has no errors, build it."""
    project = Project(tmp_path, tmp_path / "content", tmp_path / "site_templates")
    imported = import_document(document, project.content, TODAY)
    assert "Concept geschreven" in report(imported, project.content)
    protocol, problems = load(project.content)
    assert protocol is not None, format_report(problems, tmp_path)
    shutil.copytree(ROOT / "site_templates", project.templates)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    build_site(project)
    return project, _site_text(project.site_dir)


def _missing(sentences: list[str], text: str) -> list[str]:
    return [s for s in sentences if squash(s) not in text]


def test_the_bundled_school_text_imports_and_every_sentence_is_on_the_site(tmp_path) -> None:
    project, text = import_and_build(SCHOOL_TEXT, tmp_path)
    assert not _missing(school_sentences(), text)
    protocol, _ = load(project.content)
    assert [s.nummer for s in protocol.stappen] == list(range(8))


def test_the_imported_school_text_equals_the_bundled_steps(tmp_path) -> None:
    """The importer reads the four Ws, bullets and double spaces exactly as the hand-made
    content/ has them (step 0, which has no headings, is kept as one text)."""
    import_document(SCHOOL_TEXT, tmp_path / "content", TODAY)
    imported, _ = load(tmp_path / "content")
    bundled, _ = load(ROOT / "content")
    assert imported is not None and bundled is not None
    for mine, theirs in zip(imported.stappen[1:], bundled.stappen[1:], strict=True):
        for field in ("titel", "wanneer", "waarom", "wie", "hoe"):
            assert getattr(mine, field) == getattr(theirs, field), (mine.nummer, field)
    assert imported.stappen[0].alinea


def _content_data(content: Path) -> dict[str, object]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    files = sorted(content.rglob("*.yml"))
    return {
        p.relative_to(content).as_posix(): yaml.load(p.read_text(encoding="utf-8"))
        for p in files
        if p.name != "wijzigingen.yml"  # names the source file
    }


def test_docx_and_odt_of_the_same_text_import_to_the_same_content(tmp_path) -> None:
    docx = docs.write_docx(HEADINGS_PER_STEP, tmp_path / "protocol.docx")
    odt = docs.write_odt(HEADINGS_PER_STEP, tmp_path / "protocol.odt")
    import_document(docx, tmp_path / "uit-docx", TODAY)
    import_document(odt, tmp_path / "uit-odt", TODAY)
    from_docx = _content_data(tmp_path / "uit-docx")
    assert from_docx == _content_data(tmp_path / "uit-odt")
    step = from_docx["stappen/stap-3.yml"]
    assert step["secties"][0]["kop"] == "Afspraken"


def test_headings_per_step_under_a_step_plan_heading(tmp_path) -> None:
    document = docs.write_docx(HEADINGS_PER_STEP, tmp_path / "linde.docx")
    project, text = import_and_build(document, tmp_path / "site")
    assert not _missing(docs.sentences(HEADINGS_PER_STEP), text)
    protocol, _ = load(project.content)
    assert [s.korte_titel for s in protocol.stappen] == [
        "Melding",
        "Gesprek met de gepeste leerling",
        "Gesprek met de leerling die pest",
        "Oudergesprek",
    ]
    first = protocol.stappen[0]
    assert [s.kop for s in first.secties] == ["Wat", "Actie", "Betrokkenen"]
    assert first.secties[1].tekst[0].genummerd
    assert [h.titel for h in protocol.hoofdstukken] == [
        "Inleiding",
        "Definitie van pesten",
        "Stappenplan",
        "Preventie",
    ]
    assert [h.plaats for h in protocol.hoofdstukken] == ["voor", "voor", "voor", "na"]
    assert protocol.hoofdstukken[-1].secties[0].kop == "Groepsregels"
    assert protocol.school.protocol_titel == "Pestprotocol OBS De Linde"
    assert protocol.wegwijzer is None
    page = (project.site_dir / "stappen" / "stap-1" / "index.html").read_text(encoding="utf-8")
    headings = [squash(h) for h in page_text(page).headings]
    assert {"Wat", "Actie", "Betrokkenen"} <= set(headings)
    assert "WANNEER" not in headings  # only the headings the school used
    guide = (project.site_dir / "welke-stap-nu" / "index.html").read_text(encoding="utf-8")
    assert "Kies de stap" in guide and "Gesprek met de leerling die pest" in guide


def test_fase_instead_of_stap_with_a_sub_step_and_labels_in_the_text(tmp_path) -> None:
    document = docs.write_txt(FASE_TEXT, tmp_path / "regenboog.txt")
    project, text = import_and_build(document, tmp_path / "site")
    assert not _missing(docs.sentences(FASE_TEXT), text)
    protocol, _ = load(project.content)
    assert [s.nummer for s in protocol.stappen] == [1, 2, 3, 4]
    oudergesprek = protocol.stap(2)
    assert oudergesprek.kop == "Fase 2 – Oudergesprek"
    assert oudergesprek.wanneer[0] == "Wanneer: binnen een week na de melding."
    assert [d.kop for d in oudergesprek.deelstappen] == ["Fase 2a – Verslag"]
    assert [s.kop for s in protocol.stap(1).secties] == ["Wat"]
    assert [h.titel for h in protocol.hoofdstukken] == ["Inleiding", "Tot slot"]
    page = (project.site_dir / "stappen" / "stap-2" / "index.html").read_text(encoding="utf-8")
    assert "Fase 2 – Oudergesprek" in page
    assert "Fase 2a – Verslag" in [squash(h) for h in page_text(page).headings]


def test_a_step_plan_in_a_word_table_with_ten_steps(tmp_path) -> None:
    document = docs.write_docx(TABLE_PLAN, tmp_path / "baken.docx")
    project, text = import_and_build(document, tmp_path / "site")
    assert not _missing(docs.sentences(TABLE_PLAN), text)
    protocol, _ = load(project.content)
    assert [s.nummer for s in protocol.stappen] == list(range(1, 11))
    tenth = protocol.stap(10)
    assert tenth.titel == "Afsluiting"
    assert tenth.wanneer == ["Uiterlijk 10 dagen na de melding"]
    assert tenth.koppen == {"wanneer": "Wanneer", "wie": "Wie"}
    assert [s.kop for s in tenth.secties] == ["Wat"]
    assert tenth.vervolg[0].naar == "afgesloten"
    assert {r.rol for r in protocol.stap(2).rollen} == {"leerkracht", "ouders"}
    chapter = project.site_dir / "protocol" / "stappenplan-bij-pesten" / "index.html"
    assert 'data-kop="Wanneer"' in chapter.read_text(encoding="utf-8")  # the table, verbatim


def test_check_lists_what_a_draft_still_lacks(tmp_path) -> None:
    import_document(SCHOOL_TEXT, tmp_path / "content", TODAY)
    protocol, problems = load(tmp_path / "content")
    assert protocol is not None
    assert not any(p.is_error for p in problems)
    text = format_report(problems, tmp_path)
    assert "content/wegwijzer.yml:1:1: let op: Er is nog geen wegwijzer" in text
    assert "content/nieuw.yml:1:1: let op" in text
    assert "[wanneer, in een paar woorden] is nog niet ingevuld" in text
    assert "content/school.yml" in text


def test_an_import_never_overwrites_and_names_what_it_cannot_read(tmp_path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "school.yml").write_text("naam: x\n", encoding="utf-8")
    with pytest.raises(ImportError_, match="niet leeg"):
        import_document(SCHOOL_TEXT, tmp_path / "content", TODAY)
    (tmp_path / "oud.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportError_, match=r"\.docx of \.odt"):
        import_document(tmp_path / "oud.doc", tmp_path / "nieuw", TODAY)
    (tmp_path / "kapot.docx").write_bytes(b"geen zip")
    with pytest.raises(ImportError_, match="kon niet gelezen worden"):
        import_document(tmp_path / "kapot.docx", tmp_path / "nieuw", TODAY)


def test_an_image_and_a_header_are_reported_not_dropped_silently(tmp_path) -> None:
    from docx import Document

    document = Document()
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "OBS De Linde – vertrouwelijk"
    document.add_heading("Stap 1: Melding", level=1)
    document.add_paragraph("De leerkracht luistert.")
    document.add_heading("Stap 2: Gesprek", level=1)
    document.add_paragraph("De leerkracht praat met de leerlingen.")
    path = tmp_path / "met-kop.docx"
    document.save(str(path))
    imported = import_document(path, tmp_path / "content", TODAY)
    text = report(imported, tmp_path / "content")
    assert "Niet overgenomen" in text and "OBS De Linde – vertrouwelijk" in text
