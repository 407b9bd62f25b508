"""The article's context menu: Qt's own (copy, select all) and then what one does with an
article: bookmark it, copy its citation or the text with its citation, export it, find in it.

Also "Copy with Citation": the selected text (the whole article when nothing is selected)
followed by its GB/T 7714 citation, the way a quotation goes into a report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence

from . import user_data

if TYPE_CHECKING:
    from .mainwindow import MainWindow


class ArticleMenu(QObject):
    """Fills the article view's context menu with the window's article actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.copy_with_citation_action = QAction(self.tr("Copy &with Citation"), window)
        self.copy_with_citation_action.setShortcut(QKeySequence("Ctrl+Alt+C"))
        self.copy_with_citation_action.triggered.connect(self.copy_with_citation)
        window.addAction(self.copy_with_citation_action)
        window.article_view.menu_actions = [
            window.bookmark_action, window.cite_action, self.copy_with_citation_action,
            window.export_action, window.find_in_article_action]

    @Slot()
    def copy_with_citation(self) -> str:
        view = self.window.article_view
        article = view.article
        if article is None:
            return ""
        selected = view.textCursor().selectedText().replace("\u2029", "\n").strip()
        text = (selected or view.plain_text().strip()) + "\n\n" + user_data.citation(article)
        QGuiApplication.clipboard().setText(text)
        self.window.show_status(self.tr("Copied with its citation."))
        return text
