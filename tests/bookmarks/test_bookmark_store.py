"""Bookmarks as a user keeps them: notes and tags that stay, lists that filter and sort."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.bookmarks import BookmarkNotFound, BookmarkStore
from reader.corpus.catalog import Catalog


def test_a_bookmark_with_its_note_survives_closing_and_reopening(
    tmp_path: Path, library: Catalog
) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as store:
        made = store.add(article, note="防控措施的原文，写报告用", tags=["疫情", "钱塘"])
    with BookmarkStore.open(path) as store:
        again = store.get(made.id)
    assert again is not None
    assert again.note == "防控措施的原文，写报告用"
    assert again.tags == ("疫情", "钱塘")
    assert again.title == "切实织密疫情防控网 为经济稳进提质筑牢安全底线"
    assert again.article_id == "0f419ca80aa8"


def test_the_default_store_lives_in_the_user_data_folder(
    _isolated_home: Path, library: Catalog
) -> None:
    with BookmarkStore.open() as store:
        store.add(next(library.articles()))
        assert store.path == _isolated_home / "data" / "bookmarks.sqlite3"
    assert (_isolated_home / "data" / "bookmarks.sqlite3").is_file()
    assert (_isolated_home / "data" / "bookmarks.backup.sqlite3").is_file()


def test_bookmarking_an_article_twice_keeps_one_bookmark_and_both_notes(
    store: BookmarkStore, library: Catalog
) -> None:
    article = library.article("7aafc7f2f744")
    assert article is not None
    first = store.add(article, note="招商引资", tags=["经济"])
    second = store.add(article, note="有区长讲话", tags=["讲话"])
    assert second.id == first.id
    assert len(store) == 1
    assert "招商引资" in second.note and "有区长讲话" in second.note
    assert second.tags == ("经济", "讲话")
    assert store.find_for_article(article) == second


def test_update_replaces_note_and_tags_and_remove_deletes(
    store: BookmarkStore, library: Catalog
) -> None:
    article = library.article("d72c54c81242")
    assert article is not None
    b = store.add(article, note="旧", tags=["a", "b"])
    changed = store.update(b.id, note="新的笔记", tags=["  c  ", "c", ""])
    assert (changed.note, changed.tags) == ("新的笔记", ("c",))
    assert store.update(b.id, tags=[]).note == "新的笔记"
    assert store.remove(b.id) is True
    assert store.get(b.id) is None
    assert store.remove(b.id) is False
    with pytest.raises(BookmarkNotFound):
        store.update(b.id, note="x")


def test_list_filters_by_tag_and_text_and_sorts(store: BookmarkStore, library: Catalog) -> None:
    ids = ["4e35fbaaaeec", "3123ebb50c5f", "b576303a8c2b", "661c93f18119"]
    articles = [library.article(i) for i in ids]
    assert all(articles)
    for n, article in enumerate(articles):
        assert article is not None
        store.add(article, note=f"第{n}条", tags=["会议"] if n % 2 else ["社区"])
    assert [b.article_id for b in store.list()] == list(reversed(ids))  # newest first
    # By article date: 2020-04-21, 2021-11-26, 2022-08-10, then the undated page.
    assert [b.article_id for b in store.list(sort="article_date")] == [
        "4e35fbaaaeec", "661c93f18119", "3123ebb50c5f", "b576303a8c2b"]
    assert {b.article_id for b in store.list(tag="会议")} == {"3123ebb50c5f", "661c93f18119"}
    assert [b.article_id for b in store.list(text="晴雨客厅")] == ["4e35fbaaaeec"]  # headline
    assert [b.article_id for b in store.list(text="第2条")] == ["b576303a8c2b"]  # note
    assert [b.article_id for b in store.list(tag="社区", text="第2")] == ["b576303a8c2b"]
    assert store.list(text="100%") == []
    assert store.tags() == sorted(["会议", "社区"])
