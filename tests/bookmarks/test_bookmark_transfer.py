"""Bookmarks moved between machines as JSON: notes, tags and citations travel; an import
merges without duplicates and never drops a note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore, TransferError
from reader.corpus.catalog import Catalog


def test_export_carries_note_tags_reference_and_citation(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    article = library.article("0f419ca80aa8")
    assert article is not None
    store.add(article, note="防控", tags=["疫情"])
    out = tmp_path / "mine.json"
    assert store.export_json(out, library) == 1
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("newspaper-reader-bookmarks", 2)
    (entry,) = doc["bookmarks"]
    assert (entry["note"], entry["tags"]) == ("防控", ["疫情"])
    assert entry["article"]["paper"] == "钱塘新区报"
    assert entry["article"]["date"] == "2022-08-10"
    assert entry["article"]["page"] == 1
    assert entry["citation"]["gbt7714"] == (
        "郁佳炜. 切实织密疫情防控网 为经济稳进提质筑牢安全底线[N]. 钱塘新区报, 2022-08-10(1).")
    assert entry["citation"]["csl"]["type"] == "article-newspaper"


def test_import_on_another_machine_restores_every_bookmark_once(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    for n, article in enumerate(library.articles()):
        store.add(article, note=f"笔记 {n}", tags=[f"tag{n % 3}"])
    out = tmp_path / "all.json"
    store.export_json(out)
    with BookmarkStore.open(tmp_path / "other" / "bookmarks.sqlite3") as other:
        first = other.import_json(out)
        second = other.import_json(out)
        assert (first.added, first.merged, first.unchanged) == (28, 0, 0)
        assert (second.added, second.merged, second.unchanged) == (0, 0, 28)
        assert len(other) == 28
        assert sorted((b.note, b.tags) for b in other.list()) == sorted(
            (b.note, b.tags) for b in store.list())
        assert {b.uid for b in other.list()} == {b.uid for b in store.list()}


def test_import_merges_tags_and_keeps_both_notes_when_they_differ(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    a = library.article("e231f6d7d5ae")
    b = library.article("98d201f5e720")
    c = library.article("c1071d23355c")
    assert a and b and c
    store.add(a, note="文化金名片", tags=["文化"])
    store.add(b, note="", tags=["协作"])
    store.add(c, note="分房", tags=[])
    out = tmp_path / "laptop.json"
    store.export_json(out)
    with BookmarkStore.open(tmp_path / "laptop.sqlite3") as laptop:
        laptop.add(a, note="在笔记本上写的另一条笔记", tags=["会议"])
        laptop.add(b, note="山海协作", tags=[])
        laptop.add(c, note="分房\n还要看第二版", tags=["民生"])
        report = laptop.import_json(out)
        assert (report.added, report.merged, report.unchanged) == (0, 2, 1)
        assert report.joined_notes == ["持续提升文化软实力 打造具有辨识度的钱塘文化金名片"]
        notes = {x.article_id: x for x in laptop.list()}
    assert "在笔记本上写的另一条笔记" in notes[a.id].note
    assert "文化金名片" in notes[a.id].note
    assert "导入的笔记（laptop.json）" in notes[a.id].note
    assert notes[a.id].tags == ("会议", "文化")
    assert (notes[b.id].note, notes[b.id].tags) == ("山海协作", ("协作",))
    assert notes[c.id].note == "分房\n还要看第二版"


def test_a_bookmark_matches_across_machines_even_when_ids_differ(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    article = library.article("1f4db1f1d6b5")
    assert article is not None
    store.add(article, note="政协")
    out = tmp_path / "x.json"
    store.export_json(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["bookmarks"][0]["uid"] = "made-elsewhere"
    doc["bookmarks"][0]["article"]["id"] = "an-older-id"
    out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = store.import_json(out)
    assert (report.added, report.unchanged) == (0, 1)
    assert len(store) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"format": "something-else", "version": 1, "bookmarks": []}', "not a bookmarks file"),
        ('{"format": "newspaper-reader-bookmarks", "version": 99, "bookmarks": []}',
         "newer version"),
    ],
)
def test_a_file_that_is_not_ours_or_too_new_is_refused_and_nothing_changes(
    tmp_path: Path, store: BookmarkStore, library: Catalog, content: str, message: str
) -> None:
    store.add(next(library.articles()), note="keep me")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TransferError, match=message):
        store.import_json(bad)
    assert [b.note for b in store.list()] == ["keep me"]


def test_unreadable_entries_are_skipped_and_reported(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    store.add(next(library.articles()), note="good")
    out = tmp_path / "x.json"
    store.export_json(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["bookmarks"].append({"note": "no article"})
    out.write_text(json.dumps(doc), encoding="utf-8")
    with BookmarkStore.open(tmp_path / "b.sqlite3") as other:
        report = other.import_json(out)
        assert report.added == 1
        assert report.skipped == ["entry 2: article is missing"]
