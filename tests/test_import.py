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
from tests import real_protocols as real
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
    assert "content/wegwijzer.yml: let op: Er is nog geen wegwijzer" in text
    assert "content/nieuw.yml: let op" in text
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


VLINDER_STEPS = {
    "Stap 1 - Signaleren": {
        "Wat": "Een kind, ouder of collega ziet of hoort dat er gepest wordt.",
        "Actie": [
            "De leerkracht neemt de melding serieus.",
            "De leerkracht noteert de melding in ParnasSys.",
        ],
        "Betrokkenen": "Leerkracht, gepeste leerling.",
    },
    "Stap 2 - Gesprekken": {
        "Wat": "De leerkracht praat apart met beide kinderen.",
        "Actie": [
            "Eerst met de gepeste leerling, dan met de pester.",
            "Samen worden afspraken gemaakt.",
        ],
        "Betrokkenen": "Leerkracht, gepeste leerling, pester.",
    },
    "Stap 3 - Ouders informeren": {
        "Wat": "De ouders van beide kinderen worden gebeld.",
        "Actie": ["De leerkracht belt dezelfde dag nog."],
        "Betrokkenen": "Leerkracht, ouders.",
    },
    "Stap 4 - Evaluatie": {  # no action and no worksheet
        "Wat": "Na twee weken kijkt de leerkracht of het pesten gestopt is.",
        "Betrokkenen": "Leerkracht, intern begeleider.",
    },
}
VLINDER_TEXT = [
    "Pestprotocol IKC De Vlinder",
    "Versie maart 2025, vastgesteld door team en MR.",
    "Op IKC De Vlinder  voelt ieder kind zich veilig. Pessten accepteren wij niet.",
    "We blijven van elkaar af.",
    "We lachen elkaar niet uit.",
    "Bij elke melding volgen we deze stappen.",
    "Intern begeleider",
    "Mevr. Bakker",
    "Vertrouwenspersoon",
    "Dhr. Yilmaz",
]


def _vlinder_docx(path: Path) -> Path:
    """A protocol shaped unlike the bundled one, as a school writes it in Word: a bold title
    (no Title style), numbered chapters, the steps as level-2 headings 'Stap N - ...' under a
    chapter with the school's own level-3 headings (Wat, Actie, Betrokkenen), a Word numbered
    list, a step without 'Actie', a typo and a double space, and a contact table at the end."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    title = document.add_paragraph().add_run("Pestprotocol IKC De Vlinder")
    title.bold, title.font.size = True, Pt(20)
    document.add_paragraph("Versie maart 2025, vastgesteld door team en MR.")
    document.add_heading("1. Waarom dit protocol", level=1)
    document.add_paragraph(VLINDER_TEXT[2])
    document.add_heading("2. Afspraken in de groep", level=1)
    for rule in VLINDER_TEXT[3:5]:
        document.add_paragraph(rule, style="List Bullet")
    document.add_heading("3. Werkwijze bij pesten", level=1)
    document.add_paragraph(VLINDER_TEXT[5])
    for step, parts in VLINDER_STEPS.items():
        document.add_heading(step, level=2)
        for heading, body in parts.items():
            document.add_heading(heading, level=3)
            for line in body if isinstance(body, list) else [body]:
                document.add_paragraph(line, style="List Number" if heading == "Actie" else None)
    document.add_heading("4. Wie kun je bellen?", level=1)
    rows = [["Rol", "Naam"], VLINDER_TEXT[6:8], VLINDER_TEXT[8:10]]
    table = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def test_a_protocol_shaped_differently_imports_builds_and_check_lists_what_is_left(
    tmp_path, capsys
) -> None:
    from generator.cli import main

    document = _vlinder_docx(tmp_path / "Pestprotocol Vlinder.docx")
    content = tmp_path / "concept" / "content"
    assert main(["importeer", str(document), "--naar", str(content)]) == 0
    said = capsys.readouterr().out
    assert (
        "4 stappen herkend" in said and "Alle tekst van het document staat in het concept" in said
    )
    assert main(["check", "--content", str(content)]) == 0
    check = capsys.readouterr().err
    assert f"{content / 'school.yml'}:5:7: let op: [naam van de school] is nog niet ingevuld" in (
        check
    )
    assert f"{content / 'wegwijzer.yml'}: let op: Er is nog geen wegwijzer" in check
    assert "[wanneer, in een paar woorden] is nog niet ingevuld" in check
    assert "heeft een gat" not in check  # a plan may start at stap 1

    protocol, _ = load(content)
    assert protocol is not None
    assert [s.kop for s in protocol.stappen] == list(VLINDER_STEPS)
    assert [[x.kop for x in s.secties] for s in protocol.stappen] == [
        list(parts) for parts in VLINDER_STEPS.values()
    ]
    assert not any(s.formulier for s in protocol.stappen)

    project = Project(tmp_path / "concept", content, tmp_path / "concept" / "site_templates")
    shutil.copytree(ROOT / "site_templates", project.templates)
    shutil.copy(ROOT / "mkdocs.yml", project.root / "mkdocs.yml")
    build_site(project)
    text = _site_text(project.site_dir)
    sentences = [
        *VLINDER_TEXT,
        *VLINDER_STEPS,
        *(
            line
            for parts in VLINDER_STEPS.values()
            for body in parts.values()
            for line in (body if isinstance(body, list) else [body])
        ),
    ]
    assert not _missing(sentences, text)
    step = (project.site_dir / "stappen" / "stap-4" / "index.html").read_text(encoding="utf-8")
    assert "Actie" not in [squash(h) for h in page_text(step).headings]


# -- protocols the way other schools write them (tests/real_protocols.py) ------------------

TAFEL_2 = ["Gesprek met het gepeste kind.", "Gesprek met de pester.", "Leerkracht en IB"]
"""Step 2 of De Tafel spans two table rows: both rows' text is the step's."""

REAL_SHAPES: dict[str, dict[str, object]] = {
    # name: the step headings as the school's document shows them, and sub-steps per step
    "regenboog.docx": {"kop": ["Stap 1: Signaleren en melden", "Stap 5: Inschakelen"]},
    "klimop.docx": {"kop": ["Stap 1", "Stap 5"]},
    "palet.odt": {"kop": ["Fase 1 – Signaleren", "Fase 4 – Nazorg"]},
    "vlinder.txt": {"kop": ["Stap 1:\tSignaleren", "Stap 10:\tAfsluiting"], "sub": {3: 2}},
    "boomgaard.docx": {"kop": ["Trede 1 – Zelf oplossen", "Trede 4 – Bouwcoördinator"]},
    "sint_jozef.odt": {"kop": ["Niveau 1", "Niveau 5"], "titel": "Preventief"},
    "zonnewijzer.docx": {"kop": ["1. Melding", "4. Evaluatie"], "sub": {2: 2}},
    "kompas.docx": {"kop": ["Stap 1. Luisteren en noteren", "Stap 4. Ouders en coördinator"]},
    "de_linde.odt": {"kop": ["Stap 1: Melden", "Stap 4: Evalueren"]},
    "anker.docx": {"kop": ["3.1 Melding", "3.6 Afsluiting"]},
    "wilgen.docx": {"kop": ["Stap 1: Signaal", "Stap 3: Ouders erbij"]},
    "tafel.docx": {"kop": ["Melden", "Ouders"], "titel": "Melden", "in": {2: TAFEL_2}},
    "tafel.odt": {"kop": ["Melden", "Ouders"], "titel": "Melden", "in": {2: TAFEL_2}},
    "klaproos.odt": {"kop": ["Stap 1: Signaleren", "Stap 3: Doorverwijzen"]},
    "beuk.docx": {"kop": ["1. Melding", "4. Evaluatie"]},
    "beuk.odt": {"kop": ["Stap 1: Melding", "Stap 4: Evaluatie"]},
    "es.docx": {"kop": ["Stap 1: Signaleren", "Stap 4: Evalueren"]},
}


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def _draft_text(content: Path, only: str | None = None) -> str:
    """All text of a draft (or of its file ``only``), with what the site shows for what the
    draft leaves implicit: the heading 'Stap N: titel' of a step without 'kop', and the four
    Ws' headings."""
    data = {k: v for k, v in _content_data(content).items() if only in (None, k)}
    implied = ["WANNEER WAAROM WIE HOE"]
    for name, step in data.items():
        if name.startswith("stappen/") and isinstance(step, dict) and "kop" not in step:
            implied.append(f"Stap {step['nummer']}: {step['titel']}")
    return squash(" ".join(_strings(data) + implied))


def test_the_real_shapes_cover_every_builder() -> None:
    assert set(REAL_SHAPES) == set(real.BUILDERS)


@pytest.mark.parametrize("name", sorted(REAL_SHAPES))
def test_a_protocol_as_schools_write_it_gives_a_valid_draft_with_every_sentence(
    name: str, tmp_path: Path
) -> None:
    """Word's own numbering, tables with merged cells, bold pseudo-headings, 'Niveau'/'Trede',
    text boxes, footnotes, content controls, tracked insertions, a table of contents: the
    draft loads without errors, has the steps as the document shows them, and holds every
    sentence of the document (the built site is checked for three of them below)."""
    document = real.BUILDERS[name](tmp_path / name)
    imported = import_document(document, tmp_path / "content", TODAY)
    protocol, problems = load(tmp_path / "content")
    assert protocol is not None, format_report(problems, tmp_path)
    assert not any(p.is_error for p in problems), format_report(problems, tmp_path)
    shape = REAL_SHAPES[name]
    first, last = shape["kop"]
    shown = [s.kop or f"Stap {s.nummer}: {s.titel}" for s in protocol.stappen]
    assert shown[0] == first
    assert shown[-1].startswith(last)
    for nummer, count in dict(shape.get("sub", {})).items():
        step = next(s for s in protocol.stappen if s.nummer == nummer)
        assert len(step.deelstappen) == count
    if "titel" in shape:
        assert protocol.stappen[0].titel == shape["titel"]
    for nummer, texts in dict(shape.get("in", {})).items():
        step_text = _draft_text(tmp_path / "content", f"stappen/stap-{nummer}.yml")
        assert [t for t in texts if t not in step_text] == []
    assert len(list((tmp_path / "content" / "stappen").glob("*.yml"))) == len(protocol.stappen)
    assert _missing(real.sentences(document), _draft_text(tmp_path / "content")) == []
    # what is left to fill in: named by file and line, in Dutch
    left = format_report(problems, tmp_path)
    assert "content/school.yml:" in left and "nog niet ingevuld" in left
    assert "Concept geschreven" in report(imported, tmp_path / "content")


def test_the_sentence_check_fails_when_the_importer_drops_hidden_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Control: with python-docx's plain paragraph text (no content controls, tracked
    insertions or fields) the check above finds the sentences that go missing."""
    from generator.importing import read_docx, word_text

    monkeypatch.setattr(read_docx, "paragraph_text", lambda paragraph: paragraph.text)
    monkeypatch.setattr(word_text.WordNotes, "referenced", lambda self, paragraph: [])
    document = real.kompas_docx(tmp_path / "kompas.docx")
    import_document(document, tmp_path / "content", TODAY)
    missing = _missing(real.sentences(document), _draft_text(tmp_path / "content"))
    assert "Dit protocol geldt voor Kindcentrum Het Kompas en voor de peuterspeelzaal." in missing
    assert "Wet sociale veiligheid, artikel 4c van de Wet op het primair onderwijs." in missing


def test_the_import_report_names_what_it_moved_or_left_out(tmp_path: Path) -> None:
    """A footnote and a text box stand after their paragraph ('Kijk na'); a table of contents
    and a link's address are named as not taken over; nothing else is."""
    kompas = report(
        import_document(real.kompas_docx(tmp_path / "k.docx"), tmp_path / "k", TODAY),
        tmp_path / "k",
    )
    assert "De tekst van voetnoot 1 staat als gewone alinea direct na deze alinea." in kompas
    assert "https://www.hetkompas.nl/meldformulier" in kompas
    regenboog = report(
        import_document(real.regenboog_docx(tmp_path / "r.docx"), tmp_path / "r", TODAY),
        tmp_path / "r",
    )
    assert "inhoudsopgave is niet overgenomen" in regenboog
    assert "Inhoud (voor" not in regenboog  # no page made of the table of contents
    boomgaard = report(
        import_document(real.boomgaard_docx(tmp_path / "b.docx"), tmp_path / "b", TODAY),
        tmp_path / "b",
    )
    assert "Een tekstvak" in boomgaard and "afbeelding" not in boomgaard
    linde = report(
        import_document(real.de_linde_odt(tmp_path / "l.odt"), tmp_path / "l", TODAY),
        tmp_path / "l",
    )
    assert "voetnoot" in linde and "Een tekstvak" in linde and "inhoudsopgave" in linde
    es = report(
        import_document(real.es_docx(tmp_path / "e.docx"), tmp_path / "e", TODAY),
        tmp_path / "e",
    )
    assert "Een SmartArt-figuur: de tekst erin staat als opsomming" in es
    assert "afbeelding" not in es


@pytest.mark.parametrize("name", ["zonnewijzer.docx", "kompas.docx", "de_linde.odt"])
def test_the_most_different_shapes_build_with_every_sentence_on_the_site(
    name: str, tmp_path: Path
) -> None:
    """Word's numbering with sub-steps; text in content controls, tracked changes, footnotes
    and a nested table; an .odt with a footnote, a text box and a table of contents."""
    document = real.BUILDERS[name](tmp_path / name)
    _project, text = import_and_build(document, tmp_path / "site")
    assert _missing(real.sentences(document), text) == []


PLAIN = (
    "PESTPROTOCOL DE EIK\n\nInleiding\nWij willen een veilige school zijn voor iedereen.\n\n"
    "Stap {a}: Melden\nDe leerkracht noteert de melding.\n\n"
    "Stap {b}: Gesprek\nDe leerkracht praat met de kinderen.\f\n\n"
    "Stap {c}: Ouders\nDe leerkracht belt de ouders van de coördinator.\n"
)


@pytest.mark.parametrize(
    ("encoding", "numbers"),
    [
        ("utf-16", ("1", "2", "3")),  # Notepad's and Word's 'Unicode'
        ("cp1252", ("1", "2", "3")),  # Notepad's 'ANSI', with Windows line ends
        ("utf-8-sig", ("één", "twee", "drie")),  # steps numbered in words
    ],
)
def test_plain_text_as_windows_saves_it_gives_a_valid_draft(
    encoding: str, numbers: tuple[str, ...], tmp_path: Path
) -> None:
    text = PLAIN.format(a=numbers[0], b=numbers[1], c=numbers[2]).replace("\n", "\r\n")
    document = tmp_path / "eik.txt"
    document.write_bytes(text.encode(encoding))
    import_document(document, tmp_path / "content", TODAY)
    protocol, problems = load(tmp_path / "content")
    assert protocol is not None and not any(p.is_error for p in problems), format_report(
        problems, tmp_path
    )
    assert [s.titel for s in protocol.stappen] == ["Melden", "Gesprek", "Ouders"]
    assert "De leerkracht belt de ouders van de coördinator." in _draft_text(tmp_path / "content")


def test_a_document_without_a_recognisable_step_plan_still_gives_a_valid_draft(
    tmp_path: Path,
) -> None:
    """All text in chapters, and the starter's example step with [ ] for check to list."""
    document = tmp_path / "los.txt"
    document.write_text(
        "Pestbeleid\n\nBij pesten praat de leerkracht met de kinderen.\n"
        "Daarna belt hij de ouders.\n",
        encoding="utf-8",
    )
    imported = import_document(document, tmp_path / "content", TODAY)
    assert "stappen/stap-1.yml is een voorbeeld" in report(imported, tmp_path / "content")
    protocol, problems = load(tmp_path / "content")
    assert protocol is not None and not any(p.is_error for p in problems), format_report(
        problems, tmp_path
    )
    assert "content/stappen/stap-1.yml" in format_report(problems, tmp_path)
    assert "Daarna belt hij de ouders." in _draft_text(tmp_path / "content")
