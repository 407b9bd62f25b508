"""Export of articles: citations and documents (no Qt except the PDF writer).

For the window and the CLI::

    export_articles(articles, output, fmt, *, split=False, progress=None, cancel=None,
                    notes={}, warn=None)
        # fmt in FORMATS = ("docx", "pdf", "md", "txt", "html"); returns the files written.
        # notes: article id → Annotation(note, tags, quotes=(Quote(text, note, tags), …),
        #   quotes_only=False), printed with the article (excerpts as quotations, each with
        #   the citation); warn(msg).
        # One document with a table of contents (articles by date, paper, page), or with
        # split=True a folder of YYYY-MM-DD_第N版_标题.ext files. progress(done, total);
        # cancel() -> bool. Raises Cancelled (nothing written) or ExportError (one line).
    format_for(path) -> str | None           # the format a file suffix asks for
    agreeing_path(path, fmt) -> Path         # path with the suffix of fmt (ExportError if
                                             # its suffix asks for another format)
    gbt7714(article) -> str                  # 作者. 题名[N]. 报纸名, 出版日期(版次).
    ris([articles]) -> str; csl_json([articles]) -> str; csl_item(article) -> dict
    imprint_line(article) -> str              # 钱塘新区报 2022年8月10日 第1版（file）
    plain_quotation(text, article) -> str    # “passage”\n——citation (Copy with Citation)

Threads: run ``export_articles`` in a worker (QRunnable/QThread); pass ``progress`` that
emits a signal and ``cancel`` that reads a flag (e.g. ``threading.Event.is_set``). The PDF
writer uses Qt's QTextDocument and QPdfWriter, which work off the GUI thread once the
QGuiApplication exists; from the CLI ``pdf_format.ensure_gui_application`` makes an offscreen
one. The other formats need no Qt.
"""

from __future__ import annotations

from .atomic import Cancelled, ExportError
from .citation import Cited, csl_item, csl_json, gbt7714, imprint_line, ris
from .document import Annotation
from .exporter import FORMATS, SUFFIXES, agreeing_path, export_articles, format_for
from .quotation import Quote, plain_quotation

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "Annotation",
    "Cancelled",
    "Cited",
    "ExportError",
    "Quote",
    "agreeing_path",
    "csl_item",
    "csl_json",
    "export_articles",
    "format_for",
    "gbt7714",
    "imprint_line",
    "plain_quotation",
    "ris",
]
