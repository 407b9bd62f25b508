"""What adding pages did, file by file: added (and where), already in the library, added under
a numbered name, or refused with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core_messages import problem_text
from ..plain import literal, plain_label


class AddReportDialog(QDialog):
    """The outcome of one ``add_pages`` run (an ``AddReport``)."""

    def __init__(self, report: Any, root: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addReport")
        self.setWindowTitle(self.tr("Pages Added"))
        self.report = report
        renamed = set(report.renamed)
        plain = [r for r in report.added if r not in renamed]
        summary = self.tr("%1 added, %2 already in the library, %3 added under a new name, "
                          "%4 not added.")
        summary = (summary.replace("%1", str(len(plain))).replace("%2", str(len(report.already)))
                   .replace("%3", str(len(renamed))).replace("%4", str(len(report.problems))))
        self.summary = QLabel(self.tr("Library: %1").replace("%1", root) + "\n" + summary, self)
        self.summary.setWordWrap(True)
        plain_label(self.summary)
        if report.cancelled:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "Cancelled: the files after these were not looked at."))
        self.table = QTreeWidget(self)
        self.table.setObjectName("addReportTable")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("File"), self.tr("Result"),
                                    self.tr("Where, or why not")])
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for problem in report.problems:
            self._row(problem.path, self.tr("Not added"), problem_text(problem))
        for rel in report.added:
            if rel in renamed:
                self._row(rel.rsplit("/", 1)[-1], self.tr("Added under a new name"),
                          rel + " — " + self.tr("a different file already had the name"))
            else:
                self._row(rel.rsplit("/", 1)[-1], self.tr("Added"), rel)
        for rel, note in getattr(report, "masthead_notes", []):
            self._row(rel.rsplit("/", 1)[-1], self.tr("Added, with a note"),
                      problem_text(note))
        for source in report.already:
            self._row(source, self.tr("Already in the library"), "")
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def _row(self, name: str, result: str, detail: str) -> None:
        item = QTreeWidgetItem([name, result, detail])
        item.setToolTip(0, literal(name))
        item.setToolTip(2, literal(detail))
        self.table.addTopLevelItem(item)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as text (for tests)."""
        items = [self.table.topLevelItem(n) for n in range(self.table.topLevelItemCount())]
        return [(item.text(0), item.text(1), item.text(2)) for item in items if item is not None]
