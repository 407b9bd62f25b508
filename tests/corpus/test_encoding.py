"""Page files in UTF-8 (BOM or not), GB18030/GBK and UTF-16 are read; others are refused."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.corpus.encoding import DecodeError, decode_page_bytes
from reader.corpus.library import PageError, load_page

TEXT = "钱塘新区报\n2022年8月10日 星期三\n\n## 全省各级人大常委会主任学习会\n\n■首席记者 吴宇翔\n\n本报讯 9日上午,考察。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_supported_encodings_read_the_same_page(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    page = load_page(path)
    assert page.encoding == encoding
    assert page.paper == "钱塘新区报"
    assert page.articles[0].title == "全省各级人大常委会主任学习会"
    assert page.articles[0].byline == "首席记者 吴宇翔"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (TEXT.encode("big5", errors="ignore") * 3, "encoding"),
        (TEXT.encode("shift_jis", errors="ignore") * 3, "encoding"),
    ],
)
def test_other_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_page_bytes(data)


def test_truncated_in_the_middle_of_a_character(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(TEXT.encode("utf-8")[:-2])  # "。\n" → the last 。 loses a byte
    page = load_page(path)
    assert any("middle of a character" in w.text for w in page.warnings)
    assert page.articles[0].title == "全省各级人大常委会主任学习会"


def test_a_bad_file_is_reported_and_the_rest_of_the_library_loads(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    catalog = Catalog.read(tmp_path)
    assert list(catalog.stamps()) == ["good.txt"]
    problems = catalog.problems()
    assert [p.path for p in problems] == ["scan.txt"]
    assert "PNG" in problems[0].text
    with pytest.raises(PageError):
        load_page(tmp_path / "scan.txt")


def test_file_names_are_valid_text_whatever_their_bytes() -> None:
    from reader.corpus.encoding import escaped_name, name_text

    gbk = os.fsdecode("上城报第一版.txt".encode("gbk"))  # as the file system hands it over
    assert name_text(gbk) == "上城报第一版.txt"
    assert escaped_name(gbk).startswith("\\xc9") and escaped_name(gbk).endswith(".txt")
    junk = os.fsdecode(b"\xff\xfe.txt")  # neither UTF-8 nor GBK
    assert name_text(junk) == "\ufffd\ufffd.txt"
    for name in (gbk, junk, "\ud800.txt"):  # a broken UTF-16 name (Windows) too
        name_text(name).encode("utf-8")
        escaped_name(name).encode("utf-8")
    assert name_text("钱塘新区报.txt") == escaped_name("钱塘新区报.txt") == "钱塘新区报.txt"
