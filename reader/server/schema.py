"""The archive's tables, as numbered migrations applied in order (``reader server migrate``).

Every object lives in the schema ``reader``. ``migrations`` records which steps were applied;
a client refuses an archive whose schema is newer than it knows and asks for ``migrate`` when
it is older. Migrations take turns through an advisory lock, each in its own transaction.

Readers are PostgreSQL roles, members of the group role ``READERS_ROLE``: it may read the
archive and keep bookmarks and excerpts. Both belong to ``current_user``; row-level security
lets a role see its own and those in a collection shared with a group it belongs to, and
change those of a collection shared writable.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from .connection import Archive, ServerError

SCHEMA = "reader"
READERS_ROLE = "newspaper_readers"
_LOCK = 0x6E727376  # advisory lock key of migrations ("nrsv")


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


_ARCHIVE = """
CREATE TABLE reader.pages (
    source text PRIMARY KEY,
    stamp text NOT NULL,
    paper text,
    date date,
    issue_no integer,
    page integer,
    page_count integer,
    position integer,
    n_articles integer NOT NULL,
    n_warnings integer NOT NULL DEFAULT 0,
    notice text,
    origin jsonb NOT NULL DEFAULT '{}',
    page_json bytea NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pages_issue ON reader.pages (paper, date);
CREATE TABLE reader.problems (
    source text PRIMARY KEY,
    stamp text NOT NULL,
    message text NOT NULL
);
CREATE TABLE reader.articles (
    source text NOT NULL REFERENCES reader.pages ON DELETE CASCADE,
    position integer NOT NULL,
    id text NOT NULL,
    paper text,
    date date,
    page integer,
    kicker text,
    title text NOT NULL,
    subtitle text,
    byline text,
    display_title text NOT NULL,
    title_derived boolean NOT NULL,
    body text NOT NULL,
    length integer NOT NULL,
    head_f text NOT NULL,
    byline_f text NOT NULL,
    body_f text NOT NULL,
    tokens tsvector,
    head_words tsvector NOT NULL,
    byline_words tsvector NOT NULL,
    words tsvector NOT NULL,
    oversized boolean NOT NULL DEFAULT false,
    PRIMARY KEY (source, position)
);
CREATE INDEX articles_id ON reader.articles (id);
CREATE INDEX articles_date ON reader.articles (date);
CREATE INDEX articles_tokens ON reader.articles USING gin (tokens);
CREATE INDEX articles_oversized ON reader.articles (source) WHERE oversized;
-- lz4 unpacks several times faster than the default pglz: every match's text is read.
DO $$ BEGIN
    ALTER TABLE reader.articles ALTER body SET COMPRESSION lz4,
        ALTER body_f SET COMPRESSION lz4, ALTER tokens SET COMPRESSION lz4,
        ALTER words SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
END $$;
"""

_READERS = """
CREATE TABLE reader.collections (
    id bigserial PRIMARY KEY,
    name text NOT NULL,
    owner name NOT NULL DEFAULT current_user,
    shared_with name,
    writable boolean NOT NULL DEFAULT false,
    UNIQUE (owner, name)
);
CREATE TABLE reader.bookmarks (
    id bigserial PRIMARY KEY,
    uid uuid NOT NULL UNIQUE,
    owner name NOT NULL DEFAULT current_user,
    article_id text NOT NULL,
    ref jsonb NOT NULL,
    note text NOT NULL DEFAULT '',
    tags text[] NOT NULL DEFAULT '{}',
    collection_id bigint REFERENCES reader.collections ON DELETE SET NULL,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bookmarks_one_per_article
    ON reader.bookmarks (owner, article_id, coalesce(collection_id, 0));
CREATE INDEX bookmarks_collection ON reader.bookmarks (collection_id);

-- The groups the current role belongs to (directly or not).
CREATE FUNCTION reader.my_groups() RETURNS SETOF name LANGUAGE sql STABLE AS
$$ SELECT rolname FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER') $$;

ALTER TABLE reader.collections ENABLE ROW LEVEL SECURITY;
CREATE POLICY collections_see ON reader.collections FOR SELECT
    USING (owner = current_user OR shared_with IN (SELECT reader.my_groups()));
CREATE POLICY collections_add ON reader.collections FOR INSERT
    WITH CHECK (owner = current_user);
CREATE POLICY collections_change ON reader.collections FOR UPDATE
    USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY collections_remove ON reader.collections FOR DELETE
    USING (owner = current_user);

-- Collections the current role may put bookmarks in and change them in.
CREATE FUNCTION reader.writable_collections() RETURNS SETOF bigint LANGUAGE sql STABLE AS
$$ SELECT id FROM reader.collections
   WHERE owner = current_user OR (writable AND shared_with IN (SELECT reader.my_groups())) $$;

ALTER TABLE reader.bookmarks ENABLE ROW LEVEL SECURITY;
CREATE POLICY bookmarks_see ON reader.bookmarks FOR SELECT
    USING (owner = current_user OR collection_id IN (SELECT id FROM reader.collections));
CREATE POLICY bookmarks_add ON reader.bookmarks FOR INSERT
    WITH CHECK (owner = current_user AND (collection_id IS NULL
                OR collection_id IN (SELECT reader.writable_collections())));
CREATE POLICY bookmarks_change ON reader.bookmarks FOR UPDATE
    USING (owner = current_user OR collection_id IN (SELECT reader.writable_collections()))
    WITH CHECK (owner = current_user
                OR collection_id IN (SELECT reader.writable_collections()));
CREATE POLICY bookmarks_remove ON reader.bookmarks FOR DELETE
    USING (owner = current_user OR collection_id IN (SELECT reader.writable_collections()));

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'newspaper_readers') THEN
        CREATE ROLE newspaper_readers NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA reader TO newspaper_readers;
GRANT SELECT ON reader.pages, reader.problems, reader.articles, reader.migrations
    TO newspaper_readers;
GRANT SELECT, INSERT, DELETE ON reader.collections, reader.bookmarks TO newspaper_readers;
GRANT UPDATE (name, shared_with, writable) ON reader.collections TO newspaper_readers;
GRANT UPDATE (note, tags, collection_id, updated, article_id, ref)
    ON reader.bookmarks TO newspaper_readers;
GRANT USAGE ON SEQUENCE reader.collections_id_seq, reader.bookmarks_id_seq
    TO newspaper_readers;
"""

_RANKING = """
-- Every article's vector gains its body's whole words (marked \\001w), so that the GIN index
-- alone says which matches hold a term as a word; oversized articles (no grams) hold the
-- lexeme every query asks for (\\001*), so that a query's candidates come from the index.
SET LOCAL maintenance_work_mem = '256MB';
DROP INDEX reader.articles_tokens;
UPDATE reader.articles SET tokens = CASE WHEN tokens IS NULL THEN E'\\'\\001*\\''::tsvector
    ELSE tokens || array_to_tsvector(ARRAY(SELECT E'\\001w' || lexeme FROM unnest(words))) END;
CREATE INDEX articles_tokens ON reader.articles USING gin (tokens);
"""

_EXCERPTS = """
-- Passages kept from articles, as the desktop's bookmark store keeps them: the text and a
-- little around it (found again after a re-parse), the article's reference, note and tags.
-- Private to their owner unless in a collection, under the bookmarks' rules.
CREATE TABLE reader.excerpts (
    id bigserial PRIMARY KEY,
    uid uuid NOT NULL UNIQUE,
    owner name NOT NULL DEFAULT current_user,
    article_id text NOT NULL,
    ref jsonb NOT NULL,
    text text NOT NULL CHECK (btrim(text) <> ''),
    before_text text NOT NULL DEFAULT '',
    after_text text NOT NULL DEFAULT '',
    note text NOT NULL DEFAULT '',
    tags text[] NOT NULL DEFAULT '{}',
    collection_id bigint REFERENCES reader.collections ON DELETE SET NULL,
    created timestamptz NOT NULL DEFAULT now(),
    updated timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX excerpts_article ON reader.excerpts (owner, article_id);
CREATE INDEX excerpts_collection ON reader.excerpts (collection_id);

ALTER TABLE reader.excerpts ENABLE ROW LEVEL SECURITY;
CREATE POLICY excerpts_see ON reader.excerpts FOR SELECT
    USING (owner = current_user OR collection_id IN (SELECT id FROM reader.collections));
CREATE POLICY excerpts_add ON reader.excerpts FOR INSERT
    WITH CHECK (owner = current_user AND (collection_id IS NULL
                OR collection_id IN (SELECT reader.writable_collections())));
CREATE POLICY excerpts_change ON reader.excerpts FOR UPDATE
    USING (owner = current_user OR collection_id IN (SELECT reader.writable_collections()))
    WITH CHECK (owner = current_user
                OR collection_id IN (SELECT reader.writable_collections()));
CREATE POLICY excerpts_remove ON reader.excerpts FOR DELETE
    USING (owner = current_user OR collection_id IN (SELECT reader.writable_collections()));

GRANT SELECT, INSERT, DELETE ON reader.excerpts TO newspaper_readers;
GRANT UPDATE (note, tags, collection_id, updated, article_id, ref)
    ON reader.excerpts TO newspaper_readers;
GRANT USAGE ON SEQUENCE reader.excerpts_id_seq TO newspaper_readers;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "pages, articles and their search tokens", _ARCHIVE),
    Migration(2, "readers: bookmarks, collections, row-level security", _READERS),
    Migration(3, "search: every query's candidates and its ranking from GIN indexes", _RANKING),
    Migration(4, "readers: excerpts, private or in a collection as bookmarks", _EXCERPTS),
)
LATEST = MIGRATIONS[-1].version


def _create_bookkeeping(conn: psycopg.Connection) -> None:
    conn.execute("CREATE SCHEMA IF NOT EXISTS reader")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS reader.migrations (version integer PRIMARY KEY, "
        "description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")


def version(conn: psycopg.Connection) -> int | None:
    """The archive's schema version, or None where there is no archive in this database."""
    row = conn.execute("SELECT to_regclass('reader.migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    found = conn.execute("SELECT max(version) FROM reader.migrations").fetchone()
    return int(found[0]) if found and found[0] is not None else 0


def migrate(archive: Archive, until: int = LATEST) -> list[Migration]:
    """Apply the migrations the archive lacks, in order, up to version ``until``; the ones
    applied."""
    applied: list[Migration] = []
    with archive.transaction() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        _create_bookkeeping(conn)
        current = version(conn) or 0
        if current > LATEST:
            raise ServerError(f"{archive.shown}: the archive's schema is version {current}, "
                              f"newer than this reader knows ({LATEST}): update the reader")
        for step in MIGRATIONS:
            if step.version <= current or step.version > until:
                continue
            conn.execute(step.sql.encode("utf-8"))
            conn.execute("INSERT INTO reader.migrations (version, description) VALUES (%s, %s)",
                         (step.version, step.description))
            applied.append(step)
    return applied


def check(archive: Archive) -> None:
    """Raise a ``ServerError`` unless the archive's schema is the one this reader uses."""
    current = archive.run(version)
    if current is None:
        raise ServerError(f"{archive.shown}: there is no archive in this database; the "
                          "administrator creates one with `reader server init URL`")
    if current > LATEST:
        raise ServerError(f"{archive.shown}: the archive's schema is version {current}, newer "
                          f"than this reader knows ({LATEST}): update the reader")
    if current < LATEST:
        raise ServerError(f"{archive.shown}: the archive's schema is version {current}; the "
                          "administrator runs `reader server migrate` to bring it to "
                          f"version {LATEST}")


def grant_reader(archive: Archive, role: str) -> None:
    """Make ``role`` (an existing login role) a reader of the archive."""
    with archive.transaction() as conn:
        conn.execute(sql.SQL("GRANT {} TO {}").format(
            sql.Identifier(READERS_ROLE), sql.Identifier(role)))
