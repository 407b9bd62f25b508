"""The article's context menu: Qt's own (copy, select all) and then what one does with an
article: bookmark it, save the selected passage as an excerpt, copy its citation or the text
with its citation, export it, find in it, correct it (the window's Edit → Correct This
Article, and Undo).

Also "Copy with Citation": the selected text in quotation marks with ``——`` and its GB/T 7714
citation under it (as excerpts are exported), or the whole article followed by its citation
when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from . import user_data
from .views.article_view import ArticleView


class ArticleMenu(QObject):
    """Fills the article view's context menu with the window's article actions: ``before``
    the "Copy with Citation" this adds (on ``window``, so that its key works everywhere),
    then ``after``."""

    statusMessage = Signal(str)

    def __init__(self, window: QWidget, view: ArticleView, before: list[QAction],
                 after: list[QAction]) -> None:
        super().__init__(window)
        self.view = view
        self.copy_with_citation_action = QAction(self.tr("Copy &with Citation"), window)
        self.copy_with_citation_action.setShortcut(QKeySequence("Ctrl+Alt+C"))
        self.copy_with_citation_action.triggered.connect(self.copy_with_citation)
        window.addAction(self.copy_with_citation_action)
        view.menu_actions = [*before, self.copy_with_citation_action, *after]

    @Slot()
    def copy_with_citation(self) -> str:
        view = self.view
        article = view.article
        if article is None:
            return ""
        selected = view.textCursor().selectedText().replace("\u2029", "\n").strip()
        # A selection is quoted as an excerpt is exported: “…” and the citation under it.
        text = user_data.quotation(selected, article) if selected else (
            view.article_text().strip() + "\n\n" + user_data.citation(article))
        QGuiApplication.clipboard().setText(text)
        self.statusMessage.emit(self.tr("Copied with its citation."))
        return text
