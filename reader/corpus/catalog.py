"""The catalog: a library folder read through a cache of parsed pages, for large archives.

Parsing a page takes milliseconds, but an archive of years holds tens of thousands of pages.
The catalog keeps every parsed page (as compressed JSON) and a row per article in an SQLite
file in the user cache folder, keyed by each file's stamp (size and modification time of the
page and its sidecar) and by the parser's version. ``sync()`` re-reads only files that are
new or changed and forgets removed ones, so opening a library costs a directory walk.

It offers what the window and the command line need without holding the archive in memory:
the issues by date (``issues()``), the pages of one issue, an article by id, and the
``PageStore`` protocol (``stamps()``/``page()``) that the search index follows.

The cache is disposable: a damaged or outdated file is replaced by a fresh one. A file that
could not be read is kept with its problem as JSON (``reader.problems``): its kind and
parameters, so that each face words it in its own language.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import os
import sqlite3
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..paths import cache_dir
from ..problems import Problem, ProblemKind
from . import changes
from .model import UNKNOWN_PAPER, Article, Page
from .serialize import article_from_dict, page_from_dict, page_to_dict
from .settings_file import library_settings
from .sidecar import LIBRARY_FILE
from .sqlrows import rows_in
from .versions import PARSER_VERSION, stamp_suffix
from .walk import READING_VERSION, Entry, unreadable

# What reads pages (the parser, the page rules, the worker processes) is imported by the syncs
# that find pages to read, not by every command: most starts find none.

SCHEMA = 5
"""5: each article's text is kept in its own row (``articles.data``), the page's blob holds the
rest of the page: a page of search hits decodes 20 articles, not their 20 pages. 4: a file's
``error`` and ``notice`` are problems as JSON (3 held English sentences). A catalog of another
schema lives in another file (``catalog_path``) and is left alone; an entry that does not read
as JSON is shown as the sentence it is."""
_PAGES = (
    "count(DISTINCT CASE WHEN f.position IS NULL THEN f.source "
    "ELSE coalesce(f.paper, '') || '|' || f.date || '|' || coalesce(f.page, '') END)"
)
"""Pages counted as printed: a page file is one, the article records of one page are one."""
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
_LISTING = 3
"""The version of what ``listing`` keeps (bumped when ``_issue_rows`` changes)."""
_PAGE_SIZE = 16384
"""Bytes of a page of the catalog's file. An article's row holds its compressed text, about
1.9 KB, and SQLite's usual 4 KB page holds one or two such rows: on 100,001 generated articles
the catalog took 299 MB with 4 KB pages and 234 MB with these (183 MB at schema 4)."""
_LOOK_AGAIN = 0.5
"""Seconds between looks at whether another process changed the files read."""

_DDL = """
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    error TEXT,
    paper TEXT,
    date TEXT,
    issue_no INTEGER,
    page INTEGER,
    page_count INTEGER,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_warnings INTEGER NOT NULL DEFAULT 0,
    notice TEXT,
    page_json BLOB,
    position INTEGER,
    origin TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    source TEXT NOT NULL,
    position INTEGER NOT NULL,
    id TEXT NOT NULL,
    paper TEXT,
    date TEXT,
    page INTEGER,
    title TEXT NOT NULL,
    title_derived INTEGER NOT NULL,
    byline TEXT,
    length INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (source, position)
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE INDEX IF NOT EXISTS files_issue ON files (paper, date);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS settings (digest TEXT NOT NULL);
-- Covering indexes: the page blobs make a scan of the table read the whole catalog.
CREATE INDEX IF NOT EXISTS files_bad ON files (source, error, notice)
    WHERE error IS NOT NULL OR notice IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_claims ON files (paper, date, page, position, source, error)
    WHERE error IS NULL AND date IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_listing ON files (date IS NULL, date, paper, page, position,
    source, issue_no, page_count, origin, error) WHERE error IS NULL;
CREATE INDEX IF NOT EXISTS files_stamps ON files (source, stamp, error);
-- What a start reads whole (the issue list, the pages that claim the same place), kept as
-- computed for the catalog's state token: at 1,000,000 articles the rows behind them take
-- seconds to read, and most starts find the library as it was.
CREATE TABLE IF NOT EXISTS listing (kind TEXT PRIMARY KEY, token TEXT NOT NULL, blob BLOB);
""" + changes.DDL + ";\n"


def _packed(data: dict[str, Any]) -> bytes:
    """An article's or a page's stored form: its JSON, compressed. An article's ``body`` is
    left out: its paragraphs hold it, and it would be half the text to decode."""
    data.pop("body", None)
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 1)


def _unpacked(blob: bytes) -> dict[str, Any]:
    """What ``_packed`` stored."""
    data: dict[str, Any] = json.loads(zlib.decompress(blob))
    return data


def issue_key(paper: str, day: str | None, source: str) -> str:
    """The one name of an issue, in the window and the command line: ``paper|2022-08-10``
    (``day`` as ISO text). An undated page is an issue of its own, named by its ``source``
    (``paper|undated:pages/001.txt``), so two undated pages of a paper never share a name."""
    return f"{paper}|{day or 'undated:' + source}"


_SEP = "\0"
"""Between the sources of an issue's pages as the kept listing holds them: no file name has it."""


class IssueInfo:
    """One issue as listed in the calendar and the issue list (no article text); a value
    (compared, hashed and never changed).

    The catalog's issues keep their pages packed (the numbers, and the sources in one
    string) until ``pages`` is asked for: a start on 1,000,000 articles lists 22,728 issues
    of 181,824 page files, and the window needs the pages of those it shows."""

    __slots__ = ("_key", "_numbers", "_pages", "_sources", "date", "date_from",
                 "issue_no", "page_count", "paper", "paper_from")

    paper: str
    date: dt.date | None
    issue_no: int | None
    page_count: int | None
    date_from: str | None
    """Where the issue's date came from (``masthead``, ``path``, ``sidecar``…)."""
    paper_from: str | None
    """Where the paper's name came from (the same labels, and ``library``)."""

    def __init__(self, paper: str, date: dt.date | None, issue_no: int | None,
                 page_count: int | None, pages: tuple[tuple[int | None, str], ...],
                 date_from: str | None = None, paper_from: str | None = None) -> None:
        self.paper, self.date, self.issue_no, self.page_count = paper, date, issue_no, page_count
        self.date_from, self.paper_from = date_from, paper_from
        self._pages: tuple[tuple[int | None, str], ...] | None = tuple(pages)
        self._numbers: tuple[int | None, ...] = ()
        self._sources = ""
        self._key: str | None = None

    @classmethod
    def packed(cls, paper: str, date: dt.date | None, issue_no: int | None,
               page_count: int | None, numbers: tuple[int | None, ...], sources: str,
               date_from: str | None, paper_from: str | None, key: str) -> IssueInfo:
        """An issue whose pages are ``numbers`` and the sources joined by ``_SEP``."""
        issue = cls.__new__(cls)
        issue.paper, issue.date, issue.issue_no, issue.page_count = (paper, date, issue_no,
                                                                      page_count)
        issue.date_from, issue.paper_from = date_from, paper_from
        issue._pages, issue._numbers, issue._sources, issue._key = None, numbers, sources, key
        return issue

    @property
    def pages(self) -> tuple[tuple[int | None, str], ...]:
        """(page number, source) of the pages in the library, in page order (for an
        article-per-file archive, one entry per article record, in its order on the page)."""
        if self._pages is None:
            self._pages = tuple(zip(self._numbers, self._sources.split(_SEP), strict=True))
        return self._pages

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = issue_key(self.paper, self.date.isoformat() if self.date else None,
                                  self.pages[0][1])
        return self._key

    @property
    def undated(self) -> bool:
        return self.date is None

    def _fields(self) -> tuple[object, ...]:
        return (self.paper, self.date, self.issue_no, self.page_count, self.pages,
                self.date_from, self.paper_from)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IssueInfo):
            return NotImplemented
        return self is other or self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((self.paper, self.date, self.key))

    def __repr__(self) -> str:
        return (f"IssueInfo(paper={self.paper!r}, date={self.date!r}, "
                f"issue_no={self.issue_no!r}, page_count={self.page_count!r}, "
                f"pages={self.pages!r}, date_from={self.date_from!r}, "
                f"paper_from={self.paper_from!r})")


@dataclass(frozen=True)
class ArticleInfo:
    """A row of the article list: enough to show it without reading its page."""

    id: str
    source: str
    position: int
    paper: str | None
    date: dt.date | None
    page: int | None
    title: str
    title_derived: bool
    byline: str | None
    length: int


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def catalog_path(root: Path) -> Path:
    """Where the catalog of the library at ``root`` is cached."""
    key = hashlib.sha1(os.fsencode(Path(root).resolve())).hexdigest()[:16]
    return cache_dir() / f"catalog-v{SCHEMA}" / f"{key}.sqlite"


_Parsed = tuple[str, str, Page | None, Problem | None]


def _parse_file(args: tuple[str, str, Problem | None]) -> _Parsed:
    """Worker: read one page file (runs in a subprocess for big syncs). An entry the walk
    refused (a link leaving the library, a folder too deep) is kept with its problem."""
    from .library import PageError, file_stamp
    from .resolve import load_entry, root_of

    path, source, problem = args
    if problem is not None:
        return source, _problem_stamp(problem), None, problem
    try:
        stamp = file_stamp(Path(path))
    except OSError as err:
        return source, "", None, unreadable(err)
    try:
        return source, stamp, load_entry(Path(path), source, root_of(Path(path), source)), None
    except PageError as err:
        return source, stamp, None, err.problem


def _stored(problem: Problem) -> str:
    """A problem as the catalog keeps it (JSON: kind and parameters)."""
    return json.dumps(problem.to_json(), ensure_ascii=False, sort_keys=True)


def _read_stored(text: str, source: str) -> Problem:
    try:
        data = json.loads(text)
    except ValueError:
        data = text  # a sentence, as schema 3 kept it
    return Problem.from_json(data).at(source)


def _problem_stamp(problem: Problem) -> str:
    """The stamp of an entry the walk refused: it changes when the reason does."""
    return "!" + hashlib.sha1(_stored(problem).encode("utf-8")).hexdigest()[:12]


def _wanted(name: str) -> bool:
    from .library import is_page_file

    return is_page_file(Path(name))


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


class Catalog:
    """A library folder with its parsed pages cached on disk. Safe to share between threads."""

    def __init__(self, root: Path, db_path: Path | None = None) -> None:
        self.root = Path(root)
        self.db_path = db_path or catalog_path(self.root)
        # Connections by thread id, not threading.local: a QThreadPool worker runs each task
        # under a new Python thread state, which would drop a thread-local connection after
        # every task and open the file again for the next one (as ``SearchIndex`` does).
        self._conns: dict[int, sqlite3.Connection] = {}
        self._write_lock = threading.Lock()
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self._pages_lock = threading.Lock()
        self._pages_state = ""
        self._pages_forgotten = 0  # counts forgets: a page read before one is not kept
        self._pages_checked = -_LOOK_AGAIN
        self._open()

    @classmethod
    def read(cls, root: Path, db_path: Path | None = None,
             progress: Progress | None = None) -> Catalog:
        """The library at ``root`` with every file looked at and read into the catalog:
        what the tests, the benchmarks and one-off scripts want of a folder of pages (the
        window and the command line sync as they go)."""
        catalog = cls(root, db_path)
        catalog.sync(progress=progress)
        return catalog

    # -- storage --------------------------------------------------------------------------

    def _open(self) -> None:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._check(self._connect())
        except sqlite3.DatabaseError:
            self._reset()

    def _connect(self) -> sqlite3.Connection:
        me = threading.get_ident()
        conn = self._conns.get(me)
        if conn is None:
            conn = sqlite3.connect(self.db_path, timeout=30, check_same_thread=False)
            conn.execute(f"PRAGMA page_size={_PAGE_SIZE}")  # takes effect in a new file only
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._conns[me] = conn
        return conn

    def _check(self, conn: sqlite3.Connection) -> None:
        conn.executescript(_DDL)
        version = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        wanted = {"schema": str(SCHEMA), "parser": str(PARSER_VERSION),
                  "reading": str(READING_VERSION)}
        if version.get("schema") not in (None, str(SCHEMA)):
            raise sqlite3.DatabaseError("catalog of another schema")
        if version != wanted:
            with conn:
                conn.execute("DELETE FROM files")
                conn.execute("DELETE FROM articles")
                conn.execute("DELETE FROM folders")
                conn.execute("DELETE FROM state")
                changes.forget_journal(conn)
                conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", wanted.items())

    def _reset(self) -> None:
        """Replace a damaged cache file by an empty one (it is only a cache)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.db_path) + suffix).unlink(missing_ok=True)
        self._check(self._connect())

    def close(self) -> None:
        """Close this thread's connection (a later call on this thread opens another)."""
        conn = self._conns.pop(threading.get_ident(), None)
        if conn is not None:
            conn.close()

    # -- reading the folder ---------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        workers: int | None = None,
        quick: bool = False,
    ) -> SyncResult:
        """Bring the cache in line with the folder; parse only new and changed files.

        ``quick``: look only in the folders whose time changed since the last sync and at a
        share of the files (see ``changes``), not at every file; the first sync, and one after
        the catalog forgot its files, walks the whole folder anyway."""
        result = SyncResult()
        conn = self._connect()
        self._follow_settings(conn)
        some = conn.execute("SELECT 1 FROM files LIMIT 1").fetchone()
        look = changes.look(conn, self.root, _wanted) if quick and some else None
        moved = changes.rewritten(conn, self.root, self._write_lock) if look else []
        if look is not None and not (look.changed or look.gone or moved):
            result.problems.extend(self.problems())
            return result
        from .library import file_stamp, page_entries

        folders = None
        on_disk: dict[str, Path] = {}
        todo: list[tuple[str, str, Problem | None]] = []
        known: dict[str, str] = {}
        if look is None:
            known = dict(conn.execute("SELECT source, stamp FROM files").fetchall())
        if self.root.is_dir():
            if look is None:
                with self._write_lock, conn:  # a walk cut short (killed, cancelled) leaves
                    conn.execute("DELETE FROM folders")  # no times: the next look walks all
                folders = changes.record(self.root)  # before the walk: see ``changes``
                entries: Iterable[Entry] = page_entries(self.root)
            else:  # the stamps of the folders looked at, and of the pages rewritten in place
                entries = list(look.entries())
                known = look.stamps(conn)
                known.update(rows_in(conn, "SELECT source, stamp FROM files WHERE source IN "
                                     "({marks})", moved))
            for entry in entries:
                source, path = entry.source, entry.path
                on_disk[source] = path
                if entry.problem is not None:
                    stamp = _problem_stamp(entry.problem)
                else:
                    try:
                        stamp = file_stamp(path)
                    except OSError:
                        stamp = ""
                if known.get(source) != stamp:
                    todo.append((str(path), source, entry.problem))
            for source in moved:  # rewritten in place, in a folder whose time stayed
                if source not in on_disk:
                    on_disk[source] = self.root / source
                    todo.append((str(self.root / source), source, None))
        else:
            result.problems.append(Problem.of(ProblemKind.NO_FOLDER, str(self.root)))
        removed = [s for s in known if s not in on_disk and (look is None or look.covers(s))]
        if removed:
            with self._write_lock, conn:
                conn.executemany("DELETE FROM files WHERE source = ?", [(s,) for s in removed])
                conn.executemany("DELETE FROM articles WHERE source = ?", [(s,) for s in removed])
                changes.new_state(conn, removed)
            result.removed = removed
            self._forget(removed)
        total = len(todo)
        if progress:
            progress(0, total)
        if workers is None:
            workers = min(2, os.cpu_count() or 1) if total > 64 else 1
        batch: list[_Parsed] = []
        done = 0

        def flush() -> None:
            self._store(batch, known, result)
            batch.clear()

        results: Iterator[_Parsed]
        pool = None
        if workers > 1:
            from .workers import process_pool

            pool = process_pool(workers)
            results = pool.map(_parse_file, todo, chunksize=16)
        else:
            results = map(_parse_file, todo)
        try:
            for item in results:
                batch.append(item)
                done += 1
                if len(batch) >= 200:
                    flush()
                if progress:
                    progress(done, total)
                if cancelled and cancelled():
                    result.cancelled = True
                    break
            flush()
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        if not result.cancelled and (look or folders):
            with self._write_lock, conn:
                changes.save(conn, look or folders)  # type: ignore[arg-type]
        result.problems.extend(self.problems())
        return result

    def _follow_settings(self, conn: sqlite3.Connection) -> None:
        """Read every file again when the library's settings file changed (its paper name
        changes what the pages without a masthead say)."""
        try:
            data = (self.root / LIBRARY_FILE).read_bytes()
        except OSError:
            data = b""
        digest = hashlib.sha1(data).hexdigest()
        row = conn.execute("SELECT digest FROM settings").fetchone()
        if row is not None and row[0] == digest:
            return
        with self._write_lock, conn:
            if row is not None:
                conn.execute("DELETE FROM files")
                conn.execute("DELETE FROM articles")
                conn.execute("DELETE FROM folders")
                changes.forget_journal(conn)
                changes.new_state(conn)
            conn.execute("DELETE FROM settings")
            conn.execute("INSERT INTO settings VALUES (?)", (digest,))
        with self._pages_lock:
            self._pages.clear()
            self._pages_forgotten += 1

    def _store(
        self,
        batch: list[_Parsed],
        known: dict[str, str],
        result: SyncResult,
    ) -> None:
        if not batch:
            return
        from .pathmeta import read_path
        from .resolve import NOTICES

        conn = self._connect()
        with self._write_lock, conn:
            changes.new_state(conn, [item[0] for item in batch])
            for source, stamp, page, error in batch:
                (result.changed if source in known else result.added).append(source)
                conn.execute("DELETE FROM articles WHERE source = ?", (source,))
                if page is None:
                    conn.execute(
                        "INSERT OR REPLACE INTO files (source, stamp, error) VALUES (?, ?, ?)",
                        (source, stamp, _stored(error or Problem.other("not read"))),
                    )
                    continue
                data = page_to_dict(page)
                texts = [_packed(article) for article in data.pop("articles")]
                blob = _packed(data)
                notices = [w.to_json() for w in page.warnings if w.kind in NOTICES]
                notice = json.dumps(notices, ensure_ascii=False) if notices else None
                record = read_path(source).position if page.layout == "article" else None
                conn.execute(
                    "INSERT OR REPLACE INTO files "
                    "VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        source, stamp, page.paper,
                        page.date.isoformat() if page.date else None,
                        page.issue_no, page.page, page.page_count,
                        len(page.articles), len(page.warnings), notice, blob,
                        record,
                        json.dumps(page.provenance, ensure_ascii=False),
                    ),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            source, a.position, a.id, a.paper,
                            a.date.isoformat() if a.date else None, a.page,
                            a.display_title, int(a.title_is_derived), a.byline, a.length, text,
                        )
                        for a, text in zip(page.articles, texts, strict=True)
                    ],
                )
        self._forget([item[0] for item in batch])

    def _forget(self, sources: list[str]) -> None:
        with self._pages_lock:
            self._pages_forgotten += 1
            for source in sources:
                self._pages.pop(source, None)

    # -- PageStore ------------------------------------------------------------------------

    def state(self) -> str:
        """A token that changes whenever the files read change (see ``changes.state``)."""
        return changes.state(self._connect(), self._write_lock)

    def touched_since(self, token: str) -> dict[str, str | None] | None:
        """The page files whose reading changed after the state ``token`` named (``state``),
        with their stamps now (None: no longer read), or None when the catalog cannot tell:
        what a search index that followed that state must look at again, found without
        comparing every file's stamp (at 1,000,000 articles that took about 1.6 s)."""
        conn = self._connect()
        sources = changes.touched_since(conn, token)
        if sources is None:
            return None
        found: dict[str, str | None] = dict.fromkeys(sources)
        found.update(rows_in(
            conn, "SELECT source, stamp || ? FROM files WHERE error IS NULL AND source IN "
            "({marks})", sources, first=(stamp_suffix(),)))
        return found

    def stamps(self) -> dict[str, str]:
        """Source → stamp of every page that was read (files with errors left out).

        The stamp names the file's state and the parser that read it (``reading_stamp``).
        """
        return dict(self._connect().execute(
            "SELECT source, stamp || ? FROM files WHERE error IS NULL", (stamp_suffix(),)))

    def page(self, source: str) -> Page | None:
        """The parsed page of ``source`` (kept in a small in-memory cache, emptied when the
        files read change: at once for this catalog's own syncs, within ``_LOOK_AGAIN``
        seconds when another process sharing the catalog read them)."""
        now = time.monotonic()
        if now - self._pages_checked >= _LOOK_AGAIN:
            token = self.state()  # a query: 20 µs against 2 µs for the cached page
            with self._pages_lock:
                self._pages_checked = now
                if token != self._pages_state:
                    self._pages.clear()
                    self._pages_forgotten += 1
                    self._pages_state = token
        with self._pages_lock:
            if source in self._pages:
                self._pages.move_to_end(source)
                return self._pages[source]
            forgotten = self._pages_forgotten
        page = self._load_page(source)
        if page is None:
            return None
        with self._pages_lock:
            if forgotten != self._pages_forgotten:
                # A sync stored pages again while this one was read: it may be the row as it
                # was before, which the sync has just forgotten; do not keep it.
                return page
            self._pages[source] = page
            while len(self._pages) > 64:
                self._pages.popitem(last=False)
        return page

    def _load_page(self, source: str) -> Page | None:
        """The parsed page of ``source`` as stored, or None."""
        conn = self._connect()
        row = conn.execute(
            "SELECT page_json FROM files WHERE source = ? AND error IS NULL", (source,)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        data = _unpacked(row[0])
        data["articles"] = [_unpacked(text) for (text,) in conn.execute(
            "SELECT data FROM articles WHERE source = ? ORDER BY position", (source,))]
        return page_from_dict(data)

    # -- queries for the window and the CLI -----------------------------------------------

    def problems(self) -> list[Problem]:
        """Files that could not be read, and files that claim another's paper, date and page."""
        conn = self._connect()
        _, settings_error = library_settings(self.root)
        out = [settings_error] if settings_error else []
        for source, error, notice in conn.execute(
            "SELECT source, error, notice FROM files "
            "WHERE error IS NOT NULL OR notice IS NOT NULL ORDER BY source"
        ):
            if error is not None:
                out.append(_read_stored(error, source))
                continue
            try:
                notices = json.loads(notice)
            except ValueError:
                notices = [notice]
            out += [Problem.from_json(n).at(source)
                    for n in (notices if isinstance(notices, list) else [notices])]
        dupes = self._kept("claims", lambda: conn.execute(
            "SELECT paper, date, page, group_concat(source, '\n') FROM files "
            "WHERE error IS NULL AND date IS NOT NULL "
            "GROUP BY paper, date, page, position HAVING count(*) > 1"
        ).fetchall())
        if dupes:
            from .library import same_page
        for paper, day, page, sources in dupes:
            first, *others = sorted(sources.split("\n"))
            for other in others:
                out.append(same_page(other, first, paper, day, page))
        return out

    def issues(self) -> list[IssueInfo]:
        """Every issue, by date (undated ones last), with its pages in page order."""
        return [IssueInfo.packed(paper, _date(day), *rest)
                for paper, day, *rest in self._kept("issues", self._issue_rows)]

    def _issue_rows(self) -> list[tuple[Any, ...]]:
        """The issues as plain values, sorted, their pages packed (``IssueInfo.packed``:
        paper, day, number, page count, page numbers, sources, origins and key)."""
        rows = self._connect().execute(
            "SELECT source, paper, date, issue_no, page, page_count, position, "
            "json_extract(origin, '$.date'), json_extract(origin, '$.paper') FROM files "
            "WHERE error IS NULL ORDER BY date IS NULL, date, paper, page, position, source"
        ).fetchall()
        groups: dict[str, list[tuple[str, int | None, int | None, int | None]]] = {}
        heads: dict[str, tuple[str, str | None, str | None, str | None]] = {}
        for source, paper, day, issue_no, page, page_count, _, date_from, paper_from in rows:
            paper = paper or UNKNOWN_PAPER
            key = issue_key(paper, day, source)
            groups.setdefault(key, []).append((source, issue_no, page, page_count))
            heads.setdefault(key, (paper, day, date_from, paper_from))
        issues: list[tuple[Any, ...]] = []
        for key, members in groups.items():
            paper, day, date_from, paper_from = heads[key]
            numbers = [m[1] for m in members if m[1]]
            counts = [m[3] for m in members if m[3]]
            pages = sorted(members, key=lambda m: m[2] or 999)
            issues.append((paper, day, numbers[0] if numbers else None,
                           max(counts) if counts else None, tuple(m[2] for m in pages),
                           _SEP.join(m[0] for m in pages), date_from, paper_from, key))
        issues.sort(key=lambda i: (i[1] or "~", i[0], i[8]))  # undated last, as dt.date.max
        return issues

    def _kept(self, kind: str, compute: Callable[[], list[Any]]) -> list[Any]:
        """``compute()``, or what it gave when the files read were last as they are now
        (``listing``: kept by the state token, in ``marshal``'s format of this Python; each
        version of what is kept in a row of its own, so that two versions of the reader
        sharing a catalog do not take turns computing it)."""
        conn = self._connect()
        kind = f"{kind}/v{_LISTING}"
        token = f"{self.state()}/m{marshal.version}"
        row = conn.execute("SELECT blob FROM listing WHERE kind = ? AND token = ?",
                           (kind, token)).fetchone()
        if row is not None:
            try:
                kept: list[Any] = marshal.loads(zlib.decompress(row[0]))
                return kept
            except (ValueError, EOFError, TypeError, zlib.error):
                pass  # written by another Python, or damaged: computed again
        value = compute()
        changes.try_write(conn, self._write_lock, "INSERT OR REPLACE INTO listing VALUES "
                          "(?, ?, ?)", (kind, token, zlib.compress(marshal.dumps(value), 1)))
        return value

    def papers(self) -> list[str]:
        rows = self._connect().execute(
            "SELECT DISTINCT coalesce(paper, ?) FROM files WHERE error IS NULL", (UNKNOWN_PAPER,)
        )
        return sorted(r[0] for r in rows)

    def article_infos(self, source: str) -> list[ArticleInfo]:
        """The articles of one page, in page order, without their text."""
        rows = self._connect().execute(
            "SELECT id, source, position, paper, date, page, title, title_derived, byline, length "
            "FROM articles WHERE source = ? ORDER BY position",
            (source,),
        ).fetchall()
        return [
            ArticleInfo(r[0], r[1], r[2], r[3], _date(r[4]), r[5], r[6], bool(r[7]), r[8], r[9])
            for r in rows
        ]

    def locate(self, article_id: str) -> tuple[str, int] | None:
        row = self._connect().execute(
            "SELECT source, position FROM articles WHERE id = ? ORDER BY source LIMIT 1",
            (article_id,),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def article(self, article_id: str) -> Article | None:
        where = self.locate(article_id)
        if where is None:
            return None
        page = self.page(where[0])
        if page is None or where[1] >= len(page.articles):
            return None
        return page.articles[where[1]]

    def articles_at(self, refs: Sequence[tuple[str, int, str]]) -> list[Article | None]:
        """The articles of ``refs`` (page file, place on the page, id): the texts of a page of
        search hits, each read from its own row. An article no longer at its place is looked
        for by its id on its page; one that is gone gives None."""
        conn = self._connect()
        out: list[Article | None] = []
        for source, position, article_id in refs:
            row = conn.execute(
                "SELECT data FROM articles WHERE source = ? AND position = ? AND id = ?",
                (source, position, article_id)).fetchone() or conn.execute(
                "SELECT data FROM articles WHERE source = ? AND id = ? ORDER BY position "
                "LIMIT 1", (source, article_id)).fetchone()
            out.append(article_from_dict(_unpacked(row[0])) if row is not None else None)
        return out

    def articles(self) -> Iterator[Article]:
        """Every article, page by page (reads the whole archive: for exports and checks)."""
        for source in sorted(self.stamps()):
            page = self.page(source)
            if page is not None:
                yield from page.articles

    def paper_summaries(self) -> list[dict[str, object]]:
        """Per paper: issues, pages, articles, first and last date, article records, and where
        the dates and the name came from (``{"path": 404}``)."""
        conn = self._connect()
        rows = conn.execute(
            "SELECT coalesce(f.paper, ?), count(DISTINCT f.date), " + _PAGES + ", "
            "sum(f.n_articles), min(f.date), max(f.date), "
            "count(*) FILTER (WHERE f.date IS NULL), count(f.position) "
            "FROM files f WHERE f.error IS NULL GROUP BY 1 ORDER BY 1",
            (UNKNOWN_PAPER,),
        ).fetchall()
        origins: dict[tuple[str, str], dict[str, int]] = {}
        for paper, field_name, origin, count in conn.execute(
            "SELECT coalesce(f.paper, ?), o.key, o.value, count(*) "
            "FROM files f, json_each(coalesce(f.origin, '{}')) o "
            "WHERE f.error IS NULL GROUP BY 1, 2, 3 ORDER BY 4 DESC",
            (UNKNOWN_PAPER,),
        ):
            origins.setdefault((paper, field_name), {})[origin] = count
        return [
            {
                "paper": paper, "issues": issues + undated, "pages": pages,
                "articles": articles or 0, "first_date": first, "last_date": last,
                "undated_pages": undated, "article_records": records,
                "date_from": origins.get((paper, "date"), {}),
                "paper_from": origins.get((paper, "paper"), {}),
            }
            for paper, issues, pages, articles, first, last, undated, records in rows
        ]

    def unnamed_records(self) -> bool:
        """Are there article files whose paper nothing names (not even ``library.toml``)?"""
        row = self._connect().execute(
            "SELECT 1 FROM files WHERE error IS NULL AND position IS NOT NULL "
            "AND paper IS NULL LIMIT 1").fetchone()
        return row is not None

    def warned_sources(self) -> list[str]:
        """The pages read with warnings (a masthead that contradicts itself, …), in order."""
        rows = self._connect().execute(
            "SELECT source FROM files WHERE n_warnings > 0 AND error IS NULL ORDER BY source")
        return [r[0] for r in rows.fetchall()]

    def undated_sources(self) -> list[str]:
        rows = self._connect().execute(
            "SELECT source FROM files WHERE error IS NULL AND date IS NULL ORDER BY source"
        )
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        conn = self._connect()
        pages, undated, bad, records = conn.execute(
            "SELECT " + _PAGES + " FILTER (WHERE error IS NULL), "
            "count(*) FILTER (WHERE error IS NULL AND date IS NULL), "
            "count(*) FILTER (WHERE error IS NOT NULL), "
            "count(position) FILTER (WHERE error IS NULL) FROM files f"
        ).fetchone()
        (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        return {
            "pages": pages,
            "article_records": records,
            "undated_pages": undated,
            "problem_files": bad,
            "articles": articles,
            "issues": len(self.issues()),
        }
