"""The window's way to the search index, against the index asked directly, in one process.

``python -m benchmarks --only worker`` (20,000 generated articles; ``--quick`` for 2,000).
The window asks the index through ``SearchService``: each search, page of hits and
occurrence lookup is a task (``reader/ui/workers.py``) on the index's one-thread runner, and
its answer comes back by a signal on the GUI thread. This measures what that way costs on top
of the work itself: for each query, alternately, ``SearchIndex.search`` called directly and
the same search asked of the service until ``resultsReady`` arrives (and the same for an
article's occurrences), the ratio taken per pair because the machine is shared and noisy.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROUNDS = 5


def _queries(words: list[str]) -> list[str]:
    return [*words, "金承涛", "区委书记", "\"产业 平台\"", "疫情 -防控", "title:发展"]


def run(options: Any) -> str:
    articles = 2_000 if getattr(options, "quick", False) else 20_000
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    os.environ["READER_HOME"] = str(home)  # the index and the catalog of this run only

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import generate_library, read_info
    from reader.backend import open_library
    from reader.search import occurrences
    from reader.ui.search_service import PAGE_SIZE, SearchParams, SearchService
    from reader.ui.workers import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    lib = HERE / "out" / f"worker-lib-{articles}"
    info = read_info(lib)
    if info is None or info.articles != articles:
        info = generate_library(lib, articles)
    library = open_library(lib)
    library.catalog.sync()
    service = SearchService(library)

    def wait(signal: Any, timeout_ms: int = 600_000) -> list[Any]:
        got: list[Any] = []
        loop = QEventLoop()

        def heard(*args: Any) -> None:
            got.extend(args)
            loop.quit()

        signal.connect(heard)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(heard)
        return got

    start = time.perf_counter()
    service.build()
    wait(service.indexReady)
    build_s = time.perf_counter() - start
    index = library.open_index()
    queries = _queries(sorted(info.planted)[:5] if info.planted else [])
    direct: list[float] = []
    through: list[float] = []
    added: list[float] = []
    ratios: list[float] = []
    occ_direct: list[float] = []
    occ_through: list[float] = []
    hits = 0
    for _ in range(ROUNDS):
        for query in queries:
            t0 = time.perf_counter()
            results = index.search(query, limit=PAGE_SIZE)
            d = time.perf_counter() - t0
            t0 = time.perf_counter()
            service.search(SearchParams(query))
            wait(service.resultsReady)
            s = time.perf_counter() - t0
            direct.append(d)
            through.append(s)
            added.append(s - d)
            ratios.append(s / d if d else 1.0)
            hits += len(results.hits)
            if results.hits:
                hit_id = results.hits[0].id
                t0 = time.perf_counter()
                article = library.catalog.article(hit_id)  # as the service looks it up
                if article is not None:
                    occurrences(article, query)
                    occ_direct.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    service.occurrences(hit_id, query)
                    wait(service.occurrencesReady)
                    occ_through.append(time.perf_counter() - t0)
    service.shutdown()
    runner = TaskRunner(threads=1)
    nothing: list[float] = []
    for _ in range(50):
        loop = QEventLoop()
        t0 = time.perf_counter()
        runner.run(lambda _progress, _cancelled: None, "nothing",
                   finished=lambda _result, loop=loop: loop.quit())
        loop.exec()
        nothing.append(time.perf_counter() - t0)
    runner.shutdown()
    del app

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.1f} ms (max {max(values) * 1000:.1f})"

    extra = statistics.median(added) * 1000
    return "\n".join([
        f"## The window's way to the index ({info.articles:,} articles)",
        "",
        "`python -m benchmarks --only worker` (`--quick`: 2,000 articles). One process: the "
        "index built through `SearchService` (a task on its one-thread runner), then "
        f"{len(queries)} queries × {ROUNDS} rounds, each asked of `SearchIndex.search` "
        "directly and of the service until its `resultsReady` signal (and the first hit's "
        "occurrences both ways), alternating; medians, the ratio taken per pair.",
        "",
        "| measure | direct | through the service | added | service / direct |",
        "|---|---:|---:|---:|---:|",
        f"| a search, first {PAGE_SIZE} hits | {ms(direct)} | {ms(through)} | "
        f"{extra:.1f} ms | {statistics.median(ratios):.2f}× |",
        f"| an article's occurrences | {ms(occ_direct)} | {ms(occ_through)} | "
        f"{(statistics.median(occ_through) - statistics.median(occ_direct)) * 1000:.1f} ms | "
        f"{statistics.median(occ_through) / statistics.median(occ_direct):.2f}× |",
        f"| a task that does nothing | | {ms(nothing)} | | |",
        "",
        f"Index built through the service in {build_s:.1f} s; {hits:,} hits shown in all. "
        "The direct call keeps its thread's SQLite connections (the index's and the "
        "catalog's, and what they cache) from one query to the next; a task runs on a pool "
        "thread that Python enters afresh each time, with connections opened anew. The "
        "signals themselves cost what a task that does nothing takes.",
    ])


if __name__ == "__main__":
    print(run(type("Options", (), {"quick": "--quick" in sys.argv})()))
