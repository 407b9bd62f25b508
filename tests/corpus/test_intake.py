"""Adding page files to a library puts them in a paper/YYYY/MM-DD layout and never overwrites."""

from __future__ import annotations

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
    assert "PDF" in report.problems[0].message
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
