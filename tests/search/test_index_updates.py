"""Incremental updates, rebuilding a damaged index, cancelling and resuming, threads."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.corpus.model import Page
from reader.search import IndexNotReady, SearchIndex, parse_query, update
from reader.search.scan import ScanDoc, scan

NEW_PAGE = """钱塘新区报

2023年3月8日 星期三 第3版

## 翟汐澜当选年度志愿者

■首席记者 吴宇翔

本报讯 7日上午,区里为翟汐澜颁奖。翟汐澜说,志愿服务是一件快乐的事。

## 河庄街道开展春季植树活动

■记者 董笑瑜

本报讯 近日,河庄街道组织居民在江边植树三百余棵。
"""


def synced(root: Path) -> Catalog:
    """The library's catalog, up to date: the PageStore the window and the CLI index from."""
    catalog = Catalog(root)
    catalog.sync()
    return catalog


class CountingStore:
    """A PageStore that records which pages the index asked for."""

    def __init__(self, root: Path) -> None:
        self.inner = Catalog(root)
        self.root = root
        self.asked: list[str] = []

    def stamps(self) -> dict[str, str]:
        self.inner.sync()
        return self.inner.stamps()

    def page(self, source: str) -> Page | None:
        self.asked.append(source)
        return self.inner.page(source)


def ids(index: SearchIndex, query: str) -> set[str]:
    return set(index.matching_ids(query))


def truth(root: Path, query: str) -> set[str]:
    docs = [ScanDoc.of(a) for a in Catalog.read(root).articles()]
    return set(scan(docs, parse_query(query)))


def test_only_new_changed_and_removed_pages_are_read(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    source = CountingStore(small_library)
    first = index.update(source)
    assert first.added == 28 and first.rebuilt
    assert len(set(source.asked)) == 5  # (the names index reads the same pages)

    source.asked.clear()
    assert index.update(source).added == 0
    assert source.asked == []

    (small_library / "pages" / "new.txt").write_text(NEW_PAGE, encoding="utf-8")
    stats = index.update(source)
    assert set(source.asked) == {"pages/new.txt"}
    assert (stats.added, stats.changed, stats.removed, stats.articles) == (2, 0, 0, 30)
    assert len(ids(index, "翟汐澜")) == 1

    source.asked.clear()
    seed = small_library / "pages" / "002_e8fc69560c1c029f.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("望江街道", "望江新街道"),
                    encoding="utf-8")
    stats = index.update(source)
    assert set(source.asked) == {"pages/002_e8fc69560c1c029f.txt"}
    assert (stats.added, stats.changed, stats.removed, stats.articles) == (0, 6, 0, 30)
    assert ids(index, "望江新街道") == truth(small_library, "望江新街道") != set()

    source.asked.clear()
    (small_library / "pages" / "000_ad7d325a1accf8c2.txt").unlink()
    stats = index.update(source)
    assert source.asked == []
    assert (stats.removed, stats.articles) == (6, 24)
    for query in ("金承涛", "区", "全过程人民民主", "望江"):
        assert ids(index, query) == truth(small_library, query)


def test_library_and_catalog_share_one_index(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(Catalog.read(small_library))
    again = SearchIndex.for_library(small_library).update(synced(small_library))
    assert (again.added, again.changed, again.removed, again.rebuilt) == (0, 0, 0, None)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "schema", "other app"])
def test_a_damaged_index_is_rebuilt(small_library: Path, damage: str) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    expected = ids(index, "金承涛")
    index.close()
    if damage == "truncate":
        with open(index.path, "r+b") as f:
            f.truncate(3000)
        Path(f"{index.path}-wal").unlink(missing_ok=True)
    elif damage == "garbage":
        index.path.write_bytes(b"this is not a database" * 500)
        Path(f"{index.path}-wal").unlink(missing_ok=True)
    else:
        conn = sqlite3.connect(index.path)
        if damage == "schema":
            conn.execute("PRAGMA user_version=99")
        else:
            conn.execute("UPDATE meta SET value='another-app' WHERE key='app'")
        conn.commit()
        conn.close()
    fresh = SearchIndex.for_library(small_library)
    with pytest.raises(IndexNotReady):
        fresh.search("金承涛")
    stats = fresh.update(synced(small_library))
    assert stats.rebuilt and stats.articles == 28
    assert ids(fresh, "金承涛") == expected


def test_cancel_then_resume(small_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(update, "SEGMENT_CHARS", 8000)  # several segments from five pages
    index = SearchIndex.for_library(small_library)
    source = CountingStore(small_library)
    seen: list[int] = []
    stop = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 10:
            stop.set()

    stats = index.update(source, progress=progress, cancelled=stop, workers=1)
    assert stats.cancelled
    assert not index.ready
    with pytest.raises(IndexNotReady):
        index.search("金承涛")

    source.asked.clear()
    stats = index.update(source)
    assert not stats.cancelled and stats.articles == 28 and stats.added == 28
    # pages finished before the cancel were not read again (the names index, updated only
    # after a complete update, reads each of the five once)
    assert len(source.asked) < 5 + 5
    for query in ("金承涛", "疫情防控", "的"):
        assert ids(index, query) == truth(small_library, query)


def test_a_cancelled_update_keeps_the_previous_index(small_library: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    before = ids(index, "金承涛")
    (small_library / "pages" / "000_ad7d325a1accf8c2.txt").unlink()
    assert index.update(synced(small_library), cancelled=lambda: True).cancelled
    assert ids(index, "金承涛") == before
    assert index.update(synced(small_library)).removed == 6


def test_parallel_build_finds_the_same(small_library: Path,
                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(update, "SEGMENT_CHARS", 15000)
    monkeypatch.setattr(update, "PARALLEL_CHARS", 0)
    calls: list[tuple[int, int]] = []
    index = SearchIndex.for_library(small_library)
    stats = index.update(synced(small_library), progress=lambda d, t: calls.append((d, t)),
                         workers=2)
    assert stats.articles == 28
    assert calls and calls[-1][1] == 28
    for query in ("金承涛", "承涛", "区", "全过程人民民主 -疫情", "title:疫情"):
        assert ids(index, query) == truth(small_library, query)


def test_search_while_another_thread_updates(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    before = index.search("金承涛", limit=0).total
    copied = len(truth(small_library / "pages", "金承涛") & {
        a.id for a in Catalog.read(small_library).articles()
        if a.source.endswith("000_ad7d325a1accf8c2.txt")})
    extra = small_library / "more"
    extra.mkdir()
    for n in range(4):
        shutil.copy(small_library / "pages" / "000_ad7d325a1accf8c2.txt", extra / f"{n}.txt")
    errors: list[BaseException] = []
    seen: set[int] = set()
    done = threading.Event()

    def searcher() -> None:
        try:
            while not done.is_set():
                seen.add(index.search("金承涛", limit=0).total)
        except BaseException as err:  # reported by the assertion below
            errors.append(err)

    thread = threading.Thread(target=searcher)
    thread.start()
    try:
        index.update(synced(small_library))
    finally:
        done.set()
        thread.join()
    assert not errors
    after = before + 4 * copied
    assert seen <= {before, after}  # never a half-published state
    assert index.search("金承涛", limit=0).total == after


def test_many_small_updates_stay_exact(small_library: Path) -> None:
    """One page at a time, as a reader adds issues: each update commits on its own and the
    engine merges the small segments behind it; what is found never changes for that."""
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    for n in range(6):
        text = NEW_PAGE.replace("翟汐澜", f"翟汐澜{n}号").replace("2023年3月8日", f"2023年3月{n + 1}日")
        (small_library / "pages" / f"new{n}.txt").write_text(text, encoding="utf-8")
        stats = index.update(synced(small_library))
        assert (stats.added, stats.changed, stats.removed) == (2, 0, 0)
        assert len(ids(index, "翟汐澜")) == n + 1
    for query in ("翟汐澜", "金承涛", "河庄街道 植树"):
        assert ids(index, query) == truth(small_library, query)


@pytest.mark.parametrize("damage", ["meta garbage", "meta gone", "segments gone", "folder gone"])
def test_a_damaged_engine_folder_is_rebuilt(small_library: Path, damage: str) -> None:
    """The engine's folder beside the index file is a cache too: whatever happened to it,
    search says the index is not ready (no crash) and the next update rebuilds it."""
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    expected = ids(index, "金承涛")
    meta = index.folder / "meta.json"
    if damage == "meta garbage":
        meta.write_bytes(b"{not json" * 50)
    elif damage == "meta gone":
        meta.unlink()
    elif damage == "segments gone":
        for f in index.folder.iterdir():
            if f.name != "meta.json" and not f.name.startswith("."):
                f.unlink()
    else:
        shutil.rmtree(index.folder)
    fresh = SearchIndex.for_library(small_library)
    assert fresh.check() is not None
    with pytest.raises(IndexNotReady):
        fresh.search("金承涛")
    stats = fresh.update(synced(small_library))
    assert stats.rebuilt and stats.articles == 28
    assert ids(fresh, "金承涛") == expected


def test_a_new_parser_version_re_reads_every_page_into_the_index(
    small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an update of the reader changes the parser, search shows the new reading: the
    index does not keep articles from the old one because the files themselves are unchanged."""
    import reader.corpus.catalog as catalog_module
    import reader.corpus.versions as versions_module

    index = SearchIndex.for_library(small_library)
    assert index.update(CountingStore(small_library)).added == 28
    newer = versions_module.PARSER_VERSION + 1
    monkeypatch.setattr(versions_module, "PARSER_VERSION", newer)
    monkeypatch.setattr(catalog_module, "PARSER_VERSION", newer)
    source = CountingStore(small_library)
    stats = index.update(source)
    assert len(set(source.asked)) == 5  # every page read again, from the new parser's reading
    assert stats.articles == 28
    assert index.update(CountingStore(small_library)).added == 0  # and then left alone


class _PlusOnePage:
    """A catalog plus one page kept elsewhere: a store that offers no ``state()`` token."""

    def __init__(self, catalog: Catalog, path: Path) -> None:
        self.catalog, self.root, self.path = catalog, catalog.root, path

    def stamps(self) -> dict[str, str]:
        from reader.corpus.library import file_stamp

        return self.catalog.stamps() | {"elsewhere/new.txt": file_stamp(self.path)}

    def page(self, source: str) -> Page | None:
        from reader.corpus.library import load_page

        if source == "elsewhere/new.txt":
            return load_page(self.path, source)
        return self.catalog.page(source)


def test_an_update_from_a_store_without_a_token_is_followed_by_a_real_one(
        small_library: Path, tmp_path: Path) -> None:
    # After indexing a page the catalog does not hold, updating from the unchanged catalog
    # again must remove it: the catalog's old token no longer describes the index.
    catalog = synced(small_library)
    index = SearchIndex.for_library(small_library)
    index.update(catalog)
    extra = tmp_path / "new.txt"
    extra.write_text(NEW_PAGE, encoding="utf-8")
    assert index.update(_PlusOnePage(catalog, extra)).added == 2
    assert index.search("翟汐澜").total == 1
    assert index.update(catalog).removed == 2
    assert index.search("翟汐澜").total == 0


class StampCountingCatalog(Catalog):
    """The library's catalog, counting the times every stamp was asked for."""

    stamp_calls = 0

    def stamps(self) -> dict[str, str]:
        self.stamp_calls += 1
        return super().stamps()


def _add_change_remove(root: Path, catalog: Catalog, index: SearchIndex) -> list[tuple]:
    """A new page, a page rewritten, a page gone; the catalog reads each, the index follows."""
    seen = []
    (root / "pages" / "new.txt").write_text(NEW_PAGE, encoding="utf-8")
    catalog.sync()
    seen.append(index.update(catalog))
    seed = root / "pages" / "002_e8fc69560c1c029f.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("望江街道", "望江新街道"),
                    encoding="utf-8")
    catalog.sync()
    seen.append(index.update(catalog))
    (root / "pages" / "000_ad7d325a1accf8c2.txt").unlink()
    catalog.sync()
    seen.append(index.update(catalog))
    return [(s.added, s.changed, s.removed, s.articles) for s in seen]


@pytest.mark.parametrize("journal", ["kept", "forgotten"])
def test_after_a_catalog_sync_the_index_looks_only_at_the_pages_it_read(
        small_library: Path, journal: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new issue in a library of 180,000 page files: the index asks the catalog which pages
    it read since the last update instead of comparing every stamp, and finds the same; an
    index further behind than the catalog's journal reaches compares every stamp."""
    from reader.corpus import changes

    if journal == "forgotten":
        monkeypatch.setattr(changes, "JOURNAL_KEEP", 0)  # each change forgets the ones before
    catalog = StampCountingCatalog(small_library)
    catalog.sync()
    index = SearchIndex.for_library(small_library)
    index.update(catalog)
    calls = catalog.stamp_calls
    assert _add_change_remove(small_library, catalog, index) == [
        (2, 0, 0, 30), (0, 6, 0, 30), (0, 0, 6, 24)]
    # with the journal, no stamp is compared but those of the pages read
    assert (catalog.stamp_calls == calls) == (journal == "kept")
    for query in ("翟汐澜", "望江新街道", "金承涛", "区", "全过程人民民主"):
        assert ids(index, query) == truth(small_library, query)
