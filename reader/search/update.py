"""Bringing the index up to date with a ``PageStore``: only new, changed and removed pages.

The stored stamp of each page file (``store``: the files table) is compared with the
source's (``follow``: only those of the files the catalog's journal says it read since the
last update, else every one). The engine's articles of changed and removed files are deleted and
the articles of new and changed files added (analysed by ``build.analyze``; on both cores
when there is much to do), all in one engine commit: a search sees either the index before
the update or after it, never half of it. Then the files table records the new stamps. A
crash between the two makes the next update read those files again, which deletes and adds
the same articles: the same index.

A first build (nothing published yet, searches refused) commits after every batch and
records its files, so that a cancelled or killed build resumes where it stopped.

A source that offers ``state()`` (the catalog: a token that changes whenever its files do)
has it recorded at each update; an update that finds the same token again has nothing to do
and returns without comparing any stamps.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tantivy

from ..corpus.library import PageStore
from ..corpus.model import UNKNOWN_PAPER
from ..corpus.sqlrows import rows_in
from . import follow, store
from .build import FIELDS, Analyzed, analyze, tune_allocator
from .engine import NO_DATE_LAST, article_number

if TYPE_CHECKING:
    from concurrent.futures import Future

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

SEGMENT_CHARS = 12_000_000
"""Characters per batch of a large build (about 12,000 articles)."""
WRITER_HEAP = 300_000_000
"""The engine's indexing memory, bytes, across its threads: past it, it writes a segment."""
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


def _docs_of(source: PageStore, name: str) -> list[_Doc]:
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


def _batches(source: PageStore, todo: dict[str, str], parallel: bool) -> list[_Batch]:
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


def _analyze_in_worker(texts: list[tuple[str, str, str]], shown: list[str]) -> Analyzed:
    return analyze(texts, _worker_progress, shown)



# --------------------------------------------------------------------------------------------
# Writing


def _data(d: _Doc) -> bytes:
    """What a hit shows without its text, as the engine stores it (``SearchIndex`` reads
    it back; the texts come from the page store)."""
    return json.dumps([d.article_id, d.source, d.position, d.paper, d.date, d.page,
                       d.display_title], ensure_ascii=False).encode("utf-8")


def _documents(batch: _Batch, texts: Analyzed) -> Iterator[tantivy.Document]:
    for i, d in enumerate(batch.docs):
        doc = tantivy.Document(id=d.article_id, source=d.source, paper=d.paper, date=d.date,
                               date_asc=d.date or NO_DATE_LAST,
                               number=article_number(d.article_id), data=_data(d))
        for f in FIELDS:
            if texts.chars[f][i]:
                doc.add_text(f"{f}1", texts.chars[f][i])
                doc.add_text(f"{f}2", texts.pairs[f][i])
            if texts.words[f][i]:
                doc.add_text(f"{f}w", texts.words[f][i])
        yield doc


class _Run:
    """One update: its plan, the engine's writer and the files it records."""

    def __init__(self, conn: sqlite3.Connection, engine: tantivy.Index, source: PageStore,
                 progress: Progress | None, cancelled: Cancelled, workers: int) -> None:
        self.conn, self.engine, self.source, self.cancelled = conn, engine, source, cancelled
        self.progress = progress or (lambda done, total: None)
        self.workers = workers
        self.published = _meta(conn, "published") == "1"
        self.done = 0
        self.total = 0

    def write(self, writer: tantivy.IndexWriter, batches: list[_Batch]) -> bool:
        """Add every batch to the writer (committing each one in a first build); False when
        cancelled."""
        self.total = sum(len(b.docs) for b in batches)
        for batch, texts in self._analysed(batches):
            if texts is None:
                return False
            for name in batch.sources:
                writer.delete_documents_by_term("source", name)
            for doc in _documents(batch, texts):
                writer.add_document(doc)
            if not self.published:
                writer.commit()
                self.record(batch.sources, _counts(batch))
            if self.cancelled():
                return False
        self.progress(self.total, self.total)
        return True

    def _analysed(self, batches: list[_Batch]) -> Iterator[tuple[_Batch, Analyzed | None]]:
        if not (self.workers > 1 and len(batches) > 1):
            for batch in batches:
                if self.cancelled():
                    yield batch, None
                    return

                def tick(n: int) -> None:
                    self.done += n
                    self.progress(self.done, self.total)

                yield batch, analyze([d.texts() for d in batch.docs], tick,
                                     [d.display_title for d in batch.docs])
            return
        # worker processes: loaded by an update that has batches for them, not by a search
        import multiprocessing
        from concurrent.futures import wait

        from ..corpus.workers import process_pool

        counter = multiprocessing.get_context("spawn").Value("q", 0)
        pool = process_pool(min(self.workers, len(batches)), _worker_init, (counter,))
        queue = deque(batches)
        pending: deque[tuple[_Batch, Future[Analyzed]]] = deque()
        try:
            while queue or pending:
                while queue and len(pending) < self.workers + 1:
                    batch = queue.popleft()
                    texts = [d.texts() for d in batch.docs]
                    shown = [d.display_title for d in batch.docs]
                    pending.append((batch, pool.submit(_analyze_in_worker, texts, shown)))
                batch, future = pending[0]
                while not future.done():
                    wait([future], timeout=0.1)
                    self.progress(min(counter.value, self.total), self.total)
                    if self.cancelled():
                        yield batch, None
                        return
                pending.popleft()
                yield batch, future.result()
        finally:
            # On cancel the workers finish their current batch in the background and exit.
            pool.shutdown(wait=False, cancel_futures=True)

    def record(self, stamps: dict[str, str], counts: dict[str, int],
               gone: Sequence[str] = ()) -> None:
        """The files table after the engine's commit: these stamps, these files gone."""
        with store.transaction(self.conn, "IMMEDIATE"):
            self.conn.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                ((name, stamp, counts.get(name, 0)) for name, stamp in stamps.items()))
            self.conn.executemany("DELETE FROM files WHERE source=?", ((n,) for n in gone))


def _counts(batch: _Batch) -> dict[str, int]:
    counts = dict.fromkeys(batch.sources, 0)
    for d in batch.docs:
        counts[d.source] += 1
    return counts


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _live_articles(engine: tantivy.Index) -> int:
    engine.reload()
    return int(engine.searcher().num_docs)


def run_update(
    conn: sqlite3.Connection,
    engine: tantivy.Index,
    source: PageStore,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = None,
) -> UpdateStats:
    """Bring the index (``conn``, ``engine``) up to date with ``source``; the caller holds
    the update lock."""
    start = time.perf_counter()
    state = getattr(source, "state", None)
    token = state() if callable(state) else None  # before the stamps: a later change shows
    if token is not None and _meta(conn, "source_state") == token:
        counted = _meta(conn, "articles")
        if counted is not None:
            return UpdateStats(articles=int(counted), seconds=time.perf_counter() - start)
    is_cancelled = cancelled or (lambda: False)
    run = _Run(conn, engine, source, progress, is_cancelled,
               workers or min(2, os.cpu_count() or 1))
    found = follow.changes(conn, source, _meta(conn, "source_state") if run.published else None)
    todo, gone, before = found.todo, found.gone, found.before
    removed = sum(n for (n,) in rows_in(
        conn, "SELECT articles FROM files WHERE source IN ({marks})", gone))
    batches = _batches(source, todo, run.workers > 1) if todo else []
    counts: dict[str, int] = {}
    if todo or gone:
        big = sum(len(b.docs) for b in batches) > 2_000
        writer = engine.writer(WRITER_HEAP if big else 50_000_000, 2 if big else 1)
        try:
            for name in gone:
                writer.delete_documents_by_term("source", name)
            if not run.write(writer, batches) or is_cancelled():
                writer.rollback()
                return UpdateStats(cancelled=True, seconds=time.perf_counter() - start)
            writer.commit()
            if big:  # ends merged: a writer let go mid-merge leaves its files behind (at
                writer.wait_merging_threads()  # 200,000 articles 646 MB beside 871 in use)
        finally:
            del writer  # lets the engine's lock go
        for batch in batches:
            counts.update(_counts(batch))
        run.record(todo, counts, gone)
    live = _live_articles(engine)
    with store.transaction(conn, "IMMEDIATE"):
        store.set_meta(conn, "published", 1)
        store.set_meta(conn, "articles", live)
        if token is not None:
            store.set_meta(conn, "source_state", token)
        else:  # the index now follows a store without a token: the old one says nothing
            conn.execute("DELETE FROM meta WHERE key='source_state'")
    if not run.published:  # a first build, perhaps resumed: every article is new
        added, changed = live, 0
    else:
        added = sum(n for name, n in counts.items() if name not in before)
        changed = sum(n for name, n in counts.items() if name in before)
    return UpdateStats(added=added, changed=changed, removed=removed, articles=live,
                       seconds=time.perf_counter() - start)
