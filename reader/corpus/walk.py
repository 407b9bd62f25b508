"""Walking a library folder: its page files, with names that are valid text, depth bounded.

The walk is a loop, not a recursion, and goes at most ``MAX_DEPTH`` folders deep: a deeper
folder is one entry with a problem, and the rest of the library is read. Every entry has a
*source*, its path relative to the root with ``/`` between the parts, which is what the
catalog, the search index, messages and JSON output know it by. A name that is not UTF-8
(GBK bytes from an archive unzipped on Chinese Windows) is read like any other; its source
shows it decoded as GBK (``encoding.name_text``), and ``source_path`` finds the file again.

Only folders and files that are really in the library are read. A link that leaves the
library folder, a broken link and anything that is not a regular file (a named pipe, a
device) are entries with a problem, never read. Links to folders are not followed (a link
inside the library shows what is read anyway; one that leaves it is reported).
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, ProblemKind
from .encoding import escaped_name, name_text

MAX_DEPTH = 32
"""Folders nested deeper than this (a library is ``paper/YYYY/MM-DD``) are not read."""

READING_VERSION = 1
"""Raised when what the walk and the reading accept changes: cached results are read again."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """A page file found by the walk, or something in its place that is not read, and why."""

    path: Path
    source: str
    problem: Problem | None = None


def _kind(mode: int) -> str:
    """What a file of this ``st_mode`` is (a key of ``problems.SPECIAL_FILES``)."""
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def not_regular(mode: int) -> Problem:
    """Why a file of this ``st_mode`` is not read as a page."""
    return Problem.of(ProblemKind.NOT_REGULAR, what=_kind(mode))


def _names(entries: list[os.DirEntry[str]]) -> dict[str, str]:
    """The text each entry of one folder is known by (unique within the folder)."""
    shown: dict[str, str] = {}
    taken: set[str] = set()
    for entry in entries:  # valid names first: a decoded name never takes another's place
        try:
            entry.name.encode("utf-8")
        except UnicodeEncodeError:
            continue
        shown[entry.name] = entry.name
        taken.add(entry.name)
    for entry in entries:
        if entry.name in shown:
            continue
        for text in (name_text(entry.name), escaped_name(entry.name)):
            if text not in taken:
                shown[entry.name] = text
                taken.add(text)
                break
        else:
            log.warning("skipped %s: its name reads like another file's", escaped_name(entry.name))
    return shown


def _leaves(target: str, inside: str) -> bool:
    return target != inside and not target.startswith(inside.rstrip(os.sep) + os.sep)


def walk_pages(
    root: Path, wanted: Callable[[str], bool], where: str = "library"
) -> Iterator[Entry]:
    """The page files under ``root`` (names for which ``wanted(name)``) in a stable order
    (sorted by path, as ``sorted(root.rglob("*"))``), skipping hidden files and folders.
    ``where`` names ``root`` in the problem of a link that leaves it (a key of
    ``problems.PLACES``)."""
    root = Path(root)
    real_root = os.path.realpath(root)
    stack: list[tuple[Iterator[tuple[os.DirEntry[str], str]], Path, str, int]] = []
    opened = _open(root, "", 0)
    if isinstance(opened, Entry):
        yield opened
        return
    stack.append(opened)
    while stack:
        entries, folder, prefix, depth = stack[-1]
        item = next(entries, None)
        if item is None:
            stack.pop()
            continue
        entry, text = item
        path, source = folder / entry.name, prefix + text
        found = _entry(entry, path, source, (real_root, where), wanted)
        if isinstance(found, Entry):
            yield found
        if found != "folder":
            continue
        if depth + 1 > MAX_DEPTH:
            yield Entry(path, source, Problem.of(ProblemKind.TOO_DEEP, depth=MAX_DEPTH))
            continue
        inner = _open(path, source + "/", depth + 1)
        if isinstance(inner, Entry):
            yield inner
        else:
            stack.append(inner)


def _open(
    folder: Path, prefix: str, depth: int
) -> Entry | tuple[Iterator[tuple[os.DirEntry[str], str]], Path, str, int]:
    """The entries of one folder with their names, or why it cannot be read."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")),
                             key=lambda e: e.name)
    except OSError as err:
        return Entry(folder, prefix.rstrip("/") or ".", Problem.of(
            ProblemKind.FOLDER_UNREADABLE, reason=str(err.strerror or err)))
    names = _names(entries)
    pairs = ((e, names[e.name]) for e in entries if e.name in names)
    return pairs, folder, prefix, depth


def _entry(
    entry: os.DirEntry[str], path: Path, source: str, inside: tuple[str, str],
    wanted: Callable[[str], bool],
) -> Entry | str | None:
    """What one folder entry is: "folder" (to enter), an Entry (page or problem), or None."""
    try:
        if entry.is_symlink():
            target = os.path.realpath(path)
            if not os.path.exists(target):
                return (Entry(path, source, Problem.of(ProblemKind.BROKEN_LINK))
                        if wanted(entry.name) else None)
            if _leaves(target, inside[0]):
                if wanted(entry.name) or os.path.isdir(target):
                    return Entry(path, source, Problem.of(
                        ProblemKind.LINK_OUTSIDE, target=name_text(target), where=inside[1]))
                return None
            if os.path.isdir(target):
                return None  # what it shows is read where it is
        elif entry.is_dir(follow_symlinks=False):
            return "folder"
        if not wanted(entry.name):
            return None
        mode = entry.stat().st_mode
        if not stat.S_ISREG(mode):
            return Entry(path, source, not_regular(mode))
    except OSError as err:
        return Entry(path, source, unreadable(err))
    return Entry(path, source)


def source_path(root: Path, source: str) -> Path:
    """The file a source names (the inverse of the walk's names, for names that are not
    UTF-8 as well); ``root / source`` when nothing is there."""
    plain = Path(root) / source
    if os.path.lexists(plain):
        return plain
    here = Path(root)
    for part in source.split("/"):
        if os.path.lexists(here / part):
            here = here / part
            continue
        try:
            with os.scandir(here) as it:
                shown = _names(sorted(it, key=lambda e: e.name))
        except OSError:
            return plain
        match = next((name for name, text in shown.items() if text == part), None)
        if match is None:
            return plain
        here = here / match
    return here


def unreadable(err: OSError) -> Problem:
    """A file the operating system would not let us read, and its reason."""
    return Problem.of(ProblemKind.UNREADABLE, reason=str(err.strerror or err))


class NotReadable(ValueError):
    """A file that is not read: not a regular file (``problem`` says what it is), or larger
    than allowed (``size`` set)."""

    def __init__(self, problem: Problem | None, size: int | None = None) -> None:
        super().__init__(problem.text if problem else f"too large ({size:,} bytes)")
        self.problem = problem
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking (a named pipe does not hang), checked on the open file (a device
    such as /dev/zero is refused before any read), and never read past ``limit`` (a file that
    grows while read is refused too). Raises ``NotReadable``, or ``OSError``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotReadable(not_regular(st.st_mode))
        if st.st_size > limit:
            raise NotReadable(None, st.st_size)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = fh.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise NotReadable(None, len(data))
    return data
