"""``reader index``, ``reader search`` and ``reader show`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_index_then_search_json(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "index", "--library", str(small_library))
    assert status == 0 and "28 articles in the index" in out
    status, out, _ = run(capsys, "search", "金承涛 date:2022", "--json", "--limit", "3",
                         "--library", str(small_library))
    assert status == 0
    data = json.loads(out)
    assert set(data) == {"query", "total", "hits"}
    assert data["query"] == "金承涛 date:2022" and data["total"] == 5
    assert len(data["hits"]) == 3
    for hit in data["hits"]:
        assert set(hit) == {"id", "paper", "date", "page", "title", "snippet", "highlights",
                            "score"}
        assert hit["date"].startswith("2022-")
        for start, end in hit["highlights"]:
            assert hit["snippet"][start:end] == "金承涛"


def test_search_builds_the_index_when_needed(small_library: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "search", "民主", "--library", str(small_library))
    assert status == 0
    assert "indexing" in err
    assert out.startswith("2 articles match 民主")


def test_sort_by_date(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "金承涛", "--sort", "date", "--json", "--limit", "50",
                    "--library", str(small_library))
    dates = [h["date"] for h in json.loads(out)["hits"] if h["date"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1


def test_malformed_query_exits_2_with_one_line(small_library: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "search", '"金承涛', "--library", str(small_library))
    assert status == 2 and out == ""
    last = err.strip().splitlines()[-1]
    assert last.startswith("reader: bad query: unclosed quote")


def test_show_with_query_highlights(small_library: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "7b34ed456574", "--query", "金承涛", "--json",
                         "--library", str(small_library))
    assert status == 0
    data = json.loads(out)
    assert data["title"] == "凝聚共识把握重点 加快发展现代服务业"
    assert data["highlights"]
    for span in data["highlights"]:
        assert data[span["field"]][span["start"] : span["end"]] == "金承涛"


def test_show_unknown_id_fails(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "000000000000", "--library", str(small_library))
    assert status != 0
    assert "no article with id 000000000000" in err


def test_index_rebuild_says_why(small_library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "index", "--library", str(small_library))
    status, out, _ = run(capsys, "index", "--rebuild", "--library", str(small_library))
    assert status == 0
    assert "28 articles in the index (rebuilt: asked to rebuild): 28 added" in out


def test_one_and_no_match_are_said_plainly(capsys) -> None:
    from reader.cli import main

    assert main(["search", '"人民民主"']) == 0
    assert capsys.readouterr().out.startswith('1 article matches "人民民主"')
    assert main(["search", "不存在的词语组合"]) == 0
    assert capsys.readouterr().out.startswith("no article matches 不存在的词语组合")
