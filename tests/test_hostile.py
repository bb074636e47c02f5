"""Hostile and broken content: never a traceback, never a live script, never a hang.

Each broken input is tried with ``check`` and ``build`` on a copy of a project whose site was
built once (shared): exit code, a Dutch message at the right file:line, no traceback, and the
previous site byte-identical. Injections are built once together (every text field of every
file) and the built HTML is scanned for anything live.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.cli import main
from generator.project import Project
from generator.publish.build import build_site
from generator.publish.safety import scan_page, scan_site
from generator.site.safe import render_markdown
from tests.conftest import ROOT, copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def _tree_hash(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def good(built: Project) -> Project:
    """The bundled protocol as built for the whole run (read only): every broken case starts
    from a copy of it."""
    return built


def _copy(good: Project, target: Path) -> Project:
    shutil.copytree(good.root, target, symlinks=True)
    return Project(root=target, content=target / "content", templates=target / "site_templates")


def _run(project: Project, command: str, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    code = main([command])
    out = capsys.readouterr()
    return code, out.out + out.err


# --- broken inputs ----------------------------------------------------------------------------


def _replace(file: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        path = content / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _append(file: str, text: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        with (content / file).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return edit


def _write_bytes(file: str, data: bytes) -> Callable[[Path], None]:
    return lambda content: (content / file).write_bytes(data)


def _directory(content: Path) -> None:
    (content / "stappen" / "stap-9.yml").mkdir()


def _dangling(content: Path) -> None:
    (content / "stappen" / "stap-9.yml").symlink_to(content / "stappen" / "weg.yml")


def _loop(content: Path) -> None:
    (content / "stappen" / "stap-9.yml").symlink_to(content / "stappen" / "stap-9.yml")


BOMB = "".join(
    f"b{i}: &b{i} [{', '.join([f'*b{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n"
    for i in range(10)
)

SCHOOL = "school.yml"
NAME = 'naam: "[naam van de school]"'

# (id, edit, file, line, message pattern): every kind the issue names, and more.
BROKEN = [
    ("date-month-13", _replace(SCHOOL, "vastgesteld:   ", "vastgesteld: 2026-13-45"),
     SCHOOL, 9, r"'2026-13-45' is geen bestaande datum"),
    ("date-feb-30", _replace(SCHOOL, "vastgesteld:   ", "vastgesteld: 2026-02-30"),
     SCHOOL, 9, r"'2026-02-30' is geen bestaande datum"),
    ("nul-byte", _replace(SCHOOL, NAME, 'naam: "De \x00School"'),
     SCHOOL, 5, r"onzichtbaar stuurteken \(U\+0000\)"),
    ("bell-char", _replace(SCHOOL, NAME, "naam: De \x07School"),
     SCHOOL, 5, r"onzichtbaar stuurteken \(U\+0007\)"),
    ("escaped-nul", _replace(SCHOOL, NAME, 'naam: "De \\0School"'),
     SCHOOL, 5, r"ongeldig teken \(U\+0000\)"),
    ("escaped-surrogate", _replace(SCHOOL, NAME, 'naam: "De \\ud800School"'),
     SCHOOL, 5, r"ongeldig teken \(U\+D800\)"),
    ("deep-nesting", _append(SCHOOL, "diep: " + "[" * 3000 + "]" * 3000 + "\n"),
     SCHOOL, None, r"te diep ingesprongen"),
    ("deep-block-nesting", _append(SCHOOL, "".join(f"{'  ' * i}k{i}:\n" for i in range(40))),
     SCHOOL, None, r"te diep ingesprongen"),
    ("step-is-a-folder", _directory, "stappen/stap-9.yml", 1, r"is een map, geen bestand"),
    ("dangling-symlink", _dangling, "stappen/stap-9.yml", 1, r"niet \(meer\) bestaat"),
    ("symlink-loop", _loop, "stappen/stap-9.yml", 1, r"kan niet gelezen worden"),
    ("merge-key", _replace(SCHOOL, "contacten:\n", "contacten:\n  <<: {x: 1}\n"),
     SCHOOL, 13, r"samenvoeg-sleutel \(<<\)"),
    ("alias-bomb", _append(SCHOOL, BOMB), SCHOOL, None, r"anker \(&b0\)"),
    ("python-tag", _replace(SCHOOL, NAME, "naam: !!python/name:os.system x"),
     SCHOOL, 5, r"YAML-tag \(!!python/name:os.system\)"),
    ("complex-key", _append(SCHOOL, "? [a, b]\n: x\n"), SCHOOL, None,
     r"lijst of onderdeel op de plaats van een sleutel"),
    ("huge-file", _append(SCHOOL, "# " + "x" * 1_100_000 + "\n"), SCHOOL, 1,
     r"te groot"),
    ("not-utf8", _write_bytes(SCHOOL, "naam: Caf\xe9\n".encode("latin-1")), SCHOOL, 1,
     r"niet opgeslagen als UTF-8"),
    ("empty-file", _write_bytes(SCHOOL, b""), SCHOOL, 1, r"Het bestand is leeg"),
    ("only-a-list", _write_bytes(SCHOOL, b"- a\n- b\n"), SCHOOL, 1, r"moet beginnen met"),
    ("two-documents", _append(SCHOOL, "---\nnaam: x\n"), SCHOOL, None,
     r"meerdere documenten"),
    ("duplicate-key", _replace(SCHOOL, NAME, NAME + "\n" + NAME), SCHOOL, 6,
     r"'naam' staat twee keer"),
    # Issue 16 item 3: syntax errors at the line to change, with the right advice.
    ("missing-space", _replace(SCHOOL, NAME, 'naam:"[naam van de school]"'), SCHOOL, 5,
     r"Na 'naam:' ontbreekt een spatie"),
    ("missing-space-nested", _replace(SCHOOL, "    functie: Anti", "    functie:Anti"),
     SCHOOL, 14, r"Na 'functie:' ontbreekt een spatie"),
    ("unclosed-quote", _replace(SCHOOL, NAME, 'naam: "[naam van de school]'), SCHOOL, 5,
     r"aanhalingsteken .*regel 5"),
    ("tab", _replace(SCHOOL, "\n  apc:\n", "\n\tapc:\n"), SCHOOL, 13, r"tab-teken"),
    ("stray-dash", _replace(SCHOOL, "korte_titel:", "- korte_titel:"), SCHOOL, 7,
     r"lijstregel \('-'\)"),
    ("flow-unclosed", _replace(SCHOOL, NAME, "naam: [De school"), SCHOOL, None,
     r"YAML-opmaakfout"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "file", "line", "pattern"),
    [pytest.param(*case[1:], id=case[0]) for case in BROKEN],
)
def test_broken_content_gives_a_dutch_positioned_message(
    good, tmp_path, monkeypatch, capsys, edit, file, line, pattern
) -> None:
    project = _copy(good, tmp_path / "p")
    before = _tree_hash(project.site_dir)
    edit(project.content)
    for command in ("check", "build"):
        code, output = _run(project, command, monkeypatch, capsys)
        assert code == 1, output
        assert "Traceback" not in output and "Error:" not in output
        at = str(line) if line else r"\d+"
        where = rf"content/{re.escape(file)}:{at}:\d+: fout: "
        assert re.search(where + ".*" + pattern, output), output[:2000]
    assert _tree_hash(project.site_dir) == before
    assert not project.new_site_dir.exists()


def test_unknown_files_are_named_once_and_not_validated(good, tmp_path, monkeypatch, capsys):
    project = _copy(good, tmp_path / "p")
    (project.content / "stappen" / "kladje.yml").write_text("titel: nog niet af\n")
    (project.content / "notities.txt").write_text("boodschappen\n")
    code, output = _run(project, "check", monkeypatch, capsys)
    assert code == 0, output
    assert output.count("let op: kladje.yml hoort niet in stappen/") == 1
    assert output.count("let op: notities.txt hoort niet in content/") == 1
    assert "ontbreekt" not in output


def test_numbers_in_text_fields_are_kept_as_written(good, tmp_path, monkeypatch, capsys):
    project = _copy(good, tmp_path / "p")
    _replace(SCHOOL, 'telefoon: "[telefoonnummer APC]"', "telefoon: 0612345678")(project.content)
    _replace(SCHOOL, 'versie: "1.0"', "versie: 1.1")(project.content)
    _replace(SCHOOL, NAME, "naam: !!str 0031 basisschool")(project.content)
    code, output = _run(project, "build", monkeypatch, capsys)
    assert code == 0, output
    apc = (project.site_dir / "rollen" / "apc" / "index.html").read_text()
    assert "0612345678" in apc and "612345678" not in apc.replace("0612345678", "")
    home = (project.site_dir / "index.html").read_text()
    assert "versie 1.1" in home and "0031 basisschool" in home


def test_a_one_answer_question_says_how_many_are_needed(good, tmp_path, monkeypatch, capsys):
    project = _copy(good, tmp_path / "p")
    path = project.content / "wegwijzer.yml"
    yaml = YAML()
    data = yaml.load(path)
    data["vragen"][0]["antwoorden"] = data["vragen"][0]["antwoorden"][:1]
    yaml.dump(data, path)
    code, output = _run(project, "check", monkeypatch, capsys)
    assert code == 1
    assert "lege lijst" not in output
    assert re.search(r"wegwijzer\.yml:\d+:\d+: fout: .*heeft 1 onderdeel.*minstens 2", output)


@pytest.mark.parametrize(
    ("old", "new", "pattern"),
    [
        ("  name: material", "  name: materia", r"mkdocs\.yml:\d+:1: fout: Het thema klopt niet"),
        ("  - search:", "  - zoeken:", r"mkdocs\.yml:\d+:1: fout: De plugin 'zoeken' bestaat niet"),
        ("site_name: Pestprotocol", "site_name:Pestprotocol", r"mkdocs\.yml:3:\d+: fout: .*spatie"),
        ("strict: true", "strict: [", r"mkdocs\.yml:\d+:\d+: fout: YAML-opmaakfout"),
    ],
)
def test_check_validates_mkdocs_yml(good, tmp_path, monkeypatch, capsys, old, new, pattern):
    project = _copy(good, tmp_path / "p")
    text = project.config_file.read_text()
    assert old in text
    project.config_file.write_text(text.replace(old, new, 1))
    before = _tree_hash(project.site_dir)
    for command in ("check", "build"):
        code, output = _run(project, command, monkeypatch, capsys)
        assert code == 1
        assert re.search(pattern, output), output
        assert "Traceback" not in output
    assert _tree_hash(project.site_dir) == before


def test_a_bug_is_said_in_one_dutch_sentence(good, tmp_path, monkeypatch, capsys):
    project = _copy(good, tmp_path / "p")

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boem")

    monkeypatch.setattr("generator.content.load.checks.check", broken)
    before = _tree_hash(project.site_dir)
    code, output = _run(project, "build", monkeypatch, capsys)
    assert code == 2
    assert "Traceback" not in output and "fout in het programma" in output
    assert _tree_hash(project.site_dir) == before


# --- the alias bomb's memory ------------------------------------------------------------------

_PEAK = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    "from generator.cli import main\n"
    "code = main(['check'])\n"
    "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code)\n"
)


def _peak_kb(project: Project) -> tuple[int, int, str]:
    run = subprocess.run(
        [sys.executable, "-c", _PEAK],
        cwd=project.root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = re.search(r"PEAK (\d+) (\d+)", run.stdout)
    assert found, run.stdout + run.stderr
    return int(found.group(1)), int(found.group(2)), run.stderr


def test_alias_bomb_costs_no_memory(good, tmp_path):
    """check on a few hundred bytes of aliases (10 levels of 9: 9**10 strings when expanded)
    stays within a few MB of check on good content; the address space is capped at 1 GB."""
    baseline, code, _ = _peak_kb(_copy(good, tmp_path / "ok"))
    assert code == 0
    project = _copy(good, tmp_path / "bomb")
    _append(SCHOOL, BOMB)(project.content)
    peak, code, output = _peak_kb(project)
    assert code == 1 and "anker (&b0)" in output and "Traceback" not in output
    print(f"\ncheck peak RSS: good content {baseline} kB, alias bomb {peak} kB")
    assert peak - baseline < 5_000


# --- Ctrl+C -----------------------------------------------------------------------------------


def test_ctrl_c_during_a_build_is_quiet_and_keeps_the_site(good, tmp_path):
    project = _copy(good, tmp_path / "p")
    _replace(SCHOOL, NAME, 'naam: "Andere school"')(project.content)
    before = _tree_hash(project.site_dir)
    build = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "build"],
        cwd=project.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)
    build.send_signal(signal.SIGINT)
    out, err = build.communicate(timeout=60)
    assert build.returncode == 130, out + err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "Gestopt" in err
    assert _tree_hash(project.site_dir) == before
    assert not project.new_site_dir.exists()


# --- serve ------------------------------------------------------------------------------------


def _get(url: str) -> str:
    """The page; retried while the server is still binding its port (never while it waits)."""
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except urllib.error.URLError as error:
            if not isinstance(error.reason, ConnectionRefusedError):
                raise
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def _wait_for(process: subprocess.Popen, lines: list[str], text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()  # type: ignore[union-attr]
        lines.append(line)
        if text in line:
            return
    raise AssertionError("".join(lines))


def test_serve_shows_the_error_and_keeps_the_last_good_pages(good, tmp_path):
    project = _copy(good, tmp_path / "p")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--port", str(port)],
        cwd=project.root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        _wait_for(serve, lines, "Stoppen: Ctrl+C", 90)
        url = f"http://127.0.0.1:{port}/rollen/apc/"
        assert "sw-serve-fout" not in _get(url)
        _replace(SCHOOL, NAME, 'naam:"Fout"')(project.content)
        _wait_for(serve, lines, "fout(en)", 30)
        page = _get(url)  # answered at once, not after the next good save
        assert "sw-serve-fout" in page and "content/school.yml:5:" in page
        assert "ontbreekt een spatie" in page
        assert "Anti-pestcoördinator" in page  # the last good content is still there
        _replace(SCHOOL, 'naam:"Fout"', 'naam: "Goed"')(project.content)
        _wait_for(serve, lines, "bijgewerkt", 60)
        assert "sw-serve-fout" not in _get(url)
    finally:
        serve.send_signal(signal.SIGINT)
        rest, _ = serve.communicate(timeout=30)
    output = "".join(lines) + rest
    assert serve.returncode in (0, 130)
    assert "Traceback" not in output
    assert not re.search(r"\b(INFO|WARNING|ERROR)\b", output), output  # Dutch only without -v


# --- injections -------------------------------------------------------------------------------

PAYLOAD = (
    " <script>alert(1)</script><img src=x onerror=alert(2)> [klik](javascript:alert(3)) "
    '<a href="javascript:alert(5)">a</a> <iframe src="https://example.org"></iframe> '
    '{{ 7 * 7 }} x](javascript:alert(6)) {: onclick="alert(4)" }'
)


def _inject(node: object, payload: str) -> None:
    """Append the payload to every prose string (ids, paths and urls have no spaces)."""
    items = node.items() if isinstance(node, dict) else enumerate(node)  # type: ignore[union-attr]
    for key, value in list(items):
        if isinstance(value, str) and " " in value.strip():
            node[key] = value.rstrip("\n") + payload  # type: ignore[index]
        elif isinstance(value, dict | list):
            _inject(value, payload)


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Every text field of every content file carries script, handlers and javascript: links;
    built once."""
    project = copy_project(tmp_path_factory.mktemp("injected"))
    yaml = YAML()
    yaml.width = 4096
    for path in sorted(project.content.rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        # The mail text's {...} are fill-in fields, checked against their list.
        _inject(data, PAYLOAD.split(" {{")[0] if path.name == "mail.yml" else PAYLOAD)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    build_site(project)
    return project


def test_injected_content_builds_without_anything_live(injected) -> None:
    assert scan_site(injected.site_dir) == []
    for page in injected.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<iframe" not in html, page
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.I), page


def test_injected_text_is_shown_as_typed(injected) -> None:
    role = (injected.site_dir / "rollen" / "apc" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in role
    assert "{{ 7 * 7 }}" in role.replace("&#123;", "{").replace("&#125;", "}")
    assert ">49<" not in role
    header = re.search(r'<div class="md-header__topic">(.*?)</div>', role, re.S)
    assert header and "&lt;script&gt;" in header.group(1)
    title = re.search(r"<title>(.*?)</title>", role, re.S)
    assert title and "&lt;script&gt;" in title.group(1)


def test_guide_answer_links_are_not_replaced(injected) -> None:
    guide = (injected.site_dir / "welke-stap-nu" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a[^>]*href="([^"]*)"[^>]*>[^<]*alert\(6\)', guide)
    assert links, "the answers should be links"
    assert all(not href.startswith("javascript") for href in links)


def test_injected_text_in_pdfs_and_charts_is_text(injected) -> None:
    from pypdf import PdfReader

    pdf = next(injected.site_dir.rglob("*.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "<script>alert(1)</script>" in text.replace("\n", "")
    for svg_page in injected.site_dir.rglob("index.html"):
        html = svg_page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg\b.*?</svg>", html, re.S):
            assert "<script" not in svg and "onerror=" not in svg.replace("onerror=alert", "")


# --- the sanitiser and the safety net on their own ----------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "<img"),
        ("[klik](javascript:alert(1))", "href"),
        ("[klik](JaVaScRiPt:alert(1))", "href"),
        ('<a href="javascript:alert(1)">a</a>', "href"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "href"),
        ("![plaatje](https://example.org/x.png)", "<img"),
        ("<iframe src=https://example.org></iframe>", "<iframe"),
        ('tekst\n{: onclick="alert(1)" }', "<[^>]*onclick"),
        ('tekst {: onclick="alert(1)" }', "<[^>]*onclick"),
        ('<p style="position:fixed" class="md-header">x</p>', "style=|class="),
        ("<!-- commentaar --> x", "<!--"),
    ],
)
def test_markdown_fields_are_cleaned(markdown: str, forbidden: str) -> None:
    assert not re.search(forbidden, render_markdown(markdown))


@pytest.mark.parametrize(
    ("markdown", "kept"),
    [
        ("**vet** en *schuin*", "<strong>vet</strong> en <em>schuin</em>"),
        ("[bron](https://example.org/a)", '<a href="https://example.org/a">bron</a>'),
        ("[mail](mailto:apc@school.nl)", 'href="mailto:apc@school.nl"'),
        ("[bel](tel:0612345678)", 'href="tel:0612345678"'),
        ("[stap 3](../stappen/stap-3/)", 'href="../stappen/stap-3/"'),
        ("1. een\n2. twee", "<li>een</li>"),
    ],
)
def test_markdown_fields_keep_what_the_site_needs(markdown: str, kept: str) -> None:
    assert kept in render_markdown(markdown)


@pytest.mark.parametrize(
    "html",
    [
        "<article><p><script>alert(1)</script></p></article>",
        '<article><img src="x" onerror="alert(1)"></article>',
        '<a href=" javascript:alert(1)">x</a>',
        '<script src="https://unpkg.com/x.js"></script>',
        '<iframe src="about:blank"></iframe>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    ],
)
def test_the_safety_net_finds_live_content(html: str) -> None:
    assert scan_page(f"<html><body>{html}</body></html>")


def test_the_built_site_passes_the_safety_net(good) -> None:
    assert scan_site(good.site_dir) == []


# --- no request to another host in any shipped file ----------------------------------------------

ALLOWED_HOSTS = {
    # XML namespaces (identifiers, never fetched).
    "www.w3.org": "xmlns",
    "www.sitemaps.org": "xmlns of sitemap.xml",
    # Material's bundle loads these only when window.ResizeObserver or window.mermaid is
    # missing; assets/geen-cdn.js defines both before the bundle (tests/test_hostile_browser.py).
    "unpkg.com": "made harmless by assets/geen-cdn.js",
    # Text, never fetched: a licence note inside an inline SVG icon, a console warning, and an
    # error message in a search helper.
    "fontawesome.com": "licence note in the CSS",
    "bit.ly": "text of a console warning in the search worker",
    "github.com": "text of an error message in lunr/wordcut.js",
    # Repository facts: only requested when mkdocs.yml sets repo_url (the test checks it does not).
    "api.github.com": "repository facts, needs repo_url",
}
SOURCE_PAGES = re.compile(r"\.html$")
"""Pages link to the sources of our texts: links a reader follows, not requests."""
_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\w\"'])//[^\n]*", re.S)
_URL = re.compile(r"""(?:https?:|["'(]\s*)//([a-z0-9-]+(?:\.[a-z0-9-]+)+)""", re.I)


def test_no_shipped_asset_names_another_host(good) -> None:
    """Every URL in every shipped JS, CSS, JSON and XML file, outside comments and licence
    notes, is on the explicit allow-list."""
    assert "repo_url" not in good.config_file.read_text()
    found: dict[str, set[str]] = {}
    for path in good.site_dir.rglob("*"):
        if not path.is_file() or path.suffix not in (".js", ".css", ".json", ".xml", ".svg"):
            continue
        code = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
        if path.name == "search_index.json":
            continue  # page text (sources named in the text), never fetched
        for host in _URL.findall(code):
            if host.lower() not in ALLOWED_HOSTS:
                found.setdefault(host, set()).add(path.relative_to(good.site_dir).as_posix())
    assert found == {}


def test_the_safety_net_reads_every_changed_page_again(good, tmp_path) -> None:
    site = tmp_path / "site"
    shutil.copytree(good.site_dir, site)
    passed = tmp_path / "safe-pages.json"
    assert scan_site(site, passed) == [] and passed.is_file()
    page = site / "rollen" / "apc" / "index.html"
    page.write_text(page.read_text().replace("</article>", "<p><script>x()</script></p></article>"))
    assert [f.page.as_posix() for f in scan_site(site, passed)] == ["rollen/apc/index.html"]
