"""A query's words cut from the small words file are jieba's own, so the ranking is the same.

``reader search`` cuts its terms without building rjieba's whole dictionary
(``reader.search.query_words``); these tests compare that cut with the whole segmenter's on
texts of the seed pages, on the user dictionary's local names, and through the command line,
where the hits and their scores must not change.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reader.search import SearchIndex, query_words, segment
from reader.search.fold import fold
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(segment._ENGINE != "rjieba", reason="rjieba is not installed")


def test_cuts_of_seed_texts_and_local_names_are_jiebas() -> None:
    query_words.write_words()
    assert query_words.words_path().exists()
    text = fold("".join(p.read_text(encoding="utf-8") for p in SEEDS))
    rng = random.Random(19)
    samples = [text[i : i + rng.randint(2, 14)]
               for i in (rng.randrange(len(text) - 16) for _ in range(1500))]
    names = [word for word, _, _ in segment.parse_user_dict(segment.user_dict_text())]
    samples += names + [f"{a}强调{b}工作" for a, b in zip(names, reversed(names), strict=True)]
    samples += ["翟汐澜", "濮阳砚秋在鹭栖湾驿站", "金承涛疫情防控", "区委书记金承涛"]
    whole = segment.segmenter()
    differing = [(s, whole.cut(s), query_words._small_cut(s)) for s in samples
                 if whole.cut(s) != query_words._small_cut(s)]
    assert not differing[:5]
    assert len(samples) > 1500


def _search(library: Path, home: Path, query: str) -> dict[str, object]:
    env = {**os.environ, "READER_HOME": str(home)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "reader", "search", query,
                           "--json", "--limit", "50", "--library", str(library)],
                          env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    data: dict[str, object] = json.loads(done.stdout)
    data["dictionary_loaded"] = any(line.rstrip().endswith("| rjieba")
                                    for line in done.stderr.splitlines())
    return data


def test_a_search_ranks_alike_with_the_words_file_and_without_it(small_library: Path) -> None:
    home = Path(os.environ["READER_HOME"])
    subprocess.run([sys.executable, "-m", "reader", "index", "--library", str(small_library)],
                   env={**os.environ}, cwd=ROOT, capture_output=True, check=True)
    assert query_words.words_path().exists()  # written by reader index
    index = SearchIndex.for_library(small_library)
    segment.segmenter()  # this process cuts with the whole dictionary
    for query in ("疫情防控", "金承涛 发展", "钱塘 OR 上城"):
        small = _search(small_library, home, query)
        assert not small["dictionary_loaded"]
        whole = index.search(query, limit=50)
        assert whole.total and small["total"] == whole.total
        assert [(h["id"], h["score"]) for h in small["hits"]] == [  # type: ignore[attr-defined]
            (h.id, h.score) for h in whole.hits]
