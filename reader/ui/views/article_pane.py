"""The reading column: a bar with the previous/next article buttons, the headline (cut to
fit, whole in its tooltip) and the bookmark star, above the article and its find bar."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..plain import plain_label
from .article_view import ArticleView
from .find_bar import FindBar


class ArticlePane(QWidget):
    """The article with its bar and find bar; the window gives the buttons their actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_view = ArticleView(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.prev_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.star_button = QToolButton(self)
        self.star_button.setObjectName("starButton")
        self.title = QLabel(self)
        self.title.setObjectName("articleTitle")
        plain_label(self.title)
        # A long headline must not make the window wider than the screen: it is cut, and
        # its tooltip holds it whole.
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.star_button)
        bar.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self.article_view, 1)
        column.addWidget(self.find_bar)
        self._column = column

    def add_names(self, names: QWidget) -> None:
        """The article's names (``NameFacets``), between the headline bar and the article."""
        self._column.insertWidget(1, names)
