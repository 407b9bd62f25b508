"""Importing a bookmarks file that is not as the reader writes it: every field is checked, a
bad entry is skipped with a line naming it and its field, the others are taken, and the
store stays sound; entries without an id are told apart by their article (issue 12)."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reader.bookmarks import BookmarkStore, TransferError
from reader.bookmarks.bookmark import match_row
from reader.bookmarks.identity import ArticleRef
from reader.bookmarks.matching import Matcher, Prepared
from reader.corpus.catalog import Catalog

SURROGATE = "\ud800"


def _document(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": "newspaper-reader-bookmarks", "version": 1, "bookmarks": entries}


def _entry(n: int, **article: Any) -> dict[str, Any]:
    """A bookmark of an article without an id, numbered so that each is another article."""
    return {"note": f"笔记{n}", "tags": ["t"], "added": "2024-05-01T09:30:00+00:00",
            "article": {"paper": "钱塘新区报", "date": "2022-08-10", "page": 2,
                        "title": f"第{n}篇文章的标题", "body_prefix": f"第{n}篇文章的正文" * 4,
                        **article}}


def _write(path: Path, doc: Any, raw: dict[str, str] | None = None) -> Path:
    """``doc`` as JSON, with the quoted placeholders of ``raw`` replaced by raw JSON text."""
    text = json.dumps(doc, ensure_ascii=False)
    for marker, json_text in (raw or {}).items():
        text = text.replace(json.dumps(marker), json_text)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


BAD: dict[str, tuple[dict[str, Any], str]] = {
    "added yesterday": ({"added": "yesterday"}, "added is 'yesterday', not a date and time"),
    "added {}": ({"added": {}}, "added is an object ({}), not text"),
    "added a number": ({"added": 20240501}, "added is a number"),
    "paper a dict": ({"article": {"paper": {"name": "x"}}}, "article.paper is an object"),
    "paper a list": ({"article": {"paper": ["x"]}}, "article.paper is a list"),
    "byline a dict": ({"article": {"byline": {"x": 1}}}, "article.byline is an object"),
    "byline a list": ({"article": {"byline": ["x"]}}, "article.byline is a list"),
    "title 123": ({"article": {"title": 123}}, "article.title is a number (123), not text"),
    "kicker [1]": ({"article": {"kicker": [1]}}, "article.kicker is a list"),
    "subtitle true": ({"article": {"subtitle": True}}, "article.subtitle is true or false"),
    "page 1e400": ({"article": {"page": "@1e400"}}, "article.page is Infinity, not a page"),
    "page 10**30": ({"article": {"page": 10**30}}, "article.page is 1000000000000000000000"),
    "page -1": ({"article": {"page": -1}}, "article.page is -1, not a page number"),
    "page text": ({"article": {"page": "第2版"}}, "article.page is '第2版', not a page number"),
    "date 2022-13-45": ({"article": {"date": "2022-13-45"}}, "article.date is '2022-13-45'"),
    "surrogate in note": ({"note": "@surrogate"}, "note holds a lone surrogate (\\ud800)"),
    "surrogate in title": ({"article": {"title": "@surrogate"}}, "article.title holds a lone"),
    "note of 2 MB": ({"note": "记" * 2_000_000}, "note is 2,000,000 characters long"),
    "title of 1 MB": ({"article": {"title": "题" * 1_000_000}}, "article.title is 1,000,000"),
    "tags a text": ({"tags": "疫情"}, "tags is text ('疫情'), not a list"),
    "tag a number": ({"tags": ["a", 7]}, "tags[1] is a number (7), not text"),
    "uid a list": ({"uid": [1]}, "uid is a list"),
    "article a list": ({"article": [1]}, "article is a list"),
    "the entry a text": ({"@whole": "x"}, "the entry is text"),
}
RAW = {"@1e400": "1e400", "@surrogate": json.dumps(f"a{SURROGATE}b")}


def _bad_entry(change: dict[str, Any]) -> Any:
    entry = _entry(2)
    if "@whole" in change:
        return change["@whole"]
    for key, value in change.items():
        if key == "article" and isinstance(value, dict):
            entry["article"].update(value)
        else:
            entry[key] = value
    return entry


@pytest.mark.parametrize("change, message", BAD.values(), ids=BAD.keys())
def test_a_bad_entry_is_skipped_naming_its_field_and_the_others_are_taken(
    tmp_path: Path, store: BookmarkStore, change: dict[str, Any], message: str
) -> None:
    doc = _document([_entry(1), _bad_entry(change), _entry(3)])
    report = store.import_json(_write(tmp_path / "in.json", doc, RAW))
    assert report.added == 2
    (line,) = report.skipped
    assert line.startswith("entry 2: ") and message in line, line
    assert sorted(b.note for b in store.list()) == ["笔记1", "笔记3"]
    assert not any(b.problem for b in store.list())
    with BookmarkStore.open(store.path) as again:  # the store opens and reads, sound
        assert len(again.list()) == 2


@pytest.mark.parametrize("depth", [3_000, 100_000])
def test_a_file_nested_too_deep_is_refused_as_a_problem_of_that_file(
    tmp_path: Path, store: BookmarkStore, depth: int
) -> None:
    path = tmp_path / "deep.json"
    entry = json.dumps(_entry(1), ensure_ascii=False)
    nested = "[" * depth + "]" * depth
    path.write_text('{"format": "newspaper-reader-bookmarks", "version": 1, "bookmarks": ['
                    f'{entry[:-1]}, "note": {nested}}}]}}', encoding="utf-8")
    with pytest.raises(TransferError, match=f"{path} is not a bookmarks file .*nested more "
                                            "than 64 levels deep"):
        store.import_json(path)
    assert len(store) == 0
    assert store.import_json(_write(tmp_path / "ok.json", _document([_entry(1)]))).added == 1


def test_entries_without_an_id_stay_distinct_unless_they_are_the_same_article(
    tmp_path: Path, store: BookmarkStore
) -> None:
    three = [_entry(n, page=n) for n in (1, 2, 3)]
    again = copy.deepcopy(three[1])
    again["note"] = "另一条笔记"
    report = store.import_json(_write(tmp_path / "in.json", _document([*three, again])))
    assert (report.added, report.merged) == (3, 1)
    notes = sorted(b.note for b in store.list())
    assert notes[0] == "笔记1" and notes[2] == "笔记3"
    assert "笔记2" in notes[1] and "另一条笔记" in notes[1]  # the same article: both notes


def test_twenty_thousand_articles_of_one_paper_without_ids_stay_twenty_thousand(
    tmp_path: Path, store: BookmarkStore
) -> None:
    entries = [_entry(n) for n in range(20_000)]
    report = store.import_json(_write(tmp_path / "in.json", _document(entries)))
    assert (report.added, report.merged, report.unchanged) == (20_000, 0, 0)
    assert len(store) == 20_000
    again = store.import_json(tmp_path / "in.json")  # and the same file again adds nothing
    assert (again.added, again.unchanged) == (0, 20_000)


def _variants(ref: ArticleRef) -> list[ArticleRef]:
    """What a bookmark of this article may look like after the parser or the ids changed."""
    from dataclasses import replace

    title = ref.title or ref.display_title
    return [
        ref,
        replace(ref, article_id=""),
        replace(ref, article_id="other-id"),
        replace(ref, article_id="", title=f"{ref.kicker or '引题'} {title}"),
        replace(ref, article_id="", title=None, display_title="", kicker=None, subtitle=None),
        replace(ref, article_id="", body_prefix=ref.body_prefix[20:]),
        replace(ref, article_id="", date=None, page=None),
        replace(ref, article_id="", title="完全不同的标题啊", body_prefix="完全不同的正文" * 5),
    ]


def test_the_import_matches_articles_as_one_bookmark_at_a_time_does(
    tmp_path: Path, store: BookmarkStore, library: Catalog
) -> None:
    """The matcher used by imports finds the same bookmark as ``match_row``, the rule a
    single bookmark is added by, for every article of the seeds in many disguises."""
    for article in library.articles():
        store.add(article)
    conn = sqlite3.connect(store.path)
    conn.row_factory = sqlite3.Row
    matcher = Matcher(conn)
    compared = 0
    for article in library.articles():
        for ref in _variants(ArticleRef.of(article)):
            row = match_row(conn, ref)
            expected = int(row["id"]) if row is not None else None
            assert matcher.find(Prepared(ref)) == expected, ref
            compared += expected is not None
    conn.close()
    assert compared > 100  # most disguises are found again


def test_a_value_sqlite_cannot_take_is_not_called_damage(store: BookmarkStore) -> None:
    """Should a bad value ever get past the checks, the message blames the value, not the
    file: a healthy store is never called damaged."""
    from reader.bookmarks import DamagedStoreError, StoreError

    ref = ArticleRef(article_id="x", paper={"a": 1})  # type: ignore[arg-type]
    with pytest.raises(StoreError) as err:
        store.add_ref(ref)
    assert not isinstance(err.value, DamagedStoreError)
    assert "damaged" not in str(err.value)
    assert len(store) == 0
