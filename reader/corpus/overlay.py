"""The per-user overlay: where the corrections of a library that cannot be written are kept.

A page's corrections belong in its sidecar, beside the page. When the library folder is
read-only (a share, a CD, an archive of the institution), they go to the user's data folder
instead (``reader.paths.data_dir()``), one folder per library::

    DATA/corrections/3f2a9c0d1e4b5a67/README.txt               which library, and why here
    DATA/corrections/3f2a9c0d1e4b5a67/2022/第1版.txt.corrections.toml

Each overlay file has the shape of a sidecar (page fields and ``[[corrections]]``); it is read
after the page's own sidecar and its fields win. ``overlay_for`` finds the overlay file of a
page file from its path alone, quickly when there is no overlay at all (the catalog asks for
every file of the library).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

from ..paths import data_dir

OVERLAY_SUFFIX = ".corrections.toml"
NOTE = "README.txt"
_lock = threading.Lock()
_known: dict[str, tuple[int, dict[str, Path]]] = {}


def overlay_root() -> Path:
    """The folder of every library's overlay (and of the corrections' undo journal)."""
    return data_dir() / "corrections"


def library_key(root: Path) -> str:
    return hashlib.sha1(os.fsencode(Path(root).resolve())).hexdigest()[:16]


def overlay_folder(root: Path) -> Path:
    """The overlay folder of the library at ``root`` (it may not exist yet)."""
    return overlay_root() / library_key(root)


def overlay_file(root: Path, source: str) -> Path:
    """The overlay file of the page ``source`` of the library at ``root``."""
    return overlay_folder(root).joinpath(*source.split("/")).with_name(
        source.rsplit("/", 1)[-1] + OVERLAY_SUFFIX)


def write_note(root: Path) -> None:
    """Say in the overlay folder which library it belongs to, and why it is there."""
    folder = overlay_folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    _last.clear()  # this process looks again at once
    note = folder / NOTE
    if not note.exists():
        from ..atomicfile import write_text_atomic

        write_text_atomic(note, (
            "Corrections of the newspaper library at\n"
            f"{Path(root).resolve()}\n"
            "kept here because that folder cannot be written (see docs/sidecar.md).\n"
            "Move them to another machine with `reader corrections export` and `import`.\n"))


_RECHECK = 0.5
"""Seconds during which the list of overlays is not looked at again (the catalog asks for
every file of a library in a row)."""
_last: list[tuple[float, dict[str, Path]]] = []


def _libraries() -> dict[str, Path]:
    """Library folder (resolved) → its overlay folder, for every overlay there is."""
    now = time.monotonic()
    if _last and now - _last[0][0] < _RECHECK:
        return _last[0][1]
    found = _scan()
    _last[:] = [(now, found)]
    return found


def _scan() -> dict[str, Path]:
    base = str(overlay_root())
    with _lock:
        cached = _known.get(base)
    try:
        mtime = os.stat(base).st_mtime_ns
    except OSError:
        mtime = -1
    if cached and cached[0] == mtime:
        return cached[1]
    found: dict[str, Path] = {}
    try:
        folders = [p for p in Path(base).iterdir() if p.is_dir()]
    except OSError:
        folders = []
    for folder in folders:
        try:
            lines = (folder / NOTE).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        if len(lines) > 1:
            found[lines[1]] = folder
    with _lock:
        _known[base] = (mtime, found)
    return found


def overlay_for(path: Path) -> tuple[Path, Path, str] | None:
    """(library folder, overlay file, source) of the page file at ``path`` when its library
    has an overlay; None otherwise (the common case, answered with one ``stat``)."""
    libraries = _libraries()
    if not libraries:
        return None
    for candidate in (os.path.abspath(path), os.path.realpath(path)):
        for lib in libraries:
            if candidate.startswith(lib.rstrip(os.sep) + os.sep):
                source = Path(candidate[len(lib.rstrip(os.sep)) + 1 :]).as_posix()
                return Path(lib), overlay_file(Path(lib), source), source
    return None


def overlay_stamp(path: Path) -> str:
    """Size and modification time of the page's overlay file, or '' without one."""
    found = overlay_for(path)
    if found is None:
        return ""
    try:
        st = found[1].stat()
    except OSError:
        return ""
    return f"o{st.st_size}:{st.st_mtime_ns}" + join_stamp(found[1])


def join_stamp(side: Path) -> str:
    """Stamps of the pages that the ``join`` corrections in the sidecar-shaped file ``side``
    take a continuation from (the joined page shows their text, so it is read again when they
    change), or '' when it has none. Only a file that mentions a join is parsed."""
    try:
        with open(side, "rb") as fh:
            raw = fh.read(64 * 1024)
    except OSError:
        return ""
    if b'"join"' not in raw:
        return ""
    import tomllib

    try:
        tables = tomllib.loads(raw.decode("utf-8-sig")).get("corrections", [])
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return ""
    out = []
    for table in tables if isinstance(tables, list) else []:
        if isinstance(table, dict) and table.get("op") == "join" and isinstance(
                table.get("page"), str):
            other = side.parent / table["page"]
            for part in (other, other.with_name(other.stem + ".meta.toml")):
                try:
                    st = part.stat()
                except OSError:
                    continue
                out.append(f"{st.st_size}:{st.st_mtime_ns}")
    return ("+" + "+".join(out)) if out else ""
