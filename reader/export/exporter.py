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

from ..corpus.model import Article
from .atomic import CancelCheck, Cancelled, ExportError, Progress, atomic_path, check_cancel
from .document import Tracker, ordered, unique_names

Writer = Callable[[list[Article], Path, Tracker], None]

SUFFIXES: dict[str, str] = {
    "docx": ".docx", "pdf": ".pdf", "md": ".md", "txt": ".txt", "html": ".html",
}
FORMATS = tuple(SUFFIXES)


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


def export_articles(
    articles: Iterable[Article],
    output: Path,
    fmt: str,
    *,
    split: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """Write ``articles`` to ``output`` in ``fmt``; return the files written.

    Raises ``Cancelled`` (nothing written) or ``ExportError`` (one line for the user).
    """
    items = ordered(articles)
    if not items:
        raise ExportError("there is nothing to export")
    write = writer_for(fmt)
    output = Path(output)
    if split:
        return _export_split(items, output, fmt, write, progress, cancel)
    if output.is_dir():
        raise ExportError(f"{output} is a folder; give a file name, or export with --split")
    tracker = Tracker(len(items), progress, cancel)
    check_cancel(cancel)
    with atomic_path(output) as tmp:
        _run(write, items, tmp, tracker, output)
    return [output]


def _run(write: Writer, items: list[Article], target: Path, tracker: Tracker,
         shown: Path) -> None:
    """Write to ``target`` (a temporary file); errors name ``shown``, the file asked for."""
    try:
        write(items, target, tracker)
    except (Cancelled, ExportError):
        raise
    except OSError as err:
        raise ExportError(f"cannot write {shown}: {err.strerror or err}") from None


def _export_split(items: list[Article], folder: Path, fmt: str, write: Writer,
                  progress: Progress | None, cancel: CancelCheck | None) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; --split writes a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".export-", dir=folder))
    except OSError as err:
        raise ExportError(f"cannot write to {folder}: {err.strerror or err}") from None
    tracker = Tracker(len(items), progress, cancel)
    names = unique_names(items, SUFFIXES[fmt])
    try:
        for article, name in zip(items, names, strict=True):
            one = Tracker(1, None, cancel)
            _run(write, [article], staging / name, one, folder / name)
            tracker.step()
        written = []
        for name in names:
            os.replace(staging / name, folder / name)
            written.append(folder / name)
        return written
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
