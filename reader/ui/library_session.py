"""The library being read while the window is open, apart from the widgets: one
``Catalog.sync()`` at a time in a background task, shown (start, F5) or quiet (the watcher,
added pages); a sync asked for while one runs is held and run after it (shown wins over
quiet), since files may have come after the running one's walk. The window renders the
signals; this object never touches a widget.

The first reading of a library read before is a quick look (the folders whose time moved and
a share of the files, ``corpus.changes``): the issue list and the search follow it at once.
The walk of every file comes ``FULL_WALK_AFTER_MS`` later, quietly, so that it does not take
the first seconds (and the interpreter's lock) from the window's start.
"""

from __future__ import annotations

import enum
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..corpus.catalog import Catalog, SyncResult
from ..server.url import is_server_url
from .library_watch import WatchSet, watch_set
from .workers import TaskRunner

QUIET_PROGRESS_FROM = 200
"""A change found by the watcher shows progress only when it is this big (files, articles)."""
TASK = "sync"
FULL_WALK_AFTER_MS = 3000
"""How long after the first, quick reading the walk of every file starts."""


class SyncState(enum.Enum):
    IDLE = "idle"
    READING = "reading"  # with progress shown
    READING_QUIETLY = "reading-quietly"


class Pending(enum.Enum):
    """Another sync asked for while one runs."""

    NONE = "none"
    QUIET = "quiet"
    SHOWN = "shown"


class LibrarySession(QObject):
    """Reads the library folder into the catalog, one sync at a time."""

    started = Signal(bool)  # quiet
    progress = Signal(int, int)  # done, total: only what is worth showing
    finished = Signal(object, float, object, bool, bool)  # SyncResult, seconds, WatchSet,
    # quiet, first (the first reading of this window)
    failed = Signal(str)
    folderMissing = Signal(object)  # the root, gone after it was read (unplugged, unshared)

    def __init__(self, catalog: Catalog, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self.state = SyncState.IDLE
        self.pending = Pending.NONE
        self.synced = False  # read at least once
        self.index_quiet = False  # the index update that follows a sync shows no progress
        self._walk_timer = QTimer(self)  # the walk of every file after the first look
        self._walk_timer.setSingleShot(True)
        self._walk_timer.setInterval(FULL_WALK_AFTER_MS)
        self._walk_timer.timeout.connect(self._walk_all)
        self._quick = False  # the sync running is the first reading's quick look

    @property
    def quiet(self) -> bool:
        return self.state is SyncState.READING_QUIETLY

    def sync(self, quiet: bool) -> None:
        if self.runner.running(TASK):
            # Look again when this sync is done: files may have come after its walk.
            if not quiet:
                self.pending = Pending.SHOWN
            elif self.pending is Pending.NONE:
                self.pending = Pending.QUIET
            return
        root = self.catalog.root
        if self.synced and not is_server_url(str(root)) and not root.is_dir():
            # An unplugged disk or a share gone away: keep what was read, do not forget it.
            # (A shared archive has no folder: its connection's loss shows its own bar.)
            self.folderMissing.emit(root)
            return
        self.state = SyncState.READING_QUIETLY if quiet else SyncState.READING
        self.started.emit(quiet)
        catalog = self.catalog
        quick = not self.synced  # the first reading: a look, the walk after it (docstring)
        if quick:
            self._walk_timer.start()
        self._quick = quick

        def job(progress: Any, cancelled: Any) -> tuple[SyncResult, float, WatchSet]:
            start = time.perf_counter()
            result = catalog.sync(progress=progress, cancelled=cancelled, quick=quick)
            return result, time.perf_counter() - start, watch_set(root)

        self.runner.run(job, name=TASK, progress=self._on_progress,
                        finished=self._on_finished, failed=self._on_failed)

    @Slot()
    def _walk_all(self) -> None:
        """Read every file quietly, once the first look is done (a sync running: after it)."""
        if self.synced:
            self.sync(quiet=True)
        else:
            self._walk_timer.start()

    def look_again(self) -> None:
        """Sync quietly once more after this one (new folders are watched from now on:
        files may have come before the watch)."""
        if self._quick and self._walk_timer.isActive():
            return  # after the first, quick reading: the walk to come looks at every file
        self.pending = Pending.QUIET

    def running(self) -> bool:
        return self.runner.running(TASK)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self.quiet or total >= QUIET_PROGRESS_FROM:
            self.progress.emit(done, total)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.state = SyncState.IDLE
        self.failed.emit(message)
        self._next()

    @Slot(object)
    def _on_finished(self, outcome: tuple[SyncResult, float, WatchSet]) -> None:
        result, seconds, watch = outcome
        quiet = self.quiet
        first = not self.synced
        self.synced = True
        self.state = SyncState.IDLE
        self.finished.emit(result, seconds, watch, quiet, first)
        self._next()

    def _next(self) -> None:
        pending, self.pending = self.pending, Pending.NONE
        self._quick = False
        if pending is not Pending.NONE:
            self.sync(quiet=pending is Pending.QUIET)
