"""Readers are PostgreSQL roles: their bookmarks and notes are private, enforced by the
database itself, and a collection shared with a group is seen (and changed, if writable) by
the group's members only."""

from __future__ import annotations

import json

import psycopg
import pytest

from reader.bookmarks import BookmarkNotFound
from reader.server.connection import ServerError

from .conftest import archive_article as _article
from .conftest import reader_store as _store


def test_a_private_note_cannot_be_read_by_another_role_even_with_its_own_sql(
        office: dict[str, str]) -> None:
    with _store(office["ana"]) as ana:
        b = ana.add(_article(office["ana"]), note="ana's private note", tags=["mine"])
        assert [x.note for x in ana.list()] == ["ana's private note"]
    with _store(office["ben"]) as ben:
        assert ben.list() == []
        assert ben.get(b.id) is None
        assert not ben.remove(b.id)
    with psycopg.connect(office["ben"]) as conn:  # ben's own SQL, not the reader's
        assert conn.execute("SELECT note FROM reader.bookmarks").fetchall() == []
        cur = conn.execute("UPDATE reader.bookmarks SET note = 'defaced'")
        assert cur.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO reader.bookmarks (uid, owner, article_id, ref) VALUES "
                         "(gen_random_uuid(), %s, 'x', '{}')", (office["ana"].split("//")[1]
                                                                 .split("@")[0],))
    with _store(office["ana"]) as ana:
        assert [x.note for x in ana.list()] == ["ana's private note"]


def test_a_collection_shared_with_the_desk_is_seen_by_its_members_only(
        office: dict[str, str]) -> None:
    article = _article(office["ana"], "d72c54c81242")
    with _store(office["ana"]) as ana:
        shared = ana.create_collection("望江 reading list", shared_with=office["desk_role"])
        ana.add(article, note="for the desk", collection=shared.id)
    with _store(office["ben"]) as ben:
        seen = ben.list(collection=shared.id)
        assert [b.note for b in seen] == ["for the desk"]
        with pytest.raises(BookmarkNotFound):  # read-only: ben may not change ana's bookmark
            ben.update(seen[0].id, note="ben was here")
        with pytest.raises(ServerError):
            ben.add(article, note="ben's", collection=shared.id)
    with _store(office["cai"]) as cai:
        assert cai.list(collection=shared.id) == []
        assert cai.collections() == []
    with _store(office["ana"]) as ana:
        ana.share(shared.id, office["desk_role"], writable=True)
    with _store(office["ben"]) as ben:
        (mark,) = ben.list(collection=shared.id)
        assert ben.update(mark.id, note="checked by ben").note == "checked by ben"
        ben.add(_article(office["ben"], "45b1a60248ba"), note="ben adds", collection=shared.id)
    with _store(office["ana"]) as ana:
        assert sorted(b.note for b in ana.list(collection=shared.id)) == [
            "ben adds", "checked by ben"]


def test_adding_twice_keeps_one_bookmark(office: dict[str, str]) -> None:
    article = _article(office["cai"], "45b1a60248ba")
    with _store(office["cai"]) as cai:
        first = cai.add(article, note="once")
        again = cai.add(article, note="twice")
        assert again.id == first.id and again.note == "once"
        assert len(cai.list()) == 1


def test_sharing_a_collection_from_the_command_line(
        office: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main(["server", "collection", office["ana"], "疫情", "0f419ca80aa8",
                 "--share", office["desk_role"]]) == 0
    out = capsys.readouterr().out
    assert f"shared with {office['desk_role']} (read-only): 1 bookmark" in out
    assert main(["--library", office["ben"], "bookmarks", "list", "--json"]) == 0
    seen = json.loads(capsys.readouterr().out)
    assert "0f419ca80aa8" in {b["current_article_id"] for b in seen}
    assert main(["--library", office["cai"], "bookmarks", "list", "--json"]) == 0
    assert "0f419ca80aa8" not in {b["current_article_id"]
                                  for b in json.loads(capsys.readouterr().out)}
    assert main(["server", "collection", office["ana"], "疫情", "--private"]) == 0
    assert "private: 1 bookmark" in capsys.readouterr().out
    assert main(["--library", office["ben"], "bookmarks", "list", "--json"]) == 0
    assert "0f419ca80aa8" not in {b["current_article_id"]
                                  for b in json.loads(capsys.readouterr().out)}
