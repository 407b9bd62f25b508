"""The shared archive on PostgreSQL: import, exact search in the database, against the
desktop index on the same generated library in the same run.

A throwaway PostgreSQL cluster (the system's server, fsync on) holds a generated library
(``benchmarks.generate``). Every query of ``bench_search``'s classes runs three ways: the
archive's search (top 20 with snippets, a fresh connection per process, warm cache), the
desktop ``SearchIndex`` (top 20 with snippets), and two candidate designs for finding the
matches in PostgreSQL, counted in SQL: the GIN index over characters and pairs with a
``strpos`` check (the one used) and pg_trgm's GIN with ``LIKE`` (the other one considered).
The match sets of the archive and of the desktop index are compared query by query.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.bench_search import _pct, make_queries
from benchmarks.generate import PLANTED, generate_library
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, parse_query
from reader.search.scan import ScanDoc
from reader.server import schema
from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.search import ServerSearch
from reader.server.tokens import all_of, term_grams
from tests.server.cluster import Cluster


def _ms(values: list[float]) -> str:
    return f"{_pct(values, 50) * 1000:.1f} / {_pct(values, 95) * 1000:.1f}"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def bench_size(cluster: Cluster, n: int, work: Path) -> list[str]:
    root = work / f"lib{n}"
    info = generate_library(root, n)
    url = cluster.url()
    archive = Archive.open(url)
    schema.migrate(archive)
    catalog = Catalog(root, work / f"catalog{n}.sqlite")
    catalog.sync()
    start = time.perf_counter()
    stats = import_library(archive, root, catalog=catalog)
    import_s = time.perf_counter() - start
    index = SearchIndex(work / f"index{n}.sqlite3", root)
    start = time.perf_counter()
    index.update(catalog)
    index_s = time.perf_counter() - start
    docs = [ScanDoc.of(a) for a in catalog.articles()]
    queries = make_queries(docs, info.papers, PLANTED)
    server = ServerSearch(archive)
    conn = archive.conn()
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    start = time.perf_counter()
    conn.execute("CREATE INDEX IF NOT EXISTS trgm ON reader.articles "
                 "USING gin (body_f gin_trgm_ops)")
    conn.commit()
    trgm_s = time.perf_counter() - start
    ((size_db,),) = conn.execute("SELECT pg_database_size(current_database())").fetchall()
    ((size_tok,),) = conn.execute("SELECT pg_relation_size('reader.articles_tokens')").fetchall()
    ((size_trgm,),) = conn.execute("SELECT pg_relation_size('reader.trgm')").fetchall()
    conn.execute("ANALYZE reader.articles")
    conn.commit()
    by_class: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    same = defaultdict(int)
    for q in queries:
        parsed = parse_query(q.text)
        row = by_class[q.cls]
        t = time.perf_counter()
        res = server.search(parsed, limit=20)
        row["server"].append(time.perf_counter() - t)
        t = time.perf_counter()
        index.search(parsed, limit=20)
        row["desktop"].append(time.perf_counter() - t)
        ours = set(server.matching_ids(parsed))
        same[q.cls] += ours == set(index.matching_ids(parsed)) and res.total == len(ours)
        if len(parsed.groups) == 1 and len(parsed.groups[0]) == 1 and not (
                parsed.papers or parsed.dates):
            text = parsed.groups[0][0].text
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM reader.articles WHERE tokens @@ %s::tsquery "
                         "AND strpos(body_f, %s) > 0", (all_of(term_grams(text)), text))
            row["grams"].append(time.perf_counter() - t)
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM reader.articles WHERE body_f LIKE %s",
                         (_like(text),))
            row["trgm"].append(time.perf_counter() - t)
            conn.rollback()
    lines = [
        f"**{n:,} articles** ({stats.added:,} pages): import {import_s:.0f} s "
        f"({n / import_s:.0f} articles/s, one transaction a page), desktop index build "
        f"{index_s:.0f} s; database {size_db / 2**20:.0f} MB, of which the gram GIN "
        f"{size_tok / 2**20:.0f} MB (pg_trgm's GIN on the body: {size_trgm / 2**20:.0f} MB, "
        f"built in {trgm_s:.0f} s).",
        "",
        "| class | queries | identical match sets | archive p50 / p95 ms | desktop p50 / p95 ms "
        "| gram GIN + strpos count p50 / p95 | pg_trgm LIKE count p50 / p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    for cls, row in by_class.items():
        count = len(row["server"])
        lines.append(
            f"| {cls} | {count} | {same[cls]} / {count} | {_ms(row['server'])} | "
            f"{_ms(row['desktop'])} | {_ms(row['grams']) if row['grams'] else '—'} | "
            f"{_ms(row['trgm']) if row['trgm'] else '—'} |")
    all_server = [v for r in by_class.values() for v in r["server"]]
    all_desktop = [v for r in by_class.values() for v in r["desktop"]]
    lines += ["", f"All queries: archive median {statistics.median(all_server) * 1000:.1f} ms, "
              f"desktop {statistics.median(all_desktop) * 1000:.1f} ms; "
              f"{sum(same.values())} of {len(queries)} match sets identical."]
    archive.close()
    return lines


def run(options: argparse.Namespace) -> str:
    sizes = [1000] if options.quick else [10_000]
    cluster = Cluster(fast=False)
    cluster.start()
    lines = ["## The shared archive (PostgreSQL)", "", __doc__.split("\n\n", 1)[1].strip(), ""]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                lines += bench_size(cluster, n, Path(tmp))
                lines.append("")
    finally:
        cluster.remove()
    lines.append(
        "Not measured yet: 100,000 articles (the import writes about 60 articles a second "
        "here, so half an hour) and the load run of 20 concurrent clients.")
    return "\n".join(lines)
