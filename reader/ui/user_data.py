"""The window's door to the bookmarks and export cores (``reader.bookmarks``, ``reader.export``).

``open_store`` turns the store's errors (a newer schema, a damaged file, an unwritable folder)
into one message for the user; the rest are thin calls the controllers share.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeGuard

from .. import bookmarks, export, paths
from ..atomicfile import write_json_atomic
from ..bookmarks import Bookmark, BookmarkStore, DamagedStoreError, StoreError
from ..bookmarks.identity import ArticleSource
from ..corpus.model import Article
from ..export import Annotation

EXPORT_STATE = "export.json"  # in the config folder: the folder of the last export


def open_store(opener: Callable[[], BookmarkStore] = BookmarkStore.open,
               ) -> tuple[BookmarkStore | None, str, StoreError | None]:
    """The user's bookmark store (as ``opener``, the library's ``open_bookmarks``, opens
    it), or None with the message to show and the store's error (a ``DamagedStoreError``
    offers a restore; others say why it cannot be used)."""
    try:
        return opener(), "", None
    except StoreError as err:
        return None, str(err), err


def is_damaged(error: object) -> TypeGuard[DamagedStoreError]:
    return isinstance(error, DamagedStoreError)


def resolve(bookmark: Bookmark, catalog: ArticleSource) -> Article | None:
    """The article a bookmark points to (by id first, then by what it remembers)."""
    article = catalog.article(bookmark.article_id)
    if article is not None:
        return article
    return bookmarks.resolve(bookmark, catalog)


def citation(article: Article) -> str:
    return export.gbt7714(article)


def formats() -> tuple[str, ...]:
    return tuple(export.FORMATS)


def suffix(fmt: str) -> str:
    return export.SUFFIXES[fmt]


def format_for(path: Path) -> str | None:
    return export.format_for(path)


def annotation(bookmark: Bookmark) -> Annotation:
    """The note and tags of a bookmark, to print with its article."""
    return Annotation(bookmark.note, tuple(bookmark.tags))


def export_articles(articles: list[Article], output: Path, fmt: str, split: bool,
                    progress: Callable[[int, int], None], cancel: Callable[[], bool],
                    notes: Mapping[str, Annotation] | None = None) -> list[Path]:
    return export.export_articles(articles, output, fmt, split=split, progress=progress,
                                  cancel=cancel, notes=notes or {})


def export_folder() -> Path:
    """Where the export dialog starts: the folder of the last export that still exists,
    else the home folder."""
    try:
        data = json.loads((paths.config_dir() / EXPORT_STATE).read_text("utf-8"))
        folder = Path(data["folder"]) if isinstance(data, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        folder = None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_export_folder(folder: Path) -> None:
    """Keep ``folder`` for the next export; a config folder that cannot be written only
    means the next export starts at home."""
    with contextlib.suppress(OSError):
        write_json_atomic(paths.config_dir() / EXPORT_STATE, {"folder": str(folder)})


def export_errors() -> tuple[type[BaseException], ...]:
    """What ``export_articles`` raises on purpose: a message for the user, or a cancel."""
    return (export.ExportError, export.Cancelled)
