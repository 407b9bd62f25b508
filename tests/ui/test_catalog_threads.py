"""The catalog keeps one SQLite connection per worker thread of the window's pool.

A ``QThreadPool`` worker runs each task under a new Python thread state, so a
``threading.local`` connection was lost after every task: each lookup the window hands to its
runner (an article's page, an issue's rows) opened the catalog file again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reader.corpus import catalog as catalog_module
from reader.corpus.catalog import Catalog
from reader.ui.workers import TaskRunner


def test_tasks_on_one_pool_thread_share_one_connection(
        small_library: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = Catalog.read(small_library)
    ids = [a.id for a in catalog.articles()][:6]
    opened: list[str] = []
    real_connect = sqlite3.connect

    def counting_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(str(args[0]))
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(catalog_module.sqlite3, "connect", counting_connect)
    runner = TaskRunner(threads=1)
    found: list[str] = []
    try:
        for n, article_id in enumerate(ids):  # one after another, as the window asks
            runner.run(lambda progress, cancelled, a=article_id: catalog.article(a).id,
                       finished=found.append)
            qtbot.waitUntil(lambda n=n: len(found) > n, timeout=10000)
    finally:
        runner.shutdown()
    assert found == ids  # every lookup answered …
    assert len(opened) == 1  # … through the one connection its thread opened
