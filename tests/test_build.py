"""The commands: check, build (strict, atomic) and serve."""

from __future__ import annotations

import hashlib
import html as html_module
import time
import urllib.request
from pathlib import Path

import pytest

from generator.cli import main
from generator.problems import ContentError
from generator.publish.build import BuildError, build_site
from tests.helpers import start_serve


def snapshot(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def test_full_build_publishes_every_page(built) -> None:
    site = built.site_dir
    for path in (
        "index.html",
        "welke-stap-nu/index.html",
        "stappen/index.html",
        *[f"stappen/stap-{n}/index.html" for n in range(8)],
        "rollen/index.html",
        "rollen/apc/index.html",
        "begrippen/index.html",
        "wat-is-er-nieuw/index.html",
        "formulieren/index.html",
        "nieuw/index.html",
        "bronnen/index.html",
        "te-bevestigen/index.html",
        "beheer/index.html",
        "search/search_index.json",
    ):
        assert (site / path).is_file(), path
    assert not (built.root / "build" / "site.new").exists()


def test_built_site_has_no_external_assets(built) -> None:
    for path in built.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert "cdn.jsdelivr" not in html and "unpkg.com" not in html, path
        assert "mermaid" not in html.lower(), path


def test_content_error_keeps_the_previous_site(project) -> None:
    build_site(project)
    before = snapshot(project.site_dir)
    path = project.content / "stappen" / "stap-1.yml"
    path.write_text(path.read_text("utf-8").replace("\nwanneer:", "\nwanner:"), "utf-8")
    with pytest.raises(ContentError) as info:
        build_site(project)
    assert "stap-1.yml:" in info.value.report()
    assert snapshot(project.site_dir) == before


def test_broken_link_fails_the_strict_build_and_keeps_the_site(project) -> None:
    build_site(project)
    before = snapshot(project.site_dir)
    template = project.templates / "pages" / "begrippen.md.j2"
    template.write_text(
        template.read_text("utf-8") + "\n[kapot](bestaat-niet.md) [anker](#bestaat-niet)\n",
        "utf-8",
    )
    with pytest.raises(BuildError):
        build_site(project)
    assert snapshot(project.site_dir) == before
    assert not (project.root / "build" / "site.new").exists()


def test_broken_anchor_alone_fails_the_strict_build(project) -> None:
    template = project.templates / "pages" / "begrippen.md.j2"
    template.write_text(template.read_text("utf-8") + "\n[anker](#bestaat-niet)\n", "utf-8")
    with pytest.raises(BuildError):
        build_site(project)


def test_cli_check_reports_and_exits_non_zero(project, monkeypatch, capsys) -> None:
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 0
    assert "De inhoud is in orde: 8 stappen" in capsys.readouterr().out
    path = project.content / "stappen" / "stap-2.yml"
    path.write_text(path.read_text("utf-8").replace("nummer: 2", "nummer: twee"), "utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "content/stappen/stap-2.yml:5:9: fout: Bij 'nummer' hoort een heel getal" in err
    assert "1 fout(en)" in err


def test_cli_build_with_other_content_dir(project, monkeypatch, capsys) -> None:
    other = project.root / "andere-school"
    project.content.rename(other)
    monkeypatch.chdir(project.root)
    assert main(["build"]) == 1  # content/ is gone
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["build", "--content", "andere-school"]) == 0
    assert (project.site_dir / "stappen" / "stap-7" / "index.html").is_file()


def test_cli_build_failure_message_is_dutch(project, monkeypatch, capsys) -> None:
    monkeypatch.chdir(project.root)
    path = project.content / "school.yml"
    path.write_text(path.read_text("utf-8").replace("versie: ", "versie:: "), "utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "content/school.yml:" in err
    assert "De site is niet bijgewerkt; de vorige versie blijft staan." in err


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and needle in body:
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_content_changes(project) -> None:
    process, address = start_serve(project.root)
    url = f"{address}/stappen/stap-6/"
    try:
        assert _wait_for(url, "Groepsgesprek", 60), "serve did not start"
        path = project.content / "stappen" / "stap-6.yml"
        path.write_text(
            path.read_text("utf-8").replace(
                "korte_titel: Groepsgesprek", "korte_titel: Klassengesprek"
            ),
            "utf-8",
        )
        assert _wait_for(url, "Klassengesprek", 60), "serve did not pick up the change"
        # A broken edit keeps the last good pages, with the error shown above them. (Wait for
        # the banner: while the server checks the edit, a request may wait longer than 2 s.)
        path.write_text(path.read_text("utf-8").replace("\nwanneer:", "\nwanner:"), "utf-8")
        assert _wait_for(url, "wanner", 60), "serve did not show the error"
        assert "Klassengesprek" in (_fetch(url) or "")
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert "stap-6.yml" in err and "Onbekende sleutel 'wanner'" in err


def test_broken_template_is_reported_and_keeps_the_site(project, monkeypatch, capsys) -> None:
    monkeypatch.chdir(project.root)
    assert main(["build"]) == 0
    before = snapshot(project.site_dir)
    template = project.templates / "pages" / "rol.md.j2"
    template.write_text(template.read_text("utf-8") + "\n{% if %}\n", "utf-8")
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "site_templates/pages/rol.md.j2:" in err
    assert "het sjabloon kan niet gemaakt worden" in err
    assert snapshot(project.site_dir) == before


def test_maintenance_page_lists_what_the_school_still_has_to_fill_in(built) -> None:
    html = (built.site_dir / "beheer" / "index.html").read_text("utf-8")
    assert "de datum van instemming van de MR" in html.replace(
        '<abbr title="medezeggenschapsraad">MR</abbr>', "MR"
    )
    shown = html_module.unescape(html)
    assert '<code>contacten.directie.naam</code> staat nog op "[naam directeur]"' in shown
    assert "stappenwijzer check" in html
