"""A library kept as a folder of page files: the catalog caches what the pages say, the
search index and the bookmark store live in the user's folders (``reader.paths``), and
corrections go into the pages' sidecars (or the user's overlay of a read-only folder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.catalog import Catalog

if TYPE_CHECKING:  # (the correction rules load with the first correction, not every start)
    from ..bookmarks import BookmarkStore
    from ..corpus.correction_store import Build, Saved, Undone
    from ..corpus.corrections import Outcome
    from ..search import SearchIndex
    from . import LibraryBackend, LibraryBookmarks, LibraryCatalog, LibraryIndex


@dataclass(frozen=True)
class FolderCorrections:
    """The corrections of the pages under ``root``."""

    root: Path

    def of_article(self, source: str, article_id: str) -> list[Outcome]:
        from ..corpus import correction_store

        return correction_store.article_corrections(self.root, source, article_id)

    def correct(self, source: str, article_id: str, build: Build) -> Saved:
        from ..corpus import correction_store

        return correction_store.correct(self.root, source, article_id, build)

    def undo(self, count: int = 1) -> list[Undone]:
        from ..corpus import correction_store

        return correction_store.undo(self.root, count)


class FolderBackend:
    """The ``LibraryBackend`` of a library folder."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._corrections = FolderCorrections(catalog.root)

    @property
    def root(self) -> Path:
        return self._catalog.root

    @property
    def location(self) -> str:
        return str(self._catalog.root)

    @property
    def shared(self) -> bool:
        return False

    @property
    def connection(self) -> None:
        return None

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def corrections(self) -> FolderCorrections:
        return self._corrections

    def open_index(self) -> SearchIndex:
        # The search core (numpy, OpenCC, jieba) is imported when the index is first opened,
        # not while the window starts.
        from ..search import SearchIndex

        return SearchIndex.for_library(self.root, self._catalog)

    def open_bookmarks(self) -> BookmarkStore:
        from ..bookmarks import BookmarkStore

        return BookmarkStore.open()


if TYPE_CHECKING:
    def _satisfies(backend: FolderBackend, catalog: Catalog, index: SearchIndex,
                   store: BookmarkStore
                   ) -> tuple[LibraryBackend, LibraryCatalog, LibraryIndex, LibraryBookmarks]:
        """mypy checks here that the folder's classes are what the faces expect."""
        return backend, catalog, index, store
