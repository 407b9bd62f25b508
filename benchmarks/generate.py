"""A deterministic generator of synthetic libraries built from the seeds' sentences.

``generate_library(root, articles, seed=0)`` writes issues of 8 pages (page 1 with a masthead
like the seeds', inner pages with a dated page header), for several papers over ten years,
with headlines and bylines like the seeds' and a few planted rare terms (how many articles
hold each is in the returned ``GeneratedInfo``). The same arguments give the same files.

Also usable from the command line: ``python -m benchmarks.generate DIR ARTICLES [SEED]``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader.corpus.catalog import Catalog
from reader.corpus.masthead import lunar_of
from reader.corpus.patterns import DATELINE
from reader.paths import bundled_corpus

PAPERS = ("钱塘新区报", "上城报", "临平报", "萧山日报")
# Papers added, in this order, when a library has more issues than four papers can print
# one a day over the ten years (about 640,000 articles): a paper never has two issues a day.
MORE_PAPERS = ("余杭晨报", "富阳日报", "西湖报", "拱墅报", "滨江报", "桐庐报", "建德报", "淳安报")
PAGES_PER_ISSUE = 8
FIRST_DAY = dt.date(2013, 1, 1)
LAST_DAY = dt.date(2022, 12, 31)
WEEKDAYS = "一二三四五六日"
# Invented names and terms, each planted in a known number of articles (per 100,000).
PLANTED = {
    "翟汐澜": 1, "濮阳砚秋": 3, "鹭栖湾驿站": 10, "量子咖啡节": 30,
    "澈音合唱团": 100, "朔风书院": 300,
}
INFO_FILE = ".generated.json"


@dataclass
class GeneratedInfo:
    """What was generated: counts, papers, dates and the planted terms with their counts."""

    root: Path
    articles: int
    pages: int
    issues: int
    papers: list[str]
    first_date: str
    last_date: str
    seed: int
    planted: dict[str, int] = field(default_factory=dict)


@dataclass
class _Material:
    sentences: list[str]
    titles: list[str]
    kickers: list[str]
    bylines: list[str]


def _material() -> _Material:
    lib = Catalog.read(bundled_corpus())
    sentences: list[str] = []
    titles, kickers, bylines = [], [], []
    for a in lib.articles():
        for para in a.paragraphs:
            if para.kind != "text":
                continue
            # A dateline (本报讯 …) opens a report: inside a generated article it would make
            # the parser start a new one there, as it should on a real page.
            sentences += [DATELINE.sub("", s).lstrip(" ,，")
                          for s in re.findall(r"[^。！？!?]+[。！？!?]?", para.text)
                          if len(s) >= 8]
        if a.title:
            titles.append(a.title)
        if a.kicker:
            kickers.append(a.kicker)
        if a.byline and not a.byline.startswith("本报讯"):
            bylines.append(a.byline)
    return _Material(sorted(set(sentences)), titles, kickers, bylines)


def _date_line(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}"


def _masthead(paper: str, day: dt.date, issue_no: int) -> str:
    return (
        f"# {paper}\n\n热线电话 82987136\n\n{_date_line(day)}\n\n农历{lunar_of(day)}\n\n"
        f"今日{PAGES_PER_ISSUE}版 总第{issue_no}期\n\n主办 中共钱塘区委 出版 杭州日报报业集团\n\n"
    )


def _page_header(paper: str, day: dt.date, page: int) -> str:
    return f"{paper} {_date_line(day)} 第{page}版\n\n"


class _Writer:
    def __init__(self, rnd: random.Random, material: _Material, planted: dict[str, int],
                 total: int) -> None:
        self.rnd, self.m = rnd, material
        # Which article numbers get which planted term.
        self.plant_at: dict[int, str] = {}
        for term, per_100k in planted.items():
            count = max(1, round(per_100k * total / 100_000))
            for n in rnd.sample(range(total), min(count, total)):
                self.plant_at.setdefault(n, term)
        self.planted_count: dict[str, int] = dict.fromkeys(planted, 0)

    def article(self, number: int) -> str:
        rnd = self.rnd
        parts = []
        if rnd.random() < 0.3:
            parts.append(f"### {rnd.choice(self.m.kickers)}")
        parts.append(f"## {rnd.choice(self.m.titles)}")
        parts.append(f"■{rnd.choice(self.m.bylines)}")
        paragraphs = []
        for _ in range(rnd.randint(2, 5)):
            paragraphs.append("".join(rnd.choice(self.m.sentences)
                                      for _ in range(rnd.randint(2, 6))))
        term = self.plant_at.get(number)
        if term:
            i = rnd.randrange(len(paragraphs))
            cut = rnd.randrange(len(paragraphs[i]))
            paragraphs[i] = paragraphs[i][:cut] + term + paragraphs[i][cut:]
            self.planted_count[term] += 1
        paragraphs[0] = "本报讯 " + paragraphs[0]
        return "\n\n".join(parts + paragraphs) + "\n\n"


def write_issue(root: Path, paper: str, day: dt.date, issue_no: int, articles: int,
                writer: _Writer, first_number: int) -> list[Path]:
    """Write one issue of up to 8 pages holding ``articles`` articles; return its files."""
    folder = root / paper / str(day.year)
    folder.mkdir(parents=True, exist_ok=True)
    per_page = [0] * PAGES_PER_ISSUE
    for i in range(articles):
        per_page[i % PAGES_PER_ISSUE] += 1
    files = []
    number = first_number
    for page, count in enumerate(per_page, start=1):
        if count == 0:
            continue
        head = _masthead(paper, day, issue_no) if page == 1 else _page_header(paper, day, page)
        body = "".join(writer.article(number + k) for k in range(count))
        number += count
        path = folder / f"{day.isoformat()}_{page:02d}.txt"
        path.write_text(head + body, encoding="utf-8")
        files.append(path)
    return files


def _papers(n_issues: int, days: int) -> tuple[str, ...]:
    """Enough papers that issue ``k`` and the same paper's next, ``k + len(papers)``, fall on
    different days (issue ``k`` is on day ``k * days // n_issues``)."""
    needed = max(len(PAPERS), -(-n_issues // days))
    extra = needed - len(PAPERS)
    if extra > len(MORE_PAPERS):
        raise ValueError(f"{n_issues} issues need {needed} papers; the generator has "
                         f"{len(PAPERS) + len(MORE_PAPERS)}")
    return PAPERS + MORE_PAPERS[:extra]


def generate_library(root: Path, articles: int, seed: int = 0) -> GeneratedInfo:
    """Write a library of ``articles`` articles under ``root`` (emptied first)."""
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    rnd = random.Random(seed)
    material = _material()
    writer = _Writer(rnd, material, PLANTED, articles)
    per_issue = 44
    n_issues = max(1, -(-articles // per_issue))
    days = (LAST_DAY - FIRST_DAY).days
    papers = _papers(n_issues, days)
    pages = 0
    done = 0
    for k in range(n_issues):
        paper = papers[k % len(papers)]
        day = FIRST_DAY + dt.timedelta(days=k * days // n_issues)
        count = min(per_issue, articles - done)
        pages += len(write_issue(root, paper, day, 100 + k // len(papers), count, writer, done))
        done += count
    info = GeneratedInfo(
        root=root, articles=articles, pages=pages, issues=n_issues, papers=list(papers),
        first_date=FIRST_DAY.isoformat(), last_date=LAST_DAY.isoformat(), seed=seed,
        planted=writer.planted_count,
    )
    (root / INFO_FILE).write_text(
        json.dumps(asdict(info) | {"root": str(root)}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    return info


def read_info(root: Path) -> GeneratedInfo | None:
    """The info of a library generated earlier at ``root``, if any."""
    try:
        data = json.loads((Path(root) / INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    data["root"] = Path(data["root"])
    return GeneratedInfo(**data)


def extra_issue(root: Path, seed: int = 1) -> list[Path]:
    """One more 8-page issue (44 articles) on a date after the library's, for update timing."""
    rnd = random.Random(seed)
    writer = _Writer(rnd, _material(), {}, 44)
    return write_issue(root / "extra", PAPERS[0], LAST_DAY + dt.timedelta(days=1), 9999, 44,
                       writer, 0)


if __name__ == "__main__":
    out = generate_library(Path(sys.argv[1]), int(sys.argv[2]),
                           int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(out)
