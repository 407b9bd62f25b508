"""Connecting to the archive's database, and what to do when the connection goes away.

Credentials come only from libpq's usual places (the URL's user and host, ``PGPASSFILE`` or
``~/.pgpass``, a service file, ``PG*`` environment variables); the reader stores none.

A read that fails because the connection was lost is tried once more on a new connection; a
write is retried only where it is idempotent (the caller says so), and otherwise raised as a
``ServerError`` so that it is never reported as done.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import psycopg

from .url import safe_url

log = logging.getLogger(__name__)
T = TypeVar("T")

class ServerError(Exception):
    """A failure of the archive's server, worded for the reader (``str(err)``)."""


class ConnectionLost(ServerError):
    """The server went away (or could not be reached)."""


def worded(err: psycopg.Error, url: str) -> ServerError:
    """A psycopg error as a message naming the archive and the problem."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    where = safe_url(url)
    if isinstance(err, psycopg.errors.InsufficientPrivilege):
        return ServerError(f"{where}: not allowed ({text}); ask the archive's administrator "
                           "to grant you the reader role")
    state = getattr(err, "sqlstate", None)
    gone = state is None or state.startswith(("08", "57P"))  # connection, shutdown, crash
    if isinstance(err, psycopg.OperationalError) and gone:
        return ConnectionLost(f"{where}: the connection to the archive failed or was lost "
                              f"({text})")
    return ServerError(f"{where}: {text}")


class Archive:
    """One archive database: a connection per thread, opened again when it was lost."""

    def __init__(self, url: str, connect_timeout: int = 10) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self._local = threading.local()

    @classmethod
    def open(cls, url: str) -> Archive:
        """The archive at ``url``, connected once to say at once what is wrong."""
        archive = cls(url)
        archive.conn()
        return archive

    @property
    def shown(self) -> str:
        return safe_url(self.url)

    def conn(self) -> psycopg.Connection:
        """This thread's connection (a new one after the last was lost)."""
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        try:
            conn = psycopg.connect(self.url, connect_timeout=self.connect_timeout,
                                   application_name="newspaper-reader")
        except psycopg.Error as err:
            raise worded(err, self.url) from err
        self._local.conn = conn
        return conn

    def close(self) -> None:
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __del__(self) -> None:  # a command that forgot to close still ends its session
        with contextlib.suppress(Exception):
            self.close()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection]:
        """A transaction on this thread's connection; errors worded as ``ServerError``."""
        conn = self.conn()
        try:
            with conn.transaction():
                yield conn
        except psycopg.Error as err:
            raise worded(err, self.url) from err

    def run(self, work: Callable[[psycopg.Connection], T], *, retry: bool = True) -> T:
        """``work(conn)`` in one transaction. When the connection was lost, it is done once
        more on a new one if ``retry`` (reads, and writes that may be repeated safely)."""
        for attempt in (1, 2):
            try:
                with self.transaction() as conn:
                    return work(conn)
            except ConnectionLost:
                if not retry or attempt == 2:
                    raise
                log.warning("the connection to %s was lost; connecting again", self.shown)
                self.close()
        raise AssertionError("unreachable")  # pragma: no cover
