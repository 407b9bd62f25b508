"""The command line on a shared archive: an administrator's three commands, and a reader's
``reader --library postgresql://… search|show|bookmarks`` answering as on a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_init_import_info_then_search_show_and_bookmarks(
        database: str, small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "init", database]) == 0
    assert main(["server", "init", database]) == 1  # never twice over an archive
    assert "already" in capsys.readouterr().err
    assert main(["server", "migrate", database]) == 0
    assert "up to date" in capsys.readouterr().out
    stats = _json(capsys, "server", "import", database, str(small_library), "--json")
    assert stats["added"] == 5 and stats["articles"] == 28  # type: ignore[index]
    info = _json(capsys, "server", "info", database, "--json")
    assert info["articles"] == 28 and info["date_range"] == ["2020-04-21", "2022-10-31"]  # type: ignore[index]
    desktop = _json(capsys, "--library", str(small_library), "search", "金承涛", "--json")
    shared = _json(capsys, "--library", database, "search", "金承涛", "--json")
    assert shared["total"] == desktop["total"] == 12  # type: ignore[index]
    assert {h["id"] for h in shared["hits"]} == {h["id"] for h in desktop["hits"]}  # type: ignore[index]
    for hit in shared["hits"]:  # type: ignore[index]
        assert all(hit["snippet"][s:e] == "金承涛" for s, e in hit["highlights"])
        assert hit["highlights"]
    shown = _json(capsys, "--library", database, "show", "7b34ed456574", "--query", "金承涛",
                  "--json")
    assert shown["title"] == "凝聚共识把握重点 加快发展现代服务业"  # type: ignore[index]
    assert main(["--library", database, "bookmarks", "add", "7b34ed456574", "--note", "原文"]) == 0
    assert "bookmarked" in capsys.readouterr().out
    marks = _json(capsys, "--library", database, "bookmarks", "list", "--json")
    assert [(m["current_article_id"], m["note"], m["found"]) for m in marks] == [  # type: ignore[index, union-attr]
        ("7b34ed456574", "原文", True)]
    assert main(["--library", database, "bookmarks", "remove", "7b34ed456574"]) == 0
    assert "removed" in capsys.readouterr().out
    assert _json(capsys, "--library", database, "bookmarks", "list", "--json") == []


def test_an_archive_that_cannot_be_reached_is_one_line(
        cluster, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    url = cluster.url("no_such_db")
    assert main(["--library", url, "search", "金承涛"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such_db" in err
    assert main(["server", "info", cluster.url()]) == 1
    assert "reader server init" in capsys.readouterr().err
