"""Export articles to a file or a folder: the one entry point for the window and the CLI.

``export_articles(articles, output, fmt)`` writes one document (with a table of contents when
there are several articles) or, with ``split=True``, a folder with one file per article
named ``YYYY-MM-DD_第N版_标题.ext``. Nothing half-written is ever left behind: one document is
written to a temporary file that replaces ``output`` at the end; split files are written to a
temporary folder and moved in only when all are done. ``progress(done, total)`` is called as
the work goes on; ``cancel()`` returning True stops it with ``Cancelled``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..atomicfile import fsync
from ..corpus.model import Article
from .atomic import (
    CancelCheck,
    Cancelled,
    ExportError,
    Progress,
    atomic_path,
    cannot_write,
    check_cancel,
)
from .document import NO_NOTES, Notes, Tracker, ordered, unique_names

Writer = Callable[[list[Article], Path, Tracker, Notes], None]
Warn = Callable[[str], None]

SUFFIXES: dict[str, str] = {
    "docx": ".docx", "pdf": ".pdf", "md": ".md", "txt": ".txt", "html": ".html",
}
FORMATS = tuple(SUFFIXES)
NAMES = {"docx": "Word", "pdf": "PDF", "md": "Markdown", "txt": "text", "html": "HTML"}


def writer_for(fmt: str) -> Writer:
    """The function that writes ``fmt``; Word and PDF load their libraries only when used."""
    if fmt == "docx":
        from .docx_format import write_docx

        return write_docx
    if fmt == "pdf":
        from .pdf_format import write_pdf

        return write_pdf
    if fmt == "html":
        from .html_format import write_html

        return write_html
    if fmt in ("md", "txt"):
        from .text_formats import write_md, write_txt

        return write_md if fmt == "md" else write_txt
    raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def format_for(path: Path) -> str | None:
    """The format a file name asks for by its suffix (``.markdown`` and ``.htm`` too)."""
    suffix = path.suffix.lower()
    aliases = {".markdown": "md", ".htm": "html", ".text": "txt"}
    return next((f for f, s in SUFFIXES.items() if s == suffix), aliases.get(suffix))


def agreeing_path(path: Path, fmt: str) -> Path:
    """``path`` with the suffix of ``fmt`` added when it has none of a known format; an
    ``ExportError`` when its suffix asks for another format (``bookmarks.docx`` as PDF)."""
    path = Path(path)
    asked = format_for(path)
    if asked is None:
        return path.with_name(path.name + SUFFIXES[fmt])
    if asked != fmt:
        raise ExportError(f"{path.name} is named as a {NAMES[asked]} file but the format is "
                          f"{NAMES[fmt]}; give a name ending in {SUFFIXES[fmt]}, or choose "
                          f"the format {asked}")
    return path


def export_articles(
    articles: Iterable[Article],
    output: Path,
    fmt: str,
    *,
    split: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    notes: Notes = NO_NOTES,
    warn: Warn | None = None,
) -> list[Path]:
    """Write ``articles`` to ``output`` in ``fmt``; return the files written.

    ``notes`` (article id → ``Annotation``) puts a bookmark's note and tags with its article;
    ``warn(message)`` hears of what the export had to change. Raises ``Cancelled`` (nothing
    written) or ``ExportError`` (one line for the user). An existing ``output`` is replaced
    (the caller asks first), and only once the new file is complete.
    """
    items = ordered(articles)
    if not items:
        raise ExportError("there is nothing to export")
    write = writer_for(fmt)
    output = Path(output)
    if split:
        return _export_split(items, output, fmt, write, Tracker(len(items), progress, cancel,
                                                                 warning=warn), notes)
    if output.is_dir():
        raise ExportError(f"{output} is a folder; give a file name, or export with --split")
    tracker = Tracker(len(items), progress, cancel, warning=warn)
    check_cancel(cancel)
    with atomic_path(output) as tmp:
        _run(write, items, tmp, tracker, output, notes)
    return [output]


def _run(write: Writer, items: list[Article], target: Path, tracker: Tracker,
         shown: Path, notes: Notes) -> None:
    """Write to ``target`` (a temporary file) and check it; errors name ``shown``, the file
    asked for."""
    try:
        write(items, target, tracker, notes)
        if target.stat().st_size == 0:
            raise ExportError(f"cannot write {shown}: nothing was written")
    except (Cancelled, ExportError):
        raise
    except OSError as err:
        raise ExportError(f"cannot write {shown}: {err.strerror or err}") from None


def _export_split(items: list[Article], folder: Path, fmt: str, write: Writer,
                  tracker: Tracker, notes: Notes) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; --split writes a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder))
    except OSError as err:
        raise ExportError(f"cannot write to {folder}: {err.strerror or err}") from None
    names = unique_names(items, SUFFIXES[fmt])
    try:
        for article, name in zip(items, names, strict=True):
            one = Tracker(1, None, tracker.cancel, warning=tracker.warning)
            _run(write, [article], staging / name, one, folder / name, notes)
            try:
                fsync(staging / name)
            except OSError as err:
                raise cannot_write(folder / name, err) from None
            tracker.step()
        written = []
        for name in names:
            os.replace(staging / name, folder / name)
            written.append(folder / name)
        return written
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
