"""The command line names every problem file on stderr and counts them in its summary, and the
rest of the library is indexed and searchable."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import main
from reader.corpus.sidecar import sidecar_path

from ..conftest import SEEDS

BAD_FILES = {
    "empty.txt": b"",
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "scan.txt": b"%PDF-1.7\n" + bytes(300),
    "big5.txt": "錢塘新區報 全省各級人大常委會主任學習會。".encode("big5") * 20,
}


@pytest.fixture
def odd_library(tmp_path: Path) -> Path:
    """The seeds, four unreadable files, a sidecar that is not TOML and a second copy of a
    page: six problem files."""
    root = tmp_path / "odd"
    root.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    for name, data in BAD_FILES.items():
        (root / name).write_bytes(data)
    with (root / "dump.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    sidecar_path(root / SEEDS[2].name).write_text("date = [1, 2\n", "utf-8")
    (root / "again.txt").write_bytes(SEEDS[0].read_bytes().replace(b"QIANTANG", b"Q"))
    return root


PROBLEMS = {
    "empty.txt": "empty",
    "photo.txt": "PNG image",
    "scan.txt": "PDF",
    "big5.txt": "not UTF-8",
    "dump.txt": "too large",
    SEEDS[2].name: "sidecar",
}


def _problem_lines(err: str) -> dict[str, str]:
    lines = [line.removeprefix("reader: ") for line in err.splitlines()
             if line.startswith("reader: ")]
    return {line.split(": ", 1)[0]: line for line in lines}


def _check_problems(err: str) -> None:
    found = _problem_lines(err)
    for name, reason in PROBLEMS.items():
        assert reason in found.get(name, ""), (name, err)
    duplicate = [line for name, line in found.items()
                 if name in ("again.txt", SEEDS[0].name)]
    assert len(duplicate) == 1 and "same paper, date and page" in duplicate[0]
    assert "Traceback" not in err


def test_index_names_each_problem_file_and_counts_them(
    odd_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "--library", str(odd_library)]) == 0
    out, err = capsys.readouterr()
    _check_problems(err)
    # the six good page files (five seeds and the duplicate) are indexed
    assert out.startswith("34 articles in the index")
    assert "; 7 problem files" in out
    assert main(["search", "金承涛", "--json", "--library", str(odd_library)]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0


def test_library_info_names_each_problem_file_and_counts_them(
    odd_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["library", "info", "--library", str(odd_library)]) == 0
    out, err = capsys.readouterr()
    _check_problems(err)
    assert "6 pages, 34 articles, 7 problem files" in out
    assert "problem" not in out.replace("7 problem files", "")  # the list is on stderr
    assert main(["library", "info", "--json", "--library", str(odd_library)]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["problems"]) == 7
    _check_problems(err)


def test_a_clean_library_reports_no_problem(small_library: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "; 0 problem files" in out and "reader:" not in err
    assert main(["library", "info", "--library", str(small_library)]) == 0
    out, err = capsys.readouterr()
    assert "28 articles, 0 problem files" in out and err == ""


def test_a_line_break_in_a_file_name_cannot_forge_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy(SEEDS[0], root / SEEDS[0].name)
    (root / "bad\nreader: all is well.txt").write_bytes(b"")
    (root / "tab\t\u202eevil.txt").write_bytes(b"")
    assert main(["library", "info", "--library", str(root)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        'reader: "bad\\nreader: all is well.txt": the file is empty',
        'reader: "tab\\t\\u202eevil.txt": the file is empty',
    ]
    assert main(["parse", str(root / "bad\nreader: all is well.txt")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith('reader: "') and line.endswith('all is well.txt": the file is empty')
