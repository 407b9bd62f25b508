"""Start the window (``reader`` without a command)."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

from ..cli.common import library_root
from ..corpus.library import Library


def run_window(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = Library.load(library_root(args))
    window = QMainWindow()
    window.setWindowTitle("报刊阅读器")
    model = QStandardItemModel()
    for issue in library.issues():
        day = issue.date.isoformat() if issue.date else "未标日期"
        issue_item = QStandardItem(f"{issue.paper} {day}")
        for page in issue.pages:
            for article in page.articles:
                item = QStandardItem(article.display_title)
                item.setData(article.id)
                issue_item.appendRow(item)
        model.appendRow(issue_item)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    view = QTextBrowser()

    def show(index):  # type: ignore[no-untyped-def]
        article = library.article(index.data(0x0101) or "")
        if article:
            view.setPlainText(f"{article.headline}\n{article.byline or ''}\n\n{article.body}")

    tree.clicked.connect(show)
    splitter = QSplitter()
    splitter.addWidget(tree)
    splitter.addWidget(view)
    window.setCentralWidget(splitter)
    window.resize(1100, 700)
    if args.screenshot:
        window.show()
        app.processEvents()
        return 0 if window.grab().save(str(args.screenshot)) else 1
    window.show()
    return app.exec()
