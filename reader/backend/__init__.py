"""The seam between the two faces and where a library is kept: what opening a library gives.

The window (``reader.ui.app``) and the command line (``reader.cli.common``) open a library
with ``open_library(root)`` and reach it only through the ``LibraryBackend`` that returns:

- ``catalog``: the pages, issues and articles (``reader.corpus.catalog.Catalog``); it is
  also the ``PageSource`` the search index reads pages from;
- ``open_index()``: the library's ``SearchIndex``, opened by the thread that searches;
- ``open_bookmarks()``: the user's ``BookmarkStore`` (raises ``StoreError`` when it cannot be
  used);
- ``corrections``: the reader's corrections of the library's pages (``Corrections``).

Today every library is a folder of page files (``folder.FolderBackend``); another kind of
store (a shared PostgreSQL archive) is another implementation of ``LibraryBackend`` that
``open_library`` returns for its locations, and the faces do not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..corpus.catalog import Catalog

if TYPE_CHECKING:  # (the correction rules load with the first correction, not every start)
    from ..bookmarks import BookmarkStore
    from ..corpus.correction_store import Build, Saved, Undone
    from ..corpus.corrections import Outcome
    from ..search import SearchIndex


class Corrections(Protocol):
    """The corrections of one library's pages (``reader.corpus.correction_store``)."""

    def of_article(self, source: str, article_id: str) -> list[Outcome]:
        """The corrections made to the article ``article_id`` of the page ``source``."""
        ...

    def correct(self, source: str, article_id: str, build: Build) -> Saved:
        """Save the correction ``build`` makes of the article (``CorrectionError`` when it
        cannot be made, ``ConflictError`` when the page changed meanwhile)."""
        ...

    def undo(self, count: int = 1) -> list[Undone]:
        """Take back the last ``count`` corrections saved in this library."""
        ...


class LibraryBackend(Protocol):
    """A library as the faces reach it: its catalog, its index, bookmarks, corrections."""

    @property
    def root(self) -> Path:
        """Where the library is (its folder), as shown to the user and remembered."""
        ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def corrections(self) -> Corrections: ...

    def open_index(self) -> SearchIndex:
        """The search index (a cache: it may be rebuilt at any time)."""
        ...

    def open_bookmarks(self) -> BookmarkStore:
        """The user's bookmark store (of every library)."""
        ...


def open_library(root: Path, catalog: Catalog | None = None) -> LibraryBackend:
    """The library at ``root`` (not read yet: ``catalog.sync()`` reads it); ``catalog`` when
    one is open already."""
    from .folder import FolderBackend

    return FolderBackend(catalog if catalog is not None else Catalog(root))


__all__ = ["Corrections", "LibraryBackend", "open_library"]
