"""Names that are not UTF-8, deep folders and sidecars, long names and special files (issue 12):
each is a problem of its own file or folder at most, and the rest of the library works."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.catalog import Catalog
from reader.corpus.sidecar import sidecar_path

from ..conftest import SEEDS
from .procs import READER, run_command

GOOD = SEEDS[0]  # 钱塘新区报 2022-08-10
UNDATED = SEEDS[1]  # 钱塘新区报, no date
SHANGCHENG = SEEDS[2]  # 上城报 2020-04-21

needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the file system takes only valid names"
)


def _library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy(GOOD, root / GOOD.name)
    return root


def _copy_to_bytes_name(src: Path, folder: Path, name: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(src.read_bytes())


@needs_bytes_names
def test_names_that_are_not_utf8_are_read_indexed_and_shown_decoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    folder = os.path.join(os.fsencode(root), "旧版".encode("gbk"))
    os.mkdir(folder)
    _copy_to_bytes_name(UNDATED, Path(os.fsdecode(folder)), "无日期.txt".encode("gbk"))
    _copy_to_bytes_name(SHANGCHENG, root, b"\xff\xfe-page.txt")  # not GBK either
    for command in (["index"], ["library", "info", "--json"], ["search", "金承涛", "--json"],
                    ["search", "上城区", "--json"]):
        assert main([*command, "--library", str(root)]) == 0, command
        out, err = capsys.readouterr()
        assert "Traceback" not in err and "unexpected" not in err
        if command[0] == "library":
            info = json.loads(out)
            assert info["undated_pages"] == ["旧版/无日期.txt"]
            assert info["pages"] == 3 and info["problems"] == []
        if command[0] == "search":
            assert json.loads(out)["total"] > 0, command
    from reader.corpus.walk import source_path

    sources = set(Catalog(root).stamps())
    assert sources == {GOOD.name, "旧版/无日期.txt", "\ufffd\ufffd-page.txt"}
    for source in sources:  # each source leads back to its file
        assert source_path(root, source).read_bytes() in {
            s.read_bytes() for s in (GOOD, UNDATED, SHANGCHENG)}


@needs_bytes_names
def test_a_name_that_reads_like_another_once_decoded_is_kept_apart(tmp_path: Path) -> None:
    root = _library(tmp_path)
    (root / "上城报.txt").write_bytes(SHANGCHENG.read_bytes())
    _copy_to_bytes_name(UNDATED, root, "上城报.txt".encode("gbk"))
    from reader.corpus.walk import source_path

    catalog = Catalog(root)
    assert not catalog.sync().problems
    sources = sorted(catalog.stamps())
    assert len(sources) == 3 and "上城报.txt" in sources
    (other,) = [s for s in sources if s not in ("上城报.txt", GOOD.name)]
    assert "\\x" in other  # shown with its bytes, not as the other file's name
    assert source_path(root, other).read_bytes() == UNDATED.read_bytes()


@pytest.fixture
def deep_folders(tmp_path: Path) -> Iterator[Path]:
    """A library with 1,000 nested folders, removed afterwards without recursion (pytest's
    own clean-up would overflow the stack on it)."""
    root = _library(tmp_path)
    subprocess.run(["python3", "-c", "import os\nfor _ in range(1000): os.mkdir('d'); "
                    "os.chdir('d')"], cwd=root, check=True)
    yield root
    subprocess.run(["rm", "-rf", str(root / "d")], check=True)


def test_a_thousand_nested_folders_are_one_problem_and_the_rest_loads(
    deep_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = deep_folders
    (root / "shallow").mkdir()
    shutil.copy(SHANGCHENG, root / "shallow" / SHANGCHENG.name)
    assert main(["library", "info", "--library", str(root)]) == 0
    out, err = capsys.readouterr()
    assert "2 pages, 12 articles, 1 problem file" in out
    (line,) = err.splitlines()
    assert line.startswith("reader: d/d/d/") and "nested more than 32 deep" in line
    assert main(["index", "--library", str(root)]) == 0
    assert "12 articles in the index" in capsys.readouterr().out


def test_a_sidecar_nested_5000_deep_is_a_problem_of_its_page_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    shutil.copy(SHANGCHENG, root / SHANGCHENG.name)
    sidecar_path(root / GOOD.name).write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    sidecar_path(root / SHANGCHENG.name).write_text(
        "paper." + ".".join(["k"] * 5000) + " = 1\n", "utf-8")  # deep through dotted keys
    assert main(["library", "info", "--library", str(root)]) == 0
    out, err = capsys.readouterr()
    assert "2 pages, 12 articles, 2 problem files" in out
    lines = err.splitlines()
    assert len(lines) == 2 and all("sidecar" in x and "more than 16 deep" in x for x in lines)


def test_a_page_name_of_255_bytes_without_sidecar_is_no_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    long_name = "版" * 83 + ".txt"  # 253 bytes: its sidecar's name would not fit
    shutil.copy(SHANGCHENG, root / long_name)
    assert main(["library", "info", "--library", str(root)]) == 0
    out, err = capsys.readouterr()
    assert "2 pages, 12 articles, 0 problem files" in out and err == ""


def test_links_leaving_the_library_and_special_files_are_reported_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SHANGCHENG, outside / "page.txt")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "elsewhere").symlink_to(outside)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "inside.txt").symlink_to(root / GOOD.name)  # stays in the library: read
    os.mkfifo(root / "pipe.txt")
    assert main(["library", "info", "--library", str(root)]) == 0
    out, err = capsys.readouterr()
    assert "1 issues, 2 pages, 12 articles, 5 problem files" in out
    found = dict(line.removeprefix("reader: ").split(": ", 1) for line in err.splitlines())
    assert "outside the library" in found["passwd.txt"] and "/etc/passwd" in found["passwd.txt"]
    assert "outside the library" in found["elsewhere"]
    assert "broken link" in found["gone.txt"]
    assert "named pipe" in found["pipe.txt"]
    assert "same paper, date and page" in found["inside.txt"]
    assert main(["search", "root", "--json", "--library", str(root)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0


def _parse_bounded(path: str) -> tuple[int, str]:
    """``reader parse PATH`` with 1 GB of memory and 20 s at most."""
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
    code = limit + "import sys; from reader.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = run_command([READER[0], "-c", code, "parse", path], timeout=20)
    return proc.returncode, proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_parse_of_a_device_is_refused_without_reading_it() -> None:
    status, err = _parse_bounded("/dev/zero")
    assert status == 1 and err.strip() == "reader: /dev/zero: it is a device, not a regular " \
        "file; not read"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_parse_of_a_named_pipe_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    status, err = _parse_bounded(str(tmp_path / "pipe.txt"))
    assert status == 1 and "named pipe, not a regular file" in err


@needs_bytes_names
def test_reader_add_reports_every_file_with_odd_and_long_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, incoming / seed.name)
        sidecar_path(incoming / seed.name).write_text(f'paper = "{"报" * 300}"\n', "utf-8")
    _copy_to_bytes_name(SHANGCHENG, incoming, "上城报.txt".encode("gbk"))
    library = tmp_path / "lib"
    library.mkdir()
    assert main(["add", str(incoming), "--library", str(library), "--json"]) == 0
    out = capsys.readouterr().out
    report = json.loads(out)
    assert len(report["added"]) == 6 and not report["problems"] and report["indexed"]
    assert "上城报/2020/04-21/上城报.txt" in report["added"]
    assert main(["library", "info", "--json", "--library", str(library)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["pages"] == 6 and not info["problems"]


@needs_bytes_names
def test_a_library_folder_whose_name_is_not_utf8_is_indexed_and_searched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), "报刊库".encode("gbk"))))
    root.mkdir()
    shutil.copy(GOOD, root / GOOD.name)
    assert main(["index", "--library", str(root)]) == 0
    assert "6 articles in the index" in capsys.readouterr().out
    assert main(["search", "吴宇翔", "--json", "--library", str(root)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    assert main(["library", "info", "--json", "--library", str(root)]) == 0
    assert json.loads(capsys.readouterr().out)["root"].endswith("报刊库")
