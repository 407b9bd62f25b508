"""The article's context menu, and the offer to restart after changing the language."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QProcess
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.ui import user_data

from .conftest import choose_in_article_menu

pytestmark = pytest.mark.gui


@pytest.mark.qt_log_ignore("does not support (raise|grabbing|propagateSizeHints)")
def test_the_article_menu_bookmarks_cites_exports_and_finds(window, qtbot):
    article = next(a for a in window.catalog.articles() if a.title and len(a.body) > 200)
    window.open_article(article.id)
    offered = choose_in_article_menu(qtbot, window.article_view, "Copy with Citation")
    for wanted in ("Bookmark This Article", "Copy Citation", "Copy with Citation", "Export…",
                   "Find in Article"):
        assert wanted in offered
    copied = QGuiApplication.clipboard().text()
    assert copied.endswith(user_data.citation(article))
    assert article.body.split("\n")[0][:20] in copied


def test_changing_the_language_offers_a_restart(window, qtbot, monkeypatch):
    asked: list[str] = []
    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, args: started.append((program, list(args))) or True)
    app = QApplication.instance()
    monkeypatch.setattr(type(app), "quit", lambda *a: None)
    view = next(a.menu() for a in window.menuBar().actions() if a.menu()
                and window.serif_action in a.menu().actions())
    languages = next(a.menu() for a in view.actions() if a.menu()
                     and window.language_actions["en"] in a.menu().actions())
    next(a for a in languages.actions() if a.text() == "English").trigger()
    assert window.prefs.language == "en"
    assert asked and "Restart" in asked[0]
    assert started == [(sys.executable, list(sys.orig_argv[1:]))]
    assert not window.isVisible()
