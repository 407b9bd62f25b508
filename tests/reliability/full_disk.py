"""Run inside a private mount namespace: ``reader bookmarks`` on a data folder that is a tiny
tmpfs filled to the last byte (and a search with its cache there). Each command runs through
``reader.cli.main`` as typed (one interpreter: seven start-ups would take seconds). Prints a
JSON report of what each step did.

Usage: python full_disk.py MOUNTPOINT LIBRARY ARTICLE_ID ARTICLE_ID
Exits 77 when the tmpfs cannot be mounted (the caller skips).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    mount, library, first, second = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        return 77
    os.environ["READER_DATA_DIR"] = str(mount)
    from reader.cli import main as reader_main  # once: each command as if typed anew

    report: dict[str, object] = {}

    def reader(name: str, *args: str, cache: Path | None = None) -> None:
        out, err = io.StringIO(), io.StringIO()
        if cache is not None:
            os.environ["READER_CACHE_DIR"] = str(cache)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                status = reader_main(list(args))
        finally:
            os.environ.pop("READER_CACHE_DIR", None)
        report[name] = {"status": status, "out": out.getvalue(), "err": err.getvalue()}

    def digest() -> str:
        return hashlib.sha256((mount / "bookmarks.sqlite3").read_bytes()).hexdigest()

    reader("first add", "bookmarks", "add", first, "--note", "第一条", "--library", library)
    with (mount / "filler").open("wb", buffering=0) as fh:  # fill it to the last byte
        for size in (4096, 1):
            try:
                while fh.write(bytes(size)):
                    pass
            except OSError:
                pass
    before = digest()
    reader("add on a full disk", "bookmarks", "add", second, "--note", "第二条" * 500,
           "--library", library)
    reader("list on a full disk", "bookmarks", "list", "--library", library)
    reader("export on a full disk", "bookmarks", "export", str(mount / "out.json"),
           "--library", library)
    reader("search with the cache on a full disk", "search", "金承涛", "--library", library,
           cache=mount / "cache")
    report["store unchanged"] = digest() == before
    report["files on the full disk"] = sorted(p.name for p in mount.iterdir())
    (mount / "filler").unlink()
    reader("add after freeing space", "bookmarks", "add", second, "--note", "第二条",
           "--library", library)
    reader("list after freeing space", "bookmarks", "list", "--json", "--library", library)
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
