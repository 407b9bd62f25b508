"""The window's state objects, driven without a widget: the library session (one sync at a
time, the next one held), the search controller (late answers dropped, a query waiting for
the index) and the issue shelf."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

from reader.corpus.catalog import IssueInfo, SyncResult
from reader.ui.issue_shelf import IssueShelf
from reader.ui.library_session import LibrarySession, Pending, SyncState
from reader.ui.search_controller import IndexState, SearchController, SearchState
from reader.ui.search_service import SearchParams

pytestmark = pytest.mark.gui


class FakeRunner:
    """Holds the jobs; ``finish`` ends the oldest as the TaskRunner would."""

    def __init__(self) -> None:
        self.jobs: list[dict[str, Any]] = []

    def running(self, name: str = "") -> bool:
        return bool(self.jobs)

    def run(self, job: Callable[..., Any], name: str = "", **handlers: Any) -> None:
        self.jobs.append(handlers)

    def finish(self, result: Any) -> None:
        handlers = self.jobs.pop(0)
        handlers["finished"](result)


class FakeCatalog:
    root = Path(".")


def test_a_sync_asked_for_during_one_runs_after_it_shown_before_quiet(qapp):
    runner = FakeRunner()
    session = LibrarySession(FakeCatalog(), runner)  # type: ignore[arg-type]
    started: list[bool] = []
    finished: list[tuple[bool, bool]] = []
    session.started.connect(started.append)
    session.finished.connect(lambda r, s, w, quiet, first: finished.append((quiet, first)))
    session.sync(quiet=True)
    assert session.state is SyncState.READING_QUIETLY and started == [True]
    session.sync(quiet=True)
    assert session.pending is Pending.QUIET
    session.sync(quiet=False)
    session.sync(quiet=True)
    assert session.pending is Pending.SHOWN and len(runner.jobs) == 1
    runner.finish((SyncResult(), 0.1, None))
    assert finished == [(True, True)] and session.synced
    assert started == [True, False] and session.state is SyncState.READING
    runner.finish((SyncResult(), 0.1, None))
    assert finished == [(True, True), (False, False)]
    assert session.state is SyncState.IDLE and session.pending is Pending.NONE


class FakeService(QObject):
    resultsReady = Signal(int, object, int)
    searchFailed = Signal(int, str, bool)
    occurrencesReady = Signal(int, str, object)
    indexRebuilding = Signal(str)
    indexReady = Signal()
    indexFailed = Signal(str)
    indexUpdated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.ready = False
        self.serial = 0
        self.built = 0

    def build(self) -> None:
        self.built += 1

    def search(self, params: SearchParams) -> int:
        self.serial += 1
        return self.serial


def test_the_search_controller_waits_for_the_index_and_drops_late_answers(qapp):
    service = FakeService()
    control = SearchController(service)  # type: ignore[arg-type]
    events: list[tuple[str, Any]] = []
    control.pendingQuery.connect(lambda q: events.append(("pending", q)))
    control.indexReady.connect(lambda reason: events.append(("ready", reason)))
    control.resultsArrived.connect(lambda results: events.append(("results", results)))
    control.build_index()
    assert control.building and control.index_state is IndexState.BUILDING
    assert control.wait_for_index("金承涛") and control.state is SearchState.WAITING
    service.indexRebuilding.emit("damaged")
    assert control.index_state is IndexState.REBUILDING and control.building
    service.ready = True
    service.indexReady.emit()
    assert events == [("ready", "damaged"), ("pending", "金承涛")]
    assert not control.building and control.rebuild_reason == ""
    assert not control.wait_for_index("x")
    control.run(SearchParams("old"))
    control.run(SearchParams("new"))
    service.resultsReady.emit(1, "late", 0)  # the answer to "old": dropped
    service.resultsReady.emit(2, "shown", 0)
    assert events[2:] == [("results", "shown")]
    assert control.state is SearchState.SHOWN and control.query == "new"


def issue(paper: str, day: dt.date | None, source: str) -> IssueInfo:
    return IssueInfo(paper, day, None, 1, ((1, source),))


def test_the_issue_shelf_finds_issues_by_page_newest_and_neighbours():
    shelf = IssueShelf()
    assert shelf.newest_dated() is None and shelf.step(None, 1) is None
    issues = [issue("钱塘新区报", dt.date(2022, 8, 10), "a.txt"),
              issue("钱塘新区报", dt.date(2022, 8, 12), "b.txt"),
              issue("上城报", None, "c.txt")]
    shelf.load(issues)
    keys = list(shelf.as_dict())
    assert shelf.of_source("b.txt") == keys[1] and keys[1] in shelf
    assert shelf.newest_dated() == keys[1]
    assert shelf.step(keys[0], 1) == keys[1]
    assert shelf.step(keys[2], 1) is None
    assert shelf.step(None, 1) == keys[0]
