"""What follows a reading of the library folder: the views refreshed, the folder watched, the
index brought up to date.

``LibrarySession`` reads the folder (one sync at a time) and says when it is done; this
object answers: the reading views show what the library holds now (``Reading.refresh``), the
watcher is given the folders to watch and how long a reading took, the status says what was
found, and the index is updated incrementally (quietly when the watcher asked). It holds no
widget; ``read`` and ``changed`` say to the window that the library was read.

The catalog may be shared with another process (``reader correct``, another window): when
that one read a changed page first, this window's reading finds nothing new, but the
catalog's state token moved. The open article and issue are then looked at again
(``Reading.recheck``), once the catalog's page cache has noticed (``PAGES_NOTICE_MS``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..corpus.catalog import SyncResult
from .library_session import LibrarySession
from .library_watch import LibraryWatcher, WatchSet
from .reading import Reading
from .search_controller import SearchController
from .views.status_area import StatusArea
from .work_status import WorkStatus

PAGES_NOTICE_MS = 600
"""The catalog's page cache notices another process's change within half a second."""


class SyncFlow(QObject):
    """Starts readings of the folder (shown or quiet) and follows each one through."""

    read = Signal()  # the library was read (the first time, or again)
    changed = Signal(object)  # a SyncResult that added, changed or removed files

    def __init__(self, session: LibrarySession, watcher: LibraryWatcher, reading: Reading,
                 work_status: WorkStatus, search: SearchController, status: StatusArea,
                 watch: bool = True, parent: QObject | None = None) -> None:
        """``watch``: look at the folder again now and then (not for a shared archive)."""
        super().__init__(parent)
        self.session = session
        self.watcher = watcher
        self.reading = reading
        self.work_status = work_status
        self.search = search
        self.status = status
        self.watch = watch
        self._state = ""  # the catalog's state token as this window last saw it
        session.finished.connect(self._on_synced)
        watcher.changed.connect(self.request)

    @Slot()
    def start(self) -> None:
        """Read the library folder again, with progress (at start, and F5)."""
        self.session.sync(quiet=False)

    @Slot()
    def request(self) -> None:
        """Look quietly for new, changed and removed files (the watcher, added pages)."""
        self.session.sync(quiet=True)

    @Slot(object, float, object, bool, bool)
    def _on_synced(self, result: SyncResult, seconds: float, watch: WatchSet, quiet: bool,
                   first: bool) -> None:
        if self.status.progress.isVisible() and not self.search.building:
            self.status.hide_progress()
        if result.touched or first:
            self.reading.refresh(result)
        self.watcher.note_sync_seconds(seconds)
        if first and self.watch:
            self.watcher.start()  # the slow look-again timer, once the first reading is done
        if self.watcher.set_paths(watch):
            self.session.look_again()
        elsewhere = self._follow_others(result, first)
        self.work_status.synced(result, quiet)
        self.reading.restore_article()
        self.read.emit()
        if result.touched:
            self.changed.emit(result)
        if first or result.touched or not quiet or elsewhere:  # the index follows too
            self.update_index(quiet=quiet and not first)

    def _follow_others(self, result: SyncResult, first: bool) -> bool:
        """The catalog changed though this reading found nothing: another process read the
        changed pages into it; show the open article as it reads now (and say so)."""
        state = self.session.catalog.state()
        elsewhere = not first and not result.touched and state != self._state
        self._state = state
        if elsewhere:
            QTimer.singleShot(PAGES_NOTICE_MS, self.reading.recheck)
        return elsewhere

    def update_index(self, quiet: bool) -> None:
        """Index what the last sync found (only that: the index update is incremental)."""
        self.session.index_quiet = quiet
        self.work_status.index_started(quiet)
        self.search.build_index()
