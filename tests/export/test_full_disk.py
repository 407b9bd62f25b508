"""Exports onto a disk that is really full (a tiny tmpfs in a private mount namespace): a
clear one-line failure, a non-zero exit, the previous file kept, nothing left behind."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from ..reliability import procs
from .conftest import needs_chinese_font

ARTICLE = "0f419ca80aa8"


def _unshare() -> list[str]:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("unshare/mount not available: no private tmpfs for a real full disk")
    if os.geteuid() == 0:
        return ["unshare", "--mount", "--propagation", "private"]
    return ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"]


@needs_chinese_font
def test_every_format_on_a_full_disk_fails_clearly_and_keeps_the_old_file(
    small_library: Path, tmp_path: Path
) -> None:
    mount = tmp_path / "disk"
    mount.mkdir()
    driver = Path(__file__).with_name("full_disk_export.py")
    formats = ["pdf", "docx", "md", "txt", "html"]
    done = procs.run_command([*_unshare(), sys.executable, str(driver), str(mount),
                              str(small_library), ARTICLE, *formats],
                             procs.env(QT_QPA_PLATFORM="offscreen"))
    if done.returncode == 77 or (done.returncode != 0 and "unshare" in done.stderr):
        pytest.skip(f"a tmpfs cannot be mounted here: {done.stderr.strip()[:200]}")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for fmt in formats:
        step = report[fmt]
        assert step["status"] == 1, (fmt, step)
        line = procs.one_line(step["err"])  # no traceback, no "Exception ignored"
        target = mount / f"report.{fmt}"
        assert line == f"reader: cannot write {target}: No space left on device", fmt
        assert step["old kept"], fmt
        assert step["files"] == ["filler", f"report.{fmt}"], fmt  # no temporary file left
        assert step["out"] == "", fmt
