"""Fixtures for the bookmark tests: the seed library and a fresh store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus.library import Library


@pytest.fixture
def library(small_library: Path) -> Library:
    return Library.load(small_library)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore.open(tmp_path / "bookmarks.sqlite3") as s:
        yield s
