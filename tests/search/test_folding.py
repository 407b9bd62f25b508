"""Folding: the forms a reader types differently but means the same."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search.fold import fold


def test_full_width_punctuation_and_letters_fold_to_half_width() -> None:
    assert fold("党（工）委") == "党(工)委"
    assert fold("，") == fold(",")
    assert fold("ＡＢＣ１２３") == "abc123"


def test_latin_case_is_ignored() -> None:
    assert fold("QIANTANG New Area") == "qiantang new area"


def test_traditional_characters_fold_to_simplified() -> None:
    assert fold("國家發展") == "国家发展"
    assert fold("錢塘區") == fold("钱塘区")


def test_ideographic_space_is_a_space() -> None:
    assert fold("钱塘\u3000新区") == "钱塘 新区"


@given(st.text())
def test_folding_keeps_every_offset(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded
