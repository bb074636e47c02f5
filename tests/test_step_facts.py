"""Deadlines, who acts and who is informed, and the number of evaluation moments come from one
place: the step file. Our texts name them ({{stap-4.termijn}}, {{stap-4.op-de-hoogte}}), the
guide and the worksheets derive them, and ``check`` flags a text that writes them out, a
hand-typed role list that contradicts the step, and a practice case whose assumption changed.

One build (a fourth moment) serves every assertion about pages, PDFs, the planner and the .ics."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.content.facts import facts
from generator.content.load import load
from generator.problems import Problem
from generator.project import Project
from generator.publish.build import build_site
from generator.site import context
from tests.conftest import copy_project
from tests.helpers import ROOT, bundled_protocol, edit
from tests.test_status import line_of, pdf_text

STAP_4 = "op dezelfde dag als het Gesprek zonder Schuldvraag"
WRITTEN_OUT = "schrijft de termijn van stap"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def problems_of(content: Path) -> list[Problem]:
    protocol, problems = load(content)
    assert protocol is not None, [p.format() for p in problems if p.is_error]
    return problems


def with_message(problems: list[Problem], needle: str) -> list[Problem]:
    return [p for p in problems if needle in p.message]


# --- deadlines ------------------------------------------------------------------------------


def test_deadlines_and_roles_are_facts_of_the_step():
    protocol = bundled_protocol()
    known = facts(protocol.stappen, protocol.rollen)
    assert known["stap-4.termijn"] == STAP_4
    assert known["stap-1.termijn"].startswith("ter plekke")
    assert known["stap-2.termijn"] == known["stap-2.momenten"]
    assert known["stap-4.wie"] == "leerkracht"
    assert known["stap-4.op-de-hoogte"] == (
        "ouders, APC, evt. team, evt. TSO, evt. BSO en evt. VSO"
    )
    assert known["stap-3.wie"] == "leerkracht, leerlingen, evt. IB en evt. APC"
    assert protocol.stap(4).termijn.kort == "Op dezelfde dag als het Gesprek zonder Schuldvraag"


def test_the_bundled_texts_write_no_deadline_out():
    problems = load(ROOT / "content")[1]
    assert not with_message(problems, WRITTEN_OUT)
    assert not with_message(problems, "gaat ervan uit")
    assert not with_message(problems, "noemt zelf wie")


def test_the_mr_changes_a_deadline_in_one_place(content):
    new = "binnen twee schooldagen na het Gesprek zonder Schuldvraag"
    edit(content / "stappen" / "stap-4.yml", f"  tekst: {STAP_4}", f"  tekst: {new}")
    protocol, problems = load(content)
    assert protocol is not None
    outcomes = {u.id: u for u in protocol.wegwijzer.uitkomsten}
    assert new in outcomes["stap-3"].uiterlijk and new in outcomes["stap-4-alsnog"].uiterlijk
    assert protocol.stap(4).termijn.kort == new[0].upper() + new[1:]
    assert new in protocol.stap(3).vervolg[0].uitleg
    assert any(new in r.taak for r in protocol.stap(4).rollen)
    form = protocol.formulier("stap-4-anderen-informeren")
    assert form.aanwijzingen[0] == new[0].upper() + new[1:] + "."
    cases = {s.id: s for s in protocol.scenarios}
    assert new in cases["gesprek-vanmiddag"].uitleg and new in cases["steeds-uitgelachen"].uitleg
    assert new in protocol.nieuw.paginas[0].tekst and new in protocol.nieuw.spiekbriefje[0]
    # The texts that only assume 'the same day' (the case at 15:05, 'Die dag is voorbij', the
    # outcome titled 'vandaag nog') are flagged, each at its own line.
    flagged = with_message(problems, "gaat ervan uit dat stap-4.termijn")
    assert sorted((p.path.name, p.line) for p in flagged) == sorted(
        [("scenarios.yml", n) for n in _lines(content / "scenarios.yml", "stap-4.termijn:")]
        + [("wegwijzer.yml", n) for n in _lines(content / "wegwijzer.yml", "stap-4.termijn:")]
        + [("mail.yml", n) for n in _lines(content / "mail.yml", "stap-4.termijn:")]
    )
    assert len(flagged) == 5
    assert f"stappen/stap-4.yml:{line_of(content / 'stappen' / 'stap-4.yml', 'termijn:')}" in (
        flagged[0].message
    )


def _lines(path: Path, text: str) -> list[int]:
    return [i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line]


@pytest.mark.parametrize(
    ("name", "old", "new", "fact"),
    [
        (
            "scenarios.yml",
            "en {{stap-4.termijn}} stap 4.",
            "en op dezelfde dag stap 4.",
            "stap-4.termijn",
        ),
        (
            "wegwijzer.yml",
            '    uiterlijk: "{{stap-1.termijn}}, vanaf',
            '    uiterlijk: "Ter plekke, vanaf',
            "stap-1.termijn",
        ),
        (
            "formulieren.yml",
            '      - "{{stap-4.termijn}}."',
            "      - Zo snel mogelijk, op dezelfde dag.",
            "stap-4.termijn",
        ),
        (
            "stappen/stap-1.yml",
            "    taak: Voert het bemiddelingsgesprek ({{stap-1.termijn}})",
            "    taak: Voert het bemiddelingsgesprek (z.s.m.)",
            "stap-1.termijn",
        ),
    ],
)
def test_a_text_that_writes_a_deadline_out_is_flagged_at_its_line(content, name, old, new, fact):
    path = content / name
    edit(path, old, new)
    (warning,) = with_message(problems_of(content), WRITTEN_OUT)
    assert warning.path == path and not warning.is_error
    assert warning.line == line_of(path, new.strip()[:30])
    assert f"'{{{{{fact}}}}}'" in warning.hint
    assert "stappen/stap-" in warning.message  # where the deadline is written


def test_the_same_words_about_another_moment_are_not_flagged(content):
    # 'dezelfde dag' in a tip about talking to the APC is not a step's deadline.
    problems = problems_of(content)
    assert "Overleg dan nog dezelfde dag met de APC" in (content / "wegwijzer.yml").read_text()
    assert not with_message(problems, WRITTEN_OUT)


# --- who acts, who is informed ----------------------------------------------------------------


def test_outcomes_take_who_acts_and_who_to_inform_from_the_step():
    protocol = bundled_protocol()
    source, roles = context.informed(protocol, protocol.stap(4))
    assert source.nummer == 4 and [r.rol for r in roles] == [
        "ouders",
        "apc",
        "team",
        "tso",
        "bso",
        "vso",
    ]
    # After stap 3 (one way on, the same day) the roles of stap 4.
    source, roles = context.informed(protocol, protocol.stap(3))
    assert source.nummer == 4 and roles
    assert context.informed(protocol, protocol.stap(1))[1] == []
    assert not any(u.informeren for u in protocol.wegwijzer.uitkomsten if u.stap is not None)


def test_outcome_page_lists_the_steps_roles(built):
    page = (built.site_dir / "welke-stap-nu" / "loopt-al" / "gzs-vandaag" / "index.html").read_text(
        "utf-8"
    )
    text = re.sub(r"<[^>]+>", "", page)
    wie = re.search(r"Wie:(.*)", text).group(1)
    assert "Leerkracht" in wie and "Ouders" not in wie
    informed = re.search(r"Wie breng je op de hoogte:(.*)", text).group(1)
    for name in ("Ouders", "APC", "evt. Teamleden", "evt. VSO"):
        assert name in informed, name


def test_a_hand_typed_role_list_on_a_step_outcome_is_flagged(content):
    path = content / "wegwijzer.yml"
    edit(
        path,
        "    titel: Ga in gesprek met de ouders\n",
        "    titel: Ga in gesprek met de ouders\n    rollen: [leerkracht, directie]  # proef1\n",
    )
    edit(
        path,
        "    titel: Breng vandaag nog anderen op de hoogte\n",
        "    titel: Breng vandaag nog anderen op de hoogte\n"
        "    informeren:  # proef2\n      - De directie.\n",
    )
    problems = with_message(problems_of(content), "noemt zelf wie")
    by_line = {p.line: p for p in problems}
    acts = by_line[line_of(path, "# proef1")]
    assert "spreekt de stap tegen" in acts.message and "directie" in acts.message
    assert f"stappen/stap-5.yml:{line_of(content / 'stappen' / 'stap-5.yml', 'rollen:')}" in (
        acts.message
    )
    informs = by_line[line_of(path, "# proef2")]
    assert "spreekt de stap tegen" in informs.message and "directie" in informs.message
    assert "op_de_hoogte" in informs.hint
    assert len(problems) == 2


def test_a_worksheet_role_list_that_contradicts_the_step_is_flagged(content):
    path = content / "formulieren.yml"
    edit(
        path,
        "            opties: [leerkracht, APC, directie]",
        "            opties: [leerkracht, APC, IB]",
    )
    (warning,) = with_message(problems_of(content), "die rol doet in stap 7 niets")
    assert (
        warning.line == line_of(path, "opties: [leerkracht, APC, IB]") and "ib" in warning.message
    )


def test_who_is_informed_changes_in_the_step_only(content):
    step = content / "stappen" / "stap-4.yml"
    edit(step, "  - rol: vso\n    op_de_hoogte: true\n", "  - rol: vso\n")
    protocol, _ = load(content)
    assert protocol is not None
    assert "VSO" not in facts(protocol.stappen, protocol.rollen)["stap-4.op-de-hoogte"]
    assert "VSO" not in protocol.formulier("stap-4-anderen-informeren").doel
    assert [r.rol for r in context.informed(protocol, protocol.stap(3))[1]][-1] == "bso"


# --- the number of moments --------------------------------------------------------------------


def set_moments(content: Path, moments: list[tuple[str, str]], wanneer: str) -> None:
    step = content / "stappen" / "stap-2.yml"
    text = step.read_text("utf-8")
    start = text.index("  momenten:\n")
    end = text.index("\n\n", start)
    body = "".join(f"    - label: {label}\n      {unit}\n" for label, unit in moments)
    step.write_text(text[:start] + "  momenten:\n" + body.rstrip("\n") + text[end:], "utf-8")
    edit(step, '  - "Na 2 dagen, na een week en na een maand"', f'  - "{wanneer}"')


FOUR = [
    ("na 2 dagen", "dagen: 2"),
    ("na een week", "weken: 1"),
    ("na een maand", "maanden: 1"),
    ("na drie maanden", "maanden: 3"),
]
TWO = [("na 2 dagen", "dagen: 2"), ("na een maand", "maanden: 1")]


@pytest.mark.parametrize(
    ("moments", "wanneer"),
    [
        (FOUR, "Na 2 dagen, na een week, na een maand en na drie maanden"),
        (TWO, "Na 2 dagen en na een maand"),
    ],
)
def test_the_worksheets_have_a_part_per_moment(content, moments, wanneer):
    set_moments(content, moments, wanneer)
    protocol, problems = load(content)
    assert protocol is not None, [p.format() for p in problems if p.is_error]
    labels = [label[0].upper() + label[1:] for label, _ in moments]
    form = protocol.formulier("stap-2-evaluaties")
    assert [o.titel for o in form.onderdelen if o.titel.startswith("Na ")] == labels
    fields = protocol.formulier("stap-1-bemiddelingsgesprek").onderdelen[-1].velden
    assert [v.label for v in fields if v.label.startswith("Na ")] == labels
    assert not with_message(problems, "zeggen niet hetzelfde")
    # The practice case that counts on three moments is flagged, not silently wrong.
    (flagged,) = with_message(problems, "gaat ervan uit dat stap-2.aantal-momenten")
    assert flagged.path.name == "scenarios.yml"


def test_per_moment_needs_a_step_with_moments(content):
    edit(content / "formulieren.yml", "        per_moment: 2\n", "        per_moment: 4\n")
    protocol, problems = load(content)
    assert protocol is None
    (error,) = [p for p in problems if p.is_error]
    assert "Stap 4 heeft geen momenten" in error.message
    assert error.line == line_of(content / "formulieren.yml", "per_moment: 4")


@pytest.fixture(scope="module")
def four_moments(tmp_path_factory: pytest.TempPathFactory, built: Project) -> Project:
    """The bundled site with a fourth evaluation moment in stap-2.yml, built once."""
    project = copy_project(tmp_path_factory.mktemp("four"), pdf_seed=built.pdf_cache)
    set_moments(project.content, FOUR, "Na 2 dagen, na een week, na een maand en na drie maanden")
    build_site(project)
    return project


def _flat(text: str) -> str:
    text = text.replace("\u00ad", "").replace("-\n", "")
    return re.sub(r"\s+", " ", text).lower()


def test_a_fourth_moment_reaches_worksheet_pdf_planner_and_summary(four_moments):
    site = four_moments.site_dir
    page = (site / "formulieren" / "stap-2-evaluaties" / "index.html").read_text("utf-8")
    assert page.count("Gepland op / gedaan op") == 4
    assert "Na drie maanden" in page
    planner = re.search(r'data-momenten="([^"]*)"', page).group(1)
    momenten = json.loads(planner.replace("&#34;", '"').replace("&quot;", '"'))
    assert [m["label"] for m in momenten] == [label for label, _ in FOUR]
    assert momenten[-1]["maanden"] == 3
    assert "na drie maanden is" in _flat(re.sub(r"<[^>]+>", " ", page))  # the worked example
    sheet = _flat(pdf_text(site / "formulieren" / "stap-2-evaluaties.pdf"))
    for label, _ in FOUR:
        assert sheet.count(label) >= 1, label
    assert sheet.count("gepland op / gedaan op") == 4
    mediation = _flat(pdf_text(site / "formulieren" / "stap-1-bemiddelingsgesprek.pdf"))
    assert "na drie maanden" in mediation
    summary = _flat(pdf_text(site / "nieuw" / "spiekbriefje.pdf"))
    assert "na drie maanden" in summary
    step_1 = (site / "stappen" / "stap-1" / "index.html").read_text("utf-8")
    assert "na drie maanden" in step_1


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def four_server(four_moments: Project) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(four_moments.site_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.browser
def test_a_fourth_moment_reaches_the_ics(browser, four_server):
    from icalendar import Calendar

    page = browser.new_page()
    try:
        page.goto(four_server + "/formulieren/stap-2-evaluaties/", wait_until="networkidle")
        page.locator("#sw-planner-datum").fill("2026-03-02")
        assert page.locator(".sw-planner-data li").count() == 4
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Zet in mijn agenda (.ics)").click()
        raw = Path(download_info.value.path()).read_bytes()
    finally:
        page.close()
    events = list(Calendar.from_ical(raw).walk("VEVENT"))
    assert len(events) == 4
    assert "na drie maanden" in str(events[-1].get("SUMMARY"))
    assert events[-1].decoded("DTSTART") == dt.date(2026, 6, 2)
