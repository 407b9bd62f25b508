"""The shared archive on PostgreSQL: import, exact search in the database, against the
desktop index on the same generated library in the same run; then a load of concurrent
clients while an import runs.

A throwaway PostgreSQL cluster (the system's server, fsync on) holds a generated library
(``benchmarks.generate``). Every query of ``bench_search``'s classes runs three ways: the
archive's search (top 20 with snippets and the exact number of matches, a fresh connection
per process, warm cache), the desktop ``SearchIndex`` (top 20 with snippets), and two
candidate designs for finding the matches in PostgreSQL, counted in SQL: the GIN index over
characters and pairs with a ``strpos`` check (the one used) and pg_trgm's GIN with ``LIKE``
(the other one considered). The match sets of the archive and of the desktop index are
compared query by query.

Since schema 3 the archive ranks without reading the matches' bodies: the terms of all groups
are one ``tsquery`` the GIN index answers alone (schema 2 re-tested every candidate's vector,
which meant unpacking it), the body's whole words are lexemes of the same index, and where
the matches holding a term in their headline or byline fill the page and outrank what a body
match can score, only they are ranked. (One difference from schema 2's score: a term counts
as in the body, a quarter of the body's weight, wherever in the article it is.) The number
of matches stays exact.

Load: client processes, each its own PostgreSQL role, loop for a fixed time — a search (top
20 with snippets), opening one of its hits, bookmarking it — while the main process imports
new issues. Afterwards every bookmark a client was told was saved is looked up as its role.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.bench_search import _pct, make_queries
from benchmarks.generate import (
    LAST_DAY,
    PAPERS,
    PLANTED,
    _material,
    _Writer,
    generate_library,
    read_info,
    write_issue,
)
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, parse_query
from reader.search.scan import ScanDoc
from reader.server import schema
from reader.server.bookmarks import ServerBookmarks
from reader.server.catalog import ServerCatalog
from reader.server.connection import Archive
from reader.server.importer import import_library
from reader.server.schema import grant_reader
from reader.server.search import ServerSearch
from reader.server.tokens import all_of, term_grams
from tests.server.cluster import Cluster


def _ms(values: list[float]) -> str:
    return f"{_pct(values, 50) * 1000:.1f} / {_pct(values, 95) * 1000:.1f}"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Prepared:
    """An archive imported beforehand (``READER_BENCH_ARCHIVE``: a JSON file naming the
    cluster's socket folder and port, the library, its catalog and desktop index, and the
    seconds the import and the index build took): the 100,000-article run without its
    half hour of import, on a machine shared with others."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.host, self.port = data["host"], int(data["port"])
        self.root, self.catalog = Path(data["root"]), Path(data["catalog"])
        self.index = Path(data["index"])
        self.import_s, self.index_s = float(data["import_s"]), float(data["index_s"])
        self.pages = int(data["pages"])
        self.note = str(data.get("note", ""))

    def url(self, db: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@/{db}?host={self.host}&port={self.port}"


def bench_size(cluster: Cluster | Prepared, n: int, work: Path, every: int = 1
               ) -> tuple[list[str], Path, list[str]]:
    url = cluster.url()
    archive = Archive.open(url)
    if isinstance(cluster, Prepared):
        root, pages = cluster.root, cluster.pages
        info = read_info(root)
        assert info is not None
        catalog = Catalog(root, cluster.catalog)
        import_s, index_s = cluster.import_s, cluster.index_s
        note = cluster.note
        index = SearchIndex(cluster.index, root)
        catalog.sync()  # pages an earlier run's load imported: into the desktop index too
        index.update(catalog)
        import_library(archive, root, catalog=catalog)
    else:
        note = ""
        root = work / f"lib{n}"
        info = generate_library(root, n)
        schema.migrate(archive)
        catalog = Catalog(root, work / f"catalog{n}.sqlite")
        catalog.sync()
        start = time.perf_counter()
        pages = import_library(archive, root, catalog=catalog).added
        import_s = time.perf_counter() - start
        index = SearchIndex(work / f"index{n}.sqlite3", root)
        start = time.perf_counter()
        index.update(catalog)
        index_s = time.perf_counter() - start
    docs = [ScanDoc.of(a) for a in catalog.articles()]
    made = make_queries(docs, info.papers, PLANTED)
    queries = [q for k, q in enumerate(made)  # every ``every``-th query of each class
               if [x.cls for x in made[:k]].count(q.cls) % every == 0]
    server = ServerSearch(archive)
    conn = archive.conn()
    trgm = not isinstance(cluster, Prepared)  # its index takes minutes to build at 100,000
    trgm_note = "pg_trgm not measured in this run"
    if trgm:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        start = time.perf_counter()
        conn.execute("CREATE INDEX IF NOT EXISTS trgm ON reader.articles "
                     "USING gin (body_f gin_trgm_ops)")
        conn.commit()
        trgm_s = time.perf_counter() - start
        ((size_trgm,),) = conn.execute("SELECT pg_relation_size('reader.trgm')").fetchall()
        trgm_note = (f"pg_trgm's GIN on the body: {size_trgm / 2**20:.0f} MB, "
                     f"built in {trgm_s:.0f} s")
    ((size_db,),) = conn.execute("SELECT pg_database_size(current_database())").fetchall()
    ((size_tok,),) = conn.execute("SELECT pg_relation_size('reader.articles_tokens')").fetchall()
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
            conn.execute("SET LOCAL enable_seqscan = off")  # as the archive's search does
            conn.execute("SELECT count(*) FROM reader.articles WHERE tokens @@ %s::tsquery "
                         "AND strpos(body_f, %s) > 0", (all_of(term_grams(text)), text))
            row["grams"].append(time.perf_counter() - t)
            conn.rollback()
            if not trgm:
                continue
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM reader.articles WHERE body_f LIKE %s",
                         (_like(text),))
            row["trgm"].append(time.perf_counter() - t)
            conn.rollback()
    lines = [
        f"**{n:,} articles** ({pages:,} pages): import {import_s:.0f} s "
        f"({n / import_s:.0f} articles/s, one transaction a page), desktop index build "
        f"{index_s:.0f} s{f' (both beforehand, {note})' if not trgm else ''}; database "
        f"{size_db / 2**20:.0f} MB, of which the gram GIN {size_tok / 2**20:.0f} MB "
        f"({trgm_note}).",
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
    return lines, root, [[q.cls, q.text] for q in queries]


def client(url: str, seconds: float, out: str, seed: int, queries: list[list[str]]) -> None:
    """One load client: search, open a hit, bookmark it, until the time is up."""
    rnd = random.Random(seed)
    archive = Archive.open(url)
    search, catalog = ServerSearch(archive), ServerCatalog(archive)
    marks = ServerBookmarks(archive)
    result: dict[str, list[float] | list[str] | int] = {
        "search": [], "classes": [], "open": [], "write": [], "acked": [], "errors": 0}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            cls, text = rnd.choice(queries)
            t = time.perf_counter()
            res = search.search(text, limit=20)
            result["search"].append(time.perf_counter() - t)  # type: ignore[union-attr]
            result["classes"].append(cls)  # type: ignore[union-attr]
            if not res.hits:
                continue
            t = time.perf_counter()
            article = catalog.article(rnd.choice(res.hits).id)
            result["open"].append(time.perf_counter() - t)  # type: ignore[union-attr]
            if article is None:
                continue
            t = time.perf_counter()
            marks.add(article, note=f"load {seed}")
            result["write"].append(time.perf_counter() - t)  # type: ignore[union-attr]
            result["acked"].append(article.id)  # type: ignore[union-attr]
        except Exception as err:  # counted and reported: none are expected
            result["errors"] = int(result["errors"]) + 1  # type: ignore[call-overload]
            print(f"client {seed}: {err}", file=sys.stderr)
    Path(out).write_text(json.dumps(result), encoding="utf-8")
    archive.close()


def load(cluster: Cluster | Prepared, root: Path, work: Path, clients: int, seconds: float,
         queries: list[list[str]]) -> list[str]:
    catalog = Catalog(root, cluster.catalog if isinstance(cluster, Prepared)
                      else work / "load-catalog.sqlite")
    catalog.sync()
    db = "postgres"
    admin = Archive.open(cluster.url(db))
    with admin.transaction() as conn:
        for k in range(clients):
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                (f"load_{k}",)).fetchone():
                conn.execute(f"CREATE ROLE load_{k} LOGIN")
    for k in range(clients):
        grant_reader(admin, f"load_{k}")
    (work / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    procs = []
    for k in range(clients):
        procs.append(subprocess.Popen([
            sys.executable, "-m", "benchmarks.bench_server", cluster.url(db, f"load_{k}"),
            str(seconds), str(work / f"client{k}.json"), str(k), str(work / "queries.json")]))
    writer = _Writer(random.Random(9), _material(), {}, 44 * 1000)
    # New issues each run, after those an earlier run on the same library brought.
    issues = len(list((root / "arrivals").rglob("*.txt"))) // 8
    start = time.monotonic()
    imported, first = 0, issues
    while time.monotonic() - start < seconds:  # new issues arrive and are imported
        for _ in range(3):
            issues += 1
            write_issue(root / "arrivals", PAPERS[issues % len(PAPERS)],
                        LAST_DAY + dt.timedelta(days=issues), 20000 + issues, 44, writer, 0)
        imported += import_library(admin, root, catalog=catalog).added
    for p in procs:
        p.wait()
    results = [json.loads((work / f"client{k}.json").read_text(encoding="utf-8"))
               for k in range(clients)]
    searches = [v for r in results for v in r["search"]]
    by_class: dict[str, list[float]] = defaultdict(list)
    for r in results:
        for cls, v in zip(r["classes"], r["search"], strict=True):
            by_class[cls].append(v)
    writes = [v for r in results for v in r["write"]]
    opens = [v for r in results for v in r["open"]]
    errors = sum(r["errors"] for r in results)
    acked = sum(len(set(r["acked"])) for r in results)
    present = 0
    for k, r in enumerate(results):
        with ServerBookmarks(Archive.open(cluster.url(db, f"load_{k}"))) as marks:
            have = {b.article_id for b in marks.list()}
        present += len(set(r["acked"]) & have)
    admin.close()
    return [
        f"**Load**: {clients} client processes for {seconds:.0f} s while {imported} new pages "
        f"({issues - first} issues) were imported: {len(searches)} searches, p50 / p95 "
        f"{_ms(searches)} ms; {len(opens)} articles opened, {_ms(opens)} ms; {len(writes)} "
        f"bookmark writes, {_ms(writes)} ms; {errors} errors; {present} of {acked} "
        "acknowledged bookmarks present afterwards. Searches by class (count, p50 / p95 ms): "
        + "; ".join(f"{cls} {len(v)}, {_ms(v)}" for cls, v in by_class.items()) + ".",
    ]


def run(options: argparse.Namespace, size: int | None = None, title: str = "") -> str:
    """The measurements at 10,000 articles (``--quick``: 1,000), or at ``size``."""
    sizes = [size] if size else [1000] if options.quick else [10_000]
    prepared = os.environ.get("READER_BENCH_ARCHIVE")
    cluster: Cluster | Prepared
    if prepared and size:
        cluster = Prepared(Path(prepared))
    else:
        cluster = Cluster(fast=False)
        cluster.start()
    lines = [title or "## The shared archive (PostgreSQL)", "",
             __doc__.split("\n\n", 1)[1].strip(), ""]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for n in sizes:
                # At 100,000 articles a third of the queries (12 a class) keeps the run
                # within the hour.
                found, root, queries = bench_size(cluster, n, Path(tmp),
                                                  every=3 if n >= 100_000 else 1)
                lines += [*found, ""]
            clients, seconds = (4, 20.0) if options.quick else (20, 120.0)
            lines += [*load(cluster, root, Path(tmp), clients, seconds, queries), ""]
    finally:
        if isinstance(cluster, Cluster):
            cluster.remove()
    lines.append("The load runs on the library measured above. 100,000 articles: "
                 "`python -m benchmarks --only server_large`.")
    return "\n".join(lines)


if __name__ == "__main__":
    client(sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
           json.loads(Path(sys.argv[5]).read_text(encoding="utf-8")))
