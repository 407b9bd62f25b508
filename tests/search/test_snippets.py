"""Snippets and highlight spans point at the query's text in the article as printed."""

from __future__ import annotations

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex, occurrences, parse_query
from reader.search.fold import fold
from reader.search.snippets import make_snippet


def test_every_highlight_of_every_hit_covers_a_query_term(seed_index: SearchIndex) -> None:
    for query in ("金承涛", "承涛 疫情", "党（工）委", '"全过程人民民主"', "钱塘 OR 上城", "民主"):
        terms = [t.text for t in parse_query(query).terms]
        res = seed_index.search(query, limit=50)
        assert res.hits
        for hit in res.hits:
            assert hit.highlights, (query, hit.snippet)
            for start, end in hit.highlights:
                marked = fold(hit.snippet[start:end])
                assert any(t in marked for t in terms), (query, marked)


def test_snippet_is_cut_from_the_original_text(seed_index: SearchIndex,
                                              seed_library: Catalog) -> None:
    hit = seed_index.search("党(工)委", limit=5).hits
    originals = {h.id: seed_library.article(h.id) for h in hit}
    for h in hit:
        article = originals[h.id]
        assert article is not None
        assert h.snippet.strip("…") in article.body
        # The article printed full-width brackets: the snippet keeps them.
        start, end = h.highlights[0]
        assert h.snippet[start:end] in ("党(工)委", "党（工）委")


def test_snippet_prefers_the_passage_with_most_terms() -> None:
    body = "开头一句话。" * 30 + "\n" + "金承涛强调疫情防控要抓实。" + "\n" + "结尾。" * 30
    snippet, spans = make_snippet("", "", body, parse_query("金承涛 疫情防控").terms, width=40)
    assert "金承涛强调疫情防控" in snippet
    assert [snippet[s:e] for s, e in spans] == ["金承涛", "疫情防控"]


def test_headline_match_gives_a_headline_snippet() -> None:
    snippet, spans = make_snippet("金承涛调研", "记者 郁佳炜", "正文没有这个名字。",
                                  parse_query("title:金承涛").terms)
    assert snippet == "金承涛调研" and spans == [(0, 3)]


def test_occurrences_in_headline_byline_and_body(seed_library: Catalog) -> None:
    article = seed_library.article("7b34ed456574")
    assert article is not None
    spans = occurrences(article, "金承涛 郁佳炜")
    fields = {"kicker": article.kicker, "byline": article.byline, "body": article.body}
    assert {o.field for o in spans} == {"kicker", "byline", "body"}
    for o in spans:
        text = fields[o.field]
        assert text is not None
        assert text[o.start : o.end] in ("金承涛", "郁佳炜")
    assert sum(o.field == "body" for o in spans) == article.body.count("金承涛")
    assert occurrences(article, "title:金承涛") == [o for o in spans if o.field == "kicker"]


def test_overlapping_terms_merge_into_one_span(seed_library: Catalog) -> None:
    article = seed_library.article("3123ebb50c5f")
    assert article is not None
    spans = [o for o in occurrences(article, "人民民主 过程人民") if o.field == "body"]
    assert spans
    for o in spans:
        assert article.body[o.start : o.end] == "过程人民民主"
