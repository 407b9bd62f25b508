"""Every command reaches a shared archive through the seam (``reader.backend``): those that
make sense there answer as on a folder (library info, show, cite, export with bookmarks);
those that work on a folder's files say so in one line naming the command, and change
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.backend import open_library
from reader.backend.server import ServerBackend
from reader.cli import main
from reader.server.url import without_password
from reader.userconfig import load_config


@pytest.fixture(scope="module")
def archive(cluster, seed_folder: Path) -> str:  # type: ignore[no-untyped-def]
    from .conftest import new_database

    url = new_database(cluster)
    assert main(["server", "init", url]) == 0
    assert main(["server", "import", url, str(seed_folder)]) == 0
    return url


def test_open_library_gives_the_archive_for_its_url(archive: str) -> None:
    library = open_library(archive)
    assert isinstance(library, ServerBackend) and library.shared
    assert library.corrections is None
    assert library.catalog.article("7b34ed456574") is not None
    hits = library.open_index().search("金承涛", limit=3)
    assert hits.total > 0 and all(h.highlights for h in hits.hits)
    library.catalog.close()


@pytest.mark.parametrize("argv, command", [
    (["correct", "7b34ed456574", "split-before", "区委书记"], "reader correct"),
    (["corrections", "list"], "reader corrections list"),
    (["corrections", "undo"], "reader corrections undo"),
    (["index"], "reader index"),
    (["names", "金承涛"], "reader names"),
])
def test_a_folder_command_on_an_archive_is_refused_in_one_line(
        archive: str, argv: list[str], command: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", archive, *argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and command in err and "shared archive" in err
    assert "Traceback" not in err


def test_adding_pages_to_an_archive_is_refused(
        archive: str, seed_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = next(seed_folder.rglob("*.txt"))
    assert main(["--library", archive, "add", str(page)]) == 1
    err = capsys.readouterr().err
    assert "reader add" in err and "reader server import" in err


def test_info_show_cite_and_export_of_bookmarks_on_the_archive(
        archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", archive, "library", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 28 and info["root"] == without_password(archive)
    assert main(["--library", archive, "library", "info"]) == 0
    assert capsys.readouterr().out.startswith("Archive ")
    assert main(["--library", archive, "show", "7b34ed456574", "--query", "金承涛"]) == 0
    assert "【金承涛】" in capsys.readouterr().out
    assert main(["--library", archive, "cite", "7b34ed456574"]) == 0
    assert "钱塘新区报" in capsys.readouterr().out
    assert main(["--library", archive, "bookmarks", "add", "0f419ca80aa8", "--note", "防控"]) == 0
    out = tmp_path / "marks.md"
    assert main(["--library", archive, "export", "--bookmarked", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "切实织密疫情防控网" in text and "防控" in text  # the archive's bookmark, its note
    assert main(["--library", archive, "bookmarks", "remove", "0f419ca80aa8"]) == 0


def test_the_recent_list_keeps_an_archive_without_its_password() -> None:
    config = load_config()
    config.remember_library("postgresql://ana:secret@db.example/news")
    assert config.libraries[0] == "postgresql://ana@db.example/news"
    assert "secret" not in json.dumps(config.libraries)
