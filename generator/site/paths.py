"""Where every output of the site lives: the one place that spells a path.

Paths are relative to the generated docs directory; pages are Markdown files that MkDocs
publishes as directory URLs (``stappen/stap-3.md`` -> ``stappen/stap-3/``). Templates reach these
through the ``paths`` global; Python code imports them from here.
"""

from __future__ import annotations

HOME = "index.md"
GUIDE_DIR = "welke-stap-nu"
OVERVIEW = "stappen/index.md"
GUIDE_CHART = "stappen/schema-wegwijzer.md"
STEP_PLAN_PDFS = {"A4": "stappen/stappenplan-a4.pdf", "A3": "stappen/stappenplan-a3.pdf"}
WORKSHEETS = "formulieren/index.md"
ROLES = "rollen/index.md"
ONBOARDING = "nieuw/index.md"
SUMMARY_PDF = "nieuw/spiekbriefje.pdf"
BOOKLET_PDF = "protocol-boekje.pdf"
"""The whole protocol as one A4 booklet."""
GLOSSARY = "begrippen.md"
CHANGES = "wat-is-er-nieuw.md"
SOURCES = "bronnen.md"
OPEN_QUESTIONS = "te-bevestigen.md"
MAINTENANCE = "beheer.md"
ACCESSIBILITY = "toegankelijkheid.md"
ABOUT = "over-deze-site.md"
ASSETS = "assets"


def guide(answers: tuple[str, ...] = ()) -> str:
    """The guide page reached by ``answers`` (the start page for none)."""
    return "/".join((GUIDE_DIR, *answers, "index.md"))


def step(nummer: int | str) -> str:
    return f"stappen/stap-{nummer}.md"


def chapter(hoofdstuk_id: str) -> str:
    """A part of the protocol outside the step plan (content/hoofdstukken.yml)."""
    return f"protocol/{hoofdstuk_id}.md"


def role(rol_id: str) -> str:
    return f"rollen/{rol_id}.md"


def worksheet(formulier_id: str) -> str:
    return f"formulieren/{formulier_id}.md"


def worksheet_pdf(formulier_id: str) -> str:
    return f"formulieren/{formulier_id}.pdf"


def onboarding(pagina_id: str) -> str:
    return f"nieuw/{pagina_id}.md"


def asset(name: str) -> str:
    return f"{ASSETS}/{name}"


def site_url(md_path: str) -> str:
    """The directory URL MkDocs publishes a Markdown page at (use_directory_urls)."""
    if md_path == "index.md" or md_path.endswith("/index.md"):
        return md_path[: -len("index.md")].rstrip("/")
    return md_path[: -len(".md")]
