"""The library folder in the window: opening one, the recent ones, and the note that tells a
first-time reader of the sample newspapers how to open their own archive.

Kept apart from ``mainwindow`` (which arranges and wires) like the bookmarks controller. A
window shows one library; opening another asks the application (``app.py``) for a window on
it with an ``OpenRequest``, which may carry an article to open there and page files to add.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from ..paths import bundled_corpus
from ..userconfig import load_config

if TYPE_CHECKING:
    from .mainwindow import MainWindow

HINT_KEY = "own-archive"


@dataclass(frozen=True)
class OpenRequest:
    """What the application is asked to open: a library, and what to do once it is open."""

    root: Path
    article: str = ""
    """An article to open as soon as the library has been read."""
    add: tuple[Path, ...] = ()
    """Page files (or folders of them) to add to the library."""


def same_folder(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def is_bundled(root: Path) -> bool:
    """Whether ``root`` is the sample corpus that ships inside the program's folder."""
    return same_folder(root, bundled_corpus())


class LibraryController(QObject):
    """Answers File → Open Library Folder…, File → Recent Libraries, and the first-run note."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recent_menu = QMenu(self.tr("&Recent Libraries"), window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    @property
    def root(self) -> Path:
        return self.window.catalog.root

    # -- opening --------------------------------------------------------------------------

    @Slot()
    def choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open a Library Folder"), str(self.root.parent))
        if folder:
            self.open_library(Path(folder))

    def open_library(self, root: Path, article: str = "",
                     add: tuple[Path, ...] = ()) -> None:
        """Ask for a window on ``root`` (this one, when it is the library shown here)."""
        if same_folder(root, self.root) and not add:
            if article:
                self.window.open_article(article)
            return
        self.window.openLibraryRequested.emit(OpenRequest(Path(root), article, add))

    def recent_libraries(self) -> list[Path]:
        return [Path(p) for p in load_config().libraries]

    @Slot()
    def fill_recent(self) -> None:
        """The recent libraries, the one shown here checked; missing folders disabled."""
        menu = self.recent_menu
        menu.clear()
        for n, root in enumerate(self.recent_libraries(), start=1):
            name = self.tr("Sample Newspapers") if is_bundled(root) else root.name
            label = f"&{n} {name}" if n < 10 else name
            action = QAction(label, menu)
            action.setToolTip(str(root))
            action.setData(str(root))
            if same_folder(root, self.root):
                action.setCheckable(True)
                action.setChecked(True)
            elif not root.is_dir():
                action.setText(label + " " + self.tr("(not found)"))
                action.setEnabled(False)
            action.triggered.connect(lambda _=False, r=root: self.open_library(r))
            menu.addAction(action)
        if not menu.actions():
            empty = menu.addAction(self.tr("No library opened yet"))
            empty.setEnabled(False)
        if not is_bundled(self.root):
            menu.addSeparator()
            sample = menu.addAction(self.tr("The &Sample Newspapers"))
            sample.setToolTip(str(bundled_corpus()))
            sample.triggered.connect(lambda: self.open_library(bundled_corpus()))

    # -- the first-run note ---------------------------------------------------------------

    def show_hint(self) -> None:
        """On the sample newspapers: how to open one's own archive (until dismissed)."""
        if not is_bundled(self.root) or self.window.state.hint_dismissed:
            return
        bar = self.window.show_notice(HINT_KEY, self.tr(
            "You are reading the sample newspapers that come with the reader. To read your "
            "own archive, open its folder (File → Open Library Folder…, Ctrl+O), or drop page "
            "files onto this window to start a library of your own."), "info",
            buttons=((self.tr("Open Library Folder…"), self.choose_library),))
        bar.closed.connect(self._hint_dismissed)

    @Slot()
    def _hint_dismissed(self) -> None:
        self.window.state.hint_dismissed = True
