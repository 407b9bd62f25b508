"""Errors of the bookmark store, worded for the user (the window shows them as they are)."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The bookmark store cannot be used; the message says why and what to do."""


class NewerSchemaError(StoreError):
    """The store was written by a newer version of the reader; it is left untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"the bookmarks in {path} were saved by a newer version of the reader "
            f"(format {found}; this version knows up to {known}). The file was left untouched; "
            "update the reader to use them"
        )
        self.path, self.found, self.known = path, found, known


class DamagedStoreError(StoreError):
    """The store cannot be read. The damaged file is kept; a backup may restore it.

    The window offers ``restore_backup(path)`` when ``backup`` is not None, and
    ``export_readable(path, out)`` to save what can still be read.
    """

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        offer = (
            f"; a backup of the last good state is in {backup}"
            if backup is not None
            else "; no backup was found"
        )
        super().__init__(
            f"the bookmark file {path} is damaged ({reason}). It was kept as it is{offer}"
        )
        self.path, self.reason, self.backup = path, reason, backup


class BookmarkNotFound(StoreError, KeyError):
    """No bookmark has this id."""

    def __init__(self, bookmark_id: int) -> None:
        super().__init__(f"there is no bookmark #{bookmark_id}")
        self.bookmark_id = bookmark_id

    def __str__(self) -> str:
        return str(self.args[0])


class TransferError(StoreError):
    """A bookmarks JSON file that cannot be imported (nothing was changed)."""


class ExcerptNotFound(StoreError, KeyError):
    """No excerpt has this id."""

    def __init__(self, excerpt_id: int) -> None:
        super().__init__(f"there is no excerpt #{excerpt_id}")
        self.excerpt_id = excerpt_id

    def __str__(self) -> str:
        return str(self.args[0])
