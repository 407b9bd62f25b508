"""Sidecar files: a small TOML file next to a page that sets fields the page does not state.

For ``pages/001.txt`` the sidecar is ``pages/001.meta.toml``::

    # Fields set by hand for 001.txt
    schema = 1
    date = 2022-05-06
    paper = "钱塘新区报"
    issue_no = 350
    page = 1
    page_count = 8

Every key is optional. A value here wins over what the parser read from the page. The
reader's corrections of the page (``corrections``) follow as an array of tables,
``[[corrections]]``, one per operation, each a table of text values. See docs/sidecar.md.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import reprlib
import tomllib
from pathlib import Path
from typing import Any

from ..atomicfile import write_text_atomic
from .walk import NotReadable, read_regular

SCHEMA = 2
"""Version 2 added ``[[corrections]]``; a sidecar without corrections is still written as 1,
so that older readers keep using its fields."""
FIELDS_SCHEMA = 1
CORRECTIONS = "corrections"
SUFFIX = ".meta.toml"
FIELDS: dict[str, type] = {
    "paper": str,
    "date": dt.date,
    "issue_no": int,
    "page": int,
    "page_count": int,
}


MAX_BYTES = 64 * 1024
"""A sidecar holds a few keys; a larger file is something else."""
MAX_NESTING = 16
"""Arrays and tables nested deeper than this are refused (the fields are flat values)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""Control characters a TOML string cannot hold as they are (tab and line feed can)."""
_short = reprlib.Repr()
_short.maxstring = _short.maxother = 80


class SidecarError(ValueError):
    """The sidecar exists but cannot be used; the message says which key and why."""


def sidecar_path(page_file: Path) -> Path:
    return page_file.with_name(page_file.stem + SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def read_sidecar(page_file: Path) -> dict[str, object]:
    """The fields set by the page's sidecar ({} when it has none)."""
    return read_fields_file(sidecar_path(page_file))


def read_fields_file(path: Path) -> dict[str, object]:
    """The page fields set by the sidecar-shaped file at ``path`` ({} when it is absent)."""
    return _fields(_load_toml(path, SCHEMA))


def read_corrections_file(path: Path) -> list[dict[str, object]]:
    """The ``[[corrections]]`` tables of the sidecar-shaped file at ``path`` ([] when absent).

    Raises SidecarError when the file or the list cannot be used.
    """
    value = _load_toml(path, SCHEMA).get(CORRECTIONS, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise SidecarError(f"{CORRECTIONS} should be a list of tables, [[{CORRECTIONS}]]")
    return value


def _fields(data: dict[str, object]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key, value in data.items():
        if key not in FIELDS:
            continue  # kept on rewrite, ignored here
        wanted = FIELDS[key]
        if wanted is dt.date and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise SidecarError(f"date = {_short.repr(value)} is not a date like "
                                   "2022-05-06") from None
        if wanted is dt.date and isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, wanted) or isinstance(value, bool):
            raise SidecarError(f"{key} = {_short.repr(value)} should be a {wanted.__name__}")
        if isinstance(value, int) and wanted is int and not 0 < value < 1_000_000:
            raise SidecarError(f"{key} = {_short.repr(value)} is out of range")
        fields[key] = value
    return fields


def _parse(raw: bytes) -> dict[str, Any]:
    """The TOML of a sidecar, nested at most ``MAX_NESTING`` deep, or SidecarError."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SidecarError(f"it is not valid TOML: {err}") from None
    except RecursionError:
        data = None
    if data is None or _depth(data) > MAX_NESTING:
        raise SidecarError(f"it nests arrays or tables more than {MAX_NESTING} deep") from None
    return data


def _depth(data: object) -> int:
    """How deep lists and dicts nest in ``data`` (counted without recursion)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth + 1)
            if deepest > MAX_NESTING:
                break
            stack.extend((item, depth + 1) for item in value)
    return deepest


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return f'"{text}"'


def write_sidecar(page_file: Path, updates: dict[str, object]) -> Path:
    """Set ``updates`` in the page's sidecar, keeping its other keys; written atomically.

    A value of None removes the key. Raises OSError when the folder is not writable.
    """
    return _rewrite_toml(sidecar_path(page_file), updates, FIELDS_SCHEMA,
                         sidecar_header(page_file.name))


def sidecar_header(name: str) -> str:
    return f"# Fields set by hand for {name} (see docs/sidecar.md)"


def sidecar_text(current: dict[str, object], header: str) -> str:
    """The TOML text of a sidecar holding ``current`` (fields, other keys, corrections)."""
    tables = current.get(CORRECTIONS)
    corrections = tables if isinstance(tables, list) and tables else []
    lines = [header, f"schema = {SCHEMA if corrections else FIELDS_SCHEMA}"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in current.items()
              if key != "schema" and not isinstance(value, dict | list)]
    for table in corrections:
        lines += ["", f"[[{CORRECTIONS}]]"]
        lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in table.items()
                  if not isinstance(value, dict | list)]
    return "\n".join(lines) + "\n"


def parse_sidecar_text(raw: bytes) -> dict[str, object]:
    """The keys of a sidecar's bytes (``schema`` included); SidecarError when unusable."""
    return _parse(raw)


def _toml_key(key: str) -> str:
    if key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key):
        return key
    return _toml_value(key)


def _load_toml(path: Path, newest: int) -> dict[str, object]:
    """The keys of a settings file ({} when it is absent), its schema checked and removed.

    Only a regular file of at most ``MAX_BYTES`` is read, nested at most ``MAX_NESTING`` deep.
    """
    try:
        raw = read_regular(path, MAX_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as err:
        if err.errno == errno.ENAMETOOLONG:
            return {}  # the page's name leaves no room for one: it has none
        raise SidecarError(f"cannot read it: {err.strerror}") from None
    except NotReadable as err:
        if err.size is not None:
            raise SidecarError(f"it is {err.size:,} bytes; a sidecar is at most "
                               f"{MAX_BYTES:,}") from None
        raise SidecarError(str(err)) from None
    data: dict[str, object] = _parse(raw)
    schema = data.pop("schema", newest)
    if not isinstance(schema, int) or schema > newest:
        raise SidecarError(f"schema {schema!r} is newer than this program understands ({newest})")
    return data


def _rewrite_toml(path: Path, updates: dict[str, object], schema: int, header: str) -> Path:
    """Set ``updates`` in the file at ``path``, keeping its other keys; None removes a key."""
    current: dict[str, object] = {}
    if path.exists():
        try:
            current = _parse(path.read_bytes())
        except SidecarError:
            backup = path.with_name(path.name + ".bad")
            os.replace(path, backup)
    current.pop("schema", None)
    for key, value in updates.items():
        if value is None:
            current.pop(key, None)
        else:
            current[key] = value
    if isinstance(current.get(CORRECTIONS), list) and current[CORRECTIONS]:
        write_text_atomic(path, sidecar_text(current, header))  # the corrections are kept
        return path
    lines = [header, f"schema = {schema}"]
    lines += [f"{key} = {_toml_value(value)}" for key, value in current.items()
              if not isinstance(value, dict | list)]
    write_text_atomic(path, "\n".join(lines) + "\n")
    return path


# -- the library's settings file ---------------------------------------------------------

LIBRARY_FILE = "library.toml"
"""The library-level settings file, at the library's root (see docs/sidecar.md)."""
LIBRARY_SCHEMA = 1


def library_settings_path(root: Path) -> Path:
    return Path(root) / LIBRARY_FILE


def read_library_settings(root: Path) -> dict[str, object]:
    """The settings of the library at ``root`` ({} when it has no settings file).

    Known keys: ``paper`` (the paper of pages that name none). Raises SidecarError with the
    key and the reason when the file cannot be used.
    """
    data = _load_toml(library_settings_path(root), LIBRARY_SCHEMA)
    settings: dict[str, object] = {}
    paper = data.get("paper")
    if paper is not None:
        if not isinstance(paper, str) or not paper.strip() or len(paper) > 60:
            raise SidecarError(f"paper = {paper!r} should be the paper's name, like \"人民日报\"")
        settings["paper"] = paper.strip()
    return settings


def write_library_settings(root: Path, updates: dict[str, object]) -> Path:
    """Set ``updates`` in the library's settings file, keeping its other keys (atomically).

    A value of None removes the key. Raises OSError when the folder is not writable.
    """
    return _rewrite_toml(
        library_settings_path(root), updates, LIBRARY_SCHEMA,
        "# Settings of this library folder for the newspaper reader (see docs/sidecar.md)")
