"""Fixtures for the bookmark tests: the seed library and a fresh store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore
from reader.corpus.catalog import Catalog


@pytest.fixture
def library(small_library: Path) -> Catalog:
    return Catalog.read(small_library)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore.open(tmp_path / "bookmarks.sqlite3") as s:
        yield s
