"""The interface language: Chinese by default and for Chinese systems, English for others;
every string of the window has its Chinese, and the compiled files match their sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from reader.ui.i18n import choose_language, install_translators, remove_translators

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


@pytest.mark.parametrize(("locale", "preference", "expected"), [
    ("zh_CN", "system", "zh_CN"),
    ("zh_TW", "system", "zh_CN"),
    ("C", "system", "zh_CN"),  # a machine that names no language: the default, Chinese
    ("en_US", "system", "en"),
    ("de_DE", "system", "en"),
    ("en_US", "zh_CN", "zh_CN"),
    ("zh_CN", "en", "en"),
])
def test_language_choice(locale: str, preference: str, expected: str):
    assert choose_language(preference, QLocale(locale)) == expected


def test_window_speaks_chinese_and_english(qapp, small_library: Path, open_window):
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window(small_library)
        assert "书库(&L)" in [a.text() for a in window.menuBar().actions()]
        assert window.tabs.tabText(1) == "检索结果"
    finally:
        remove_translators(qapp, translators)
    translators = install_translators(qapp, "en")
    try:
        window = open_window(small_library)
        assert "&Library" in [a.text() for a in window.menuBar().actions()]
        assert window.results.tr("%n hit(s)", "", 2) == "2 hits"
        assert window.results.tr("%n hit(s)", "", 1) == "1 hit"
    finally:
        remove_translators(qapp, translators)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name") or "", m.findtext("source") or ""): m
            for c in root.iter("context") for m in c.iter("message")}


def test_every_string_in_the_code_has_its_chinese(tmp_path: Path):
    lupdate = shutil.which("pyside6-lupdate", path=str(BIN)) or shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(str(p) for p in (ROOT / "reader" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = messages(TRANSLATIONS / "reader_zh_CN.ts")
    missing = [key for key in messages(fresh) if key not in shipped]
    assert missing == [], "run pyside6-lupdate and translate (docs/ui.md)"
    untranslated = [key for key, m in shipped.items()
                    if m.find("translation").get("type") in ("unfinished",)
                    and key in messages(fresh)]
    assert untranslated == []
    # A count (%n) that lupdate does not see as a plural (QCoreApplication.translate with
    # a count: only self.tr's is seen) drops out of reader_en.ts: "1 problem file(s)".
    not_plural = [key for key, m in messages(fresh).items()
                  if "%n" in key[1] and m.get("numerus") != "yes"]
    assert not_plural == [], "give the count through self.tr(text, '', n)"


def test_compiled_translations_match_their_sources():
    """Every translation in a .ts file is what its shipped .qm gives (lrelease was run)."""
    for name in ("reader_zh_CN", "reader_en"):
        translator = QTranslator()
        assert translator.load(str(TRANSLATIONS / f"{name}.qm")), name
        stale = []
        for (context, source), message in messages(TRANSLATIONS / f"{name}.ts").items():
            tr = message.find("translation")
            if message.get("numerus") == "yes":
                forms = [f.text for f in tr.iter("numerusform")]
                got = translator.translate(context, source, None, 2)
                if got != forms[-1]:
                    stale.append((context, source, got))
            elif tr.text and translator.translate(context, source) != tr.text:
                stale.append((context, source, translator.translate(context, source)))
        assert stale == [], f"{name}.qm is older than {name}.ts: run pyside6-lrelease"


def test_every_kind_of_problem_has_a_chinese_wording_with_all_its_parameters(qapp):
    """A kind the core gains without a wording here (or without its Chinese) fails."""
    from string import Formatter

    from reader.problems import ENGLISH, ProblemKind
    from reader.ui.core_messages import CORE_WORDS, WORDING, WORDS

    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    zh = QTranslator()
    assert zh.load(str(TRANSLATIONS / "reader_zh_CN.qm"))
    untranslated = []
    for kind in ProblemKind:
        assert kind in WORDING, f"{kind} has no wording in the window"
        if kind is ProblemKind.OTHER:
            continue
        english = str(WORDING[kind])
        chinese = zh.translate("CoreMessages", english)
        if not chinese or not any("\u4e00" <= c <= "\u9fff" for c in chinese):
            untranslated.append(english)
        # Every particular the core gives is put in, in English and in Chinese.
        assert names(english) == names(ENGLISH[kind]), kind
        assert names(chinese or english) == names(english), (kind, chinese)
    assert untranslated == []
    for name, keys in CORE_WORDS.items():  # the core's own words among the parameters
        for key in keys:
            assert key in WORDS[name], (name, key)
            assert zh.translate("CoreMessages", str(WORDS[name][key])), (name, key)


def test_problems_from_the_core_are_shown_in_chinese(qapp):
    from reader.corpus.encoding import DecodeError, decode_page_bytes
    from reader.problems import Problem, ProblemKind
    from reader.ui.core_messages import problem_text

    problems = []
    for data in (b"%PDF-1.7\n" + bytes(300), bytes(range(256)) * 40,
                 "錢塘新區報全省各級人大常委會主任學習會。".encode("big5") * 20):
        with pytest.raises(DecodeError) as err:
            decode_page_bytes(data)
        problems.append(err.value.problem)
    problems.append(Problem.of(ProblemKind.SIDECAR_IGNORED, sidecar="a.meta.toml",
                               reason="it is not valid TOML: x"))
    problems.append(Problem.of(ProblemKind.LINK_OUTSIDE, target="/etc/{where}", where="added"))
    translators = install_translators(qapp, "zh_CN")
    try:
        shown = [problem_text(p) for p in problems]
        other = problem_text(Problem.other("something new {text}"))
    finally:
        remove_translators(qapp, translators)
    assert shown == [
        "这是PDF 文档，不是版面文本",
        "这像是二进制文件，不是版面文本",
        "文本不是 UTF-8、GB18030/GBK 或 UTF-16 编码（可能是 Big5、Shift-JIS 等其他编码？），请转换为 UTF-8",
        "其附注文件 a.meta.toml 未被采用：it is not valid TOML: x",
        # a parameter that looks like a placeholder is put in as it is
        "这是指向 /etc/{where} 的链接，在所添加的文件夹之外；不跟随指向外部的链接",
    ]
    assert other == "something new {text}"  # known only by its sentence: shown as it is
    translators = install_translators(qapp, "en")
    try:
        assert problem_text(problems[0]) == problems[0].text == "it is a PDF document, not page text"
    finally:
        remove_translators(qapp, translators)
