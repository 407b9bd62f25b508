"""The export dialog: which articles, which format, where; progress and cancel.

The articles are gathered and written in a worker (``TaskRunner``): a thousand articles to PDF
take long enough that the window must stay alive and the user must be able to stop it.

The format and the file name agree: choosing a format changes the suffix, typing or
browsing to a name with another format's suffix chooses that format. A file that exists is
replaced only after the user says so. The folder of the last export is where the next one
starts (``user_data.export_folder``). A scope's function returns articles, or
``(article, Annotation)`` pairs when a bookmark's note and tags go with them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from .. import user_data
from ..workers import Task, TaskError, TaskRunner

# What can be exported: scope name → (label, function returning the articles). The function
# runs in the worker: gathering all hits of a search or resolving every bookmark takes time.
Scopes = dict[str, tuple[str, Callable[[], list[Any]]]]

FORMAT_NAMES: dict[str, str] = {"docx": "Word (.docx)", "pdf": "PDF (.pdf)", "md": "Markdown (.md)",
                "txt": str(QT_TRANSLATE_NOOP("ExportDialog", "Plain text (.txt)")),
                "html": "HTML (.html)"}
"""Format → its name in the list (translated where it is not a proper name)."""


class ExportDialog(QDialog):
    """Choose the scope, format and destination, then export with progress."""

    exported = Signal(list)  # the paths written

    def __init__(self, scopes: Scopes, runner: TaskRunner, start_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Articles"))
        self.setMinimumWidth(520)
        self._scopes = scopes
        self._runner = runner
        self._task: Task | None = None
        self.scope_group = QButtonGroup(self)
        scope_box = QVBoxLayout()
        self.scope_buttons: dict[str, QRadioButton] = {}
        for name, (label, _) in scopes.items():
            button = QRadioButton(label, self)
            self.scope_group.addButton(button)
            self.scope_buttons[name] = button
            scope_box.addWidget(button)
        if self.scope_buttons:
            next(iter(self.scope_buttons.values())).setChecked(True)
        self.format = QComboBox(self)
        for fmt in user_data.formats():
            self.format.addItem(
                QCoreApplication.translate("ExportDialog", FORMAT_NAMES.get(fmt, fmt)), fmt)
        self.split = QCheckBox(self.tr("One file per article, in a folder"), self)
        self.path = QLineEdit(str(start_folder / "articles"), self)
        self._confirmed: Path | None = None  # a file the save dialog already asked about
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Articles:"), scope_box)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.split)
        # A label made here, with its buddy: QFormLayout gives a row whose field is a layout a
        # label without one, which shows the "&" of its mnemonic (保存到(&S)).
        self.path_label = QLabel(self.tr("&Save to:"), self)
        self.path_label.setBuddy(self.path)
        form.addRow(self.path_label, path_row)
        form.addRow(self.progress)
        form.addRow(self.status)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._fix_suffix)
        self.path.textEdited.connect(self._follow_suffix)
        self.path.editingFinished.connect(self._follow_suffix)
        self.split.toggled.connect(self._fix_suffix)
        self.browse.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)
        self._fix_suffix()

    def choose(self, scope: str, fmt: str, path: Path, split: bool = False) -> None:
        """Set the choices (what a user clicks), e.g. for a default or a test."""
        self.scope_buttons[scope].setChecked(True)
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.split.setChecked(split)
        self.path.setText(str(path))

    def scope(self) -> str:
        return next((n for n, b in self.scope_buttons.items() if b.isChecked()), "")

    @Slot()
    def _fix_suffix(self) -> None:
        fmt = self.format.currentData()
        if not fmt:
            return
        path = Path(self.path.text() or "articles")
        if self.split.isChecked():
            self.path.setText(str(path.with_suffix("")))
        else:
            self.path.setText(str(path.with_suffix(user_data.suffix(fmt))))

    @Slot()
    def _follow_suffix(self) -> None:
        """A name typed with another format's suffix chooses that format."""
        if self.split.isChecked():
            return
        fmt = user_data.format_for(Path(self.path.text()))
        if fmt is not None and fmt != self.format.currentData():
            self.format.setCurrentIndex(self.format.findData(fmt))

    @Slot()
    def _browse(self) -> None:
        if self.split.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to Folder"),
                                                      self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to File"),
                                                    self.path.text())
        if chosen:
            self.path.setText(chosen)
            self._follow_suffix()
            self._fix_suffix()
            if Path(chosen) == Path(self.path.text()):
                self._confirmed = Path(chosen)  # the save dialog asked before replacing it

    @Slot()
    def start(self) -> None:
        scope = self.scope()
        if not scope or self._task is not None:
            return
        gather = self._scopes[scope][1]
        self._follow_suffix()
        self._fix_suffix()
        fmt = self.format.currentData()
        output = Path(self.path.text()).expanduser()
        split = self.split.isChecked()
        if not split and output.is_file() and output != self._confirmed and not self._replace(
                output):
            self.status.setText(self.tr("Not exported: %1 was left as it was.").replace(
                "%1", str(output)))
            return
        user_data.remember_export_folder(output if split else output.parent)

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[Any]:
            unique: dict[str, Any] = {}
            notes: dict[str, Any] = {}
            for item in gather():
                article, annotation = item if isinstance(item, tuple) else (item, None)
                if article is None:
                    continue
                unique[article.id] = article
                if annotation is not None:
                    notes[article.id] = annotation
            try:
                return user_data.export_articles(list(unique.values()), output, fmt, split,
                                                 progress, cancelled, notes)
            except user_data.export_errors() as err:
                raise TaskError(str(err) or type(err).__name__) from None

        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self._task = self._runner.run(job, name="export", progress=self._on_progress,
                                      finished=self._on_finished, failed=self._on_failed)

    def _replace(self, output: Path) -> bool:
        """Ask before an existing file is replaced; No is the default."""
        answer = QMessageBox.question(
            self, self.tr("Replace the File?"),
            self.tr("%1 exists already. Replace it with the export?").replace(
                "%1", str(output)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _end(self, text: str) -> None:
        self._task = None
        self.progress.hide()
        self.status.setText(text)
        self.export_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))

    @Slot(object)
    def _on_finished(self, paths: list[Path]) -> None:
        where = str(paths[0]) if len(paths) == 1 else str(Path(paths[0]).parent)
        self._end(self.tr("Exported %n file(s) to %1.", "", len(paths)).replace("%1", where))
        self.exported.emit(paths)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if self._task is not None and self._task.is_cancelled:
            self._end(self.tr("Export cancelled; nothing was written."))
        else:
            self._end(self.tr("Export failed: %1").replace("%1", message))

    @Slot()
    def _close_or_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()
