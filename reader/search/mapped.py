"""Keep the engine's mapped pages from piling up in the searching process's resident memory.

The engine (tantivy) reads its files through memory maps. Every page a search touched stays
mapped into the process and counts in its resident size, although it is the system's file
cache, which the system keeps or drops as it needs: after a few hundred searches of common
words at 1,000,000 articles, 894 MB of a 925 MB resident size were such pages. Once the
process's mapped file pages have grown by ``BUDGET`` and the index's own are more than that,
``trim`` tells the system this process no longer needs them (``madvise(MADV_DONTNEED)``):
they leave its resident size and stay in the file cache, so the next search that needs one
maps it again without reading the disk. The maps are read-only, so nothing is lost, and a
search running in another thread meanwhile only maps its pages again. Measured at 1,000,000
articles over three rounds of the benchmark's 330 queries, with and without it in turn in
one process: 26 trims, p95 35.2 ms against 34.7 ms, p50 13.4 ms against 14.0 ms. Linux
only; elsewhere ``trim`` does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger("reader.search")

BUDGET = 192 * 2**20
"""Mapped file pages, bytes, beyond which ``trim`` lets go of the index's."""
MADV_DONTNEED = 4
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_lock = threading.Lock()
_madvise = None
if os.path.exists("/proc/self/statm"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        _madvise = _libc.madvise
        _madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
        _madvise.restype = ctypes.c_int
    except (OSError, AttributeError):
        _madvise = None


def file_pages() -> int:
    """Bytes of this process's resident memory that are mapped files (and shared memory)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[2]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


_after = 0
"""The mapped file pages the last ``trim`` left (libraries, other files): its baseline."""


def trim(folder: Path, budget: int | None = None) -> bool:
    """Let go of the mapped pages of the files in ``folder`` when the process's mapped file
    pages have grown by more than ``budget`` (``BUDGET``) since the last trim; True when it
    did."""
    global _after
    limit = BUDGET if budget is None else budget
    if _madvise is None or file_pages() <= _after + limit:
        return False
    if not _lock.acquire(blocking=False):  # another thread is at it
        return False
    try:
        prefix = os.fsencode(os.path.realpath(folder)) + b"/"
        maps, resident = _maps_of(prefix)
        if resident > limit:  # (the growth may be other files': then these stay)
            for lo, hi in maps:
                if _madvise(lo, hi - lo, MADV_DONTNEED) != 0:
                    log.debug("madvise: %s", os.strerror(ctypes.get_errno()))
        _after = file_pages()
        return resident > limit
    except (OSError, ValueError):
        return False
    finally:
        _lock.release()


def _maps_of(prefix: bytes) -> tuple[list[tuple[int, int]], int]:
    """The read-only maps of files whose paths start with ``prefix``, and how many of their
    bytes are resident in this process (``/proc/self/smaps``, read in a few milliseconds)."""
    with open("/proc/self/smaps", "rb") as f:
        lines = f.read().splitlines()
    maps: list[tuple[int, int]] = []
    resident = 0
    inside = False
    for line in lines:
        if line[:4] == b"Rss:":
            if inside:
                resident += int(line.split()[1]) * 1024
            continue
        parts = line.split(maxsplit=5)
        if not parts or parts[0].endswith(b":") or b"-" not in parts[0]:
            continue  # a line of figures, not the head of a map
        inside = (len(parts) == 6 and parts[5].startswith(prefix) and b"w" not in parts[1])
        if inside:
            lo, hi = (int(x, 16) for x in parts[0].split(b"-"))
            maps.append((lo, hi))
    return maps, resident
