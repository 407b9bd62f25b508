"""Add page files to a library: copy them into a ``paper/YYYY/MM-DD/`` layout from their mastheads.

A file already in the library with the same content is skipped; a different file at the same
place is never overwritten: the newcomer gets a numbered name beside it. Files that cannot be
read as pages are reported and not copied. A page's sidecar travels with it.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .library import UNKNOWN_PAPER, PageError, Problem, is_page_file
from .model import Page
from .resolve import load_entry, source_in
from .sidecar import sidecar_path

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


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


def _safe(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" .")
    return cleaned or UNKNOWN_PAPER


def destination(page: Page, file_name: str) -> Path:
    """Where a page belongs in a library, relative to its root."""
    paper = _safe(page.paper or UNKNOWN_PAPER)
    if page.date is None:
        return Path(paper) / "undated" / file_name
    return Path(paper) / f"{page.date.year:04d}" / f"{page.date:%m-%d}" / file_name


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def collect_page_files(paths: Iterable[Path]) -> list[Path]:
    """The page files among ``paths``, folders searched recursively, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_page_file(p)))
        elif path.is_file():
            found.append(path)
    return list(dict.fromkeys(found))


def _same_content_in(folder: Path, src: Path, digest: str) -> Path | None:
    """A file in ``folder`` (where the page would go) with the same bytes, under any name."""
    if not folder.is_dir():
        return None
    size = src.stat().st_size
    for candidate in sorted(folder.iterdir()):
        try:
            if candidate.is_file() and candidate.stat().st_size == size and (
                _digest(candidate) == digest
            ):
                return candidate
        except OSError:
            continue
    return None


def _copy_atomic(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".adding-", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_pages(
    paths: Iterable[Path],
    root: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AddReport:
    """Copy the page files among ``paths`` into the library at ``root``."""
    root = Path(root)
    report = AddReport()
    paths = list(paths)
    files = collect_page_files(paths)
    resolved_root = root.resolve()
    for done, src in enumerate(files, start=1):
        if cancelled and cancelled():
            report.cancelled = True
            break
        try:
            if src.resolve().is_relative_to(resolved_root):
                report.already.append(str(src))
                continue
            page = load_entry(src, source_in(src, paths))  # names, folders, records
        except PageError as err:
            report.problems.append(Problem(str(src), str(err)))
            continue
        except OSError as err:
            report.problems.append(Problem(str(src), f"cannot read it: {err.strerror or err}"))
            continue
        rel = destination(page, src.name)
        target = root / rel
        digest = _digest(src)
        if page.layout == "article":  # a record's name is its place: same bytes elsewhere differ
            twin = target if target.is_file() and _digest(target) == digest else None
        else:
            twin = _same_content_in(target.parent, src, digest)
        n = 1
        while twin is None and target.exists():
            n += 1
            target = target.with_name(f"{src.stem}-{n}{src.suffix}")
        if twin is not None:
            target = twin
        try:
            if target.exists():
                report.already.append(str(src))
            else:
                _copy_atomic(src, target)
                rel_target = target.relative_to(root).as_posix()
                report.added.append(rel_target)
                report.sources[rel_target] = str(src)
                if n > 1:
                    report.renamed.append(rel_target)
                side = sidecar_path(src)
                if side.exists():
                    _copy_atomic(side, sidecar_path(target))
        except OSError as err:
            report.problems.append(Problem(
                str(src), f"could not be copied into {root}: {err.strerror or err}"
            ))
        if progress:
            progress(done, len(files))
    return report
