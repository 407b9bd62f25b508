"""Word segmentation: jieba (its Rust port, ``rjieba``) with the app's dictionary of local names.

jieba decides which occurrences of a query are whole words (ranked higher) and which sit
inside a longer word. The index and the queries are cut by the same segmenter, on folded text.

``rjieba`` is jieba's algorithm and dictionary compiled: on this machine it cuts about 5.4 M
characters a second on one core where Python jieba cuts 0.38 M, which is what makes a full
build of 100,000 articles fit in two minutes. Where no ``rjieba`` wheel exists for the
platform, Python jieba (same algorithm, same dictionary) does the work, only slower; the
index records which one cut its words and is rebuilt if that changes.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ..paths import resources_dir
from .fold import fold, fold_fingerprint

# One name for whichever segmenter is installed; their functions differ (``cut`` vs ``lcut``),
# so calls go through ``_ENGINE`` and are typed where their results are taken. The module is
# imported when words are first cut (``_segmenter_module``): rjieba builds its dictionary on
# import, 0.15 s that a command which cuts no words (``reader show``, a search whose words
# are known) does not spend.
_ENGINE = "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


@functools.cache
def _segmenter_module() -> ModuleType:
    if _ENGINE == "rjieba":
        import rjieba

        return rjieba
    import logging  # pragma: no cover - exercised only where rjieba has no wheel

    import jieba  # pragma: no cover

    jieba.setLogLevel(logging.WARNING)  # pragma: no cover
    module: ModuleType = jieba  # pragma: no cover
    return module  # pragma: no cover


USER_DICT_NAME = "jieba_user_dict.txt"


def user_dict_path() -> Path:
    return resources_dir() / USER_DICT_NAME


def user_dict_text() -> str:
    """The user dictionary as written (empty when it cannot be read)."""
    return _user_dict_text()


def _user_dict_text() -> str:
    try:
        return user_dict_path().read_text(encoding="utf-8")
    except OSError:
        return ""


def parse_user_dict(text: str) -> list[tuple[str, int | None, str | None]]:
    """Entries of a jieba user dictionary: ``word [frequency] [tag]`` a line, ``#`` comments."""
    entries: list[tuple[str, int | None, str | None]] = []
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word, freq, tag = parts[0], None, None
        for part in parts[1:]:
            if part.isdigit() and freq is None:
                freq = int(part)
            elif tag is None:
                tag = part
        entries.append((fold(word), freq, tag))
    return entries


class Segmenter:
    """jieba's precise mode (with HMM for unknown names) over the default and the user words.

    It uses rjieba's own process-wide instance, which rjieba builds on import anyway (a second
    instance would cost another 24 MB).
    """

    def __init__(self) -> None:
        self._jieba = _segmenter_module()
        self.user_words: list[tuple[str, int | None, str | None]] = []
        """The user words as added, with the frequency the segmenter gave each (rjieba)."""
        for word, freq, tag in parse_user_dict(_user_dict_text()):
            given = self._jieba.add_word(word, freq, tag)
            self.user_words.append((word, given if isinstance(given, int) else freq, tag))

    def cut(self, text: str) -> list[str]:
        """The words of ``text`` (already folded), in order, covering every character."""
        words: list[str] = (
            self._jieba.cut(text, True) if _ENGINE == "rjieba"
            else self._jieba.lcut(text, HMM=True)
        )
        return words


@functools.cache
def segmenter() -> Segmenter:
    """This process's segmenter (loading the dictionary takes about 0.3 s)."""
    return Segmenter()


Tagger = Callable[[str], list[tuple[str, str]]]


@functools.cache
def tagger() -> Tagger:
    """jieba's part-of-speech tagger over the same words (user words with their own tags):
    ``text -> [(word, tag)]``, the words covering the text as ``cut`` does."""
    module = segmenter()._jieba
    if _ENGINE == "rjieba":
        def tag(text: str) -> list[tuple[str, str]]:
            pairs: list[tuple[str, str]] = module.tag(text, True)
            return pairs
        return tag
    import jieba.posseg  # type: ignore[import-untyped]  # pragma: no cover

    def posseg(text: str) -> list[tuple[str, str]]:  # pragma: no cover
        return [(p.word, p.flag) for p in jieba.posseg.cut(text, HMM=True)]
    return posseg  # pragma: no cover


@functools.cache
def segmenter_fingerprint() -> str:
    """What the index's words depend on: the segmenter's version, the user words, folding."""
    ver = _installed_version(_ENGINE)
    words = hashlib.sha1(_user_dict_text().encode("utf-8")).hexdigest()[:10]
    return f"{_ENGINE}-{ver}/user-{words}/fold-{fold_fingerprint()}"


def _installed_version(name: str) -> str:
    """The installed version of the package ``name`` (``?`` when it has no metadata): from the
    name of its ``.dist-info`` folder beside it, else by ``importlib.metadata``, which takes
    longer to import (35 ms) than a search that needs no words takes in all."""
    spec = importlib.util.find_spec(name)
    places = list(spec.submodule_search_locations or []) if spec else []
    for place in places:
        found = sorted(Path(place).parent.glob(f"{name}-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len(name) + 1 : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover
        return "?"
