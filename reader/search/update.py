"""Bringing the index up to date with a ``PageSource``: only new, changed and removed pages.

The stored stamp of each page file is compared with ``source.stamps()``. The articles of new
and changed files are analysed (``build.analyze``; on both cores when there is much to do)
into new segments, written as *staged*: searches do not see them yet. A last short
transaction *publishes*: the staged segments go live, the old articles of changed and removed
files are marked deleted, and the generation number moves on. A search therefore sees either
the index before the update or after it, never half of it.

A source that offers ``state()`` (the catalog: a token that changes whenever its files do)
has it recorded at each update; an update that finds the same token again has nothing to do
and returns without comparing any stamps.

A cancelled (or crashed) update leaves its finished staged segments behind; the next update
adopts those whose files have not changed since, and indexes the rest.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, wait
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..corpus.library import PageSource
from ..corpus.model import UNKNOWN_PAPER
from ..corpus.workers import process_pool
from . import store
from .build import SegmentData, analyze, tune_allocator
from .postings import encode_ints

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

SEGMENT_CHARS = 12_000_000
"""Characters per segment of a large build (about 12,000 articles)."""
SMALL_SEGMENT = 2_000
MAX_SMALL_SEGMENTS = 8
"""Once this many segments of fewer than SMALL_SEGMENT articles pile up (one per small
update), their pages are indexed again as one segment, so that a search reads few rows."""
PARALLEL_CHARS = 3_000_000
"""Below this much text, an update runs in the calling thread (no worker start-up)."""


@dataclass(frozen=True)
class UpdateStats:
    """What an update did: articles of new, changed and removed page files."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    articles: int = 0
    """Articles in the index afterwards."""
    seconds: float = 0.0
    cancelled: bool = False
    rebuilt: str | None = None
    """Why the index was started anew, if it was."""


@dataclass
class _Doc:
    source: str
    article_id: str
    position: int
    paper: str
    date: int
    page: int | None
    kicker: str | None
    title: str | None
    subtitle: str | None
    byline: str | None
    body: str
    display_title: str

    def texts(self) -> tuple[str, str, str]:
        head = "\n".join(x for x in (self.kicker, self.title, self.subtitle) if x)
        return head, self.byline or "", self.body


@dataclass
class _Batch:
    sources: dict[str, str]
    docs: list[_Doc]


def _docs_of(source: PageSource, name: str) -> list[_Doc]:
    page = source.page(name)
    if page is None:
        return []
    docs = []
    for a in page.articles:
        day: dt.date | None = a.date
        docs.append(_Doc(
            source=name, article_id=a.id, position=a.position,
            paper=a.paper or UNKNOWN_PAPER,
            date=day.year * 10000 + day.month * 100 + day.day if day else 0,
            page=a.page, kicker=a.kicker, title=a.title, subtitle=a.subtitle,
            byline=a.byline, body=a.body, display_title=a.display_title,
        ))
    return docs


def _batches(source: PageSource, todo: dict[str, str], parallel: bool) -> list[_Batch]:
    """The articles of the files to index, whole files to a batch, batches of similar size."""
    per_file = [(name, stamp, _docs_of(source, name)) for name, stamp in sorted(todo.items())]
    total = sum(len(d.body) + 40 for _, _, docs in per_file for d in docs)
    count = max(1, -(-total // SEGMENT_CHARS))
    if parallel and count == 1 and total > PARALLEL_CHARS:
        count = 2
    target = total / count
    batches: list[_Batch] = [_Batch({}, [])]
    size = 0
    for name, stamp, docs in per_file:
        if size >= target and len(batches) < count:
            batches.append(_Batch({}, []))
            size = 0
        batches[-1].sources[name] = stamp
        batches[-1].docs.extend(docs)
        size += sum(len(d.body) + 40 for d in docs)
    return batches


# --------------------------------------------------------------------------------------------
# Workers

_counter: Any = None


def _worker_init(counter: Any) -> None:
    global _counter
    _counter = counter
    tune_allocator()


def _worker_progress(n: int) -> None:
    with _counter.get_lock():
        _counter.value += n


def _analyze_in_worker(texts: list[tuple[str, str, str]]) -> SegmentData:
    return analyze(texts, _worker_progress)


# --------------------------------------------------------------------------------------------
# Writing


def _paper_ids(conn: sqlite3.Connection, names: set[str]) -> dict[str, int]:
    ids = dict(conn.execute("SELECT name, id FROM papers").fetchall())
    for name in sorted(names - ids.keys()):
        ids[name] = conn.execute("INSERT INTO papers(name) VALUES (?)", (name,)).lastrowid
    return ids


def _write_segment(conn: sqlite3.Connection, batch: _Batch, data: SegmentData) -> int:
    with store.transaction(conn, "IMMEDIATE"):
        seg = int(store.get_meta(conn, "next_seg"))
        lo = int(store.get_meta(conn, "next_docid"))
        store.set_meta(conn, "next_seg", seg + 1)
        store.set_meta(conn, "next_docid", lo + len(batch.docs))
        papers = _paper_ids(conn, {d.paper for d in batch.docs})
        conn.executemany(
            "INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((lo + i, seg, d.source, d.article_id, d.position, papers[d.paper], d.date, d.page,
              d.kicker, d.title, d.subtitle, d.byline, d.display_title, data.bodies[i])
             for i, d in enumerate(batch.docs)),
        )
        conn.execute(
            "INSERT INTO segments VALUES (?, 'staged', ?, ?, ?, ?, ?)",
            (seg, lo, len(batch.docs),
             encode_ints(np.array([d.date for d in batch.docs], dtype=np.int64)),
             encode_ints(np.array([papers[d.paper] for d in batch.docs], dtype=np.int64)),
             encode_ints(data.lengths)),
        )
        conn.executemany("INSERT INTO files VALUES (?, ?, ?)",
                         ((name, stamp, seg) for name, stamp in batch.sources.items()))
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM post").fetchone()[0]
        conn.executemany(
            "INSERT INTO post VALUES (?, ?, ?, ?, ?, ?)",
            ((first + i, key, seg, n, docs, tfs)
             for i, (key, n, docs, tfs, _) in enumerate(data.rows)),
        )
        conn.executemany(
            "INSERT INTO pos VALUES (?, ?)",
            ((first + i, pos) for i, (_, _, _, _, pos) in enumerate(data.rows) if pos is not None),
        )
    return seg


def drop_segment(conn: sqlite3.Connection, seg: int) -> None:
    """Delete a segment and everything in it (staged leftovers, fully deleted segments)."""
    with store.transaction(conn, "IMMEDIATE"):
        conn.execute("DELETE FROM pos WHERE id IN (SELECT id FROM post WHERE seg=?)", (seg,))
        conn.execute("DELETE FROM post WHERE seg=?", (seg,))
        conn.execute("DELETE FROM deleted WHERE docid IN (SELECT docid FROM docs WHERE seg=?)",
                     (seg,))
        conn.execute("DELETE FROM docs WHERE seg=?", (seg,))
        conn.execute("DELETE FROM files WHERE seg=?", (seg,))
        conn.execute("DELETE FROM segments WHERE seg=?", (seg,))


# --------------------------------------------------------------------------------------------
# The update


class _Run:
    """One update: its plan, its progress and its writing."""

    def __init__(self, conn: sqlite3.Connection, source: PageSource, progress: Progress | None,
                 cancelled: Cancelled, workers: int) -> None:
        self.conn, self.source, self.cancelled = conn, source, cancelled
        self.progress = progress or (lambda done, total: None)
        self.workers = workers
        self.live_files: set[str] = set()
        self.compacted: set[str] = set()

    def plan(self) -> tuple[dict[str, str], dict[str, int], list[int], dict[str, str]]:
        """Files to index, old (source → seg) to retire, staged segs to adopt, and the desired
        stamps."""
        desired = self.source.stamps()
        live: dict[str, tuple[str, int]] = {}
        staged: dict[int, dict[str, str]] = {}
        for name, stamp, seg, state in self.conn.execute(
            "SELECT f.source, f.stamp, f.seg, s.state FROM files f JOIN segments s USING (seg)"
        ):
            if state == "live":
                live[name] = (stamp, seg)
            else:
                staged.setdefault(seg, {})[name] = stamp
        self.live_files = set(live)
        todo = {n: s for n, s in desired.items() if live.get(n, (None,))[0] != s}
        retire = {n: seg for n, (stamp, seg) in live.items() if desired.get(n) != stamp}
        small = {seg for (seg,) in self.conn.execute(
            "SELECT seg FROM segments WHERE state='live' AND n < ?", (SMALL_SEGMENT,))}
        if len(small) >= MAX_SMALL_SEGMENTS:
            for n, (stamp, seg) in live.items():
                if seg in small and desired.get(n) == stamp:
                    todo[n], retire[n] = stamp, seg
                    self.compacted.add(n)
        adopted: list[int] = []
        for seg, files in sorted(staged.items()):
            if all(todo.get(n) == s for n, s in files.items()):
                adopted.append(seg)
                for n in files:
                    del todo[n]
            else:
                drop_segment(self.conn, seg)
        return todo, retire, adopted, desired

    def index(self, batches: list[_Batch]) -> list[int] | None:
        """Write each batch as a staged segment; None when cancelled."""
        total = sum(len(b.docs) for b in batches)
        parallel = self.workers > 1 and len(batches) > 1
        if not parallel:
            done = 0
            segs = []
            for batch in batches:
                if self.cancelled():
                    return None

                def tick(n: int) -> None:
                    nonlocal done
                    done += n
                    self.progress(done, total)

                texts = [d.texts() for d in batch.docs]
                segs.append(_write_segment(self.conn, batch, analyze(texts, tick)))
            self.progress(total, total)
            return segs
        return self._index_parallel(batches, total)

    def _index_parallel(self, batches: list[_Batch], total: int) -> list[int] | None:
        counter = multiprocessing.get_context("spawn").Value("q", 0)
        pool = process_pool(min(self.workers, len(batches)), _worker_init, (counter,))
        segs: list[int] = []
        queue = deque(batches)
        pending: deque[tuple[_Batch, Future[SegmentData]]] = deque()
        try:
            while queue or pending:
                while queue and len(pending) < self.workers + 1:
                    batch = queue.popleft()
                    texts = [d.texts() for d in batch.docs]
                    pending.append((batch, pool.submit(_analyze_in_worker, texts)))
                batch, future = pending[0]
                while not future.done():
                    wait([future], timeout=0.1)
                    self.progress(min(counter.value, total), total)
                    if self.cancelled():
                        return None
                pending.popleft()
                segs.append(_write_segment(self.conn, batch, future.result()))
            return segs
        finally:
            # On cancel the workers finish their current batch in the background and exit.
            pool.shutdown(wait=False, cancel_futures=True)

    def publish(
        self, segs: list[int], retire: dict[str, int], desired: dict[str, str]
    ) -> tuple[int, int]:
        """Make ``segs`` live and retire the old articles.

        Returns the number of articles of removed files and of live articles."""
        with store.transaction(self.conn, "IMMEDIATE"):
            if segs:
                marks = ",".join("?" * len(segs))
                self.conn.execute(
                    f"UPDATE segments SET state='live' WHERE seg IN ({marks})", segs)
            removed = 0
            for name, seg in retire.items():
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO deleted SELECT docid FROM docs "
                    "WHERE source=? AND seg=?", (name, seg))
                if name not in desired:
                    removed += cur.rowcount
                self.conn.execute("DELETE FROM files WHERE source=? AND seg=?", (name, seg))
            gen = int(store.get_meta(self.conn, "gen")) + 1
            store.set_meta(self.conn, "gen", gen)
            store.set_meta(self.conn, "published", 1)
            live = self.conn.execute(
                "SELECT count(*) FROM docs JOIN segments s USING (seg) WHERE s.state='live' "
                "AND docid NOT IN (SELECT docid FROM deleted)").fetchone()[0]
        return removed, int(live)

    def drop_empty_segments(self) -> None:
        rows = self.conn.execute(
            "SELECT s.seg FROM segments s WHERE s.state='live' AND NOT EXISTS "
            "(SELECT 1 FROM docs d WHERE d.seg=s.seg AND d.docid NOT IN "
            "(SELECT docid FROM deleted)) AND NOT EXISTS "
            "(SELECT 1 FROM files f WHERE f.seg=s.seg)").fetchall()
        for (seg,) in rows:
            drop_segment(self.conn, seg)


def _articles_by_file(conn: sqlite3.Connection, segs: list[int]) -> list[tuple[str, int]]:
    rows: list[tuple[str, int]] = []
    for seg in segs:
        rows += conn.execute(
            "SELECT source, count(*) FROM docs WHERE seg=? GROUP BY source", (seg,)).fetchall()
    return rows


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return None if row is None else str(row[0])


def run_update(
    conn: sqlite3.Connection,
    source: PageSource,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> UpdateStats:
    """Bring the index behind ``conn`` up to date with ``source`` (the caller holds the lock)."""
    start = time.perf_counter()
    state = getattr(source, "state", None)
    token = state() if callable(state) else None  # before the stamps: a later change shows
    if token is not None and _meta(conn, "source_state") == token:
        counted = _meta(conn, "articles")
        if counted is not None:
            return UpdateStats(articles=int(counted), seconds=time.perf_counter() - start)
    is_cancelled = cancelled or (lambda: False)
    run = _Run(conn, source, progress, is_cancelled, workers or min(2, os.cpu_count() or 1))
    todo, retire, adopted, desired = run.plan()
    added_files = set(desired) - set(retire) - run.live_files
    batches = _batches(source, todo, run.workers > 1) if todo else []
    segs = run.index(batches)
    if segs is None or is_cancelled():
        return UpdateStats(cancelled=True, seconds=time.perf_counter() - start)
    removed, live = run.publish(adopted + segs, retire, desired)
    added = changed = 0
    for name, count in _articles_by_file(conn, adopted + segs):
        if name in added_files:
            added += count
        elif name not in run.compacted:
            changed += count
    run.drop_empty_segments()
    with store.transaction(conn, "IMMEDIATE"):
        store.set_meta(conn, "articles", live)
        if token is not None:
            store.set_meta(conn, "source_state", token)
    return UpdateStats(added=added, changed=changed, removed=removed, articles=live,
                       seconds=time.perf_counter() - start)

