"""The jieba words of a query's terms, cut without loading jieba's whole dictionary.

The ranking asks which words jieba makes of each term (``engine.term_words``). rjieba builds
its dictionary of 350,000 words when it is imported: 0.15 s on a quiet machine, half of what
a whole ``reader search`` may take. Yet jieba's cut of a short text depends only on the
dictionary's words *inside* that text (the graph of its possible words), their frequencies
and the sum of all frequencies (which scales every route alike), besides the HMM for unknown
runs, which needs no dictionary. So the words file keeps every word of the dictionary the
segmenter uses (jieba's ``dict.txt``, which rjieba embeds, with the user words at the
frequencies rjieba gave them); a term is cut by an empty rjieba given just the words found
inside it and one word no text holds that brings the sum of frequencies to the dictionary's.
The result is jieba's own cut (``tests/search/test_query_words.py`` compares them).

The file is a cache beside the index, named for the segmenter's fingerprint; it is written
the first time a process loads the whole segmenter to cut a query, and where anything is
amiss (no rjieba, no ``dict.txt``, a long text) the whole segmenter cuts as before.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from ..atomicfile import atomic_write
from ..paths import cache_dir
from . import segment

log = logging.getLogger("reader.search")

MAX_TEXT = 48
"""Longer texts are cut by the whole segmenter (their candidate words grow with the square)."""
_FILLER = "\ufdd0\ufdd1"
"""A word of two noncharacters, which no folded text holds: it carries the rest of the sum."""


def words_path() -> Path:
    """The words file of the installed segmenter (its fingerprint names it)."""
    return cache_dir() / "search" / _words_name()


@functools.cache
def _words_name() -> str:
    digest = hashlib.sha1(segment.segmenter_fingerprint().encode("utf-8")).hexdigest()[:16]
    return f"words-{digest}.sqlite3"


def cut(text: str) -> list[str]:
    """jieba's words of ``text`` (folded), as ``segment.segmenter().cut`` gives them."""
    if segment.segmenter.cache_info().currsize or len(text) > MAX_TEXT:
        return segment.segmenter().cut(text)  # loaded already, or a long text
    words = _small_cut(text)
    if words is not None:
        return words
    full = segment.segmenter().cut(text)
    write_words()
    return full


def _small_cut(text: str) -> list[str] | None:
    """The cut by an empty rjieba given the words inside ``text``; None without the file."""
    table = _open_words()
    if table is None:
        return None
    conn, total, longest = table
    candidates = sorted({text[i:j] for i in range(len(text))
                         for j in range(i + 1, min(len(text), i + longest) + 1)})
    try:
        rows = conn.execute(
            f"SELECT word, freq, tag FROM words WHERE word IN ({','.join('?' * len(candidates))})",
            candidates).fetchall()
    except sqlite3.Error as err:
        log.warning("the words file %s cannot be read: %s", words_path(), err)
        return None
    small = _extension().Jieba.empty()
    inside = 0
    for word, freq, tag in rows:
        small.add_word(word, freq, tag)
        inside += freq
    small.add_word(_FILLER, max(total - inside, 0), None)
    words: list[str] = small.cut(text, True)
    return words


def _open_words() -> tuple[sqlite3.Connection, int, int] | None:
    """The words file, its sum of frequencies and its longest word; None when there is none
    (or no rjieba to cut with)."""
    if segment._ENGINE != "rjieba":
        return None
    path = words_path()
    if path in _opened:
        return _opened[path]  # opened before: no test of the file with every query
    return _open_at(path) if path.exists() else None


_opened: dict[Path, tuple[sqlite3.Connection, int, int] | None] = {}
"""The words files this process has opened (or found unusable), by path."""


def _open_at(path: Path) -> tuple[sqlite3.Connection, int, int] | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        table: tuple[sqlite3.Connection, int, int] | None = (
            conn, int(meta["total"]), int(meta["longest"]))
    except (sqlite3.Error, KeyError, ValueError) as err:
        log.warning("the words file %s cannot be used: %s", path, err)
        table = None
    return _opened.setdefault(path, table)


@functools.cache
def _extension() -> Any:
    """rjieba's compiled module without its package, whose import builds the whole
    dictionary: only ``Jieba.empty()`` is wanted here."""
    spec = importlib.util.find_spec("rjieba")
    folder = Path((spec.submodule_search_locations or [""])[0]) if spec else Path()
    for so in sorted(folder.glob("rjieba.*")):
        if so.suffix in (".so", ".pyd"):
            inner = importlib.util.spec_from_file_location("rjieba.rjieba", so)
            if inner is not None and inner.loader is not None:
                module: ModuleType = importlib.util.module_from_spec(inner)
                inner.loader.exec_module(module)
                return module
    import rjieba  # the package as it is (its dictionary loads)

    return rjieba


def _dictionary() -> Iterator[tuple[str, int, str | None]]:
    """jieba's own dictionary (``dict.txt`` of the jieba package, the words rjieba embeds)."""
    spec = importlib.util.find_spec("jieba")
    folder = Path((spec.submodule_search_locations or [""])[0]) if spec else Path()
    with open(folder / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0], int(parts[1]), parts[2] if len(parts) > 2 else None


def write_words() -> None:
    """Write the words file of the segmenter (once: it loads the whole segmenter, and takes
    a second or two; ``reader index`` and the first query cut without it do). A cache,
    written atomically (``atomicfile``), so that no reader sees half of one."""
    if segment._ENGINE != "rjieba" or words_path().exists():
        return
    path = words_path()
    try:
        words = {word: (freq, tag) for word, freq, tag in _dictionary()}
        for word, freq, tag in segment.segmenter().user_words:
            if freq is not None:
                words[word] = (freq, tag if tag is not None else words.get(word, (0, None))[1])
        with atomic_write(path, suffix=".tmp") as temp:  # an empty file: SQLite makes it one
            conn = sqlite3.connect(temp)
            try:
                conn.execute("PRAGMA journal_mode=OFF")  # a new file, moved into place whole
                conn.execute("PRAGMA synchronous=OFF")  # atomic_write flushes it once
                with conn:
                    conn.execute("CREATE TABLE words (word TEXT NOT NULL, freq INTEGER NOT "
                                 "NULL, tag TEXT)")
                    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    conn.executemany("INSERT INTO words VALUES (?, ?, ?)",
                                     ((w, f, t) for w, (f, t) in words.items()))
                    conn.execute("CREATE UNIQUE INDEX words_word ON words (word)")  # sorted in C
                    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                        ("total", str(sum(f for f, _ in words.values()))),
                        ("longest", str(max(map(len, words)))),
                    ])
            finally:
                conn.close()
    except (OSError, sqlite3.Error, ValueError) as err:
        log.warning("the words file %s was not written: %s", path, err)
