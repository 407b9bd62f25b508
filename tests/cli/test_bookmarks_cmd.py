"""``reader bookmarks …`` as a user types it: add, list, remove, export, import, restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_add_list_and_remove(capsys: pytest.CaptureFixture[str], small_library: Path) -> None:
    lib = ["--library", str(small_library)]
    status, out, _ = run(capsys, "bookmarks", "add", "0f419ca80aa8", "--note", "防控原文",
                         "--tag", "疫情", "--tag", "钱塘", *lib)
    assert status == 0 and "切实织密疫情防控网" in out
    assert run(capsys, "bookmarks", "add", "4e35fbaaaeec", "--tag", "社区", *lib)[0] == 0
    status, out, _ = run(capsys, "bookmarks", "list", *lib)
    assert status == 0
    assert out.index("打造西湖边的“晴雨客厅”") < out.index("切实织密疫情防控网")  # newest first
    assert "[疫情, 钱塘]" in out and "防控原文" in out
    status, out, _ = run(capsys, "bookmarks", "list", "--json", "--tag", "疫情", *lib)
    (item,) = json.loads(out)
    assert item["note"] == "防控原文" and item["found"] is True
    assert item["citation"]["gbt7714"].startswith("郁佳炜. 切实织密疫情防控网")
    assert run(capsys, "bookmarks", "remove", "0f419ca80aa8")[0] == 0
    status, out, _ = run(capsys, "bookmarks", "list", "--json", *lib)
    assert [b["article"]["id"] for b in json.loads(out)] == ["4e35fbaaaeec"]


def test_unknown_ids_fail_with_one_line(capsys: pytest.CaptureFixture[str],
                                        small_library: Path) -> None:
    status, out, err = run(capsys, "bookmarks", "add", "nosuchid", "--library",
                           str(small_library))
    assert status != 0 and out == ""
    assert err.count("\n") == 1 and "no article with id nosuchid" in err
    status, _, err = run(capsys, "bookmarks", "remove", "#7")
    assert status != 0 and err.count("\n") == 1 and "no bookmark #7" in err


def test_a_bookmark_not_in_the_library_is_listed_as_kept(
    capsys: pytest.CaptureFixture[str], small_library: Path, tmp_path: Path
) -> None:
    assert run(capsys, "bookmarks", "add", "7aafc7f2f744", "--note", "招商",
               "--library", str(small_library))[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    status, out, _ = run(capsys, "bookmarks", "list", "--library", str(other))
    assert status == 0
    assert "我区召开招商引资工作推进会" in out and "not found in this library" in out


def test_export_then_import_elsewhere(capsys: pytest.CaptureFixture[str], small_library: Path,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = ["--library", str(small_library)]
    run(capsys, "bookmarks", "add", "d72c54c81242", "--note", "望江", *lib)
    run(capsys, "bookmarks", "add", "996d23204079", "--note", "红星联盟", *lib)
    out_file = tmp_path / "bm.json"
    status, out, _ = run(capsys, "bookmarks", "export", str(out_file), *lib)
    assert status == 0 and "exported 2 bookmarks" in out
    monkeypatch.setenv("READER_HOME", str(tmp_path / "second-machine"))
    status, out, _ = run(capsys, "bookmarks", "import", str(out_file))
    assert status == 0 and "2 added" in out
    status, out, _ = run(capsys, "bookmarks", "import", str(out_file))
    assert "0 added" in out and "2 already there" in out
    status, out, _ = run(capsys, "bookmarks", "list", "--json", *lib)
    assert sorted(b["note"] for b in json.loads(out)) == ["望江", "红星联盟"]


def test_unwritable_export_and_bad_import_fail_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    status, _, err = run(capsys, "bookmarks", "export", str(blocker / "bm.json"))
    assert status != 0 and err.startswith("reader: cannot write") and err.count("\n") == 1
    status, _, err = run(capsys, "bookmarks", "import", str(blocker))
    assert status != 0 and "not a bookmarks file" in err


def test_a_damaged_store_is_reported_and_restored(
    capsys: pytest.CaptureFixture[str], small_library: Path, _isolated_home: Path
) -> None:
    run(capsys, "bookmarks", "add", "d72c54c81242", "--note", "望江",
        "--library", str(small_library))
    store = _isolated_home / "data" / "bookmarks.sqlite3"
    store.write_bytes(b"\x00garbage" * 1000)
    status, _, err = run(capsys, "bookmarks", "list")
    assert status != 0 and "damaged" in err and "reader bookmarks restore" in err
    assert store.read_bytes() == b"\x00garbage" * 1000
    status, out, _ = run(capsys, "bookmarks", "restore")
    assert status == 0 and "kept as" in out
    status, out, _ = run(capsys, "bookmarks", "list", "--json", "--library", str(small_library))
    assert [b["note"] for b in json.loads(out)] == ["望江"]
