"""Bookmarks and export in the window (needs the cores of reader.library and reader.export)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytest.importorskip("reader.library", reason="the bookmarks core (branch export) is not merged")
pytest.importorskip("reader.export", reason="the export core (branch export) is not merged")

from reader.ui.dialogs.bookmark_dialog import BookmarkDialog, split_tags
from reader.ui.models import BookmarkRole
from reader.ui.models.bookmarks import BookmarkFilterProxy, BookmarkModel

pytestmark = pytest.mark.gui


def test_bookmark_appears_in_the_panel_and_survives_a_restart(window, open_window, qtbot,
                                                              monkeypatch, small_library: Path):
    article = next(a for a in window.catalog.articles() if a.title)
    window.open_article(article.id)
    assert not window.bookmark_action.isChecked()
    qtbot.keyClick(window.article_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.bookmark_action.isChecked()
    assert window.star_button.text() == "★"
    panel = window.bookmarks_panel
    titles = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert titles == [article.display_title]

    # A note and tags, as the user types them in the dialog.
    def fill(dialog: BookmarkDialog) -> int:
        dialog.note.setPlainText("写报告用")
        dialog.tags.setText("防疫，人物")
        return BookmarkDialog.DialogCode.Accepted

    monkeypatch.setattr(BookmarkDialog, "exec", fill)
    window.edit_bookmark_action.trigger()
    assert panel.proxy.index(0, 3).data() == "写报告用"
    assert panel.proxy.index(0, 2).data() == "防疫, 人物"
    window.close()

    again = open_window(small_library)
    again_panel = again.bookmarks_panel
    assert again_panel.proxy.rowCount() == 1
    bookmark = again_panel.proxy.index(0, 0).data(BookmarkRole)
    assert (bookmark.title, bookmark.note, bookmark.tags) == (
        article.display_title, "写报告用", ("防疫", "人物"))
    # Filter by tag and text, then open by double-click.
    again_panel.tag.setCurrentIndex(again_panel.tag.findData("人物"))
    assert again_panel.proxy.rowCount() == 1
    again_panel.filter.setText("不相干")
    assert again_panel.proxy.rowCount() == 0
    again_panel.filter.clear()
    again.tabs.setCurrentWidget(again_panel)
    tree = again_panel.tree
    qtbot.waitUntil(lambda: tree.isVisible() and not tree.visualRect(
        again_panel.proxy.index(0, 0)).isEmpty())
    rect = tree.visualRect(again_panel.proxy.index(0, 0))
    with qtbot.waitSignal(again.articleShown) as shown:
        # Qt 6's QTest sends a double-click without the press before it; a user's hand does.
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [article.id]
    assert again.bookmark_action.isChecked()


def test_star_again_removes_a_bookmark_without_note(window, qtbot):
    article = next(window.catalog.articles())
    window.open_article(article.id)
    window.bookmark_action.trigger()
    assert window.bookmark_model.rowCount() == 1
    window.bookmark_action.trigger()
    assert window.bookmark_model.rowCount() == 0
    assert not window.bookmark_action.isChecked()


def test_export_from_the_dialog_writes_the_article(window, qtbot, tmp_path: Path):
    article = next(a for a in window.catalog.articles() if a.title and len(a.paragraphs) > 1)
    window.open_article(article.id)
    dialog = window.bookmarks.export()
    assert dialog is not None
    target = tmp_path / "out.md"
    dialog.choose("article", "md", target)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args == [[target]]
    text = target.read_text(encoding="utf-8")
    assert article.title in text
    assert all(p.text in text for p in article.paragraphs)
    assert str(target) in dialog.status.text()
    dialog.close()


def test_export_all_search_results_to_a_folder(window, qtbot, tmp_path: Path):
    with qtbot.waitSignal(window.resultsShown, timeout=10000) as shown:
        window.run_search("金承涛")
    total = shown.args[0]
    dialog = window.bookmarks.export()
    folder = tmp_path / "hits"
    dialog.choose("results", "txt", folder, split=True)
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        dialog.export_button.click()
    assert len(done.args[0]) == total == len(list(folder.glob("*.txt")))
    dialog.close()


def test_copy_citation(window, qtbot):
    article = next(a for a in window.catalog.articles() if a.byline and a.date)
    window.open_article(article.id)
    qtbot.keyClick(window, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = QApplication.clipboard().text()
    assert article.display_title in text and "[N]" in text and article.paper in text


def test_bookmark_model_passes_the_model_tester(window, qtmodeltester):
    for article in list(window.catalog.articles())[:3]:
        window.bookmarks.store.add(article, note="n", tags=["t"])
    model = BookmarkModel()
    model.set_bookmarks(window.bookmarks.store.list())
    qtmodeltester.check(model)
    proxy = BookmarkFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("n", "t")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 3


def test_tags_split_on_either_width_of_comma():
    assert split_tags("防疫，人物, 经济；、 ") == ["防疫", "人物", "经济"]


def test_a_long_export_shows_progress_and_can_be_cancelled(window, qtbot, monkeypatch,
                                                         tmp_path: Path):
    from reader.export import Cancelled
    from reader.ui import user_data

    started = []

    def slow_export(articles, output, fmt, split, progress, cancel):  # type: ignore[no-untyped-def]
        # Stands in for a thousand-article PDF: reports progress until told to stop.
        import time

        for n in range(1000):
            progress(n, 1000)
            started.append(n)
            if cancel():
                raise Cancelled()
            time.sleep(0.01)
        return [output]

    monkeypatch.setattr(user_data, "export_articles", slow_export)
    window.open_article(next(window.catalog.articles()).id)
    dialog = window.bookmarks.export()
    dialog.choose("article", "pdf", tmp_path / "big.pdf")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.isVisible() and dialog.progress.value() > 2)
    assert not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=5000)
    assert len(started) < 1000
    assert dialog.status.text() == dialog.tr("Export cancelled; nothing was written.")
    assert dialog.isVisible()
    dialog.close()
