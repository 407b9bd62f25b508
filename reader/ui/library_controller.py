"""The library folder in the window: opening one, the recent ones, adding pages to it (File →
Add Pages…, or dropped on the window), and the note that tells a first-time reader of the
sample newspapers how to open their own archive.

Pages are added by ``reader.corpus.intake.add_pages`` in a background task (progress, Cancel)
into the ``paper/YYYY/MM-DD/`` layout; then a sync reads only the new files and the index
takes only them. The sample newspapers live in the program's own folder and take no pages:
adding there first asks for a folder of one's own, opens it, and adds the pages there.

Kept apart from ``mainwindow`` (which arranges and wires) like the bookmarks controller: it
gets the catalog, the task runner, the status area and the window state in its constructor
and asks the window for the rest by signals. A window shows one library; opening another asks
the application (``app.py``) for a window on it with an ``OpenRequest``, which may carry an
article to open there and page files to add.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ..corpus.catalog import Catalog
from ..corpus.summary import library_info
from ..paths import bundled_corpus
from ..server.url import archive_name, is_server_url
from ..userconfig import load_config
from .dialogs.add_report import AddReportDialog
from .dialogs.library_info import LibraryInfoDialog
from .masthead_notes import added_notes, library_notes
from .page_dates import ask_date
from .settings import WindowState
from .shared_archive_dialog import OpenSharedArchiveDialog
from .views.status_area import StatusArea
from .workers import TaskRunner

if TYPE_CHECKING:  # what adds pages (and reads them: the parser) loads with the first add
    from ..corpus.intake import AddReport

HINT_KEY = "own-archive"


@dataclass(frozen=True)
class OpenRequest:
    """What the application is asked to open: a library, and what to do once it is open."""

    root: Path | str  # a folder, or a shared archive's URL
    article: str = ""
    """An article to open as soon as the library has been read."""
    add: tuple[Path, ...] = ()
    """Page files (or folders of them) to add to the library."""
    bookmark: int = 0
    """A bookmark (its id in the store) to open there."""
    excerpt: int = 0
    """An excerpt (its id in the store) to open there."""


def same_folder(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def is_bundled(root: Path) -> bool:
    """Whether ``root`` is the sample corpus that ships inside the program's folder."""
    return same_folder(root, bundled_corpus())


def library_name(root: Path) -> str:
    """What a library is called in menus and messages: its folder's name."""
    if is_bundled(root):
        return QCoreApplication.translate("LibraryController", "Sample Newspapers")
    return Path(root).name


def inside_bundled(folder: Path) -> bool:
    try:
        return Path(folder).resolve().is_relative_to(bundled_corpus().resolve())
    except OSError:
        return False


PAPER_KEY = "name-the-paper"
"""The notice asking for the paper's name of an article-per-file archive."""


class LibraryController(QObject):
    """Answers File → Open Library Folder…, File → Recent Libraries, File → Add Pages…, drops,
    and the first-run note."""

    added = Signal(object)  # the AddReport of pages added to this library
    openLibraryRequested = Signal(object)  # an OpenRequest for another library
    arrivalRequested = Signal(object)  # an OpenRequest for the library shown here
    syncRequested = Signal()  # look quietly for new files (pages added, settings saved)
    assignDateRequested = Signal(str)  # the source of an undated page (Library Information)
    dateChosen = Signal(str, object)  # an undated page's source, the date chosen for it

    def __init__(self, catalog: Catalog, runner: TaskRunner, status: StatusArea,
                 state: WindowState, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # of the dialogs and message boxes
        self.catalog = catalog
        self.runner = runner
        self.status = status
        self.state = state
        self.last_report: AddReport | None = None
        self.report_dialog: AddReportDialog | None = None
        self.info_dialog: LibraryInfoDialog | None = None
        self.recent_menu = QMenu(self.tr("&Recent Libraries"), parent)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self._paper_asked = False

    @property
    def root(self) -> Path:
        return self.catalog.root

    @Slot()
    def catalog_read(self) -> None:
        """The library was read (again): ask for a missing paper name, refresh the info."""
        self._ask_paper_name()
        self.refresh_info()

    # -- opening --------------------------------------------------------------------------

    @Slot()
    def choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Open a Library Folder"), str(self.root.parent))
        if folder:
            self.open_library(Path(folder))

    def open_library(self, root: Path | str, article: str = "", add: tuple[Path, ...] = (),
                     bookmark: int = 0, excerpt: int = 0) -> None:
        """Ask for a window on ``root`` (this one, when it is the library shown here)."""
        request = OpenRequest(root if is_server_url(root) else Path(root), article, add,
                              bookmark, excerpt)
        here = str(root) == str(self.root) if is_server_url(root) else same_folder(
            Path(root), self.root)
        if here and not add:
            self.arrivalRequested.emit(request)
            return
        self.openLibraryRequested.emit(request)

    def recent_libraries(self) -> list[Path]:
        """The recent library folders (shared archives left out)."""
        return [Path(p) for p in load_config().libraries if not is_server_url(p)]

    @Slot()
    def choose_archive(self) -> None:
        """File → Open Shared Archive…: an archive's address, tried, then opened."""
        dialog = OpenSharedArchiveDialog(self.parent_widget)
        if dialog.exec() == OpenSharedArchiveDialog.DialogCode.Accepted and dialog.url:
            self.open_library(dialog.url)

    @Slot()
    def fill_recent(self) -> None:
        """The recent libraries, the one shown here checked; missing folders disabled."""
        menu = self.recent_menu
        menu.clear()
        for n, place in enumerate(load_config().libraries, start=1):
            if is_server_url(place):
                self._recent_archive(n, place)
                continue
            root = Path(place)
            name = library_name(root)
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

    def _recent_archive(self, n: int, url: str) -> None:
        """A shared archive in File → Recent Libraries (its URL holds no password)."""
        name = archive_name(url)
        action = QAction(f"&{n} {name}" if n < 10 else name, self.recent_menu)
        action.setToolTip(url)
        action.setData(url)
        if url == str(self.root):
            action.setCheckable(True)
            action.setChecked(True)
        action.triggered.connect(lambda _=False, u=url: self.open_library(u))
        self.recent_menu.addAction(action)

    # -- adding pages ---------------------------------------------------------------------

    @Slot()
    def choose_pages(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, self.tr("Add Pages to the Library"), str(Path.home()),
            self.tr("Page files (*.txt);;All files (*)"))
        if names:
            self.add_paths([Path(n) for n in names])

    @Slot()
    def choose_page_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Add a Folder of Pages to the Library"), str(Path.home()))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Copy the page files among ``paths`` (folders searched) into this library."""
        paths = [Path(p) for p in paths if Path(p).exists()]
        if not paths:
            return
        if is_bundled(self.root):
            target = self.ask_for_own_library()
            if target is not None:
                self.open_library(target, add=tuple(paths))
            return
        if self.runner.running("add"):
            self.status.show_status(self.tr(
                "Pages are being added already; add these when that is done."))
            return
        root = self.root
        self.status.show_progress(self.tr("Adding pages"), 0, 0)
        from ..corpus.intake import add_pages

        def job(progress: Any, cancelled: Any) -> AddReport:
            report = add_pages(paths, root, progress, cancelled)
            report.masthead_notes = added_notes(root, list(report.added))  # type: ignore[attr-defined]
            return report

        self.runner.run(
            job,
            name="add", progress=self._on_add_progress, finished=self._on_added,
            failed=self._on_add_failed)

    def ask_for_own_library(self) -> Path | None:
        """A folder for the reader's own library, chosen (or made) by the reader."""
        answer = QMessageBox.question(
            self.parent_widget, self.tr("A Library of Your Own"), self.tr(
                "The sample newspapers are kept in the reader's own folder, which is no place "
                "for your pages.\n\nChoose a folder for your own library (or make a new one "
                "in the dialog): the pages are copied there, arranged by paper and date, and "
                "that library opens."),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Ok:
            return None
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Choose or Make a Folder for Your Library"),
            str(Path.home()))
        if not folder:
            return None
        if inside_bundled(Path(folder)):
            QMessageBox.warning(self.parent_widget, self.tr("A Library of Your Own"), self.tr(
                "That folder belongs to the sample newspapers. Choose a folder outside the "
                "reader's own folder."))
            return None
        return Path(folder)

    @Slot(int, int)
    def _on_add_progress(self, done: int, total: int) -> None:
        self.status.show_progress(self.tr("Adding pages"), done, total)

    @Slot(str)
    def _on_add_failed(self, message: str) -> None:
        self.status.hide_progress()
        self.status.show_status(self.tr("The pages could not be added: %1").replace(
            "%1", message))

    @Slot(object)
    def _on_added(self, report: AddReport) -> None:
        self.status.hide_progress()
        self.last_report = report
        self.status.show_status(self.tr(
            "Pages added: %1 new, %2 already in the library, %3 not added.")
            .replace("%1", str(len(report.added))).replace("%2", str(len(report.already)))
            .replace("%3", str(len(report.problems))))
        if self.report_dialog is not None:
            self.report_dialog.close()
        dialog = AddReportDialog(report, str(self.root), self.parent_widget)
        self.report_dialog = dialog
        dialog.open()
        if report.added:
            self.syncRequested.emit()  # reads only the new files; the index takes only them
        self.added.emit(report)

    # -- Library Information --------------------------------------------------------------

    @Slot()
    def show_info(self, tab: int = 0) -> LibraryInfoDialog:
        """The library's papers, counts, undated pages and problem files (kept up to date
        while the dialog is open)."""
        if self.info_dialog is None:
            dialog = LibraryInfoDialog(self.parent_widget)
            dialog.assignDateRequested.connect(self.assignDateRequested)
            dialog.settingsSaved.connect(self.syncRequested)
            if is_server_url(str(self.root)):  # a shared archive: no folder, no settings file
                for widget in (dialog.open_folder, dialog.paper_name, dialog.save_settings,
                               dialog.assign_button, dialog.undated):
                    widget.setEnabled(False)
            self.info_dialog = dialog
        self.info_dialog.set_info(self._info())
        self.info_dialog.tabs.setCurrentIndex(tab)
        self.info_dialog.show()
        self.info_dialog.activateWindow()
        return self.info_dialog

    @Slot()
    def show_problems(self) -> None:
        self.show_info(tab=2)

    @Slot()
    def refresh_info(self) -> None:
        if self.info_dialog is not None and self.info_dialog.isVisible():
            self.info_dialog.set_info(self._info())

    def _info(self) -> dict[str, Any]:
        info = library_info(self.catalog)
        info["masthead_notes"] = library_notes(self.catalog)
        return info

    def assign_date(self, source: str) -> None:
        """Ask for the date of the undated page ``source``; ``dateChosen`` has it saved."""
        if is_bundled(self.root):
            # The sample newspapers stay as they came: the page goes to a library of one's
            # own, where it can be given its date (as adding pages there does).
            target = self.ask_for_own_library()
            if target is not None:
                self.open_library(target, add=(self.root / source,))
            return
        day = ask_date(self.parent_widget, self.catalog, source)
        if day is not None:
            self.dateChosen.emit(source, day)

    @Slot()
    def _ask_paper_name(self) -> None:
        """Article files that name no paper: ask for its name, once each time the library opens."""
        if self._paper_asked or is_bundled(self.root) or not self.catalog.unnamed_records():
            return
        self._paper_asked = True
        self.status.show_notice(PAPER_KEY, self.tr(
            "The article files of this library do not say which paper they are from. Name the "
            "paper once and every issue shows it."), "info",
            buttons=((self.tr("Name the Paper…"), self.name_paper),))

    @Slot()
    def name_paper(self) -> None:
        """Library Information, with the field for the paper's name ready to type in."""
        self.status.close_notice(PAPER_KEY)
        dialog = self.show_info()
        dialog.paper_name.setFocus()
        dialog.paper_name.selectAll()

    # -- the first-run note ---------------------------------------------------------------

    def show_hint(self) -> None:
        """On the sample newspapers: how to open one's own archive (until dismissed)."""
        if not is_bundled(self.root) or self.state.hint_dismissed:
            return
        bar = self.status.show_notice(HINT_KEY, self.tr(
            "You are reading the sample newspapers that come with the reader. To read your "
            "own archive, open its folder (File → Open Library Folder…, Ctrl+O), or drop page "
            "files onto this window to start a library of your own."), "info",
            buttons=((self.tr("Open Library Folder…"), self.choose_library),))
        bar.closed.connect(self._hint_dismissed)

    @Slot()
    def _hint_dismissed(self) -> None:
        self.state.hint_dismissed = True
