"""The folding table's cache file, and a search in a fresh process that loads neither numpy
nor OpenCC yet folds, finds and marks exactly as a process with both."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search import SearchIndex, fold
from reader.search.fold import fold_codepoints, fold_table

ROOT = Path(__file__).resolve().parents[2]


def _forget() -> None:
    for cached in (fold._table_and_fingerprint, fold.fold_lut):
        cached.cache_clear()


@pytest.fixture
def fresh_table() -> Iterator[None]:
    """This process's table forgotten before the test and after it (the home is the test's)."""
    _forget()
    yield
    _forget()


def test_the_table_is_saved_once_and_read_back(fresh_table: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert not fold.table_path().exists()
    assert fold.fold("國家發展") == "国家发展"
    assert fold.table_path().exists()
    built = fold_table()
    _forget()

    def no_build() -> dict[int, str]:
        raise AssertionError("the table was built again")

    monkeypatch.setattr(fold, "build_table", no_build)
    assert fold_table() == built
    assert fold.fold_fingerprint() == fold._fingerprint_of(built)
    assert fold.fold("錢塘區 ＡＢＣ") == "钱塘区 abc"


def test_a_damaged_cache_is_built_anew_with_a_message(
        fresh_table: None, caplog: pytest.LogCaptureFixture) -> None:
    path = fold.table_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema": 1, "fingerprint": "x", "from": "國", "to": "国家"}',
                    encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="reader.search"):
        assert fold.fold("國家發展") == "国家发展"
    assert str(path) in caplog.text and "built anew" in caplog.text
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data["from"]) == len(data["to"]) > 5000  # written whole again


def test_another_opencc_is_another_cache(fresh_table: None,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = fold.table_path()
    monkeypatch.setattr(fold, "_opencc_version", lambda: "0.0.1")
    assert fold.table_path() != before


@settings(deadline=None)  # a loaded machine takes longer than 200 ms for a long text
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=48))
def test_numpy_and_translate_fold_alike(text: str) -> None:
    assert fold_codepoints(text).tobytes().decode("utf-32-le") == text.translate(fold_table())


def test_a_fresh_search_loads_no_numpy_and_finds_the_same(
        fresh_table: None, small_library: Path, seed_index: SearchIndex) -> None:
    index = seed_index  # indexing saved the table in this home
    env = {**os.environ}
    for query in ("錢塘", "金承涛 发展"):  # a traditional query folds to the simplified text
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "reader", "search", query, "--json",
             "--limit", "50", "--library", str(small_library)],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
        assert "numpy" not in loaded and "opencc" not in loaded
        fresh = json.loads(done.stdout)
        here = index.search(query, limit=50)  # this process folds with numpy
        assert fresh["total"] == here.total > 0
        assert [(h["id"], h["snippet"], h["highlights"]) for h in fresh["hits"]] == [
            (h.id, h.snippet, [list(s) for s in h.highlights]) for h in here.hits]
