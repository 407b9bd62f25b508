"""File → Open Shared Archive…: the address of an archive on PostgreSQL, tried before the
window switches to it.

The reader asks for a URL (``postgresql://user@host/database``) or a libpq service name
(``service=office``) and never for a password: libpq finds it in ``PGPASSFILE`` or
``~/.pgpass``, a service file (``PGSERVICEFILE``, ``~/.pg_service.conf``) or ``PGPASSWORD``.
A password written into the URL is used for this connection but left out of the recent list.
Connecting runs in the background; what went wrong is said under the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..backend import open_library
from ..server.url import is_server_url
from .workers import TaskRunner


def try_archive(url: str) -> str:
    """Connect to the archive at ``url`` and leave again: the URL, or a ``ServerError``."""
    library = open_library(url)
    library.catalog.close()
    return url


class OpenSharedArchiveDialog(QDialog):
    """Asks for an archive's address and checks that it answers; ``url`` once accepted."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Shared Archive"))
        self.url = ""
        self.runner = TaskRunner(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "The address of the archive's database, as its administrator gave it: "
            "postgresql://user@host/database, or service=NAME for an entry of your libpq "
            "service file."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.field = QLineEdit(url, self)
        self.field.setObjectName("archiveUrl")
        self.field.setPlaceholderText("postgresql://user@host/database")
        layout.addWidget(self.field)
        where = QLabel(self.tr(
            "The reader does not ask for or keep passwords: PostgreSQL finds yours in "
            "~/.pgpass (or PGPASSFILE), your service file or PGPASSWORD."), self)
        where.setWordWrap(True)
        layout.addWidget(where)
        self.problem = QLabel(self)
        self.problem.setObjectName("archiveProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # the server's words, as written
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.connect_to_archive)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def connect_to_archive(self) -> None:
        text = self.field.text().strip()
        if not is_server_url(text):
            self._say(self.tr("This is not the address of an archive: it begins with "
                              "postgresql:// (or service=)."))
            return
        self._say(self.tr("Connecting…"))
        self.buttons.setEnabled(False)

        def job(_progress: Any, _cancelled: Any) -> str:
            return try_archive(text)

        self.runner.run(job, name="connect", finished=self._connected, error=self._refused)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _connected(self, url: str) -> None:
        self.url = url
        self.accept()

    def _refused(self, err: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._say(self.tr("The archive could not be opened: %1").replace("%1", str(err)))

    def done(self, result: int) -> None:
        self.runner.shutdown()
        super().done(result)
