"""The window reaches its library only through what ``reader.backend.open_library`` gives: a
backend that keeps its index and bookmarks elsewhere (as a shared archive would) is what the
window searches and bookmarks into."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.backend.folder import FolderBackend
from reader.bookmarks import BookmarkStore
from reader.corpus.catalog import Catalog
from reader.search import SearchIndex
from reader.ui.mainwindow import MainWindow
from reader.ui.settings import Preferences, WindowState

from .conftest import type_chinese

pytestmark = pytest.mark.gui


class ElsewhereBackend(FolderBackend):
    """The folder's pages, with the index and the bookmarks in a place of its own."""

    def __init__(self, catalog: Catalog, place: Path) -> None:
        super().__init__(catalog)
        self.place = place

    def open_index(self) -> SearchIndex:
        return SearchIndex(self.place / "index.sqlite3", self.root)

    def open_bookmarks(self) -> BookmarkStore:
        return BookmarkStore.open(self.place / "bookmarks.sqlite3")


def test_the_window_searches_and_bookmarks_through_its_backend(qtbot, tmp_path: Path,
                                                               small_library: Path) -> None:
    place = tmp_path / "elsewhere"
    place.mkdir()
    window = MainWindow(ElsewhereBackend(Catalog(small_library), place), Preferences.load(),
                        WindowState.load())
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.search.indexReady, timeout=30000):
            window.show()
        assert (place / "index.sqlite3").exists()
        window.search_box.setFocus()
        type_chinese(window.search_box.field, "金承涛")
        with qtbot.waitSignal(window.occurrencesShown, timeout=20000):  # the first hit opens
            qtbot.keyClick(window.search_box.field, Qt.Key.Key_Return)
        article = window.current_article()
        assert article is not None and "金承涛" in article.body
        qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert window.bookmark_action.isChecked()
    finally:
        window.shutdown()
    with BookmarkStore.open(place / "bookmarks.sqlite3") as store:
        assert [b.article_id for b in store.list()] == [article.id]
    with BookmarkStore.open() as own:  # the user's usual store was not touched
        assert own.list() == []
