"""A phrase is looked up by the pairs the fewest articles hold, and still finds exactly the
articles that hold its text."""

from __future__ import annotations

import itertools
from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.search import SearchIndex
from reader.search.engine import cover

FILLER = "今天天气晴朗,街道组织居民开展志愿服务活动,大家热情很高。"


def covers_every_character(offsets: list[int], pairs: int) -> bool:
    chars = {c for i in offsets for c in (i, i + 1)}
    return chars == set(range(pairs + 1))


def test_the_cover_takes_the_rare_pairs_and_leaves_common_ones() -> None:
    assert cover([900, 5, 900, 900]) == [0, 1, 3]  # the fixed cover (0, 2, 3) lacks pair 1
    assert cover([5, 900, 900, 5]) == [0, 2, 3]
    assert cover([1, 1]) == [0, 1] and cover([7]) == [0]
    # 工作不断 at a million articles: 工作 and 不断 cover it, the rare 作不 is taken too
    assert cover([932_424, 39_057, 560_864]) == [0, 1, 2]
    for costs in ([3, 1, 4, 1, 5, 9, 2, 6], [1] * 7, [9, 9, 9, 1, 9, 9, 9, 9, 9],
                  [9, 9, 9, 9, 1, 9]):
        taken = cover(costs)
        assert covers_every_character(taken, len(costs)), costs
        assert costs.index(min(costs)) in taken, costs
        assert all(b - a <= 2 for a, b in itertools.pairwise(taken)), costs


def page(day: int, articles: list[tuple[str, str]]) -> str:
    head = f"钱塘新区报\n\n2022年8月{day}日 星期{'一二三四五六日'[(day + 6) % 7]} 第2版\n\n"
    return head + "".join(f"## {title}\n\n■记者 郁佳炜\n\n本报讯 {body}\n\n"
                          for title, body in articles)


def test_a_phrase_whose_rarest_pair_is_not_in_the_fixed_cover(tmp_path: Path) -> None:
    # 河庄街道 has the pairs 河庄 庄街 街道; in 河庄街道办 the rare one is 庄街 (offset 1),
    # which the fixed cover (0, 2, 3) leaves out. Articles holding every other pair, but not
    # the text, must not match; the one that holds it must.
    root = tmp_path / "lib"
    root.mkdir()
    near = [(f"会议{i}", FILLER + "河庄村和街道办一起开会。" + FILLER) for i in range(12)]
    split = [("分开", FILLER + "河庄。街道办在此。" + FILLER)]
    whole = [("正文", FILLER + "河庄街道办召开会议。" + FILLER)]
    (root / "a.txt").write_text(page(1, near), encoding="utf-8")
    (root / "b.txt").write_text(page(2, split + whole), encoding="utf-8")
    catalog = Catalog(root)
    catalog.sync()
    index = SearchIndex.for_library(root)
    index.update(catalog)
    results = index.search("河庄街道办", limit=20)
    assert [h.title for h in results.hits] == ["正文"]
    assert results.total == 1
    assert index.matching_ids("庄街道办") == [results.hits[0].id]
