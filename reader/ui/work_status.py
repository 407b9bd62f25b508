"""What the background work is doing, said in the status area: progress while the library
is read and the search index built, the counts after a sync that was shown, what a quiet one
changed, a library folder gone, an index rebuilt or waiting for another reader's lock.
The window calls ``synced`` and ``index_started`` where they come in its own steps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Slot

from ..corpus.catalog import Catalog, SyncResult
from .library_session import QUIET_PROGRESS_FROM, LibrarySession
from .search_controller import SearchController
from .search_service import SearchService
from .views.status_area import StatusArea

MISSING = "library-missing"


class WorkStatus(QObject):
    """Renders the library session's and the search index's signals in ``area``."""

    def __init__(self, area: StatusArea, catalog: Catalog, session: LibrarySession,
                 search: SearchController, service: SearchService,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.catalog = catalog
        self.session = session
        self.search = search
        session.started.connect(self._on_sync_started)
        session.progress.connect(self._on_sync_progress)
        session.failed.connect(self._on_sync_failed)
        session.folderMissing.connect(self._on_folder_missing)
        service.indexProgress.connect(self._on_index_progress)
        service.indexWaiting.connect(self._on_index_waiting)
        search.indexRebuilding.connect(self._on_index_rebuilding)
        search.indexReady.connect(self._on_index_ready)
        search.indexFailed.connect(self._on_index_failed)

    def _failed(self, text: str) -> None:
        self.area.hide_progress()
        self.area.show_status(text)

    @Slot(object)
    def _on_folder_missing(self, root: Path) -> None:
        self.area.show_notice(MISSING, QCoreApplication.translate(
            "MainWindow",
            "The library folder %1 cannot be reached. What was read before is shown; "
            "new pages appear when the folder is back.").replace("%1", str(root)),
            "warning")

    @Slot(bool)
    def _on_sync_started(self, quiet: bool) -> None:
        self.area.close_notice(MISSING)
        if not quiet:
            self.area.show_progress(QCoreApplication.translate(
                "MainWindow", "Reading the library…"), 0, 0)

    @Slot(int, int)
    def _on_sync_progress(self, done: int, total: int) -> None:
        self.area.show_progress(QCoreApplication.translate("MainWindow", "Reading pages"),
                                done, total)

    @Slot(str)
    def _on_sync_failed(self, message: str) -> None:
        self._failed(QCoreApplication.translate(
            "MainWindow", "The library could not be read: %1").replace("%1", message))

    def synced(self, result: SyncResult, quiet: bool) -> None:
        """After a sync: the problem files' button, and the counts or what changed."""
        problems = len(result.problems)
        button = self.area.problems_button
        button.setText("⚠ " + self.tr("%n problem file(s)", "", problems))  # lupdate sees
        # a plural only in self.tr
        button.setVisible(problems > 0)
        if not quiet:
            counts = self.catalog.counts()
            text = QCoreApplication.translate("MainWindow", "%1 issues, %2 articles").replace(
                "%1", str(counts["issues"])).replace("%2", str(counts["articles"]))
            if problems:
                text += " · " + self.tr("%n file(s) could not be read", "", problems)
            self.area.show_status(text)
        elif result.touched:
            self.area.show_status(QCoreApplication.translate(
                "MainWindow", "Library updated: %1 new, %2 changed, %3 removed page "
                "files.").replace("%1", str(len(result.added)))
                .replace("%2", str(len(result.changed)))
                .replace("%3", str(len(result.removed))))

    def index_started(self, quiet: bool) -> None:
        if not quiet:
            self.area.show_progress(QCoreApplication.translate(
                "MainWindow", "Preparing search…"), 0, 0)

    @Slot(int, int)
    def _on_index_progress(self, done: int, total: int) -> None:
        if self.search.rebuild_reason:
            self.area.show_progress(QCoreApplication.translate(
                "MainWindow", "Rebuilding the search index"), done, total)
        elif not self.session.index_quiet or total >= QUIET_PROGRESS_FROM:
            self.area.show_progress(QCoreApplication.translate(
                "MainWindow", "Indexing for search"), done, total)

    @Slot()
    def _on_index_waiting(self) -> None:
        """Another reader holds the index's lock (two windows, or the command line)."""
        self.area.show_progress(QCoreApplication.translate(
            "MainWindow", "Waiting for the search index"), 0, 0)
        self.area.show_status(QCoreApplication.translate(
            "MainWindow", "Another reader (a window or a command) is updating the "
            "search index of this library; this one waits for it."))

    @Slot(str)
    def _on_index_rebuilding(self, reason: str) -> None:
        """The index on disk cannot be used (damaged, of another version, half-built): the
        core builds it anew; say so, with progress, however quiet the update was meant."""
        self.area.show_progress(QCoreApplication.translate(
            "MainWindow", "Rebuilding the search index"), 0, 0)
        self.area.show_status(QCoreApplication.translate(
            "MainWindow", "The search index cannot be used (%1) and is being rebuilt; "
            "search works again when it is done.").replace("%1", reason))

    @Slot(str)
    def _on_index_ready(self, rebuilt: str) -> None:
        if not self.session.running():
            self.area.hide_progress()
        if rebuilt:
            self.area.show_status(QCoreApplication.translate(
                "MainWindow", "The search index was rebuilt (it could not be used: "
                "%1). Search ready.").replace("%1", rebuilt))
        elif not self.session.index_quiet:
            self.area.show_status(QCoreApplication.translate("MainWindow", "Search ready."))

    @Slot(str)
    def _on_index_failed(self, message: str) -> None:
        self._failed(QCoreApplication.translate(
            "MainWindow", "The search index could not be built: %1").replace("%1", message))
