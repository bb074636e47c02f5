"""Worksheets as A4 PDF: print templates rendered by WeasyPrint, in parallel, and only when
their input changed.

Each PDF's input is the complete HTML document (with its CSS inlined), so a hash of that HTML
and of the WeasyPrint version identifies the PDF exactly. Rendered PDFs are kept in a cache
directory under build/; a warm rebuild renders none. The schools of a board share one cache
directory (publish/board.py): a PDF whose HTML is the same for two schools is rendered once.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PdfStats:
    rendered: int
    cached: int
    seconds: float
    files: frozenset[str] = frozenset()
    """The cache entries (file names) this run used."""


def _render(html: str) -> bytes:
    """Render one HTML document to PDF (runs in a worker process)."""
    from weasyprint import HTML

    # PDF/UA-1: tagged, with the document's language and title, so a screen reader reads the
    # worksheets in order (WCAG 2.2 for documents; see docs/decisions.md).
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def _key(html: str) -> str:
    import weasyprint

    return hashlib.sha256(f"{weasyprint.__version__}\0pdf/ua-1\0{html}".encode()).hexdigest()


def _ignore_ctrl_c() -> None:
    """Workers leave Ctrl+C to the main process, which stops quietly (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def render_pdfs(
    jobs: dict[str, str], cache_dir: Path, *, workers: int | None = None, prune: bool = True
) -> tuple[dict[str, bytes], PdfStats]:
    """PDF bytes for each job (output path -> HTML). Unchanged jobs come from the cache; the
    others are rendered in parallel (on ``workers`` processes, default: every core). With
    ``prune``, cache entries no job uses any more are removed (not in a cache that other
    builds share while they run)."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    keys = {path: _key(html) for path, html in jobs.items()}
    todo = {
        path: html for path, html in jobs.items() if not (cache_dir / f"{keys[path]}.pdf").exists()
    }
    if todo:
        workers = max(1, min(len(todo), workers or os.cpu_count() or 1))
        if workers == 1:
            rendered = {path: _render(html) for path, html in todo.items()}
        else:
            with ProcessPoolExecutor(max_workers=workers, initializer=_ignore_ctrl_c) as pool:
                rendered = dict(zip(todo, pool.map(_render, todo.values()), strict=True))
        for path, data in rendered.items():
            target = cache_dir / f"{keys[path]}.pdf"
            tmp = target.with_suffix(f".{os.getpid()}.tmp")  # another build may write it too
            tmp.write_bytes(data)
            tmp.replace(target)
    wanted = frozenset(f"{k}.pdf" for k in keys.values())
    if prune:
        prune_cache(cache_dir, wanted)
    pdfs = {path: (cache_dir / f"{keys[path]}.pdf").read_bytes() for path in jobs}
    stats = PdfStats(len(todo), len(jobs) - len(todo), time.perf_counter() - start, wanted)
    return pdfs, stats


def prune_cache(cache_dir: Path, wanted: frozenset[str]) -> None:
    """Remove the cached PDFs not in ``wanted`` (file names)."""
    for stale in cache_dir.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
