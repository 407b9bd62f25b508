"""``reader server import DIR``: a library folder into the archive, page by page.

The folder is read through the desktop's catalog (``corpus.catalog``: parsing in worker
processes, sidecars and corrections applied), then every page whose stamp (its file, its
sidecar, the parser's version) differs from the archive's is written in one transaction of
its own: its row, its articles and their search tokens, or nothing. A change costs only the
pages it touched; a server restart or a killed import leaves whole pages only, and the next
import goes on where it stopped. Imports take turns through a session advisory lock, which
the server releases when the importing client goes away.
"""

from __future__ import annotations

import json
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from ..corpus.catalog import Catalog
from ..corpus.model import Page
from ..corpus.serialize import page_to_dict
from . import schema
from .connection import Archive, ConnectionLost, ServerError, worded
from .tokens import ANY_LEXEME, clean, folded, lexemes, vector, word_sets

Progress = Callable[[int, int], None]
IMPORT_LOCK = 0x6E72696D  # advisory lock key of imports ("nrim")


@dataclass
class ImportStats:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0


def article_rows(page: Page) -> list[tuple[object, ...]]:
    """The rows of ``page``'s articles, their search tokens made (jieba: the costly part)."""
    rows: list[tuple[object, ...]] = []
    for a in page.articles:
        head = folded("\n".join(x for x in (a.kicker, a.title, a.subtitle) if x))
        byline = folded(a.byline)
        body = folded(a.body)
        head_words, byline_words, body_words = word_sets(head, byline, body)
        lex = lexemes(head, byline, body, body_words)
        rows.append((
            page.source, a.position, a.id, _t(a.paper), a.date, a.page, _t(a.kicker),
            clean(a.title or ""), _t(a.subtitle), _t(a.byline), clean(a.display_title),
            a.title_is_derived, clean(a.body), a.length, head, byline, body,
            vector([ANY_LEXEME] if lex is None else lex), vector(head_words),
            vector(byline_words), "",  # the body's words are among the tokens (schema 3)
            lex is None,
        ))
    return rows


def _t(text: str | None) -> str | None:
    return None if text is None else clean(text)


def write_page(conn: psycopg.Connection, stamp: str, page: Page, notice: str | None,
               rows: list[tuple[object, ...]] | None = None) -> int:
    """Replace the archive's copy of ``page`` (inside the caller's transaction); ``rows``:
    its articles' rows, when made beforehand (``article_rows``)."""
    blob = zlib.compress(json.dumps(page_to_dict(page), ensure_ascii=False).encode("utf-8"), 1)
    # A page lost to a crash right after its commit is written again by the next import.
    conn.execute("SET LOCAL synchronous_commit = off")
    conn.execute("SET LOCAL gin_pending_list_limit = '32MB'")
    conn.execute("DELETE FROM reader.pages WHERE source = %s", (page.source,))
    conn.execute("DELETE FROM reader.problems WHERE source = %s", (page.source,))
    position = None
    if page.layout == "article":
        from ..corpus.pathmeta import read_path

        position = read_path(page.source).position
    conn.execute(
        "INSERT INTO reader.pages (source, stamp, paper, date, issue_no, page, page_count, "
        "position, n_articles, n_warnings, notice, origin, page_json) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (page.source, stamp, _t(page.paper), page.date, page.issue_no, page.page,
         page.page_count, position, len(page.articles), len(page.warnings),
         _t(notice), Jsonb(page.provenance), blob))
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO reader.articles (source, position, id, paper, date, page, kicker, "
            "title, subtitle, byline, display_title, title_derived, body, length, head_f, "
            "byline_f, body_f, tokens, head_words, byline_words, words, oversized) VALUES (%s, "
            "%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector, "
            "%s::tsvector, %s::tsvector, %s::tsvector, %s)",
            article_rows(page) if rows is None else rows)
    return len(page.articles)


def _notice(page: Page) -> str | None:
    """The page's notices (a sidecar ignored, a path that disagrees) as JSON, as the
    catalog keeps them."""
    from ..corpus.resolve import NOTICES

    notices = [w.to_json() for w in page.warnings if w.kind in NOTICES]
    return json.dumps(notices, ensure_ascii=False) if notices else None


def _lock(archive: Archive, waiting: Callable[[], None] | None) -> psycopg.Connection:
    """A connection of its own holding the import lock (released when it closes)."""
    try:
        conn = psycopg.connect(archive.url, autocommit=True, connect_timeout=10)
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (IMPORT_LOCK,)).fetchone()
        if not row or not row[0]:
            if waiting is not None:
                waiting()
            conn.execute("SELECT pg_advisory_lock(%s)", (IMPORT_LOCK,))
    except psycopg.Error as err:
        raise worded(err, archive.url) from err
    return conn


def _prepared(catalog: Catalog, sources: list[str], ahead: int = 8
              ) -> Iterator[tuple[str, Page, list[tuple[object, ...]]]]:
    """The pages of ``sources`` with their articles' rows, made a few pages ahead in a
    thread: the tokens of the next pages are made while the server writes this one (the
    thread runs while the importing thread waits for the server)."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tokens") as pool:
        pending: deque[tuple[str, Page, Future[list[tuple[object, ...]]]]] = deque()
        todo = iter(sources)
        while True:
            while len(pending) < ahead:
                source = next(todo, None)
                if source is None:
                    break
                page = catalog.page(source)
                if page is not None:
                    pending.append((source, page, pool.submit(article_rows, page)))
            if not pending:
                return
            source, page, rows = pending.popleft()
            yield source, page, rows.result()


def import_library(
    archive: Archive,
    root: Path,
    progress: Progress | None = None,
    reading: Progress | None = None,
    waiting: Callable[[], None] | None = None,
    catalog: Catalog | None = None,
) -> ImportStats:
    """Bring the archive in line with the library folder ``root``.

    ``reading(done, total)`` follows the parsing of changed files, ``progress(done, total)``
    the pages written; ``waiting()`` is called once if another import holds the lock.
    """
    start = time.perf_counter()
    schema.check(archive)
    lock = _lock(archive, waiting)
    try:
        catalog = catalog or Catalog(root)
        synced = catalog.sync(progress=reading)
        local = catalog.stamps()
        known: dict[str, str] = dict(archive.run(lambda c: c.execute(
            "SELECT source, stamp FROM reader.pages").fetchall()))
        stats = ImportStats(problems=[str(p) for p in synced.problems])
        todo = sorted(s for s, stamp in local.items() if known.get(s) != stamp)
        gone = sorted(s for s in known if s not in local)
        stats.unchanged = len(local) - len(todo)
        total = len(todo) + len(gone)
        if progress:
            progress(0, total)
        done = 0
        for source, page, rows in _prepared(catalog, todo):
            stamp = local[source]
            try:
                with archive.transaction() as conn:
                    stats.articles += write_page(conn, stamp, page, _notice(page), rows)
            except ConnectionLost as err:
                raise ConnectionLost(f"{err}; the pages written so far are kept: run the "
                                     "import again to go on") from err
            except ServerError as err:  # this page only: said, and the import goes on
                stats.problems.append(f"{source}: could not be imported ({err})")
                continue
            if source in known:
                stats.changed += 1
            else:
                stats.added += 1
            done += 1
            if progress:
                progress(done, total)
        for source in gone:
            with archive.transaction() as conn:
                conn.execute("DELETE FROM reader.pages WHERE source = %s", (source,))
            stats.removed += 1
            done += 1
            if progress:
                progress(done, total)
        problems = [(p.path, json.dumps(p.to_json(), ensure_ascii=False))
                    for p in synced.problems]
        with archive.transaction() as conn:
            conn.execute("DELETE FROM reader.problems")
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO reader.problems (source, stamp, message) VALUES (%s, '', %s) "
                    "ON CONFLICT (source) DO NOTHING",
                    [(clean(p), clean(m)) for p, m in problems])
    finally:
        lock.close()
    stats.seconds = time.perf_counter() - start
    return stats
