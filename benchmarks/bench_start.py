"""Start without a walk: ``reader search`` end to end, and the window's start, on a large library.

``python -m benchmarks --only start`` (200,000 generated articles; ``--large`` for 1,000,000,
``--quick`` for 10,000). The library comes from ``benchmarks.generate`` and is kept, with its
own ``READER_HOME``, under ``$BENCH_START_DIR`` (default ``benchmarks/out``): ``lib-N`` and
``home-N``. It is read and indexed once by ``reader index`` (a full walk), as a user's earlier
session; every timing after that is a user's next start on an unchanged library.

- ``reader search Q`` is timed as a fresh process (process start, imports, the look at the
  folders, the index, printing 20 hits), alternating with ``grep -rl Q`` over the same folder
  in the same run; the ratio is taken per pair, because the machine is shared and noisy.
- ``reader show ID`` the same way (one article: the catalog, not the index).
- Beside each wall time, the CPU time of the process (user and system, from the kernel's
  accounting of the child): on a machine shared with other work the wall time also counts the
  waits for a core, the CPU time does not.
- The window: a fresh process opens it on the library (offscreen) and notes, from the
  process's start, when the issue list and calendar are filled and the window painted, and
  when the search is ready; and whether the library's walk was still going on then.

``start.md`` holds a section per size; a run replaces its own size's and keeps the others.
With ``BENCH_START_CATALOG_ONLY=1`` the library's catalog is taken as it is (read before, by
``reader library info``) and no index is built: only the window's issue list is timed (an
index of 1,000,000 articles takes over an hour to build on a loaded 2-core machine).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERIES = ("金承涛", "翟汐澜")
"""A name in most generated articles (the seeds' 区委书记), and a planted one in very few."""
RUNS = 7
WINDOW_RUNS = 3

_WINDOW = r"""
import json, sys, time
t0 = float(sys.argv[2])
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.ui.app import make_application, open_library_window
app = make_application()
window = open_library_window(Path(sys.argv[1]), remember=False)
out = {}
def painted():
    app.processEvents()
    window.repaint()
    out["usable"] = time.time() - t0
    out["usable_cpu"] = time.process_time()
    out["issues"] = window.issue_model.rowCount()
    out["walking_at_usable"] = window.runner.running("sync")
def ready():
    out["search_ready"] = time.time() - t0
    out["ready_cpu"] = time.process_time()
    out["walking_at_ready"] = window.runner.running("sync")
    QTimer.singleShot(0, finish)
def finish():
    print(json.dumps(out))
    window.shutdown()
    app.quit()
window.search.indexReady.connect(ready)
QTimer.singleShot(0, painted)
QTimer.singleShot(int(sys.argv[3]), finish)
app.exec()
"""


def _env(home: Path) -> dict[str, str]:
    """The measured processes' environment: the home, offscreen, and byte-compiled modules
    as an installed reader has them (kept in a folder of their own beside the home, so that
    a ``PYTHONDONTWRITEBYTECODE`` of the shell does not add the compiling of every module to
    every start, and no checkout gets ``__pycache__`` folders)."""
    env = {**os.environ, "READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPYCACHEPREFIX": str(home.parent / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _reader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def _baseline() -> Path | None:
    """``BENCH_START_BASELINE``: another checkout of the reader (e.g. a worktree of main),
    timed in the same run, alternating, for a before/after on the same index."""
    value = os.environ.get("BENCH_START_BASELINE")
    return Path(value).resolve() if value else None


def _commit(checkout: Path) -> str:
    done = subprocess.run(["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(cmd: list[str], env: dict[str, str],
           cwd: Path = ROOT) -> tuple[float, str, float]:
    """Wall seconds, standard output and CPU seconds of one run of ``cmd`` (``python -m
    reader`` runs the reader of the folder ``cwd``)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          check=False, cwd=cwd)
    return (time.perf_counter() - start, done.stdout.decode("utf-8", "replace"),
            _children_cpu() - cpu)


def prepare(articles: int) -> tuple[Path, Path, float]:
    """The generated library and its home, read and indexed; the seconds that took."""
    from benchmarks.generate import generate_library, read_info

    base = Path(os.environ.get("BENCH_START_DIR", HERE / "out"))
    lib, home = base / f"lib-{articles}", base / f"home-{articles}"
    info = read_info(lib)
    if info is None or info.articles != articles:
        generate_library(lib, articles)
    start = time.perf_counter()
    subprocess.run(_reader("index", "--library", str(lib)), env=_env(home), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return lib, home, time.perf_counter() - start


def _seconds(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (min {min(values):.2f})"


def search_rows(lib: Path, home: Path) -> list[str]:
    env = _env(home)
    rows, base_rows = [], []
    baseline = _baseline()
    for query in QUERIES:
        ours, cpu, grep, grep_cpu, ratios, total, hits = [], [], [], [], [], "", ""
        before: list[float] = []
        before_cpu: list[float] = []
        search = _reader("search", query, "--library", str(lib))
        _timed(search, env)  # warm the page cache (and write the compiled modules)
        if baseline:
            _timed(search, env, baseline)
        for _ in range(RUNS):
            t, out, c = _timed(search, env)
            g, hits, gc = _timed(["grep", "-rl", query, str(lib)], env)
            if baseline:
                b, _, bc = _timed(search, env, baseline)
                before.append(b)
                before_cpu.append(bc)
            ours.append(t)
            cpu.append(c)
            grep.append(g)
            grep_cpu.append(gc)
            ratios.append(g / t)
            total = out.split(" ", 1)[0]
        files = len([line for line in hits.splitlines() if line])
        rows.append(
            f"| `reader search {query}` | {total} articles | {_seconds(ours)} | "
            f"{statistics.median(cpu):.2f} s | {_seconds(grep)}, {files:,} files | "
            f"{statistics.median(grep_cpu):.2f} s | {statistics.median(ratios):.1f}× |")
        if baseline:
            speedup = statistics.median(b / t for b, t in zip(before, ours, strict=True))
            base_rows.append(
                f"| `reader search {query}`, before (`{_commit(baseline)}`) | | "
                f"{_seconds(before)} | {statistics.median(before_cpu):.2f} s | | | "
                f"after is {speedup:.2f}× faster |")
    rows += base_rows
    _, out, _ = _timed(_reader("search", QUERIES[-1], "--json", "--limit", "1",
                               "--library", str(lib)), env)
    hit = json.loads(out)["hits"][0]["id"] if out.strip() else ""
    if hit:
        shown, cpu = [], []
        for _ in range(RUNS):
            t, _, c = _timed(_reader("show", hit, "--library", str(lib)), env)
            shown.append(t)
            cpu.append(c)
        rows.append(f"| `reader show {hit}` | one article | {_seconds(shown)} | "
                    f"{statistics.median(cpu):.2f} s | | | |")
    return rows


def _window_run(lib: Path, home: Path, wait_ms: int, cwd: Path) -> dict[str, Any] | None:
    """One fresh process of the window (the reader of the folder ``cwd``), as ``_WINDOW``."""
    done = subprocess.run([sys.executable, "-c", _WINDOW, str(lib), repr(time.time()),
                           str(wait_ms)],
                          env=_env(home), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, check=False, cwd=cwd)
    lines = done.stdout.decode().strip().splitlines()
    return json.loads(lines[-1]) if lines else None


def window_rows(lib: Path, home: Path, wait_ms: int = 120_000) -> list[str]:
    runs: list[dict[str, Any]] = []
    before: list[dict[str, Any]] = []
    baseline = _baseline()
    _window_run(lib, home, wait_ms, ROOT)  # warm the page cache; the kept issue list written
    if baseline:
        _window_run(lib, home, wait_ms, baseline)  # (its own version of it)
    for _ in range(WINDOW_RUNS):
        run = _window_run(lib, home, wait_ms, ROOT)
        if run:
            runs.append(run)
        if baseline:
            old = _window_run(lib, home, wait_ms, baseline)
            if old:
                before.append(old)
    if not runs:
        return ["| the window | did not start | | |"]

    def med(key: str, of: list[dict[str, Any]]) -> str:
        values = [r[key] for r in of if key in r]
        return f"{statistics.median(values):.2f} s (max {max(values):.2f})" if values else "—"

    def cpu(key: str, of: list[dict[str, Any]]) -> str:
        values = [r[key] for r in of if key in r]
        return f"{statistics.median(values):.2f} s" if values else "—"

    walking = sum(bool(r.get("walking_at_ready")) for r in runs)
    rows = [
        f"| issue list and calendar filled, window painted | {med('usable', runs)} | "
        f"{cpu('usable_cpu', runs)} | {runs[0].get('issues', 0)} papers listed | {len(runs)} |",
        f"| search ready | {med('search_ready', runs)} | {cpu('ready_cpu', runs)} | the walk "
        f"still going on in {walking} of {len(runs)} runs | {len(runs)} |",
    ]
    if baseline and before:
        rows += [
            f"| issue list and calendar filled, window painted, before (`{_commit(baseline)}`) "
            f"| {med('usable', before)} | {cpu('usable_cpu', before)} | | {len(before)} |",
            f"| search ready, before (`{_commit(baseline)}`) | {med('search_ready', before)} | "
            f"{cpu('ready_cpu', before)} | | {len(before)} |",
        ]
    return rows


def run(options: Any) -> str:
    articles = (10_000 if getattr(options, "quick", False)
                else 1_000_000 if getattr(options, "large", False) else 200_000)
    catalog_only = os.environ.get("BENCH_START_CATALOG_ONLY") == "1"
    if catalog_only:
        base = Path(os.environ.get("BENCH_START_DIR", HERE / "out"))
        lib, home, took = base / f"lib-{articles}", base / f"home-{articles}", float("nan")
    else:
        lib, home, took = prepare(articles)
    from benchmarks.generate import read_info

    info = read_info(lib)
    pages = info.pages if info else 0
    before = ("read before, no index: the window starts building it" if catalog_only
              else "and the index built before")
    walk = ("not run for this section" if catalog_only
            else f"{took:.1f} s in this run, before any search")
    lines = [
        f"## Start without a walk ({articles:,} articles)",
        "",
        "`python -m benchmarks --only start` (`--large`: 1,000,000 articles). "
        f"A generated library of {articles:,} articles on {pages:,} page files, read and "
        f"{'not indexed (its catalog only)' if catalog_only else 'indexed'} beforehand; then "
        "a user's next start on the unchanged library. Before this "
        "change every command first walked and stat'ed every file as `reader index` still "
        f"does: {walk}. Each figure is a fresh "
        f"process, median of {RUNS} (window: {WINDOW_RUNS}); `grep -rl` runs over the same "
        "folder in the same run, alternating with the reader, and the ratio is taken per "
        "pair. Other sessions share this machine's two cores: the figures are noisy, the "
        "ratios less so. The modules are byte-compiled, as an installed reader's are (a "
        "shell with `PYTHONDONTWRITEBYTECODE` would compile some 40 modules in every "
        "start, 0.1–0.2 s)."
        + (" A row marked before runs another checkout of the reader "
           "(`BENCH_START_BASELINE`) on the same index, alternating with this one; its last "
           "column is the ratio of the two, taken per run." if _baseline() else ""),
        "",
        "| command | hits | end to end | CPU | `grep -rl` | grep's CPU | grep / reader |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(["| (not measured: no index of this size was built for this run) | | | | | | |"]
          if catalog_only else search_rows(lib, home)),
        "",
        "The window, from the process's start (offscreen, a fresh process; the catalog "
        f"{before}):",
        "",
        "| measure | median | CPU | note | runs |",
        "|---|---:|---:|---|---:|",
        *window_rows(lib, home, 20_000 if catalog_only else 120_000),
        "",
        "Targets (issue 19): `reader search` ≤ 0.3 s at 200,000 articles, ≤ 0.5 s and ≥ 5× "
        "faster than grep at 1,000,000; the window's issue list usable ≤ 1 s and search "
        "ready ≤ 2 s, waiting for no walk.",
        "",
        f"_This size measured {time.strftime('%Y-%m-%d %H:%M')}; load average at the end "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores._",
    ]
    sections = {**_other_sizes(articles), articles: "\n".join(lines)}
    return "\n\n".join(sections[size] for size in sorted(sections))


def _other_sizes(articles: int) -> dict[int, str]:
    """The sections of the other sizes from the last ``start.md``, kept as they were."""
    try:
        text = (HERE / "results" / "start.md").read_text(encoding="utf-8")
    except OSError:
        return {}
    kept = {}
    for part in text.split("## Start without a walk (")[1:]:
        size = part.split(" ", 1)[0].replace(",", "")
        if size.isdigit() and int(size) != articles:
            body = "\n".join(line for line in part.splitlines() if not line.startswith("_Run "))
            kept[int(size)] = "## Start without a walk (" + body.rstrip()
    return kept


if __name__ == "__main__":
    print(run(type("Options", (), {"quick": "--quick" in sys.argv,
                                    "large": "--large" in sys.argv})()))
