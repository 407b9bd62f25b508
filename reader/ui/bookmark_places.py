"""Which library each bookmark was made in (a thin adapter beside the bookmark store).

The bookmark store (``reader.bookmarks``) remembers an article well enough to find it again in
*a* library, but not which library folder it came from; with several libraries the window
needs that to open a bookmark in its own library. So the window keeps ``bookmark uid →
library folder`` in ``bookmark-libraries.json`` beside the store (data folder), written
atomically. It is only a shortcut: a missing or unwritable file loses no bookmark, and a
bookmark without a place is looked for by its article id in the recent libraries.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from ..atomicfile import write_json_atomic
from ..corpus.catalog import Catalog, catalog_path
from ..paths import data_dir
from ..server.url import is_server_url

log = logging.getLogger("reader.ui")


def places_path() -> Path:
    return data_dir() / "bookmark-libraries.json"


class BookmarkPlaces:
    """uid → library folder, read again when another window may have written it."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or places_path()
        self._places: dict[str, str] = {}
        self._stamp: float | None = None
        self.reload()

    def reload(self) -> None:
        try:
            stamp = self.path.stat().st_mtime
        except OSError:
            return
        if stamp == self._stamp:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            log.warning("bookmark libraries not read from %s: %s", self.path, err)
            return
        if isinstance(data, dict) and isinstance(data.get("places"), dict):
            self._places = {str(k): str(v) for k, v in data["places"].items()}
            self._stamp = stamp

    def get(self, uid: str) -> Path | None:
        place = self._places.get(uid)
        return Path(place) if place else None

    def items(self) -> Iterable[tuple[str, Path]]:
        return ((uid, Path(p)) for uid, p in self._places.items())

    def set(self, uid: str, root: Path) -> None:
        if is_server_url(str(root)):
            return  # a shared archive's bookmarks are kept in it: no place to remember
        self.reload()
        text = str(Path(root).resolve())
        if self._places.get(uid) == text:
            return
        self._places[uid] = text
        try:
            write_json_atomic(self.path, {"version": 1, "places": self._places}, indent=1)
            self._stamp = self.path.stat().st_mtime
        except OSError as err:  # a shortcut only: the bookmark itself is saved
            log.warning("bookmark library not saved in %s: %s", self.path, err)


def library_holding(article_id: str, roots: Iterable[Path]) -> Path | None:
    """The first of ``roots`` whose catalog (as last read) holds ``article_id``.

    Only libraries read before are asked (their catalog cache exists); nothing is parsed.
    """
    for root in roots:
        if not Path(root).is_dir() or not catalog_path(root).exists():
            continue
        try:
            catalog = Catalog(root)
        except Exception as err:  # a cache that cannot be opened: that library is skipped
            log.warning("catalog of %s not readable: %s", root, err)
            continue
        try:
            if catalog.locate(article_id) is not None:
                return Path(root)
        finally:
            catalog.close()
    return None
