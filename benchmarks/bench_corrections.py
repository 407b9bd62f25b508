"""Correcting a page of a real paper: saving a correction, reading it back for the article
view, undoing it, and bringing the library and its index in line afterwards.

``python -m benchmarks --only corrections`` (``--quick``: 100 pages instead of all). The
library is a copy of the real pages of ``../shared/realworld`` (892 pages of 人民日报);
without them the section says so. Each correction is a merge of the page's first two
articles, made as the window makes it (``correct_all``), then undone (``undo``), on the
largest pages and on a middling one. The library's sync and index update after one
correction show that only the corrected page is read and indexed again.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from .realworld import page_files

REPEATS = 5


def _merge(page: Any, i: int) -> tuple[Any, dict[str, object]]:
    from reader.corpus.corrections import merge

    return merge(page, page.articles[i], page.articles[i + 1]), {}


def _times(root: Path, source: str) -> tuple[float, float, float]:
    """Median seconds of a correction saved, its outcomes read, and its undo."""
    from reader.corpus.correction_store import correct_all, page_outcomes, undo
    from reader.corpus.resolve import load_entry

    save, read, back = [], [], []
    for _ in range(REPEATS):
        article = load_entry(root / source, source, root).articles[0]
        start = time.perf_counter()
        (saved,) = correct_all(root, source, article.id, [_merge])
        save.append(time.perf_counter() - start)
        start = time.perf_counter()
        page_outcomes(root, source)
        read.append(time.perf_counter() - start)
        start = time.perf_counter()
        undo(root, group=saved.group)
        back.append(time.perf_counter() - start)
    return statistics.median(save), statistics.median(read), statistics.median(back)


def run(options: Any) -> str:
    files = page_files()
    head = "## Corrections\n\n"
    if not files:
        return head + "The real pages (`../shared/realworld/pages`) are not here; not measured.\n"
    if options.quick:
        files = files[:100]
    os.environ.setdefault("READER_HOME", tempfile.mkdtemp(prefix="reader-bench-home-"))
    from reader.corpus.catalog import Catalog
    from reader.corpus.resolve import load_entry
    from reader.search import SearchIndex

    work = Path(tempfile.mkdtemp(prefix="reader-bench-corrections-"))
    try:
        root = work / "人民日报"
        root.mkdir()
        for path in files:
            shutil.copy(path, root / path.name)
        many = [p.name for p in files
                if len(load_entry(root / p.name, p.name, root).articles) >= 2]
        by_size = sorted(many, key=lambda name: (root / name).stat().st_size)
        chosen = [by_size[-1], by_size[-2], by_size[len(by_size) // 2]]
        rows = []
        for source in chosen:
            articles = len(load_entry(root / source, source, root).articles)
            save, read, back = _times(root, source)
            rows.append(f"| {source} | {(root / source).stat().st_size // 1024} KiB | {articles} | "
                        f"{save * 1000:.0f} ms | {read * 1000:.0f} ms | {back * 1000:.0f} ms |")
        catalog = Catalog(root)
        start = time.perf_counter()
        first = catalog.sync()
        index = SearchIndex.for_library(root)
        index.update(catalog)
        full = time.perf_counter() - start
        from reader.corpus.correction_store import correct_all

        source = chosen[-1]
        article = load_entry(root / source, source, root).articles[0]
        correct_all(root, source, article.id, [_merge])
        start = time.perf_counter()
        after = catalog.sync()
        stats = index.update(catalog)
        follow = time.perf_counter() - start
        catalog.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return head + (
        "Merging a page's first two articles and undoing it, as the window does (in a "
        f"background task), median of {REPEATS}: the save reads the page, replays its "
        "corrections, checks and writes the sidecar and the undo journal; *read back* is what "
        "the article view's list of corrections costs when it is not kept from the save; the "
        "undo puts the sidecar's bytes back.\n\n"
        "| page | size | articles | save | read back | undo |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n" + "\n".join(rows) + "\n\n"
        f"The library of {len(files)} pages read and indexed from nothing: {full:.1f} s "
        f"({len(first.added)} pages). After one correction: {follow:.2f} s, "
        f"{len(after.changed)} page read again and re-indexed ({stats.changed} articles; "
        f"{stats.added} added, {stats.removed} removed elsewhere).\n")
