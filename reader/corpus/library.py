"""A library: a folder of page files at any depth, read into Pages grouped into Issues.

A file that cannot be read is reported as a Problem (``reader.problems``: the file, a kind and
its parameters) and skipped; the rest of the library loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..problems import Problem, ProblemKind
from . import parser as _parser
from . import walk as _walk
from .encoding import Decoded, DecodeError, decode_page_bytes, name_text
from .model import UNKNOWN_PAPER as UNKNOWN_PAPER
from .model import Article, Issue, Page
from .overlay import join_stamp, overlay_stamp
from .parser import finish_page, parse_page
from .sidecar import SidecarError, is_sidecar, read_sidecar, sidecar_path
from .walk import Entry, NotReadable, read_regular, unreadable, walk_pages

PAGE_SUFFIXES = (".txt", ".text")
MAX_PAGE_BYTES = 8 * 1024 * 1024
"""A page is tens of kilobytes; a file this big is something else (an export, a dump)."""

Progress = Callable[[int, int], None]


class PageSource(Protocol):
    """What the search index (and anything else that follows a library) reads pages from."""

    root: Path

    def stamps(self) -> dict[str, str]: ...

    def page(self, source: str) -> Page | None: ...


class PageError(Exception):
    """A page file that cannot be read at all; ``problem`` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text)
        self.problem = problem


def same_page(source: str, other: str, paper: str | None, day: str, page: int | None) -> Problem:
    """``source`` claims the paper, date and page ``other`` has (both are kept)."""
    return Problem.of(ProblemKind.SAME_PAGE, source, other=other, paper=paper or UNKNOWN_PAPER,
                      date=day, page="" if page is None else page)


def not_read(err: NotReadable) -> Problem:
    """Why a file was not read as a page: what it is, or its size over ``MAX_PAGE_BYTES``."""
    if err.problem is not None:
        return err.problem
    return Problem.of(ProblemKind.TOO_LARGE, size_mb=round((err.size or 0) / (1024 * 1024)),
                      limit_mb=MAX_PAGE_BYTES // (1024 * 1024))


def is_page_file(path: Path) -> bool:
    return (
        path.suffix.lower() in PAGE_SUFFIXES
        and not path.name.startswith(".")
        and not is_sidecar(path)
    )


def page_entries(root: Path, where: str = "library") -> Iterator[Entry]:
    """Page files under ``root`` with their sources, and what stands in for one but is not
    read (with its problem), in a stable order, skipping hidden folders (see ``walk``)."""
    return walk_pages(root, lambda name: is_page_file(Path(name)), where)


def iter_page_files(root: Path) -> Iterator[Path]:
    """The readable page files under ``root``, in a stable order, skipping hidden folders."""
    return (entry.path for entry in page_entries(root) if entry.problem is None)


def file_stamp(path: Path) -> str:
    """Size and modification time of a page file and of its sidecar (and of its corrections
    in the user's overlay, for a read-only library, and of the pages a correction joins to
    it), as one string."""
    st = path.stat()
    stamp = f"{st.st_size}:{st.st_mtime_ns}" + overlay_stamp(path)
    try:
        side = sidecar_path(path).stat()
    except OSError:
        return stamp
    return f"{stamp}:{side.st_size}:{side.st_mtime_ns}" + join_stamp(sidecar_path(path))


def apply_overrides(page: Page, fields: dict[str, object]) -> None:
    """Let the sidecar's fields win over what the page states."""
    if not fields:
        return
    page.overrides = dict(fields)
    for key, value in fields.items():
        setattr(page, key, value)
    if "date" in fields:
        page.warnings = [w for w in page.warnings if w.kind is not ProblemKind.NO_DATE]
        page.weekday = page.weekday if page.weekday and page.date else None
    finish_page(page)


def reading_stamp(stamp: str) -> str:
    """A page file's stamp for the search index: its state and the parser that read it, so
    that an index built from an older parser's reading takes every page again after an update
    of the reader (the file itself has not changed)."""
    return f"{stamp}@p{_parser.PARSER_VERSION}.r{_walk.READING_VERSION}"


def read_page_text(path: Path) -> Decoded:
    """The decoded text of the page (or article) file at ``path``; raises PageError saying why
    it cannot be read: not a regular file, too large, unreadable, not text, empty."""
    try:
        data = read_regular(path, MAX_PAGE_BYTES)
    except NotReadable as err:
        raise PageError(not_read(err)) from None
    except OSError as err:
        raise PageError(unreadable(err)) from None
    try:
        decoded = decode_page_bytes(data)
    except DecodeError as err:
        raise PageError(err.problem) from None
    if not decoded.text.strip():
        raise PageError(Problem.of(ProblemKind.EMPTY))
    return decoded


def load_page(path: Path, source: str | None = None) -> Page:
    """Read, decode and parse one page file, applying its sidecar. Raises PageError."""
    decoded = read_page_text(path)
    page = parse_page(decoded.text, source or name_text(path.as_posix()),
                      encoding=decoded.encoding)
    page.warnings[:0] = decoded.warnings
    apply_sidecar(page, path)
    return page


def apply_sidecar(page: Page, path: Path) -> None:
    """Apply the sidecar of the file at ``path``; one that cannot be used becomes a warning."""
    try:
        apply_overrides(page, read_sidecar(path))
    except SidecarError as err:
        page.warnings.append(Problem.of(ProblemKind.SIDECAR_IGNORED,
                                        sidecar=name_text(sidecar_path(path).name),
                                        reason=str(err)))


@dataclass
class Library:
    """The pages of one library folder, their issues, and the files that could not be read."""

    root: Path
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _by_id: dict[str, Article] = field(default_factory=dict, repr=False)
    _by_slot: dict[tuple[str | None, dt.date, int | None], Page] = field(
        default_factory=dict, repr=False
    )
    _stamps: dict[str, str] = field(default_factory=dict, repr=False)
    _by_source: dict[str, Page] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, root: Path, progress: Progress | None = None) -> Library:
        root = Path(root)
        lib = cls(root=root)
        if not root.is_dir():
            lib.problems.append(Problem.of(ProblemKind.NO_FOLDER, str(root)))
            return lib
        from .resolve import load_entry  # reads names and records; it builds on this module

        files = list(page_entries(root))
        for done, entry in enumerate(files, start=1):
            path, rel = entry.path, entry.source
            try:
                if entry.problem is not None:
                    raise PageError(entry.problem)
                lib._stamps[rel] = file_stamp(path)
                lib.add_page(load_entry(path, rel, root))
            except OSError as err:
                lib.problems.append(unreadable(err).at(rel))
            except PageError as err:
                lib.problems.append(err.problem.at(rel))
            if progress:
                progress(done, len(files))
        return lib

    def add_page(self, page: Page) -> None:
        if page.date is not None:
            slot = (page.paper, page.date, page.page)
            other = self._by_slot.setdefault(slot, page)
            if other is not page and other.source != page.source:
                self.problems.append(same_page(page.source, other.source, page.paper,
                                               page.date.isoformat(), page.page))
        self.pages.append(page)
        self._by_source[page.source] = page
        for article in page.articles:
            self._by_id[article.id] = article

    def stamps(self) -> dict[str, str]:
        """Source → a stamp that changes when the file (or its sidecar) changes.

        With ``page`` this is the ``PageSource`` protocol the search index updates from.
        """
        return {src: reading_stamp(stamp) for src, stamp in self._stamps.items()
                if src in self._by_source}

    def page(self, source: str) -> Page | None:
        """The parsed page read from ``source`` (a path relative to the library root)."""
        return self._by_source.get(source)

    def articles(self) -> Iterator[Article]:
        for page in self.pages:
            yield from page.articles

    def article(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def page_of(self, article: Article) -> Page | None:
        return self._by_source.get(article.source)

    def issues(self) -> list[Issue]:
        """Issues ordered by date (undated last), each with its pages in page order."""
        return group_issues(self.pages)

    @property
    def papers(self) -> list[str]:
        return sorted({p.paper or UNKNOWN_PAPER for p in self.pages})


def group_issues(pages: Iterable[Page]) -> list[Issue]:
    groups: dict[tuple[str, str], Issue] = {}
    for page in pages:
        paper = page.paper or UNKNOWN_PAPER
        key = (paper, page.date.isoformat() if page.date else "undated:" + page.source)
        issue = groups.get(key)
        if issue is None:
            issue = groups[key] = Issue(paper=paper, date=page.date, issue_no=page.issue_no)
        elif issue.issue_no is None:
            issue.issue_no = page.issue_no
        issue.pages.append(page)
    for issue in groups.values():
        issue.pages.sort(key=lambda p: (p.page or 999, p.source))
    far = dt.date.max
    return sorted(groups.values(), key=lambda i: (i.date or far, i.paper, i.key))
