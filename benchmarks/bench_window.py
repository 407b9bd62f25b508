"""The window on a large library: first paint, switching issues, opening articles, scrolling.

``python -m benchmarks --only window`` (``--quick`` for 10,000 articles instead of 100,000).
The library comes from ``benchmarks.generate.generate_library`` when the search benchmark's
generator is there, else from a small generator here that writes pages of the same shape
(masthead with date, issue and page number, six articles of seed sentences each). The catalog
is synced once before the timings (a later start finds its cache), as a user's second start.
Times are wall-clock on the offscreen platform and include painting the affected views.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
WEEKDAYS = "一二三四五六日"
PAPERS = ("钱塘新区报", "上城报", "萧山日报")
ARTICLES_PER_PAGE = 6
PAGES_PER_ISSUE = 8


def _seed_material() -> tuple[list[str], list[str], list[str]]:
    from reader.corpus.library import load_page
    from reader.paths import bundled_corpus

    pages = [load_page(p) for p in sorted(bundled_corpus().glob("*.txt"))]
    articles = [a for p in pages for a in p.articles]
    sentences = [s for a in articles for p in a.paragraphs if p.kind == "text"
                 for s in re.split(r"(?<=。)", p.text) if len(s) > 8]
    titles = [a.display_title for a in articles]
    bylines = [a.byline for a in articles if a.byline and "本报讯" not in a.byline]
    return sentences, titles, bylines


def _write_library(root: Path, articles: int, seed: int) -> None:
    """Pages of synthetic issues: several papers, ten years of dates, eight pages each."""
    rng = random.Random(seed)
    sentences, titles, bylines = _seed_material()
    pages = -(-articles // ARTICLES_PER_PAGE)
    issues = -(-pages // PAGES_PER_ISSUE)
    start = dt.date(2013, 1, 1)
    days = sorted(rng.sample(range(3650), min(issues, 3650)))
    written = 0
    for n in range(issues):
        paper = PAPERS[n % len(PAPERS)]
        day = start + dt.timedelta(days=days[n % len(days)])
        folder = root / paper / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        for page in range(1, PAGES_PER_ISSUE + 1):
            if written >= articles:
                return
            count = min(ARTICLES_PER_PAGE, articles - written)
            lines = [f"# {paper}", "",
                     f"{paper} {day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"
                     f" 第{page}版", "", f"今日{PAGES_PER_ISSUE}版 总第{1000 + n}期", ""]
            for _ in range(count):
                lines += [f"## {rng.choice(titles)}", "", f"■{rng.choice(bylines)}", ""]
                for _ in range(rng.randint(2, 6)):
                    lines += ["".join(rng.choice(sentences) for _ in range(rng.randint(2, 6))), ""]
            (folder / f"{day.isoformat()}_{page:02d}.txt").write_text("\n".join(lines),
                                                                      encoding="utf-8")
            written += count


LARGE = int(os.environ.get("READER_BENCH_LARGE") or 1_000_000)  # as bench_search
LARGE_SECTION = True
"""With ``--large`` the section is saved apart (``results/<name>_large.md``)."""


def library(articles: int, seed: int = 7) -> Path:
    """The synthetic library of ``articles`` articles (made once, kept in benchmarks/out; at
    LARGE the search benchmark's, which ``READER_BENCH_LIBRARY_1000000`` may name)."""
    if articles == LARGE:
        from benchmarks.bench_search import library_root

        return library_root(LARGE)
    root = OUT / f"window-library-{articles}"
    done = root / ".complete"
    if done.exists():
        return root
    try:
        from benchmarks.generate import generate_library  # type: ignore[import-not-found]
    except ImportError:
        _write_library(root, articles, seed)
    else:
        generate_library(root, articles, seed)
    done.write_text("ok")
    return root


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_paint_subprocess(root: Path, home: Path) -> float:
    """Seconds from launching ``reader`` to its first paint, interpreter start included."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_HOME=str(home))
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_window", "--first-paint", str(root),
         repr(started)],
        capture_output=True, text=True, env=env, cwd=HERE.parent, check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _first_paint_child(root: str, started: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.corpus.catalog import Catalog
    from reader.ui.app import make_application
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import Preferences, WindowState

    app = make_application()

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
                self.at = time.time() - started
                QTimer.singleShot(0, app.quit)
            return False

    window = MainWindow(Catalog(Path(root)), Preferences(), WindowState())
    watch = Watch()
    window.article_view.viewport().installEventFilter(watch)
    window.resize(1400, 900)
    window.show()
    app.exec()
    print(f"{watch.at:.4f}")
    window.close()
    QApplication.processEvents()


def _timed(action: Any, app: Any, repeat: list[Any]) -> list[float]:
    out = []
    for item in repeat:
        t0 = time.perf_counter()
        action(item)
        app.processEvents()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _row(name: str, samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return (f"| {name} | {len(samples)} | {statistics.median(samples):.1f} | {p95:.1f} "
            f"| {samples[-1]:.1f} |")


def measure(articles: int) -> list[str]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView

    from reader.corpus.catalog import Catalog
    from reader.paths import bundled_corpus
    from reader.ui.app import make_application
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import Preferences, WindowState

    home = _home(articles)
    os.environ["READER_HOME"] = str(home)
    app = make_application()
    lines = []
    root = library(articles)
    catalog = Catalog(root)
    sync = catalog.sync()
    counts = catalog.counts()
    catalog.close()
    lines.append(f"Library: {counts['articles']:,} articles on {counts['pages']:,} pages in "
                 f"{counts['issues']:,} issues (catalog and index prepared by another process "
                 f"before the timings, as on a user's second start; {len(sync.added)} pages "
                 "left to read here).")
    lines.append("")
    paint_small = [first_paint_subprocess(bundled_corpus(), home) for _ in range(7)]
    paint_big = [first_paint_subprocess(root, home) for _ in range(7)]
    lines += [
        "| measure | runs | median ms | p95 ms | max ms |",
        "|---|---|---|---|---|",
        _row("first paint, bundled corpus (process start → window painted)",
             [s * 1000 for s in paint_small]),
        _row(f"first paint, {articles:,} articles", [s * 1000 for s in paint_big]),
    ]
    rss_before = rss_mb()
    window = MainWindow(Catalog(root), Preferences(), WindowState())
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    ready = {"search": False}
    window.search.indexReady.connect(lambda: ready.__setitem__("search", True))
    deadline = time.perf_counter() + 1800
    while not ready["search"] and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.01)
    rng = random.Random(3)
    keys = rng.sample(list(window.issues()), 60)
    lines.append(_row("switch issue (pages listed, first article shown)",
                      _timed(window.open_issue, app, keys)))
    ids = []
    for key in rng.sample(list(window.issues()), 30):
        for _, source in window.issues()[key].pages[:2]:
            ids += [a.id for a in window.catalog.article_infos(source)]
    ids = rng.sample(ids, min(80, len(ids)))
    lines.append(_row("open an article (typeset, issue followed)",
                      _timed(window.open_article, app, ids)))

    tree = window.issue_list.tree
    tree.expandAll()
    app.processEvents()
    bar = tree.verticalScrollBar()
    steps = list(range(0, bar.maximum() + 1, max(1, bar.pageStep())))
    lines.append(_row(f"scroll the issue list a page ({tree.model().rowCount()} papers, "
                      "all expanded)", _timed(bar.setValue, app, steps)))

    shown: dict[str, int] = {}
    window.resultsShown.connect(lambda total: shown.__setitem__("total", total))
    t0 = time.perf_counter()
    window.run_search("发展")
    while "total" not in shown and time.perf_counter() - t0 < 600:
        app.processEvents()
        time.sleep(0.002)
    search_ms = (time.perf_counter() - t0) * 1000
    lines.append(_row("search 发展 → first page of hits listed (search index, "
                      f"{shown.get('total', 0):,} hits)", [search_ms]))
    view = window.results.list
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
    bar = view.verticalScrollBar()

    def page_down(_: int) -> None:
        bar.setValue(bar.value() + bar.pageStep())
        # The model asks for more rows near the end; wait for them as a user would.
        t_wait = time.perf_counter()
        while window.hit_model.canFetchMore(view.rootIndex()) is False and \
                window.hit_model._waiting and time.perf_counter() - t_wait < 5:
            app.processEvents()

    lines.append(_row("scroll the results a page (more hits fetched as needed)",
                      _timed(page_down, app, list(range(60)))))
    rss_after = rss_mb()
    lines.append("")
    lines.append(f"Memory: {rss_before:.0f} MB resident before the window, {rss_after:.0f} MB "
                 f"after these steps ({window.hit_model.rowCount():,} hits loaded).")
    QTimer.singleShot(0, window.close)
    app.processEvents()
    window.shutdown()
    return lines


def _home(articles: int) -> Path:
    return OUT / ("window-home" if articles != LARGE else "window-home-large")


def _adopt_search_benchmark(root: Path, home: Path) -> bool:
    """At LARGE, start from the catalog and index the search benchmark built of the same
    library (a build of 1,000,000 articles takes tens of minutes): copied to where the
    window looks for them; the engine's segments, never changed once written, hard-linked."""
    import shutil

    env = dict(os.environ, READER_HOME=str(home))
    code = ("from pathlib import Path; import sys; from reader.corpus.catalog import "
            "catalog_path; from reader.search.index import index_path; "
            "print(catalog_path(Path(sys.argv[1]))); print(index_path(Path(sys.argv[1])))")
    out = subprocess.run([sys.executable, "-c", code, str(root)], env=env, cwd=HERE.parent,
                         check=True, capture_output=True, text=True).stdout.split("\n")
    catalog, index = Path(out[0]), Path(out[1])
    built_catalog = OUT / f"catalog-{LARGE}.sqlite"
    built_index = OUT / f"index-{LARGE}.sqlite3"
    if index.exists() or not (built_catalog.exists() and built_index.exists()):
        return index.exists()
    catalog.parent.mkdir(parents=True, exist_ok=True)
    index.parent.mkdir(parents=True, exist_ok=True)
    _copy_database(built_catalog, catalog)
    engine = built_index.with_suffix(".tantivy")
    shutil.copytree(engine, index.with_suffix(".tantivy"), copy_function=os.link)
    _copy_database(built_index, index)
    from reader.search.names import names_path_for

    if names_path_for(built_index).exists():  # else the window finds them as it starts
        _copy_database(names_path_for(built_index), names_path_for(index))
    return True


def _copy_database(source: Path, target: Path) -> None:
    """An SQLite file with what its write-ahead log holds (SQLite's backup)."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def prepare(articles: int) -> float:
    """Generate the library if needed and build its catalog and index in another process
    (``reader index``), so that the measuring process starts clean. Returns the seconds."""
    root = library(articles)
    if articles == LARGE and _adopt_search_benchmark(root, _home(articles)):
        return 0.0  # up to date: the window's own start checks it (its names come later)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_HOME=str(_home(articles)))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", "index", "--library", str(root)],
                   env=env, cwd=HERE.parent, check=True, capture_output=True)
    return time.perf_counter() - t0


def run(options: Any) -> str:
    articles = (10_000 if getattr(options, "quick", False) else
                LARGE if getattr(options, "large", False) else 100_000)
    prepared = prepare(articles)
    # Measured in a fresh process: the harness may have run other benchmarks in this one.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_window", "--measure", str(articles)],
        env=env, cwd=HERE.parent, check=True, capture_output=True, text=True,
    ).stdout
    lines = [f"## Window ({articles:,} articles)" if articles != LARGE else
             f"## Window at {articles:,} articles", "",
             "What a reader waits for in the window on a large archive (offscreen platform, "
             "1400×900, views painted after each step). `benchmarks/bench_window.py`. "
             "Measured in a fresh process; " + (
                 "the catalog and the search index are the search benchmark's of the same "
                 "library (`--only search --large`), copied into this run's cache folder."
                 if articles == LARGE and prepared == 0.0 else
                 "the catalog and the search index were built beforehand by `reader index` "
                 f"in {prepared:.0f} s (an unchanged library: a directory walk)."), ""]
    return "\n".join(lines) + "\n" + out.strip() + "\n"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--first-paint":
        _first_paint_child(sys.argv[2], float(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print("\n".join(measure(int(sys.argv[2]))))
    else:
        print(run(type("Options", (), {"quick": "--quick" in sys.argv,
                                       "large": "--large" in sys.argv})()))
