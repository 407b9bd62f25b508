"""The bookmark store: SQLite (WAL) in the user data folder, safe for several processes.

Every change is one ``BEGIN IMMEDIATE`` transaction with a generous busy timeout, so two
windows, or a window and the CLI, adding at the same moment each wait their turn and lose
nothing. One store object may be shared by threads (a lock serialises its connection).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from ..corpus.model import Article
from ..paths import cannot_write
from . import schema
from .backup import backup_path, copy_database, default_path, remove_stale_copies
from .bookmark import (
    BOOKMARK_ROWS,
    EXCERPT_ROWS,
    REF_COLUMNS,
    Bookmark,
    Rows,
    add_tags,
    from_row,
    insert_row,
    join_notes,
    match_row,
    now,
    ref_values,
    set_note,
    tags_by_row,
)
from .errors import (
    BookmarkNotFound,
    DamagedStoreError,
    ExcerptNotFound,
    NewerSchemaError,
    StoreError,
)
from .excerpt import Excerpt, excerpt_from_row, insert_excerpt, match_excerpt
from .identity import ArticleRef, ArticleStore
from .merge import ImportReport, merge_excerpts, merge_into
from .passage import Passage
from .transfer import read_transfer, write_bookmarks

Sort = Literal["added", "article_date"]
Bookmarks = list[Bookmark]
Names = list[str]
Excerpts = list[Excerpt]
BUSY_TIMEOUT_S = 30.0

log = logging.getLogger(__name__)


def _damaged(err: sqlite3.DatabaseError) -> bool:
    """A DatabaseError that means a damaged file (not a lock, a full disk, permissions, or
    a value SQLite cannot take: that is the caller's error, never the file's)."""
    if isinstance(err, (sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return False
    return not isinstance(err, sqlite3.OperationalError) or "malformed" in str(err)


def _cannot_open(path: Path, err: sqlite3.Error) -> StoreError:
    """The error for a store SQLite could not open: the folder's fault when it is read-only
    or full (SQLite says only "unable to open" or "disk I/O error")."""
    if (why := cannot_write(path.parent, probe_bytes=65536)) is not None:
        return StoreError(f"cannot open the bookmarks in {path}: the folder {path.parent} "
                          f"cannot be written ({why})")
    return StoreError(f"cannot open the bookmarks in {path}: {err}")


def _filter(tagged: str, tag: str | None, text: str | None,
            fields: tuple[str, ...]) -> tuple[str, list[object]]:
    """The WHERE clause (and its values) of a list: ids ``tagged`` with ``tag`` (a SELECT of
    ids), ``text`` contained in one of ``fields``."""
    clauses: list[str] = []
    params: list[object] = []
    if tag:
        clauses.append(f"id IN ({tagged} WHERE tag = ?)")
        params.append(" ".join(tag.split()))
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        clauses.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")")
        params += [like] * len(fields)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _add_to(conn: sqlite3.Connection, rows: Rows, row: sqlite3.Row, note: str) -> int:
    """Something kept again: a new ``note`` goes after the stored one (nothing is
    replaced); return the stored row's id."""
    row_id, old, new = int(row["id"]), str(row["note"]), note.strip()
    if new and new not in old:
        set_note(conn, row_id, join_notes(old, new, "补充") if old.strip() else new, rows)
    return row_id


class BookmarkStore:
    """Bookmarks with notes and tags. Open with ``BookmarkStore.open(path=None)``."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, keep_backup: bool) -> None:
        self.path = path
        self._conn = conn
        self._lock = threading.RLock()
        self._keep_backup = keep_backup
        self.backup_problem: str | None = None
        """Why the last rolling backup could not be written (a full disk …), or None. The
        change itself was saved; the previous backup stays as it was."""

    # ---------------------------------------------------------------- opening and closing

    @classmethod
    def open(cls, path: Path | None = None, *, keep_backup: bool = True) -> BookmarkStore:
        """Open (or create) the store at ``path`` (default: ``bookmarks.sqlite3`` in the
        user data folder).

        Raises ``NewerSchemaError`` for a store written by a newer reader (left untouched),
        ``DamagedStoreError`` for one that cannot be read (kept as it is, never replaced),
        ``StoreError`` when the folder cannot be written.
        """
        path = Path(path) if path is not None else default_path()
        backup = backup_path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the folder for bookmarks {path.parent}: "
                             f"{err.strerror or err}") from None
        if path.exists() and path.stat().st_size == 0 and backup.exists():
            raise DamagedStoreError(path, "the file is empty", backup)
        conn = cls._connect(path)
        try:
            cls._check(conn, path, backup if backup.exists() else None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(path, conn, keep_backup=keep_backup)
            found = schema.version(conn)
            if 0 < found < schema.latest() and keep_backup:
                # Before a migration: a copy of the old state that later backups leave alone.
                copy_database(conn, path.with_name(f"{path.stem}.schema-{found}{path.suffix}"))
            schema.migrate(conn)
        except sqlite3.OperationalError as err:
            conn.close()
            if _damaged(err):
                raise DamagedStoreError(path, str(err), backup if backup.exists() else None) \
                    from None
            raise _cannot_open(path, err) from None
        except BaseException:
            conn.close()
            raise
        store._backup()
        remove_stale_copies(path)
        return store

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as err:
            raise _cannot_open(path, err) from None
        conn.row_factory = sqlite3.Row
        return conn

    @staticmethod
    def _check(conn: sqlite3.Connection, path: Path, backup: Path | None) -> None:
        """Refuse a newer or damaged store before anything is written to it."""
        try:
            # One read transaction: another process creating the store at this moment must
            # not be seen half-way (its tables without their version).
            conn.execute("BEGIN")
            try:
                found = schema.version(conn)
                if found > schema.latest():
                    raise NewerSchemaError(path, found, schema.latest())
                result = conn.execute("PRAGMA quick_check").fetchone()[0]
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            finally:
                if conn.in_transaction:  # not after an error that ended it (a full disk)
                    conn.execute("COMMIT")
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as err:
            raise DamagedStoreError(path, str(err), backup) from None
        if result != "ok":
            raise DamagedStoreError(path, f"integrity check: {result}", backup)
        if found == 0 and tables:
            raise DamagedStoreError(path, "it is an SQLite file but not a bookmark store",
                                    backup)
        if found and "bookmarks" not in tables:
            raise DamagedStoreError(path, "its bookmarks table is missing", backup)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backup_path(self) -> Path:
        return backup_path(self.path)

    def _backup(self) -> None:
        """Copy the state just committed over the rolling backup. A failure (a full disk)
        does not undo the change: it is logged and kept in ``backup_problem``."""
        if not self._keep_backup:
            return
        with self._lock:
            try:
                copy_database(self._conn, self.backup_path)
            except (OSError, sqlite3.Error, StoreError) as err:
                reason = getattr(err, "strerror", None) or str(err)
                self.backup_problem = (f"the backup {self.backup_path} could not be updated "
                                       f"({reason}); it still holds an earlier state")
                log.warning("%s", self.backup_problem, exc_info=True)
            else:
                self.backup_problem = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the rolling backup follows a successful commit."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    # SQLite rolls back by itself on some errors (a full disk): then a
                    # second ROLLBACK would hide the real error behind "no transaction".
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.DatabaseError as err:
                raise self._error(err) from None
            self._backup()

    def _error(self, err: sqlite3.DatabaseError) -> StoreError:
        if _damaged(err):
            backup = self.backup_path if self.backup_path.exists() else None
            return DamagedStoreError(self.path, str(err), backup)
        if "full" in str(err) and (why := cannot_write(self.path.parent, probe_bytes=65536)
                                   ) is not None:
            # SQLite says only "database or disk is full": say which folder, and the system's
            # reason, as when the store cannot be opened.
            return StoreError(f"cannot save bookmarks in {self.path}: the folder "
                              f"{self.path.parent} cannot be written ({why})")
        return StoreError(f"cannot save bookmarks in {self.path}: {err}")

    def _read(self, sql: str, params: Iterable[object] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self._conn.execute(sql, tuple(params)))
            except sqlite3.DatabaseError as err:
                raise self._error(err) from None

    def data_version(self) -> int:
        """A number that changes when another connection commits (poll it to refresh)."""
        return int(self._read("PRAGMA data_version")[0][0])

    # ---------------------------------------------------------------- reading

    def _bookmarks(self, where: str = "", params: Iterable[object] = (),
                   order: str = "added DESC, id DESC") -> list[Bookmark]:
        rows = self._read(f"SELECT * FROM bookmarks {where} ORDER BY {order}", params)
        tags: dict[int, list[str]] = {}
        for bid, tag in self._read("SELECT bookmark_id, tag FROM tags ORDER BY rowid"):
            tags.setdefault(bid, []).append(tag)
        return [from_row(r, tags.get(r["id"], ())) for r in rows]

    def get(self, bookmark_id: int) -> Bookmark | None:
        found = self._bookmarks("WHERE id = ?", (bookmark_id,))
        return found[0] if found else None

    def _require(self, bookmark_id: int) -> Bookmark:
        bookmark = self.get(bookmark_id)
        if bookmark is None:
            raise BookmarkNotFound(bookmark_id)
        return bookmark

    def find_for_article(self, article: Article) -> Bookmark | None:
        """The bookmark of ``article`` (by id, or by paper/date/page/title or body)."""
        with self._lock:
            try:
                row = match_row(self._conn, ArticleRef.of(article))
            except sqlite3.DatabaseError as err:
                raise self._error(err) from None
        return self.get(int(row["id"])) if row is not None else None

    def list(self, tag: str | None = None, text: str | None = None,
             sort: Sort = "added") -> Bookmarks:
        """Bookmarks, newest first (``sort="added"``) or by article date, undated last
        (``sort="article_date"``); ``tag`` keeps those with that tag, ``text`` those whose
        note or headline contains it."""
        where, params = _filter("SELECT bookmark_id FROM tags", tag, text,
                                ("note", "display_title", "kicker", "title", "subtitle"))
        order = ("date IS NULL, date, paper, page, added, id" if sort == "article_date"
                 else "added DESC, id DESC")
        if sort not in ("added", "article_date"):
            raise ValueError(f"unknown sort {sort!r}")
        return self._bookmarks(where, params, order)

    def tags(self) -> Names:
        """Every tag in use (by bookmarks and excerpts), sorted."""
        return [r[0] for r in self._read(
            "SELECT tag FROM tags UNION SELECT tag FROM excerpt_tags ORDER BY tag")]

    def __len__(self) -> int:
        return int(self._read("SELECT count(*) FROM bookmarks")[0][0])

    # ---------------------------------------------------------------- changing

    def add(self, article: Article, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark ``article``. If it is bookmarked already, that bookmark is returned with
        the tags added and a new note appended after the old one (nothing is replaced)."""
        return self.add_ref(ArticleRef.of(article), note, tags)

    def add_ref(self, ref: ArticleRef, note: str = "", tags: Iterable[str] = (), *,
                uid: str | None = None, added: str | None = None) -> Bookmark:
        """``add`` for a remembered article (import uses it)."""
        with self._write() as conn:
            row = match_row(conn, ref, uid)
            if row is None:
                bookmark_id = insert_row(conn, ref, note, uid=uid, added=added)
            else:
                bookmark_id = _add_to(conn, BOOKMARK_ROWS, row, note)
            add_tags(conn, bookmark_id, tags)
        return self._require(bookmark_id)

    def update(self, bookmark_id: int, *, note: str | None = None,
               tags: Iterable[str] | None = None) -> Bookmark:
        """Replace the note and/or the tags of a bookmark (what the user typed)."""
        if not self._update(BOOKMARK_ROWS, bookmark_id, note, tags):
            raise BookmarkNotFound(bookmark_id)
        return self._require(bookmark_id)

    def relink(self, bookmark_id: int, article: Article) -> Bookmark:
        """Point a bookmark at ``article`` (found again after ids changed); note and tags stay."""
        if not self._relink(BOOKMARK_ROWS, bookmark_id, article):
            raise BookmarkNotFound(bookmark_id)
        return self._require(bookmark_id)

    def _update(self, rows: Rows, row_id: int, note: str | None,
                tags: Iterable[str] | None) -> bool:
        """Replace the note and/or tags of a bookmark or excerpt; False when there is none."""
        with self._write() as conn:
            if conn.execute(f"SELECT 1 FROM {rows.table} WHERE id = ?", (row_id,)
                            ).fetchone() is None:
                return False
            if note is not None:
                set_note(conn, row_id, note, rows)
            if tags is not None:
                conn.execute(f"DELETE FROM {rows.tag_table} WHERE {rows.key} = ?", (row_id,))
                add_tags(conn, row_id, tags, rows)
                conn.execute(f"UPDATE {rows.table} SET updated = ? WHERE id = ?",
                             (now().isoformat(), row_id))
        return True

    def _relink(self, rows: Rows, row_id: int, article: Article) -> bool:
        ref = ArticleRef.of(article)
        with self._write() as conn:
            sets = ", ".join(f"{c} = ?" for c in REF_COLUMNS)
            cur = conn.execute(f"UPDATE {rows.table} SET {sets}, updated = ? WHERE id = ?",
                               (*ref_values(ref), now().isoformat(), row_id))
        return cur.rowcount > 0

    def remove(self, bookmark_id: int) -> bool:
        """Delete a bookmark; False when there was none with this id."""
        with self._write() as conn:
            cur = conn.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
        return cur.rowcount > 0

    # ---------------------------------------------------------------- moving bookmarks

    def export_json(self, path: Path, source: ArticleStore | None = None) -> int:
        """Write every bookmark and excerpt (with its citation) to a JSON file; return how
        many bookmarks.

        With ``source`` (the library), articles found again give their current id and a
        citation from the article itself; the others are cited from what was remembered.
        """
        return write_bookmarks(Path(path), self.list(sort="article_date"), source,
                               self.excerpts())

    def import_json(self, path: Path) -> ImportReport:
        """Merge the bookmarks and excerpts of a JSON file into this store (rule:
        ``merge.py``)."""
        items, excerpts = read_transfer(Path(path))
        with self._write() as conn:
            report = merge_into(conn, items, Path(path).name)
            merge_excerpts(conn, excerpts, Path(path).name, report)
            return report

    # ---------------------------------------------------------------- excerpts

    def _excerpts(self, where: str = "", params: Iterable[object] = ()) -> Excerpts:
        rows = self._read(f"SELECT * FROM excerpts {where} ORDER BY added DESC, id DESC",
                          params)
        tags = tags_by_row(self._read(
            "SELECT excerpt_id, tag FROM excerpt_tags ORDER BY rowid"))
        return [excerpt_from_row(r, tags.get(int(r["id"]), ())) for r in rows]

    def excerpts(self, tag: str | None = None, text: str | None = None) -> Excerpts:
        """Excerpts, newest first; ``tag`` keeps those with that tag, ``text`` those whose
        passage, note or headline contains it."""
        return self._excerpts(*_filter("SELECT excerpt_id FROM excerpt_tags", tag, text,
                                       ("text", "note", "display_title", "title")))

    def get_excerpt(self, excerpt_id: int) -> Excerpt | None:
        found = self._excerpts("WHERE id = ?", (excerpt_id,))
        return found[0] if found else None

    def _require_excerpt(self, excerpt_id: int) -> Excerpt:
        excerpt = self.get_excerpt(excerpt_id)
        if excerpt is None:
            raise ExcerptNotFound(excerpt_id)
        return excerpt

    def add_excerpt(self, article: Article, passage: Passage, note: str = "",
                    tags: Iterable[str] = ()) -> Excerpt:
        """Keep ``passage`` of ``article``. The same passage kept again is the same excerpt,
        its tags added and a new note appended after the old one (nothing is replaced)."""
        if not passage.text.strip():
            raise StoreError("an excerpt needs some text: select a passage of the article")
        ref = ArticleRef.of(article)
        with self._write() as conn:
            row = match_excerpt(conn, ref, passage.text)
            if row is None:
                excerpt_id = insert_excerpt(conn, ref, passage, note)
            else:
                excerpt_id = _add_to(conn, EXCERPT_ROWS, row, note)
            add_tags(conn, excerpt_id, tags, EXCERPT_ROWS)
        return self._require_excerpt(excerpt_id)

    def update_excerpt(self, excerpt_id: int, *, note: str | None = None,
                       tags: Iterable[str] | None = None) -> Excerpt:
        """Replace the note and/or the tags of an excerpt (what the user typed)."""
        if not self._update(EXCERPT_ROWS, excerpt_id, note, tags):
            raise ExcerptNotFound(excerpt_id)
        return self._require_excerpt(excerpt_id)

    def relink_excerpt(self, excerpt_id: int, article: Article) -> Excerpt:
        """Point an excerpt at ``article`` (its passage found there after ids changed); the
        passage's text, the note and the tags stay."""
        if not self._relink(EXCERPT_ROWS, excerpt_id, article):
            raise ExcerptNotFound(excerpt_id)
        return self._require_excerpt(excerpt_id)

    def remove_excerpt(self, excerpt_id: int) -> bool:
        """Delete an excerpt; False when there was none with this id."""
        with self._write() as conn:
            cur = conn.execute("DELETE FROM excerpts WHERE id = ?", (excerpt_id,))
        return cur.rowcount > 0
