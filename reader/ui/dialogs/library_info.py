"""Library → Library Information…: what ``reader library info`` prints, in a window.

Papers with their counts and date ranges, the issue/page/article counts, the undated pages
(each with Assign Date…) and the files that could not be read, with the reason for each.
The dialog stays open while reading and follows the library as it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core_messages import problem_reason
from ..plain import literal, plain_label


def _table(parent: QWidget, name: str, headers: list[str]) -> QTreeWidget:
    table = QTreeWidget(parent)
    table.setObjectName(name)
    table.setRootIsDecorated(False)
    table.setAlternatingRowColors(True)
    table.setHeaderLabels(headers)
    table.header().setStretchLastSection(True)
    table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.header().setMinimumSectionSize(72)
    return table


class LibraryInfoDialog(QDialog):
    """The library's papers, counts, undated pages and problem files."""

    assignDateRequested = Signal(str)  # the source of an undated page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryInfo")
        self.setWindowTitle(self.tr("Library Information"))
        self.info: dict[str, Any] = {}
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        plain_label(self.where)
        self.open_folder = QPushButton(self.tr("Open the Folder"), self)
        self.open_folder.clicked.connect(self._open_folder)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        plain_label(self.summary)
        self.tabs = QTabWidget(self)
        self.papers = _table(self, "papersTable", [
            self.tr("Paper"), self.tr("Issues"), self.tr("Pages"), self.tr("Articles"),
            self.tr("First issue"), self.tr("Last issue"), self.tr("Undated pages")])
        self.undated = _table(self, "undatedTable", [self.tr("Page file")])
        self.assign_button = QPushButton(self.tr("Assign Date…"), self)
        self.assign_button.clicked.connect(self._assign)
        self.undated.itemSelectionChanged.connect(self._update_buttons)
        self.undated.itemActivated.connect(lambda *_: self._assign())
        self.problems = _table(self, "problemsTable", [self.tr("File"), self.tr("Why")])
        self.tabs.addTab(self.papers, "")
        self.tabs.addTab(self._page(self.tr(
            "These pages state no date the reader could read. Assigning one writes it in a "
            "small file beside the page."), self.undated, self.assign_button), "")
        self.tabs.addTab(self._page(self.tr(
            "These files were left out or need a look; the rest of the library is read as "
            "usual."), self.problems), "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.where, 1)
        top.addWidget(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 460)

    def _page(self, text: str, table: QTreeWidget, button: QPushButton | None = None
              ) -> QWidget:
        """A tab: a sentence saying what the list is, the list, and its button."""
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        note = QLabel(text, page)
        note.setWordWrap(True)
        box.addWidget(note)
        box.addWidget(table, 1)
        if button is not None:
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            box.addLayout(row)
        return page

    def set_info(self, info: dict[str, Any]) -> None:
        """Show ``info`` as made by ``reader.cli.library_cmd.library_info``."""
        self.info = info
        self.where.setText(self.tr("Library: %1").replace("%1", info["root"]))
        summary = self.tr("%1 issues, %2 pages, %3 articles").replace(
            "%1", str(info["issues"])).replace("%2", str(info["pages"])).replace(
            "%3", str(info["articles"]))
        if info["date_range"]:
            summary += " · " + self.tr("from %1 to %2").replace(
                "%1", info["date_range"][0]).replace("%2", info["date_range"][1])
        self.summary.setText(summary)
        self.papers.clear()
        for paper in info["papers"]:
            self.papers.addTopLevelItem(QTreeWidgetItem([
                str(paper["paper"]), str(paper["issues"]), str(paper["pages"]),
                str(paper["articles"]), paper["first_date"] or "—", paper["last_date"] or "—",
                str(paper["undated_pages"])]))
        self.undated.clear()
        for source in info["undated_pages"]:
            self.undated.addTopLevelItem(QTreeWidgetItem([source]))
        self.problems.clear()
        for problem in info["problems"]:
            reason = problem_reason(problem["message"])
            item = QTreeWidgetItem([problem["path"], reason])
            item.setToolTip(0, literal(problem["path"]))
            item.setToolTip(1, literal(reason))
            self.problems.addTopLevelItem(item)
        for path, note in info.get("masthead_notes", []):  # read, but check the masthead
            reason = problem_reason(note)
            item = QTreeWidgetItem([path, reason])
            item.setToolTip(1, literal(reason))
            self.problems.addTopLevelItem(item)
        self.tabs.setTabText(0, self.tr("Papers (%1)").replace("%1", str(len(info["papers"]))))
        self.tabs.setTabText(1, self.tr("Undated Pages (%1)").replace(
            "%1", str(len(info["undated_pages"]))))
        self.tabs.setTabText(2, self.tr("Problem Files (%1)").replace(
            "%1", str(self.problems.topLevelItemCount())))
        self._update_buttons()

    def problem_rows(self) -> list[tuple[str, str]]:
        return [(self.problems.topLevelItem(n).text(0), self.problems.topLevelItem(n).text(1))
                for n in range(self.problems.topLevelItemCount())]

    def undated_rows(self) -> list[str]:
        return [self.undated.topLevelItem(n).text(0)
                for n in range(self.undated.topLevelItemCount())]

    @Slot()
    def _update_buttons(self) -> None:
        self.assign_button.setEnabled(bool(self.undated.selectedItems()))

    @Slot()
    def _assign(self) -> None:
        chosen = self.undated.selectedItems()
        if chosen:
            self.assignDateRequested.emit(chosen[0].text(0))

    @Slot()
    def _open_folder(self) -> None:
        if self.info:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.info["root"]))))
