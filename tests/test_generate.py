"""Generation: the school's text verbatim, the pages that must exist, write-if-changed."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.generate import generate
from generator.site.render import verbatim
from tests.helpers import edit
from tests.herkomst import audit_page

ROOT = Path(__file__).resolve().parents[1]
SCHOOL_TEXT = Path(__file__).parent / "fixtures" / "pestprotocol-school.txt"
HEADINGS = ("WANNEER", "WAAROM", "WIE", "HOE")


class _Text(HTMLParser):
    """The visible text of the article, with headings collected apart."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("h2", "h3"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("h2", "h3"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._in_heading:
            self.headings[-1] += data


def page_text(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def school_sentences() -> list[str]:
    """Every line of the school's text that carries words, without list markers."""
    lines = []
    for raw in SCHOOL_TEXT.read_text(encoding="utf-8").splitlines():
        line = raw.strip().lstrip("·-").strip()
        if line and line not in HEADINGS:
            lines.append(line)
    return lines


def test_fixture_holds_the_whole_school_text() -> None:
    lines = school_sentences()
    assert len(lines) > 40
    assert lines[0] == "Stap 0: Zelf proberen op te lossen"


def test_every_sentence_of_the_protocol_is_on_the_site_verbatim(built) -> None:
    texts = {
        path: squash("".join(page_text(path.read_text(encoding="utf-8")).parts))
        for path in (built.site_dir / "stappen").glob("stap-*/index.html")
    }
    everything = " ".join(texts.values())
    missing = [s for s in school_sentences() if squash(s) not in everything]
    assert not missing, missing


def test_every_line_of_the_protocol_is_in_the_html_source_unbroken(built) -> None:
    """Not only the visible text: the raw HTML holds each line in one piece, with no tags
    (such as abbreviation tooltips) inserted into the school's words."""
    from html import escape

    sources = " ".join(
        path.read_text(encoding="utf-8")
        for path in (built.site_dir / "stappen").glob("stap-*/index.html")
    )
    missing = [s for s in school_sentences() if escape(s, quote=False) not in sources]
    assert not missing, missing


def test_double_spaces_and_typos_are_kept_in_the_html(built) -> None:
    html = (built.site_dir / "stappen" / "stap-1" / "index.html").read_text(encoding="utf-8")
    assert "eenmalig conflict of incident  dat niet wordt opgelost" in html
    assert "wederzijds empathie" in html
    html3 = (built.site_dir / "stappen" / "stap-3" / "index.html").read_text(encoding="utf-8")
    assert "Bij aanhoudelijk pestgedrag : Gesprek zonder schuldvraag" in html3


@pytest.mark.parametrize("nummer", range(8))
def test_each_step_page_has_the_four_headings(built, nummer: int) -> None:
    html = (built.site_dir / "stappen" / f"stap-{nummer}" / "index.html").read_text("utf-8")
    parsed = page_text(html)
    headings = [squash(h) for h in parsed.headings]
    positions = [headings.index(h) for h in HEADINGS]
    assert positions == sorted(positions)
    # Task first: the action block comes before the school's text.
    assert headings.index("Wat doe je nu?") < positions[0]
    for anchor in ("wanneer", "waarom", "wie", "hoe"):
        assert f'id="{anchor}"' in html
    assert "versie 1.0 (concept)" in html


def test_step_pages_link_roles_and_neighbours(built) -> None:
    html = (built.site_dir / "stappen" / "stap-3" / "index.html").read_text(encoding="utf-8")
    for role in ("leerkracht", "leerlingen", "ib", "apc"):
        assert f'href="../../rollen/{role}/"' in html
    assert 'href="../stap-2/"' in html
    assert 'href="../stap-4/"' in html


def test_role_page_lists_its_steps(built) -> None:
    html = (built.site_dir / "rollen" / "apc" / "index.html").read_text(encoding="utf-8")
    for nummer in (3, 4, 5, 6, 7):
        assert f'href="../../stappen/stap-{nummer}/"' in html
    # stap 4's deadline, filled in from {{stap-4.termijn}}
    assert (
        "Krijgt op dezelfde dag als het Gesprek zonder Schuldvraag dezelfde informatie als de "
        "ouders." in html
    )


def test_abbreviations_are_tooltips_on_every_page(built) -> None:
    checked = 0
    for html_path in built.site_dir.rglob("index.html"):
        html = html_path.read_text(encoding="utf-8")
        article = html[html.index("<article") : html.index("</article>")]
        if re.search(r"\bAPC\b", squash("".join(page_text(article).parts))):
            assert '<abbr title="anti-pestcoördinator">APC</abbr>' in article, html_path
            checked += 1
    assert checked >= 10


def test_toelichting_is_marked(built) -> None:
    html = (built.site_dir / "stappen" / "stap-7" / "index.html").read_text(encoding="utf-8")
    boxes = [
        e
        for e in audit_page(html).marked
        if e.herkomst == "toelichting" and "Schorsing is een besluit van het bestuur" in e.joined
    ]
    assert boxes, "the explanation about schorsing is not marked as toelichting"
    assert any("bronnen/#bron-" in href for box in boxes for href in box.links)


@pytest.mark.parametrize(
    "text",
    [
        "Let op: spreek *eventueel* [eerst] <b>even</b> apart",
        "1. een regel die op een lijst lijkt",
        "- ook deze",
        "# geen kop",
        "a_b_c en 2 > 1 | pijp `code`",
        '[klik](javascript:alert(1)) {: onclick="alert(2)" } &lt; <script>x</script>',
        "*[APC]: geen afkorting",
    ],
)
def test_verbatim_escapes_markdown(text: str) -> None:
    from html import unescape

    import markdown

    html = markdown.markdown(verbatim(text), extensions=["tables", "attr_list", "abbr"])
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<" not in html[3:-4]  # no markup made from the text
    assert unescape(html[3:-4]) == text  # and it reads exactly as written


def test_generation_writes_only_changed_files(project) -> None:
    docs = project.docs_dir
    first = generate(project)
    assert first.stats.written > 20 and first.stats.unchanged == 0
    mtimes = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    second = generate(project, force=True)
    assert second.stats.written == 0 and second.stats.removed == 0
    assert mtimes == {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}

    path = project.content / "stappen" / "stap-6.yml"
    path.write_text(
        path.read_text("utf-8").replace("korte_titel: Groepsgesprek", "korte_titel: Klas"),
        "utf-8",
    )
    third = generate(project)
    assert not third.skipped
    # The short title appears on the step page, its neighbours, the overview, home, roles.
    assert 0 < third.stats.written < first.stats.written


def test_generation_removes_stale_files(project) -> None:
    docs = project.docs_dir
    generate(project)
    (docs / "stappen" / "oud.md").write_text("# oud", "utf-8")
    stats = generate(project).stats
    assert stats.removed == 1
    assert not (docs / "stappen" / "oud.md").exists()


def test_invalid_content_writes_nothing(project) -> None:
    from generator.problems import ContentError

    docs = project.build_dir
    generate(project)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    path = project.content / "stappen" / "stap-1.yml"
    path.write_text(path.read_text("utf-8").replace("\nwanneer:", "\nwanner:"), "utf-8")
    with pytest.raises(ContentError):
        generate(project)
    assert before == {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def test_unchanged_inputs_skip_generation(project) -> None:
    assert not generate(project).skipped
    again = generate(project)
    assert again.skipped and again.problems  # Warnings are remembered.
    # A touched output is noticed and restored.
    page = project.docs_dir / "stappen" / "stap-1.md"
    original = page.read_bytes()
    page.write_text("kapot", "utf-8")
    restored = generate(project)
    assert not restored.skipped and page.read_bytes() == original
    # Any change to a template is noticed.
    template = project.templates / "pages" / "begrippen.md.j2"
    template.write_text(template.read_text("utf-8") + "\nExtra regel.\n", "utf-8")
    assert not generate(project).skipped
    assert "Extra regel." in (project.docs_dir / "begrippen.md").read_text("utf-8")


def test_generated_engine_config_inherits_mkdocs_yml(project) -> None:
    import yaml

    generate(project)
    config = yaml.safe_load(project.generated_config.read_text("utf-8"))
    assert config["INHERIT"] == "../mkdocs.yml"
    assert config["docs_dir"] == "docs"
    assert config["site_dir"] == "site"  # build/site: inside the config's folder (Zensical)
    assert config["nav"][2]["Stappenplan"][1] == {"Stap 0: Zelf oplossen": "stappen/stap-0.md"}
    assert config["extra"]["protocol"]["versie"] == "1.0"
    assert config["extra"]["protocol"]["concept"] == "concept"


def test_search_index_leaves_out_the_coordinators_pages_and_boosts_the_steps(built) -> None:
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert not [loc for loc in docs if loc.startswith(("beheer", "te-bevestigen"))]
    assert docs["stappen/stap-3/"].get("boost", 1) > 1
    assert docs["welke-stap-nu/"].get("boost", 1) > 1
    # The synonyms of content/zoekwoorden.yml reach the index as tags, not as page text.
    assert "schorsen" in docs["stappen/stap-7/"]["tags"]
    html = (built.site_dir / "stappen" / "stap-7" / "index.html").read_text("utf-8")
    assert "timeout" not in html


def test_the_coordinators_pages_are_last_in_the_menu(built) -> None:
    config = built.generated_config.read_text("utf-8")
    nav = config[config.index("nav:") :]
    assert nav.index("Voor de APC") > nav.index("Over dit protocol")
    assert "beheer.md" in nav[nav.index("Voor de APC") :]


def test_worksheet_section_headings_have_ids(built) -> None:
    html = (built.site_dir / "formulieren" / "stap-1-bemiddelingsgesprek" / "index.html").read_text(
        "utf-8"
    )
    assert re.findall(r'<h2 class="sw-f-titel" id="[^"]+"', html)
    assert not re.findall(r'<h2 class="sw-f-titel">', html)


def test_contacts_are_cards_with_tel_and_mailto_links(project) -> None:
    school = project.content / "school.yml"
    text = school.read_text("utf-8")
    text = text.replace('naam: "[naam APC]"', "naam: Anne de Vries")
    text = text.replace('email: "[e-mailadres APC]"', "email: apc@school.example")
    text = text.replace('telefoon: "[telefoonnummer APC]"', 'telefoon: "06 12 34 56 78"')
    school.write_text(text, "utf-8")
    generate(project)
    for page in ("index.md", "rollen/apc.md"):
        md = (project.docs_dir / page).read_text("utf-8")
        assert 'href="tel:0612345678"' in md, page
        assert 'href="mailto:apc@school.example"' in md, page
        assert "&lt;div" not in md, page
    home = (project.docs_dir / "index.md").read_text("utf-8")
    assert "[naam IB]" not in home  # A placeholder is 'nog niet ingevuld', never shown as is.
    assert "nog niet ingevuld" in home


def test_step_pages_show_the_contact_of_each_role_that_acts(project) -> None:
    """A teacher at 15:05 finds the APC's number on the step itself, as 'check' promises
    ("dan staan naam, telefoon en mail op de pagina van de rol en bij de stappen")."""
    edit(project.content / "school.yml", 'naam: "[naam APC]"', "naam: Anne de Vries")
    edit(
        project.content / "school.yml",
        'telefoon: "[telefoonnummer APC]"',
        'telefoon: "06 1234 5678"',
    )
    generate(project)
    for page, contacts in (("stappen/stap-4.md", 1), ("stappen/stap-5.md", 2)):
        md = (project.docs_dir / page).read_text("utf-8")
        section = md[md.index("## Wie kun je bereiken?") :]
        section = section[: section.index("\n## ")]
        assert section.count('<div class="sw-contact">') == contacts, page
        assert "Anne de Vries" in section and 'href="tel:0612345678"' in section, page
    stap0 = (project.docs_dir / "stappen" / "stap-0.md").read_text("utf-8")
    assert "Wie kun je bereiken?" not in stap0  # no role with a contact acts in stap 0


def test_the_apcs_page_lists_every_fact_with_its_value_and_place(built) -> None:
    """/beheer/ names each fact as a text writes it, with its value now and its file."""
    from generator.content.facts import facts
    from tests.helpers import bundled_protocol

    protocol = bundled_protocol()
    html = (built.site_dir / "beheer" / "index.html").read_text(encoding="utf-8")
    # (an abbreviation is a part of its own: no space before the comma after it)
    text = re.sub(r"\s+([,.])", r"\1", squash(" ".join(page_text(html).parts)))
    known = facts(protocol.stappen, protocol.rollen)
    assert len(known) >= 15
    for name, value in known.items():
        assert f"{{{{{name}}}}} {value}" in text, name
    assert "stappen/stap-2.yml, termijn: momenten:" in text
    assert "{{" not in html  # shown through character references, never as template syntax
