"""The versions of a page's reading that caches are keyed by, without loading the parser.

The catalog and the search index compare these at every start; importing the parser itself
(its patterns, the headline and byline rules) to read one number would cost a command that
reads no page a tenth of a second.
"""

from __future__ import annotations

from .walk import READING_VERSION

PARSER_VERSION = 5
"""Bumped whenever the parser's output changes, so that cached parses are redone."""


def reading_stamp(stamp: str) -> str:
    """A page file's stamp for the search index: its state and the parser that read it, so
    that an index built from an older parser's reading takes every page again after an update
    of the reader (the file itself has not changed)."""
    return stamp + stamp_suffix()


def stamp_suffix() -> str:
    """What ``reading_stamp`` appends (the catalog appends it in SQL: at 181,824 files, the
    dictionary is then built in C instead of formatting each stamp in Python)."""
    return f"@p{PARSER_VERSION}.r{READING_VERSION}"
