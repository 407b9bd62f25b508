"""Which folders of a library changed since the catalog last looked, found without a walk.

A full walk stats every page file: at 200,000 articles (36,000 files) that alone takes longer
than a search should. Instead the catalog keeps the modification time of every folder of the
library (the ``folders`` table). A folder's time moves when an entry is added to it, removed
from it or renamed in it, which covers new, removed and renamed pages, sidecars written by the
reader (always a new file renamed into place) and pages saved by the many programs that do the
same. ``look()`` stats the known folders only (45 at 200,000 articles), lists again the ones
that changed, stats the files in those, and walks new folders whole. What it cannot see is a
page rewritten in place in a folder whose own time stayed the same: the window's watcher and
its background walk see those, and so does ``reader index`` (a full walk).

Folder times are taken before the folder is read, so a change during the reading shows up
next time. A time within ``RACY_NS`` of the moment it was taken is not trusted (file systems
stamp with a coarse clock: a second change in the same tick would not move it) and the folder
is listed again next time.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, ProblemKind
from .sqlrows import rows_in
from .walk import MAX_DEPTH, Entry, _entry, _open

DDL = ("CREATE TABLE IF NOT EXISTS folders (path BLOB PRIMARY KEY, prefix TEXT NOT NULL, "
       "depth INTEGER NOT NULL, mtime INTEGER NOT NULL);\n"
       "CREATE TABLE IF NOT EXISTS state (one INTEGER PRIMARY KEY CHECK (one = 1), "
       "token TEXT NOT NULL);\n"
       "CREATE TABLE IF NOT EXISTS checked (one INTEGER PRIMARY KEY CHECK (one = 1), "
       "after TEXT NOT NULL);\n"
       "CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
       "source TEXT NOT NULL);\n"
       "CREATE TABLE IF NOT EXISTS marks (token TEXT PRIMARY KEY, seq INTEGER NOT NULL)")
"""``folders``: a folder by its path under the root (bytes), the source prefix of its entries
(``""`` for the root, else ``a/b/``), its depth and its modification time (-1: look again).
``state``: one row, the token of the catalog's files (``new_state``). ``checked``: one row,
the last page file ``rewritten`` compared (the next look goes on after it). ``journal``: the
page files whose reading changed (read, read again, removed), in order; ``marks``: for each
token, the last journal entry it includes, so that ``touched_since`` can name what changed
after a token without comparing every file (``JOURNAL_KEEP`` entries are kept)."""

JOURNAL_KEEP = 250_000
"""Journal entries kept: more than the page files of 1,000,000 articles (181,824), so that
an index that last saw the catalog before a whole library was read again still follows
it by the journal; one further behind compares every stamp."""

CHECK_PER_LOOK = 2000
"""Page files whose own size and time each look compares (about 10 ms on a loaded 2-core
machine; a library's whole list of files takes that many looks)."""
_OWN = re.compile(r"(\d+):(\d+)")
"""The page's own size and time at the start of its stamp (``library.file_stamp``)."""

RACY_NS = 2_000_000_000
UNKNOWN = -1
WHERE = "the library folder"

Wanted = Callable[[str], bool]


@dataclass(frozen=True)
class Folder:
    prefix: str
    depth: int
    mtime: int


def _key(root: Path, folder: Path) -> bytes:
    return os.fsencode(os.path.relpath(folder, root)) if folder != root else b""


def _stat_dir(path: Path, taken: int, root: bool) -> int | None:
    """The folder's modification time as recorded (UNKNOWN when too recent to trust), or
    None when it is no folder any more. The library folder may be a link to one; links to
    folders inside it are not followed (as by the walk)."""
    try:
        st = os.stat(path, follow_symlinks=root)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode):
        return None
    return UNKNOWN if st.st_mtime_ns > taken - RACY_NS else st.st_mtime_ns


@dataclass
class _Walk:
    """A walk of some folders of a library, recording the time of each folder it enters."""

    root: Path
    wanted: Wanted
    files: bool = True
    """Yield the entries of page files (else only record the folders)."""
    known: dict[bytes, Folder] = field(default_factory=dict)
    seen: dict[bytes, Folder] = field(default_factory=dict)
    real_root: str = ""

    def __post_init__(self) -> None:
        self.real_root = os.path.realpath(self.root)

    def _kind(self, entry: os.DirEntry[str], sub: Path, source: str) -> Entry | str | None:
        if self.files:
            return _entry(entry, sub, source, (self.real_root, WHERE), self.wanted)
        try:
            return "folder" if entry.is_dir(follow_symlinks=False) else None
        except OSError:
            return None

    def folder(self, path: Path, prefix: str, depth: int, deep: bool) -> Iterator[Entry]:
        """The entries of ``path``; with ``deep`` also those of every folder under it, else
        only of the folders under it that are not known yet (new ones)."""
        stack = [(path, prefix, depth)]
        while stack:
            here, pre, level = stack.pop()
            # Before the reading: see the docstring.
            mtime = _stat_dir(here, time.time_ns(), here == self.root)
            opened = _open(here, pre, level)
            key = _key(self.root, here)
            if isinstance(opened, Entry):
                self.seen[key] = Folder(pre, level, UNKNOWN)  # unreadable: look again
                yield opened
                continue
            self.seen[key] = Folder(pre, level, UNKNOWN if mtime is None else mtime)
            inner = []
            for entry, text in opened[0]:
                sub, source = here / entry.name, pre + text
                found = self._kind(entry, sub, source)
                if isinstance(found, Entry):
                    yield found
                if found != "folder":
                    continue
                if level + 1 > MAX_DEPTH:
                    if self.files:
                        yield Entry(sub, source, Problem.of(ProblemKind.TOO_DEEP,
                                                            depth=MAX_DEPTH))
                    continue
                if deep or _key(self.root, sub) not in self.known:
                    inner.append((sub, source + "/", level + 1))
            stack.extend(reversed(inner))


@dataclass
class Look:
    """What changed since the folder times were saved: the entries to compare with the
    catalog, and which sources they stand for (the others are as they were)."""

    walk: _Walk
    changed: list[tuple[Path, Folder]]
    gone: list[bytes]
    looked: int
    """Folders whose time was compared."""
    _listed: set[str] = field(default_factory=set)
    _gone: tuple[str, ...] = ()

    def entries(self) -> Iterator[Entry]:
        """The entries of the changed folders and of the new folders under them."""
        for path, folder in self.changed:
            yield from self.walk.folder(path, folder.prefix, folder.depth, deep=False)
        self._listed = {f.prefix for f in self.walk.seen.values()}
        self._gone = tuple(self.walk.known[k].prefix for k in self.gone)

    def stamps(self, conn: sqlite3.Connection) -> dict[str, str]:
        """The catalog's stamps of the sources ``covers`` is true of (``entries()``
        consumed first): read by ranges of names, folder by folder, not for every file (at
        1,000,000 articles reading all 181,824 stamps and asking ``covers`` of each took
        0.5 s of a quick sync that found one new issue)."""
        found: dict[str, str] = {}
        gone = set(self._gone)
        for prefix in self._listed | gone:
            # "a/b/": the names from "a/b/" up to "a/b0" ("0" follows "/"); of a folder
            # listed, those without a further "/" (its own files), of one gone, all of them
            own = "" if prefix in gone else " AND instr(substr(source, ?), '/') = 0"
            if prefix:
                rows = conn.execute("SELECT source, stamp FROM files WHERE source >= ? AND "
                                    "source < ?" + own, (prefix, prefix[:-1] + "0")
                                    + ((len(prefix) + 1,) if own else ()))
            else:  # the root's own files: names without a folder
                rows = conn.execute("SELECT source, stamp FROM files "
                                    "WHERE instr(source, '/') = 0")
            found.update((source, stamp) for source, stamp in rows if self.covers(source))
        folders_as_files = [p[:-1] for p in self._listed if p]  # a page where a folder is now
        found.update(rows_in(conn, "SELECT source, stamp FROM files WHERE source IN ({marks})",
                             folders_as_files))
        return found

    def covers(self, source: str) -> bool:
        """Whether ``source`` was looked at by ``entries()`` (consumed first): in a folder
        listed again, a listed folder itself, or under a folder that is gone. A covered
        source that was not among the entries is no longer there."""
        parent = source.rpartition("/")[0]
        return ((parent + "/" if parent else "") in self._listed
                or source + "/" in self._listed or source.startswith(self._gone))


def record(root: Path) -> dict[bytes, Folder]:
    """The time of every folder of the library, taken before a full walk reads them."""
    walk = _Walk(Path(root), lambda name: False, files=False)
    for _ in walk.folder(Path(root), "", 0, deep=True):
        pass
    return walk.seen


def look(conn: sqlite3.Connection, root: Path, wanted: Wanted) -> Look | None:
    """The folders that changed since ``save``; None when nothing was saved or the library
    folder itself is gone (a full walk is needed). ``conn`` is the catalog's connection."""
    rows = conn.execute("SELECT path, prefix, depth, mtime FROM folders")
    known = {bytes(path): Folder(prefix, depth, mtime) for path, prefix, depth, mtime in rows}
    if b"" not in known:
        return None
    root = Path(root)
    changed: list[tuple[Path, Folder]] = []
    gone: list[bytes] = []
    taken = time.time_ns()
    for key, folder in known.items():
        path = root / os.fsdecode(key) if key else root
        mtime = _stat_dir(path, taken, not key)
        if mtime is None:
            gone.append(key)
        elif folder.mtime == UNKNOWN or mtime != folder.mtime:
            changed.append((path, folder))
    if b"" in gone:
        return None
    return Look(_Walk(root, wanted, known=known), changed, gone, len(known))


def save(conn: sqlite3.Connection, found: Look | dict[bytes, Folder]) -> None:
    """Keep the folder times of a full walk (``record``) or of a ``look`` whose entries were
    all compared; the caller holds the catalog's write lock and commits."""
    if isinstance(found, dict):
        conn.execute("DELETE FROM folders")
        seen = found
    else:
        for key in found.gone:
            conn.execute("DELETE FROM folders WHERE path = ? OR substr(path, 1, ?) = ?",
                         (key, len(key) + 1, key + b"/"))
        seen = found.walk.seen
    conn.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?)",
                     [(key, f.prefix, f.depth, f.mtime) for key, f in seen.items()])


def new_state(conn: sqlite3.Connection, sources: Iterable[str] = ()) -> None:
    """Note that the catalog's files changed, these sources among them: the search index
    compares this token with the one it was last brought up to date with, and asks
    ``touched_since`` what changed after that one (the caller holds the write lock, in a
    transaction)."""
    token = uuid.uuid4().hex
    conn.executemany("INSERT INTO journal (source) VALUES (?)", ((s,) for s in sources))
    (last,) = conn.execute("SELECT coalesce(max(seq), 0) FROM journal").fetchone()
    conn.execute("INSERT OR REPLACE INTO state VALUES (1, ?)", (token,))
    conn.execute("INSERT INTO marks VALUES (?, ?)", (token, last))
    cut = last - JOURNAL_KEEP
    if cut > 0:
        conn.execute("DELETE FROM journal WHERE seq <= ?", (cut,))
        conn.execute("DELETE FROM marks WHERE seq < ?", (cut,))


def forget_journal(conn: sqlite3.Connection) -> None:
    """The catalog forgot every file it read: no earlier token can be followed by the journal
    (the caller holds the write lock, in a transaction)."""
    conn.execute("DELETE FROM journal")
    conn.execute("DELETE FROM marks")


def touched_since(conn: sqlite3.Connection, token: str) -> list[str] | None:
    """The sources whose reading changed after the state ``token`` named, or None when the
    journal cannot tell (a token it never had, or one older than the entries kept)."""
    rows = conn.execute(  # one statement: the mark and the entries after it, as of one moment
        "SELECT NULL FROM marks WHERE token = ?1 UNION ALL SELECT source FROM journal "
        "WHERE seq > (SELECT seq FROM marks WHERE token = ?1)", (token,)).fetchall()
    if all(r[0] is not None for r in rows):  # no mark (a journal source is never NULL)
        return None
    return list(dict.fromkeys(r[0] for r in rows if r[0] is not None))


def state(conn: sqlite3.Connection, lock: threading.Lock) -> str:
    """The token of the catalog's files as they are now (a new one if none was kept)."""
    row = conn.execute("SELECT token FROM state").fetchone()
    if row is not None:
        return str(row[0])
    with lock, conn:
        new_state(conn)
    return state(conn, lock)


def rewritten(conn: sqlite3.Connection, root: Path, lock: threading.Lock) -> list[str]:
    """The next ``CHECK_PER_LOOK`` page files of the catalog (in the order of their names,
    going round) whose size or modification time is not the one read: pages rewritten in
    place, which move no folder's time. A file gone is left to its folder's time."""
    row = conn.execute("SELECT after FROM checked").fetchone()
    after = str(row[0]) if row else ""
    rows = conn.execute("SELECT source, stamp FROM files WHERE source > ? ORDER BY source "
                        "LIMIT ?", (after, CHECK_PER_LOOK)).fetchall()
    if len(rows) < CHECK_PER_LOOK:  # round again from the first
        rows += conn.execute("SELECT source, stamp FROM files WHERE source <= ? ORDER BY "
                             "source LIMIT ?", (after, CHECK_PER_LOOK - len(rows))).fetchall()
    moved = []
    with _folder(root) as stat_in:
        for source, stamp in rows:
            own = _OWN.match(stamp)
            if own is None:
                continue  # an entry the walk refused: its folder's time says when it changes
            try:
                st = stat_in(source)
            except OSError:
                continue
            if (st.st_size, st.st_mtime_ns) != (int(own[1]), int(own[2])):
                moved.append(source)
    if rows:
        try_write(conn, lock, "INSERT OR REPLACE INTO checked VALUES (1, ?)", (rows[-1][0],))
    return moved


@contextlib.contextmanager
def _folder(root: Path) -> Iterator[Callable[[str], os.stat_result]]:
    """``stat`` of a path under ``root``, relative to an open handle of the folder where the
    system has them (a third of the time of joining and resolving every path: 2,000 files
    in 7 ms against 21 ms)."""
    fd = -1
    if os.stat in os.supports_dir_fd:
        try:
            fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            fd = -1
    try:
        if fd >= 0:
            yield lambda source: os.stat(source, dir_fd=fd)
        else:
            text = os.fspath(root)
            yield lambda source: os.stat(os.path.join(text, source))
    finally:
        if fd >= 0:
            os.close(fd)


def try_write(conn: sqlite3.Connection, lock: threading.Lock, sql: str,
              params: tuple[object, ...]) -> bool:
    """Run one write of something the catalog can do without (a note, a kept value) unless
    another thread or process is writing: a start never waits for a sync to make it."""
    if not lock.acquire(blocking=False):
        return False
    try:
        conn.execute("PRAGMA busy_timeout=0")
        with conn:
            conn.execute(sql, params)
        return True
    except sqlite3.OperationalError:
        return False  # busy: next time
    finally:
        conn.execute("PRAGMA busy_timeout=30000")
        lock.release()
