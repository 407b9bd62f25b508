"""Paints a row as a card of three parts: a bold headline, a line saying where it was printed,
and a passage of text with marked spans (the snippet of a search hit, the note of a bookmark).
An excerpt's card is set in under its article's, with a rule beside it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ..models import BookmarkRole, DepthRole, HitRole, LibraryRole
from ..models.bookmarks import excerpt_line, is_excerpt, printed
from ..models.search_hits import hit_meta

PAD = 8
INDENT = 18
"""How far an excerpt's card is set in under its article's."""
SNIPPET_LINES = 2
MARK = QColor("#ffd84d")


Card = tuple[str, str, str, list[Any]]  # headline, where printed, text, marked spans


def hit_card(index: QModelIndex | QPersistentModelIndex) -> Card | None:
    hit = index.data(HitRole)
    if hit is None:
        return None
    return hit.title, hit_meta(hit), hit.snippet, list(hit.highlights)


def bookmark_card(index: QModelIndex | QPersistentModelIndex) -> Card | None:
    b = index.data(BookmarkRole)
    if b is None:
        return None
    meta = printed(b) + ("  #" + "  #".join(b.tags) if b.tags else "")
    where = index.data(LibraryRole)
    if where:
        meta += " · " + where
    if is_excerpt(b):  # the passage first, then its article and where it was printed
        return f"“{excerpt_line(b)}”", f"{b.title} · {meta}", " ".join(b.note.split()), []
    return b.title, meta, " ".join(b.note.split()), []


class CardDelegate(QStyledItemDelegate):
    """Three parts a row: headline (bold), where it was printed, a passage with marks."""

    def __init__(self, card: Any = hit_card, parent: Any = None) -> None:
        super().__init__(parent)
        self._card = card

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.08)
        meta = QFont(base)
        meta.setPointSizeF(base.pointSizeF() * 0.88)
        return title, meta, base

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        title, meta, body = self._fonts(option)
        height = (QFontMetricsF(title).height() + QFontMetricsF(meta).height()
                  + SNIPPET_LINES * QFontMetricsF(body).lineSpacing() + 2 * PAD + 4)
        return QSize(200, int(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card = self._card(index)
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        if card is None:
            return
        title, meta, text, marks = card
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        ink = palette.color(QPalette.ColorRole.HighlightedText if selected
                            else QPalette.ColorRole.Text)
        muted = QColor(ink)
        muted.setAlphaF(0.7)
        title_font, meta_font, body_font = self._fonts(option)
        indent = INDENT * int(index.data(DepthRole) or 0)
        rect = QRectF(option.rect).adjusted(PAD + indent, PAD, -PAD, -PAD)
        painter.save()
        painter.setClipRect(option.rect)
        if indent:  # an excerpt: a rule beside it, as a quotation is set off in print
            painter.setPen(muted)
            painter.drawLine(QPointF(rect.left() - PAD / 2, rect.top()),
                             QPointF(rect.left() - PAD / 2, rect.bottom()))
        y = rect.top()
        painter.setFont(title_font)
        painter.setPen(ink)
        fm = QFontMetricsF(title_font)
        painter.drawText(QPointF(rect.left(), y + fm.ascent()),
                         fm.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        y += fm.height()
        painter.setFont(meta_font)
        painter.setPen(muted)
        fm = QFontMetricsF(meta_font)
        painter.drawText(QPointF(rect.left(), y + fm.ascent()),
                         fm.elidedText(meta, Qt.TextElideMode.ElideRight, rect.width()))
        y += fm.height() + 4
        layout = snippet_layout(text, marks, body_font, rect.width())
        painter.setPen(ink)
        lines = min(layout.lineCount(), SNIPPET_LINES)
        for n in range(lines):
            line = layout.lineAt(n)
            line.draw(painter, QPointF(rect.left(), y))
        painter.restore()


def snippet_layout(text: str, highlights: list[Any], font: QFont, width: float) -> QTextLayout:
    """The snippet laid out in ``width`` with each ``(start, end)`` marked: at most
    ``SNIPPET_LINES`` lines, the last ending in "…" when the text goes on (never cut in the
    middle of a character)."""
    text = text.replace("\n", " ")
    layout = _laid_out(text, highlights, font, width)
    if _overflows(layout, text):
        # Shorten until the text and its ellipsis fit in the lines there are.
        end = _shown_length(layout)
        while end > 0:
            layout = _laid_out(text[:end].rstrip() + "…", highlights, font, width)
            if not _overflows(layout, layout.text()):
                break
            end -= 1
    return layout


def _shown_length(layout: QTextLayout) -> int:
    if not layout.lineCount():
        return 0
    last = layout.lineAt(min(layout.lineCount(), SNIPPET_LINES) - 1)
    return last.textStart() + last.textLength()


def _overflows(layout: QTextLayout, text: str) -> bool:
    return _shown_length(layout) < len(text)


def _laid_out(text: str, highlights: list[Any], font: QFont, width: float) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
    layout.setTextOption(option)
    ranges = []
    for start, end in highlights:
        start, end = int(start), min(int(end), len(text))
        if start >= end:
            continue
        fr = QTextLayout.FormatRange()
        fr.start, fr.length = start, end - start
        fmt = QTextCharFormat()
        fmt.setBackground(MARK)
        fmt.setForeground(QColor("#000000"))
        fmt.setFontWeight(QFont.Weight.Bold)
        fr.format = fmt
        ranges.append(fr)
    layout.setFormats(ranges)
    layout.beginLayout()
    y = 0.0
    spacing = QFontMetricsF(font).lineSpacing()
    for _ in range(SNIPPET_LINES):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += spacing
    layout.endLayout()
    return layout
