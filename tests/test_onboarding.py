"""Onboarding: the path at /nieuw/, practice cases that agree with the guide, the one-page
summary, and the Bronnen and "Te bevestigen" pages."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import bundled_plan, bundled_protocol

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = bundled_protocol()


def read(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text("utf-8")


def h1(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, flags=re.S)
    assert match
    return html_lib.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


def text_of(page: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", page)).split())


def test_path_starts_at_nieuw_with_at_least_five_pages(built) -> None:
    start = read(built.site_dir, "/nieuw/")
    links = re.findall(r'<a href="([a-z0-9-]+/)">', start)
    path = [link for link in dict.fromkeys(links)]
    assert len(path) >= 5
    assert path == [f"{p.id}/" for p in PROTOCOL.nieuw.paginas]
    total = len(path)
    for number, link in enumerate(path, start=1):
        page = read(built.site_dir, f"/nieuw/{link}")
        assert f"pagina {number} van {total}" in page
        assert 'data-herkomst="toelichting"' in page
    minutes = sum(p.minuten for p in PROTOCOL.nieuw.paginas)
    assert 30 <= minutes <= 75
    assert f"ongeveer {minutes} minuten" in start


def test_practice_cases_agree_with_the_guide(built) -> None:
    page = read(built.site_dir, "/nieuw/oefenen/")
    cases = re.findall(r'<details class="question">(.*?)</details>', page, flags=re.S)
    assert len(cases) >= 12
    assert len(cases) == len(PROTOCOL.scenarios)
    for case, scenario in zip(cases, PROTOCOL.scenarios, strict=True):
        answer = html_lib.unescape(re.search(r"<strong>(.*?)\.</strong>", case).group(1))
        route = re.search(r'<a href="(\.\./\.\./welke-stap-nu/[^"]*)">deze route', case).group(1)
        guide_page = (built.site_dir / "nieuw" / "oefenen" / route / "index.html").resolve()
        assert h1(guide_page.read_text("utf-8")) == answer, scenario.id
        assert scenario.situatie in text_of(page)


def test_summary_is_one_a4_page_naming_every_step(built) -> None:
    reader = PdfReader(built.site_dir / "nieuw" / "spiekbriefje.pdf")
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (595.28, 841.89), abs=0.5
    )
    text = " ".join(page.extract_text().split())
    for stap in PROTOCOL.stappen:
        assert f"Stap {stap.nummer}: {stap.korte_titel}" in text
    assert "Na 2 dagen, na een week en na een maand" in text
    assert "Anti-pestcoördinator (APC)" in text
    assert "versie 1.0 (concept)" in text
    printable = read(built.site_dir, "/nieuw/spiekbriefje/")
    assert 'href="../spiekbriefje.pdf"' in printable
    assert "sw-spiek-stappen" in printable


def test_every_source_is_on_the_bronnen_page(built) -> None:
    page = html_lib.unescape(read(built.site_dir, "/bronnen/"))
    found = bundled_plan().page("bronnen.md").context["bronnen"]
    assert len(found) >= 10
    for bron, _ in found:
        assert (bron.url or bron.titel) in page
    # Every source in content/ is collected, wherever it is.
    in_content = set()
    for path in (ROOT / "content").rglob("*.yml"):
        in_content |= set(re.findall(r"url: (\S+)", path.read_text("utf-8")))
    assert in_content <= {b.url for b, _ in found}


def test_open_questions_page(built) -> None:
    page = html_lib.unescape(read(built.site_dir, "/te-bevestigen/"))
    assert len(PROTOCOL.nieuw.open_vragen) >= 5
    for vraag in PROTOCOL.nieuw.open_vragen:
        assert vraag.vraag in page
    assert "fase 1-2-3" in page


@pytest.mark.browser
def test_practice_answer_opens_without_javascript(page_factory, server) -> None:
    page, log = page_factory(java_script=False)
    page.goto(server + "/nieuw/oefenen/")
    first = page.locator("details.question").first
    answer = first.locator("p").first
    assert not answer.is_visible()
    first.locator("summary").click()
    assert answer.is_visible()
    assert answer.inner_text().startswith("Stap 0:")
    assert not log.foreign
