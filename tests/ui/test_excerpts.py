"""Excerpts in the window, as a user makes them: a passage selected with the mouse, saved
through the article's context menu and with Ctrl+Shift+E, found in the bookmarks panel of the
next window, opened with the passage marked, exported to Word and PDF as quotations."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reader.ui import user_data
from reader.ui.dialogs.bookmark_dialog import BookmarkDialog
from reader.ui.models import BookmarkRole, DepthRole

from .conftest import choose_in_article_menu, choose_in_context_menu, type_chinese
from .test_bookmarks_export import _choose_scope, _export, _open_export_dialog, _type_path

pytestmark = pytest.mark.gui

ARTICLE = "0f419ca80aa8"  # 切实织密疫情防控网 …, 钱塘新区报 2022-08-10 第1版
FIRST = "要严防输入"
SECOND = "金承涛强调,要强化机制"  # a paragraph's start: the second passage crosses into it


def _point(view, body_offset: int) -> QPoint:  # type: ignore[no-untyped-def]
    """Where on the screen the body's character ``body_offset`` begins (viewport)."""
    start, _ = view._layout.to_document("body", body_offset, body_offset + 1)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def _drag_select(qtbot, view, start: int, end: int) -> str:  # type: ignore[no-untyped-def]
    """Select ``article.body[start:end]`` as a hand does: click before the first character,
    shift-click before the one after the last. Returns the text the view selected."""
    window = view.window()
    window.activateWindow()  # back from a menu: the window is the user's again
    qtbot.waitUntil(window.isActiveWindow)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view._layout.to_document("body", start, start + 1)[0])
    view.setTextCursor(cursor)  # scrolls it into view, as the user scrolls to read it
    view.ensureCursorVisible()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(view, start))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, pos=_point(view, end))
    return view.textCursor().selectedText()


def _export_all(window, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+E, "All bookmarks", the format of ``path``'s suffix, typed name, Export."""
    dialog = _open_export_dialog(window, qtbot)
    _choose_scope(qtbot, dialog, "bookmarks")
    dialog.format.setCurrentIndex(dialog.format.findData(path.suffix[1:]))
    _type_path(qtbot, dialog, path)
    assert _export(qtbot, dialog) == [path]
    dialog.close()


def _fill(note: str, tags: str):  # type: ignore[no-untyped-def]
    def fill(dialog: BookmarkDialog) -> int:
        assert dialog.passage.isVisible() or dialog.passage.text()
        dialog.note.setPlainText(note)
        dialog.tags.setText(tags)
        return BookmarkDialog.DialogCode.Accepted

    return fill


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_excerpts_saved_found_opened_and_exported(window, open_window, qtbot, monkeypatch,
                                                  small_library: Path, tmp_path: Path):
    window.open_article(ARTICLE)
    view = window.article_view
    article = view.article
    body = article.body
    one = (body.index(FIRST), body.index(",也要深化"))  # 要严防输入,既要严格守牢 … “大门”
    two = (body.index(SECOND) - 11, body.index(SECOND) + len(SECOND))  # two paragraphs

    # The first passage: selected with the mouse, saved from the article's context menu.
    selected = _drag_select(qtbot, view, *one)
    assert selected == body[one[0]:one[1]]
    monkeypatch.setattr(BookmarkDialog, "exec", _fill("防输入的原话", "疫情，引用"))
    offered = choose_in_article_menu(qtbot, view, "Save Excerpt…")
    assert "Save Excerpt…" in offered and "Copy with Citation" in offered
    # The second: selected, then Ctrl+Shift+E.
    # Qt separates the selected paragraphs by U+2029; the excerpt keeps them as lines.
    assert _drag_select(qtbot, view, *two) == body[two[0]:two[1]].replace("\n", "\u2029")
    monkeypatch.setattr(BookmarkDialog, "exec", _fill("机制之前", "疫情"))
    qtbot.keyClick(view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.bookmarks_panel
    assert panel.proxy.rowCount() == 2
    assert panel.count.text() == panel.tr("%n bookmark(s)", "", 0) + panel.tr(
        ", %n excerpt(s)", "", 2)
    assert "2" in panel.count.text()
    window.close()

    again = open_window(small_library)
    panel = again.bookmarks_panel
    rows = [panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())]
    kept = {i.data(BookmarkRole).text: i.data(BookmarkRole) for i in rows}
    assert set(kept) == {body[one[0]:one[1]], body[two[0]:two[1]]}
    assert kept[body[one[0]:one[1]]].note == "防输入的原话"
    assert kept[body[one[0]:one[1]]].tags == ("疫情", "引用")
    assert all(i.data(DepthRole) == 1 for i in rows)  # set in under their article
    # Found by their text and by their note, as the user types in the filter.
    panel.filter.setFocus()
    type_chinese(panel.filter, "高速公路")
    assert panel.proxy.rowCount() == 1
    panel.filter.clear()
    type_chinese(panel.filter, "机制之前")
    assert panel.proxy.rowCount() == 1
    assert panel.proxy.index(0, 0).data(BookmarkRole).text == body[two[0]:two[1]]
    panel.filter.clear()

    # Opened by double-click: the article, with the passage marked and in view.
    again.article_view.show_placeholder()
    with qtbot.waitSignal(again.articleShown) as shown:
        _open_row(qtbot, again, kept[body[one[0]:one[1]]].id)
    assert shown.args == [ARTICLE]
    assert again.article_view.highlighted_texts() == [body[one[0]:one[1]]]
    assert again.article_view.current_visible()

    # Exported with all bookmarks to Word: the quotations with their citation.
    citation = user_data.citation(article)
    _export_all(again, qtbot, tmp_path / "excerpts.docx")
    paragraphs = [(p.style.name, p.text) for p in
                  docx.Document(str(tmp_path / "excerpts.docx")).paragraphs]
    at = paragraphs.index(("Quote", body[one[0]:one[1]]))
    assert paragraphs[at + 1] == ("Quote Citation", "——" + citation)
    first, second = body[two[0]:two[1]].split("\n")  # its paragraphs kept apart
    later = paragraphs.index(("Quote", first))
    assert paragraphs[later + 1:later + 3] == [("Quote", second),
                                               ("Quote Citation", "——" + citation)]
    assert two[0] < one[0] and later < at  # in the order of the article, not of saving
    assert ("Note", "笔记：防输入的原话") in paragraphs and ("Note", "标签：疫情、引用") in paragraphs
    assert citation.endswith("2022-08-10(1).")

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from ..export.conftest import pdf_text

    _export_all(again, qtbot, tmp_path / "excerpts.pdf")
    text = re.sub(r"\s+", "", pdf_text(tmp_path / "excerpts.pdf"))
    assert re.sub(r"\s+", "", body[one[0]:one[1]] + "——" + citation) in text


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_copy_with_citation_quotes_the_selection_as_an_excerpt_is_exported(window, qtbot):
    window.open_article(ARTICLE)
    view = window.article_view
    body = view.article.body
    start = body.index(FIRST)
    passage = body[start:start + 20]
    assert _drag_select(qtbot, view, start, start + 20) == passage
    choose_in_article_menu(qtbot, view, "Copy with Citation")
    assert QApplication.clipboard().text() == (
        f"“{passage}”\n——{user_data.citation(view.article)}")


def test_without_a_selection_save_excerpt_says_what_to_do(window, qtbot):
    window.open_article(ARTICLE)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Select a passage" in window.statusBar().currentMessage() + \
        window.status_area.status_text.text()
    assert window.bookmark_model.rowCount() == 0


def test_excerpts_stay_under_their_article_whatever_the_order(window, qtmodeltester):
    from reader.bookmarks import Passage
    from reader.ui.models.bookmarks import BookmarkFilterProxy, BookmarkModel

    store = window.bookmarks.store
    marked = window.catalog.article(ARTICLE)
    other = next(a for a in window.catalog.articles() if a.id != ARTICLE and len(a.body) > 80)
    store.add(marked, note="全文")
    store.add(other)
    first = store.add_excerpt(marked, Passage.cut(marked.body, 0, 20))
    second = store.add_excerpt(marked, Passage.cut(marked.body, 40, 60))
    alone = store.add_excerpt(window.catalog.article(next(
        a.id for a in window.catalog.articles() if a.id not in (ARTICLE, other.id))),
        Passage("独立的摘录"))
    model = BookmarkModel()
    model.set_bookmarks(store.list(), store.excerpts())
    qtmodeltester.check(model)
    proxy = BookmarkFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    for column in (0, 1):  # by headline, by date: each group moves as one
        proxy.sort(column)
        order = [proxy.index(r, 0).data(BookmarkRole) for r in range(proxy.rowCount())]
        mark = next(e for e in order if not user_data.is_excerpt(e) and e.article_id == ARTICLE)
        i = order.index(mark)
        assert [e.id for e in order[i + 1:i + 3]] == [first.id, second.id]
        assert alone.id in [e.id for e in order if user_data.is_excerpt(e)]


def _open_row(qtbot, window, excerpt_id: int):  # type: ignore[no-untyped-def]
    """Double-click the excerpt's card in the bookmarks panel."""
    panel = window.bookmarks_panel
    window.tabs.setCurrentWidget(panel)
    index = next(panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())
                 if panel.proxy.index(r, 0).data(BookmarkRole).id == excerpt_id)
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.isVisible() and not tree.visualRect(index).isEmpty())
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_an_excerpt_opens_in_the_article_a_correction_moved_it_to(window, qtbot, monkeypatch,
                                                                  small_library: Path):
    from PySide6.QtWidgets import QMessageBox

    from reader.bookmarks import Passage
    from reader.corpus.correction_store import correct
    from reader.corpus.corrections import split_before

    tail = "在综合保税区"
    article = next(a for a in window.catalog.articles() if tail in a.body)
    start = article.body.index(tail) + 10
    passage = Passage.cut(article.body, start, start + 30)
    kept = window.bookmarks.store.add_excerpt(article, passage, note="园区")
    gone = window.bookmarks.store.add_excerpt(
        window.catalog.article(ARTICLE), Passage.cut(window.catalog.article(ARTICLE).body, 0, 20))
    window.bookmarks.refresh(force=True)
    correct(small_library, article.source, article.id,
            lambda page, i: (split_before(page, page.articles[i], tail), {}))
    (small_library / window.catalog.article(ARTICLE).source).unlink()
    with qtbot.waitSignal(window.catalogReady, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_F5)

    with qtbot.waitSignal(window.articleShown, timeout=20000) as shown:
        _open_row(qtbot, window, kept.id)
    assert shown.args[0] != article.id  # the new article the split made
    qtbot.waitUntil(lambda: window.article_view.highlighted_texts() == [passage.text])
    assert window.bookmarks.store.get_excerpt(kept.id).article_id == shown.args[0]

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    _open_row(qtbot, window, gone.id)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert "can no longer be found" in told[0] and "its text and its note are kept" in told[0]
    assert window.bookmarks.store.get_excerpt(gone.id).text == gone.text


def test_removing_an_excerpt_leaves_the_bookmark_of_the_same_number(window, qtbot,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from reader.bookmarks import Passage

    store = window.bookmarks.store
    article = window.catalog.article(ARTICLE)
    mark = store.add(article, note="整篇")
    kept = store.add_excerpt(article, Passage.cut(article.body, 0, 20), note="一句")
    assert mark.id == kept.id == 1  # two tables, the same numbers
    window.bookmarks.refresh(force=True)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    panel = window.bookmarks_panel
    window.tabs.setCurrentWidget(panel)
    index = next(panel.proxy.index(r, 0) for r in range(panel.proxy.rowCount())
                 if user_data.is_excerpt(panel.proxy.index(r, 0).data(BookmarkRole)))
    tree = panel.tree
    qtbot.waitUntil(lambda: tree.isVisible() and not tree.visualRect(index).isEmpty())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(tree, Qt.Key.Key_Delete,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1 and "excerpt" in asked[0]
    assert store.excerpts() == []
    assert [b.note for b in store.list()] == ["整篇"]
    assert [panel.proxy.index(r, 0).data(BookmarkRole).id for r in range(
        panel.proxy.rowCount())] == [mark.id]


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_an_excerpts_note_and_tags_are_edited_from_the_panels_menu(window, qtbot, monkeypatch):
    from reader.bookmarks import Passage

    article = window.catalog.article(ARTICLE)
    kept = window.bookmarks.store.add_excerpt(article, Passage.cut(article.body, 0, 20),
                                              note="旧笔记")
    window.bookmarks.refresh(force=True)
    shown: list[str] = []

    def fill(dialog: BookmarkDialog) -> int:
        shown.append(dialog.passage.text())
        assert dialog.note.toPlainText() == "旧笔记"
        dialog.note.setPlainText("新笔记")
        dialog.tags.setText("人物")
        return BookmarkDialog.DialogCode.Accepted

    monkeypatch.setattr(BookmarkDialog, "exec", fill)
    panel = window.bookmarks_panel
    window.tabs.setCurrentWidget(panel)
    tree = panel.tree
    index = panel.proxy.index(0, 0)
    qtbot.waitUntil(lambda: tree.isVisible() and not tree.visualRect(index).isEmpty())

    choose_in_context_menu(qtbot, tree.viewport(), "Edit Note and Tags…",
                           tree.visualRect(index).center())  # on the excerpt's card
    assert shown == [f"“{kept.text}”"]
    (edited,) = window.bookmarks.store.excerpts()
    assert (edited.note, edited.tags, edited.text) == ("新笔记", ("人物",), kept.text)
    assert panel.proxy.index(0, 3).data() == "新笔记"


def test_an_excerpt_goes_under_its_articles_bookmark_when_the_id_changed():
    import datetime as dt

    from reader.bookmarks import Excerpt, Passage
    from reader.bookmarks.bookmark import Bookmark
    from reader.bookmarks.identity import ArticleRef
    from reader.ui.models.bookmarks import grouped

    now = dt.datetime.now(dt.UTC)
    day = dt.date(2022, 8, 10)

    def ref(article_id: str, title: str) -> ArticleRef:
        return ArticleRef(article_id, "钱塘新区报", day, 1, title=title, display_title=title)

    marks = [Bookmark(1, "b1", ref("old1", "切实织密疫情防控网"), now, now),
             Bookmark(2, "b2", ref("old2", "打造西湖边的晴雨客厅"), now, now)]
    # Read again by a better parser: the first article has a new id, the same place and title.
    moved = Excerpt(1, "e1", ref("new1", "切实织密疫情防控网"), now, now, passage=Passage("甲"))
    other = Excerpt(2, "e2", ref("new3", "别的文章"), now, now, passage=Passage("乙"))
    rows, heads = grouped(marks, [other, moved])
    assert [r.uid for r in rows] == ["b1", "e1", "b2", "e2"]
    assert heads == [0, 0, 2, 3]
