"""Connecting to the archive's database, and what to do when the connection goes away.

Credentials come only from libpq's usual places (the URL's user and host, ``PGPASSFILE`` or
``~/.pgpass``, a service file, ``PG*`` environment variables); the reader stores none.

A read that fails because the connection was lost is tried once more on a new connection; a
write is retried only where it is idempotent (the caller says so), and otherwise raised as a
``ServerError`` so that it is never reported as done.

While the server cannot be reached, connecting again is not tried on every call: after a
failed connection, calls fail at once (``ConnectionLost``) for ``retry_after`` seconds, so
that a window's reads do not each wait for the network; ``probe()`` tries regardless (the
window's reconnecting, with its own backoff). ``watch(listener)`` hears when the archive is
lost and when it is reached again, from whichever thread noticed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
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

    shown_by_window = True
    """The window's bar says so while it lasts: an action that failed for it is not an
    unexpected error (``ui/errors.py``)."""


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

    def __init__(self, url: str, connect_timeout: int = 10, retry_after: float = 2.0) -> None:
        self.url = url
        self.connect_timeout = connect_timeout
        self.retry_after = retry_after
        self._local = threading.local()
        self._state_lock = threading.Lock()
        self._lost: str | None = None  # why the archive is out of reach, while it is
        self._down_until = 0.0  # calls fail at once until then (a connection just failed)
        self._listeners: list[Callable[[str | None], None]] = []
        self._open: list[psycopg.Connection] = []  # every thread's, to close them all

    # -- reachability ---------------------------------------------------------------------

    def watch(self, listener: Callable[[str | None], None]) -> None:
        """Call ``listener(message)`` when the archive is lost (the message says so) and
        ``listener(None)`` when it is reached again; on the thread that noticed."""
        self._listeners.append(listener)

    @property
    def lost(self) -> str | None:
        """Why the archive cannot be reached now, or None while it can."""
        return self._lost

    def _set_lost(self, message: str | None) -> None:
        with self._state_lock:
            changed = (self._lost is None) != (message is None)
            self._lost = message
            if message is None:
                self._down_until = 0.0
        if changed:
            for listener in list(self._listeners):
                listener(message)

    def probe(self) -> bool:
        """Try to reach the archive now (whatever the last failure was); whether it
        answered."""
        self._down_until = 0.0
        try:
            self.run(lambda conn: conn.execute("SELECT 1").fetchone())
        except ServerError:
            return False
        return True

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
        if self._lost is not None and time.monotonic() < self._down_until:
            raise ConnectionLost(self._lost)
        try:
            conn = psycopg.connect(self.url, connect_timeout=self.connect_timeout,
                                   application_name="newspaper-reader")
        except psycopg.Error as err:
            problem = worded(err, self.url)
            if isinstance(problem, ConnectionLost):
                self._down_until = time.monotonic() + self.retry_after
                self._set_lost(str(problem))
            raise problem from err
        self._local.conn = conn
        with self._state_lock:
            self._open = [c for c in self._open if not c.closed] + [conn]
        if self._lost is not None:
            self._set_lost(None)
        return conn

    def close(self) -> None:
        """End the archive's sessions: this thread's and those of the threads that used it
        (each connects again when it is next used)."""
        with self._state_lock:
            conns, self._open = self._open, []
        for conn in conns:
            with contextlib.suppress(Exception):
                conn.close()
        self._local.conn = None

    def _drop(self) -> None:
        """Close this thread's connection (lost: the next call connects anew)."""
        conn: psycopg.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):
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
            except ConnectionLost as err:
                if not retry or attempt == 2:
                    self._set_lost(str(err))
                    raise
                if self._lost is None:  # once, not on every call while it is down
                    log.warning("the connection to %s was lost; connecting again", self.shown)
                self._drop()
        raise AssertionError("unreachable")  # pragma: no cover
