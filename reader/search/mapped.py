"""When the engine's mapped pages have piled up in the searching process's resident memory.

The engine (tantivy) reads its files through memory maps. Every page a search touched stays
mapped into the process and counts in its resident size, although it is the system's file
cache, which the system keeps or drops as it needs: after a few hundred searches of common
words at 1,000,000 articles, 809 MB of an 841 MB resident size were such pages. ``too_many``
says when the index's own mapped pages are more than ``BUDGET``; the index then lets go of
its engine (``SearchIndex``), whose maps tantivy closes once the last search that holds them
is done. The pages stay in the file cache: the next search opens the engine again and maps
what it needs without reading the disk.

What it costs: the searches after a let-go map their pages again. At 1,000,000 articles,
three rounds of the benchmark's 330 queries with and without it in turn in one process let
go 27 times and gave p95 32.7 ms against 29.3 ms (39.6 against 34.5 in a second run), p50
the same; opening the engine again takes 3 to 7 ms. The search process's peak went from
841 MB to 418 MB.

Nothing here unmaps or advises memory itself: another thread may close a map between a look
at the process's maps and such a call, and the addresses may then belong to something else.

It looks at ``/proc/self/statm`` after each search (a read of a few numbers), and at the
index's maps in ``/proc/self/smaps`` (a few milliseconds) only when the process's mapped
file pages have grown by ``BUDGET`` since it last looked (or since their lowest since then).
Linux only; elsewhere it never says so.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

BUDGET = 192 * 2**20
"""Bytes of the index's mapped pages beyond which the engine is let go of."""
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_STATM = Path("/proc/self/statm")
_LINUX = _STATM.exists()
_lock = threading.Lock()
_looked = 0
"""The process's mapped file pages when ``too_many`` last read the maps, less the index's
it let go of (or the lowest seen since, when other maps closed)."""


def file_pages() -> int:
    """Bytes of this process's resident memory that are mapped files (and shared memory)."""
    try:
        with open(_STATM, "rb") as f:
            return int(f.read().split()[2]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def too_many(folder: Path) -> bool:
    """Whether this process's maps of the files in ``folder`` hold more than ``BUDGET``
    bytes of resident pages."""
    global _looked
    if not _LINUX:
        return False
    now = file_pages()
    _looked = min(_looked, now)  # maps closed since (of other files too): grown from here
    if now <= _looked + BUDGET or not _lock.acquire(blocking=False):
        return False
    try:
        resident = resident_bytes(folder)
        # Once the index lets go, its pages leave when the searches holding them end: look
        # again only after as much growth again.
        _looked = now - resident if resident > BUDGET else now
        return resident > BUDGET
    except (OSError, ValueError):
        return False
    finally:
        _lock.release()


def resident_bytes(folder: Path) -> int:
    """Resident bytes of this process's maps of the files in ``folder`` (``smaps``)."""
    prefix = os.fsencode(os.path.realpath(folder)) + b"/"
    with open("/proc/self/smaps", "rb") as f:
        lines = f.read().splitlines()
    resident = 0
    inside = False
    for line in lines:
        if line[:4] == b"Rss:":
            if inside:
                resident += int(line.split()[1]) * 1024
            continue
        parts = line.split(maxsplit=5)
        if parts and not parts[0].endswith(b":") and b"-" in parts[0]:  # the head of a map
            inside = len(parts) == 6 and parts[5].startswith(prefix)
    return resident
