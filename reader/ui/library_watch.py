"""Watching the library folder while the window is open, so new, changed and removed page
files show up by themselves.

``LibraryWatcher`` puts a QFileSystemWatcher on the library's folders and on its newest page
files, and says ``changed`` once things settle (a short debounce, but never more than a few
seconds after the first event, so a steady trickle of files still shows up). Some file
systems send no events (network shares, some FUSE mounts), so it also says ``changed`` on a
slow timer; the window answers with a catalog sync, which re-reads only what changed.

What to watch is worked out off the GUI thread by ``watch_set`` after each sync:

* every folder that holds folders (a new day's folder appears in its year's folder), then
  the folders of page files, most recently changed first, up to a budget (inotify watches
  are a per-user resource);
* the page files of the most recently changed folders, up to a budget: a folder says when a
  file appears or goes, but not when a file is rewritten in place or is still being written.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QFileSystemWatcher, QObject, QTimer, Signal, Slot

from ..corpus.library import is_page_file

DIR_BUDGET = 4000
FILE_BUDGET = 1000
NEWEST_FOLDERS = 60
"""Page files are watched in this many of the most recently changed folders."""
DEBOUNCE_MS = 300
MAX_DELAY_MS = 2000
POLL_MIN_MS = 5_000
POLL_MAX_MS = 120_000
POLL_FACTOR = 20
"""The fallback re-sync runs every POLL_FACTOR × (seconds the last sync took), in bounds."""


@dataclass(frozen=True)
class WatchSet:
    dirs: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    complete: bool = True
    """Whether every folder of the library is watched (else the slow timer covers the rest)."""


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def watch_set(root: Path, dir_budget: int = DIR_BUDGET,
              file_budget: int = FILE_BUDGET) -> WatchSet:
    """The folders and page files of the library at ``root`` worth watching."""
    if not root.is_dir():
        return WatchSet(complete=False)
    branches: list[str] = []
    leaves: list[tuple[int, str]] = []
    pages: dict[str, list[str]] = {}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        if subfolders:
            branches.append(folder)
        found = [n for n in names if is_page_file(Path(n))]
        if found:
            pages[folder] = found
        if not subfolders:
            leaves.append((_mtime(folder), folder))
    leaves.sort(reverse=True)
    dirs = (branches + [d for _, d in leaves])[:dir_budget]
    by_age = sorted(((_mtime(d), d) for d in pages), reverse=True)[:NEWEST_FOLDERS]
    files = [(_mtime(p), p) for _, d in by_age for p in (os.path.join(d, n) for n in pages[d])]
    files.sort(reverse=True)
    chosen = tuple(p for _, p in files[:file_budget])
    return WatchSet(tuple(dirs), chosen, complete=len(branches) + len(leaves) <= dir_budget)


class LibraryWatcher(QObject):
    """Says ``changed`` when the library folder may hold new, changed or removed files."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(self._poke)
        self._fs.fileChanged.connect(self._poke)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._fire)
        self._since_first = QElapsedTimer()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MIN_MS)
        self._poll.timeout.connect(self.changed)
        self.events = 0
        self.last_event = 0.0
        """``time.monotonic()`` of the latest event (for measuring the delay to the view)."""

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()
        self._debounce.stop()
        paths = self._fs.directories() + self._fs.files()
        if paths:
            self._fs.removePaths(paths)

    def set_paths(self, wanted: WatchSet) -> bool:
        """Watch these folders and files (and no others); True when folders were added
        (files may have arrived in them before the watch: the caller looks again)."""
        dirs, files = set(self._fs.directories()), set(self._fs.files())
        stale = (dirs - set(wanted.dirs)) | (files - set(wanted.files))
        if stale:
            self._fs.removePaths(sorted(stale))
        new_dirs = [d for d in wanted.dirs if d not in dirs]
        new_files = [f for f in wanted.files if f not in files]
        if new_dirs or new_files:
            self._fs.addPaths(new_dirs + new_files)
        return bool(dirs) and bool(new_dirs)

    def watched(self) -> tuple[list[str], list[str]]:
        return self._fs.directories(), self._fs.files()

    def note_sync_seconds(self, seconds: float) -> None:
        """Pace the fallback re-sync by what a sync costs on this library."""
        interval = int(seconds * 1000 * POLL_FACTOR)
        self._poll.setInterval(max(POLL_MIN_MS, min(POLL_MAX_MS, interval)))

    def poll_interval_ms(self) -> int:
        return self._poll.interval()

    @Slot(str)
    def _poke(self, _path: str) -> None:
        self.events += 1
        self.last_event = time.monotonic()
        if not self._debounce.isActive():
            self._since_first.start()
        if self._since_first.isValid() and self._since_first.elapsed() >= MAX_DELAY_MS:
            self._fire()
            return
        self._debounce.start()

    @Slot()
    def _fire(self) -> None:
        self._debounce.stop()
        self._since_first.invalidate()
        self._poll.start()  # the fallback counts from the last look
        self.changed.emit()
