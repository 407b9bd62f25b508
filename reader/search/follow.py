"""What changed in a page store since an index last followed it: the files to read again and
the files gone, for the engine's index (``update``) and the names (``names``) alike.

Both keep a ``files`` table (source, stamp, …) of what they hold, and the store's state token
of their last complete update. A store that keeps a journal (the catalog's ``touched_since``)
names the files changed after that state, and only those are compared; else every stamp is.
At 1,000,000 articles (181,824 page files) one new issue was indexed in 0.05–0.07 s this way
(0.3–0.8 s the first time in a process, imports included), in 1.97 s comparing every stamp.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from ..corpus.library import PageStore
from ..corpus.sqlrows import rows_in


@dataclass(frozen=True)
class Changes:
    """The files to read (new and changed: source → stamp now), those gone, and the recorded
    stamps of the files looked at."""

    todo: dict[str, str]
    gone: list[str]
    before: dict[str, str]


def changes(conn: sqlite3.Connection, source: PageStore, followed: str | None) -> Changes:
    """What ``source`` changed since the state ``followed`` (None: unknown) against the files
    table of ``conn``."""
    touched_since = getattr(source, "touched_since", None)
    touched: dict[str, str | None] | None = (
        touched_since(followed) if followed is not None and callable(touched_since) else None)
    if touched is None:  # dictionaries built in C, not row by row in Python
        before: dict[str, str] = dict(conn.execute("SELECT source, stamp FROM files"))
        desired = source.stamps()
        gone = sorted(before.keys() - desired.keys())
    else:
        before = dict(rows_in(conn, "SELECT source, stamp FROM files WHERE source IN ({marks})",
                              list(touched)))
        desired = {name: stamp for name, stamp in touched.items() if stamp is not None}
        gone = sorted(n for n, stamp in touched.items() if stamp is None and n in before)
    todo = {name: stamp for name, stamp in desired.items() if before.get(name) != stamp}
    return Changes(todo, gone, before)
