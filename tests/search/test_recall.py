"""Recall on the seeds: the index returns exactly the articles a full scan finds.

Queries of every kind: each character of the seeds, a sample of pairs, longer strings cut at
and inside jieba words, phrases, filters, OR and exclusions.
"""

from __future__ import annotations

import random

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.scan import ScanDoc, scan
from reader.search.segment import segmenter


def check(index: SearchIndex, docs: list[ScanDoc], query: str) -> int:
    q = parse_query(query)
    truth = set(scan(docs, q))
    found = index.matching_ids(q)
    assert len(found) == len(set(found)), query
    assert set(found) == truth, query
    assert index.search(q, limit=0).total == len(truth), query
    return len(truth)


def test_every_single_character(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    chars = sorted({c for d in scan_docs for c in d.head + d.byline + d.body
                    if not c.isspace() and c != '"'})
    assert len(chars) > 1000
    for c in chars:
        assert check(seed_index, scan_docs, f'"{c}"') > 0


def test_pairs_and_longer_strings(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    rnd = random.Random(3)
    paragraphs = [p for d in scan_docs for p in d.body.split("\n") if len(p) > 12]
    for length in (2, 2, 3, 4, 5, 6, 8, 12):
        for _ in range(60):
            body = rnd.choice(paragraphs)
            start = rnd.randrange(0, len(body) - length)
            text = body[start : start + length]
            if '"' in text or any(c.isspace() for c in text):
                continue
            assert check(seed_index, scan_docs, f'"{text}"') > 0


def test_inside_and_across_jieba_words(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    for q in ["承涛", "民主", "人民民", "燕俊", "塘新区", "疫情防", "区领导金", "强调,要"]:
        check(seed_index, scan_docs, q)
    words = [w for d in scan_docs[:6] for w in segmenter().cut(d.body) if len(w) >= 3]
    for w in words[:80]:
        check(seed_index, scan_docs, f'"{w[1:]}"')
        check(seed_index, scan_docs, f'"{w[:-1]}"')


def test_strings_that_occur_nowhere(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    for q in ["翟汐澜", "金涛承", "承涛金", "民主人民", "zzz", "区区区区"]:
        assert check(seed_index, scan_docs, q) == 0


@pytest.mark.parametrize("query", [
    "金承涛 疫情", "金承涛 -疫情", "钱塘 OR 上城", "title:金承涛", "byline:郁佳炜", "byline:赵一霖 疫情",
    "title:疫情 OR title:民主", "金承涛 date:2022", "date:2022-08", "date:2020-04-01..2021-12-31",
    "paper:上城报", "paper:钱塘 -date:2022-10", "区 paper:上城报 OR paper:钱塘新区报",
    '"全过程人民民主"', "党（工）委", "党(工)委", "ＡＰＰ", "app", "-金承涛 date:2022",
    "國家", "钱塘 -date:2021",
])
def test_query_forms(seed_index: SearchIndex, scan_docs: list[ScanDoc], query: str) -> None:
    check(seed_index, scan_docs, query)


def test_filters_given_as_arguments(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    import datetime as dt

    q = parse_query("金承涛")
    for papers, start, end in [(["上城报"], None, None), (None, dt.date(2022, 1, 1), None),
                               (["钱塘新区报"], dt.date(2021, 1, 1), dt.date(2022, 8, 31))]:
        truth = set(scan(scan_docs, q, papers, start, end))
        found = seed_index.matching_ids(q, papers=papers, date_from=start, date_to=end)
        assert set(found) == truth


def test_words_of_derived_headlines(seed_index: SearchIndex, scan_docs: list[ScanDoc]) -> None:
    # A derived headline's words rank as a headline's, yet title: matches what was printed
    # and the ellipsis a derived headline may end with is not in the text.
    from reader.corpus.model import derived_title

    derived = [derived_title(d.body) for d in scan_docs if not d.head]
    assert derived
    words = {w for t in derived for w in segmenter().cut(t) if w.strip() and '"' not in w}
    for w in sorted(words)[:150]:
        check(seed_index, scan_docs, f'"{w}"')
        check(seed_index, scan_docs, f'title:"{w}"')
    check(seed_index, scan_docs, '"…"')
