"""Starting the reader again (after the language was changed): the same command line, the
window's state saved first, so that it comes back where it was, in the new language."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox, QWidget


def command() -> tuple[str, list[str]]:
    """The program and arguments this process was started with (``python -m reader …``
    or the ``reader`` script), to start it again."""
    return sys.executable, list(sys.orig_argv[1:])


def offer_restart(window: QWidget) -> bool:
    """Ask whether to restart now; on yes, start a new reader and close this one."""
    answer = QMessageBox.question(
        window, QCoreApplication.translate("Restart", "Restart the Reader"),
        QCoreApplication.translate(
            "Restart", "The new language is used from the next start. Restart the reader now?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    program, args = command()
    started = QProcess.startDetached(program, args)
    if not (started[0] if isinstance(started, tuple) else started):
        return False
    window.close()  # saves the window's state; the new reader opens it the same way
    app = QCoreApplication.instance()
    if app is not None:
        app.quit()
    return True
