"""A searching process does not keep every page of the index it has read in its resident
memory: past a budget, the pages go back to the system's file cache (``mapped``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader.search import SearchIndex, mapped

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads the process's maps in /proc (Linux)")


def index_pages(folder: Path) -> int:
    """Resident bytes of this process's maps of the files in ``folder`` (/proc/self/smaps)."""
    prefix = os.path.realpath(folder) + "/"
    total, inside = 0, False
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as f:
        for line in f:
            head = line.split()
            if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                inside = len(head) >= 6 and head[5].startswith(prefix)
            elif inside and line.startswith("Rss:"):
                total += int(head[1]) * 1024
    return total


QUERIES = ("金承涛", "发展", "的", "区委书记", "人民", "工作 会议", '"全过程人民民主"', "街道")


def search_all(index: SearchIndex) -> None:
    for query in QUERIES:
        assert index.search(query, limit=20).total >= 0


def test_the_pages_a_search_read_leave_its_memory_past_the_budget(
        seed_index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapped, "BUDGET", 1 << 40)  # never: the pages stay mapped
    search_all(seed_index)
    kept = index_pages(seed_index.folder)
    assert kept > 64 * 1024  # the searches read the index through its maps

    monkeypatch.setattr(mapped, "BUDGET", 0)  # always: the pages go after every search
    monkeypatch.setattr(mapped, "_after", 0)
    search_all(seed_index)
    assert index_pages(seed_index.folder) < kept / 2
    # and the answers are what they were
    again = seed_index.search("金承涛", limit=50)
    monkeypatch.setattr(mapped, "BUDGET", 1 << 40)
    assert [h.id for h in seed_index.search("金承涛", limit=50).hits] == [h.id for h in again.hits]
