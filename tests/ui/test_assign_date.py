"""Assign Date… as a user meets it: the page follows to its issue without a false alarm, and
the sample newspapers are not written to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
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
