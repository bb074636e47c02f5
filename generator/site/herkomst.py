"""Where a block of text on the site comes from ("herkomst"), decided from the content model.

The templates ask these functions; they never write a kind by hand for content. Kinds:
``protocol`` (the school's text, verbatim), ``toelichting`` (our explanation, with sources),
``voorstel`` (our proposal, not adopted by the school) and ``site`` (the site's own words).
"""

from __future__ import annotations

import hashlib
from typing import Any

from generator.site import paths

PROTOCOL = "protocol"
TOELICHTING = "toelichting"
VOORSTEL = "voorstel"
SITE = "site"


def herkomst(item: Any = None) -> str:
    """The kind of an addition of ours: a proposal when the model says so (``voorstel``, or a
    guide outcome the protocol does not have: ``toevoeging``), else toelichting."""
    if item is None:
        return TOELICHTING
    if getattr(item, "voorstel", False) or getattr(item, "toevoeging", False):
        return VOORSTEL
    return TOELICHTING


def worksheets(protocol: Any) -> str:
    """The kind of the worksheets: a proposal while the protocol's state says so."""
    return VOORSTEL if protocol.status.worksheets_proposal else TOELICHTING


def bron_id(bron: Any) -> str:
    """The anchor of a source's own entry on the sources page, stable across builds."""
    key = bron.url or bron.titel
    return f"bron-{hashlib.sha1(key.encode()).hexdigest()[:8]}"


def proposals(protocol: Any, pages: list[Any]) -> list[tuple[Any, str, str]]:
    """Every proposal of ours on the site, for the coordinator's list: (what, page title,
    page path), each once, at the first page that shows it. Read from the same model fields
    that make the templates mark a block ``voorstel``."""
    found: dict[str, tuple[Any, str, str]] = {}

    def add(what: Any, page: Any) -> None:
        found.setdefault(str(what), (what, page.title, page.path))

    for page in pages:
        ctx = page.context or {}
        uitkomst = ctx.get("uitkomst")
        if uitkomst is not None:
            if uitkomst.toevoeging:
                add(uitkomst.titel, page)
            if uitkomst.uiterlijk_voorstel:
                add(uitkomst.uiterlijk_voorstel, page)
            for item in uitkomst.wat_nu_voorstel:
                add(item, page)
        stap = ctx.get("stap")
        for t in stap.toelichting if stap is not None else ():
            if herkomst(t) == VOORSTEL:
                add(t.titel, page)
        pagina = ctx.get("p")
        for t in getattr(pagina, "secties", ()) if pagina is not None else ():
            if herkomst(t) == VOORSTEL:
                add(t.titel, page)
        for t in ctx.get("tips") or ():
            if herkomst(t) == VOORSTEL:
                add(t.titel, page)
        vraag = ctx.get("vraag")
        if vraag is not None and vraag.hulp is not None and herkomst(vraag.hulp) == VOORSTEL:
            add(vraag.hulp.titel, page)
    first = {page.path: page for page in pages}
    glossary = first.get(paths.GLOSSARY)
    for begrip in protocol.begrippen.begrippen if glossary is not None else ():
        if herkomst(begrip) == VOORSTEL:
            add(begrip.term, glossary)
    if protocol.mail is not None and paths.step(protocol.mail.stap) in first:
        add(protocol.mail.onderwerp, first[paths.step(protocol.mail.stap)])
    formulieren = first.get(paths.WORKSHEETS)
    if formulieren is not None and worksheets(protocol) == VOORSTEL:
        add(formulieren.title, formulieren)
    return list(found.values())
