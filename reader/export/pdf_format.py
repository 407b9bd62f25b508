"""PDF export with Qt: QTextDocument laid out on A4 pages of a QPdfWriter.

Qt embeds a subset of the TrueType/OpenType font with a ToUnicode map, so the Chinese text
is real text (``pdftotext`` and copy-paste give it back). Measured on the seeds repeated to
1,000 articles: Qt about 1 s, fpdf2 (pure Python) about 7 s and worse line breaks (it puts
``、`` at the start of lines); see ``benchmarks/bench_export.py``.

Pages are drawn one by one (not with ``QTextDocument.print_``) so that the export reports
progress, can be cancelled between pages and puts page numbers in the footer and in the
table of contents. Needs a ``QGuiApplication``: the window has one; the CLI gets an
offscreen one from ``ensure_gui_application``. Runs in a worker thread once it exists.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from ..corpus.model import Article
from ..paths import resources_dir
from .atomic import ExportError
from .document import Tracker, document_title
from .html_format import render_html

RESOLUTION = 300
MARGIN_MM = 20.0
FOOTER_PT = 16.0
PREFERRED_FAMILIES = (
    "Noto Serif CJK SC", "Source Han Serif SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "Songti SC", "SimSun", "宋体", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "AR PL UMing CN", "AR PL SungtiL GB",
)
PLACEHOLDER = "0000"

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


def _writer(target: Path) -> QPdfWriter:
    writer = QPdfWriter(str(target))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
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


def write_pdf(articles: list[Article], target: Path, tracker: Tracker) -> None:
    """Lay ``articles`` out on A4 pages and write the PDF to ``target``."""
    ensure_gui_application()
    family = chinese_font_family()
    n = len(articles)
    half = Tracker(n, None, tracker.cancel)  # building the HTML: the first half of the work
    html = render_html(articles, half, for_print=True,
                       toc_pages=[PLACEHOLDER] * n if n > 1 else None)
    tracker.at(n // 2)
    writer = _writer(target)
    writer.setTitle(document_title(articles))
    writer.setCreator("报刊阅读器")
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer = FOOTER_PT * RESOLUTION / 72
    page_size = QSizeF(body.width(), body.height() - footer)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont(family)
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(
        "h1 { font-size: 18pt; } h2 { font-size: 15pt; } h3 { font-size: 12pt; }"
        " .kicker, .subtitle { font-size: 12pt; } .source, .citation { font-size: 9pt;"
        " color: #555555; } p.text { text-indent: 21pt; line-height: 140%; }"
    )
    doc.setPageSize(page_size)
    doc.setHtml(html)
    if n > 1:
        _fill_contents(doc, _heading_pages(doc, page_size.height(), n))
    pages = doc.pageCount()
    tracker.at(n // 2 + n // 10)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(f"cannot write {target}")
    try:
        small = QFont(family)
        small.setPointSizeF(8)
        for page in range(pages):
            if page:
                writer.newPage()
            top = page * page_size.height()
            painter.save()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, page_size.width(), page_size.height()))
            painter.restore()
            painter.setFont(small)
            painter.drawText(QRectF(0, page_size.height(), body.width(), footer),
                             Qt.AlignmentFlag.AlignCenter, f"{page + 1} / {pages}")
            tracker.at(n // 2 + n // 10 + (n - n // 2 - n // 10) * (page + 1) // pages)
    finally:
        painter.end()
