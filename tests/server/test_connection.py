"""The connection going away: a read is made again on a new connection, a write that could
not be made raises (it is never reported as done), a password never shows in a message."""

from __future__ import annotations

import psycopg
import pytest

from reader.server.connection import Archive, ConnectionLost, safe_url
from reader.server.schema import migrate


def _cut(archive: Archive, admin_url: str) -> None:
    """The server ends the archive's session, as a restart or a network cut would."""
    pid = archive.conn().info.backend_pid
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_a_read_is_made_again_after_the_connection_was_lost(database: str) -> None:
    archive = Archive.open(database)
    migrate(archive)
    before = archive.conn().info.backend_pid
    _cut(archive, database)
    assert archive.run(lambda c: c.execute("SELECT 41 + 1").fetchall()) == [(42,)]
    assert archive.conn().info.backend_pid != before
    archive.close()


def test_a_write_on_a_lost_connection_raises_and_is_not_made(database: str) -> None:
    archive = Archive.open(database)
    migrate(archive)
    archive.run(lambda c: c.execute("CREATE TABLE t (x int)"))
    _cut(archive, database)
    with pytest.raises(ConnectionLost, match="lost"):
        archive.run(lambda c: c.execute("INSERT INTO t VALUES (1)"), retry=False)
    assert archive.run(lambda c: c.execute("SELECT count(*) FROM t").fetchall()) == [(0,)]
    archive.close()


def test_a_password_in_the_url_is_not_shown() -> None:
    assert safe_url("postgresql://ana:s3cret@db/news") == "postgresql://ana:***@db/news"
    assert safe_url("postgresql://ana@db/news") == "postgresql://ana@db/news"
