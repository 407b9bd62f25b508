"""``reader parse``, ``reader add`` and ``reader library info`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

from ..conftest import CORPUS, SEEDS


def test_parse_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(SEEDS[3])]) == 0
    (page,) = json.loads(capsys.readouterr().out)
    assert {"source", "paper", "date", "weekday", "lunar", "issue_no", "page_count", "page",
            "articles", "guide", "leftover", "warnings"} <= set(page)
    assert page["date"] == "2021-11-26" and page["issue_no"] == 285
    article = page["articles"][2]
    assert {"id", "kicker", "title", "subtitle", "byline", "body", "continues_on"} <= set(article)
    assert article["continues_on"] == 2 and article["kicker"] is None


def test_parse_reports_an_unreadable_file_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["parse", str(bad), str(SEEDS[0])]) == 1
    out = capsys.readouterr()
    assert f"{bad}: it is a PNG image" in out.err
    assert "全省各级人大常委会主任学习会与区领导来我区考察" in out.out


def test_add_then_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    assert main(["add", str(CORPUS), "--library", str(library), "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert len(added["added"]) == 5
    (library / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["library", "info", "--library", str(library), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["date_range"] == ["2020-04-21", "2022-10-31"]
    assert (info["issues"], info["pages"], info["articles"]) == (5, 5, 28)
    assert info["undated_pages"] == ["钱塘新区报/undated/001_7373efc8816d55bd.txt"]
    assert [p["path"] for p in info["problems"]] == ["junk.txt"]
    # In English for the reader, with the kind and parameters a program can act on.
    assert {k: info["problems"][0][k] for k in ("message", "kind", "params")} == {
        "message": "it looks like a binary file, not page text", "kind": "binary", "params": {}}
    assert main(["library", "info", "--library", str(library)]) == 0
    assert "junk.txt: it looks like a binary file, not page text" in capsys.readouterr().err
    papers = {p["paper"]: p for p in info["papers"]}
    assert papers["上城报"]["articles"] == 6 and papers["钱塘新区报"]["pages"] == 4


def test_add_refuses_the_bundled_corpus_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", str(SEEDS[0])]) != 0
    assert "bundled corpus" in capsys.readouterr().err
    assert main(["add", str(tmp_path / "nope.txt"), "--library", str(tmp_path)]) != 0
    assert "no such file" in capsys.readouterr().err


def test_library_open_becomes_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    main(["add", str(SEEDS[2]), "--library", str(library)])
    assert main(["library", "open", str(library)]) == 0
    capsys.readouterr()
    assert main(["library", "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["root"] == str(library.resolve())


def test_python_dash_m_reader_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "reader", "parse", str(SEEDS[2])],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "上城报 2020-04-21 星期二" in out


# -- names, records and where each field came from (issues 18 and 10) --------------------

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"


def test_parse_json_says_where_each_field_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "钱塘新区报" / "2022年8月10日" / "第2版.txt"
    page.parent.mkdir(parents=True)
    page.write_text("## 标题\n\n本报讯 正文。\n", "utf-8")
    assert main(["parse", "--json", str(page), str(SEEDS[3])]) == 0
    named, printed = json.loads(capsys.readouterr().out)
    assert (named["paper"], named["date"], named["page"]) == ("钱塘新区报", "2022-08-10", 2)
    assert named["provenance"] == {"paper": "path", "date": "path", "page": "path"}
    assert printed["provenance"]["date"] == "masthead"
    assert main(["parse", str(page)]) == 0
    assert "date ← path" in capsys.readouterr().out


def _info(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared real-world pages are not on this machine)")
    assert main(["library", "info", "--json", "--library", str(folder)]) == 0
    return json.loads(capsys.readouterr().out)


FEBRUARY = ["2019-02-01", "2019-02-28"]


def test_info_on_real_pages_without_masthead(capsys: pytest.CaptureFixture[str]) -> None:
    info = _info(REALWORLD / "pages" / "2019-02", capsys)
    assert (info["issues"], info["undated_pages"], info["date_range"]) == (28, [], FEBRUARY)
    (paper,) = info["papers"]
    assert paper["date_from"].get("path", 0) >= 400
    assert info["problems"] == []  # date lines of documents on a page are no masthead


def test_info_on_real_article_records(capsys: pytest.CaptureFixture[str]) -> None:
    info = _info(REALWORLD / "records" / "2019-02", capsys)
    assert (info["issues"], info["undated_pages"], info["date_range"]) == (28, [], FEBRUARY)
    assert info["articles"] == info["article_records"] == 1789
    assert info["problems"] == []


def test_add_a_record_folder_then_info(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    scraped = tmp_path / "scraped" / "20190201"
    scraped.mkdir(parents=True)
    for page, n in ((1, 1), (1, 2), (3, 1)):
        (scraped / f"20190201-{page:02d}-{n:02d}.txt").write_bytes(
            f"\r\n第{page}版第{n}篇\r\n\r\n\u3000\u3000正文。\r\n".encode())
    library = tmp_path / "lib"
    library.mkdir()
    (library / "library.toml").write_text('schema = 1\npaper = "示例日报"\n', "utf-8")
    assert main(["add", "--library", str(library), str(scraped.parent)]) == 0
    capsys.readouterr()
    assert main(["library", "info", "--library", str(library)]) == 0
    out = capsys.readouterr().out
    assert "示例日报: 1 issues, 2 pages, 3 articles (2019-02-01 … 2019-02-01)" in out
    assert "3 articles are files of their own" in out
    assert "library.toml (paper of the pages naming none: 示例日报)" in out


def test_library_before_the_command_is_the_library_it_uses(
    tmp_path: Path, small_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader --library DIR COMMAND` is `reader COMMAND --library DIR`, not the default one."""
    (small_library / "pages" / SEEDS[1].name).unlink()
    assert main(["--library", str(small_library), "library", "info"]) == 0
    out = capsys.readouterr().out
    assert str(small_library) in out and str(CORPUS) not in out
    assert main(["--library", str(tmp_path / "nowhere"), "search", "金承涛"]) == 1
    assert "no such library folder" in capsys.readouterr().err
