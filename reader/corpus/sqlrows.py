"""Rows of one SQLite query over many values, for the catalog and the search indexes alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

IN_CHUNK = 500
"""Values per statement (SQLite limits the parameters of one statement)."""


def rows_in(conn: sqlite3.Connection, sql: str, values: Sequence[Any],
            first: Sequence[Any] = (), size: int = IN_CHUNK) -> Iterator[Any]:
    """The rows of ``sql`` (whose ``{marks}`` stands for ``IN``'s list) over ``values``, asked
    ``size`` at a time; ``first`` are the parameters before the list, given to each."""
    for chunk in range(0, len(values), size):
        part = list(values[chunk : chunk + size])
        yield from conn.execute(sql.format(marks=",".join("?" * len(part))), [*first, *part])
