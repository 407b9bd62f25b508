"""How often queries occur over time: matching articles per year, month or week (no Qt here).

    tl = timeline(index, ["共同富裕", "疫情防控 paper:钱塘"], by="month")
    tl.periods                  # every period from the archive's first date to its last
    tl.series[0].articles       # matching articles per period
    tl.values(0, "share")       # … as a share of all the period's articles (0..1)
    tl.values(0, "occurrences") # occurrences of the query (with ``occurrences=True``)

The queries are the search language, filters included; the periods span the dates of every
article in the index, so that several queries line up and empty periods show as zero.
Undated articles are counted apart (``Series.undated``). Built on ``SearchIndex.dated_matches``:
how many of each query's matches are on each day (counted in the engine), nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from .matches import DatedMatches

By = Literal["year", "month", "week"]
Measure = Literal["articles", "occurrences", "share"]
BYS: tuple[By, ...] = ("year", "month", "week")
MEASURES: tuple[Measure, ...] = ("articles", "occurrences", "share")
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Period:
    """One bar of the timeline: ``2022``, ``2022-08`` or ``2022-W32``, first and last day."""

    label: str
    start: dt.date
    end: dt.date

    def query_filter(self) -> str:
        """The ``date:`` filter that keeps only this period."""
        return f"date:{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True)
class Series:
    """One query's counts, a value per period of its ``Timeline``."""

    query: str
    articles: tuple[int, ...]
    occurrences: tuple[int, ...] | None
    """None unless the timeline was asked for occurrences."""
    total: int
    """All matching articles, undated ones included."""
    undated: int


@dataclass(frozen=True)
class Timeline:
    by: By
    periods: tuple[Period, ...]
    totals: tuple[int, ...]
    """All articles of each period, matching or not (the base of ``share``)."""
    series: tuple[Series, ...]

    def values(self, index: int, measure: Measure) -> list[float]:
        """Series ``index``'s value per period in ``measure``."""
        s = self.series[index]
        if measure == "occurrences":
            if s.occurrences is None:
                raise ValueError("this timeline was made without occurrences")
            return [float(n) for n in s.occurrences]
        if measure == "share":
            return [a / t if t else 0.0 for a, t in zip(s.articles, self.totals, strict=True)]
        return [float(n) for n in s.articles]


def _days(dates: Ints) -> Ints:
    """Days since 1970-01-01 of ``YYYYMMDD`` integers."""
    years = (dates // 10000 - 1970).astype("datetime64[Y]")
    months = (years.astype("datetime64[M]")
              + (dates // 100 % 100 - 1).astype("timedelta64[M]"))
    days = months.astype("datetime64[D]") + (dates % 100 - 1).astype("timedelta64[D]")
    out: Ints = days.astype(np.int64)
    return out


def period_keys(dates: Ints, by: By) -> Ints:
    """A number per date that orders and groups dates by period (dates must be > 0)."""
    if by == "year":
        return dates // 10000
    if by == "month":
        return (dates // 10000) * 12 + dates // 100 % 100 - 1
    days = _days(dates)
    return days - (days + 3) % 7  # the Monday of its week (1970-01-01 was a Thursday)


def _period(key: int, by: By) -> Period:
    if by == "year":
        return Period(str(key), dt.date(key, 1, 1), dt.date(key, 12, 31))
    if by == "month":
        year, month = divmod(key, 12)
        first = dt.date(year, month + 1, 1)
        nxt = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
        return Period(f"{year}-{month + 1:02d}", first, nxt - dt.timedelta(days=1))
    monday = dt.date(1970, 1, 1) + dt.timedelta(days=key)
    iso = monday.isocalendar()
    return Period(f"{iso.year}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6))


def _keys_between(first: int, last: int, by: By) -> Ints:
    step = 7 if by == "week" else 1
    return np.arange(first, last + 1, step, dtype=np.int64)


def _bucket(keys: Ints, weights: Ints, all_keys: Ints) -> tuple[int, ...]:
    """The sum of ``weights`` (of the days, whose periods are ``keys``) per period."""
    slot = np.searchsorted(all_keys, keys)
    counts = np.bincount(slot, weights=weights, minlength=len(all_keys))
    return tuple(round(float(c)) for c in counts[: len(all_keys)])


class DatedSource(Protocol):
    """What a timeline asks of a search: ``SearchIndex``, or a shared archive's."""

    def dated_matches(self, query: str, occurrences: bool = False,
                      papers: Sequence[str] | None = None, date_from: dt.date | None = None,
                      date_to: dt.date | None = None) -> DatedMatches: ...


def timeline(index: DatedSource, queries: Sequence[str], by: By = "month",
             occurrences: bool = False, papers: Sequence[str] | None = None,
             date_from: dt.date | None = None, date_to: dt.date | None = None) -> Timeline:
    """Counts of each query per period over the archive's dates (``QueryError`` for a query
    that cannot be read, ``IndexNotReady`` before the first build)."""
    if by not in BYS:
        raise ValueError(f"by must be one of {', '.join(BYS)}")
    matches = [index.dated_matches(q, occurrences, papers, date_from, date_to) for q in queries]
    every = matches[0] if matches else index.dated_matches("date:..9999", False)
    dated_days = every.all_dates > 0
    if not dated_days.any():
        return Timeline(by, (), (), tuple(
            Series(q, (), () if occurrences else None, m.total, m.total)
            for q, m in zip(queries, matches, strict=True)))
    all_period_keys = period_keys(every.all_dates[dated_days], by)
    keys = _keys_between(int(all_period_keys.min()), int(all_period_keys.max()), by)
    totals = _bucket(all_period_keys, every.all_articles[dated_days], keys)
    series = []
    for q, m in zip(queries, matches, strict=True):
        dated = m.dates > 0
        match_keys = period_keys(m.dates[dated], by)
        occ = None
        if m.occurrences is not None:
            occ = _bucket(match_keys, m.occurrences[dated], keys)
        series.append(Series(q, _bucket(match_keys, m.articles[dated], keys), occ, m.total,
                             int(m.articles[~dated].sum())))
    periods = tuple(_period(int(k), by) for k in keys)
    return Timeline(by, periods, totals, tuple(series))
