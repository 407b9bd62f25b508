"""The PDF's text layer gives back every character, with each Chinese font installed here.

Noto CJK and Source Han draw a radical and the ideograph it looks like with one glyph; a PDF
that maps the glyph back to the radical reads ⼈ for 人 in copy-paste, search and
``pdftotext``. Pages rendered to images cannot show this: the text is read back and compared.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.corpus.model import Article, Paragraph
from reader.export import export_articles, imprint_line

from .conftest import pdf_text
from .test_export_formats import assert_complete, squeeze


def installed_cjk_families() -> list[str]:
    """The Chinese font families fontconfig knows (first name of each)."""
    if shutil.which("fc-list") is None:
        return []
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                         text=True).stdout
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


FAMILIES = installed_cjk_families()
RADICALS = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext (poppler-utils) is not installed")


@pytest.fixture(params=FAMILIES or [pytest.param(
    None, marks=pytest.mark.skip(reason="no Chinese font installed (fonts-noto-cjk, "
                                        "fonts-wqy-microhei)"))])
def family(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    from reader.export import pdf_format

    monkeypatch.setattr(pdf_format, "PREFERRED_FAMILIES", (request.param,))
    return str(request.param)


def test_every_seed_article_round_trips_through_pdftotext(
    tmp_path: Path, seed_articles: list[Article], family: str
) -> None:
    from reader.export.pdf_format import chinese_font_family

    assert chinese_font_family() == family
    out = tmp_path / "all.pdf"
    export_articles(seed_articles, out, "pdf")
    text = pdf_text(out)
    written = "".join(p.text for a in seed_articles for p in a.paragraphs)
    assert RADICALS.findall(text) == RADICALS.findall(written) == []  # 人, not ⼈
    assert_complete(text, seed_articles)
    flat = squeeze(text)
    for article in seed_articles:  # the file name in the imprint line keeps all its digits
        assert squeeze(imprint_line(article)) in flat, imprint_line(article)


@pytest.mark.parametrize(("title", "source", "paragraph"), [
    # digits and Latin beside Chinese (Noto CJK's 'locl' glyphs), a ligature (fi), radicals
    ("金工人一网用", "000_ad7d325a1accf8c2.txt", "2022年8月10日第391期，office fine 见长门车马。"),
    # names use characters beyond U+FFFF (𠮷, 𬌗); Qt's map covers only the first plane, and
    # where the font lacks them the fallback font's glyphs must say what they are too
    ("吉𠮷家", "", "姓𠮷的𬌗人和㐂，第2022期。"),
], ids=["digits-latin-ligatures", "beyond-the-first-plane"])
def test_one_article_s_every_character_survives(tmp_path: Path, family: str, title: str,
                                                 source: str, paragraph: str) -> None:
    article = Article(id="x", title=title, paper="钱塘新区报", page=3, source=source,
                      paragraphs=[Paragraph(paragraph)])
    out = tmp_path / "one.pdf"
    export_articles([article], out, "pdf")
    flat = squeeze(pdf_text(out))
    assert title in flat
    assert squeeze(imprint_line(article)) in flat
    assert squeeze(paragraph) in flat


def test_page_numbers_are_printed_at_a_readable_size(
    tmp_path: Path, seed_articles: list[Article]
) -> None:
    """The footer's ``2 / 5`` is set at 8 pt, like a page number in print; laid out at the
    screen's resolution it came out under 3 pt, a speck."""
    out = tmp_path / "some.pdf"
    export_articles(seed_articles[:3], out, "pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", str(out), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', boxes)
    slash = [float(y1) - float(y0) for y0, y1, word in words if word == "/"]
    assert slash, "no page number on page 2"
    assert slash[-1] >= 6, slash  # points: a glyph box of an 8 pt font is about 10 pt tall
