"""Exporting 1,000 articles to one PDF and to one Word file: time, file size, peak memory.

The 1,000 articles are the seeds' 28 articles repeated in memory, each copy with its own id,
a numbered headline, a date moved forward by the copy number, and its paragraphs rotated, so
that the table of contents and the layout do real work. Each measurement runs in a fresh
process (``python -m benchmarks.bench_export --child FORMAT N``) so that its peak resident
memory is its own; the baseline is the same process after loading the articles (and Qt).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "html", "md")
RUNS = 3


def articles(count: int) -> list:  # type: ignore[type-arg]
    from reader.corpus.catalog import Catalog

    seeds = list(Catalog.read(ROOT / "corpus").articles())
    out = []
    for n in range(count):
        a = copy.deepcopy(seeds[n % len(seeds)])
        copy_no = n // len(seeds)
        a.id = f"{a.id}-{n}"
        a.title = f"{a.title or a.display_title}（{n + 1}）"
        if a.date is not None:
            a.date = a.date + dt.timedelta(days=copy_no)
        shift = copy_no % max(len(a.paragraphs), 1)
        a.paragraphs = a.paragraphs[shift:] + a.paragraphs[:shift]
        out.append(a)
    return out


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child(fmt: str, count: int) -> dict[str, float]:
    """Export ``count`` articles to one ``fmt`` file in this process and report figures."""
    from reader.export import export_articles

    items = articles(count)
    if fmt == "pdf":
        from reader.export.pdf_format import ensure_gui_application

        ensure_gui_application()
    base = _rss_mib()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"bench.{fmt}"
        start = time.perf_counter()
        export_articles(items, out, fmt)
        took = time.perf_counter() - start
        size = out.stat().st_size
    return {"seconds": took, "bytes": size, "peak_mib": _rss_mib(), "base_mib": base}


def measure(fmt: str, count: int) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_export", "--child", fmt, str(count)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run(options: argparse.Namespace) -> str:
    count = 100 if getattr(options, "quick", False) else 1000
    runs = 1 if getattr(options, "quick", False) else RUNS
    rows = []
    for fmt in FORMATS:
        results = [measure(fmt, count) for _ in range(runs)]
        seconds = statistics.median(r["seconds"] for r in results)
        first = results[0]
        rows.append(
            f"| {fmt} | {count} | {seconds:.2f} s | {count / seconds:,.0f} | "
            f"{first['bytes'] / 1024 / 1024:.1f} MiB | {first['peak_mib']:.0f} MiB "
            f"(+{first['peak_mib'] - first['base_mib']:.0f}) |"
        )
    return "\n".join([
        "## Export",
        "",
        f"Exporting {count:,} articles to one document (`reader.export.export_articles`, table "
        "of contents, imprint line and GB/T 7714 citation per article). Median of "
        f"{runs} run(s), each in a fresh process.",
        "",
        "| format | articles | time | articles/s | file size | peak RSS (+ for the export) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        "The articles are the seeds' 28 repeated in memory with new ids, numbered headlines, "
        "shifted dates and rotated paragraphs. PDF: Qt's QTextDocument drawn page by page on a "
        "QPdfWriter (A4, 300 dpi, embedded CJK font subset); Word: python-docx. Peak RSS is the "
        "process's maximum resident memory; the figure in brackets is what the export added "
        "to the process after loading the articles (and Qt). The Word file is small because "
        "its zip compresses the 28 texts repeated; the PDF compresses each page on its own.",
    ])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "N"))
    args = parser.parse_args()
    if args.child:
        fmt, count = args.child
        print(json.dumps(child(fmt, int(count))))
        return 0
    print(run(argparse.Namespace(quick=False)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
