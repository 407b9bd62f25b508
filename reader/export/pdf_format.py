"""PDF export with Qt: QTextDocument laid out on A4 pages of a QPdfWriter.

Qt embeds a subset of the TrueType/OpenType font with a ToUnicode map, so the Chinese text
is real text (``pdftotext`` and copy-paste give it back) once two things Qt gets wrong are
avoided (see docs/export.md for the measurements):

- glyphs that the font's substitutions make (``locl`` turns digits next to Chinese into
  glyphs of their own in Noto CJK; ``liga`` makes fi) have no code point, so Qt's map leaves
  them out and the text loses them: those features are switched off (``PLAIN_FEATURES``);
- a glyph shared by two code points is mapped to the lower one (the radical ⼈ for 人):
  ``pdf_text.fix_text_layer`` rewrites the map from the text that was laid out.

Measured on the seeds repeated to 1,000 articles: Qt about 1 s, fpdf2 (pure Python) about
7 s and worse line breaks (it puts ``、`` at the start of lines); see
``benchmarks/bench_export.py``.

Pages are drawn one by one (not with ``QTextDocument.print_``) so that the export reports
progress, can be cancelled between pages and puts page numbers in the footer and in the
table of contents. Needs a ``QGuiApplication``: the window has one; the CLI gets an
offscreen one from ``ensure_gui_application``. Runs in a worker thread once it exists.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
    QTextTable,
)

from ..corpus.model import Article
from ..paths import resources_dir
from .atomic import ExportError
from .document import NO_NOTES, Notes, Tracker, document_title
from .html_format import render_html
from .paper import LETTER_MM, paper_mm
from .pdf_glyphs import GlyphLog
from .pdf_text import fix_text_layer

RESOLUTION = 300
MARGIN_MM = 20.0
FOOTER_PT = 16.0
PREFERRED_FAMILIES = (
    "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "Songti SC", "SimSun", "宋体", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "AR PL UMing CN", "AR PL SungtiL GB",
)
PLACEHOLDER = "0000"
# OpenType substitutions whose glyphs no code point reaches: with them on, Qt's PDF loses text.
PLAIN_FEATURES = ("locl", "liga", "clig", "calt", "ccmp", "dlig")

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Make sure a QGuiApplication exists (an offscreen one when called from the CLI)."""
    global _app
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return
    if app is not None:
        raise ExportError("PDF export needs a QGuiApplication, not a QCoreApplication")
    if threading.current_thread() is not threading.main_thread():
        raise ExportError("PDF export needs the Qt application; create it in the main thread")
    _app = QGuiApplication(["reader", "-platform", "offscreen"])


def chinese_font_family() -> str:
    """A font family that covers Simplified Chinese: a shipped one, a preferred one, any."""
    fonts = resources_dir() / "fonts"
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                font_id = QFontDatabase.addApplicationFont(str(path))
                families = QFontDatabase.applicationFontFamilies(font_id)
                if families:
                    return str(families[0])
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for family in PREFERRED_FAMILIES:
        if family in chinese:
            return family
    if chinese:
        return str(chinese[0])
    raise ExportError("no Chinese font is installed, so a PDF would show empty boxes; "
                      "install one (e.g. fonts-noto-cjk or fonts-wqy-microhei) and try again")


def _fill_contents(doc: QTextDocument, pages: list[str]) -> None:
    """Put the page numbers into the contents table, where placeholders hold their place."""
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if not tables:
        return
    table = tables[0]
    batch = QTextCursor(doc)
    batch.beginEditBlock()  # one relayout for all the numbers, not one per number
    try:
        for row, page in enumerate(pages):
            cursor = table.cellAt(row, 1).firstCursorPosition()
            cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
            cursor.insertText(page)
    finally:
        batch.endEditBlock()


def pdf_font(family: str, point_size: float, *, bold: bool = False) -> QFont:
    """``family`` at ``point_size`` with the substitutions that lose text switched off."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    for tag in PLAIN_FEATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def shared_glyphs(family: str, written: set[str]) -> dict[str, str]:
    """Code point Qt would map a glyph to → the character of ``written`` it stands for,
    where the font draws both with one glyph (the radical ⼈ and 人 in Noto CJK)."""
    bmp = "".join(chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    result: dict[str, str] = {}
    for bold in (False, True):
        raw = QRawFont.fromFont(pdf_font(family, 10.5, bold=bold))
        lowest: dict[int, str] = {}
        for ch, glyph in zip(bmp, raw.glyphIndexesForString(bmp), strict=True):
            if glyph:
                lowest.setdefault(glyph, ch)
        chars = sorted(c for c in written if len(c.encode("utf-16-le")) == 2)
        for ch, glyph in zip(chars, raw.glyphIndexesForString("".join(chars)), strict=True):
            first = lowest.get(glyph)
            if first is not None and first != ch and first not in written:
                result.setdefault(first, ch)
    return result


def _writer(target: Path) -> QPdfWriter:
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    size = (QPageSize(QPageSize.PageSizeId.Letter) if paper_mm() == LETTER_MM
            else QPageSize(QPageSize.PageSizeId.A4))  # the locale's paper, as the Word file's
    writer.setPageLayout(QPageLayout(
        size, QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter,
    ))
    return writer


def _heading_pages(doc: QTextDocument, page_height: float, count: int) -> list[str]:
    """The page (1-based) of each article's headline (``h2`` blocks, in order)."""
    layout = doc.documentLayout()
    pages: list[str] = []
    block = doc.begin()
    while block.isValid() and len(pages) < count:
        if block.blockFormat().headingLevel() == 2 and block.text() != "目录":
            top = layout.blockBoundingRect(block).top()
            pages.append(str(int(top // page_height) + 1))
        block = block.next()
    return pages + [""] * (count - len(pages))


def write_pdf(articles: list[Article], target: Path, tracker: Tracker,
              notes: Notes = NO_NOTES) -> None:
    """Lay ``articles`` out on A4 pages, write the PDF and put its text layer right."""
    raw = target.with_name(target.name + ".qt")
    try:
        written, drawn = _draw(articles, raw, tracker, notes)
        family = chinese_font_family()
        fix_text_layer(raw, target, written, shared_glyphs(family, written), drawn)
    finally:
        raw.unlink(missing_ok=True)


def _draw(articles: list[Article], target: Path, tracker: Tracker,
          notes: Notes) -> tuple[set[str], list[tuple[str, dict[int, str]]]]:
    """Lay ``articles`` out with Qt and write the PDF; return the characters written and,
    per font face, what each of its glyphs in the PDF stands for."""
    ensure_gui_application()
    family = chinese_font_family()
    n = len(articles)
    half = Tracker(n, None, tracker.cancel)  # building the HTML: the first half of the work
    html = render_html(articles, half, for_print=True,
                       toc_pages=[PLACEHOLDER] * n if n > 1 else None, notes=notes)
    tracker.at(n // 2)
    writer = _writer(target)
    writer.setTitle(document_title(articles))
    writer.setCreator("报刊阅读器")
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * RESOLUTION / 72
    page_size = QSizeF(body.width(), body.height() - footer)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(pdf_font(family, 10.5))
    doc.setDefaultStyleSheet(
        "h1 { font-size: 18pt; } h2 { font-size: 15pt; } h3 { font-size: 12pt; }"
        " .kicker, .subtitle { font-size: 12pt; } .source, .citation { font-size: 9pt;"
        " color: #555555; } p.text { text-indent: 21pt; line-height: 140%; }"
        " .note { font-style: italic; } .excerpt-label { font-weight: bold; }"
        " p.quote { margin-left: 24pt; }"
    )
    doc.setPageSize(page_size)
    doc.setHtml(html)
    # pageCount lays the whole document out: Qt's layout is lazy, and the page of a headline
    # read before it is done is a guess (filling the contents in then also left the blocks
    # after them without lines, so that an article's body was lost).
    pages = doc.pageCount()
    if n > 1:
        _fill_contents(doc, _heading_pages(doc, page_size.height(), n))
        pages = doc.pageCount()
    tracker.at(n // 2 + n // 10)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "Qt's PDF writer could not open the file", str(target))
    try:
        small = pdf_font(family, 8)
        on_page = _lines_by_page(doc, page_size.height(), pages)
        written = set(doc.toPlainText()) | set(f"{pages} / 0123456789")
        # Only characters beyond U+FFFF are missing from Qt's map: watch the glyphs only then.
        log = GlyphLog() if any(ord(c) > 0xFFFF for c in written) else None
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_size.height())
            for line, where, text in on_page[page]:
                if log is not None:
                    log.add(line, text)
                line.draw(painter, where)
            painter.restore()
            number = QTextLayout(f"{page + 1} / {pages}", small, writer)  # at its resolution
            number.setTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
            number.beginLayout()
            line = number.createLine()
            line.setLineWidth(body.width())
            number.endLayout()
            if log is not None:
                log.add(line, number.text())
            number.draw(painter, QPointF(0, page_size.height() + (footer - line.height()) / 2))
            tracker.at(n // 2 + n // 10 + (n - n // 2 - n // 10) * (page + 1) // pages)
    finally:
        painter.end()
    _check_complete(target)
    return written, log.maps() if log is not None else []


def _lines_by_page(doc: QTextDocument, page_height: float,
                   pages: int) -> list[list[tuple[QTextLine, QPointF, str]]]:
    """Each page's lines, with where each is drawn and its block's text: every line on the
    page its top is on.

    Drawn line by line, not with ``drawContents``: that also draws the lines of a paragraph
    that belong to the page before (clipped away, but still in the PDF's text, so that text
    extraction and search find them twice)."""
    layout = doc.documentLayout()
    on_page: list[list[tuple[QTextLine, QPointF, str]]] = [[] for _ in range(pages)]
    block = doc.begin()
    while block.isValid():
        text_layout = block.layout()
        text = block.text()
        origin = layout.blockBoundingRect(block).topLeft() - text_layout.position()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            top = origin.y() + text_layout.position().y() + line.y()
            page = min(pages - 1, max(0, int((top + 0.5) // page_height)))
            on_page[page].append((line, origin + text_layout.position(), text))
        block = block.next()
    return on_page


def _check_complete(path: Path) -> None:
    """QPdfWriter does not say when a write fails (a full disk): check that the file ends."""
    try:
        with path.open("rb") as fh:
            fh.seek(max(0, path.stat().st_size - 64))
            tail = fh.read()
    except OSError as err:
        raise ExportError(f"the PDF could not be written: {err.strerror or err}") from None
    if b"%%EOF" not in tail:
        space = os.statvfs(path.parent)
        if space.f_bavail * space.f_frsize < 1 << 20:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        raise OSError(errno.EIO, "the PDF was not written completely", str(path))
