"""The parser on real pages of another paper (../shared/realworld): the scorer's measures.

The pages are parsed in this process and scored as ``../shared/realworld/score.py`` scores them
(see ``benchmarks/realworld.py``), with one difference, stated where it is made: a record's
probes may run across the dateline or the closing credit that the parser moves into the byline,
so they are looked for in the byline and the body. The same pages stripped of indentation and
carriage returns (as PDF extraction gives them) must still be read well.
"""

from __future__ import annotations

import pytest

from benchmarks import realworld as rw
from reader.corpus import parse_page
from reader.corpus.dateline import split_lead

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (rw.REALWORLD / "gold").is_dir(), reason="../shared/realworld is not on this machine"
    ),
]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return rw.load()


@pytest.fixture(scope="module")
def dev(pages: dict[str, str]) -> rw.Score:
    return rw.score(pages, printed=True)


@pytest.fixture(scope="module")
def stripped(pages: dict[str, str]) -> rw.Score:
    return rw.score({k: rw.strip_page(v) for k, v in pages.items()}, printed=True)


def test_articles_are_found_whole_on_the_dev_pages(dev: rw.Score) -> None:
    assert dev.f1 >= 0.95, dev.line()
    assert dev.title >= 0.97, dev.line()


def test_nothing_of_a_page_is_lost(dev: rw.Score, stripped: rw.Score) -> None:
    assert dev.kept == 1.0 and stripped.kept == 1.0, (dev.line(), stripped.line())


def test_pages_without_indentation_or_crlf_are_still_read(stripped: rw.Score) -> None:
    assert stripped.f1 >= 0.85, stripped.line()


def test_no_article_opens_its_body_with_a_dateline(pages: dict[str, str]) -> None:
    opened = [
        f"{name}: {article.paragraphs[0].text[:30]}"
        for name, text in pages.items()
        for article in parse_page(text, name).articles
        if article.paragraphs and split_lead(article.paragraphs[0].text)
    ]
    assert not opened, opened[:10]
