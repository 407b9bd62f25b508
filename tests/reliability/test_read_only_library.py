"""A library folder that cannot be written (a shared or archived copy) is read, indexed and
searched as usual; what would be written into it fails with a message naming the place."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from reader.corpus.sidecar import sidecar_path

from ..conftest import SEEDS
from . import procs

UNDATED = "001_7373efc8816d55bd.txt"


def _snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_read_only_library_is_indexed_searched_and_left_unchanged(
    small_library: Path, tmp_path: Path
) -> None:
    before = _snapshot(small_library)
    new_page = tmp_path / "new.txt"
    new_page.write_text(SEEDS[0].read_text("utf-8").replace("QIANTANG", "Q"), "utf-8")
    with procs.read_only(small_library):
        index = procs.run(["index", "--library", str(small_library)],
                          read_only_respected=True)
        search = procs.run(["search", "金承涛", "--json", "--library", str(small_library)],
                           read_only_respected=True)
        add = procs.run(["add", str(new_page), "--library", str(small_library)],
                        read_only_respected=True)
    assert index.returncode == 0 and "28 articles in the index" in index.stdout
    assert search.returncode == 0 and json.loads(search.stdout)["total"] == 12
    assert add.returncode == 1
    problem = procs.one_line(add.stderr)
    assert problem.startswith(f"reader: {new_page}: could not be copied into {small_library}")
    assert problem.endswith("Permission denied")
    assert _snapshot(small_library) == before


SET_DATE = """
import datetime, sys
from pathlib import Path
from reader.corpus.sidecar import write_sidecar
try:
    write_sidecar(Path(sys.argv[1]), {"date": datetime.date(2022, 5, 6)})
except OSError as err:
    print("not saved:", err.strerror)
else:
    print("saved")
"""


def test_a_sidecar_in_a_read_only_library_raises_and_writes_nothing(
    small_library: Path,
) -> None:
    page = small_library / "pages" / UNDATED
    before = _snapshot(small_library)
    with procs.read_only(small_library):
        result = procs.run_command(
            [*procs.obeying_permissions(), procs.READER[0], "-c", SET_DATE, str(page)])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "not saved: Permission denied"
    assert _snapshot(small_library) == before  # no sidecar, no temporary file
    assert not sidecar_path(page).exists()
