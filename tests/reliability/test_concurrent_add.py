"""Two adds into one library at the same moment: every page reported as copied is there, with
the content it was copied from (issue 12, item 6)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from reader.corpus.intake import add_pages

from ..conftest import SEEDS

FILES = 40


def _incoming(folder: Path, variant: str) -> list[Path]:
    """``FILES`` pages of one paper and day whose names the other add uses too."""
    folder.mkdir(parents=True)
    text = SEEDS[0].read_text("utf-8")
    paths = []
    for n in range(FILES):
        path = folder / f"page-{n:02d}.txt"
        path.write_text(text.replace("吴宇翔", f"吴宇翔{variant}{n}"), "utf-8")
        paths.append(path)
    return paths


def _add(barrier: Any, queue: Any, files: list[Path], root: Path) -> None:
    barrier.wait()
    report = add_pages(files, root)
    queue.put((report.added, report.sources, [str(p) for p in report.problems]))


def test_two_adds_at_once_lose_no_page(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    for round_no in range(3):
        root = tmp_path / f"lib{round_no}"
        sets = [_incoming(tmp_path / f"in{round_no}-{v}", v) for v in ("甲", "乙")]
        barrier, queue = ctx.Barrier(2), ctx.Queue()
        procs = [ctx.Process(target=_add, args=(barrier, queue, files, root)) for files in sets]
        for p in procs:
            p.start()
        results = [queue.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
            assert p.exitcode == 0
        added = [rel for r in results for rel in r[0]]
        assert len(added) == 2 * FILES and len(set(added)) == 2 * FILES
        assert all(not r[2] for r in results), results
        for _, sources, _ in results:
            for rel, src in sources.items():
                assert (root / rel).read_bytes() == Path(src).read_bytes(), (round_no, rel)
        on_disk = {p.read_bytes() for p in root.rglob("*.txt")}
        assert on_disk == {p.read_bytes() for files in sets for p in files}
