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

import sqlite3
from dataclasses import dataclass

from .bookmark import REF_COLUMNS, ref_from_row
from .identity import PROBE_CHARS, ArticleRef, _Facts, facts_of_ref, same_facts

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
    hashes = [hash(g) for g in grams]
    per_window = PROBE_CHARS - WINDOW_GRAM + 1
    return {grams[hashes.index(min(hashes[s : s + per_window]), s)]
            for s in range(len(hashes) - per_window + 1)}


@dataclass(frozen=True)
class Prepared:
    """An article folded once, with the keys it is filed under and the keys to probe."""

    ref: ArticleRef
    facts: _Facts
    keys: frozenset[str]
    probes: frozenset[str]

    @classmethod
    def of(cls, ref: ArticleRef) -> Prepared:
        facts = facts_of_ref(ref)
        keys: set[str] = set()
        probes: set[str] = set()
        if facts.title:
            keys.add("t" + facts.title)
            probes.add("t" + facts.title)
            if len(facts.title) >= TITLE_GRAM:
                probes.add("h" + facts.title[:TITLE_GRAM])
        if len(facts.title) >= TITLE_GRAM:
            keys.add("h" + facts.title[:TITLE_GRAM])
        probes.update("h" + g for g in _grams(facts.headline, TITLE_GRAM))
        body = facts.body
        if len(body) > PROBE_CHARS:
            windows = {"w" + m for m in _minimisers(body)}
            keys |= windows
            probes |= windows
        elif len(body) >= GRAM:
            keys.add("s" + body[:GRAM])
        if len(body) >= GRAM:
            probes.update("s" + g for g in _grams(body, GRAM))
        return cls(ref, facts, frozenset(keys), frozenset(probes))


class Matcher:
    """The bookmarks of a store, held for one import (kept up to date with ``add``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._uids: dict[str, int] = {}
        self._ids: dict[str, int] = {}
        self._refs: dict[int, Prepared] = {}
        self._filed: dict[str | None, dict[str, list[int]]] = {}
        """By paper (``match_row`` compares bookmarks of the same paper), then by key."""
        columns = ", ".join(REF_COLUMNS)
        for row in conn.execute(f"SELECT id, uid, {columns} FROM bookmarks ORDER BY id"):
            self.add(int(row["id"]), str(row["uid"]), Prepared.of(ref_from_row(row)))

    def add(self, bookmark_id: int, uid: str, item: Prepared) -> None:
        """File a bookmark (one just inserted by the import, too)."""
        self._uids.setdefault(uid, bookmark_id)
        if item.ref.article_id:
            self._ids.setdefault(item.ref.article_id, bookmark_id)
        self._refs[bookmark_id] = item
        filed = self._filed.setdefault(item.ref.paper, {})
        for key in item.keys:
            filed.setdefault(key, []).append(bookmark_id)

    def find(self, item: Prepared, uid: str | None = None) -> int | None:
        """The id of the bookmark of the same article (by uid, article id, or place and
        content among those of the same paper), or None."""
        if uid and (found := self._uids.get(uid)) is not None:
            return found
        ref = item.ref
        if ref.article_id and (found := self._ids.get(ref.article_id)) is not None:
            return found
        filed = self._filed.get(ref.paper)
        if not filed:
            return None
        candidates: set[int] = set()
        for key in item.probes:
            if (ids := filed.get(key)) is not None:
                candidates.update(ids)
        for bookmark_id in sorted(candidates):
            stored = self._refs[bookmark_id]
            if same_facts(stored.ref, stored.facts, ref, item.facts):
                return bookmark_id
        return None
