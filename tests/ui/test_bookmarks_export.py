"""Bookmarks and export in the window (needs the cores of reader.bookmarks and reader.export)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

pytest.importorskip("reader.bookmarks", reason="the bookmarks core (branch export) is not merged")
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
    dialog = window.exporting.export()
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
    dialog = window.exporting.export()
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

    def slow_export(articles, output, fmt, split, progress, cancel, notes=None):  # type: ignore[no-untyped-def]
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
    dialog = window.exporting.export()
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


def _open_export_dialog(window, qtbot):  # type: ignore[no-untyped-def]
    """Ctrl+E from the article view, as a user presses it; the dialog that opens."""
    from reader.ui.dialogs.export_dialog import ExportDialog

    before = set(window.findChildren(ExportDialog))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(set(window.findChildren(ExportDialog)) - before))
    (dialog,) = set(window.findChildren(ExportDialog)) - before
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _choose_scope(qtbot, dialog, scope: str) -> None:  # type: ignore[no-untyped-def]
    """Click the scope's radio button where its circle is (not the empty width after it)."""
    button = dialog.scope_buttons[scope]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _type_path(qtbot, dialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.path.setFocus()
    dialog.path.selectAll()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Tab)  # leaving the field, as a user does


def _export(qtbot, dialog) -> list[Path]:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_the_export_dialog_remembers_its_folder(window, qtbot, tmp_path: Path):
    article = next(a for a in window.catalog.articles() if a.title)
    window.open_article(article.id)
    dialog = _open_export_dialog(window, qtbot)
    assert Path(dialog.path.text()).parent == Path.home()  # the first time: home
    folder = tmp_path / "reports"
    folder.mkdir()
    _type_path(qtbot, dialog, folder / "first.md")
    assert _export(qtbot, dialog) == [folder / "first.md"]
    dialog.close()
    again = _open_export_dialog(window, qtbot)
    assert Path(again.path.text()).parent == folder
    again.close()


def test_a_typed_suffix_chooses_the_format(window, qtbot, tmp_path: Path):
    window.open_article(next(a for a in window.catalog.articles() if a.title).id)
    dialog = _open_export_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    _type_path(qtbot, dialog, tmp_path / "bookmarks.docx")
    assert dialog.format.currentData() == "docx"
    assert dialog.path.text() == str(tmp_path / "bookmarks.docx")
    written = _export(qtbot, dialog)
    assert written == [tmp_path / "bookmarks.docx"]
    assert (tmp_path / "bookmarks.docx").read_bytes()[:2] == b"PK"  # a Word file, not a PDF
    dialog.close()


def test_an_existing_file_is_replaced_only_when_the_user_says_so(window, qtbot, monkeypatch,
                                                                 tmp_path: Path):
    from PySide6.QtWidgets import QMessageBox

    window.open_article(next(a for a in window.catalog.articles() if a.title).id)
    target = tmp_path / "report.txt"
    target.write_text("my own notes", "utf-8")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _open_export_dialog(window, qtbot)
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    _type_path(qtbot, dialog, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and str(target) in asked[0]
    assert target.read_text("utf-8") == "my own notes"
    assert "left as it was" in dialog.status.text()
    answer = QMessageBox.StandardButton.Yes
    assert _export(qtbot, dialog) == [target]
    assert "来源：" in target.read_text("utf-8")
    dialog.close()


def test_the_selected_text_can_be_exported(window, qtbot, tmp_path: Path):
    article = next(a for a in window.catalog.articles() if a.title and len(a.paragraphs) > 2)
    window.open_article(article.id)
    view = window.article_view
    wanted = article.paragraphs[1].text
    cursor = view.document().find(wanted)
    assert not cursor.isNull()
    view.setTextCursor(cursor)  # the user's selection, as a drag over the paragraph makes it
    dialog = _open_export_dialog(window, qtbot)
    assert "text" in dialog.scope_buttons
    _choose_scope(qtbot, dialog, "text")
    assert dialog.scope() == "text"
    dialog.format.setCurrentIndex(dialog.format.findData("txt"))
    _type_path(qtbot, dialog, tmp_path / "excerpt.txt")
    assert _export(qtbot, dialog) == [tmp_path / "excerpt.txt"]
    text = (tmp_path / "excerpt.txt").read_text("utf-8")
    assert wanted in text and "引用：" in text and article.title in text
    assert article.paragraphs[0].text not in text and article.paragraphs[2].text not in text
    dialog.close()


def test_no_mnemonic_ampersand_is_shown(window, qtbot):
    from PySide6.QtWidgets import QLabel

    window.open_article(next(window.catalog.articles()).id)
    dialog = _open_export_dialog(window, qtbot)
    labels = [w for w in dialog.findChildren(QLabel) if "&" in w.text()]
    assert labels, "the dialog's labels have mnemonics"
    for label in labels:  # a label shows "&" as text unless it has a buddy to focus
        assert label.buddy() is not None, label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.path.hasFocus()
    dialog.close()


def test_bookmark_notes_go_with_their_articles_from_the_window(window, qtbot, tmp_path: Path):
    article = next(a for a in window.catalog.articles() if a.title)
    window.bookmarks.store.add(article, note="写进报告的理由", tags=["报告"])
    window.bookmarks.refresh(force=True)
    window.open_article(article.id)
    dialog = _open_export_dialog(window, qtbot)
    _choose_scope(qtbot, dialog, "bookmarks")
    assert dialog.scope() == "bookmarks"
    dialog.format.setCurrentIndex(dialog.format.findData("docx"))
    _type_path(qtbot, dialog, tmp_path / "marks.docx")
    assert _export(qtbot, dialog) == [tmp_path / "marks.docx"]
    import docx

    texts = [p.text for p in docx.Document(str(tmp_path / "marks.docx")).paragraphs]
    assert "笔记：写进报告的理由" in texts and "标签：报告" in texts
    dialog.close()


def test_the_export_dialog_names_its_formats_in_chinese(qapp, window, qtbot):
    from reader.ui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "zh_CN")
    try:
        window.open_article(next(window.catalog.articles()).id)
        dialog = _open_export_dialog(window, qtbot)
        names = [dialog.format.itemText(i) for i in range(dialog.format.count())]
        assert "纯文本 (.txt)" in names and not any("Plain" in n for n in names), names
        dialog.close()
    finally:
        remove_translators(qapp, translators)
