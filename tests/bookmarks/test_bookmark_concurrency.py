"""Two processes, or two windows of one process, adding bookmarks at once lose none."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

from reader.bookmarks import BookmarkStore
from reader.corpus.model import Article, Paragraph

PER_WORKER = 25


def _article(worker: int, n: int) -> Article:
    return Article(
        id=f"w{worker}-{n}", title=f"第{worker}组第{n}篇", paper="测试报",
        paragraphs=[Paragraph(f"正文{worker}-{n}，" * 4)], page=n % 8 + 1,
    )


def _add_many(path: str, worker: int, start: multiprocessing.synchronize.Event) -> None:
    start.wait(10)
    with BookmarkStore.open(Path(path)) as store:
        for n in range(PER_WORKER):
            store.add(_article(worker, n), note=f"note {worker}/{n}", tags=[f"w{worker}"])


def test_processes_adding_at_the_same_time_lose_no_bookmark(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_add_many, args=(str(path), w, start)) for w in range(4)]
    for p in workers:
        p.start()
    start.set()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    with BookmarkStore.open(path) as store:
        notes = {b.note for b in store.list()}
        assert len(store) == 4 * PER_WORKER
        assert notes == {f"note {w}/{n}" for w in range(4) for n in range(PER_WORKER)}
        assert store.tags() == ["w0", "w1", "w2", "w3"]
        assert len(store.list(tag="w2")) == PER_WORKER


def test_two_windows_on_one_file_see_each_others_bookmarks(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as left, BookmarkStore.open(path) as right:
        seen = left.data_version()
        threads = [
            threading.Thread(target=lambda s=s, w=w: [
                s.add(_article(w, n), note=f"{w}/{n}") for n in range(PER_WORKER)])
            for w, s in enumerate((left, right, left))
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert left.data_version() != seen  # the other window's commits are noticed
        assert len(left) == len(right) == 3 * PER_WORKER
        assert {b.note for b in right.list()} == {
            f"{w}/{n}" for w in range(3) for n in range(PER_WORKER)}
