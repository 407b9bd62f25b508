"""Warm query latency on a built index, ours against the benchmark's peer in the same run.

``python -m benchmarks.query_latency OUT LIBRARY [--rounds N] [--size N] [--json]``: ``OUT``
holds ``index-N.sqlite3`` (with its engine folder), ``catalog-N.sqlite`` (the hits' texts),
``peer-N`` and ``queries-N.json`` as ``bench_search`` leaves them; ``bench_search`` runs it
as a fresh process for its latency columns (``--json``: every query's seconds by class).
Every query runs ``--rounds`` times, ours and the peer's interleaved (which goes first
alternates), and a query's time is its median over the rounds, so that one stall of a noisy
machine does not decide a class's 95th percentile. Ours is also
split into its stages, as ``SearchIndex.search`` runs them: the query (parsing, jieba's cut,
the engine's query), the engine's search and the page of hits.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import tantivy

from benchmarks.peer_tantivy import PlainTantivy
from reader.corpus.catalog import Catalog
from reader.search.index import SearchIndex, _count
from reader.search.matches import stored
from reader.search.query import parse_query
from reader.search.snippets import SNIPPET_CHARS

STAGES = ("query", "engine", "hits")


def _peer(folder: Path) -> PlainTantivy:
    peer = object.__new__(PlainTantivy)
    peer.index = tantivy.Index.open(str(folder))
    peer.index.register_tokenizer(
        "pairs", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    peer.schema = peer.index.schema
    return peer


def _staged(idx: SearchIndex, text: str, limit: int = 20) -> dict[str, float]:
    """``idx.search(text, limit)`` step by step, with each step's seconds."""
    t0 = time.perf_counter()
    parsed = parse_query(text)
    order = idx._order(parsed, "relevance")
    searcher = idx._searcher()
    parsed, q = idx._query(searcher, parsed, None, None, None)
    t1 = time.perf_counter()
    res = idx._run(searcher, q, limit, count=True, offset=0, **order)
    _count(res)
    t2 = time.perf_counter()
    scored = not order
    shown = res.hits[:limit]
    metas = [stored(searcher, addr) for _, addr in shown]
    for (key, _), meta, article in zip(shown, metas, idx._articles(metas), strict=True):
        idx._hit(meta, article, parsed, float(key) if scored else 0.0, SNIPPET_CHARS)
    t3 = time.perf_counter()
    return {"query": t1 - t0, "engine": t2 - t1, "hits": t3 - t2, "total": t3 - t0}


def _pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(len(v) * p / 100))] * 1000


def _ours(idx: SearchIndex, peer: PlainTantivy, cls: str, text: str,
          ours: list[dict[str, float]], theirs: list[float]) -> None:
    ours.append(_staged(idx, text))


def _theirs(idx: SearchIndex, peer: PlainTantivy, cls: str, text: str,
            ours: list[dict[str, float]], theirs: list[float]) -> None:
    if cls != "filtered":  # the peer has no filters
        t = time.perf_counter()
        peer.search(text, 20)
        theirs.append(time.perf_counter() - t)


def measure(idx: SearchIndex, peer: PlainTantivy, queries: list[tuple[str, str]],
            rounds: int) -> tuple[dict[str, list[dict[str, float]]], dict[str, list[float]]]:
    """Per class: our per-query median stages, the peer's per-query median seconds."""
    ours: dict[int, list[dict[str, float]]] = defaultdict(list)
    theirs: dict[int, list[float]] = defaultdict(list)
    for _ in range(2):  # warm both (caches, the words file, the OS's pages)
        for cls, text in queries:
            idx.search(text, limit=20)
            if cls != "filtered":
                peer.search(text, 20)
    for rnd in range(rounds):
        for i, (cls, text) in enumerate(queries):
            order = [_ours, _theirs] if (i + rnd) % 2 else [_theirs, _ours]
            for call in order:
                call(idx, peer, cls, text, ours[i], theirs[i])
    by_class: dict[str, list[dict[str, float]]] = defaultdict(list)
    peer_class: dict[str, list[float]] = defaultdict(list)
    for i, (cls, _) in enumerate(queries):
        by_class[cls].append({k: statistics.median(r[k] for r in ours[i])
                              for k in (*STAGES, "total")})
        if theirs[i]:
            peer_class[cls].append(statistics.median(theirs[i]))
    return by_class, peer_class


def table(by_class: dict[str, list[dict[str, float]]], peer_class: dict[str, list[float]]) -> str:
    rows = ["| class | ours p50 | ours p95 | peer p50 | peer p95 | query p95 | engine p95 "
            "| hits p95 |", "|---|---|---|---|---|---|---|---|"]
    every = [r for v in by_class.values() for r in v]
    every_peer = [x for v in peer_class.values() for x in v]
    groups = [*by_class.items(), ("all", every)]
    for cls, recs in groups:
        p = every_peer if cls == "all" else peer_class.get(cls, [])
        tot = [r["total"] for r in recs]
        peer_cells = f"{_pct(p, 50):.1f} | {_pct(p, 95):.1f}" if p else "– | –"
        stages = " | ".join(f"{_pct([r[s] for r in recs], 95):.1f}" for s in STAGES)
        rows.append(f"| {cls} | {_pct(tot, 50):.1f} | {_pct(tot, 95):.1f} | {peer_cells} "
                    f"| {stages} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.query_latency")
    ap.add_argument("out", type=Path)
    ap.add_argument("library", type=Path)
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", nargs="*", help="classes to run")
    ap.add_argument("--json", action="store_true", help="print the seconds, not a table")
    o = ap.parse_args(argv)
    idx = SearchIndex(o.out / f"index-{o.size}.sqlite3", o.library,
                      Catalog(o.library, o.out / f"catalog-{o.size}.sqlite"))
    peer = _peer(o.out / f"peer-{o.size}")
    queries = [(c, q) for c, q in json.loads((o.out / f"queries-{o.size}.json").read_text())
               if not o.only or c in o.only]
    by_class, peer_class = measure(idx, peer, queries, o.rounds)
    if o.json:
        print(json.dumps({"ours": {c: [r["total"] for r in v] for c, v in by_class.items()},
                          "peer": peer_class}))
    else:
        print(table(by_class, peer_class))
    return 0


if __name__ == "__main__":
    sys.exit(main())
