"""``FolderSource``: the pages of a library folder, read only when the index needs them.

It gives the same sources and stamps as ``Library`` (so the window and the command line share
one index), but parses a page file only when asked for it: a search from the command line on
an unchanged library reads no page at all.
"""

from __future__ import annotations

from pathlib import Path

from ..corpus.library import PageError, file_stamp, iter_page_files, load_page
from ..corpus.model import Page


class FolderSource:
    """A ``PageSource`` over the page files under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def stamps(self) -> dict[str, str]:
        stamps: dict[str, str] = {}
        if not self.root.is_dir():
            return stamps
        for path in iter_page_files(self.root):
            try:
                stamps[path.relative_to(self.root).as_posix()] = file_stamp(path)
            except OSError:
                continue
        return stamps

    def page(self, source: str) -> Page | None:
        try:
            return load_page(self.root / source, source)
        except PageError:
            return None
