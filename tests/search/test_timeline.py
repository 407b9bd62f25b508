"""The timeline's counts per period, checked against a brute-force count of every article."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.generate import generate_library
from reader.corpus.catalog import Catalog
from reader.search import QueryError, SearchIndex, parse_query
from reader.search.scan import ScanDoc, matches
from reader.search.timeline import timeline


def _period_of(day: dt.date, by: str) -> str:
    if by == "year":
        return str(day.year)
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _occurrences(doc: ScanDoc, text: str) -> int:
    """Occurrences of ``text`` in the headline, byline and body, overlapping ones included."""
    return sum(sum(1 for i in range(len(f)) if f.startswith(text, i))
               for f in (doc.head, doc.byline, doc.body))


def _brute(docs: list[ScanDoc], query: str, by: str) -> tuple[Counter[str], Counter[str]]:
    q = parse_query(query)
    articles: Counter[str] = Counter()
    occ: Counter[str] = Counter()
    for d in docs:
        if d.date is not None and matches(d, q):
            key = _period_of(d.date, by)
            articles[key] += 1
            occ[key] += sum(_occurrences(d, t.text) for t in q.terms)
    return articles, occ


def _check(index: SearchIndex, docs: list[ScanDoc], queries: list[str], by: str) -> None:
    tl = timeline(index, queries, by=by, occurrences=True)
    labels = [p.label for p in tl.periods]
    assert len(set(labels)) == len(labels)
    dated = [d for d in docs if d.date is not None]
    assert labels[0] == _period_of(min(d.date for d in dated), by)  # type: ignore[type-var]
    assert labels[-1] == _period_of(max(d.date for d in dated), by)  # type: ignore[type-var]
    everything = Counter(_period_of(d.date, by) for d in dated)  # type: ignore[arg-type]
    assert dict(zip(labels, tl.totals, strict=True)) == {k: everything[k] for k in labels}
    for i, query in enumerate(queries):
        articles, occ = _brute(docs, query, by)
        assert sum(articles.values()) > 0, query
        series = tl.series[i]
        assert {k: v for k, v in zip(labels, series.articles, strict=True) if v} \
            == dict(articles)
        assert {k: v for k, v in zip(labels, series.occurrences or (), strict=True) if v} \
            == dict(occ)
        shares = tl.values(i, "share")
        assert all(0.0 <= s <= 1.0 for s in shares)
        assert max(shares) > 0


def test_seed_counts_match_a_brute_force_count(seed_index: SearchIndex,
                                               scan_docs: list[ScanDoc]) -> None:
    for by in ("year", "month", "week"):
        _check(seed_index, scan_docs, ["疫情", "钱塘 -上城", "金承涛 date:2022"], by)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, list[ScanDoc]]:
    base = tmp_path_factory.mktemp("timeline")
    info = generate_library(base / "library", 1500, seed=3)
    library = Catalog.read(info.root, db_path=base / "catalog.sqlite")
    index = SearchIndex(base / "index.sqlite3", info.root)
    index.update(library)
    return index, [ScanDoc.of(a) for a in library.articles()]


def test_generated_counts_match_over_ten_years(
        generated: tuple[SearchIndex, list[ScanDoc]]) -> None:
    index, docs = generated
    queries = ["疫情防控", "共同富裕", '"人民" paper:上城报', "钱塘 OR 萧山"]
    for by in ("year", "month", "week"):
        _check(index, docs, queries, by)
    years = timeline(index, queries[:1], by="year")
    assert [p.label for p in years.periods] == [str(y) for y in range(2013, 2023)]


def test_repeated_and_overlapping_occurrences_are_each_counted(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Counted from the engine (no article is read): 哈哈 in 哈哈哈哈 is three occurrences, as
    # the article view steps through them; a long article and a short one weigh the same.
    root = tmp_path / "lib"
    root.mkdir()
    filler = "街道组织居民开展志愿服务活动。" * 40
    days = {1: ("哈哈镜展览开幕", "哈哈哈哈,孩子们笑了。" + filler),
            2: ("社区新闻", filler + "哈哈。" + filler * 3 + "哈哈哈。")}
    for day, (title, body) in days.items():
        (root / f"p{day}.txt").write_text(
            f"钱塘新区报\n\n2022年8月{day}日 第2版\n\n## {title}\n\n本报讯 {body}\n\n",
            encoding="utf-8")
    library = Catalog.read(root, db_path=tmp_path / "catalog.sqlite")
    index = SearchIndex(tmp_path / "i.sqlite3", root)
    index.update(library)
    with caplog.at_level(logging.WARNING, logger="reader.search"):
        tl = timeline(index, ["哈哈", '"哈哈哈"'], by="week", occurrences=True)
    assert not caplog.records  # not the fallback that reads the text
    assert tl.series[0].occurrences is not None and tl.series[1].occurrences is not None
    assert sum(tl.series[0].occurrences) == (1 + 3) + (1 + 2)
    assert sum(tl.series[1].occurrences) == 2 + 1


def test_periods_filter_to_themselves(generated: tuple[SearchIndex, list[ScanDoc]]) -> None:
    index, _ = generated
    tl = timeline(index, ["人民"], by="month")
    busiest = max(range(len(tl.periods)), key=lambda i: tl.series[0].articles[i])
    period = tl.periods[busiest]
    hits = index.search(f"人民 {period.query_filter()}", limit=1)
    assert hits.total == tl.series[0].articles[busiest]


def test_a_bad_query_is_refused(seed_index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="unclosed quote"):
        timeline(seed_index, ['"疫情'])


def test_weeks_are_iso_weeks(seed_index: SearchIndex) -> None:
    tl = timeline(seed_index, ["钱塘"], by="week")
    for p in tl.periods:
        assert p.start.weekday() == 0 and (p.end - p.start).days == 6
        assert p.label == f"{p.start.isocalendar().year}-W{p.start.isocalendar().week:02d}"


def test_empty_library(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    library = Catalog.read(tmp_path / "lib", db_path=tmp_path / "catalog.sqlite")
    index = SearchIndex(tmp_path / "i.sqlite3", library.root)
    index.update(library)
    tl = timeline(index, ["钱塘"], by="year")
    assert tl.periods == () and tl.series[0].total == 0
