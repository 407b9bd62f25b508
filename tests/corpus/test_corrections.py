"""Corrections of a page: kept in its sidecar by text anchors, replayed whenever the page is
read, reported (never dropped) when their text is gone, undone to the byte."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.bookmarks.identity import ArticleRef, locate
from reader.corpus import corrections as corrections_module
from reader.corpus import parse_page
from reader.corpus.anchors import fold
from reader.corpus.catalog import Catalog
from reader.corpus.correction_store import (
    ConflictError,
    article_corrections,
    correct,
    raw_page,
    save,
    stored,
    undo,
)
from reader.corpus.corrections import (
    ROLES,
    CorrectionError,
    corrected,
    edit,
    merge,
    set_field,
    set_role,
    split_before,
)
from reader.corpus.model import Page
from reader.corpus.resolve import load_entry
from reader.corpus.sidecar import read_sidecar, sidecar_path, write_sidecar
from reader.problems import ProblemKind

from ..conftest import CORPUS, SEEDS

SEED = "003_7b8eb04012f19e9f.txt"  # 钱塘新区报 2021-11-26 第1版, four articles
TAIL = "在综合保税区"  # a paragraph inside the fourth article (金承涛 visits)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    root.mkdir()
    shutil.copy(CORPUS / SEED, root / SEED)
    return root


def _page(root: Path) -> Page:
    return load_entry(root / SEED, SEED, root)


def _id_of(page: Page, words: str) -> str:
    return next(a.id for a in page.articles if words in a.headline + a.body)


def _split(root: Path, words: str, at: str) -> None:
    correct(root, SEED, _id_of(_page(root), words),
            lambda page, i: (split_before(page, page.articles[i], at), {}))


def _merge_next(root: Path, words: str) -> None:
    def build(page: Page, i: int) -> tuple:
        return merge(page, page.articles[i], page.articles[i + 1]), {}

    correct(root, SEED, _id_of(_page(root), words), build)


def _title(root: Path, words: str, title: str) -> None:
    correct(root, SEED, _id_of(_page(root), words),
            lambda page, i: (set_field(page.articles[i], "title", title), {}))


def _outline(page: Page) -> list[tuple[str, str, str]]:
    """What a reader sees of the articles, compared folded (paragraph breaks aside)."""
    return [(fold(a.display_title), fold(a.byline), fold(a.body)) for a in page.articles]


def _correct_everything(root: Path) -> None:
    _split(root, TAIL, TAIL)
    _merge_next(root, "书记履新")  # the third article takes in the fourth
    _title(root, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")
    correct(root, SEED, _id_of(_page(root), "展现新气象"), lambda page, i: (
        set_role(page, page.articles[i], "本报记者 赵一霖", "body"), {}))
    correct(root, SEED, _id_of(_page(root), "展现新气象"), lambda page, i: (
        edit(page.articles[i], "昨日下午召开", "昨日下午在杭州召开"), {}))


def test_each_kind_of_correction_shows_when_the_page_is_read(library: Path) -> None:
    raw = _page(library)
    assert len(raw.articles) == 4
    _correct_everything(library)
    page = _page(library)
    titles = [a.display_title for a in page.articles]
    assert titles[1] == "刘忻宣讲六中全会精神"
    assert len(page.articles) == 4  # one split, one merge
    merged = page.articles[2]
    assert "金承涛在调研产业平台" in merged.body  # the fourth's headline is now a section head
    assert any(p.kind == "heading" and "坚持改革开放" in p.text for p in merged.paragraphs)
    assert page.articles[3].body.startswith(TAIL)
    first = page.articles[0]
    assert "赵一霖" not in (first.byline or "") and first.paragraphs[0].text == "本报记者 赵一霖"
    assert "昨日下午在杭州召开" in first.body
    assert not any(w.kind is ProblemKind.CORRECTION_MISSING for w in page.warnings)
    # The parser's own reading is untouched.
    assert _outline(load_entry(library / SEED, SEED, library, corrected=False)) == _outline(raw)


def _reextract(path: Path) -> None:
    """What another extraction of the page does: lines moved (blank lines, the masthead
    spread out), a paragraph split in two at a sentence end, commas of the other width."""
    text = path.read_text("utf-8")
    text = "\n\n\n" + text.replace("\n", "\n\n")
    at = text.index("为推动全市高质量发展提供了有力支撑。") + len("为推动全市高质量发展提供了有力支撑。")
    text = text[:at] + "\n\n" + text[at:]
    at = text.index(TAIL)
    text = text[:at] + text[at:].replace(",", "，", 3)
    path.write_text(text, "utf-8")


def test_corrections_survive_a_change_of_the_parsers_output(library: Path) -> None:
    _correct_everything(library)
    before = _outline(_page(library))
    raw_before = load_entry(library / SEED, SEED, library, corrected=False)
    _reextract(library / SEED)
    raw_after = load_entry(library / SEED, SEED, library, corrected=False)
    assert [len(a.paragraphs) for a in raw_after.articles] != [
        len(a.paragraphs) for a in raw_before.articles]  # the parser's output did change
    page = _page(library)
    assert not any(w.kind is ProblemKind.CORRECTION_MISSING for w in page.warnings), \
        page.warnings
    assert _outline(page) == before


def test_a_correction_whose_text_is_gone_is_reported_and_kept(library: Path) -> None:
    _split(library, TAIL, TAIL)
    _title(library, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")
    kept = sidecar_path(library / SEED).read_bytes()
    text = (library / SEED).read_text("utf-8")
    start = text.index(TAIL)
    (library / SEED).write_text(text[:start] + text[text.index("\n", start):], "utf-8")
    page = _page(library)
    gone = [w for w in page.warnings if w.kind is ProblemKind.CORRECTION_MISSING]
    assert len(gone) == 1 and "split before “在综合保税区”" in gone[0].text \
        and "kept" in gone[0].text
    assert page.articles[1].display_title == "刘忻宣讲六中全会精神"  # the other still applies
    assert sidecar_path(library / SEED).read_bytes() == kept
    catalog = Catalog(library, db_path=library.parent / "catalog.sqlite")
    catalog.sync()
    assert any(p.path == SEED and p.kind is ProblemKind.CORRECTION_MISSING
               for p in catalog.problems())


def test_undo_restores_the_sidecar_byte_for_byte(library: Path) -> None:
    side = sidecar_path(library / SEED)
    handmade = ('# 馆员手写\r\nschema = 1\r\nnote = "扫描自馆藏本"   # keep\r\n\r\n'
                'page_count = 8\r\n').encode()
    side.write_bytes(handmade)
    _split(library, TAIL, TAIL)
    _title(library, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")
    assert side.read_bytes() != handmade and len(stored(library / SEED).items) == 2
    assert [u.what for u in undo(library, 2)] == [
        "title set to “刘忻宣讲六中全会精神” (was “刘忻在钱塘区宣讲党的十九届六中全会精神”)",
        "split before “在综合保税区”"]
    assert side.read_bytes() == handmade
    assert len(_page(library).articles) == 4


def test_undo_of_the_first_correction_removes_the_sidecar_it_made(library: Path) -> None:
    _split(library, TAIL, TAIL)
    assert sidecar_path(library / SEED).exists()
    undo(library)
    assert not sidecar_path(library / SEED).exists()
    with pytest.raises(CorrectionError, match="no correction"):
        undo(library)


def test_undo_refuses_a_sidecar_changed_since(library: Path) -> None:
    _split(library, TAIL, TAIL)
    write_sidecar(library / SEED, {"issue_no": 285})  # the date dialog, say
    changed = sidecar_path(library / SEED).read_bytes()
    with pytest.raises(CorrectionError, match="changed after"):
        undo(library)
    assert sidecar_path(library / SEED).read_bytes() == changed


def test_setting_a_field_keeps_the_corrections(library: Path) -> None:
    _split(library, TAIL, TAIL)
    write_sidecar(library / SEED, {"date": dt.date(2021, 11, 27)})
    assert read_sidecar(library / SEED)["date"] == dt.date(2021, 11, 27)
    assert len(stored(library / SEED).items) == 1
    assert len(_page(library).articles) == 5


def _correct_titles(args: tuple[str, str, int]) -> None:
    root, words, rounds = args
    for n in range(rounds):
        _title(Path(root), words, f"{words}之{n}")


def test_two_processes_correcting_one_page_lose_nothing(library: Path) -> None:
    rounds = 4
    jobs = [(str(library), "刘忻在钱塘区宣讲", rounds), (str(library), "展现新气象", rounds)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_correct_titles, jobs)
    kept = stored(library / SEED).items
    assert len(kept) == 2 * rounds
    titles = [a.display_title for a in _page(library).articles]
    assert "刘忻在钱塘区宣讲之3" in titles and "展现新气象之3" in titles


def test_a_sidecar_changed_by_someone_else_meanwhile_is_not_overwritten(library: Path) -> None:
    side = sidecar_path(library / SEED)
    side.write_text('schema = 1\npaper = "钱塘新区报"\n', "utf-8")

    def change(keys: dict) -> None:  # another machine saves while this one is at it
        side.write_text('schema = 1\npaper = "钱塘区报"\n', "utf-8")
        keys["corrections"] = [{"op": "page", "field": "paper", "value": "x"}]

    with pytest.raises(ConflictError, match="changed by someone else"):
        save(library, SEED, library / SEED, change, "test")
    assert side.read_text("utf-8") == 'schema = 1\npaper = "钱塘区报"\n'


def test_an_article_corrected_meanwhile_is_refused_clearly(library: Path) -> None:
    stale = _id_of(_page(library), "刘忻在钱塘区宣讲")
    _title(library, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")
    with pytest.raises(ConflictError, match="corrected meanwhile"):
        correct(library, SEED, stale,
                lambda page, i: (set_field(page.articles[i], "title", "又一个"), {}))


def test_a_correction_that_does_not_fit_is_refused_before_it_is_saved(library: Path) -> None:
    with pytest.raises(CorrectionError, match="not in the body"):
        _split(library, TAIL, "没有这句话")
    with pytest.raises(CorrectionError, match="times"):
        correct(library, SEED, _id_of(_page(library), "展现新气象"),
                lambda page, i: (edit(page.articles[i], "乡镇", "乡、镇"), {}))
    assert not sidecar_path(library / SEED).exists()


def test_the_catalog_reads_again_only_the_corrected_page(small_library: Path,
                                                        tmp_path: Path) -> None:
    catalog = Catalog(small_library, db_path=tmp_path / "catalog.sqlite")
    catalog.sync()
    source = f"pages/{SEED}"
    article = next(a for a in catalog.articles() if TAIL in a.body)
    correct(small_library, source, article.id,
            lambda page, i: (split_before(page, page.articles[i], TAIL), {}))
    result = catalog.sync()
    assert result.changed == [source] and not result.added and not result.removed
    titles = [i.title for i in catalog.article_infos(source)]
    assert titles[-1].startswith(TAIL)


def test_a_bookmark_on_a_split_or_merged_article_still_finds_its_opening_words(
        library: Path, tmp_path: Path) -> None:
    raw = _page(library)
    fourth, third = ArticleRef.of(raw.articles[3]), ArticleRef.of(raw.articles[2])
    _split(library, TAIL, TAIL)
    _merge_next(library, "书记履新")  # the third takes in what is left of the fourth
    catalog = Catalog(library, db_path=tmp_path / "catalog.sqlite")
    catalog.sync()
    for ref in (fourth, third):
        found = locate(ref, catalog)
        assert found.article is not None
        assert fold(ref.body_prefix[:30]) in fold(found.article.body)
        assert found.article.display_title == third.display_title


def test_raw_page_is_the_parsers_own_reading(library: Path) -> None:
    _split(library, TAIL, TAIL)
    assert len(raw_page(library, SEED).articles) == 4
    assert len(_page(library).articles) == 5


def _characters(page: Page) -> Counter[str]:
    texts = [t for a in page.articles for t in a.text_fields()] + page.leftover
    return Counter(fold("".join(texts)))


def _random_corrections(seed: Path, steps: list[tuple[str, int, int, str]]) -> tuple[
        Page, list]:
    """The seed page as parsed, and the corrections ``steps`` make of it (those that fit)."""
    raw = load_entry(seed, seed.name, corrected=False)
    made: list = []
    for op, which, at, role in steps:
        page, _ = corrected(raw, made)
        if not page.articles:
            break
        n = which % len(page.articles)
        article = page.articles[n]
        body = article.body.replace("\n", "")
        words = body[at % max(1, len(body)) :][:6] if body else ""
        try:
            if op == "split":
                made.append(split_before(page, article, words))
            elif op == "merge" and n + 1 < len(page.articles):
                made.append(merge(page, article, page.articles[n + 1]))
            elif op == "role":
                line = (article.title or article.byline or words) if at % 2 else words
                made.append(set_role(page, article, line, role))
            elif op == "set":
                made.append(set_field(article, "title", words))
            elif op == "edit":
                made.append(edit(article, words, words[::-1]))
        except CorrectionError:
            continue
    return raw, made


def _steps(ops: list[str]) -> st.SearchStrategy[list[tuple[str, int, int, str]]]:
    return st.lists(st.tuples(st.sampled_from(ops), st.integers(0, 40), st.integers(0, 400),
                              st.sampled_from(ROLES)), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), _steps(["split", "merge", "role"]))
def test_splits_merges_and_roles_lose_no_character_of_the_page(
        seed: Path, steps: list[tuple[str, int, int, str]]) -> None:
    raw, made = _random_corrections(seed, steps)
    page, outcomes = corrected(raw, made)
    assert all(o.status == "applied" for o in outcomes)
    assert _characters(page) == _characters(raw)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), _steps(["split", "merge", "role", "set", "edit"]))
def test_any_corrections_replay_and_leave_every_article_an_id(
        seed: Path, steps: list[tuple[str, int, int, str]]) -> None:
    raw, made = _random_corrections(seed, steps)
    page, outcomes = corrected(raw, made)
    assert [o.status for o in outcomes] == ["applied"] * len(made)
    assert all(a.id for a in page.articles)


def test_a_correction_that_fails_to_replay_is_reported_and_the_page_still_loads(
        library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _split(library, TAIL, TAIL)
    _title(library, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")

    def broken(page: Page, c: object) -> tuple:
        raise IndexError("list index out of range")

    monkeypatch.setitem(corrections_module._APPLY, "split", broken)
    page = _page(library)
    (gone,) = [w for w in page.warnings if w.kind is ProblemKind.CORRECTION_MISSING]
    assert "could not be replayed (list index out of range)" in gone.text
    assert page.articles[1].display_title == "刘忻宣讲六中全会精神"


def test_an_article_knows_the_corrections_that_made_it_and_who_made_them(
        library: Path) -> None:
    _split(library, TAIL, TAIL)
    _title(library, "刘忻在钱塘区宣讲", "刘忻宣讲六中全会精神")
    page = _page(library)
    tail, retitled = page.articles[4], page.articles[1]
    (split,) = article_corrections(library, SEED, tail.id)
    assert split.correction.op == "split" and split.correction.by and split.correction.at
    assert [o.correction.op for o in article_corrections(library, SEED, retitled.id)] == ["set"]
    assert article_corrections(library, SEED, page.articles[0].id) == []


def test_merging_reports_with_datelines_keeps_each_credit_once_in_the_text() -> None:
    ind = "\u3000\u3000"
    text = (
        f"山谷里的新收成\n\n{ind}本报云岭3月2日电（记者林小禾）河谷里的试验田今年种上了新品种，"
        f"收成很好。\n\n\n仓库里的账本\n\n{ind}本报云岭3月2日电（记者王大山）合作社把粮食存进"
        f"新修的仓库，账目每月公布。（本报记者 李四）\n"
    )
    raw = parse_page(text, "merge.txt")
    before = _characters(raw)
    page, outcomes = corrected(raw, [merge(raw, raw.articles[0], raw.articles[1])])
    assert [o.status for o in outcomes] == ["applied"]
    (article,) = page.articles
    assert _characters(page) == before  # no credit copied into the text a second time
    assert article.body.count("（记者王大山）") == 1
    assert article.byline == "记者林小禾"
