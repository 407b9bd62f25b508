"""The parser on real pages of another paper (../shared/realworld): the scorer's measures.

The pages are parsed in this process and scored as ``../shared/realworld/score.py`` scores them
(see ``benchmarks/realworld.py``): a record's probes are looked for in the parsed bodies. The
same pages stripped of indentation and carriage returns, or hard-wrapped into one line per
printed line (as PDF extractions give them), must still be read well.
"""

from __future__ import annotations

import pytest

from benchmarks import realworld as rw
from reader.corpus import parse_page
from reader.corpus.dateline import read_lead

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
    return rw.score(pages)


@pytest.fixture(scope="module")
def stripped(pages: dict[str, str]) -> rw.Score:
    return rw.score({k: rw.strip_page(v) for k, v in pages.items()})


def test_articles_are_found_whole_on_the_dev_pages(dev: rw.Score) -> None:
    assert dev.f1 >= 0.95, dev.line()
    assert dev.title >= 0.97, dev.line()


def test_nothing_of_a_page_is_lost(dev: rw.Score, stripped: rw.Score) -> None:
    assert dev.kept == 1.0 and stripped.kept == 1.0, (dev.line(), stripped.line())


def test_pages_without_indentation_or_crlf_are_still_read(stripped: rw.Score) -> None:
    assert stripped.f1 >= 0.85, stripped.line()


def test_hard_wrapped_pages_are_read_as_well_as_whole_lines(pages: dict[str, str]) -> None:
    # One line per printed line, columns of 11 to 22 characters, as a PDF's text gives them.
    wrapped = rw.score({k: rw.wrap_page(v, seed=n) for n, (k, v) in enumerate(pages.items())})
    assert wrapped.f1 >= 0.95 and wrapped.kept == 1.0, wrapped.line()
    bare = rw.score(
        {k: rw.wrap_page(v, indent=False, seed=n) for n, (k, v) in enumerate(pages.items())})
    assert bare.f1 >= 0.85, bare.line()


def test_a_dateline_opening_a_report_gives_its_byline_and_filing_line(
    pages: dict[str, str],
) -> None:
    # The text keeps 本报北京2月14日电（记者施芳）where it is printed; the byline and the filing
    # line are read from it.
    read, unread = 0, []
    for name, text in pages.items():
        for article in parse_page(text, name).articles:
            lead = read_lead(article.paragraphs[0].text) if article.paragraphs else None
            if lead is None or not lead.credit:
                continue
            read += 1
            if lead.credit not in (article.byline or "") or lead.filing != article.filing:
                unread.append(f"{name}: {article.paragraphs[0].text[:30]} / {article.byline}")
    assert read > 1000 and not unread, unread[:10]
