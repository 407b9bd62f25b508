"""Add page files to a library: copy them into a ``paper/YYYY/MM-DD/`` layout from their mastheads.

A file already in the library with the same content is skipped; a different file at the same
place is never overwritten: the newcomer gets a numbered name beside it. Files that cannot be
read as pages are reported and not copied. A page's sidecar travels with it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomicfile import create_file_atomic
from ..problems import Problem, ProblemKind
from .encoding import name_text
from .library import (
    MAX_PAGE_BYTES,
    PageError,
    not_read,
    page_entries,
)
from .model import UNKNOWN_PAPER, Page
from .resolve import load_entry, source_in
from .sidecar import MAX_BYTES as MAX_SIDECAR_BYTES
from .sidecar import SUFFIX as SIDECAR_SUFFIX
from .sidecar import sidecar_path
from .walk import NotReadable, read_regular

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

NAME_MAX = 255
"""Bytes in one file name on most file systems (the folder's own limit is asked first)."""
MAX_NUMBER = 10_000
"""Numbered names tried for one file before it is reported instead."""


@dataclass
class AddReport:
    """What ``add_pages`` did with each file it was given."""

    added: list[str] = field(default_factory=list)
    """Paths (relative to the library) of the files copied in."""
    sources: dict[str, str] = field(default_factory=dict)
    """For each added path, the file it was copied from."""
    already: list[str] = field(default_factory=list)
    """Files whose identical copy was already in the library (given as the source path)."""
    renamed: list[str] = field(default_factory=list)
    """Added under a numbered name because a different file held the place."""
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]+')


def _safe(name: str) -> str:
    cleaned = _UNSAFE.sub("_", name_text(name)).strip(" .")
    return cleaned or UNKNOWN_PAPER


def _fit(name: str, room: int) -> str:
    """``name`` cut to at most ``room`` bytes of UTF-8, a short digest of the whole name
    keeping cut names apart; unchanged when it fits."""
    if len(name.encode("utf-8")) <= room:
        return name
    tag = "~" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    cut = name.encode("utf-8")[: max(1, room - len(tag))].decode("utf-8", "ignore")
    return cut.rstrip(" .") + tag


def _name_max(root: Path) -> int:
    """The longest file name (in bytes) the file system of ``root`` takes."""
    here = Path(root)
    while not here.exists() and here != here.parent:
        here = here.parent
    try:
        return min(NAME_MAX, os.pathconf(here, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def destination(page: Page, file_name: str, name_max: int = NAME_MAX) -> Path:
    """Where a page belongs in a library, relative to its root: valid names, each short
    enough for the file system (a page's leaves room for its sidecar and a number)."""
    paper = _fit(_safe(page.paper or UNKNOWN_PAPER), name_max)
    name = Path(name_text(file_name))
    stem = _fit(_safe(name.stem), name_max - len(SIDECAR_SUFFIX) - len("-9999"))
    name = Path(stem + _UNSAFE.sub("_", name.suffix)[:16])
    if page.date is None:
        return Path(paper) / "undated" / name
    return Path(paper) / f"{page.date.year:04d}" / f"{page.date:%m-%d}" / name


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _collect(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The page files among ``paths`` (folders walked as a library is) and what in those
    folders is not read: links that leave the folder given, special files, deep folders."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            for entry in page_entries(path, "added"):
                if entry.problem is None:
                    found.append(entry.path)
                else:
                    problems.append(entry.problem.at(name_text(str(entry.path))))
        elif os.path.lexists(path):
            found.append(path)
    return list(dict.fromkeys(found)), problems


def collect_page_files(paths: Iterable[Path]) -> list[Path]:
    """The page files among ``paths``, folders searched recursively, in a stable order."""
    return _collect(paths)[0]


def _same_content_in(folder: Path, size: int, digest: str) -> Path | None:
    """A file in ``folder`` (where the page would go) with the same bytes, under any name."""
    try:
        candidates = sorted(folder.iterdir())
    except OSError:
        return None
    for candidate in candidates:
        try:
            if candidate.is_file() and candidate.stat().st_size == size and (
                _digest(read_regular(candidate, MAX_PAGE_BYTES)) == digest
            ):
                return candidate
        except (OSError, NotReadable):
            continue
    return None


def _numbered(rel: Path, n: int) -> Path:
    return rel if n == 1 else rel.with_name(f"{rel.stem}-{n}{rel.suffix}")


def _taken(target: Path) -> bool:
    """Is the name held, by a page or by a sidecar that would become this page's?"""
    return os.path.lexists(target) or os.path.lexists(sidecar_path(target))


class _Skip(Exception):
    """The file is not copied; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text)
        self.problem = problem


def _add_one(src: Path, root: Path, name_max: int, report: AddReport,
             given: list[Path]) -> None:
    """Copy one page file into the library, or say why not (raises _Skip or OSError)."""
    shown = name_text(str(src))
    if src.resolve().is_relative_to(root.resolve()):
        report.already.append(shown)
        return
    try:
        page = load_entry(src, name_text(source_in(src, given)))  # names, folders, records
        data = read_regular(src, MAX_PAGE_BYTES)
    except PageError as err:
        raise _Skip(err.problem) from None
    except NotReadable as err:  # changed since it was read
        raise _Skip(not_read(err)) from None
    side = sidecar_path(src)
    side_data: bytes | None = None
    try:
        side_data = read_regular(side, MAX_SIDECAR_BYTES)
    except FileNotFoundError:
        pass
    except OSError as err:
        if err.errno != errno.ENAMETOOLONG:
            raise
    except NotReadable as err:
        raise _Skip(Problem.of(ProblemKind.SIDECAR_REFUSED, sidecar=name_text(side.name),
                               reason=str(err))) from None
    digest = _digest(data)
    rel = destination(page, src.name, name_max)
    folder = root / rel.parent
    if page.layout == "article":  # a record's name is its place: same bytes elsewhere differ
        same = root / rel
        twin = same if same.is_file() and _digest(same.read_bytes()) == digest else None
    else:
        twin = _same_content_in(folder, len(data), digest)
    if twin is not None:
        report.already.append(shown)
        return
    for n in range(1, MAX_NUMBER + 1):
        target = root / _numbered(rel, n)
        if _taken(target):
            continue
        try:
            create_file_atomic(target, data)
        except FileExistsError:  # another add took the name a moment ago
            if _same_content_in(folder, len(data), digest) is not None:
                report.already.append(shown)
                return
            continue
        added = target.relative_to(root).as_posix()
        report.added.append(added)
        report.sources[added] = shown
        if n > 1:
            report.renamed.append(added)
        if side_data is not None:
            try:
                create_file_atomic(sidecar_path(target), side_data)
            except OSError as err:
                report.problems.append(Problem.of(
                    ProblemKind.SIDECAR_NOT_COPIED, shown, added=added,
                    reason=str(err.strerror or err)))
        return
    raise _Skip(Problem.of(ProblemKind.TOO_MANY_NAMES, count=MAX_NUMBER,
                           folder=rel.parent.as_posix()))


def add_pages(
    paths: Iterable[Path],
    root: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AddReport:
    """Copy the page files among ``paths`` into the library at ``root``.

    Safe while other adds into the same library run: a name is taken by creating the file
    exclusively, so no add replaces a page another one copied in.
    """
    root = Path(root)
    report = AddReport()
    paths = list(paths)
    files, report.problems = _collect(paths)
    name_max = _name_max(root)
    for done, src in enumerate(files, start=1):
        if cancelled and cancelled():
            report.cancelled = True
            break
        try:
            _add_one(src, root, name_max, report, paths)
        except _Skip as err:
            report.problems.append(err.problem.at(name_text(str(src))))
        except OSError as err:
            report.problems.append(Problem.of(
                ProblemKind.NOT_COPIED, name_text(str(src)), library=name_text(str(root)),
                reason=str(err.strerror or err)))
        if progress:
            progress(done, len(files))
    return report
