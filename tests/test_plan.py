"""The site plan: one record per output, one title per page, the only place paths are spelled."""

from __future__ import annotations

import ast
import re
from html import unescape
from pathlib import Path

from generator.site import paths
from tests.helpers import ROOT, bundled_plan


def _menu_entries(nav: list) -> list[tuple[str, str]]:
    entries = []
    for item in nav:
        ((label, target),) = item.items()
        if isinstance(target, list):
            entries += _menu_entries(target)
        else:
            entries.append((label, target))
    return entries


def test_every_output_has_a_unique_path_and_a_meaningful_title() -> None:
    plan = bundled_plan()
    outputs = [*plan.pages, *plan.pdfs]
    all_paths = [o.path for o in outputs] + [a.path for a in plan.assets]
    assert len(all_paths) == len(set(all_paths))
    for output in outputs:
        assert output.title.strip(), output.path
        assert output.title.strip().lower() not in {"index", "start", "pagina"}, output.path
    for page in plan.pages:
        assert page.path.endswith(".md")
        assert (ROOT / "site_templates" / "pages" / page.template).is_file()
    for pdf in plan.pdfs:
        assert pdf.path.endswith(".pdf")


def test_every_menu_link_points_at_a_planned_page_with_its_title_or_short_form() -> None:
    plan = bundled_plan()
    entries = _menu_entries(plan.nav())
    assert entries, "the menu is empty"
    by_path = {p.path: p for p in plan.pages}
    for label, target in entries:
        page = by_path[target]  # KeyError: the menu points outside the plan
        assert label in (page.title, page.menu_label), (label, page.title)
    assert len({target for _, target in entries}) == len(entries)
    in_menu = {p.path for p in plan.pages if p.menu is not None}
    assert in_menu == {target for _, target in entries}


def test_guide_pages_live_under_the_guide_and_only_the_start_is_searchable() -> None:
    plan = bundled_plan()
    guide = [p for p in plan.pages if p.path.startswith(paths.GUIDE_DIR + "/")]
    assert len(guide) > 10
    assert [p.path for p in guide if p.search] == [paths.guide()]


def test_built_pages_have_one_title(built) -> None:
    """<title> starts with the h1 on every page of the built site (Material adds the site name)."""
    checked = 0
    for html_file in built.site_dir.rglob("*.html"):
        html = html_file.read_text("utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        if html_file.name == "404.html":
            continue
        assert h1, html_file
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
        heading = unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()
        assert title.startswith(heading + " - "), (html_file, title, heading)
        assert not title.startswith("Index"), html_file
        checked += 1
    assert checked >= 50


def _string_constants(source: Path) -> list[tuple[int, str]]:
    """Every string literal of a module except docstrings, with its line."""
    tree = ast.parse(source.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_python_file_outside_the_plan_spells_a_page_path() -> None:
    """Paths of pages and PDFs are spelled in generator/site/paths.py only."""
    pattern = re.compile(r"^[\w/.-]+\.(md|pdf)$|welke-stap-nu|^stappen/|^formulieren/|^nieuw/")
    offenders = []
    for source in (ROOT / "generator").rglob("*.py"):
        if source == ROOT / "generator" / "site" / "paths.py":
            continue
        for number, value in _string_constants(source):
            if pattern.search(value):
                offenders.append(f"{source.relative_to(ROOT)}:{number}: {value!r}")
    assert offenders == []
