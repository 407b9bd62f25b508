"""Adding page files to a library puts them in a paper/YYYY/MM-DD layout and never overwrites."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from reader.corpus.intake import add_pages
from reader.corpus.sidecar import sidecar_path

from ..conftest import CORPUS, SEEDS


def test_pages_are_filed_by_paper_and_date(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    report = add_pages([CORPUS], library)
    assert sorted(report.added) == sorted([
        "钱塘新区报/2022/08-10/000_ad7d325a1accf8c2.txt",
        "钱塘新区报/undated/001_7373efc8816d55bd.txt",
        "上城报/2020/04-21/002_e8fc69560c1c029f.txt",
        "钱塘新区报/2021/11-26/003_7b8eb04012f19e9f.txt",
        "钱塘新区报/2022/10-31/004_f21dfc14c585a82d.txt",
    ])
    for rel in report.added:
        assert (library / rel).read_bytes() == (CORPUS / Path(rel).name).read_bytes()


def test_the_same_file_twice_is_skipped_and_a_different_one_is_not_overwritten(
    tmp_path: Path,
) -> None:
    library = tmp_path / "lib"
    seed = SEEDS[0]
    add_pages([seed], library)
    again = add_pages([seed], library)
    assert again.added == [] and again.already == [str(seed)]
    other = tmp_path / "incoming" / seed.name
    other.parent.mkdir()
    other.write_text(seed.read_text("utf-8").replace("吴宇翔", "吴宇祥"), "utf-8")
    report = add_pages([other], library)
    assert report.renamed == [f"钱塘新区报/2022/08-10/{seed.stem}-2.txt"]
    original = library / "钱塘新区报/2022/08-10" / seed.name
    assert original.read_bytes() == seed.read_bytes()


def test_unreadable_files_are_reported_not_copied_and_sidecars_travel(tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x00binary")
    undated = incoming / "001_7373efc8816d55bd.txt"
    shutil.copy(CORPUS / undated.name, undated)
    sidecar_path(undated).write_text("date = 2022-05-06\n", "utf-8")
    report = add_pages([incoming], tmp_path / "lib")
    assert [p.path for p in report.problems] == [str(incoming / "scan.txt")]
    assert "PDF" in report.problems[0].text
    # With its sidecar the page has a date, so it is filed under it, sidecar beside it.
    assert report.added == ["钱塘新区报/2022/05-06/001_7373efc8816d55bd.txt"]
    assert (tmp_path / "lib/钱塘新区报/2022/05-06/001_7373efc8816d55bd.meta.toml").exists()


def test_a_page_already_filed_under_another_name_is_not_copied_again(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    seed = SEEDS[0]
    first = add_pages([seed], library)
    renamed = tmp_path / "incoming" / "renamed-copy.txt"
    renamed.parent.mkdir()
    renamed.write_bytes(seed.read_bytes())
    again = add_pages([renamed], library)
    assert again.added == [] and again.already == [str(renamed)]
    assert first.sources == {first.added[0]: str(seed)}


def test_a_name_that_is_not_utf8_is_filed_under_a_valid_name(tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    raw = os.path.join(os.fsencode(incoming), "上城报第一版.txt".encode("gbk"))
    with open(raw, "wb") as fh:
        fh.write(SEEDS[2].read_bytes())
    report = add_pages([incoming], tmp_path / "lib")
    assert report.added == ["上城报/2020/04-21/上城报第一版.txt"] and not report.problems
    assert report.sources[report.added[0]] == str(incoming / "上城报第一版.txt")
    assert (tmp_path / "lib" / report.added[0]).read_bytes() == SEEDS[2].read_bytes()


def test_long_names_are_shortened_and_every_file_is_added(tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, incoming / seed.name)
        sidecar_path(incoming / seed.name).write_text(
            f'date = 2022-05-06\npaper = "{"报" * 300}"\n', "utf-8")
    long_name = "长" * 83 + ".txt"  # 253 bytes: its sidecar's name would not fit
    (incoming / "other").mkdir()
    shutil.copy(SEEDS[2], incoming / "other" / long_name)
    report = add_pages([incoming], tmp_path / "lib")
    assert not report.problems and len(report.added) == 6
    for rel in report.added:
        path = tmp_path / "lib" / rel
        assert all(len(part.encode("utf-8")) <= 255 for part in path.parts)
        assert path.read_bytes() in {s.read_bytes() for s in SEEDS}
        if rel.endswith(tuple(s.name for s in SEEDS)):  # its sidecar came along
            assert sidecar_path(path).read_text("utf-8").count("报") == 300
    (paper,) = {Path(rel).parts[0] for rel in report.added if "2022" in rel and "05-06" in rel}
    assert paper.startswith("报" * 80)
    (long_page,) = [rel for rel in report.added if rel.startswith("上城报/")]
    assert len(sidecar_path(tmp_path / "lib" / long_page).name.encode("utf-8")) <= 255


def test_a_name_already_taken_at_255_bytes_gets_a_numbered_name_that_fits(tmp_path: Path) -> None:
    name = "a" * 251 + ".txt"  # 255 bytes: the longest name there is
    added = []
    for n in range(2):  # two different pages of one paper and day, under one name
        folder = tmp_path / f"in{n}"
        folder.mkdir()
        (folder / name).write_bytes(SEEDS[0].read_bytes() + f"\n第{n}稿\n".encode())
        report = add_pages([folder], tmp_path / "lib")
        assert not report.problems and len(report.added) == 1
        added += report.added
    assert added[1] in report.renamed and Path(added[1]).parent == Path(added[0]).parent
    for rel in added:
        assert len(sidecar_path(Path(rel)).name.encode("utf-8")) <= 255
    assert len(list((tmp_path / "lib").rglob("*.txt"))) == 2


def test_links_leaving_an_incoming_folder_and_special_files_are_not_copied(
    tmp_path: Path,
) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    shutil.copy(SEEDS[0], incoming / SEEDS[0].name)
    (incoming / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(incoming / "pipe.txt")
    report = add_pages([incoming], tmp_path / "lib")
    assert len(report.added) == 1
    reasons = {Path(p.path).name: p.text for p in report.problems}
    assert "outside the folder added" in reasons["passwd.txt"] and "named pipe" in reasons["pipe.txt"]
    assert [p.name for p in (tmp_path / "lib").rglob("*.txt")] == [SEEDS[0].name]
