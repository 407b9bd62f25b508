"""A library's page files: which files are pages, their stamps, reading one into a Page
(with its sidecar), the Problem a file that cannot be read is reported as, and the
``PageStore`` protocol of what pages are read from.

A file that cannot be read is reported as a Problem (``reader.problems``: the file, a kind and
its parameters) and skipped; the rest of the library loads.

The library itself, its pages grouped into issues, is the ``Catalog`` (``catalog.py``): the
one way the window, the command line, the tests and the benchmarks read a folder of pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..problems import Problem, ProblemKind
from .encoding import Decoded, DecodeError, decode_page_bytes, name_text
from .model import UNKNOWN_PAPER, Article, Page
from .overlay import join_stamp, overlay_stamp
from .sidecar import SidecarError, is_sidecar, read_sidecar, sidecar_path
from .versions import reading_stamp as reading_stamp
from .walk import Entry, NotReadable, read_regular, unreadable, walk_pages

PAGE_SUFFIXES = (".txt", ".text")
MAX_PAGE_BYTES = 8 * 1024 * 1024
"""A page is tens of kilobytes; a file this big is something else (an export, a dump)."""

Progress = Callable[[int, int], None]


class PageStore(Protocol):
    """What the search index (and anything else that follows a library) reads pages from.

    A store may also offer ``state()`` (a token that changes whenever its pages do) and
    ``touched_since(token)`` (the pages changed after that state, with their stamps, or None
    when it cannot tell): the index then looks only at those, not at every stamp."""

    root: Path

    def stamps(self) -> dict[str, str]: ...

    def page(self, source: str) -> Page | None: ...


def pick_article(articles: Sequence[Article], position: int, article_id: str) -> Article | None:
    """The article ``article_id`` of a page: at ``position``, else wherever it is now (the
    page was read again since ``position`` was taken), else None."""
    if 0 <= position < len(articles) and articles[position].id == article_id:
        return articles[position]
    return next((a for a in articles if a.id == article_id), None)


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
    from .parser import finish_page  # (the parser loads with the first page read)

    finish_page(page)


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
    from .parser import parse_page

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
