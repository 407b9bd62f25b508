"""The person, place and organisation names of every article, found once when it is indexed.

jieba's part-of-speech tagger (``rjieba.tag``, or Python jieba's ``posseg`` where rjieba has no
wheel) marks words ``nr`` (person), ``ns`` (place) and ``nt`` (organisation); the app's user
dictionary gives local names their own tag (``金承涛 nr``, ``钱塘新区 ns``), so they are cut
and tagged whole. The tagger also calls ordinary words persons or places (智慧, 扎根): unless
the user dictionary names it, a person must be two or three Chinese characters starting with a
known surname (a common one for two), and a two-character place must end like a place (市,
街道…) or be a well-known short name (浙江, 钱塘).

The names live in their own SQLite file beside the search index (``names_path``), keyed by
article id and a hash of the article's text: an update re-tags only the articles of new and
changed page files whose text changed, and a rebuilt search index keeps the names it had.

    names = SearchIndex.for_library(root).names  # a NameIndex, updated with the index
    names.update(source)                        # SearchIndex.update does this itself
    names.names_of("7b34ed456574")              # [Name("person", "金承涛", 3), …]
    names.top(ids, kind="person", limit=10)     # [NameCount("person", "金承涛", 41), …]
    names.article_ids("person", "金承涛")        # {"7b34ed456574", …}
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.library import PageStore
from ..corpus.model import Article
from ..corpus.sqlrows import rows_in
from .engine import article_number
from .fold import fold
from .follow import changes
from .segment import parse_user_dict, segmenter, segmenter_fingerprint, tagger, user_dict_text

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    import numpy as np
    import numpy.typing as npt

log = logging.getLogger("reader.search")

NAMES_VERSION = 1
KINDS = ("person", "place", "org")
_TAG_KINDS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org"}
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
    "殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游"
    "辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫"
    "费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明"
    "佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝"
    "区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普"
    "阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾"
    "茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
COMMON_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田"
                      "董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方邹孟"
                      "熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃戴莫孔汤施")
"""Surnames common enough that a two-character person name may start with one (智慧 and
殷殷 are words, not people)."""
PLACE_ENDINGS = set("省市区县镇乡村街路道巷弄湾山江河湖岛港园城州桥寺塘浦溪岭坞")
SHORT_PLACES = {
    "中国", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    "钱塘", "萧山", "余杭", "临平", "上城", "滨江", "拱墅", "西湖", "富阳", "临安", "桐庐",
    "淳安", "建德", "下沙", "大江东", "长三角", "亚洲", "欧洲", "美国", "日本", "韩国",
}
"""Two-character places kept without a place ending: the tagger calls many words places."""
ORG_ENDINGS = set("会院局委部厅办所校站队社党府司团行厂馆处署组")
"""An organisation's name ends like one (人大常委会, 统计局); the tagger's other ``nt`` words
(国际化, 新进展) are not kept."""
NOT_NAMES = {"城市", "新区", "新城", "城中村", "入区", "各乡镇", "港湾", "重大意义", "多维度",
             "高水平", "幸福感", "智能化", "金点子", "高科", "施策", "张贴"}
"""Common words the tagger takes for names in these papers."""
COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "濮阳"}
PARALLEL_CHARS = 3_000_000
"""Below this much text the names are tagged in the calling thread (no worker start-up)."""
_CHUNK = 400
"""Articles a worker tags per task."""
_FILES_PER_BATCH = 2000
"""Page files whose names are found and written together (about 11,000 articles)."""

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Name:
    """A name found in an article: its kind, as written, and how often it occurs there."""

    kind: str
    name: str
    count: int


@dataclass(frozen=True)
class NameCount:
    """A name and the number of articles (among those asked about) that hold it."""

    kind: str
    name: str
    articles: int


@dataclass(frozen=True)
class NameStats:
    tagged: int = 0
    """Articles whose names were found anew."""
    removed: int = 0
    seconds: float = 0.0
    cancelled: bool = False


# --------------------------------------------------------------------------------------------
# Tagging


def _is_cjk(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)


@dataclass(frozen=True)
class _Rules:
    user_kinds: dict[str, str]
    """Words of the user dictionary with a name tag, and their kinds."""


def _rules() -> _Rules:
    kinds = {word: _TAG_KINDS[tag] for word, _, tag in parse_user_dict(user_dict_text())
             if tag in _TAG_KINDS}
    return _Rules(kinds)


def _kind(word: str, tag: str, rules: _Rules) -> str | None:
    """The kind of name ``word`` is (tagged ``tag``), or None when it is not one."""
    kind = _TAG_KINDS.get(tag)
    if kind is None:  # (the user dictionary's names carry their own tag)
        return None
    known = rules.user_kinds.get(word)
    if known is not None:
        return known
    if len(word) < 2 or not _is_cjk(word) or word in NOT_NAMES:
        return None
    if kind == "org":
        return kind if word[-1] in ORG_ENDINGS or word.endswith("中心") else None
    if kind == "person":
        return kind if _person_like(word) else None
    if kind == "place" and len(word) == 2:
        return kind if word in SHORT_PLACES or word[-1] in PLACE_ENDINGS else None
    return kind


def _person_like(word: str) -> bool:
    if word[:2] in COMPOUND_SURNAMES:
        return len(word) in (3, 4)
    if len(word) == 2:
        return word[0] in COMMON_SURNAMES and word[1] != word[0]
    return len(word) == 3 and word[0] in SURNAMES


def article_text(article: Article) -> str:
    """The text the names are found in: headline parts, byline and body, a line each."""
    return "\n".join(x for x in (article.kicker, article.title, article.subtitle,
                                 article.byline, article.body) if x)


def find_names(text: str, rules: _Rules | None = None) -> list[Name]:
    """The names in ``text``, most frequent first (then in order of first appearance)."""
    rules = rules or _rules()
    counts: Counter[tuple[str, str]] = Counter()
    for word, tag in tagger()(text):
        kind = _kind(word, tag, rules)
        if kind is not None:
            counts[(kind, word)] += 1
    return [Name(kind, name, n) for (kind, name), n in counts.most_common()]


_worker_rules: _Rules | None = None


def _init_worker() -> None:
    global _worker_rules
    segmenter()  # the user dictionary's words, with their tags
    _worker_rules = _rules()


def _tag_chunk(texts: list[str]) -> list[list[Name]]:
    return [find_names(t, _worker_rules) for t in texts]


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class _Workers:
    """Tags texts in this thread, or in worker processes (started once, when a batch is
    large enough to be worth it, and ended with the update)."""

    def __init__(self, workers: int | None) -> None:
        self.count = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def tag(self, jobs: list[tuple[str, str]],
            cancelled: Cancelled) -> dict[str, list[Name]] | None:
        """The names of each (id, text); None when cancelled."""
        found: dict[str, list[Name]] = {}
        chunks = [jobs[i : i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]
        if self.count <= 1 or sum(len(t) for _, t in jobs) < PARALLEL_CHARS:
            segmenter()
            rules = _rules()
            for chunk in chunks:
                if cancelled():
                    return None
                for article_id, text in chunk:
                    found[article_id] = find_names(text, rules)
            return found
        if self._pool is None:
            from ..corpus.workers import process_pool  # not loaded by a search

            self._pool = process_pool(self.count, _init_worker)
        futures = [(chunk, self._pool.submit(_tag_chunk, [t for _, t in chunk]))
                   for chunk in chunks]
        for chunk, future in futures:
            while True:
                if cancelled():
                    return None
                try:
                    result = future.result(timeout=0.1)
                    break
                except TimeoutError:
                    continue
            for (article_id, _), names in zip(chunk, result, strict=True):
                found[article_id] = names
        return found


class NameTable:
    """Every (article, name) pair of the names file in two arrays, to count the names of a
    match set in milliseconds (``top``, given the articles' ``engine.article_number``); kept
    while the names do not change (``key``, the names' ``generation`` when it was read)."""

    def __init__(self, names: NameIndex, key: int) -> None:
        import numpy as np

        self.key = key
        article_of: dict[str, int] = {}
        ids: dict[tuple[str, str], int] = {}
        self.kinds: list[str] = []
        self.names: list[str] = []
        doc_of: list[int] = []
        name_of: list[int] = []
        for article_id, kind, folded, name in names._conn().execute(
                "SELECT article_id, kind, key, name FROM names"):  # one pass: no GROUP BY
            number = ids.get((kind, folded))
            if number is None:
                number = ids[(kind, folded)] = len(self.names)
                self.kinds.append(kind)
                self.names.append(name)
            doc_of.append(article_of.setdefault(article_id, len(article_of)))
            name_of.append(number)
        numbers = np.array([article_number(a) for a in article_of], dtype=np.int64)
        order = np.argsort(numbers)
        self.numbers = numbers[order]
        """The articles' numbers, ascending."""
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        self.doc_of = rank[np.array(doc_of, dtype=np.int64)]
        """The position in ``numbers`` of each pair's article."""
        self.name_of = np.array(name_of, dtype=np.int64)
        self.kind_of = np.array([KINDS.index(k) for k in self.kinds], dtype=np.int64)

    def top(self, numbers: npt.NDArray[np.int64], kind: str | None = None,
            limit: int = 10) -> list[NameCount]:
        """The names held by most of the articles numbered ``numbers``: of ``kind``, or each
        kind's ``limit``."""
        import numpy as np

        if len(self.names) == 0:
            return []
        matched = np.zeros(len(self.numbers), dtype=bool)
        at = np.searchsorted(self.numbers, numbers)
        inside = at < len(self.numbers)
        known = at[inside][self.numbers[at[inside]] == numbers[inside]]
        matched[known] = True
        counts = np.bincount(self.name_of[matched[self.doc_of]], minlength=len(self.names))
        out: list[NameCount] = []
        for k in (kind,) if kind else KINDS:
            of_kind = np.flatnonzero((self.kind_of == KINDS.index(k)) & (counts > 0))
            if len(of_kind) > limit > 0:  # only those at or above the limit-th count
                threshold = np.partition(counts[of_kind], len(of_kind) - limit)[-limit]
                of_kind = of_kind[counts[of_kind] >= threshold]
            best = sorted(of_kind.tolist(), key=lambda i: (-counts[i], self.names[i]))[:limit]
            out += [NameCount(k, self.names[i], int(counts[i])) for i in best]
        return out


# --------------------------------------------------------------------------------------------
# The store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(source TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(article_id TEXT PRIMARY KEY, source TEXT NOT NULL,
    hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE TABLE IF NOT EXISTS names(article_id TEXT NOT NULL, kind TEXT NOT NULL,
    name TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS names_article ON names(article_id);
CREATE INDEX IF NOT EXISTS names_key ON names(kind, key);
"""


def names_path_for(index_file: Path) -> Path:
    """Where the names of a library live: beside its search index file (a rebuilt index
    keeps them: they are keyed by the articles' text, not by the index)."""
    return index_file.with_name(f"{index_file.stem}-names-v{NAMES_VERSION}.sqlite3")


def _fingerprint() -> str:
    return f"names-{NAMES_VERSION}/{segmenter_fingerprint()}"


class NameIndex:
    """The names of one library's articles (a cache: emptied whenever the tagger changes)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def generation(self) -> int:
        """A number that moves on whenever the names change (for caches of them)."""
        value = self._meta("gen")
        return int(value) if value else 0

    @staticmethod
    def _bump(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT OR REPLACE INTO meta VALUES('gen', "
                     "COALESCE((SELECT value FROM meta WHERE key='gen'), 0) + 1)")

    def _meta(self, key: str) -> str | None:
        row = self._conn().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return str(row[0]) if row else None

    # ----------------------------------------------------------------------------------------
    # Updating

    def update(self, source: PageStore, progress: Progress | None = None,
               cancelled: Cancelled | None = None, workers: int | None = None) -> NameStats:
        """Find the names of the articles of new and changed page files (only those whose text
        changed); forget those of removed files. A cancelled update keeps what it finished."""
        start = time.perf_counter()
        is_cancelled = cancelled or (lambda: False)
        conn = self._conn()
        if self._meta("fingerprint") != _fingerprint():
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                for table in ("files", "articles", "names", "meta"):
                    conn.execute(f"DELETE FROM {table}")
                conn.execute("INSERT INTO meta VALUES('fingerprint', ?)", (_fingerprint(),))
                self._bump(conn)
        state = getattr(source, "state", None)
        token = state() if callable(state) else None
        if token is not None and self._meta("source_state") == token:
            return NameStats(seconds=time.perf_counter() - start)
        found = changes(conn, source, self._meta("source_state"))
        stamps, todo = found.todo, sorted(found.todo)
        removed = self._forget_files(found.gone)
        tagged = self._tag_files(source, stamps, todo, progress, is_cancelled, workers)
        done = tagged >= 0 and not is_cancelled()
        if done and token is not None:
            with conn:
                conn.execute("INSERT OR REPLACE INTO meta VALUES('source_state', ?)", (token,))
        return NameStats(max(tagged, 0), removed, time.perf_counter() - start, not done)

    def _forget_files(self, names: Sequence[str]) -> int:
        conn = self._conn()
        removed = 0
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            for name in names:
                ids = [r[0] for r in conn.execute(
                    "SELECT article_id FROM articles WHERE source=?", (name,))]
                self._drop_articles(conn, ids)
                removed += len(ids)
                conn.execute("DELETE FROM files WHERE source=?", (name,))
            if names:
                self._bump(conn)
        return removed

    @staticmethod
    def _drop_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
        for table in ("names", "articles"):
            list(rows_in(conn, f"DELETE FROM {table} WHERE article_id IN ({{marks}})", ids))

    def _tag_files(self, source: PageStore, stamps: dict[str, str], todo: list[str],
                   progress: Progress | None, cancelled: Cancelled, workers: int | None) -> int:
        """Tag the articles of ``todo`` whose text is new, a batch of files at a time (each
        batch written at once: a cancelled update keeps the batches done); -1 when
        cancelled. ``progress`` counts articles (the total estimated from the files)."""
        tagged = 0
        with _Workers(workers) as pool:
            for start in range(0, len(todo), _FILES_PER_BATCH):
                batch = todo[start : start + _FILES_PER_BATCH]
                found = self._tag_batch(source, stamps, batch, pool, cancelled)
                if found < 0:
                    return -1
                tagged += found
                files = start + len(batch)
                if progress is not None:
                    progress(tagged, round(tagged * len(todo) / files))
        return tagged

    def _tag_batch(self, source: PageStore, stamps: dict[str, str], batch: list[str],
                   pool: _Workers, cancelled: Cancelled) -> int:
        conn = self._conn()
        known: dict[str, str] = dict(rows_in(
            conn, "SELECT article_id, hash FROM articles WHERE source IN ({marks})", batch))
        files: list[tuple[str, str, list[tuple[str, str]]]] = []
        jobs: list[tuple[str, str]] = []  # (article id, text) to tag
        for name in batch:
            page = source.page(name)
            entries = []
            for article in page.articles if page is not None else []:
                text = article_text(article)
                digest = _text_hash(text)
                entries.append((article.id, digest))
                if known.get(article.id) != digest:
                    jobs.append((article.id, text))
            files.append((name, stamps.get(name, ""), entries))
        found = pool.tag(jobs, cancelled)
        if found is None:
            return -1
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            for name, stamp, entries in files:
                old = {r[0] for r in conn.execute(
                    "SELECT article_id FROM articles WHERE source=?", (name,))}
                now = {a for a, _ in entries}
                self._drop_articles(conn, sorted((old - now) | (now & found.keys())))
                for article_id, digest in entries:
                    if article_id not in found:
                        conn.execute("UPDATE articles SET source=?, hash=? WHERE article_id=?",
                                     (name, digest, article_id))
                        continue
                    conn.execute("INSERT OR REPLACE INTO articles VALUES(?, ?, ?)",
                                 (article_id, name, digest))
                    conn.executemany("INSERT INTO names VALUES(?, ?, ?, ?, ?)", [
                        (article_id, n.kind, n.name, fold(n.name), n.count)
                        for n in found[article_id]])
                conn.execute("INSERT OR REPLACE INTO files VALUES(?, ?)", (name, stamp))
            self._bump(conn)
        return len(found)

    # ----------------------------------------------------------------------------------------
    # Reading

    def names_of(self, article_id: str) -> list[Name]:
        """The names of one article, most frequent first."""
        rows = self._conn().execute(
            "SELECT kind, name, n FROM names WHERE article_id=? ORDER BY n DESC, rowid",
            (article_id,))
        return [Name(k, n, c) for k, n, c in rows]

    def article_ids(self, kind: str, name: str) -> set[str]:
        """The articles holding ``name`` (folded or not) as a name of ``kind``."""
        rows = self._conn().execute(
            "SELECT article_id FROM names WHERE kind=? AND key=?", (kind, fold(name)))
        return {r[0] for r in rows}

    def top(self, article_ids: Iterable[str], kind: str | None = None,
            limit: int = 10) -> list[NameCount]:
        """The names held by most of ``article_ids`` (of one kind, or each kind's ``limit``
        best), with the number of those articles that hold them."""
        conn = self._conn()
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS asked(article_id TEXT PRIMARY KEY)")
            conn.execute("DELETE FROM asked")
            conn.executemany("INSERT OR IGNORE INTO asked VALUES(?)",
                             ((a,) for a in article_ids))
            out: list[NameCount] = []
            for k in (kind,) if kind else KINDS:
                rows = conn.execute(
                    "SELECT min(name), count(DISTINCT article_id) AS c FROM names "
                    "JOIN asked USING(article_id) WHERE kind=? GROUP BY key "
                    "ORDER BY c DESC, min(name) LIMIT ?", (k, limit))
                out += [NameCount(k, name, c) for name, c in rows]
            conn.execute("DELETE FROM asked")
        return out

    def article_count(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM articles").fetchone()[0])
