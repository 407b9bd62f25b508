"""The article view: one article typeset on a page of paper, with its occurrences marked.

Occurrences come either from the search core (spans in the fields of the hit
that was opened) or from the find bar (a plain search of the text shown). All are painted as
extra selections; the current one in a stronger colour and scrolled into the middle of view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QTextEdit, QWidget

from ...corpus.model import Article
from ..theme import LIGHT_ARTICLE, ArticleColors
from . import article_document, headline
from .article_document import CORRECTIONS_ANCHOR, CorrectionNote, Layout

MEASURE = 36  # characters per line at most: a newspaper column is far narrower


class ArticleView(QTextBrowser):
    """Shows one article; steps through highlighted occurrences."""

    occurrencesChanged = Signal(int, int)  # current (1-based, 0 for none), total
    openPageRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.anchorClicked.connect(self._on_anchor)
        self.article: Article | None = None
        self.colors: ArticleColors = LIGHT_ARTICLE
        self.font_size = 16
        self.serif = True
        self._layout = Layout()
        self._spans: list[tuple[int, int]] = []
        self._current = -1
        self.menu_actions: list[QAction] = []  # the window's, after Qt's copy and select
        # The corrections of an article, listed at its end (given by the window's owner).
        self.notes_for: Callable[[Article], list[CorrectionNote]] | None = None
        self.show_placeholder()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            # What the menu does to "this paragraph" is done where it was opened.
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        if self.article is not None and self.menu_actions:
            menu.addSeparator()
            for action in self.menu_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- content --------------------------------------------------------------------------

    def set_style(self, colors: ArticleColors, font_size: int, serif: bool) -> None:
        """Change paper colours, type size or face, keeping the article and its marks."""
        self.colors, self.font_size, self.serif = colors, font_size, serif
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, colors.paper)
        palette.setColor(QPalette.ColorRole.Text, colors.ink)
        self.setPalette(palette)
        if self.article is not None:
            spans, current = self._spans, self._current
            self.show_article(self.article)
            self._spans, self._current = spans, current
            self._paint()
        else:
            self.show_placeholder()

    def show_placeholder(self, text: str = "") -> None:
        self.article = None
        self.document().clear()
        cursor = QTextCursor(self.document())
        fmt = QTextCharFormat()
        fmt.setForeground(self.colors.muted)
        fmt.setFont(article_document.make_font(self.serif, self.font_size))
        cursor.insertText(text or self.tr(
            "Choose a day in the calendar or an issue in the list, "
            "or search the archive (Ctrl+F)."), fmt)
        self._set_spans([])

    def show_article(self, article: Article) -> None:
        self.article = article
        # The view may resize while the text goes in (a scroll bar comes or goes): the old
        # article's positions must not be used then.
        self._layout = Layout()
        notes = self.notes_for(article) if self.notes_for is not None else []
        self._layout = article_document.build(
            self.document(), article, self.colors, self.font_size, self.serif, notes)
        self._apply_measure()
        # The view's own cursor moved along with the text inserted before it, to the end;
        # showing or resizing the view then scrolled to that end.
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._set_spans([])
        self.verticalScrollBar().setValue(0)

    def plain_text(self) -> str:
        return self.document().toPlainText()

    def article_text(self) -> str:
        """The article as shown, without what the reader adds (its list of corrections)."""
        text = self.plain_text()
        for start, end in reversed(self._layout.notes):
            text = text[:start] + text[end:]
        return text

    def place(self) -> tuple[str, int] | None:
        """Where the text cursor is in the article: a headline field (``title`` …, 0) or the
        number of a paragraph (``body``, n); None outside them."""
        if self.article is None:
            return None
        cursor = self.textCursor()
        return self._layout.at(cursor.selectionStart())

    def selected_body_span(self) -> tuple[int, int] | None:
        """The part of the selection inside the article's body, as offsets into
        ``article.body`` (None when nothing of the body is selected)."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        span = self._layout.to_field("body", cursor.selectionStart(), cursor.selectionEnd())
        return span if span is not None and span[1] > span[0] else None

    def show_passage(self, start: int, end: int) -> None:
        """Mark ``article.body[start:end]`` (an excerpt) and scroll it into view."""
        self.highlight_spans([("body", start, end)])

    # -- occurrences ----------------------------------------------------------------------

    def highlight_spans(self, spans: list[tuple[str, int, int]]) -> None:
        """Mark spans ``(field, start, end)`` (kicker/title/subtitle/byline/body); show the
        first."""
        mapped = [self._layout.to_document(f, s, e) for f, s, e in spans]
        self._set_spans(sorted(m for m in mapped if m is not None))

    def find_text(self, text: str) -> int:
        """Mark every occurrence of ``text`` in what is shown (folding width, case and
        traditional/simplified, as the search does)."""
        from ...search.fold import fold  # imported on first use: not on the start-up path

        needle = fold(text.strip())
        spans: list[tuple[int, int]] = []
        if needle:
            hay = fold(self.plain_text())
            at = hay.find(needle)
            while at >= 0:
                spans.append((at, at + len(needle)))
                at = hay.find(needle, at + len(needle))
        self._set_spans(spans)
        return len(spans)

    def clear_highlights(self) -> None:
        self._set_spans([])

    def occurrence_count(self) -> int:
        return len(self._spans)

    def current_occurrence(self) -> int:
        """1-based index of the current occurrence (0 when there is none)."""
        return self._current + 1 if self._spans else 0

    def highlighted_texts(self) -> list[str]:
        text = self.plain_text()
        return [text[s:e] for s, e in self._spans]

    @Slot()
    def next_occurrence(self) -> None:
        self._step(1)

    @Slot()
    def previous_occurrence(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self._spans:
            return
        self._current = (self._current + step) % len(self._spans)
        self._paint()
        self._reveal()

    def _set_spans(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._current = 0 if spans else -1
        self._paint()
        if spans:
            self._reveal()

    def _paint(self) -> None:
        selections = []
        for n, (start, end) in enumerate(self._spans):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self.colors.current if n == self._current else self.colors.highlight)
            if n == self._current:
                fmt.setForeground(QColor("#000000"))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)
        self.occurrencesChanged.emit(self.current_occurrence(), len(self._spans))

    def _reveal(self) -> None:
        """Scroll so the current occurrence sits in the upper middle of the view."""
        start, _ = self._spans[self._current]
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 3)

    def current_visible(self) -> bool:
        """Whether the current occurrence is inside the viewport (for tests and the status)."""
        if not self._spans:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._spans[self._current][0])
        rect = self.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= self.viewport().height()

    # -- layout ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    def _apply_measure(self) -> None:
        """Keep lines to a readable measure by widening the side margins of the page."""
        width = self.viewport().width()
        em = article_document.make_font(self.serif, self.font_size)
        column = QFontMetricsF(em).horizontalAdvance("国") * MEASURE
        side = max(24.0, (width - column) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(40)
        root.setFrameFormat(fmt)
        if self.article is not None and self._layout.headline is not None:
            headline.balance(self.document(), *self._layout.headline, width - 2 * side)

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("page:"):
            self.openPageRequested.emit(int(text[len("page:"):]))
        elif text == CORRECTIONS_ANCHOR:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())
