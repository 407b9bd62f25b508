"""The window on a library read before: browsing and search work before the walk finishes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.cli import main
from reader.corpus.catalog import Catalog
from reader.ui.app import open_library_window

from .conftest import type_chinese


@pytest.fixture
def held_walk(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every walk of the library waits until the event is set, as on a slow disk."""
    release = threading.Event()
    real_sync = Catalog.sync

    def slow_sync(self: Catalog, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        release.wait(60)
        return real_sync(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Catalog, "sync", slow_sync)
    return release


def test_the_calendar_issues_and_search_work_while_the_library_is_walked(
        small_library: Path, held_walk: threading.Event, qtbot,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    held_walk.set()
    assert main(["index", "--library", str(small_library)]) == 0  # an earlier session
    capsys.readouterr()
    held_walk.clear()
    window = open_library_window(small_library, remember=False)
    qtbot.addWidget(window)
    try:
        assert window.issue_model.rowCount() > 0  # the issue list, at once
        assert window.calendar_panel.isEnabled()
        window.search_box.setFocus()
        type_chinese(window.search_box.lineEdit(), "金承涛")
        qtbot.keyClick(window.search_box.lineEdit(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.hit_model.rowCount() > 0, timeout=20000)
        assert window.runner.running("sync")  # the walk has not finished
        assert window.hit_model.rowCount() == 12
    finally:
        held_walk.set()
        window.shutdown()
