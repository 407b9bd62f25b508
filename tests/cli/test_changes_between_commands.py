"""Pages added, changed or removed between two commands are in the second one's answer.

Commands no longer walk the whole library: they look in the folders whose modification time
moved (``reader.corpus.changes``). The library here is made old (its times an hour back), as
an archive is, so that only what the test does between the commands moves a folder's time.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SEEDS, age

NAME = "翟汐澜"  # in no seed page


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def hits(capsys: pytest.CaptureFixture[str], root: Path, query: str) -> int:
    status, out, err = run(capsys, "search", query, "--json", "--library", str(root))
    assert status == 0, err
    return int(json.loads(out)["total"])


def page_with(text: str) -> str:
    """A seed page that also names ``text`` in its first article."""
    page = SEEDS[0].read_text(encoding="utf-8")
    return page.replace("金承涛", text, 1)


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three issue folders of seed pages, indexed once, then aged."""
    root = tmp_path / "archive"
    for n, seed in enumerate(SEEDS[:3]):
        folder = root / "钱塘新区报" / "2022" / f"08-1{n}"
        folder.mkdir(parents=True)
        shutil.copy(seed, folder / seed.name)
    status, _, err = run(capsys, "index", "--library", str(root))
    assert status == 0, err
    age(root)
    assert hits(capsys, root, NAME) == 0  # the folder times are kept by this command
    return root


def test_a_page_added_to_an_issue_folder_is_found_by_the_next_search(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (archive / "钱塘新区报" / "2022" / "08-10" / "new.txt").write_text(page_with(NAME), "utf-8")
    assert hits(capsys, archive, NAME) == 1


def test_a_new_issue_folder_deep_down_is_found(archive: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = archive / "上城报" / "2023" / "01-02" / "版面"
    folder.mkdir(parents=True)
    (folder / "p1.txt").write_text(page_with(NAME), "utf-8")
    assert hits(capsys, archive, NAME) == 1
    (folder / "p2.txt").write_text(page_with(NAME + " 朔风书院"), "utf-8")
    assert hits(capsys, archive, NAME) == 2  # the new folder is known now, and it moved


def test_a_removed_page_and_a_removed_folder_are_gone_from_the_answers(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hits(capsys, archive, "金承涛")
    assert before > 0
    shutil.rmtree(archive / "钱塘新区报" / "2022")
    assert hits(capsys, archive, "金承涛") == 0
    status, out, _ = run(capsys, "library", "info", "--json", "--library", str(archive))
    assert status == 0 and json.loads(out)["pages"] == 0


def test_a_page_replaced_by_a_new_version_is_read_again(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (page,) = (archive / "钱塘新区报" / "2022" / "08-10").glob("*.txt")
    temp = page.with_name(".saving.tmp")
    temp.write_text(page_with(NAME), "utf-8")
    os.replace(temp, page)  # how editors and copying programs save
    assert hits(capsys, archive, NAME) == 1


def test_a_renamed_issue_folder_keeps_its_pages_under_the_new_name(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = archive / "钱塘新区报" / "2022"
    (year / "08-10" / "new.txt").write_text(page_with(NAME), "utf-8")
    assert hits(capsys, archive, NAME) == 1
    age(archive)
    (year / "08-10").rename(year / "09-10")
    status, out, _ = run(capsys, "search", NAME, "--json", "--library", str(archive))
    (hit,) = json.loads(out)["hits"]
    status, out, _ = run(capsys, "show", hit["id"], "--json", "--library", str(archive))
    assert status == 0 and json.loads(out)["source"].startswith("钱塘新区报/2022/09-10/")


def _rewrite_in_place(folder: Path) -> None:
    """Overwrite the page of ``folder`` in place (as ``cp`` over it does), the folder's own
    time kept as it was."""
    (page,) = folder.glob("*.txt")
    times = folder.stat()
    page.write_text(page_with(NAME), "utf-8")
    os.utime(folder, ns=(times.st_atime_ns, times.st_mtime_ns))


def test_a_page_rewritten_in_place_is_read_by_the_next_search(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A library of fewer page files than one look checks (``CHECK_PER_LOOK``) has every
    file's size and time compared by every command."""
    _rewrite_in_place(archive / "钱塘新区报" / "2022" / "08-11")
    assert hits(capsys, archive, NAME) == 1


def test_in_a_larger_library_a_page_rewritten_in_place_is_read_within_a_round_of_looks(
        archive: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each command compares the next share of files, going round by name: here one file a
    command. The search of the fixture compared all three, the last one 08-12; rewritten now,
    that page is compared again by the third command, after 08-10 and 08-11."""
    from reader.corpus import changes

    monkeypatch.setattr(changes, "CHECK_PER_LOOK", 1)
    _rewrite_in_place(archive / "钱塘新区报" / "2022" / "08-12")
    assert [hits(capsys, archive, NAME) for _ in range(3)] == [0, 0, 1]


def test_a_page_rewritten_in_place_is_read_by_reader_index(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written in place, a page does not move its folder's time: the README says that
    ``reader index`` (a full walk) reads it, and the search after it finds it."""
    folder = archive / "钱塘新区报" / "2022" / "08-11"
    (page,) = folder.glob("*.txt")
    page.write_text(page_with(NAME), "utf-8")
    then = time.time() - 3600
    os.utime(folder, (then, then))
    status, out, _ = run(capsys, "index", "--library", str(archive))
    assert status == 0, out
    assert hits(capsys, archive, NAME) == 1


def test_a_full_walk_cut_short_is_finished_by_the_next_command(
        archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`reader index` killed or cancelled half-way through its walk has read only some of the
    pages rewritten in place; the next command walks again rather than trusting folder times
    that were taken before those pages changed."""
    from reader.corpus.catalog import Catalog

    pages = sorted(archive.rglob("*.txt"))
    for page in pages:
        times = page.stat()
        page.write_text(page_with(NAME), "utf-8")  # in place: the folder keeps its time
        os.utime(page, ns=(times.st_atime_ns, times.st_mtime_ns + 10**9))
    catalog = Catalog(archive)
    seen: list[int] = []
    cut = catalog.sync(progress=lambda done, total: seen.append(done),
                       cancelled=lambda: len(seen) > 1, workers=1)
    catalog.close()
    assert cut.cancelled
    assert hits(capsys, archive, NAME) == len(pages)
