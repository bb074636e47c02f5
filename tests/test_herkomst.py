"""Provenance by construction (issue 12): every block of text in every built page says where
it comes from, the school's text is verbatim and only inside ``protocol``, and our facts link
their entry on the sources page. Each check has a control that breaks a real page and sees
the check fail."""

from __future__ import annotations

import re

import pytest

from tests.herkomst import (
    KINDS,
    audit_page,
    external_links,
    ids,
    not_in_school_text,
    school_text,
    squash,
)
from tests.test_generate import SCHOOL_TEXT, school_sentences

SCHOOL = school_text(SCHOOL_TEXT)


def _pages(built) -> dict[str, str]:
    return {
        html.relative_to(built.site_dir).as_posix(): html.read_text(encoding="utf-8")
        for html in sorted(built.site_dir.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    return _pages(built)


def _unmarked(pages: dict[str, str]) -> list[str]:
    return [
        f"{path}:{line}: {text[:80]}"
        for path, html in pages.items()
        for line, text in audit_page(html).unmarked
    ]


def _protocol_not_in_school(pages: dict[str, str]) -> list[str]:
    return [
        f"{path}: {piece[:80]}"
        for path, html in pages.items()
        for piece in not_in_school_text(audit_page(html).protocol_pieces, SCHOOL)
    ]


def test_every_text_in_every_article_says_where_it_comes_from(pages) -> None:
    assert len(pages) > 100
    assert not _unmarked(pages)


def test_only_the_four_kinds_are_used(pages) -> None:
    kinds = {element.herkomst for html in pages.values() for element in audit_page(html).marked}
    assert kinds == set(KINDS)


def test_every_sentence_of_the_school_sits_inside_protocol(pages) -> None:
    protocol = " ".join(
        piece for html in pages.values() for piece in audit_page(html).protocol_pieces
    )
    missing = [s for s in school_sentences() if squash(s) not in protocol]
    assert not missing, missing


def test_nothing_inside_protocol_is_absent_from_the_school_text(pages) -> None:
    assert not _protocol_not_in_school(pages)


def _source_problems(pages: dict[str, str]) -> list[str]:
    """Our text links its sources through their own entry on /bronnen/; every address there
    is listed once; no page of ours links a source that is not on /bronnen/."""
    sources_page = pages["bronnen/index.html"]
    entries = ids(sources_page)
    listed = set(re.findall(r'href="(https?://[^"]+)"', sources_page))
    problems = []
    for path, html in pages.items():
        if path == "bronnen/index.html":
            continue
        for href in re.findall(r'href="(?:\.\./)*bronnen/#([^"]+)"', html):
            if href not in entries:
                problems.append(f"{path}: link to a missing source entry #{href}")
        for element in audit_page(html).marked:
            if element.herkomst not in ("toelichting", "voorstel"):
                continue
            for href in external_links(element):
                if href not in listed:
                    problems.append(f"{path}: source {href} is not on /bronnen/")
            if external_links(element) and not any("bronnen/#" in h for h in element.links):
                problems.append(f"{path}: a block with a source does not link /bronnen/")
    return problems


def test_every_source_of_ours_links_its_own_entry_on_the_sources_page(pages) -> None:
    assert not _source_problems(pages)
    linked = {
        href
        for path, html in pages.items()
        for href in re.findall(r'href="(?:\.\./)*bronnen/#([^"]+)"', html)
    }
    entries = {i for i in ids(pages["bronnen/index.html"]) if i.startswith("bron-")}
    assert entries and entries <= linked, entries - linked


def test_the_sources_page_gives_every_entry_a_public_address_or_says_it_has_none(pages) -> None:
    html = pages["bronnen/index.html"]
    entries = re.findall(r'<p class="sw-bron" id="bron-[^"]+">(.*?)</p>', html, re.S)
    assert entries
    for entry in entries:
        assert "https://" in entry or "nog geen openbaar adres" in entry, entry


def test_proposals_are_listed_for_the_coordinator(pages) -> None:
    """Each block marked voorstel on a guide outcome or step page is on /te-bevestigen/."""
    listed = pages["te-bevestigen/index.html"]
    assert 'id="voorstellen"' in listed
    assert listed.count("<li>") >= 5


# Controls: break a real page the way a careless template or content edit would, and see
# each check fail.


def test_control_a_block_without_provenance_is_found(pages) -> None:
    page = pages["stappen/stap-3/index.html"]
    broken = page.replace('data-herkomst="toelichting"', "", 1)
    assert _unmarked({"stap-3": page}) == []
    assert _unmarked({"stap-3": broken})


def test_control_a_word_added_to_the_school_text_is_found(pages) -> None:
    page = pages["stappen/stap-1/index.html"]
    broken = page.replace("Leerkracht en betrokken leerlingen", "Leerkracht en alle leerlingen")
    assert broken != page
    assert _protocol_not_in_school({"stap-1": broken})


def test_control_our_text_marked_as_protocol_is_found(pages) -> None:
    page = pages["stappen/stap-1/index.html"]
    broken = page.replace('data-herkomst="toelichting"', 'data-herkomst="protocol"', 1)
    assert _protocol_not_in_school({"stap-1": broken})


def test_control_a_school_sentence_outside_protocol_is_found(pages) -> None:
    broken = {
        path: html.replace('data-herkomst="protocol"', 'data-herkomst="toelichting"')
        for path, html in pages.items()
    }
    protocol = " ".join(p for html in broken.values() for p in audit_page(html).protocol_pieces)
    assert any(squash(s) not in protocol for s in school_sentences())


def test_control_a_source_not_on_the_sources_page_is_found(pages) -> None:
    page = pages["stappen/stap-3/index.html"]
    match = re.search(r'href="((?:\.\./)*bronnen/#bron-[^"]+)"', page)
    assert match, "step 3 links no source"
    broken = dict(pages)
    broken["stappen/stap-3/index.html"] = page.replace(
        match.group(0), 'href="https://example.org/niet-in-de-bronnen"', 1
    )
    assert _source_problems(pages) == []
    assert _source_problems(broken)


def test_content_cannot_set_a_provenance_itself() -> None:
    """Content is Markdown cleaned by nh3: a data-herkomst typed in content is dropped, so
    only the templates set it."""
    from generator.site.safe import render_markdown

    html = render_markdown('<span data-herkomst="protocol">Wij straffen altijd.</span>')
    assert "data-herkomst" not in html
    assert "Wij straffen altijd." in html


def test_the_printed_summary_tells_the_school_apart_from_our_tips() -> None:
    """The spiekbriefje's HTML (what WeasyPrint prints) marks every text too."""
    from generator.site import paths
    from generator.site.render import Renderer
    from tests.helpers import ROOT, bundled_plan, bundled_protocol

    renderer = Renderer(ROOT / "site_templates", bundled_protocol())
    renderer.env.globals["plan"] = bundled_plan()
    pdf = next(p for p in bundled_plan().pdfs if p.path == paths.SUMMARY_PDF)
    html = renderer.render_pdf(pdf)
    audit = audit_page(html, root="body")
    assert audit.words["toelichting"] > 20
    assert [t for _, t in audit.unmarked if not t.startswith("Spiekbriefje")] == []


def test_about_page_explains_the_four_kinds(pages) -> None:
    html = pages["over-deze-site/index.html"]
    for kind in KINDS:
        assert f'data-herkomst="{kind}"' in html
