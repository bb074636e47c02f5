"""The guide "Welke stap nu?": its soundness checks, its scenarios, and its static pages."""

from __future__ import annotations

import json
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.content.guide_checks import MAX_ANSWERS
from generator.content.load import load
from generator.content.routing import Guide
from tests.helpers import bundled_protocol, edit

ROOT = Path(__file__).resolve().parents[1]
PROTOCOL = bundled_protocol()


def guide_errors(content: Path) -> list[str]:
    protocol, problems = load(content)
    assert protocol is None
    return [p.format() for p in problems if p.is_error]


@pytest.mark.parametrize("scenario", PROTOCOL.scenarios, ids=lambda s: s.id)
def test_scenario_leads_to_the_prescribed_outcome(scenario) -> None:
    node, given = Guide(PROTOCOL.wegwijzer).walk(scenario.antwoorden)
    assert node.id == scenario.uitkomst
    assert len(given) <= MAX_ANSWERS


def test_scenarios_cover_every_step_and_every_or() -> None:
    guide = Guide(PROTOCOL.wegwijzer)
    outcomes = {guide.walk(s.antwoorden)[0].id for s in PROTOCOL.scenarios}
    assert {f"stap-{n}" for n in range(8)} <= outcomes
    assert len(PROTOCOL.scenarios) >= 12
    # Every "or" in the protocol's WANNEER has its own scenario:
    by_id = {s.id: s.antwoorden for s in PROTOCOL.scenarios}
    assert by_id["niet-voor-iedereen"][-1] == "nee"  # stap 0 did not work for one pupil
    assert by_id["geduwd-in-de-rij"] == ["zelf-gezien", "eenmalig", "nee"]  # stap 1 on the spot
    assert by_id["afspraken-gebroken"][-1] == "nee"  # stap 3: agreements not kept ...
    assert by_id["mail-moeder"] == ["melding", "herhaald"]  # ... or bullying reported: directly
    assert by_id["gesprek-vanmiddag"][-1] == "gzs-vandaag"  # stap 4 the same day
    assert by_id["sfeer-in-groep"][-1] == "sfeer"  # stap 6 early
    assert by_id["na-oudergesprek-geen-verandering"][-1] == "geen-verandering"  # stap 6 after 5


def test_paths_are_short() -> None:
    import statistics

    guide = Guide(PROTOCOL.wegwijzer)
    lengths = [len(guide.walk(s.antwoorden)[1]) for s in PROTOCOL.scenarios]
    outcome_paths = [len(p.given) for p in guide.pages() if p.is_outcome]
    assert MAX_ANSWERS == 4
    assert max(outcome_paths) <= 4
    assert statistics.median(outcome_paths) <= 3
    assert statistics.median(lengths) <= 3


def _outcome(answers: list[str]) -> str:
    return Guide(PROTOCOL.wegwijzer).walk(answers)[0].id


def test_a_report_is_judged_like_what_the_teacher_saw() -> None:
    """Issue 10: a report from someone else asks 'eenmalig of aanhoudend?' too; only a report of
    continuing bullying goes straight to stap 3."""
    for start in ("zelf-gezien", "melding", "online"):
        assert _outcome([start, "eenmalig", "ja"]) == "stap-0"
        assert _outcome([start, "eenmalig", "nee"]) == "stap-1"
        assert _outcome([start, "herhaald"]) == "stap-3"
        assert _outcome([start, "sfeer"]) == "stap-6"


def test_every_stage_can_say_the_atmosphere_suffers() -> None:
    """Stap 6 'Of als je eerder merkt dat de sfeer in de groep lijdt': from every stage."""
    for answers in (
        ["zelf-gezien", "sfeer"],
        ["opgelost", "sfeer"],
        ["loopt-al", "zelf-geprobeerd", "sfeer"],
        ["loopt-al", "bemiddeld", "sfeer"],
        ["loopt-al", "gzs-eerder", "sfeer"],
        ["loopt-al", "oudergesprek", "sfeer"],
    ):
        assert _outcome(answers) == "stap-6", answers


def test_latest_step_and_late_informing() -> None:
    guide = Guide(PROTOCOL.wegwijzer)
    assert guide.vragen["gedaan"].vraag.startswith("Wat is de laatste stap")
    late = guide.walk(["loopt-al", "gzs-niet-gemeld"])[0]
    assert late.stap == 4 and "Vandaag" in late.uiterlijk
    done = guide.walk(["loopt-al", "bemiddeld", "klaar"])[0]
    assert "klaar" in done.titel and "afsluiten" in done.tips
    assert guide.tips["afsluiten"].voorstel
    # After stap 0 nobody was informed, so the closing outcome must not say so.
    after_zero = guide.walk(["opgelost", "ja"])[0]
    assert not any("APC" in line or "ouders" in line for line in after_zero.informeren)


def test_unknown_target_is_reported(project) -> None:
    path = project.content / "wegwijzer.yml"
    edit(path, "        naar: na-oudergesprek", "        naar: na-oudergesprekk")
    (message,) = guide_errors(project.content)
    assert "wegwijzer.yml:" in message
    assert "verwijst naar 'na-oudergesprekk', maar die vraag of uitkomst bestaat niet" in message


def test_cycle_is_reported(project) -> None:
    path = project.content / "wegwijzer.yml"
    edit(
        path,
        "        tekst: Dat weet ik nog niet\n        naar: nagaan",
        "        tekst: Dat weet ik nog niet\n        naar: gedaan",
    )
    messages = guide_errors(project.content)
    assert any("loopt in een kring: gedaan → na-gzs → gedaan" in m for m in messages), messages


def test_unreachable_step_and_unused_answer_are_reported(project) -> None:
    path = project.content / "wegwijzer.yml"
    path.write_text(
        path.read_text("utf-8").replace("        naar: stap-7", "        naar: stap-6"), "utf-8"
    )
    messages = guide_errors(project.content)
    assert any("Stap 7 is geen uitkomst van de wegwijzer" in m for m in messages)
    assert any(
        "De uitkomst 'stap-7' is vanaf de eerste vraag niet te bereiken" in m for m in messages
    )
    assert any(
        "scenario 'na-groepsgesprek-gaat-door' komt bij de uitkomst 'stap-6' uit" in m
        for m in messages
    )


def test_answer_no_scenario_uses_is_reported(project) -> None:
    path = project.content / "scenarios.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: tablet")
    end = text.index("  - id: geduwd-in-de-rij")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    (message,) = guide_errors(project.content)
    assert (
        "Geen enkel scenario gebruikt het antwoord 'weet-niet' bij de vraag 'zelf-oplossen'"
        in message
    )


def test_too_long_path_is_reported(project) -> None:
    path = project.content / "wegwijzer.yml"
    text = path.read_text(encoding="utf-8")
    # Put four extra questions in front of the first one.
    targets = ["extra-1", "extra-2", "extra-3", "wat-speelt"]
    extra = "".join(
        f"  - id: extra-{i}\n    vraag: Extra {i}?\n    antwoorden:\n"
        f"      - id: a\n        tekst: A\n        naar: {target}\n"
        f"      - id: b\n        tekst: B\n        naar: acuut\n"
        for i, target in enumerate(targets)
    )
    text = text.replace("start: wat-speelt", "start: extra-0").replace(
        "vragen:\n", "vragen:\n" + extra, 1
    )
    path.write_text(text, encoding="utf-8")
    messages = guide_errors(project.content)
    # Every outcome now lies four answers further than in the bundled guide (at least 1 + 4).
    found = [
        re.search(r"Een uitkomst vraagt (\d+) antwoorden; dat mogen er hooguit 4 zijn", m)
        for m in messages
    ]
    assert any(f and int(f.group(1)) >= 5 for f in found), messages


def test_scenario_with_wrong_answer_is_reported(project) -> None:
    path = project.content / "scenarios.yml"
    edit(path, "antwoorden: [melding, herhaald]", "antwoorden: [gemeld, herhaald]")
    messages = guide_errors(project.content)
    assert any(
        "scenario 'mail-moeder' loopt vast: de vraag 'wat-speelt' heeft geen antwoord 'gemeld'" in m
        for m in messages
    )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.links: list[str] = []
        self.h1 = ""
        self._h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article += 1
        if tag == "h1":
            self._h1 = True
        if tag == "a" and self.in_article:
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        if tag == "h1":
            self._h1 = False

    def handle_data(self, data: str) -> None:
        if self._h1:
            self.h1 += data


def _read(site: Path, url: str) -> _Links:
    parser = _Links()
    parser.feed((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser


def test_static_links_reach_every_step_within_four_answers_without_dead_ends(built) -> None:
    site = built.site_dir
    start = "/welke-stap-nu/"
    depth = {start: 0}
    queue = deque([start])
    steps_reached: dict[int, int] = {}
    while queue:
        url = queue.popleft()
        page = _read(site, url)
        guide_links = [
            urljoin(url, href)
            for href in page.links
            if urljoin(url, href).startswith(start) and urljoin(url, href) != start
        ]
        forward = [link for link in guide_links if len(link) > len(url) and link.startswith(url)]
        match = re.match(r"Stap (\d+):", page.h1)
        if match:
            steps_reached.setdefault(int(match.group(1)), depth[url])
            assert any("/stappen/stap-" in urljoin(url, h) for h in page.links), url
        elif not forward:
            # An outcome that is not a step still offers a way on: start again.
            assert any(urljoin(url, h) == start for h in page.links), f"dead end: {url}"
        for link in forward:
            if link not in depth:
                depth[link] = depth[url] + 1
                queue.append(link)
    assert sorted(steps_reached) == list(range(8))
    assert max(steps_reached.values()) <= MAX_ANSWERS
    assert max(depth.values()) <= MAX_ANSWERS
    assert len(depth) == len(list(Guide(PROTOCOL.wegwijzer).pages()))


def test_safety_outcome_continues_into_the_step_plan(built) -> None:
    page = (built.site_dir / "welke-stap-nu" / "gevaar" / "index.html").read_text("utf-8")
    daarna = page[page.index('id="daarna"') : page.index('id="waarom"')]
    # Every way a teacher can know of it continues at the same question, so the answers shown
    # afterwards are the teacher's own.
    for answer in ("zelf-gezien", "melding", "online"):
        assert f'href="../{answer}/"' in daarna, answer
    assert "Ga verder met de wegwijzer" in daarna


def test_continuation_must_end_at_a_question(project) -> None:
    path = project.content / "wegwijzer.yml"
    edit(path, "    verder: [zelf-gezien]", "    verder: [signaal]")
    messages = guide_errors(project.content)
    assert any("'verder' bij de uitkomst 'acuut' eindigt bij een uitkomst" in m for m in messages)


def test_unknown_tip_contact_and_page_are_reported(project) -> None:
    path = project.content / "wegwijzer.yml"
    edit(path, "        tips: [online, online-privacy]", "        tips: [onlien]")
    edit(path, "[directie, apc, aandachtsfunctionaris, bhv]", "[direktie]")
    edit(path, "    uitleg: [gesprek-zonder-schuldvraag, oefenen]", "    uitleg: [oefen]")
    edit(path, "    rollen: [leerkracht, ib]\n", "    rollen: [leerkracht, intern]\n")
    edit(path, "    formulier: dossier\n", "    formulier: dosier\n")
    messages = guide_errors(project.content)
    assert any("De tip 'onlien' bestaat niet" in m and "wegwijzer.yml:" in m for m in messages)
    assert any("'direktie' bij de uitkomst 'acuut' is geen contactpersoon" in m for m in messages)
    assert any("'oefen' bij de uitkomst 'stap-3' is geen pagina" in m for m in messages)
    assert any("'intern' bij de uitkomst 'signaal' is geen rol" in m for m in messages)
    assert any("'dosier' bij de uitkomst" in m and "is geen formulier" in m for m in messages)


def test_every_outcome_says_who_acts_and_what_comes_next(built) -> None:
    """Who acts on every outcome page; a worksheet on every outcome of a step that has one, and
    on the outcomes that close or check a case (the case log)."""
    for gp in Guide(PROTOCOL.wegwijzer).pages():
        if not gp.is_outcome:
            continue
        page = _page(built, *gp.path)
        assert "<strong>Wie:</strong>" in page, gp.path
        stap = PROTOCOL.stap(gp.node.stap) if gp.node.stap is not None else None
        if (stap and stap.formulier) or gp.node.formulier:
            assert "<strong>Formulier:</strong>" in page, gp.path


def _page(built, *answers: str) -> str:
    return (built.site_dir / "welke-stap-nu" / Path(*answers) / "index.html").read_text("utf-8")


def test_safety_outcome_starts_with_whom_to_call(built) -> None:
    page = _page(built, "gevaar")
    call, act, note = (
        page.index(s) for s in ('id="bellen"', 'id="wat-nu"', "Wat hierboven staat is ons voorstel")
    )
    assert call < act < note  # the action first, where it comes from after
    assert 'href="tel:112"' in page and 'href="tel:08002000"' in page
    for functie in ("Directeur", "Aandachtsfunctionaris meldcode", "BHV / EHBO"):
        assert functie in page
    assert "meldcode" in page and "EHBO" in page


def test_every_guide_page_after_the_first_has_a_back_link_at_the_top(built) -> None:
    for gp in Guide(PROTOCOL.wegwijzer).pages():
        page = _page(built, *gp.path)
        article = page[page.index("<article") :]
        has_back = 'class="sw-terug"' in article
        assert has_back == bool(gp.path), gp.path
        if gp.path:
            back = re.search(r'<a class="sw-terug" href="([^"]*)"', article)
            assert back and article.index("sw-terug") < article.index("<h1"), gp.path
            expected = "/welke-stap-nu/" + "".join(a + "/" for a in gp.path[:-1])
            assert urljoin("/welke-stap-nu/" + "/".join(gp.path) + "/", back[1]) == expected


def test_gzs_outcome_links_the_how_to_and_offers_ib_and_apc(built) -> None:
    page = _page(built, "zelf-gezien", "herhaald")
    assert "stap-3/#toelichting" in page
    assert "nieuw/gesprek-zonder-schuldvraag/" in page and "nieuw/oefenen/" in page
    assert "Intern begeleider (IB)" in page and "Anti-pestcoördinator (APC)" in page
    for titel in ("bang dat het erger wordt", "niet meer naar school"):
        assert titel in page
    # the protocol names no moment here: our proposal, marked as such
    assert '<span class="sw-voorstel" data-herkomst="voorstel">' in page


def test_online_bullying_is_explained_and_findable(built) -> None:
    page = _page(built, "online", "herhaald")
    assert "Online pesten (groepsapp, WhatsApp, social media)" in page
    assert "schermafbeeldingen" in page and "Mediawijsheid – Online pesten" in page
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    start = " ".join(
        doc["text"] + " " + " ".join(doc.get("tags") or [])
        for doc in index["docs"]
        if doc["location"].split("#")[0] == "welke-stap-nu/"
    ).lower()
    for word in ("cyberpesten", "groepsapp", "whatsapp", "online", "niet meer naar school"):
        assert word in start, word
