"""The user's choices that outlive a session and are shared by the window and the CLI:
the library last opened and the list of recent libraries.

Stored as JSON in the user config folder, with a schema version, written atomically. A file
that cannot be read (not JSON, not UTF-8, nested too deep, wrong types) is set aside
(``config.json.bad``, or ``.bad-2`` … beside an earlier one) and the defaults are used, with
a message; it is never silently overwritten.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import jsondepth
from .atomicfile import write_json_atomic
from .paths import bundled_corpus, config_dir
from .server.url import is_server_url, without_password

SCHEMA = 1
MAX_RECENT = 10


@dataclass
class UserConfig:
    libraries: list[str] = field(default_factory=list)
    """Recent library folders, most recent first; the first is the one to open."""
    messages: list[str] = field(default_factory=list)
    """What went wrong while reading the file. The first read in a process sets a bad file
    aside; later reads in the same process repeat its message, so that whichever part of
    the program shows messages (the window, the command line) gets it."""

    @property
    def current_library(self) -> Path | None:
        for folder in self.libraries:
            if Path(folder).is_dir():
                return Path(folder)
        return None

    def remember_library(self, root: Path | str) -> None:
        """Put ``root`` first among the recent libraries (a shared archive's URL without
        its password: libpq finds that in ``.pgpass``, a service file or the environment)."""
        text = without_password(str(root)) if is_server_url(root) else str(Path(root).resolve())
        self.libraries = [text] + [x for x in self.libraries if x != text]
        del self.libraries[MAX_RECENT:]

    def forget_library(self, root: Path) -> None:
        text = str(Path(root).resolve())
        self.libraries = [x for x in self.libraries if x != text]


def config_file() -> Path:
    return config_dir() / "config.json"


_earlier: dict[Path, list[str]] = {}
"""Messages of earlier reads in this process, by config file."""


def load_config() -> UserConfig:
    """The user's config; the defaults (with ``messages``) when it cannot be used."""
    path = config_file()
    config = _read(path)
    seen = _earlier.setdefault(path, [])
    seen += [m for m in config.messages if m not in seen]
    config.messages = list(seen)
    return config


def _read(path: Path) -> UserConfig:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return UserConfig()
    except OSError as err:
        return UserConfig(messages=[f"{path}: could not be read ({err.strerror}); using defaults"])
    try:
        # UnicodeDecodeError and a file nested too deep (jsondepth.TooDeep) are ValueErrors.
        data = jsondepth.load_utf8(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        schema = data.get("schema", SCHEMA)
        if not isinstance(schema, int) or schema > SCHEMA:
            return UserConfig(messages=[
                f"{path} was written by a newer version of the reader (schema {schema}); "
                "using defaults without changing it"
            ])
        libraries = [str(x) for x in data.get("libraries", []) if isinstance(x, str)]
        return UserConfig(libraries=libraries)
    except (ValueError, TypeError) as err:
        bad = path.with_name(path.name + ".bad")
        n = 1
        while bad.exists():  # an earlier bad file is kept too
            n += 1
            bad = path.with_name(f"{path.name}.bad-{n}")
        try:
            os.replace(path, bad)
            where = f"it was kept as {bad}"
        except OSError:
            where = "it was left in place"
        return UserConfig(messages=[f"{path} could not be parsed ({err}); defaults are used and "
                                    f"{where}"])


def save_config(config: UserConfig) -> None:
    """Write the config atomically. Raises OSError when the folder is not writable."""
    path = config_file()
    if any("newer version" in m for m in config.messages):
        return  # never overwrite a file this version does not understand
    write_json_atomic(path, {"schema": SCHEMA, "libraries": config.libraries})


def library_folder(chosen: Path | None) -> Path:
    """The library to open: the one ``chosen`` (``--library``), else the one opened last
    (window or ``reader library open``), else the bundled corpus."""
    return chosen if chosen is not None else load_config().current_library or bundled_corpus()
