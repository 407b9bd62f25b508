"""The query language: what each form means, and clear errors for malformed queries."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.query import DateRange, Query, QueryError, parse_query


def texts(q: Query) -> list[list[str]]:
    return [[t.text for t in g] for g in q.groups]


def test_spaces_mean_and() -> None:
    assert texts(parse_query("金承涛 疫情防控")) == [["金承涛"], ["疫情防控"]]


def test_quotes_keep_a_phrase_with_its_spaces() -> None:
    q = parse_query('"钱塘  新区" 报')
    assert texts(q) == [["钱塘 新区"], ["报"]]


def test_minus_excludes() -> None:
    q = parse_query("疫情 -核酸")
    assert [t.text for t in q.excluded] == ["核酸"]


def test_or_joins_its_neighbours_only() -> None:
    assert texts(parse_query("钱塘 OR 上城 街道")) == [["钱塘", "上城"], ["街道"]]


def test_lower_case_or_is_a_word() -> None:
    assert texts(parse_query("a or b")) == [["a"], ["or"], ["b"]]


def test_fields() -> None:
    q = parse_query('title:金承涛 byline:"郁佳炜" paper:上城报 标题：疫情')
    assert [(t.field, t.text) for t in q.terms] == [
        ("title", "金承涛"), ("byline", "郁佳炜"), ("title", "疫情")]
    assert q.papers == ("上城报",)


def test_unknown_field_is_plain_text() -> None:
    assert texts(parse_query("http://x.cn")) == [["http://x.cn"]]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("date:2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("date:2022-02", dt.date(2022, 2, 1), dt.date(2022, 2, 28)),
    ("date:2022-08-01", dt.date(2022, 8, 1), dt.date(2022, 8, 1)),
    ("date:2022-08-01..2022-10-31", dt.date(2022, 8, 1), dt.date(2022, 10, 31)),
    ("date:2021..", dt.date(2021, 1, 1), None),
    ("date:..2020-04", None, dt.date(2020, 4, 30)),
])
def test_dates(text: str, start: dt.date | None, end: dt.date | None) -> None:
    assert parse_query(text).dates == (DateRange(start, end),)


def test_query_text_is_folded() -> None:
    assert texts(parse_query("党（工）委 ＡＢＣ")) == [["党(工)委"], ["abc"]]


@pytest.mark.parametrize(("text", "words"), [
    ('"金承涛', "unclosed quote"),
    ("date:2022-13", "no month 13"),
    ("date:2022-02-30", "no day 30"),
    ("date:yesterday", "bad date"),
    ("date:2022-10..2022-01", "ends before it starts"),
    ("", "empty"),
    ("   ", "empty"),
    ('""', "empty quotes"),
    ("-疫情", "only exclude"),
    ("OR 钱塘", "OR needs a word"),
    ("钱塘 OR", "OR needs a word"),
    ("title:", "needs a word"),
    ("钱塘 OR -上城", "cannot join an excluded"),
])
def test_malformed_queries_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(text)
    assert words in str(err.value)


QUERY_ALPHABET = st.sampled_from([*'金承涛区 "-:OR.titledaypr0123456789（）：＂\u3000\n', "OR", "date:", "title:", "paper:", "..", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(QUERY_ALPHABET, max_size=20).map("".join) | st.text(max_size=40))
def test_parser_never_crashes(text: str) -> None:
    try:
        q = parse_query(text)
    except QueryError as err:
        assert str(err)
    else:
        assert q.groups or q.papers or q.dates
        assert all(t.text for t in q.terms)


@pytest.mark.parametrize("text", [
    "疫情 " * 350_000,  # a million characters of words
    "疫情 " + "-paper:上城报 " * 100_000,
    "金" * 1_000_000,
], ids=["words", "excluded papers", "one word"])
def test_an_absurdly_long_query_is_refused_saying_how_long_a_query_may_be(text: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_query(text)
    message = str(err.value)
    assert f"{len(text):,} characters" in message
    assert "at most 2,000" in message


def test_a_long_query_within_the_limit_is_read_in_full() -> None:
    text = " ".join(["疫情"] + [f"-paper:报{n}" for n in range(60)] + ['"钱塘 新区"'])
    assert len(text) < 2000
    q = parse_query(text)
    assert texts(q) == [["疫情"], ["钱塘 新区"]]
    assert q.excluded_papers == tuple(f"报{n}" for n in range(60))


def test_too_many_filters_are_refused_with_a_reason() -> None:
    with pytest.raises(QueryError, match="more than 64 paper: and date: filters"):
        parse_query("疫情 " + " ".join(f"-paper:{n}" for n in range(65)))
