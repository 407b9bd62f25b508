"""Bookmarks that follow their article when the library's pages are read again.

A correction (``reader correct ID set-title …`` in another process, or one made in this
window), a sidecar or a better reading changes how an article reads, and often its id. The
library's catalog says so by a new state token; ``BookmarkFollower.look`` notices it (the
bookmarks controller asks every few seconds) and, off the GUI thread, finds the bookmarks of
this library whose article reads differently now (``reader.bookmarks.follow``), looking only
in the pages of each bookmark's issue. It says which by ``moved``; the controller relinks them
in its store, so the list shows the current headline (the note and tags stay).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..bookmarks import follow
from ..corpus.catalog import Catalog
from ..corpus.model import UNKNOWN_PAPER, Page
from .workers import TaskRunner

TASK = "follow bookmarks"


class BookmarkFollower(QObject):
    """Looks, when the catalog changed, for bookmarks whose article reads differently."""

    moved = Signal(object)  # [(bookmark, its article now)], not empty

    def __init__(self, catalog: Catalog, runner: TaskRunner, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.runner = runner
        self._token: str | None = None  # the catalog's state last looked at

    def look(self, bookmarks: Callable[[], list[Any]]) -> None:
        """If the catalog's files changed since the last look, find which of
        ``bookmarks()`` (those of this library) moved, in a background task."""
        if self.runner.running(TASK):
            return
        token = self.catalog.state()
        if token == self._token:
            return
        self._token = token
        catalog, mine = self.catalog, bookmarks()

        def find(progress: Any, cancelled: Any) -> list[tuple[Any, Any]]:
            issues: dict[tuple[str, dt.date | None], list[str]] = {}
            for issue in catalog.issues():
                issues.setdefault((issue.paper, issue.date), []).extend(s for _, s in issue.pages)

            def pages(ref: Any) -> list[Page]:
                sources = issues.get((ref.paper or UNKNOWN_PAPER, ref.date), []) \
                    if ref.date else []
                return [p for p in (catalog.page(s) for s in sources) if p is not None]

            return follow.changed(mine, catalog, pages)

        self.runner.run(find, name=TASK, finished=self._found)

    def _found(self, moved: list[tuple[Any, Any]]) -> None:
        if moved:
            self.moved.emit(moved)
