"""What the window remembers: preferences, window state, the last open article."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.ui.settings import Preferences, WindowState

pytestmark = pytest.mark.gui


def test_font_size_theme_and_last_article_survive_a_restart(window, open_window, qtbot,
                                                          small_library: Path):
    size = window.prefs.font_size
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.prefs.font_size > size
    window.theme_actions["dark"].trigger()
    window.serif_action.trigger()
    article = next(window.catalog.articles())
    window.open_article(article.id)
    # Within the offscreen screen (800×800), which restoreGeometry() clamps to.
    window.resize(780, 600)
    qtbot.waitUntil(lambda: window.width() == 780)
    window.main_splitter.setSizes([240, 300, 240])
    sizes = window.main_splitter.sizes()
    window.close()

    assert Preferences.load().font_size == window.prefs.font_size
    again = open_window(small_library)
    assert again.prefs.font_size == window.prefs.font_size
    assert again.prefs.theme == "dark" and again.theme_actions["dark"].isChecked()
    assert again.prefs.serif is False and not again.serif_action.isChecked()
    assert again.article_view.article is not None
    assert again.article_view.article.id == article.id
    # The calendar column keeps its width (the window may differ: offscreen clamps geometry).
    assert again.main_splitter.sizes()[0] == sizes[0]
    assert again.state.splitters["mainSplitter"] == window.main_splitter.saveState()


def test_smaller_text_stops_at_the_smallest_size(window, qtbot):
    for _ in range(20):
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.prefs.font_size == 11


def test_damaged_preferences_fall_back_to_defaults():
    path = Preferences.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert Preferences.load() == Preferences()
    path.write_text('{"font_size": 500, "theme": "purple", "serif": "yes"}', encoding="utf-8")
    prefs = Preferences.load()
    assert prefs.font_size == 28 and prefs.theme == "system" and prefs.serif is True


def test_history_is_capped_and_most_recent_first():
    state = WindowState()
    for n in range(30):
        state.remember_query(f"q{n}")
    state.remember_query("q5")
    assert state.history[0] == "q5" and len(state.history) == 15
    state.save()
    assert WindowState.load().history == state.history


def test_every_menu_action_has_a_shortcut(window):
    for menu in window.menuBar().findChildren(type(window.go_menu)):
        if menu.objectName() == "recentMenu":
            continue  # a list of folders that changes with use, reached by 1–9
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert not action.shortcut().isEmpty(), action.text()


def test_no_two_actions_share_a_shortcut(window):
    seen: dict[str, str] = {}
    for action in window.actions():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen[text]} and {action.text()}"
            seen[text] = action.text()


def test_open_library_switches_the_window_and_is_remembered(qtbot, monkeypatch, tmp_path: Path,
                                                           small_library: Path):
    from PySide6.QtWidgets import QFileDialog

    from reader.cli.common import default_library_root
    from reader.ui import app

    other = tmp_path / "other"
    other.mkdir()
    seed = next((small_library / "pages").glob("002_*.txt"))
    (other / seed.name).write_bytes(seed.read_bytes())
    first = app.open_library_window(small_library)  # the switch deletes it
    assert default_library_root().resolve() == small_library.resolve()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(other))
    first.open_library_action.trigger()
    second = app._windows[-1]
    qtbot.addWidget(second)
    assert second is not first and second.catalog.root == other
    assert first not in app._windows and second.isVisible()
    with qtbot.waitSignal(second.catalogReady, timeout=20000):
        pass
    assert {i.paper for i in second.issues().values()} == {"上城报"}
    assert default_library_root().resolve() == other.resolve()
    for window in list(app._windows):
        window.shutdown()
        app._windows.remove(window)
