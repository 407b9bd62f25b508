"""A stored bookmark row that cannot be read (a time that is no time, a page that is no
number: written by an older reader, by hand, or by an import before fields were checked)
never stops the store: it is listed flagged, can be removed, and salvage, set-aside and
restore all still help (issue 12, item 1)."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from pathlib import Path

import pytest

from reader.bookmarks import BookmarkStore, default_path
from reader.cli import main
from reader.corpus.catalog import Catalog
from reader.paths import bundled_corpus

BAD_ROWS = {
    "added yesterday": "added = 'yesterday'",
    "added {}": "added = '{}'",
    "page and date": "page = 'x', date = 'soon'",
    "page a float": "page = 1e300, updated = 7",
}


def _store_with_a_bad_row(damage: str) -> tuple[int, int]:
    """The user's store with two bookmarks, the second one damaged; their ids."""
    articles = list(Catalog.read(bundled_corpus()).articles())
    with BookmarkStore.open() as store:
        good = store.add(articles[0], note="好的笔记").id
        bad = store.add(articles[1], note="坏行的笔记", tags=["保留"]).id
    conn = sqlite3.connect(default_path())
    with conn:
        conn.execute(f"UPDATE bookmarks SET {damage} WHERE id = ?", (bad,))
    conn.close()
    with BookmarkStore.open():  # the rolling backup takes the damaged row too
        pass
    return good, bad


@pytest.mark.parametrize("damage", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_is_listed_flagged_and_can_be_removed(
    capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    good, bad = _store_with_a_bad_row(damage)
    assert main(["bookmarks", "list"]) == 0
    out, err = capsys.readouterr()
    assert "unexpected error" not in err
    assert f"#{good} " in out and f"#{bad} " in out and "坏行的笔记" in out
    assert out.count("(damaged: its ") == 1 and "cannot be read" in out
    assert f"`reader bookmarks remove #{bad}` removes it" in out
    assert main(["bookmarks", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr()[0])}
    assert "problem" in rows[bad] and "problem" not in rows[good]
    assert rows[bad]["note"] == "坏行的笔记" and rows[bad]["tags"] == ["保留"]
    assert main(["bookmarks", "remove", f"#{bad}"]) == 0
    capsys.readouterr()
    with BookmarkStore.open() as store:
        assert [b.id for b in store.list()] == [good]


def test_export_salvage_set_aside_and_restore_help_with_a_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, bad = _store_with_a_bad_row(BAD_ROWS["added yesterday"])
    assert main(["bookmarks", "export", str(tmp_path / "all.json")]) == 0
    assert main(["bookmarks", "restore"]) == 0  # the backup holds the row too: still readable
    assert main(["bookmarks", "salvage", str(tmp_path / "saved.json")]) == 0
    _, err = capsys.readouterr()
    assert f"bookmark #{bad} is saved in part (its added 'yesterday' cannot be read)" in err
    assert main(["bookmarks", "set-aside"]) == 0  # not refused: the store holds a bad row
    _, err = capsys.readouterr()
    assert "1 bookmark in the store cannot be read in full" in err
    assert main(["bookmarks", "import", str(tmp_path / "saved.json")]) == 0
    out, _ = capsys.readouterr()
    assert "2 added" in out
    with BookmarkStore.open() as store:
        assert sorted(b.note for b in store.list()) == ["坏行的笔记", "好的笔记"]
        assert not any(b.problem for b in store.list())


def test_set_aside_still_refuses_a_sound_store(capsys: pytest.CaptureFixture[str]) -> None:
    with BookmarkStore.open() as store:
        store.add(next(Catalog.read(bundled_corpus()).articles()))
    assert main(["bookmarks", "set-aside"]) == 1
    assert "not damaged" in capsys.readouterr()[1]


def test_the_windows_bookmarks_panel_shows_a_bad_row_flagged() -> None:
    from PySide6.QtCore import Qt

    from reader.ui.models.bookmarks import BookmarkModel

    good, bad = _store_with_a_bad_row(BAD_ROWS["page and date"])
    model = BookmarkModel()
    with BookmarkStore.open() as store:
        model.set_bookmarks(store.list())
    shown = {model.bookmark(r).id: r for r in range(model.rowCount())}
    flagged = model.index(shown[bad], 0)
    assert str(flagged.data()).startswith("⚠ ")
    shown_tip = str(flagged.data(Qt.ItemDataRole.ToolTipRole))
    tip = html.unescape(re.sub(r"<[^>]+>", "", shown_tip))  # escaped: it is never markup
    assert "its page 'x' cannot be read" in tip and "its date 'soon' cannot be read" in tip
    assert "坏行的笔记" in tip
    assert not str(model.index(shown[good], 0).data()).startswith("⚠")


def test_the_import_command_names_each_skipped_entry_and_never_ends_in_70(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"note": "好", "article": {"id": "a1", "title": "好的文章标题", "paper": "上城报"}}
    bad = [{"added": "yesterday"}, {"article": {"paper": {"x": 1}}}, {"article": {"page": 1}}]
    entries = [good] + [{**good, **b, "article": {**good["article"], "id": f"b{n}",
                                                 **b.get("article", {})}}
                        for n, b in enumerate(bad)]
    entries[3]["article"]["page"] = "@"
    path = tmp_path / "in.json"
    text = json.dumps({"format": "newspaper-reader-bookmarks", "version": 1,
                       "bookmarks": entries}, ensure_ascii=False)
    path.write_text(text.replace('"@"', "1e400"), encoding="utf-8")
    assert main(["bookmarks", "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and "3 skipped" in out
    assert "  skipped entry 2: added is 'yesterday'" in out
    assert "  skipped entry 3: article.paper is an object" in out
    assert "  skipped entry 4: article.page is Infinity, not a page number" in out
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "newspaper-reader-bookmarks", "bookmarks": '
                    + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert main(["bookmarks", "import", str(deep)]) == 1
    out, err = capsys.readouterr()
    assert err.startswith(f"reader: {deep} is not a bookmarks file (it is nested more than 64")
    assert err.count("\n") == 1
    assert main(["bookmarks", "list"]) == 0  # the store is as it was: one bookmark
    assert capsys.readouterr()[0].count("好的文章标题") == 1
