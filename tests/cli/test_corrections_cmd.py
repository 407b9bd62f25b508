"""``reader correct …`` and ``reader corrections …`` as a user types them: the corrected
articles show in parse, search, export and citations; list, undo, export and import."""

from __future__ import annotations

import getpass
import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.sidecar import sidecar_path

from ..reliability import procs

SEED = "003_7b8eb04012f19e9f.txt"
SOURCE = f"pages/{SEED}"
VISIT = "6dea3083828c"  # 坚持改革开放创新发展 打造产业高地一流新区 (金承涛's visits)
TAIL = "在综合保税区"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def _hits(capsys: pytest.CaptureFixture[str], query: str, lib: list[str]) -> list[dict]:
    status, out, _ = run(capsys, "search", query, "--json", *lib)
    assert status == 0
    return json.loads(out)["hits"]


def test_a_search_after_a_split_finds_the_new_article(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    (before,) = _hits(capsys, "全球中心仓", lib)
    assert before["id"] == VISIT
    status, out, err = run(capsys, "correct", VISIT, "split-before", TAIL, *lib)
    assert status == 0, err
    assert "split before “在综合保税区”" in out and f"saved in {small_library}" in out
    (after,) = _hits(capsys, "全球中心仓", lib)
    assert after["id"] != VISIT and after["title"].startswith(TAIL)
    kept = _hits(capsys, "金承涛首先来到医药港小镇", lib)  # the first half: the old article
    assert [h["id"] for h in kept] == [VISIT]


def test_an_export_and_a_citation_of_a_corrected_article_show_the_correction(
        capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path) -> None:
    lib = ["--library", str(small_library)]
    status, out, _ = run(capsys, "correct", VISIT, "--json", "set-title", "金承涛调研产业平台",
                         *lib)
    assert status == 0
    data = json.loads(out)
    (article,) = [a for a in data["articles"] if a["title"] == "金承涛调研产业平台"]
    target = tmp_path / "visit.md"
    assert run(capsys, "export", article["id"], "--output", str(target), *lib)[0] == 0
    text = target.read_text("utf-8")
    assert "金承涛调研产业平台" in text and "打造产业高地一流新区" not in text
    status, out, _ = run(capsys, "cite", article["id"], *lib)
    assert status == 0 and "金承涛调研产业平台[N]. 钱塘新区报, 2021-11-26(1)" in out


def test_parse_shows_the_corrected_page_and_raw_the_parsers_own(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "correct", VISIT, "split-before", TAIL, *lib)
    page = str(small_library / SOURCE)
    status, out, _ = run(capsys, "parse", page, "--json")
    assert status == 0 and len(json.loads(out)[0]["articles"]) == 5
    status, out, _ = run(capsys, "parse", page, "--json", "--raw")
    assert status == 0 and len(json.loads(out)[0]["articles"]) == 4
    status, out, _ = run(capsys, "parse", page)
    assert "5. [" in out and "在综合保税区,金承涛调研全球中心仓  (derived title)" in out


def test_list_says_who_corrected_what_and_whether_it_still_applies(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "correct", VISIT, "split-before", TAIL, *lib)
    run(capsys, "correct", "661c93f18119", "edit", "昨日下午召开", "昨日下午在杭州召开", *lib)
    status, out, _ = run(capsys, "corrections", "list", "--json", *lib)
    (page,) = json.loads(out)
    assert page["source"] == SOURCE and page["date"] == "2021-11-26"
    assert [(c["op"], c["status"], c["by"]) for c in page["corrections"]] == [
        ("split", "applied", getpass.getuser()), ("edit", "applied", getpass.getuser())]
    split_made = page["corrections"][0]["articles"]  # the article split and the new one
    assert len(split_made) == 2 and split_made[0] == VISIT
    (new_part,) = _hits(capsys, "全球中心仓", lib)
    assert split_made[1] == new_part["id"]
    page = small_library / SOURCE
    text = page.read_text("utf-8")
    page.write_text(text.replace(TAIL, "在综保区"), "utf-8")  # another extraction's words
    out = run(capsys, "corrections", "list", *lib)[1]
    assert "NO LONGER APPLIES" not in out  # found by the rest of its anchor
    start = text.index(TAIL)
    page.write_text(text[:start] + text[text.index("\n", start):], "utf-8")  # paragraph gone
    status, out, _ = run(capsys, "corrections", "list", *lib)
    assert status == 0
    assert "1. split before “在综合保税区”" in out and "NO LONGER APPLIES" in out
    assert "2. “昨日下午召开” → “昨日下午在杭州召开”" in out and "(applies)" in out
    status, _, err = run(capsys, "index", *lib)
    assert "a correction no longer applies: 1. split before" in err


def test_undo_takes_back_the_last_corrections(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "correct", VISIT, "split-before", TAIL, *lib)
    run(capsys, "correct", "c4490fcce952", "set-kicker", "", *lib)
    status, out, _ = run(capsys, "corrections", "undo", *lib)
    assert status == 0 and "undone: pages/003_7b8eb04012f19e9f.txt: kicker set to “”" in out
    assert len(_hits(capsys, "学习宣传贯彻党的十九届六中全会精神", lib)) >= 1
    assert run(capsys, "corrections", "undo", "1", *lib)[0] == 0
    assert not sidecar_path(small_library / SOURCE).exists()
    assert _hits(capsys, "全球中心仓", lib)[0]["id"] == VISIT
    status, _, err = run(capsys, "corrections", "undo", *lib)
    assert status == 1 and "no correction" in err


def test_export_then_import_on_another_machine(
        capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "correct", VISIT, "split-before", TAIL, *lib)
    run(capsys, "correct", VISIT, "set-byline", "首席记者 郁佳炜 通讯员 王五", *lib)
    exported = tmp_path / "corrections.json"
    status, out, _ = run(capsys, "corrections", "export", str(exported), *lib)
    assert status == 0 and "exported 2 corrections of 1 pages" in out
    elsewhere = tmp_path / "other-machine" / "archive"
    shutil.copytree(small_library, elsewhere)
    sidecar_path(elsewhere / SOURCE).unlink()
    monkeypatch.setenv("READER_HOME", str(tmp_path / "other-home"))
    other = ["--library", str(elsewhere)]
    status, out, _ = run(capsys, "corrections", "import", str(exported), *other)
    assert status == 0 and "2 corrections added to 1 pages, 0 already there" in out
    status, out, _ = run(capsys, "corrections", "import", str(exported), *other)
    assert "0 corrections added to 0 pages, 2 already there" in out
    (hit,) = _hits(capsys, "全球中心仓", other)
    assert hit["title"].startswith(TAIL)
    assert "王五" in run(capsys, "show", VISIT, *other)[1]


def test_bad_corrections_are_refused_with_the_reason(
        capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path) -> None:
    lib = ["--library", str(small_library)]
    cases = [
        (["correct", "nosuchid", "merge-next"], "no article with id nosuchid"),
        (["correct", VISIT, "split-before", "没有这句话"], "is not in the body of this article"),
        (["correct", VISIT, "set-role", "首席记者 郁佳炜", "caption"], "'caption' is not one of"),
        (["correct", VISIT, "set-date", "2021-13-45"], "is not a date like 2022-05-06"),
        (["corrections", "import", str(tmp_path / "none.json")], "none.json: no such file"),
    ]
    for argv, message in cases:
        status, _, err = run(capsys, *argv, *lib)
        assert status == 1 and message in err and err.count("\n") == 1, (argv, err)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "newspaper-reader-corrections", "schema": 1, "pages": '
                   '[{"corrections": [{"op": "explode"}]}]}', "utf-8")
    status, _, err = run(capsys, "corrections", "import", str(bad), *lib)
    assert status == 1 and "bad.json: page 1: op = 'explode' is not one of" in err
    assert not sidecar_path(small_library / SOURCE).exists()


def test_a_page_field_is_set_in_the_sidecar_and_undone(
        capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    status, _, _ = run(capsys, "correct", VISIT, "set-issue", "286", *lib)
    assert status == 0
    status, out, _ = run(capsys, "parse", str(small_library / SOURCE), "--json")
    assert json.loads(out)[0]["issue_no"] == 286
    assert "page issue_no set to 286" in run(capsys, "corrections", "list", *lib)[1]
    run(capsys, "corrections", "undo", *lib)
    assert not sidecar_path(small_library / SOURCE).exists()


def test_a_read_only_library_keeps_its_corrections_in_the_users_overlay(
        small_library: Path, _isolated_home: Path) -> None:
    before = {p: p.read_bytes() for p in small_library.rglob("*") if p.is_file()}
    lib = ["--library", str(small_library)]
    with procs.read_only(small_library):
        done = procs.run(["correct", VISIT, "split-before", TAIL, *lib],
                         read_only_respected=True)
        search = procs.run(["search", "全球中心仓", "--json", *lib], read_only_respected=True)
        listed = procs.run(["corrections", "list", *lib], read_only_respected=True)
    assert done.returncode == 0, done.stderr
    assert "kept in your overlay" in done.stdout and "cannot be written" in done.stdout
    (hit,) = json.loads(search.stdout)["hits"]
    assert hit["title"].startswith(TAIL)
    assert "split before “在综合保税区”" in listed.stdout and "(applies)" in listed.stdout
    notes = list((_isolated_home / "data" / "corrections").glob("*/README.txt"))
    assert len(notes) == 1 and str(small_library.resolve()) in notes[0].read_text("utf-8")
    assert {p: p.read_bytes() for p in small_library.rglob("*") if p.is_file()} == before


PAGE_ONE = """钱塘新区报
2022年8月10日 星期三

## 凝聚共识 加快发展现代服务业

■首席记者 吴宇翔

本报讯 9日上午，全区服务业高质量发展推进会召开。会议研究部署下一阶段工作，要求各部门抓好落实，推动服务业提质增效。(下转第2版)

## 区政协召开部门工作通报会

■记者 董笑瑜

本报讯 昨日，区政协召开部门工作通报会，听取有关部门工作情况通报。
"""
PAGE_TWO = """钱塘新区报
2022年8月10日 星期三

## 社区里的晴雨客厅

■记者 季辰欣

本报讯 近日，望江街道的晴雨客厅开门迎客，居民在这里议事协商。

## 凝聚共识 加快发展现代服务业

(上接第1版)会议强调，要在打造现代服务业高地上奋勇争先，培育新业态新模式，让服务业成为经济增长的主引擎。
"""


def _jump_library(tmp_path: Path, two: str = PAGE_TWO) -> tuple[Path, Path]:
    day = tmp_path / "jumps" / "钱塘新区报" / "2022-08-10"
    day.mkdir(parents=True)
    (day / "第1版.txt").write_text(PAGE_ONE, "utf-8")
    (day / "第2版.txt").write_text(two, "utf-8")
    return tmp_path / "jumps", day


def _ids(capsys: pytest.CaptureFixture[str], page: Path) -> dict[str, str]:
    status, out, _ = run(capsys, "parse", str(page), "--json")
    assert status == 0
    return {a["title"]: a["id"] for a in json.loads(out)[0]["articles"]}


def test_an_article_merged_across_its_jump_is_one_article_on_its_first_page(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root, day = _jump_library(tmp_path)
    lib = ["--library", str(root)]
    first = _ids(capsys, day / "第1版.txt")["凝聚共识 加快发展现代服务业"]
    status, out, err = run(capsys, "correct", first, "merge-next", "--across", *lib)
    assert status == 0, err
    assert "now shown as one article" in out
    (hit,) = _hits(capsys, "主引擎", lib)
    assert hit["page"] == 1 and hit["title"] == "凝聚共识 加快发展现代服务业"
    assert list(_ids(capsys, day / "第2版.txt")) == ["社区里的晴雨客厅"]
    # Another extraction of the second page alone shows on the first page at once.
    (day / "第2版.txt").write_text(PAGE_TWO.replace("主引擎", "主力军"), "utf-8")
    (hit,) = _hits(capsys, "主力军", lib)
    assert hit["page"] == 1
    # One undo takes back both halves, each sidecar as it was (here: none).
    status, out, _ = run(capsys, "corrections", "undo", *lib)
    assert status == 0 and out.count("undone:") == 2
    assert not list(day.glob("*.meta.toml"))
    assert _hits(capsys, "主力军", lib)[0]["page"] == 2


def test_a_continuation_the_parser_glued_on_is_split_off_then_joined(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    glued = PAGE_TWO.replace("## 凝聚共识 加快发展现代服务业\n\n", "")
    root, day = _jump_library(tmp_path, glued)
    lib = ["--library", str(root)]
    (only,) = _ids(capsys, day / "第2版.txt").values()
    assert run(capsys, "correct", only, "split-before", "会议强调", *lib)[0] == 0
    kept = (day / "第2版.meta.toml").read_bytes()
    (tail,) = [i for t, i in _ids(capsys, day / "第2版.txt").items() if t != "社区里的晴雨客厅"]
    first = _ids(capsys, day / "第1版.txt")["凝聚共识 加快发展现代服务业"]
    status, _, err = run(capsys, "correct", tail, "merge-previous", "--across", "--with", first,
                         *lib)
    assert status == 0, err
    (hit,) = _hits(capsys, "主引擎", lib)
    assert hit["page"] == 1
    run(capsys, "corrections", "undo", *lib)
    assert (day / "第2版.meta.toml").read_bytes() == kept
    assert not (day / "第1版.meta.toml").exists()
