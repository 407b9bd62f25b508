"""``python -m benchmarks.kill_loops [--kills N]``: the two SIGKILL loops of docs/reliability.md.

1. ``reader index`` killed N times on a generated library of 2,000 articles, at a random
   moment once it says it is indexing (every tenth run rebuilds the whole index: killed
   0.5–4 s into it; the others update it for the changed pages: killed at a random moment
   of the time such a run takes). Before each run 40 page files get a new marker word
   (saved as a new file renamed over the old one, as editors and rsync save);
   after each kill the reader's worker processes must be gone, and the next command (a
   search for the marker) must finish the index and find the 40 articles.
   At the end every marker of every round is searched again and the index is compared with
   a clean build in another home: the same matches for the planted names and common words.
2. Bookmark writes killed N times: a process adding bookmarks one by one (every fifth
   round: importing a file of 500) into one store, killed at a random moment. After each
   kill the store must open (not damaged), hold every bookmark the process reported saved
   with its note, and the rolling backup must be a sound store at most one change behind;
   an import is there entirely or not at all.

Prints one line per round and a summary; exits 1 if anything acknowledged was lost.
Each process runs in its own session and only those are killed. Run from the repository's
folder (it uses ``tests/reliability/procs.py``, which needs the test tools).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from benchmarks.generate import generate_library
from tests.reliability.procs import session_gone

READER = [sys.executable, "-m", "reader"]
CHANGED = 40
"""Page files given a new marker before each ``reader index`` (of about 250)."""
ADDER = """
import sys
from pathlib import Path
from typing import IO
from reader.corpus.model import Article, Paragraph
from reader.bookmarks import BookmarkStore

round_no = int(sys.argv[2])
with BookmarkStore.open(Path(sys.argv[1])) as store:
    if sys.argv[3] == "import":
        report = store.import_json(Path(sys.argv[4]))
        print("imported", report.added, flush=True)
    else:
        for n in range(100_000):
            article = Article(id=f"r{round_no}-{n}", title=f"第{round_no}轮第{n}篇",
                              paper="测试报", page=n % 8 + 1,
                              paragraphs=[Paragraph(f"第{round_no}轮正文{n}，" * 20)])
            store.add(article, note=f"笔记{round_no}-{n}", tags=[f"t{n % 3}"])
            print(n, flush=True)
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["READER_HOME"] = str(home)
    for kind in ("DATA", "CACHE", "CONFIG", "LOG"):
        env.pop(f"READER_{kind}_DIR", None)
    return env


def _kill_after(command: list[str], env: dict[str, str], delay: float) -> tuple[bool, str]:
    """Start ``command``, SIGKILL it after ``delay`` s; (whether it was still running, its
    stdout). Whatever is left of its session is killed afterwards, and counted."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, start_new_session=True, text=True)
    time.sleep(delay)
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return running, out


def _await_line(stream: IO[bytes], text: bytes, timeout: float) -> None:
    """Read ``stream`` until a line holds ``text`` (or it ends, or ``timeout`` passes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if not line or text in line:
            return


def _leftovers(pid: int) -> bool:
    gone = session_gone(pid)
    if not gone:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
    return not gone


def _search_total(home: Path, root: Path, query: str) -> int:
    result = subprocess.run([*READER, "search", query, "--json", "--limit", "0",
                             "--library", str(root)], env=_env(home), capture_output=True,
                            text=True, timeout=600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"search {query} exited {result.returncode}: {result.stderr}")
    return int(json.loads(result.stdout)["total"])


def index_loop(base: Path, kills: int, rng: random.Random) -> dict[str, int]:
    root = base / "library"
    home = base / "home"
    info = generate_library(root, 2_000, seed=6)
    pages = sorted(root.rglob("*.txt"))
    stats = {"kills": 0, "killed while running": 0, "workers left": 0, "wrong counts": 0,
             "failed commands": 0}
    typical = 3.0  # seconds an update of the changed pages takes (the last one not killed)
    for r in range(1, kills + 1):
        marker = f"标记{r:03d}号"
        for page in rng.sample(pages, CHANGED):
            # Saved as editors and rsync save a file (a new file renamed over the old one),
            # which moves its folder's time: a command that looks only at changed folders
            # sees it. A page rewritten in place is seen by `reader index` alone (README).
            fresh = page.with_name(page.name + ".new")
            added = f"\n\n　　本段落为第{r}轮测试所加，{marker}在此。\n"
            fresh.write_text(page.read_text(encoding="utf-8") + added, encoding="utf-8")
            os.replace(fresh, page)
        rebuild = r % 10 == 0  # every tenth run builds the whole index anew
        command = [*READER, "index", "--library", str(root), *(["--rebuild"] if rebuild else [])]
        proc = subprocess.Popen(command, env=_env(home), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, start_new_session=True)
        assert proc.stderr is not None
        started = time.monotonic()
        if rebuild or r == 1:
            _await_line(proc.stderr, b"indexing: ", timeout=120)  # the pages are read
            time.sleep(rng.uniform(0.5, 4.0))
        else:  # anywhere in a run: start-up, reading the changed pages, indexing, publishing
            time.sleep(rng.uniform(0.2, 1.0) * typical)
        running = proc.poll() is None
        if running:
            proc.send_signal(signal.SIGKILL)
        else:
            typical = time.monotonic() - started
        proc.wait(60)
        proc.stderr.close()
        stats["kills"] += 1
        stats["killed while running"] += running
        stats["workers left"] += _leftovers(proc.pid)
        try:
            total = _search_total(home, root, f'"{marker}"')
        except RuntimeError as err:
            print(f"index round {r}: {err}", file=sys.stderr)
            stats["failed commands"] += 1
            continue
        stats["wrong counts"] += total != CHANGED
        print(f"index round {r}: {'killed' if running else 'had finished'}; "
              f"{marker}: {total} articles", file=sys.stderr)
    for r in range(1, kills + 1):  # every round's pages are still indexed as they are
        stats["wrong counts"] += _search_total(home, root, f'"标记{r:03d}号"') != CHANGED
    clean = base / "clean-home"
    subprocess.run([*READER, "index", "--library", str(root)], env=_env(clean),
                   capture_output=True, timeout=900, check=True)
    differ = 0
    for query in [*info.planted, "钱塘", "疫情防控", "区委书记", "人民", "测试所加"]:
        differ += _search_total(home, root, query) != _search_total(clean, root, query)
    stats["queries differing from a clean build"] = differ
    return stats


def _import_file(path: Path, round_no: int) -> Path:
    entries = [{"note": f"导入{round_no}-{n}", "tags": ["导入"], "article": {
        "id": f"imp{round_no}-{n}", "paper": "导入报", "title": f"导入第{round_no}轮第{n}篇",
        "page": 1, "date": "2022-08-10"}} for n in range(500)]
    path.write_text(json.dumps({"format": "newspaper-reader-bookmarks", "version": 1,
                                "bookmarks": entries}, ensure_ascii=False), encoding="utf-8")
    return path


def bookmark_loop(base: Path, kills: int, rng: random.Random) -> dict[str, int]:
    from reader.bookmarks import BookmarkStore
    from reader.bookmarks.backup import backup_path, check_file

    store_path = base / "bookmarks.sqlite3"
    acknowledged: dict[str, str] = {}  # article id -> note
    imports: dict[int, bool] = {}
    stats = {"kills": 0, "killed while running": 0, "acknowledged": 0, "lost": 0,
             "store damaged": 0, "backup unsound or behind": 0, "half imports": 0}
    for r in range(1, kills + 1):
        if r % 5 == 0:
            source = _import_file(base / f"import-{r}.json", r)
            command = [sys.executable, "-c", ADDER, str(store_path), str(r), "import",
                       str(source)]
        else:
            command = [sys.executable, "-c", ADDER, str(store_path), str(r), "add"]
        running, out = _kill_after(command, os.environ.copy(), rng.uniform(0.4, 3.0))
        stats["kills"] += 1
        stats["killed while running"] += running
        if r % 5 == 0:
            imports[r] = "imported" in out
        else:
            for line in out.split():
                acknowledged[f"r{r}-{line}"] = f"笔记{r}-{line}"
        try:
            with BookmarkStore.open(store_path) as store:
                kept = {b.article_id: b.note for b in store.list()}
        except Exception as err:  # a damaged store is what this loop looks for
            print(f"bookmark round {r}: the store does not open: {err}", file=sys.stderr)
            stats["store damaged"] += 1
            continue
        lost = [a for a, note in acknowledged.items() if kept.get(a) != note]
        stats["lost"] = len(lost)
        for n, done in imports.items():
            count = sum(1 for a in kept if a.startswith(f"imp{n}-"))
            stats["half imports"] += count not in (0, 500) or (done and count != 500)
        if check_file(backup_path(store_path)) is not None:
            stats["backup unsound or behind"] += 1
        else:
            with contextlib.closing(sqlite3.connect(backup_path(store_path))) as conn:
                in_backup = conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0]
            stats["backup unsound or behind"] += not len(kept) - 500 <= in_backup <= len(kept)
        print(f"bookmark round {r}: {'killed' if running else 'had finished'}; "
              f"{len(acknowledged)} acknowledged, {len(kept)} in the store, {len(lost)} lost",
              file=sys.stderr)
    stats["acknowledged"] = len(acknowledged)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.kill_loops")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=12)
    options = parser.parse_args(argv)
    rng = random.Random(options.seed)
    with tempfile.TemporaryDirectory(prefix="kill-loops-") as tmp:
        base = Path(tmp)
        (base / "index").mkdir()
        (base / "bookmarks").mkdir()
        start = time.monotonic()
        index = index_loop(base / "index", options.kills, rng)
        bookmarks = bookmark_loop(base / "bookmarks", options.kills, rng)
        took = time.monotonic() - start
    print(f"reader index killed: {index}")
    print(f"bookmark writes killed: {bookmarks}")
    print(f"({took:.0f} s)")
    bad = (index["workers left"] + index["wrong counts"] + index["failed commands"]
           + index["queries differing from a clean build"] + bookmarks["lost"]
           + bookmarks["store damaged"] + bookmarks["backup unsound or behind"]
           + bookmarks["half imports"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
