"""Excerpts: passages kept with a note and tags, found again after the page is read anew, moved
between machines with the bookmarks, and carried through migrations and salvage."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore, Passage, StoreError, place, read_damaged, schema
from reader.bookmarks.passage import find_in
from reader.corpus.anchors import fold
from reader.corpus.catalog import Catalog
from reader.corpus.correction_store import correct
from reader.corpus.corrections import edit, split_before

SEED = "003_7b8eb04012f19e9f.txt"  # 钱塘新区报 2021-11-26 第1版
PAGE = f"pages/{SEED}"
TAIL = "在综合保税区"  # a paragraph inside the fourth article, where a split can start


def _catalog(root: Path, tmp_path: Path) -> Catalog:
    catalog = Catalog(root, db_path=tmp_path / "catalog.sqlite")
    catalog.sync()
    return catalog


def _passage_after(body: str, words: str, length: int = 40) -> Passage:
    start = body.index(words) + len(words) + 5
    return Passage.cut(body, start, start + length)


def test_a_passage_found_twice_is_told_apart_by_the_text_around_it() -> None:
    body = "甲说：我们要发展。乙说：我们要发展。丙说：好。"
    second = Passage.cut(body, body.index("乙说") + 3, body.index("乙说") + 9)
    span = find_in(body, second)
    assert span is not None and span.exact
    assert (span.start, body[span.start:span.end]) == (body.index("乙说") + 3, "我们要发展。")


def test_an_excerpt_is_found_again_after_its_article_is_split(
        small_library: Path, tmp_path: Path) -> None:
    catalog = _catalog(small_library, tmp_path)
    article = next(a for a in catalog.articles() if TAIL in a.body)
    passage = _passage_after(article.body, TAIL)
    with BookmarkStore.open(tmp_path / "b.sqlite3") as store:
        kept = store.add_excerpt(article, passage, note="园区数字", tags=["经济"])
        correct(small_library, PAGE, article.id,
                lambda page, i: (split_before(page, page.articles[i], TAIL), {}))
        catalog.sync()
        cut = catalog.article(article.id)
        assert cut is not None and fold(passage.text) not in fold(cut.body)  # moved on
        found = place(kept, catalog)
        assert found.found and found.span is not None and found.span.exact
        assert found.article is not None and found.article.id != article.id
        assert found.article.body.startswith(TAIL)  # the new article the split made
        body = found.article.body
        assert fold(body[found.span.start:found.span.end]) == fold(passage.text)
        moved = store.relink_excerpt(kept.id, found.article)
        assert (moved.article_id, moved.text, moved.note) == (
            found.article.id, passage.text, "园区数字")
    catalog.close()


def test_an_excerpt_corrected_inside_is_found_changed(small_library: Path, tmp_path: Path) -> None:
    catalog = _catalog(small_library, tmp_path)
    article = next(a for a in catalog.articles() if "昨日下午召开" in a.body)
    start = article.body.index("昨日下午召开")
    passage = Passage.cut(article.body, start - 10, start + 30)
    with BookmarkStore.open(tmp_path / "b.sqlite3") as store:
        kept = store.add_excerpt(article, passage)
    correct(small_library, PAGE, article.id,
            lambda page, i: (edit(page.articles[i], "昨日下午召开", "昨日下午在杭州召开"), {}))
    catalog.sync()
    found = place(kept, catalog)
    assert found.found and found.span is not None and not found.span.exact
    assert found.article is not None
    assert "在杭州召开" in found.article.body[found.span.start:found.span.end + 4]
    assert "changed" in found.message(kept)
    catalog.close()


def test_an_excerpt_whose_page_is_gone_says_so_and_keeps_its_text(
        small_library: Path, tmp_path: Path) -> None:
    catalog = _catalog(small_library, tmp_path)
    article = next(a for a in catalog.articles() if TAIL in a.body)
    passage = _passage_after(article.body, TAIL)
    path = tmp_path / "b.sqlite3"
    with BookmarkStore.open(path) as store:
        kept = store.add_excerpt(article, passage, note="留着")
    (small_library / PAGE).unlink()
    catalog.sync()
    found = place(kept, catalog)
    assert not found.found
    assert "cannot be found again" in found.message(kept)
    assert "its text is kept" in found.message(kept)
    with BookmarkStore.open(path) as store:
        (again,) = store.excerpts()
    assert (again.text, again.note) == (passage.text, "留着")
    catalog.close()


def test_the_same_passage_twice_is_one_excerpt_with_both_notes(
        store: BookmarkStore, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    passage = Passage.cut(article.body, 10, 50)
    first = store.add_excerpt(article, passage, note="第一", tags=["疫情"])
    second = store.add_excerpt(article, passage, note="第二", tags=["防控"])
    assert first.id == second.id and len(store.excerpts()) == 1
    assert "第一" in second.note and "第二" in second.note
    assert second.tags == ("疫情", "防控")
    assert store.tags() == sorted(["疫情", "防控"])
    with pytest.raises(StoreError, match="select a passage"):
        store.add_excerpt(article, Passage("  "))


def test_excerpts_are_found_by_their_text_note_and_tag(
        store: BookmarkStore, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    one = store.add_excerpt(article, Passage.cut(article.body, 0, 30), note="开头")
    two = store.add_excerpt(article, Passage.cut(article.body, 100, 140), tags=["摘"])
    needle = article.body[105:112]
    assert [e.id for e in store.excerpts(text=needle)] == [two.id]
    assert [e.id for e in store.excerpts(text="开头")] == [one.id]
    assert [e.id for e in store.excerpts(tag="摘")] == [two.id]
    store.update_excerpt(one.id, note="改过", tags=["新"])
    assert store.get_excerpt(one.id).note == "改过"  # type: ignore[union-attr]
    assert store.remove_excerpt(two.id) and not store.remove_excerpt(two.id)
    assert [e.id for e in store.excerpts()] == [one.id]


def test_a_store_of_the_previous_schema_opens_and_gains_excerpts(
        tmp_path: Path, library: Catalog) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    article = library.article("0f419ca80aa8")
    assert article is not None
    with BookmarkStore.open(path, keep_backup=False) as store:
        store.add(article, note="旧的笔记", tags=["旧"])
    # The store as the reader before excerpts left it: schema 1, no excerpt tables.
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE excerpt_tags")
    conn.execute("DROP TABLE excerpts")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with BookmarkStore.open(path) as store:
        (bookmark,) = store.list()
        assert (bookmark.note, bookmark.tags) == ("旧的笔记", ("旧",))
        made = store.add_excerpt(article, Passage.cut(article.body, 0, 20), note="新")
        assert store.get_excerpt(made.id) is not None
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.latest() == 2
    conn.close()
    old = sqlite3.connect(tmp_path / "bookmarks.schema-1.sqlite3")
    assert old.execute("SELECT note FROM bookmarks").fetchall() == [("旧的笔记",)]
    old.close()


def test_excerpts_travel_in_the_bookmarks_file_and_merge_without_loss(
        tmp_path: Path, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    out = tmp_path / "mine.json"
    with BookmarkStore.open(tmp_path / "a.sqlite3") as mine:
        mine.add(article, note="整篇")
        kept = mine.add_excerpt(article, Passage.cut(article.body, 20, 60), note="我的笔记",
                                tags=["疫情"])
        assert mine.export_json(out, library) == 1
    doc = json.loads(out.read_text("utf-8"))
    assert doc["version"] == 2
    (entry,) = doc["excerpts"]
    assert (entry["text"], entry["note"], entry["tags"]) == (kept.text, "我的笔记", ["疫情"])
    assert entry["citation"]["gbt7714"].endswith("钱塘新区报, 2022-08-10(1).")

    with BookmarkStore.open(tmp_path / "b.sqlite3") as theirs:
        other = theirs.add_excerpt(article, Passage.cut(article.body, 20, 60),
                                   note="他们的笔记", tags=["钱塘"])
        report = theirs.import_json(out)
        assert (report.added, report.excerpts_merged) == (1, 1)
        (merged,) = theirs.excerpts()
        assert merged.id == other.id and merged.text == kept.text
        assert "他们的笔记" in merged.note and "我的笔记" in merged.note
        assert merged.tags == ("钱塘", "疫情")
        again = theirs.import_json(out)
        assert (again.excerpts_added, again.excerpts_merged, again.excerpts_unchanged) == (
            0, 0, 1)
        assert theirs.excerpts()[0].note == merged.note

    with BookmarkStore.open(tmp_path / "c.sqlite3") as fresh:
        report = fresh.import_json(out)
        assert report.excerpts_added == 1
        (copied,) = fresh.excerpts()
        assert (copied.uid, copied.text, copied.passage) == (kept.uid, kept.text, kept.passage)


def test_a_bad_excerpt_in_a_file_is_skipped_by_name_and_the_rest_is_taken(
        tmp_path: Path, store: BookmarkStore, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    good = {"text": article.body[:30], "note": "好", "article": {"id": article.id,
                                                               "title": article.title}}
    bad = {"text": 42, "article": {"id": article.id}}
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": "newspaper-reader-bookmarks", "version": 2,
                                "bookmarks": [], "excerpts": [bad, good]}), "utf-8")
    report = store.import_json(path)
    assert report.excerpts_added == 1
    assert report.skipped == ["excerpt 1: text is a number (42), not text"]
    assert [e.note for e in store.excerpts()] == ["好"]


def test_salvage_saves_the_excerpts_too(tmp_path: Path, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as store:
        store.add_excerpt(article, Passage.cut(article.body, 0, 25), note="救回来")
    salvage = read_damaged(path)
    assert [e.note for e in salvage.excerpts] == ["救回来"]


def test_an_excerpt_row_with_a_field_that_cannot_be_read_is_shown_flagged(
        tmp_path: Path, library: Catalog) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    path = tmp_path / "bookmarks.sqlite3"
    with BookmarkStore.open(path) as store:
        kept = store.add_excerpt(article, Passage.cut(article.body, 0, 20), note="原来的笔记")
    conn = sqlite3.connect(path)  # written by hand, or by a script
    conn.execute("UPDATE excerpts SET added = 'yesterday', page = 'one' WHERE id = ?",
                 (kept.id,))
    conn.commit()
    conn.close()
    with BookmarkStore.open(path) as store:
        (flagged,) = store.excerpts()
        assert (flagged.text, flagged.note) == (kept.text, "原来的笔记")
        assert "its added 'yesterday' cannot be read" in flagged.problem
        assert "its page 'one' cannot be read" in flagged.problem
        assert store.remove_excerpt(flagged.id)
