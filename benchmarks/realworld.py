"""The parser on real pages (``../shared/realworld``): score in-process, make stripped copies.

``score`` computes the measures of ``../shared/realworld/score.py`` (found, precision, recall,
F1, titles, characters kept) on pages parsed in this process, the same way: a record's probes
are looked for in the bodies of the parsed articles.

    python -m benchmarks.realworld strip OUT    # copies without indentation and CR, + gold.json

The stripped copies keep every file name and line; only leading spaces (ASCII, ideographic,
no-break) and carriage returns go, as many PDF extractions give pages.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.corpus import parse_page
from reader.corpus.serialize import page_to_dict

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"
MONTHS = ("2019-02", "2019-10")


def norm(s: str | None) -> str:
    s = s or ""
    if not unicodedata.is_normalized("NFKC", s):
        s = unicodedata.normalize("NFKC", s)
    return re.sub(r"\s+", "", s)


def strip_page(text: str) -> str:
    """The page without carriage returns and without the indentation of its lines."""
    return "\n".join(line.lstrip(" \t\u3000\xa0") for line in text.replace("\r", "").split("\n"))


_NO_LINE_START = "，。、；：？！”’）》」』…—,.;:?!)"
"""Marks a line may not open (禁则): a wrapped line carries them up onto the line before."""


def _display_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WFA" else 1


def wrap_page(text: str, *, indent: bool = True, seed: int = 0) -> str:
    """The page as a PDF's text layer gives it: every paragraph hard-wrapped, one line per
    printed line, in a column 22 to 44 display units wide (a Chinese character is 2) that
    changes from article to article; headlines stay whole lines. ``indent=False`` also drops
    the paragraphs' indentation, as many extractions do."""
    rnd = random.Random(seed)
    width = 2 * rnd.randint(11, 22)
    out: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        if not line.strip():
            width = 2 * rnd.randint(11, 22)  # the next article may be set in another column
            out.append(line)
            continue
        if not line.startswith("\u3000"):
            out.append(line)
            continue
        printed: list[str] = []
        current, filled, i = "", 0, 0
        while i < len(line):
            current, filled, i = current + line[i], filled + _display_width(line[i]), i + 1
            if filled >= width - 1:
                while i < len(line) and line[i] in _NO_LINE_START:
                    current, i = current + line[i], i + 1
                printed.append(current)
                current, filled = "", 0
        printed += [current] if current else []
        out += printed if indent else [p.lstrip("\u3000") for p in printed]
    return "\n".join(out)


def gold() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for month in MONTHS:
        out |= json.loads((REALWORLD / "gold" / f"{month}.json").read_text(encoding="utf-8"))
    return out


def page_files() -> list[Path]:
    return sorted(p for month in MONTHS for p in (REALWORLD / "pages" / month).glob("*.txt"))


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@dataclass
class Score:
    pages: int
    records: int
    found: int
    parsed: int
    titled: int
    title_ok: int
    chars: int
    lost: int
    failures: Counter[str]

    @property
    def precision(self) -> float:
        return self.found / max(1, self.parsed)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.records)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / max(1e-9, p + r)

    @property
    def title(self) -> float:
        return self.title_ok / max(1, self.titled)

    @property
    def kept(self) -> float:
        return 1 - self.lost / max(1, self.chars)

    def line(self) -> str:
        return (
            f"real pages: {self.pages}; records {self.records}, found {self.found}, parsed "
            f"{self.parsed}; precision={self.precision:.2f} recall={self.recall:.2f} "
            f"f1={self.f1:.2f} title={self.title:.2f} kept={self.kept:.4f}"
        )


def record_text(name: str, record: str) -> str:
    """The body of one record file (lines after kicker, title and subtitle), normalised."""
    month = name[len("renmin-") : len("renmin-2019-02")]
    lines = read_text(REALWORLD / "records" / month / record[:8] / record).split("\n")
    return norm("".join(lines[3:]))


def score(texts: dict[str, str]) -> Score:
    """Parse ``texts`` (file name → page text) and score them against the gold.

    ``failures`` counts the records not found, and the found ones whose title is wrong, by kind.
    """
    g = gold()
    t: Counter[str] = Counter()
    fails: Counter[str] = Counter()
    for name, page_gold in g.items():
        raw = texts[name]
        page = page_to_dict(parse_page(raw, name))
        arts = page["articles"]
        bodies = [norm(a["body"]) for a in arts]
        heads = [
            norm((a["kicker"] or "") + (a["title"] or "") + (a["subtitle"] or "")) for a in arts
        ]
        gp = [(ga, ga["probes"]) for ga in page_gold["articles"] if ga.get("probes")]
        t["gold"] += len(gp)
        t["parsed"] += sum(1 for a in arts if len(norm(a["body"])) >= 60)
        for ga, (a, b) in gp:
            idx = [i for i, body in enumerate(bodies) if a in body and b in body]
            ok = False
            for i in idx:
                others = [
                    og for og, op in gp
                    if og is not ga and (op[0] in bodies[i] or op[1] in bodies[i])
                ]
                if not others:
                    ok = True
                    t["found"] += 1
                    if ga.get("title"):
                        t["titled"] += 1
                        if norm(ga["title"]) in heads[i]:
                            t["title_ok"] += 1
                        else:
                            fails["title wrong"] += 1
                    break
            if not ok:
                own = record_text(name, ga["record"])
                if any(og is not ga and (op[0] in own or op[1] in own) for og, op in gp):
                    fails["another record's probe is in its own text"] += 1
                else:
                    fails["merged with another" if idx else "split or cut"] += 1
        parts = list(page["masthead"])
        for art in arts:
            parts += [art.get(k) or "" for k in ("kicker", "title", "subtitle", "byline", "body")]
            parts += list(art["jumps"])
        for gd in page["guide"]:
            parts += [gd["text"] or "", gd["pointer"] or ""]
        parts += page["guide_labels"] + page["leftover"]
        rc = Counter(norm(raw.replace("#", "").replace("■", "")))
        oc = Counter(norm("".join(parts).replace("#", "").replace("■", "")))
        t["chars"] += sum(rc.values())
        t["lost"] += sum((rc - oc).values())
    return Score(len(g), t["gold"], t["found"], t["parsed"], t["titled"], t["title_ok"],
                 t["chars"], t["lost"], fails)


def headline_fields(texts: dict[str, str]) -> tuple[int, int, int]:
    """(records with a title, whose title is read exactly, whose kicker and subtitle too)."""
    n = title = whole = 0
    for name, page_gold in gold().items():
        parsed = {norm(a.title): a for a in parse_page(texts[name], name).articles if a.title}
        for ga in page_gold["articles"]:
            if not ga.get("title"):
                continue
            n += 1
            a = parsed.get(norm(ga["title"]))
            if a is not None:
                title += 1
                kicker_ok = norm(a.kicker) == norm(ga["kicker"])
                whole += kicker_ok and norm(a.subtitle) == norm(ga["subtitle"])
    return n, title, whole


def load(stripped: bool = False) -> dict[str, str]:
    texts = {p.name: read_text(p) for p in page_files()}
    return {k: strip_page(v) for k, v in texts.items()} if stripped else texts


def variants() -> dict[str, dict[str, str]]:
    """The pages as they are, and as other extractions give them (see ``strip_page`` and
    ``wrap_page``), by a label for each."""
    texts = load()
    return {
        "as they are": texts,
        "stripped": {k: strip_page(v) for k, v in texts.items()},
        "hard-wrapped": {k: wrap_page(v, seed=n) for n, (k, v) in enumerate(texts.items())},
        "hard-wrapped, no indentation": {
            k: wrap_page(v, indent=False, seed=n) for n, (k, v) in enumerate(texts.items())
        },
    }


def write_stripped(out: Path) -> None:
    for path in page_files():
        target = out / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(strip_page(read_text(path)), encoding="utf-8", newline="")
    (out / "gold.json").write_text(json.dumps(gold(), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "strip":
        write_stripped(Path(sys.argv[2]))
    else:
        for label, texts in variants().items():
            s = score(texts)
            print(f"{label}: {s.line()} {dict(s.failures)}")
