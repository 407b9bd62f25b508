"""The catalog caches parsed pages so that a large archive opens without parsing it again."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import pytest

from reader.corpus.catalog import Catalog
from reader.corpus.resolve import load_entry

from ..conftest import CORPUS, age


def test_catalog_lists_the_issues_and_holds_the_articles_of_a_fresh_read(
        small_library: Path) -> None:
    catalog = Catalog(small_library)
    result = catalog.sync()
    assert len(result.added) == 5 and not result.changed and not result.problems
    assert [(i.paper, i.date) for i in catalog.issues()] == [
        ("上城报", dt.date(2020, 4, 21)), ("钱塘新区报", dt.date(2021, 11, 26)),
        ("钱塘新区报", dt.date(2022, 8, 10)), ("钱塘新区报", dt.date(2022, 10, 31)),
        ("钱塘新区报", None),
    ]
    fresh = [article for path in sorted((small_library / "pages").glob("*.txt"))
             for article in load_entry(path, f"pages/{path.name}", small_library).articles]
    assert len(fresh) == 28
    for article in fresh:
        cached = catalog.article(article.id)
        assert cached is not None
        assert (cached.title, cached.byline, cached.body) == (
            article.title, article.byline, article.body,
        )
    assert catalog.counts() == {
        "pages": 5, "undated_pages": 1, "problem_files": 0, "articles": 28, "issues": 5,
        "article_records": 0,
    }


def test_the_texts_of_a_page_of_hits_are_the_articles_as_read(small_library: Path) -> None:
    """Search hits take their texts from the catalog, article by article: each is the article
    as parsed, in the order asked, found by its id when its place on the page is no longer
    the one the index knew, and None when it is gone; a whole page reads back the same."""
    from reader.corpus.serialize import article_to_dict, page_to_dict

    catalog = Catalog(small_library)
    catalog.sync()
    fresh = {f"pages/{path.name}": load_entry(path, f"pages/{path.name}", small_library)
             for path in sorted((small_library / "pages").glob("*.txt"))}
    refs = [(source, a.position, a.id) for source, page in fresh.items() for a in page.articles]
    refs.reverse()
    got = catalog.articles_at(refs)
    wanted = {a.id: a for page in fresh.values() for a in page.articles}
    assert [article_to_dict(a) for a in got if a is not None] == [
        article_to_dict(wanted[i]) for _, _, i in refs]
    source, position, article_id = refs[0]
    moved = catalog.articles_at([(source, position + 1, article_id), (source, 0, "gone")])
    assert moved[0] is not None and moved[0].id == article_id
    assert moved[1] is None
    for source, page in fresh.items():
        stored = catalog.page(source)
        assert stored is not None and page_to_dict(stored) == page_to_dict(page)


def test_only_new_changed_and_removed_files_are_read_again(small_library: Path) -> None:
    catalog = Catalog(small_library)
    catalog.sync()
    assert not Catalog(small_library).sync().touched  # a second start reads nothing
    pages = small_library / "pages"
    (pages / "000_ad7d325a1accf8c2.txt").unlink()
    shutil.copy(CORPUS / "000_ad7d325a1accf8c2.txt", small_library / "copy.txt")
    changed = pages / "002_e8fc69560c1c029f.txt"
    time.sleep(0.01)
    changed.write_text(changed.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    result = catalog.sync()
    assert result.removed == ["pages/000_ad7d325a1accf8c2.txt"]
    assert result.added == ["copy.txt"]
    assert result.changed == ["pages/002_e8fc69560c1c029f.txt"]
    titles = [a.title for a in catalog.article_infos("pages/002_e8fc69560c1c029f.txt")]
    assert "充分发挥战斗堡垒作用 望江街道奋力打造产城融合的望江新区" in titles


def test_unreadable_files_are_problems_and_the_rest_loads(small_library: Path) -> None:
    (small_library / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    catalog = Catalog(small_library)
    result = catalog.sync()
    assert [p.path for p in result.problems] == ["photo.txt"]
    assert "PNG" in result.problems[0].text
    assert catalog.counts()["pages"] == 5


def test_problems_are_kept_as_kinds_and_a_catalog_of_the_older_schema_is_read_again(
        small_library: Path) -> None:
    """The catalog keeps a problem as its kind and parameters, for each face to word; one
    written by the schema that kept English sentences opens, and its files are read again."""
    import sqlite3

    from reader.corpus.catalog import SCHEMA
    from reader.problems import ProblemKind

    (small_library / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    db = small_library.parent / "catalog.sqlite"
    Catalog(small_library, db_path=db).sync()
    conn = sqlite3.connect(db)
    (stored,) = conn.execute("SELECT error FROM files WHERE source = 'photo.txt'").fetchone()
    assert json.loads(stored) == {"kind": "not-text", "params": {"format": "png"}}
    with conn:  # as schema 3 left it: a sentence, and its version
        conn.execute("UPDATE files SET error = 'it is a PNG image, not page text' "
                     "WHERE source = 'photo.txt'")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    conn.close()
    assert SCHEMA > 3
    catalog = Catalog(small_library, db_path=db)
    result = catalog.sync()
    assert result.touched  # read again, not taken from the older file
    (problem,) = catalog.problems()
    assert (problem.path, problem.kind, dict(problem.params)) == (
        "photo.txt", ProblemKind.NOT_TEXT, {"format": "png"})
    assert catalog.counts()["pages"] == 5


def test_a_sentence_in_the_catalog_is_shown_as_it_is(small_library: Path) -> None:
    import sqlite3

    from reader.problems import ProblemKind

    (small_library / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    db = small_library.parent / "catalog.sqlite"
    catalog = Catalog(small_library, db_path=db)
    catalog.sync()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE files SET error = 'something a later version said' "
                     "WHERE source = 'photo.txt'")
    (problem,) = catalog.problems()
    assert problem.kind is ProblemKind.OTHER
    assert problem.text == "something a later version said"


def test_a_damaged_cache_is_rebuilt(small_library: Path) -> None:
    catalog = Catalog(small_library)
    catalog.sync()
    catalog.close()
    catalog.db_path.write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(str(catalog.db_path) + suffix).unlink(missing_ok=True)
    again = Catalog(small_library)
    assert len(again.sync().added) == 5
    assert again.counts()["articles"] == 28


# -- paper, date and page from where a file lives (issue 18) ------------------------------

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"
BODY = "\n\n## 标题\n\n本报讯 正文写在这里。\n"
MASTHEAD = "钱塘新区报\n2022年8月10日 星期三\n第391期 今日8版"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def only_page(catalog: Catalog, source: str):  # type: ignore[no-untyped-def]
    catalog.sync()
    page = catalog.page(source)
    assert page is not None
    return page


def test_pages_without_a_masthead_are_dated_and_ordered_by_their_names(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    for rel in ("month/renmin-2019-02-01-p02.txt", "month/renmin-2019-02-01-p01.txt",
                "2019/02/02/03.txt", "20190202-01.txt", "钱塘新区报/2022年8月10日/第2版.txt"):
        write(root, rel, BODY)
    catalog = Catalog(root)
    catalog.sync()
    issues = [(i.paper, i.date, [p for p, _ in i.pages], i.date_from) for i in catalog.issues()]
    assert issues == [
        ("未知报纸", dt.date(2019, 2, 1), [1, 2], "path"),
        ("未知报纸", dt.date(2019, 2, 2), [1, 3], "path"),
        ("钱塘新区报", dt.date(2022, 8, 10), [2], "path"),
    ]
    assert catalog.counts()["undated_pages"] == 0
    article = catalog.article(catalog.article_infos("20190202-01.txt")[0].id)
    assert article is not None and (article.date, article.page) == (dt.date(2019, 2, 2), 1)


def test_sidecar_then_masthead_then_path_then_suggestion(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    write(root, "2019-02-01-p05.txt", BODY)
    write(root, "2019-02-01-p06.txt", BODY)
    (root / "2019-02-01-p06.meta.toml").write_text("date = 2019-03-01\npage = 7\n", "utf-8")
    write(root, "钱塘新区报/2022-08-10-p01.txt", MASTHEAD + BODY)
    write(root, "notes/loose.txt", "\n## 标题\n\n2021年5月4日上午，正文。\n")
    catalog = Catalog(root)
    path_only = only_page(catalog, "2019-02-01-p05.txt")
    assert (path_only.date, path_only.page) == (dt.date(2019, 2, 1), 5)
    assert path_only.provenance == {"date": "path", "page": "path"}
    by_hand = only_page(catalog, "2019-02-01-p06.txt")
    assert (by_hand.date, by_hand.page) == (dt.date(2019, 3, 1), 7)
    assert by_hand.provenance == {"date": "sidecar", "page": "sidecar"}
    printed = only_page(catalog, "钱塘新区报/2022-08-10-p01.txt")
    assert printed.provenance == {"paper": "masthead", "date": "masthead", "page": "path"}
    loose = only_page(catalog, "notes/loose.txt")
    assert loose.date is None and loose.suggested_date == dt.date(2021, 5, 4)
    assert loose.provenance == {"date": "suggestion"}
    assert not catalog.problems()


def test_a_masthead_that_disagrees_with_its_path_is_a_problem_of_that_file(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    write(root, "上城报/2022-08-11-p01.txt", MASTHEAD + BODY)
    write(root, "2019-02-03-p01.txt", "（2019年1月31日）\n\n本报讯 正文。\n")
    catalog = Catalog(root)
    catalog.sync()
    problems = {p.path: p.text for p in catalog.problems()}
    message = problems["上城报/2022-08-11-p01.txt"]
    assert "masthead says date 2022-08-10" in message and "2022-08-11" in message
    page = catalog.page("上城报/2022-08-11-p01.txt")
    assert page is not None and (page.paper, page.date) == ("钱塘新区报", dt.date(2022, 8, 10))
    # a date line alone at the top is no masthead: the name's date is used, and the page says
    # so (a warning of the page, not a problem of the library)
    assert "2019-02-03-p01.txt" not in problems
    other = catalog.page("2019-02-03-p01.txt")
    assert other is not None and other.date == dt.date(2019, 2, 3)
    assert any("2019-01-31" in w.text and "2019-02-03" in w.text for w in other.warnings)


def test_the_library_settings_file_names_the_paper_and_a_change_is_followed(
    tmp_path: Path,
) -> None:
    root = tmp_path / "lib"
    write(root, "pages/2019-02/renmin-2019-02-01-p01.txt", BODY)
    catalog = Catalog(root)
    catalog.sync()
    assert catalog.papers() == ["未知报纸"]  # "pages" and "2019-02" are no paper names
    (root / "library.toml").write_text('schema = 1\npaper = "人民日报"\n', "utf-8")
    catalog.sync()
    (issue,) = catalog.issues()
    assert (issue.paper, issue.paper_from) == ("人民日报", "library")
    (root / "library.toml").write_text('paper = [1, 2]\n', "utf-8")
    catalog.sync()
    problems = {p.path: p.text for p in catalog.problems()}
    assert "paper = [1, 2]" in problems["library.toml"]
    assert catalog.papers() == ["未知报纸"]  # the rest keeps working


def _realworld(month: str, kind: str) -> Path:
    folder = REALWORLD / kind / month
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared real-world pages are not on this machine)")
    return folder


def test_real_pages_without_masthead_make_the_28_issues_of_february_2019() -> None:
    catalog = Catalog(_realworld("2019-02", "pages"))
    catalog.sync(workers=1)
    issues = catalog.issues()
    assert len(issues) == 28 and not catalog.undated_sources()
    assert [i.date for i in issues] == [dt.date(2019, 2, d) for d in range(1, 29)]
    for issue in issues:
        numbers = [p for p, _ in issue.pages]
        assert numbers == sorted(numbers) and None not in numbers
    assert not catalog.problems()


def test_real_article_records_make_28_issues_every_record_an_article() -> None:
    folder = _realworld("2019-02", "records")
    files = sorted(folder.rglob("*.txt"))
    catalog = Catalog(folder)
    catalog.sync(workers=1)
    issues = catalog.issues()
    assert [i.date for i in issues] == [dt.date(2019, 2, d) for d in range(1, 29)]
    counts = catalog.counts()
    assert counts["articles"] == counts["article_records"] == len(files)
    assert not catalog.problems()


def test_adding_pages_files_them_by_their_names_and_folders(tmp_path: Path) -> None:
    from reader.corpus.intake import add_pages

    given = tmp_path / "钱塘新区报"
    write(given, "2022年8月10日/第2版.txt", BODY)
    write(tmp_path / "loose", "renmin-2019-02-01-p03.txt", BODY)
    library = tmp_path / "lib"
    library.mkdir()
    report = add_pages([given, tmp_path / "loose" / "renmin-2019-02-01-p03.txt"], library)
    assert sorted(report.added) == [
        "未知报纸/2019/02-01/renmin-2019-02-01-p03.txt", "钱塘新区报/2022/08-10/第2版.txt"]
    catalog = Catalog(library)
    catalog.sync()
    assert [(i.paper, i.date, [p for p, _ in i.pages]) for i in catalog.issues()] == [
        ("未知报纸", dt.date(2019, 2, 1), [3]), ("钱塘新区报", dt.date(2022, 8, 10), [2])]


def test_a_page_read_again_by_another_catalog_of_the_library_is_not_served_stale(
        small_library: Path) -> None:
    """Two processes share a library's catalog (the window and ``reader correct``): what one
    reads again, the other's page cache gives up within half a second."""
    db = small_library.parent / "catalog.sqlite"
    window, other = Catalog(small_library, db_path=db), Catalog(small_library, db_path=db)
    window.sync()
    source = "pages/002_e8fc69560c1c029f.txt"
    before = window.page(source)
    assert before is not None and not any("望江新区" in a.body for a in before.articles)
    page_file = small_library / source
    time.sleep(0.01)
    page_file.write_text(page_file.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    assert other.sync().changed == [source]
    time.sleep(0.6)
    after = window.page(source)
    assert after is not None and any("望江新区" in a.body for a in after.articles)


def test_two_undated_pages_of_one_paper_are_two_issues_with_names_of_their_own(
        tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(CORPUS / "001_7373efc8816d55bd.txt", library / name)
    shutil.copy(CORPUS / "000_ad7d325a1accf8c2.txt", library / "dated.txt")
    issues = Catalog.read(library).issues()
    undated = [i for i in issues if i.undated]
    assert [(i.paper, [s for _, s in i.pages]) for i in undated] == [
        ("钱塘新区报", ["a.txt"]), ("钱塘新区报", ["b.txt"])]
    assert len({i.key for i in issues}) == 3
    (dated,) = [i for i in issues if not i.undated]
    assert dated.key == f"{dated.paper}|{dated.date.isoformat()}"  # as the window names it


def test_a_page_read_while_a_sync_reads_it_again_is_not_kept_stale(
        small_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page read from the cache file by one thread (the window, the index) just before a
    sync in another stores that page again, and put in the page cache just after the sync
    forgot it, is not served afterwards: the window would show the page as it read before (a
    correction's new article not found, the article it was split from left open)."""
    import threading

    catalog = Catalog(small_library)
    catalog.sync()
    source = "pages/002_e8fc69560c1c029f.txt"
    page_file = small_library / source
    time.sleep(0.01)
    page_file.write_text(page_file.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    read, stored = threading.Event(), threading.Event()
    real_load = Catalog._load_page

    def slow_load(self: Catalog, name: str):  # type: ignore[no-untyped-def]
        page = real_load(self, name)  # the row as it was before the sync
        read.set()
        assert stored.wait(10)
        return page

    monkeypatch.setattr(Catalog, "_load_page", slow_load)
    reader = threading.Thread(target=catalog.page, args=(source,))
    reader.start()
    assert read.wait(10)
    monkeypatch.setattr(Catalog, "_load_page", real_load)
    assert catalog.sync().changed == [source]
    stored.set()
    reader.join()
    page = catalog.page(source)  # at once, as the window refreshes after the sync
    assert page is not None and any("望江新区" in a.body for a in page.articles)


def test_the_catalog_names_the_pages_it_read_since_a_state(small_library: Path) -> None:
    """What a search index that followed one state of the catalog must look at again: the
    pages read, read again or gone since, with their stamps now; nothing it cannot vouch for."""
    catalog = Catalog(small_library)
    catalog.sync()
    before = catalog.state()
    assert catalog.touched_since(before) == {}
    pages = small_library / "pages"
    shutil.copy(CORPUS / "000_ad7d325a1accf8c2.txt", pages / "new.txt")
    (pages / "001_7373efc8816d55bd.txt").unlink()
    changed = pages / "002_e8fc69560c1c029f.txt"
    time.sleep(0.01)
    changed.write_text(changed.read_text("utf-8").replace("望江新城", "望江新区"), "utf-8")
    catalog.sync()
    stamps = catalog.stamps()
    assert catalog.touched_since(before) == {
        "pages/new.txt": stamps["pages/new.txt"],
        "pages/002_e8fc69560c1c029f.txt": stamps["pages/002_e8fc69560c1c029f.txt"],
        "pages/001_7373efc8816d55bd.txt": None}
    assert catalog.touched_since(catalog.state()) == {}
    assert catalog.touched_since("a token it never had") is None
    # The library's settings change what every page says: the catalog reads them all again,
    # and no earlier state can be followed page by page.
    (small_library / "library.toml").write_text('paper = "上城报"\n', "utf-8")
    catalog.sync()
    assert catalog.touched_since(before) is None


def test_a_quick_sync_compares_only_the_pages_of_the_folders_that_changed(
        tmp_path: Path) -> None:
    # An archive of issue folders, read once and made old; then a page is added to one issue,
    # one removed from another, a new issue folder appears and one issue folder is deleted.
    root = tmp_path / "archive"
    seeds = sorted(CORPUS.glob("*.txt"))
    for day in range(10):
        folder = root / "钱塘新区报" / "2022" / f"08-{day + 10}"
        folder.mkdir(parents=True)
        shutil.copy(seeds[day % len(seeds)], folder / "a.txt")
        shutil.copy(seeds[(day + 1) % len(seeds)], folder / "b.txt")
    catalog = Catalog(root, tmp_path / "catalog.sqlite")
    catalog.sync()
    age(root)
    catalog.sync()  # the folder times of the aged archive
    year = root / "钱塘新区报" / "2022"
    shutil.copy(seeds[0], year / "08-12" / "c.txt")
    shutil.copy(seeds[4], year / "08-12" / "a.txt")  # another page in place of a.txt
    (year / "08-13" / "b.txt").unlink()
    (year / "09-01").mkdir()
    shutil.copy(seeds[1], year / "09-01" / "a.txt")
    shutil.rmtree(year / "08-19")

    asked: list[str] = []
    catalog._connect().set_trace_callback(asked.append)
    result = catalog.sync(quick=True)
    assert sorted(result.added) == ["钱塘新区报/2022/08-12/c.txt", "钱塘新区报/2022/09-01/a.txt"]
    assert sorted(result.removed) == ["钱塘新区报/2022/08-13/b.txt", "钱塘新区报/2022/08-19/a.txt",
                                      "钱塘新区报/2022/08-19/b.txt"]
    assert result.changed == ["钱塘新区报/2022/08-12/a.txt"]
    every_stamp = [q for q in asked if "stamp FROM files" in q and "WHERE" not in q]
    assert not every_stamp  # no list of every page's stamp: only those of the folders looked in
    assert len(catalog.stamps()) == 20 + 2 - 3
