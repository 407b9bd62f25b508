"""Library → Library Information…: what ``reader library info`` prints, in a window.

Papers with their counts and date ranges and where their dates came from, the
issue/page/article counts, the undated pages (each with Assign Date…) and the files that could
not be read, with the reason for each. The paper's name for the pages and article files that
name none is set here and saved in the library's settings file (``library.toml``).
The dialog stays open while reading and follows the library as it changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...corpus.sidecar import LIBRARY_FILE, write_library_settings
from ...problems import Problem
from ..core_messages import problem_text
from ..plain import literal, plain_label


def origin_text(origin: str) -> str:
    """Where a paper's name or a date came from, in the window's language."""
    words = {
        "sidecar": QCoreApplication.translate("LibraryInfoDialog", "sidecar files"),
        "masthead": QCoreApplication.translate("LibraryInfoDialog", "mastheads"),
        "path": QCoreApplication.translate("LibraryInfoDialog", "file names and folders"),
        "library": QCoreApplication.translate("LibraryInfoDialog", "the library settings"),
        "suggestion": QCoreApplication.translate(
            "LibraryInfoDialog", "the text (suggested only)"),
    }
    return words.get(origin, origin)


def origins_text(counts: dict[str, int]) -> str:
    """``file names and folders 404, mastheads 2``."""
    return ", ".join(f"{origin_text(k)} {n}" for k, n in counts.items()) or "—"


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
    settingsSaved = Signal()  # the library settings file was written: read the library again

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
            self.tr("First issue"), self.tr("Last issue"), self.tr("Undated pages"),
            self.tr("Dates from"), self.tr("Name from")])
        self.paper_name = QLineEdit(self)
        self.paper_name.setObjectName("settingsPaper")
        self.paper_name.setPlaceholderText(self.tr("e.g. 人民日报"))
        self.save_settings = QPushButton(self.tr("Save"), self)
        self.save_settings.setObjectName("saveSettings")
        self.save_settings.clicked.connect(self._save_settings)
        self.settings_note = QLabel(self)
        self.settings_note.setWordWrap(True)
        self.undated = _table(self, "undatedTable", [self.tr("Page file")])
        self.assign_button = QPushButton(self.tr("Assign Date…"), self)
        self.assign_button.clicked.connect(self._assign)
        for button in (self.open_folder, self.assign_button):
            button.setAutoDefault(False)
        self.save_settings.setDefault(True)  # Enter in the name's field saves it
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
        naming = QHBoxLayout()
        naming.addWidget(QLabel(self.tr("Paper of the pages that name none:"), self))
        naming.addWidget(self.paper_name, 1)
        naming.addWidget(self.save_settings)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(naming)
        layout.addWidget(self.settings_note)
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
                str(paper["undated_pages"]), origins_text(paper.get("date_from", {})),
                origins_text(paper.get("paper_from", {}))]))
        self._show_settings(info)
        self.undated.clear()
        for source in info["undated_pages"]:
            self.undated.addTopLevelItem(QTreeWidgetItem([source]))
        self.problems.clear()
        for problem in info["problems"]:
            reason = problem_text(Problem.from_json(problem))
            item = QTreeWidgetItem([problem["path"], reason])
            item.setToolTip(0, literal(problem["path"]))
            item.setToolTip(1, literal(reason))
            self.problems.addTopLevelItem(item)
        for path, note in info.get("masthead_notes", []):  # read, but check the masthead
            reason = problem_text(note)
            item = QTreeWidgetItem([path, reason])
            item.setToolTip(1, literal(reason))
            self.problems.addTopLevelItem(item)
        self.tabs.setTabText(0, self.tr("Papers (%1)").replace("%1", str(len(info["papers"]))))
        self.tabs.setTabText(1, self.tr("Undated Pages (%1)").replace(
            "%1", str(len(info["undated_pages"]))))
        self.tabs.setTabText(2, self.tr("Problem Files (%1)").replace(
            "%1", str(self.problems.topLevelItemCount())))
        self._update_buttons()

    def _show_settings(self, info: dict[str, Any]) -> None:
        settings = info.get("settings", {})
        if not self.paper_name.hasFocus():
            self.paper_name.setText(settings.get("paper") or "")
        unnamed = any(p["paper_from"] == {} and p.get("article_records") for p in info["papers"])
        if unnamed and not settings.get("paper"):
            self.settings_note.setText(self.tr(
                "The article files of this library do not name their paper: type its name "
                "above and save it (it is kept in %1 in the library folder).").replace(
                "%1", LIBRARY_FILE))
        else:
            self.settings_note.setText(self.tr(
                "Saved in %1 in the library folder; a masthead or a folder named like a paper "
                "still names its own pages.").replace("%1", LIBRARY_FILE))

    @Slot()
    def _save_settings(self) -> None:
        if not self.info:
            return
        name = self.paper_name.text().strip() or None
        try:
            write_library_settings(Path(self.info["root"]), {"paper": name})
        except OSError as err:
            QMessageBox.warning(self, self.tr("Settings Not Saved"), self.tr(
                "The paper's name could not be saved in %1:\n%2\n\nThe library folder may "
                "be read-only.").replace("%1", str(Path(self.info["root"]) / LIBRARY_FILE))
                .replace("%2", err.strerror or str(err)))
            return
        self.settingsSaved.emit()

    def problem_rows(self) -> list[tuple[str, str]]:
        items = [self.problems.topLevelItem(n) for n in range(self.problems.topLevelItemCount())]
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def undated_rows(self) -> list[str]:
        items = [self.undated.topLevelItem(n) for n in range(self.undated.topLevelItemCount())]
        return [item.text(0) for item in items if item is not None]

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
