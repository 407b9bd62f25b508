"""The bookmark store's schema: registered migration steps and the version they reach.

The version lives in ``PRAGMA user_version``. Step ``n`` brings a store from version ``n - 1``
to ``n``; ``migrate`` runs the missing steps in one transaction (the store writes a backup
first). A store whose version is above ``latest()`` is refused, never changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Step = Callable[[sqlite3.Connection], None]

MIGRATIONS: dict[int, Step] = {}

ARTICLE_COLUMNS = """article_id TEXT NOT NULL,
            paper TEXT,
            date TEXT,
            page INTEGER,
            kicker TEXT,
            title TEXT,
            subtitle TEXT,
            display_title TEXT NOT NULL DEFAULT '',
            byline TEXT,
            body_prefix TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''"""
"""The remembered article (``ArticleRef``), as schema 1 stored it for bookmarks: excerpts
(schema 2) remember theirs alike. Never change it: the migrations that use it are fixed."""


def migration(version: int) -> Callable[[Step], Step]:
    """Register ``step`` as the one that brings the schema to ``version``."""

    def register(step: Step) -> Step:
        if version in MIGRATIONS:
            raise ValueError(f"two migrations to schema {version}")
        MIGRATIONS[version] = step
        return step

    return register


def latest() -> int:
    return max(MIGRATIONS, default=0)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to ``latest()`` inside one write transaction; return the old version.

    The version is read again inside the transaction, so two processes opening an old (or a
    new, empty) store at once migrate it once.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        old = version(conn)
        for target in range(old + 1, latest() + 1):
            MIGRATIONS[target](conn)
        if old < latest():
            conn.execute(f"PRAGMA user_version = {latest():d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a full disk may have rolled it back already
            conn.execute("ROLLBACK")
        raise
    return old


@migration(1)
def _create(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            {ARTICLE_COLUMNS},
            note TEXT NOT NULL DEFAULT '',
            added TEXT NOT NULL,
            updated TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX bookmarks_article ON bookmarks(article_id)")
    conn.execute("CREATE INDEX bookmarks_place ON bookmarks(paper, date, page)")
    conn.execute(
        """CREATE TABLE tags (
            bookmark_id INTEGER NOT NULL REFERENCES bookmarks(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (bookmark_id, tag)
        )"""
    )
    conn.execute("CREATE INDEX tags_tag ON tags(tag)")


@migration(2)
def _excerpts(conn: sqlite3.Connection) -> None:
    """Excerpts: a passage of an article with a note and tags. The article is remembered as
    a bookmark remembers it (the same columns); the passage by its text and its
    surroundings."""
    conn.execute(
        f"""CREATE TABLE excerpts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            {ARTICLE_COLUMNS},
            text TEXT NOT NULL,
            before_text TEXT NOT NULL DEFAULT '',
            after_text TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            added TEXT NOT NULL,
            updated TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX excerpts_article ON excerpts(article_id)")
    conn.execute("CREATE INDEX excerpts_place ON excerpts(paper, date, page)")
    conn.execute(
        """CREATE TABLE excerpt_tags (
            excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (excerpt_id, tag)
        )"""
    )
    conn.execute("CREATE INDEX excerpt_tags_tag ON excerpt_tags(tag)")
