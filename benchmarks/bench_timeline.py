"""Timeline and names benchmark: a timeline of a 2-character query beside the plain search of
the same query, the name facets of all its hits, and what finding the names costs at indexing.

At 100,000 generated articles (``benchmarks.generate``: ten years, four papers): the index is
built once (``SearchIndex.update``, which tags the names after the search index), timing the
two parts apart; a 10,000-article part is also tagged on one core and on two, for the rate.
Then 2-character pieces of random paragraphs are each run as ``search(q, limit=20)`` (the
baseline, in the same run), ``timeline(index, [q])`` by year, month and week,
with occurrences, two queries compared, and ``names.top`` over every hit. A few timelines are
checked against a brute-force count of the articles.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.bench_search import _pct, make_queries
from benchmarks.generate import generate_library, read_info
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, parse_query
from reader.search.names import NameIndex, article_text
from reader.search.scan import ScanDoc, matches
from reader.search.timeline import timeline

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGET_MS = 150.0
RUNS = 40


class _Part:
    """A PageStore of some of a library's pages (for tagging a known number of articles)."""

    def __init__(self, lib: Catalog, pages: int) -> None:
        self.root = lib.root
        self._lib = lib
        self._names = sorted(lib.stamps())[:pages]

    def stamps(self) -> dict[str, str]:
        every = self._lib.stamps()
        return {n: every[n] for n in self._names}

    def page(self, source: str):  # type: ignore[no-untyped-def]
        return self._lib.page(source)


def _tag_rate(lib: Catalog, articles: int, workers: int) -> tuple[float, int]:
    """Seconds to find the names of about ``articles`` articles with ``workers`` processes."""
    per_page = max(1, len(list(lib.articles())) // max(1, len(lib.stamps())))
    part = _Part(lib, max(1, articles // per_page))
    path = OUT / f"names-rate-{workers}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    names = NameIndex(path)
    t0 = time.perf_counter()
    stats = names.update(part, workers=workers)
    took = time.perf_counter() - t0
    names.close()
    return took, stats.tagged


def _brute_years(docs: list[ScanDoc], query: str) -> Counter[str]:
    q = parse_query(query)
    return Counter(str(d.date.year) for d in docs if d.date is not None and matches(d, q))


def _ms(values: list[float]) -> str:
    return f"{_pct(values, 50) * 1000:.1f} / {_pct(values, 95) * 1000:.1f}"


def bench(n: int) -> tuple[list[str], dict[str, float]]:
    OUT.mkdir(exist_ok=True)
    root = OUT / f"library-{n}"
    info = read_info(root)
    if info is None or info.articles != n:
        info = generate_library(root, n)
    lib = Catalog.read(root, db_path=OUT / f"catalog-timeline-{n}.sqlite")
    articles = len(list(lib.articles()))
    chars = sum(len(article_text(a)) for a in lib.articles())
    print(f"  {articles} articles loaded", file=sys.stderr)

    path = OUT / f"timeline-index-{n}.sqlite3"
    index = SearchIndex(path, root)
    for p in (path, index.names.path):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{p}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    index.update(lib)
    build_s = time.perf_counter() - t0
    names_s = index.name_stats.seconds
    print(f"  built in {build_s:.0f} s (names {names_s:.0f} s)", file=sys.stderr)
    sample = min(10_000, articles)
    one_s, one_n = _tag_rate(lib, sample, 1)
    two_s, two_n = _tag_rate(lib, sample, 2)

    docs = [ScanDoc.of(a) for a in lib.articles()]
    rnd = random.Random(11)
    queries = [q.text for q in make_queries(docs, info.papers, info.planted)
               if q.cls == "2 chars"]
    rnd.shuffle(queries)
    queries = queries[:RUNS]
    times: dict[str, list[float]] = {k: [] for k in (
        "search", "year", "month", "week", "occurrences", "two", "facets")}
    hits = []
    t0 = time.perf_counter()
    index.top_names(queries[0], limit=5)  # the first one loads the names of every document
    facets_first = time.perf_counter() - t0
    for i, q in enumerate(queries):
        other = queries[(i + 1) % len(queries)]
        t0 = time.perf_counter()
        res = index.search(q, limit=20)
        times["search"].append(time.perf_counter() - t0)
        hits.append(res.total)
        for by in ("year", "month", "week"):
            t0 = time.perf_counter()
            timeline(index, [q], by=by)  # type: ignore[arg-type]
            times[by].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        timeline(index, [q], by="month", occurrences=True)
        times["occurrences"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        timeline(index, [q, other], by="month")
        times["two"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        index.top_names(q, limit=5)
        times["facets"].append(time.perf_counter() - t0)

    exact = True
    for q in queries[:5]:
        tl = timeline(index, [q], by="year")
        got = {p.label: c for p, c in zip(tl.periods, tl.series[0].articles, strict=True) if c}
        exact &= got == dict(_brute_years(docs, q))

    p95 = _pct(times["year"], 95) * 1000
    worst = max(_pct(times[k], 95) for k in ("year", "month", "week")) * 1000
    lines = [
        f"### {articles:,} articles ({chars / 1e6:.0f} M characters, "
        f"{info.first_date} – {info.last_date})",
        "",
        f"- full build with names: **{build_s:.0f} s**, of which finding the names "
        f"**{names_s:.0f} s** ({names_s / articles * 10_000:.1f} s per 10,000 articles, "
        "both cores)",
        f"- finding the names of {one_n:,} articles: {one_s:.1f} s on one core, "
        f"{two_s:.1f} s on two ({two_s / max(two_n, 1) * 10_000:.1f} s per 10,000)",
        f"- {len(queries)} two-character queries, median {_pct(hits, 50):,.0f} hits "
        f"(from {min(hits):,} to {max(hits):,})",
        f"- yearly timelines equal to a brute-force count of the articles: "
        f"{'yes' if exact else 'no'} (5 queries)",
        "",
        "| what | p50 / p95 ms |",
        "|---|---|",
        f"| `search(q, limit=20)` (the baseline) | {_ms(times['search'])} |",
        f"| timeline by year | {_ms(times['year'])} |",
        f"| timeline by month | {_ms(times['month'])} |",
        f"| timeline by week | {_ms(times['week'])} |",
        f"| timeline by month, with occurrences | {_ms(times['occurrences'])} |",
        f"| two queries compared, by month | {_ms(times['two'])} |",
        f"| name facets of every hit (`top_names`) | {_ms(times['facets'])} |",
        "",
        f"The first `top_names` after the names change loads every document's names into "
        f"memory: {facets_first:.1f} s.",
    ]
    ratio = _pct(times["year"], 95) / max(_pct(times["search"], 95), 1e-9)
    return lines, {"p95": p95, "worst": worst, "ratio": ratio, "build": build_s,
                   "names": names_s, "per10k": names_s / articles * 10_000}


def run(options: argparse.Namespace) -> str:
    n = 1_000 if options.quick else 100_000
    print(f"timeline benchmark at {n} articles", file=sys.stderr)
    lines, s = bench(n)
    verdict = (
        f"At {n:,}: a timeline of a 2-character query by year p95 **{s['p95']:.1f} ms** "
        f"({s['ratio']:.1f}× the plain search's p95 in the same run; by week or month at "
        f"most {s['worst']:.1f} ms); target ≤ {TARGET_MS:.0f} ms. Finding the names adds "
        f"{s['names']:.0f} s to the full build ({s['per10k']:.1f} s per 10,000 articles); "
        f"build with names {s['build']:.0f} s, target ≤ 120 s."
    )
    return "\n".join([
        "## Timeline and names",
        "",
        "`python -m benchmarks --only timeline`. The library of the search benchmark "
        "(`benchmarks/generate.py`). Each query is a 2-character piece of a random "
        "paragraph; every figure is measured in the same process, one after the other, "
        "so that the plain search is the baseline of the timeline. Names are found with "
        "rjieba's tagger after the search index is built (`SearchIndex.update`). Other "
        "sessions share the two cores, so timings are noisy.",
        "",
        verdict,
        "",
        *lines,
    ])


if __name__ == "__main__":
    print(run(argparse.Namespace(quick="--quick" in sys.argv)))
