"""Excerpts in the shared archive: a reader's passages are private to the role (row-level
security, even against its own SQL), seen by a group through a shared collection, kept once
when saved twice, kept by an archive migrated from version 3 with its bookmarks, and made,
listed, exported and removed from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from reader.bookmarks import ExcerptNotFound, Passage, StoreError
from reader.cli import main
from reader.corpus.catalog import Catalog
from reader.export.citation import gbt7714
from reader.server import schema
from reader.server.bookmarks import ServerBookmarks
from reader.server.connection import Archive, ServerError
from reader.server.importer import write_page

from .cluster import Cluster
from .conftest import archive_article, new_database, reader_store

ARTICLE = "0f419ca80aa8"  # 切实织密疫情防控网 …
PASSAGE = "要严防输入"


def _passage(url: str, text: str = PASSAGE, article_id: str = ARTICLE):  # type: ignore[no-untyped-def]
    article = archive_article(url, article_id)
    passage = Passage.of_text(article.body, text)
    assert passage is not None
    return article, passage


def test_a_private_excerpt_cannot_be_read_by_another_role_even_with_its_own_sql(
        office: dict[str, str]) -> None:
    article, passage = _passage(office["ana"])
    with reader_store(office["ana"]) as ana:
        kept = ana.add_excerpt(article, passage, note="ana's reading", tags=["引用"])
        assert [(e.text, e.note, e.tags) for e in ana.excerpts()] == [
            (PASSAGE, "ana's reading", ("引用",))]
        assert ana.get_excerpt(kept.id) == kept and "引用" in ana.tags()
    with reader_store(office["ben"]) as ben:
        assert ben.excerpts() == [] and ben.get_excerpt(kept.id) is None
        assert not ben.remove_excerpt(kept.id)
        with pytest.raises(ExcerptNotFound):
            ben.update_excerpt(kept.id, note="ben was here")
    ana_role = office["ana"].split("//")[1].split("@")[0]
    with psycopg.connect(office["ben"]) as conn:  # ben's own SQL, not the reader's
        assert conn.execute("SELECT text, note FROM reader.excerpts").fetchall() == []
        assert conn.execute("UPDATE reader.excerpts SET note = 'defaced'").rowcount == 0
        assert conn.execute("DELETE FROM reader.excerpts").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO reader.excerpts (uid, owner, article_id, ref, text) "
                         "VALUES (gen_random_uuid(), %s, 'x', '{}', 'forged')", (ana_role,))
    with reader_store(office["ana"]) as ana:
        assert [e.note for e in ana.excerpts()] == ["ana's reading"]
        assert ana.remove_excerpt(kept.id) and ana.excerpts() == []


def test_an_excerpt_in_a_shared_collection_is_seen_by_the_group_only(
        office: dict[str, str]) -> None:
    article, passage = _passage(office["ana"], "金承涛强调")
    with reader_store(office["ana"]) as ana:
        desk = ana.create_collection("望江 excerpts", shared_with=office["desk_role"])
        ana.add_excerpt(article, passage, note="for the desk", collection=desk.id)
    with reader_store(office["ben"]) as ben:
        (seen,) = ben.excerpts(collection=desk.id)
        assert seen.text == "金承涛强调" and seen.note == "for the desk"
        with pytest.raises(ExcerptNotFound):  # read-only for ben
            ben.update_excerpt(seen.id, note="ben's")
        with pytest.raises(ServerError):
            ben.add_excerpt(article, passage, collection=desk.id)
    with reader_store(office["cai"]) as cai:
        assert cai.excerpts() == []
    with reader_store(office["ana"]) as ana:
        ana.share(desk.id, office["desk_role"], writable=True)
    with reader_store(office["ben"]) as ben:
        (seen,) = ben.excerpts(collection=desk.id)
        assert ben.update_excerpt(seen.id, note="checked").note == "checked"
    with reader_store(office["ana"]) as ana:
        assert [e.note for e in ana.excerpts(collection=desk.id)] == ["checked"]


def test_the_same_passage_kept_twice_is_one_excerpt_its_notes_and_tags_joined(
        office: dict[str, str]) -> None:
    article, passage = _passage(office["cai"])
    with reader_store(office["cai"]) as cai:
        first = cai.add_excerpt(article, passage, note="first", tags=["a"])
        again = cai.add_excerpt(article, passage, note="second", tags=["b"])
        assert again.id == first.id
        assert again.note.startswith("first") and again.note.endswith("second")
        assert again.tags == ("a", "b")
        assert len(cai.excerpts()) == 1
        with pytest.raises(StoreError):
            cai.add_excerpt(article, Passage("  "))
        assert cai.excerpts(text="second") and not cai.excerpts(text="无此文字")
        assert cai.remove_excerpt(first.id)


def test_an_archive_of_version_3_keeps_its_bookmarks_and_gains_excerpts(
        cluster: Cluster, seed_folder: Path, tmp_path: Path) -> None:
    url = new_database(cluster)
    admin = Archive.open(url)
    assert [m.version for m in schema.migrate(admin, until=3)] == [1, 2, 3]
    catalog = Catalog(seed_folder, tmp_path / "c.sqlite")
    catalog.sync()
    for source, stamp in catalog.stamps().items():  # the pages, as a version-3 import wrote
        page = catalog.page(source)
        assert page is not None
        with admin.transaction() as conn:
            write_page(conn, stamp, page, None)
    article = catalog.article(ARTICLE)
    catalog.close()
    assert article is not None
    with admin.transaction() as conn:
        conn.execute("CREATE ROLE old_reader LOGIN")
    schema.grant_reader(admin, "old_reader")
    reader_url = cluster.url(url.split("/")[3].split("?")[0], "old_reader")
    old = ServerBookmarks(Archive.open(reader_url))
    mark = old.add(article, note="made on version 3", tags=["旧"])
    with pytest.raises(ServerError, match="reader server migrate"):
        schema.check(admin)
    with pytest.raises(StoreError):  # no table yet: refused, not reported as saved
        old.add_excerpt(article, Passage.of_text(article.body, PASSAGE) or Passage(""))
    old.close()

    assert [m.version for m in schema.migrate(admin)] == [4]
    schema.check(admin)
    admin.close()
    with reader_store(reader_url) as store:
        assert [(b.id, b.note, b.tags) for b in store.list()] == [
            (mark.id, "made on version 3", ("旧",))]
        kept = store.add_excerpt(*_passage(reader_url))
        assert [e.id for e in store.excerpts()] == [kept.id]


def test_excerpts_from_the_command_line_on_the_archive(
        office: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = office["cai"]
    assert main(["excerpts", "add", ARTICLE, "--text", PASSAGE, "--note", "防控",
                 "--tag", "引用", "--library", url]) == 0
    assert "kept excerpt #" in capsys.readouterr().out
    with reader_store(url) as cai:
        (kept,) = cai.excerpts()
    assert kept.text == PASSAGE and kept.tags == ("引用",)
    assert main(["excerpts", "list", "--json", "--library", url]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["text"] == PASSAGE and listed["found"] and listed["id"] == kept.id
    assert main(["--library", office["ben"], "excerpts", "list", "--json"]) == 0
    assert PASSAGE not in {e["text"] for e in json.loads(capsys.readouterr().out)}  # cai's

    out = tmp_path / "excerpts.md"
    assert main(["--library", url, "export", "--bookmarked", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    article = archive_article(url, ARTICLE)
    quoted = f"> {PASSAGE}\n>\n> ——{gbt7714(article)}"  # the quotation, then its citation
    assert quoted in text.replace("\\[", "[").replace("\\]", "]")  # (Markdown escapes)

    assert main(["--library", url, "excerpts", "remove", str(kept.id)]) == 0
    assert "removed excerpt" in capsys.readouterr().out
    with reader_store(url) as cai:
        assert cai.excerpts() == []
    assert main(["--library", url, "excerpts", "remove", str(kept.id)]) == 1
    assert "no excerpt" in capsys.readouterr().err


def test_an_article_put_in_a_shared_collection_takes_its_excerpts_along(
        office: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    article_id = "45b1a60248ba"
    article = archive_article(office["ana"], article_id)
    text = article.body[20:32]
    with reader_store(office["ana"]) as ana:
        private = ana.add_excerpt(article, Passage.cut(article.body, 20, 32), note="mine")
    assert main(["server", "collection", office["ana"], "摘录", article_id,
                 "--share", office["desk_role"]]) == 0
    assert "1 bookmark, 1 excerpt" in capsys.readouterr().out
    assert main(["server", "collection", office["ana"], "摘录", article_id]) == 0  # again
    assert "1 bookmark, 1 excerpt" in capsys.readouterr().out
    with reader_store(office["ben"]) as ben:
        assert [(e.text, e.note) for e in ben.excerpts() if e.article_id == article_id] == [
            (text, "mine")]
    with reader_store(office["cai"]) as cai:
        assert all(e.article_id != article_id for e in cai.excerpts())
    with reader_store(office["ana"]) as ana:  # the private one stays, and stays private
        assert ana.get_excerpt(private.id) == private
