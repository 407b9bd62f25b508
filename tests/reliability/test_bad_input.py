"""Bad input in a library: each odd file is reported by name and reason, the rest loads.

One test per case of issue 6's list, run through the catalog (what the window and the CLI use).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.corpus.sidecar import sidecar_path

from ..conftest import SEEDS

GOOD = SEEDS[0]


def _library_with(tmp_path: Path, name: str, data: bytes) -> Catalog:
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy(GOOD, root / GOOD.name)
    (root / name).write_bytes(data)
    return Catalog(root)


def _only_problem(catalog: Catalog) -> tuple[str, str]:
    result = catalog.sync()
    assert catalog.counts()["pages"] >= 1, "the good page must still load"
    assert len(result.problems) == 1, result.problems
    return result.problems[0].path, result.problems[0].text


CASES = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t\n", "empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
    ("scan.txt", b"%PDF-1.7\n" + bytes(300), "PDF"),
    ("big5.txt", "錢塘新區報 全省各級人大常委會主任學習會與區領導來我區考察。".encode("big5") * 20,
     "not UTF-8, GB18030/GBK or UTF-16"),
    ("random.txt", bytes(range(256)) * 40, "binary"),
]


@pytest.mark.parametrize(("name", "data", "reason"), CASES, ids=[c[0] for c in CASES])
def test_unreadable_file_is_reported_with_its_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path, message = _only_problem(_library_with(tmp_path, name, data))
    assert path == name
    assert reason in message


def test_a_file_too_large_to_be_a_page(tmp_path: Path) -> None:
    catalog = _library_with(tmp_path, "dump.txt", b"")
    with (catalog.root / "dump.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB (sparse: cheap to make)
    start = time.monotonic()
    path, message = _only_problem(catalog)
    assert path == "dump.txt" and "50 MB, too large" in message
    assert time.monotonic() - start < 10


def test_truncated_mid_character_loads_with_a_warning(tmp_path: Path) -> None:
    data = SEEDS[2].read_bytes().rstrip()[:-1]  # cut the last character in half
    catalog = _library_with(tmp_path, "cut.txt", data)
    assert not catalog.sync().problems
    page = catalog.page("cut.txt")
    assert page is not None and any("middle of a character" in w.text for w in page.warnings)


def test_long_lines_and_control_characters_do_not_hang(tmp_path: Path) -> None:
    body = ("很长的一行没有标点的文字" * 10_000 + "。\n").encode("utf-8")
    ctrl = GOOD.read_text("utf-8").replace("本报讯", "本报\x07讯", 1).encode("utf-8")
    root = tmp_path / "lib"
    root.mkdir()
    (root / "long.txt").write_bytes(b"## title\n\n" + body)
    (root / "ctrl.txt").write_bytes(ctrl)
    catalog = Catalog(root)
    start = time.monotonic()
    assert not catalog.sync().problems
    assert time.monotonic() - start < 10
    long_page = catalog.page("long.txt")
    assert long_page is not None and long_page.articles[0].length > 100_000
    ctrl_page = catalog.page("ctrl.txt")
    assert ctrl_page is not None
    assert any("control character" in w.text for w in ctrl_page.warnings)


def test_two_files_claiming_the_same_page(tmp_path: Path) -> None:
    catalog = _library_with(tmp_path, "again.txt", GOOD.read_bytes().replace(b"QIANTANG", b"Q"))
    path, message = _only_problem(catalog)
    assert path == GOOD.name or path == "again.txt"
    assert "same paper, date and page" in message and "2022-08-10" in message


def test_invalid_sidecar_is_a_problem_and_the_page_loads(tmp_path: Path) -> None:
    catalog = _library_with(tmp_path, "x.txt", b"## t\n\nbody.\n")
    sidecar_path(catalog.root / GOOD.name).write_text("date = [1, 2\n", "utf-8")
    path, message = _only_problem(catalog)
    assert path == GOOD.name and "sidecar" in message and "TOML" in message
    page = catalog.page(GOOD.name)
    assert page is not None and len(page.articles) == 6
