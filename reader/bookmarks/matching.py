"""Finding the stored bookmark of the same article for many incoming ones (an import).

``match_row`` asks SQLite for every bookmark of the paper and compares each: fine for one
bookmark, quadratic for a file of 100,000. A ``Matcher`` reads the store once and keeps, per
bookmark, a few keys that two records of the same article share, in dictionaries:

- the uid and the article id (exact);
- the folded title, and its first six characters, probed with every six characters of the
  incoming headline: a title found inside another headline (a parser that now reads the
  kicker apart, or together) is found, and so is a headline whose title starts the same;
- for the body, the minimisers of its 30-character windows (the 16-character piece with the
  smallest hash in each window: a window two bodies share has the same one), and its first
  8 characters when it is shorter than a window.

Keys are few per bookmark and rarely shared by different articles. Two matches of
``same_article`` that share no key are not found: a title inside the *stored* headline but
not at the start of its title, and a short body inside a longer stored one but not at its
start. The import then adds a bookmark rather than merging two articles.

The few bookmarks sharing a key are then compared with ``same_facts``, the rule of
``same_article``; the first by id wins, as with ``match_row``. Each comparison and lookup
costs the same whatever the size of the store, so an import is linear in its length.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3

from .bookmark import REF_COLUMNS, ref_from_row
from .identity import PROBE_CHARS, ArticleRef, facts_of_ref, same_facts

GRAM = 8
"""A body of at most ``PROBE_CHARS`` matches when it is found whole in another: it is filed
under its first ``GRAM`` characters and probed with every ``GRAM`` of the other body."""
WINDOW_GRAM = 16
"""The pieces of a longer body's windows that are compared (long enough to be rare)."""
TITLE_GRAM = 6
"""A title inside another headline must have at least six characters (``_same_title``)."""


def _grams(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(len(text) - size + 1)]


def _minimisers(body: str) -> set[str]:
    """The smallest-hash ``WINDOW_GRAM`` of every ``PROBE_CHARS`` window of ``body``."""
    grams = _grams(body, WINDOW_GRAM)
    hashes = list(map(hash, grams))
    width = PROBE_CHARS - WINDOW_GRAM + 1
    by_hash = dict(zip(hashes, grams, strict=True))
    return {by_hash[min(hashes[s : s + width])] for s in range(len(hashes) - width + 1)}


class Prepared:
    """An article folded once; the keys it is filed under are worked out when first used."""

    def __init__(self, ref: ArticleRef) -> None:
        self.ref = ref
        self.facts = facts_of_ref(ref)

    @functools.cached_property
    def windows(self) -> frozenset[str]:
        body = self.facts.body
        if len(body) <= PROBE_CHARS:
            return frozenset()
        return frozenset("w" + m for m in _minimisers(body))

    @functools.cached_property
    def keys(self) -> frozenset[str]:
        facts = self.facts
        keys: set[str] = set(self.windows)
        if facts.title:
            keys.add("t" + facts.title)
            if len(facts.title) >= TITLE_GRAM:
                keys.add("h" + facts.title[:TITLE_GRAM])
        if GRAM <= len(facts.body) <= PROBE_CHARS:
            keys.add("s" + facts.body[:GRAM])
        return frozenset(keys)

    def probes(self, short_bodies: bool) -> set[str]:
        """The keys under which a bookmark of the same article may be filed (``short_bodies``:
        some bookmark of the paper has a body shorter than a window)."""
        facts = self.facts
        probes = {"h" + g for g in _grams(facts.headline, TITLE_GRAM)}
        if facts.title:
            probes.add("t" + facts.title)
            if len(facts.title) >= TITLE_GRAM:
                probes.add("h" + facts.title[:TITLE_GRAM])
        probes |= self.windows
        if short_bodies and len(facts.body) >= GRAM:
            probes.update("s" + g for g in _grams(facts.body, GRAM))
        return probes


Place = tuple[str | None, dt.date | None, int | None]
CROWD = 64
"""More bookmarks than this at one place (or at an unknown date or page) are looked up by
their content keys instead of being compared one by one."""


class Matcher:
    """The bookmarks of a store, held for one import (kept up to date with ``add``).

    Two bookmarks of one article are at the same place (``_same_place``: the same paper, and
    the same date and page unless one is unknown). So the bookmarks at the places an entry
    may be are compared with it one by one, usually a handful; only where more than
    ``CROWD`` are (20,000 of one paper without dates or pages) are the paper's bookmarks
    filed by their content keys, once, and looked up by them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._uids: dict[str, int] = {}
        self._ids: dict[str, int] = {}
        self._prepared: dict[int, Prepared] = {}
        self._at: dict[Place, list[int]] = {}
        """By paper, date and page exactly."""
        self._by_page: dict[tuple[str | None, int | None], list[int]] = {}
        self._by_date: dict[tuple[str | None, dt.date | None], list[int]] = {}
        self._by_paper: dict[str | None, list[int]] = {}
        self._filed: dict[str | None, dict[str, list[int]]] = {}
        """Content keys, by paper: only for papers where a crowd was met."""
        self._short: set[str | None] = set()
        """Papers with a filed bookmark whose body is shorter than a window."""
        self._conn = conn
        # Only what finds a bookmark by uid, id or place is read now; the rest of a stored
        # bookmark when an entry is compared with it.
        for row in conn.execute("SELECT id, uid, article_id, paper, date, page FROM bookmarks"
                                " ORDER BY id"):
            place = ref_from_row(row, ("paper", "date", "page"))
            self._take(int(row["id"]), str(row["uid"]), row["article_id"],
                       (place.paper, place.date, place.page))

    def _take(self, bookmark_id: int, uid: str, article_id: object, place: Place) -> None:
        self._uids.setdefault(uid, bookmark_id)
        if article_id and isinstance(article_id, str):
            self._ids.setdefault(article_id, bookmark_id)
        paper, day, page = place
        self._at.setdefault(place, []).append(bookmark_id)
        self._by_page.setdefault((paper, page), []).append(bookmark_id)
        self._by_date.setdefault((paper, day), []).append(bookmark_id)
        self._by_paper.setdefault(paper, []).append(bookmark_id)
        if paper in self._filed:
            self._file(bookmark_id)

    def add(self, bookmark_id: int, uid: str, ref: ArticleRef, prepared: Prepared) -> None:
        """Take in a bookmark the import has just added."""
        self._prepared[bookmark_id] = prepared
        self._take(bookmark_id, uid, ref.article_id, (ref.paper, ref.date, ref.page))

    def _item(self, bookmark_id: int) -> Prepared:
        item = self._prepared.get(bookmark_id)
        if item is None:
            columns = ", ".join(REF_COLUMNS)
            row = self._conn.execute(f"SELECT {columns} FROM bookmarks WHERE id = ?",
                                     (bookmark_id,)).fetchone()
            item = self._prepared[bookmark_id] = Prepared(ref_from_row(row))
        return item

    def _file(self, bookmark_id: int) -> None:
        item = self._item(bookmark_id)
        filed = self._filed.setdefault(item.ref.paper, {})
        for key in item.keys:
            filed.setdefault(key, []).append(bookmark_id)
            if key[0] == "s":
                self._short.add(item.ref.paper)

    def known(self, ref: ArticleRef, uid: str | None = None) -> int | None:
        """The bookmark with this uid, else with this article id, or None."""
        if uid and (found := self._uids.get(uid)) is not None:
            return found
        if ref.article_id:
            return self._ids.get(ref.article_id)
        return None

    def _nearby(self, ref: ArticleRef) -> list[list[int]]:
        """The lists of bookmarks at every place ``ref`` may be."""
        paper, day, page = ref.paper, ref.date, ref.page
        if day is not None and page is not None:
            return [self._at.get(p, []) for p in (
                (paper, day, page), (paper, day, None), (paper, None, page), (paper, None, None))]
        if page is not None:
            return [self._by_page.get((paper, page), []), self._by_page.get((paper, None), [])]
        if day is not None:
            return [self._by_date.get((paper, day), []), self._by_date.get((paper, None), [])]
        return [self._by_paper.get(paper, [])]

    def find(self, item: Prepared, uid: str | None = None) -> int | None:
        """The id of the bookmark of the same article (by uid, article id, or place and
        content among those of the same paper), or None."""
        if (found := self.known(item.ref, uid)) is not None:
            return found
        ref = item.ref
        nearby = self._nearby(ref)
        if sum(map(len, nearby)) <= CROWD and ref.paper not in self._filed:
            candidates = sorted({b for group in nearby for b in group})
        else:
            if ref.paper not in self._filed:
                self._filed[ref.paper] = {}
                for bookmark_id in self._by_paper.get(ref.paper, []):
                    self._file(bookmark_id)
            filed = self._filed[ref.paper]
            found_ids: set[int] = set()
            for key in item.probes(ref.paper in self._short):
                if (ids := filed.get(key)) is not None:
                    found_ids.update(ids)
            candidates = sorted(found_ids)
        for bookmark_id in candidates:
            stored = self._item(bookmark_id)
            if same_facts(stored.ref, stored.facts, ref, item.facts):
                return bookmark_id
        return None
