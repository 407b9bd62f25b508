"""Help → Keyboard Shortcuts (read from the window's menus) and Help → About."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from .dialogs.shortcuts import ShortcutsDialog


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Every menu's actions with their keys, in a dialog that goes when it is closed."""
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    dialog = ShortcutsDialog(menus, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_about(window: QMainWindow, root: Path) -> None:
    QMessageBox.about(window, QCoreApplication.translate(
        "MainWindow", "About Newspaper Reader"), QCoreApplication.translate(
        "MainWindow",
        "Newspaper Reader: read, search, bookmark and export Chinese local newspaper "
        "archives.\nLibrary: %1").replace("%1", str(root)))
