"""Typesetting one article as a newspaper sets it, into a QTextDocument.

Kicker (引题) small above, the title large and bold, the subtitle (副题) below, then the byline
and an imprint line (paper, date, page, issue) under a rule, then paragraphs indented two
characters with the article's own section heads set apart. The builder records where each
piece of the article's text lands in the document, so that spans the search core gives in
offsets of a field (kicker, title, subtitle, byline, body) can be highlighted at the right
characters.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from ...corpus.model import UNKNOWN_PAPER, Article
from ..theme import ArticleColors

SERIF_FAMILIES = [
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Songti SC",
    "SimSun",
    "AR PL UMing CN",
    "Noto Serif",
    "DejaVu Serif",
    "Serif",
]
SANS_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans",
    "DejaVu Sans",
    "Sans Serif",
]


@dataclass
class Layout:
    """Where the article's fields start in the document: (field start, document start, length)."""

    segments: dict[str, list[tuple[int, int, int]]] = field(
        default_factory=dict
    )
    headline: tuple[int, int] | None = None
    """Document start and length of the headline as set (for ``headline.balance``)."""
    notes: list[tuple[int, int]] = field(default_factory=list)
    """Document ranges that are the reader's, not the article's: the mark "corrected" and
    the list of corrections (left out when the article's text is copied)."""

    def add(self, name: str, field_start: int, doc_start: int, length: int) -> None:
        self.segments.setdefault(name, []).append((field_start, doc_start, length))

    def to_document(self, name: str, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of ``[start, end)`` of field ``name`` (None when unmapped)."""
        segs = self.segments.get(name) or []
        starts = [s[0] for s in segs]
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            return None
        f0, d0, length = segs[i]
        if start >= f0 + length:
            return None
        j = bisect.bisect_right(starts, max(start, end - 1)) - 1
        f1, d1, length1 = segs[j]
        stop = d1 + min(end - f1, length1)
        return d0 + (start - f0), stop

    def at(self, position: int) -> tuple[str, int] | None:
        """The field and the number of its piece (the paragraph, for ``body``) that the
        document position ``position`` is in (its end included); None between them."""
        for name, segs in self.segments.items():
            for n, (_, start, length) in enumerate(segs):
                if start <= position <= start + length:
                    return name, n
        return None

    def to_field(self, name: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of field ``name`` that the document positions ``[start, end)`` cover
        (the part of a selection inside that field), or None when they cover none of it."""
        inside = [(f + max(start, d) - d, f + min(end, d + n) - d)
                  for f, d, n in self.segments.get(name) or [] if start < d + n and end > d]
        if not inside:
            return None
        return inside[0][0], inside[-1][1]


@dataclass(frozen=True)
class CorrectionNote:
    """One correction of the article shown, as the view lists it: what, who, when."""

    what: str
    by: str
    at: str
    overlay: bool = False
    """Kept in the user's data folder (the library's folder cannot be written)."""


def make_font(serif: bool, size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES if serif else SANS_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif if serif else QFont.StyleHint.SansSerif)
    font.setPointSizeF(size)
    font.setWeight(weight)
    return font


def build(
    document: QTextDocument,
    article: Article,
    colors: ArticleColors,
    size: float,
    serif: bool,
    notes: list[CorrectionNote] | None = None,
) -> Layout:
    """Fill ``document`` with ``article`` (and the list of its corrections, quietly, at the
    end, with a mark in the imprint line); returns where its fields landed."""
    document.clear()
    document.setDocumentMargin(0)
    document.setDefaultFont(make_font(serif, size))
    layout = Layout()
    cursor = QTextCursor(document)
    first = True

    def block(
        align: Qt.AlignmentFlag,
        top: float,
        bottom: float = 0.0,
        indent: float = 0.0,
        line_height: float = 100.0,
        rule: bool = False,
    ) -> None:
        nonlocal first
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setTextIndent(indent)
        fmt.setLineHeight(line_height, 1)  # ProportionalHeight
        if rule:
            fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        if first:
            cursor.setBlockFormat(fmt)
            first = False
        else:
            cursor.insertBlock(fmt)

    def chars(
        font: QFont, color: QColor, italic: bool = False, anchor: str = ""
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(font)
        font.setItalic(italic)
        fmt.setFont(font)
        fmt.setForeground(color)
        if anchor:
            fmt.setAnchor(True)
            fmt.setAnchorHref(anchor)
            fmt.setFontUnderline(True)
        return fmt

    center = Qt.AlignmentFlag.AlignHCenter

    def put(name: str, text: str, fmt: QTextCharFormat) -> None:
        layout.add(name, 0, cursor.position(), len(text))
        cursor.insertText(text, fmt)

    title_font = make_font(serif, size * 1.9, QFont.Weight.Bold)
    # A page that kept only the kicker prints it as the title rather than twice.
    kicker_is_title = bool(article.kicker and not article.title)
    if article.kicker and not kicker_is_title:
        block(center, 0, size * 0.3)
        put("kicker", article.kicker, chars(make_font(serif, size * 0.95), colors.muted))
    block(center, 0 if first else size * 0.2, size * 0.3, line_height=125)
    headline_start = cursor.position()
    if article.title:
        put("title", article.title, chars(title_font, colors.ink))
    elif kicker_is_title:
        put("kicker", article.kicker or "", chars(title_font, colors.ink))
    if article.title or kicker_is_title:
        layout.headline = (headline_start, cursor.position() - headline_start)
    else:
        cursor.insertText(article.display_title, chars(title_font, colors.ink, italic=True))
        layout.headline = (headline_start, cursor.position() - headline_start)
        if article.title_is_derived:
            block(center, 0, size * 0.3)
            cursor.insertText(
                QCoreApplication.translate(
                    "ArticleDocument", "Headline lost on the page; derived from the text"
                ),
                chars(make_font(serif, size * 0.8), colors.accent, italic=True),
            )
    if article.subtitle:
        block(center, size * 0.2, size * 0.3)
        if not article.subtitle.startswith(("—", "-")):  # the page's own dash is kept, not doubled
            cursor.insertText("——", chars(make_font(serif, size * 1.15), colors.muted))
        put("subtitle", article.subtitle, chars(make_font(serif, size * 1.15), colors.ink))
    small = make_font(serif, size * 0.85)
    if article.byline:
        block(center, size * 0.6)
        put("byline", article.byline, chars(small, colors.muted))
    if article.filing:
        # Where and when the report was filed, read from its dateline (北京 2月14日).
        block(center, size * (0.1 if article.byline else 0.6))
        cursor.insertText(article.filing, chars(small, colors.muted))
    block(center, size * 0.3, size * 0.9, rule=True)
    cursor.insertText(imprint_line(article), chars(small, colors.muted))
    if notes:
        mark = cursor.position()
        cursor.insertText(" · ", chars(small, colors.muted))
        cursor.insertText(
            QCoreApplication.translate("ArticleDocument", "corrected"),
            chars(small, colors.muted, anchor=CORRECTIONS_ANCHOR),  # quiet: no accent
        )
        layout.notes.append((mark, cursor.position()))

    body_at = 0
    text_font = make_font(serif, size)
    head_font = make_font(serif, size * 1.08, QFont.Weight.Bold)
    for n, paragraph in enumerate(article.paragraphs):
        heading = paragraph.kind == "heading"
        block(
            Qt.AlignmentFlag.AlignJustify if not heading else Qt.AlignmentFlag.AlignLeft,
            size * (1.1 if heading else 0.55),
            size * 0.15 if heading else 0,
            indent=0 if heading else size * 2 * 96 / 72,
            line_height=165,
        )
        if n == 0 and article.continued_from:
            cursor.insertText(
                QCoreApplication.translate("ArticleDocument", "(continued from page %1) ").replace(
                    "%1", str(article.continued_from)
                ),
                chars(small, colors.accent, anchor=f"page:{article.continued_from}"),
            )
        layout.add("body", body_at, cursor.position(), len(paragraph.text))
        cursor.insertText(
            paragraph.text,
            chars(head_font if heading else text_font, colors.accent if heading else colors.ink),
        )
        body_at += len(paragraph.text) + 1
    if article.continues_on:
        cursor.insertText(
            " "
            + QCoreApplication.translate("ArticleDocument", "(continued on page %1)").replace(
                "%1", str(article.continues_on)
            ),
            chars(small, colors.accent, anchor=f"page:{article.continues_on}"),
        )
    if notes:
        listed = cursor.position()
        block(Qt.AlignmentFlag.AlignLeft, size * 2.2, 0, rule=False)
        caption = QCoreApplication.translate("ArticleDocument", "Corrections of this article")
        if any(note.overlay for note in notes):
            caption += " " + QCoreApplication.translate(
                "ArticleDocument",
                "(kept in your own data folder: the library's folder cannot be written)",
            )
        cursor.insertText(caption, chars(small, colors.muted, italic=True))
        for n, note in enumerate(notes, start=1):
            block(Qt.AlignmentFlag.AlignLeft, size * 0.2)
            cursor.insertText(
                f"{n}. {note.what} — {note.by}, {note.at}", chars(small, colors.muted)
            )
        layout.notes.append((listed, cursor.position()))
    return layout


CORRECTIONS_ANCHOR = "corrections:"
"""The link of the mark "corrected": it scrolls to the list of corrections."""


def imprint_line(article: Article) -> str:
    """``钱塘新区报 · 2022年8月10日 星期三 · 第1版 · 第391期`` in the UI language."""
    parts = [article.paper or UNKNOWN_PAPER]  # the one name everywhere, as the issue list
    if article.date:
        locale = QLocale()
        day = QDate(article.date.year, article.date.month, article.date.day)
        parts.append(locale.toString(day, QLocale.FormatType.LongFormat))
    else:
        parts.append(QCoreApplication.translate("ArticleDocument", "undated"))
    if article.page:
        parts.append(
            QCoreApplication.translate("ArticleDocument", "page %1").replace(
                "%1", str(article.page)
            )
        )
    if article.issue_no:
        parts.append(
            QCoreApplication.translate("ArticleDocument", "issue %1").replace(
                "%1", str(article.issue_no)
            )
        )
    return " · ".join(parts)
