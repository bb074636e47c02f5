"""Worksheets, planner and mail in Chromium: printing, the .ics file, and nothing stored or sent."""

from __future__ import annotations

import datetime as dt
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from generator.site.planning import moment_date
from tests.conftest import EMPTY_STORAGE, stored
from tests.helpers import bundled_protocol

pytestmark = pytest.mark.browser

PROTOCOL = bundled_protocol()
MOMENTEN = PROTOCOL.stap(2).termijn.momenten


FORMS = PROTOCOL.formulieren.formulieren


def page_titles(reader: PdfReader, form) -> list[list[str]]:
    """The worksheet's section titles found on each page, in order."""
    titles = [o.titel for o in form.onderdelen]
    pages = []
    for pdf_page in reader.pages:
        text = unicodedata.normalize("NFKC", pdf_page.extract_text())  # Ligatures: fl, fi.
        lines = [line.strip() for line in text.splitlines()]
        pages.append([t for t in titles if t in lines])
    return pages


@pytest.mark.parametrize("form", FORMS, ids=[f.id for f in FORMS])
def test_printing_a_worksheet_page_gives_its_pdf_sheet(page_factory, server, built, form) -> None:
    page, _ = page_factory()
    page.goto(server + f"/formulieren/{form.id}/", wait_until="networkidle")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-typeset > h1"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".md-typeset > .admonition").count() == 0 or (
        page.locator(".md-typeset > .admonition").first.is_hidden()
    )
    assert page.locator(".sw-blad .sw-f-naam").is_visible()
    printed = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True)))
    sheet = PdfReader(built.site_dir / "formulieren" / f"{form.id}.pdf")
    assert len(printed.pages) == len(sheet.pages)
    assert page_titles(printed, form) == page_titles(sheet, form)
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in printed.pages))
    assert form.titel in text and "Privacy:" in text
    assert f"Versie {PROTOCOL.school.versie}" in text  # In the page margin, as on the pdf.
    assert "Druk je deze pagina af" not in text  # The page's intro stays on the screen.
    if form.aanwijzingen:
        assert text.count("Toelichting bij het gesprek") == 1  # Once, as on the pdf.


def download_ics(page, code: str) -> bytes:
    page.locator("#sw-planner-code").fill(code)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Zet in mijn agenda (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    return Path(download.path()).read_bytes()


@pytest.mark.parametrize(
    ("path", "start"),
    [
        ("/stappen/stap-1/", dt.date(2026, 1, 30)),  # A month later: end of February.
        ("/formulieren/stap-2-evaluaties/", dt.date(2026, 12, 30)),  # Across the year end.
        ("/stappen/stap-2/", dt.date(2028, 1, 31)),  # Leap year: 29 February.
        ("/stappen/stap-1/", dt.date(2027, 2, 26)),  # Friday: after 2 days a Sunday.
        ("/stappen/stap-1/", dt.date(2024, 2, 29)),  # From a leap day, into March.
    ],
)
def test_planner_dates_and_ics(page_factory, server, path: str, start: dt.date) -> None:
    page, log = page_factory()
    page.goto(server + path, wait_until="networkidle")
    requests_before = len(log.requests)
    page.locator("#sw-planner-datum").fill(start.isoformat())
    shown = page.locator(".sw-planner-data li").evaluate_all(
        "items => items.map(li => li.dataset.iso)"
    )
    expected = [moment_date(start, m) for m in MOMENTEN]
    assert shown == [d.strftime("%Y%m%d") for d in expected]
    raw = download_ics(page, "g5-a;,\\nx")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75, "RFC 5545 3.1: fold lines at 75 octets"
    assert any(line.startswith(b" ") for line in lines), "the long DESCRIPTION is folded"
    calendar = Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == expected
    for event, moment in zip(events, MOMENTEN, strict=True):
        assert event.decoded("DTEND") == event.decoded("DTSTART") + dt.timedelta(days=1)
        assert moment.label in str(event.get("SUMMARY"))
        assert "casus G5-A-NX" in str(event.get("SUMMARY"))  # Only letters, digits and -.
        assert event.walk("VALARM")
        assert "Compliment geven" in str(event.get("DESCRIPTION"))
        stamp = event.decoded("DTSTAMP")
        assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)
    uids = [str(e.get("UID")) for e in events]
    assert len(set(uids)) == len(uids) == len(MOMENTEN)
    assert all(start.strftime("%Y%m%d") in u and "G5-A-NX" in u for u in uids)

    # Downloading again gives the same UIDs (the calendar updates, nothing doubles); another
    # case code, or none, gives other UIDs, so two cases stay apart.
    again = Calendar.from_ical(download_ics(page, "G5-A-NX"))
    assert [str(e.get("UID")) for e in again.walk("VEVENT")] == uids
    other = Calendar.from_ical(download_ics(page, "G7-B"))
    other_uids = [str(e.get("UID")) for e in other.walk("VEVENT")]
    assert not set(other_uids) & set(uids)
    without = Calendar.from_ical(download_ics(page, ""))
    without_uids = [str(e.get("UID")) for e in without.walk("VEVENT")]
    assert not set(without_uids) & (set(uids) | set(other_uids))
    assert all("casus" not in str(e.get("SUMMARY")) for e in without.walk("VEVENT"))
    assert len(log.requests) == requests_before, log.requests[requests_before:]
    assert stored(page) == EMPTY_STORAGE


def test_planner_asks_for_a_code_without_names(page_factory, server) -> None:
    page, _ = page_factory()
    page.goto(server + "/stappen/stap-1/", wait_until="networkidle")
    field = page.get_by_label("Korte code voor deze casus (mag leeg blijven)")
    assert field.is_visible()
    hint = page.locator("#sw-planner-code-uitleg").inner_text()
    assert "geen namen" in hint
    assert field.get_attribute("aria-describedby") == "sw-planner-code-uitleg"


def test_planner_without_javascript_explains_the_schedule(page_factory, server) -> None:
    page, _ = page_factory(java_script=False)
    page.goto(server + "/stappen/stap-1/")
    planner = page.locator(".sw-planner")
    text = planner.inner_text()
    assert "na 2 dagen, na een week en na een maand" in text
    assert "maandag erna" in text
    assert "maandag 2 maart 2026" in text  # The worked example.
    assert page.locator(".sw-planner-invoer").is_hidden()


def test_mail_is_filled_in_the_page_and_nothing_is_kept(browser, server) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(server + "/stappen/stap-4/", wait_until="networkidle")
        before = len(requests)
        page.get_by_label("Voornaam van je leerling (alleen dit kind)").fill("Fatima")
        page.get_by_label("Datum van het gesprek").fill("24 november")
        page.get_by_label("Welke afspraken gaan dit kind aan?").fill(
            "Fatima zegt het als ze zich niet prettig voelt"
        )
        page.get_by_label("Wanneer kijk je samen hoe het gaat?").fill("over een week")
        page.get_by_label("Je naam").fill("Juf Anne")
        copy = page.get_by_role("button", name="Kopieer de tekst")
        assert copy.is_disabled()  # The privacy checks come first.
        assert page.locator(".sw-mail-open").get_attribute("href") is None
        for box in page.locator(".sw-mail-controle input").all():
            box.check()
        text = page.locator(".sw-mail-tekst").inner_text()
        assert text.startswith("Beste ouders/verzorgers van Fatima,")
        # Full sentences: the value ends its sentence, the next sentence starts apart.
        assert "gaan Fatima aan: Fatima zegt het als ze zich niet prettig voelt.\n" in text
        assert "We kijken over een week samen met Fatima hoe het gaat.\n" in text
        assert "aanleiding voor het gesprek: ……" in text  # Blanks show as dots, not labels.
        assert "Wat was de aanleiding" not in text
        href = page.locator(".sw-mail-open").get_attribute("href")
        assert href.startswith("mailto:?") and "subject=Gesprek%20zonder%20schuldvraag" in href
        assert "Fatima%20zegt%20het" in href
        copy.click()
        page.get_by_text("Gekopieerd.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == text
        assert "Gesprek zonder schuldvraag" in page.locator(".sw-mail").inner_text()
        assert len(requests) == before, requests[before:]
        assert stored(page) == EMPTY_STORAGE
        page.reload()
        assert page.get_by_label("Voornaam van je leerling (alleen dit kind)").input_value() == ""
    finally:
        context.close()


def test_mail_without_javascript_shows_the_template(page_factory, server) -> None:
    page, _ = page_factory(java_script=False)
    page.goto(server + "/formulieren/stap-4-anderen-informeren/")
    text = page.locator(".sw-mail-tekst").inner_text()
    assert "Beste ouders/verzorgers van [Voornaam van je leerling (alleen dit kind)]," in text
    assert page.locator(".sw-mail-invoer").is_hidden()
