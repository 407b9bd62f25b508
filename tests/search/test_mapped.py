"""A searching process does not keep every page of the index it has read in its resident
memory: past a budget, the index lets go of its engine and the pages go back to the system's
file cache (``mapped``)."""

from __future__ import annotations

import sys

import pytest

from reader.search import SearchIndex, mapped

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the process's maps in /proc (Linux)")


QUERIES = ("金承涛", "发展", "的", "区委书记", "人民", "工作 会议", '"全过程人民民主"', "街道")


def search_all(index: SearchIndex) -> None:
    for query in QUERIES:
        index.search(query, limit=20)


def test_the_pages_a_search_read_leave_its_memory_past_the_budget(
        seed_index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapped, "BUDGET", 1 << 40)  # never: the pages stay mapped
    search_all(seed_index)
    kept = mapped.resident_bytes(seed_index.folder)
    assert kept > 64 * 1024  # the searches read the index through its maps

    before = {q: [(h.id, h.score) for h in seed_index.search(q, limit=50).hits]
              for q in QUERIES}
    monkeypatch.setattr(mapped, "BUDGET", 0)  # always: the pages go after every search
    monkeypatch.setattr(mapped, "_looked", 0)
    search_all(seed_index)
    assert mapped.resident_bytes(seed_index.folder) < kept / 2
    # and the engine opened again gives the same answers
    assert {q: [(h.id, h.score) for h in seed_index.search(q, limit=50).hits]
            for q in QUERIES} == before


def test_searches_in_other_threads_go_on_while_the_engine_is_let_go(
        seed_index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    before = {q: [h.id for h in seed_index.search(q, limit=20).hits] for q in QUERIES}
    monkeypatch.setattr(mapped, "BUDGET", 0)  # every search lets go of the engine
    monkeypatch.setattr(mapped, "_looked", 0)

    def answers(_: int) -> dict[str, list[str]]:
        return {q: [h.id for h in seed_index.search(q, limit=20).hits] for q in QUERIES}

    with ThreadPoolExecutor(4) as pool:
        assert all(got == before for got in pool.map(answers, range(24)))
