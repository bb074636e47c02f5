"""The pipeline from content/ to the generated docs and engine config.

    load -> check -> plan -> render -> PDFs -> write

When nothing that generation reads has changed since the last successful run, generation is
skipped (publish/cache.py): a warm rebuild then costs little more than MkDocs itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.problems import Problem
from generator.project import Project
from generator.publish.output import WriteStats, write_file, write_tree
from generator.publish.pdf import PdfStats

# Loading, checking and rendering (pydantic, ruamel.yaml, Jinja2, Babel, WeasyPrint) are
# imported only when generation actually runs: a warm rebuild with nothing changed does not
# pay for them.


@dataclass(frozen=True)
class Generated:
    problems: list[Problem]
    stats: WriteStats
    pdf: PdfStats = field(default_factory=lambda: PdfStats(0, 0, 0.0))
    skipped: bool = False


def generate(project: Project, *, force: bool = False, pdf_workers: int | None = None) -> Generated:
    """Validate the content and write docs and engine config. Raises ContentError, writing
    nothing, if the content has errors. ``pdf_workers``: processes for the PDFs (default:
    every core)."""
    from generator.publish import cache

    key = cache.fingerprint(project)
    if not force:
        warnings = cache.cached_warnings(project, key)
        if warnings is not None:
            return Generated(warnings, WriteStats(0, 0, 0), skipped=True)

    from generator.content.load import load_or_raise
    from generator.publish.engine import config_bytes
    from generator.publish.pdf import render_pdfs
    from generator.site.labels import load_labels
    from generator.site.plan import plan_site
    from generator.site.render import Renderer

    protocol, problems = load_or_raise(project.content)  # load and check
    plan = plan_site(protocol, load_labels(project.templates), project.templates)
    pages, documents = Renderer(project.templates, protocol).render_site(plan)
    pdfs, pdf_stats = render_pdfs(
        documents,
        project.pdf_cache,
        workers=pdf_workers,
        prune=project.shared_pdf_cache is None,
    )

    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files.update(pdfs)
    files.update({asset.path: asset.source.read_bytes() for asset in plan.assets})
    stats = write_tree(project.docs_dir, files)
    if write_file(project.generated_config, config_bytes(plan, project)):
        stats = WriteStats(stats.written + 1, stats.unchanged, stats.removed)
    cache.remember(project, key, problems)
    return Generated(problems, stats, pdf_stats)
