"""Run inside a private mount namespace: ``reader export`` into a tiny tmpfs that is full.

For each format, a previous report is put on the tmpfs, the rest of it is filled to the last
byte, and ``reader export`` (through ``reader.cli.main``, as typed) tries to replace the report.
Prints a JSON report: exit status, stderr, whether the old report is intact, files left.

Usage: python full_disk_export.py MOUNTPOINT LIBRARY ARTICLE_ID FORMAT...
Exits 77 when the tmpfs cannot be mounted (the caller skips).
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

OLD = b"the previous report, which must survive\n"


def fill(path: Path) -> None:
    """Fill the file system holding ``path`` to the last byte."""
    with path.open("wb", buffering=0) as fh:
        for size in (65536, 4096, 1):
            with contextlib.suppress(OSError):
                while fh.write(bytes(size)):
                    pass


def main() -> int:
    mount, library, article, formats = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        return 77
    from reader.cli import main as reader_main
    from reader.export.pdf_format import ensure_gui_application

    ensure_gui_application()  # once, before the disk is full (Qt's own caches are elsewhere)
    report: dict[str, object] = {}
    for fmt in formats:
        target = mount / f"report.{fmt}"
        target.write_bytes(OLD)
        filler = mount / "filler"
        fill(filler)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = reader_main(["export", article, "--output", str(target), "--force",
                                  "--library", library])
        # What Python prints for an exception it could not raise (a failed close in __del__)
        # goes to sys.stderr after the command returns: collect it too.
        with contextlib.redirect_stderr(err):
            import gc

            gc.collect()
        report[fmt] = {
            "status": status, "out": out.getvalue(), "err": err.getvalue(),
            "old kept": target.read_bytes() == OLD,
            "files": sorted(p.name for p in mount.iterdir()),
        }
        filler.unlink()
        target.unlink()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
