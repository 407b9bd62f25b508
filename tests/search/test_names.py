"""Names in the articles: found at indexing time, kept up to date, asked for as filters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.search import QueryError, SearchIndex, parse_query
from reader.search.names import find_names
from reader.search.query import NameFilter

NEW_PAGE = """钱塘新区报

2023年3月8日 星期三 第3版

## 王晓东当选年度志愿者

■首席记者 吴宇翔

本报讯 7日上午,白杨街道为志愿者王晓东颁奖。王晓东说,志愿服务是一件快乐的事。
"""


def synced(root: Path) -> Catalog:
    catalog = Catalog(root)
    catalog.sync()
    return catalog


def test_local_names_are_found_whole_with_their_kind() -> None:
    found = {(n.kind, n.name) for n in find_names(
        "区委书记金承涛在钱塘新区白杨街道调研。扎根基层的智慧，赵一霖说。杭州市统计局发布。")}
    assert {("person", "金承涛"), ("place", "钱塘新区"), ("place", "白杨街道"),
            ("person", "赵一霖"), ("place", "杭州市"), ("org", "统计局")} <= found
    assert not {name for _, name in found} & {"智慧", "扎根", "钱塘", "新区", "白杨"}


def test_the_seeds_names_are_indexed(seed_index: SearchIndex, seed_library: Catalog) -> None:
    article = next(a for a in seed_library.articles() if "金承涛" in a.body)
    names = {(n.kind, n.name) for n in seed_index.names.names_of(article.id)}
    assert ("person", "金承涛") in names
    top = seed_index.names.top(seed_index.matching_ids("钱塘"), kind="person", limit=3)
    assert top[0].name == "金承涛"
    # the index's own count (every matching document's names, in memory) says the same
    for query in ("钱塘", "疫情 date:2022", "-上城 paper:钱塘"):
        assert seed_index.top_names(query, limit=4) == seed_index.names.top(
            seed_index.matching_ids(query), limit=4)
    # 金承涛 is in the user dictionary: every article of 钱塘 that holds the text names him
    both = set(seed_index.matching_ids("钱塘 金承涛"))
    assert top[0].articles == len(both) > 1


@pytest.mark.parametrize("typed", ["person:金承涛", "人物:金承涛", "PERSON:金承涛"])
def test_person_filter_keeps_only_articles_naming_the_person(
        seed_index: SearchIndex, typed: str) -> None:
    q = parse_query(typed)
    assert q.names == (NameFilter("person", "金承涛"),)
    want = seed_index.names.article_ids("person", "金承涛")
    assert want
    assert set(seed_index.matching_ids(typed)) == want
    res = seed_index.search(typed, limit=1)
    assert res.total == len(want)
    assert "金承涛" in "".join(res.hits[0].snippet[s:e] for s, e in res.hits[0].highlights)


def test_place_and_org_filters_and_exclusion(seed_index: SearchIndex) -> None:
    place = seed_index.names.article_ids("place", "白杨街道")
    assert place and set(seed_index.matching_ids("地点:白杨街道")) == place
    assert set(seed_index.matching_ids("place:白杨")) == set()  # the whole name, not a part
    all_qt = set(seed_index.matching_ids("钱塘"))
    without = set(seed_index.matching_ids("钱塘 -person:金承涛"))
    assert without == all_qt - seed_index.names.article_ids("person", "金承涛")
    org = seed_index.names.article_ids("org", "人大常委会")
    assert org and set(seed_index.matching_ids("机构:人大常委会")) == org


def test_name_filters_refuse_or() -> None:
    with pytest.raises(QueryError, match="cannot be joined with OR"):
        parse_query("person:金承涛 OR person:刘忻")
    with pytest.raises(QueryError, match="needs a word after it"):
        parse_query("person:")


def test_names_follow_new_changed_and_removed_pages(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    first = index.name_stats.tagged
    assert first == 28
    assert index.names.article_ids("person", "王晓东") == set()

    new = small_library / "pages" / "new.txt"
    new.write_text(NEW_PAGE, encoding="utf-8")
    index.update(synced(small_library))
    assert index.name_stats.tagged == 1  # only the new page's article
    (article,) = index.names.article_ids("person", "王晓东")
    assert index.matching_ids("person:王晓东") == [article]

    new.write_text(NEW_PAGE.replace("王晓东", "李明华"), encoding="utf-8")
    index.update(synced(small_library))
    assert index.names.article_ids("person", "王晓东") == set()
    assert index.names.article_ids("person", "李明华")

    new.unlink()
    index.update(synced(small_library))
    assert index.names.article_ids("person", "李明华") == set()
    assert index.names.article_count() == 28


def test_a_rebuilt_index_keeps_the_names_without_tagging_again(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    index.update(synced(small_library), rebuild=True)
    assert index.name_stats.tagged == 0
    assert index.matching_ids("person:金承涛")


def test_a_damaged_names_file_is_started_anew(small_library: Path) -> None:
    index = SearchIndex.for_library(small_library)
    index.update(synced(small_library))
    index.names.close()
    index.names.path.write_bytes(b"not a database" * 100)
    for extra in ("-wal", "-shm"):
        Path(f"{index.names.path}{extra}").unlink(missing_ok=True)
    shutil.copy(index.names.path, index.names.path.with_suffix(".bak"))
    (small_library / "pages" / "new.txt").write_text(NEW_PAGE, encoding="utf-8")
    index.update(synced(small_library))
    assert index.names.article_ids("person", "王晓东")
    assert index.search("金承涛").total > 0


def test_names_found_after_the_index_serve_filters_and_facets_at_once(
        small_library: Path) -> None:
    """The window searches first and finds the names later: the filters and the facets take
    the names up as soon as they are found, without indexing the articles again."""
    index = SearchIndex.for_library(small_library)
    catalog = synced(small_library)
    index.update(catalog, names=False)
    assert index.search("金承涛").total > 0
    assert index.matching_ids("person:金承涛") == []
    assert index.top_names("钱塘", kind="person") == []

    assert index.update_names(catalog).tagged == 28
    holding = index.names.article_ids("person", "金承涛")
    assert holding and set(index.matching_ids("person:金承涛")) == holding
    top = index.top_names("钱塘", kind="person", limit=1)
    assert top[0].name == "金承涛"
    assert top[0].articles == len(set(index.matching_ids("钱塘 person:金承涛")))
