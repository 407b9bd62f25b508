"""Bookmark import: 100,000 entries into a bookmark store, against the one-by-one baseline.

The files are written as ``BookmarkStore.export_json`` writes them (uid, note, tags, added,
the remembered article and a citation), with made-up articles: four papers, ten years of
dates, pages 1–8, titles and body openings drawn from the characters of the bundled pages,
so that no two articles look alike. Measured: a file with ids into an empty store; the same
file again (every entry already there); a file of the same articles without ids or uids
(matched by paper, date, page, title and body); and the baseline, the rule a single
bookmark is added by (``match_row`` for each entry: the import before issue 12), at 2,000
and 4,000 entries. Each figure is the whole ``import_json`` call: reading and checking the
JSON, matching, writing, and the rolling backup after the commit; wall clock and CPU time
(the machine is shared, so the two differ). ``BENCH_IMPORT_SIZE=N`` changes the size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.bookmarks import BookmarkStore
from reader.bookmarks.bookmark import add_tags, insert_row, match_row
from reader.bookmarks.validate import incoming
from reader.corpus.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
PAPERS = ("钱塘新区报", "上城报", "萧山日报", "余杭晨报")
TARGET_S = 10.0


def _alphabet() -> list[str]:
    text = "".join(a.body for a in Catalog.read(ROOT / "corpus").articles())
    return sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})


def entries(count: int, *, ids: bool, seed: int = 12) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    chars = _alphabet()
    start = dt.date(2013, 1, 1)
    out = []
    for n in range(count):
        title = "".join(rng.choices(chars, k=rng.randint(8, 18)))
        article = {
            "id": f"{n:012x}" if ids else None,
            "paper": PAPERS[n % len(PAPERS)],
            "date": (start + dt.timedelta(days=rng.randrange(3650))).isoformat(),
            "page": rng.randint(1, 8), "kicker": None, "title": title, "subtitle": None,
            "display_title": title, "byline": "本报记者 " + "".join(rng.choices(chars, k=3)),
            "body_prefix": "".join(rng.choices(chars, k=80)), "source": f"page-{n}.txt",
        }
        out.append({
            "uid": f"{n:032x}" if ids else None, "note": f"笔记 {n}" if n % 3 == 0 else "",
            "tags": [f"标签{n % 20}"] if n % 2 == 0 else [],
            "added": "2024-05-01T09:30:00+00:00", "updated": "2024-05-01T09:30:00+00:00",
            "article": article,
            "citation": {"gbt7714": f"{title}[N]. {article['paper']}, {article['date']}."},
        })
    return out


def write(path: Path, items: list[dict[str, Any]]) -> Path:
    doc = {"format": "newspaper-reader-bookmarks", "version": 1, "bookmarks": items}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def timed_import(store: BookmarkStore, path: Path) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds of one import, and its summary."""
    start, cpu = time.perf_counter(), time.process_time()
    report = store.import_json(path)
    return time.perf_counter() - start, time.process_time() - cpu, report.summary()


def baseline(folder: Path, items: list[dict[str, Any]]) -> float:
    """The import before issue 12: each entry looked up with ``match_row`` (a scan of the
    bookmarks of its paper), in one transaction; the same checks and writes."""
    conn = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    conn.row_factory = sqlite3.Row
    BookmarkStore.open(folder / "baseline.sqlite3", keep_backup=False).close()
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for data in items:
        item = incoming(data)
        if match_row(conn, item.ref, item.uid) is None:
            bid = insert_row(conn, item.ref, item.note, uid=item.uid, added=item.added)
            add_tags(conn, bid, item.tags)
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    conn.close()
    return took


def run(options: argparse.Namespace) -> str:
    size = 5_000 if options.quick else 100_000
    size = int(os.environ.get("BENCH_IMPORT_SIZE", size))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        with_ids = write(folder / "with-ids.json", entries(size, ids=True))
        without = write(folder / "without-ids.json", entries(size, ids=False))
        mb = with_ids.stat().st_size / 1e6
        print(f"import benchmark: {size:,} entries ({mb:.0f} MB)", file=sys.stderr)
        with BookmarkStore.open(folder / "a.sqlite3") as store:
            rows.append(("with ids, into an empty store", size, *timed_import(store, with_ids)))
            rows.append(("the same file again", size, *timed_import(store, with_ids)))
        with BookmarkStore.open(folder / "b.sqlite3") as store:
            rows.append(("without ids or uids, into an empty store", size,
                         *timed_import(store, without)))
            rows.append(("the same file again (matched by content)", size,
                         *timed_import(store, without)))
        base = []
        for n in (1_000, 2_000):
            sub = folder / f"base-{n}"
            sub.mkdir()
            base.append((n, baseline(sub, entries(n, ids=True))))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    first, first_cpu = rows[0][2], rows[0][3]
    verdict = ("met" if first < TARGET_S else
               "met in CPU time, not on the wall clock" if first_cpu < TARGET_S else "NOT met")
    (n1, b1), (n2, b2) = base
    lines = [
        "## Bookmark import",
        "",
        "`python -m benchmarks --only import`. Files written as `reader bookmarks export` "
        f"writes them ({size:,} entries, {mb:.0f} MB of JSON), made-up articles of four "
        "papers over ten years; each figure is one `BookmarkStore.import_json` call "
        "(read, check every field, match, write, rolling backup).",
        "",
        f"{size:,} entries with ids into an empty store: **{first:.1f} s** wall clock, "
        f"{first_cpu:.1f} s of CPU (target: under {TARGET_S:.0f} s; "
        f"{verdict}). "
        f"Peak memory of the process: {peak:.0f} MB.",
        "",
        "| import | entries | seconds | CPU seconds | s per 1,000 | result |",
        "|---|---:|---:|---:|---:|---|",
        *(f"| {what} | {n:,} | {s:.2f} | {c:.2f} | {s / n * 1000:.3f} | {summary} |"
          for what, n, s, c, summary in rows),
        f"| baseline: one `match_row` per entry | {n1:,} | {b1:.2f} | | "
        f"{b1 / n1 * 1000:.3f} | |",
        f"| baseline: one `match_row` per entry | {n2:,} | {b2:.2f} | | "
        f"{b2 / n2 * 1000:.3f} | |",
        "",
        f"The baseline grows with the square of the entries ({n2:,} take {b2 / b1:.1f}× as "
        f"long as {n1:,}); at {size:,} it would take about "
        f"{b2 * (size / n2) ** 2 / 60:.0f} minutes. Other sessions share this machine's "
        "two cores, so timings are noisy.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    print(run(parser.parse_args()))
