"""The window's door to the bookmarks and export cores (``reader.library``, ``reader.export``).

Those packages come from another branch; until they are installed the window hides its
bookmark and export actions and says why (``missing()``). ``open_store`` turns the store's
errors (a newer schema, a damaged file, an unwritable folder) into one message for the user.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as err:
        if err.name != name:
            raise  # the core is there but a dependency of it is not: say so
        return None


library = _module("reader.library")
export = _module("reader.export")


def missing() -> list[str]:
    """The cores that are not installed."""
    return [name for name, mod in (("reader.library", library), ("reader.export", export))
            if mod is None]


def open_store() -> tuple[Any | None, str, Exception | None]:
    """The user's bookmark store, or None with the message to show and the store's error
    (a ``DamagedStoreError`` offers a restore; others say why it cannot be used)."""
    if library is None:
        return None, "reader.library is not installed", None
    try:
        return library.BookmarkStore.open(), "", None
    except library.StoreError as err:
        return None, str(err), err


def is_damaged(error: object) -> bool:
    return library is not None and isinstance(error, library.DamagedStoreError)


def resolve(bookmark: Any, catalog: Any) -> Any | None:
    """The article a bookmark points to (by id first, then by what it remembers)."""
    if library is None:
        return None
    article = catalog.article(bookmark.article_id)
    if article is not None:
        return article
    return library.resolve(bookmark, catalog)


def citation(article: Any) -> str:
    return export.gbt7714(article) if export is not None else ""


def formats() -> tuple[str, ...]:
    return tuple(export.FORMATS) if export is not None else ()


def suffix(fmt: str) -> str:
    return str(export.SUFFIXES[fmt]) if export is not None else ""


def export_articles(articles: list[Any], output: Any, fmt: str, split: bool,
                    progress: Any, cancel: Any) -> list[Any]:
    assert export is not None
    return list(export.export_articles(articles, output, fmt, split=split,
                                       progress=progress, cancel=cancel))


def export_errors() -> tuple[type[BaseException], ...]:
    """What ``export_articles`` raises on purpose: a message for the user, or a cancel."""
    if export is None:
        return ()
    return (export.ExportError, export.Cancelled)
