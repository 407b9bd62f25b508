"""The window's door to the bookmarks and export cores (``reader.library``, ``reader.export``).

``open_store`` turns the store's errors (a newer schema, a damaged file, an unwritable folder)
into one message for the user; the rest are thin calls the controllers share.
"""

from __future__ import annotations

from typing import Any

from .. import export, library


def open_store() -> tuple[Any | None, str, Exception | None]:
    """The user's bookmark store, or None with the message to show and the store's error
    (a ``DamagedStoreError`` offers a restore; others say why it cannot be used)."""
    try:
        return library.BookmarkStore.open(), "", None
    except library.StoreError as err:
        return None, str(err), err


def is_damaged(error: object) -> bool:
    return isinstance(error, library.DamagedStoreError)


def resolve(bookmark: Any, catalog: Any) -> Any | None:
    """The article a bookmark points to (by id first, then by what it remembers)."""
    article = catalog.article(bookmark.article_id)
    if article is not None:
        return article
    return library.resolve(bookmark, catalog)


def citation(article: Any) -> str:
    return str(export.gbt7714(article))


def formats() -> tuple[str, ...]:
    return tuple(export.FORMATS)


def suffix(fmt: str) -> str:
    return str(export.SUFFIXES[fmt])


def export_articles(articles: list[Any], output: Any, fmt: str, split: bool,
                    progress: Any, cancel: Any) -> list[Any]:
    return list(export.export_articles(articles, output, fmt, split=split,
                                       progress=progress, cancel=cancel))


def export_errors() -> tuple[type[BaseException], ...]:
    """What ``export_articles`` raises on purpose: a message for the user, or a cancel."""
    return (export.ExportError, export.Cancelled)
