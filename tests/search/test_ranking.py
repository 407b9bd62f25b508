"""Ranking: whole words above matches inside a longer word, headlines above bodies."""

from __future__ import annotations

from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex

FILLER = "今天天气晴朗,街道组织居民开展志愿服务活动,大家热情很高。" * 6


def page(day: int, articles: list[tuple[str, str]]) -> str:
    head = f"钱塘新区报\n\n2022年8月{day}日 星期{'一二三四五六日'[(day + 6) % 7]} 第2版\n\n"
    return head + "".join(f"## {title}\n\n■记者 郁佳炜\n\n本报讯 {body}\n\n"
                          for title, body in articles)


def build(tmp_path: Path, pages: dict[str, str]) -> SearchIndex:
    root = tmp_path / "lib"
    root.mkdir()
    for name, text in pages.items():
        (root / name).write_text(text, encoding="utf-8")
    index = SearchIndex.for_library(root)
    catalog = Catalog(root)
    catalog.sync()
    index.update(catalog)
    return index


def titles(index: SearchIndex, query: str) -> list[str]:
    return [h.title for h in index.search(query, limit=10).hits]


def test_whole_word_ranks_above_inside_word(tmp_path: Path) -> None:
    index = build(tmp_path, {
        "a.txt": page(1, [("社区活动一", FILLER + "推进全过程人民民主实践。" + FILLER)]),
        "b.txt": page(2, [("社区活动二", FILLER + "大家要讲民主,作风好。" + FILLER * 2)]),
    })  # the whole-word article is the longer one: only the word match puts it first
    assert titles(index, "民主") == ["社区活动二", "社区活动一"]


def test_headline_ranks_above_body(tmp_path: Path) -> None:
    index = build(tmp_path, {
        "a.txt": page(1, [("街道工作会议召开", FILLER + "会上河庄街道作了交流。" + FILLER)]),
        "b.txt": page(2, [("河庄街道开展植树活动", FILLER * 3)]),
    })  # the headline article is the longer one: only the headline weight puts it first
    assert titles(index, "河庄街道") == ["河庄街道开展植树活动", "街道工作会议召开"]


def test_more_occurrences_rank_higher(tmp_path: Path) -> None:
    index = build(tmp_path, {
        "a.txt": page(1, [("会议一", FILLER + "疫情防控。" + FILLER)]),
        "b.txt": page(2, [("会议二", FILLER + "疫情防控。疫情防控要抓实。疫情防控。" + FILLER)]),
    })
    assert titles(index, "疫情防控") == ["会议二", "会议一"]


def test_sort_by_date_ignores_relevance(tmp_path: Path) -> None:
    index = build(tmp_path, {
        "a.txt": page(1, [("疫情防控会议", FILLER + "疫情防控。" * 5)]),
        "b.txt": page(9, [("其他会议", FILLER + "疫情防控。")]),
    })
    assert [h.date.day for h in index.search("疫情防控", sort="date").hits] == [9, 1]
    assert [h.date.day for h in index.search("疫情防控", sort="date-asc").hits] == [1, 9]


def test_derived_headline_ranks_as_a_headline(seed_index: SearchIndex) -> None:
    # On the seeds, 区委书记金承涛专题调研区属国企工作 is the headline the list shows for an
    # article whose page lost its own (derived from its first sentence): it must rank with
    # the articles whose headlines name 金承涛, above those that only mention him.
    def shown_headline(article_id: str) -> str:
        article = seed_index.article(article_id)
        assert article is not None
        return article.headline or article.display_title

    hits = seed_index.search("金承涛", limit=50).hits
    in_headline = ["金承涛" in shown_headline(h.id) for h in hits]
    assert "区委书记金承涛专题调研区属国企工作" in [h.title for h in hits[:5]]
    assert in_headline == sorted(in_headline, reverse=True)
    assert any(in_headline) and not all(in_headline)


def test_a_one_word_term_scores_the_same_alone_and_beside_other_clauses(
        seed_index: SearchIndex) -> None:
    # The flat union a lone term gets and the nested form it gets beside a filter are two
    # shapes of one query: the same articles with the same scores.
    from reader.search.engine import term_query
    from reader.search.query import Term

    searcher = seed_index._searcher()
    schema = seed_index._engine_index().schema
    for text in ("金承涛", "发展", "街道", "的"):
        term = Term(text)
        shapes = [searcher.search(term_query(schema, term, searcher.doc_freq, alone=alone),
                                  200).hits for alone in (True, False)]
        flat, nested = ([(a.segment_ord, a.doc, round(s, 4)) for s, a in hits]
                        for hits in shapes)
        assert flat and sorted(flat) == sorted(nested), text
