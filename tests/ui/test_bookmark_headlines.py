"""The bookmarks list shows the headline an article has now: a correction made by the
command line in another process (``reader correct ID set-title …``) reaches the list when the
window reads the page again, and the bookmark keeps its note."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.ui.dialogs.bookmark_dialog import BookmarkDialog

pytestmark = pytest.mark.gui


def test_a_title_set_in_another_process_shows_in_the_bookmarks_list(
        window, qtbot, monkeypatch, small_library: Path):
    article = next(a for a in window.catalog.articles() if a.title)
    window.open_article(article.id)
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    def fill(dialog: BookmarkDialog) -> int:
        dialog.note.setPlainText("写报告用")
        return BookmarkDialog.DialogCode.Accepted

    monkeypatch.setattr(BookmarkDialog, "exec", fill)
    window.edit_bookmark_action.trigger()
    panel = window.bookmarks_panel
    assert panel.proxy.index(0, 0).data() == article.display_title
    done = subprocess.run(
        [sys.executable, "-m", "reader", "correct", article.id, "set-title", "改过的标题",
         "--library", str(small_library)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: panel.proxy.index(0, 0).data() == "改过的标题", timeout=30000)
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 3).data() == "写报告用"
    bookmark = window.bookmarks.store.list()[0]  # kept so for the command line too
    assert (bookmark.title, bookmark.note) == ("改过的标题", "写报告用")
