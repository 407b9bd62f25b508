"""Assign Date… as a user meets it: the page follows to its issue without a false alarm,
Ctrl+Z takes the date back like any correction, and the sample newspapers are not written
to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.corpus import sidecar
from reader.ui import library_controller
from reader.ui.dialogs.assign_date import AssignDateDialog

pytestmark = pytest.mark.gui


def assign_action(window):  # type: ignore[no-untyped-def]
    return next(a for a in window.library_menu.actions()
                if a.text().replace("&", "") == "Assign Date…")


def test_the_dated_page_is_followed_to_its_issue_without_an_alarm(window, qtbot, monkeypatch):
    undated = next(i for i in window.issues().values() if i.undated)
    window.open_issue(undated.key)
    before = window.current_article()
    assert before is not None and before.source == undated.pages[0][1]
    monkeypatch.setattr(AssignDateDialog, "exec",
                        lambda self: AssignDateDialog.DialogCode.Accepted)
    monkeypatch.setattr(AssignDateDialog, "date", lambda self: dt.date(2022, 5, 6))
    with qtbot.waitSignal(window.catalogReady, timeout=20000):
        assign_action(window).trigger()
    assert window.notice("article-gone") is None
    issue = window.page_model.issue()
    assert issue is not None and issue.date == dt.date(2022, 5, 6)
    assert window.issue_list.current_key() == issue.key
    shown = window.current_article()
    assert shown is not None and shown.display_title == before.display_title
    assert window.issue_view.selected_article_ids() == [shown.id]


def test_the_sample_newspapers_ask_for_a_library_of_ones_own(open_window, qtbot, monkeypatch,
                                                             small_library: Path):
    monkeypatch.setattr(library_controller, "bundled_corpus", lambda: small_library)
    window = open_window(small_library)  # read as the sample newspapers
    undated = next(i for i in window.issues().values() if i.undated)
    window.open_issue(undated.key)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(AssignDateDialog, "exec",
                        lambda self: AssignDateDialog.DialogCode.Accepted)
    assign_action(window).trigger()
    assert asked and "sample" in asked[0]
    assert not sidecar.sidecar_path(small_library / undated.pages[0][1]).exists()


def test_ctrl_z_takes_an_assigned_date_back_and_ctrl_shift_z_gives_it_again(
        window, qtbot, monkeypatch):
    undated = next(i for i in window.issues().values() if i.undated)
    source = undated.pages[0][1]
    side = sidecar.sidecar_path(window.catalog.root / source)
    assert not side.exists()
    window.open_issue(undated.key)
    title = window.current_article().display_title
    monkeypatch.setattr(AssignDateDialog, "exec",
                        lambda self: AssignDateDialog.DialogCode.Accepted)
    monkeypatch.setattr(AssignDateDialog, "date", lambda self: dt.date(2022, 5, 6))

    def shown_date() -> dt.date | None:
        issue = window.page_model.issue()
        return issue.date if issue is not None else None

    def settled(date: dt.date | None) -> None:
        qtbot.waitUntil(lambda: shown_date() == date and window.current_article() is not None
                        and window.current_article().source == source, timeout=20000)

    assign_action(window).trigger()
    settled(dt.date(2022, 5, 6))
    assert side.exists() and window.undo_action.isEnabled()
    assert "2022-05-06" in window.undo_action.text()  # Undo Assign the Date 2022-05-06
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settled(None)  # undated again, and the page's sidecar gone as it was before
    assert not side.exists()
    assert any(i.undated and i.pages[0][1] == source for i in window.issues().values())
    assert window.current_article().display_title == title
    assert window.notice("article-gone") is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    settled(dt.date(2022, 5, 6))
    assert window.current_article().display_title == title
