"""Bylines: recognise them on a page and read the authors' names out of them.

Forms seen in print: ``■首席记者 吴宇翔``, ``■杭州日报首席记者 赵芳洲`` + ``本报记者 赵一霖``
on the next line, ``本报讯（记者 季辰欣）`` opening the first paragraph,
``文/摄影记者 童志忠 朱晟`` under a photo. Roles (首席记者, 通讯员 …) are not names.
"""

from __future__ import annotations

import re

from . import patterns as P

_ROLE_WORDS = (
    "首席记者", "见习记者", "实习记者", "特约记者", "摄影记者", "本报记者", "记者", "通讯员",
    "实习生", "特约撰稿", "撰稿", "编辑", "摄影", "整理", "文字", "文", "图", "摄",
)
_ROLE_SUFFIX = re.compile("(?:" + "|".join(_ROLE_WORDS) + ")$")
_ROLE_PREFIX = re.compile(
    "^[" + P.HAN + "]{0,8}?(?:" + "|".join(_ROLE_WORDS[:-3]) + ")"
)
_NOT_AUTHORS = {"综合报道", "综合", "本报", "本报综合", "据悉", "编者按"}
_NAME = re.compile("^[" + P.HAN + "·]{2,5}$")


_NOT_BYLINES = re.compile(r"^(?:记者|采访)(?:手记|观察|札记|调查|追踪|来信)$")


def is_byline_text(text: str) -> bool:
    """A line made only of roles and names (``通讯员 饶亦晴 刘莹``), not a column's label
    such as 记者手记."""
    text = text.strip()
    return len(text) <= 60 and bool(P.BYLINE_BODY.match(text)) and not _NOT_BYLINES.match(text)


def is_trailing_byline(text: str) -> bool:
    """A photo or article credit printed after the text (``文/摄影记者 童志忠 朱晟``)."""
    return len(text) <= 60 and bool(P.TRAIL_BYLINE.match(text.strip()))


def authors(byline: str | None) -> list[str]:
    """Names of the people (or the office) credited in ``byline``, roles removed, in order."""
    if not byline:
        return []
    text = byline.strip()
    if m := re.match(r"^.{0,16}?[讯电]\s*[（(]([^（()）]*)[)）]", text):
        text = m.group(1)  # 本报讯（记者 季辰欣） → 记者 季辰欣
    elif m := re.match(r"^\s*[（(]([^（()）]*)[)）]\s*$", text):
        text = m.group(1)  # （记者 季辰欣）
    text = re.sub(r"^[^\s（(]{0,16}?[讯电](?=\s|$)", "", text).strip()  # 本报讯 记者 张三
    names: list[str] = []
    for raw in re.split(r"[\s/／|｜,，、]+", text):
        token = raw.strip("■ ")
        if not token:
            continue
        if _ROLE_SUFFIX.search(token) and _ROLE_PREFIX.match(token) and (
            _ROLE_PREFIX.sub("", token) == ""
        ):
            continue  # a bare role such as 首席记者 or 杭州日报首席记者
        if token in _ROLE_WORDS:
            continue
        stripped = _ROLE_PREFIX.sub("", token)
        if stripped and stripped != token and _NAME.match(stripped):
            token = stripped  # 记者陈霞 → 陈霞
        if token in _NOT_AUTHORS or token.endswith(("讯", "电")):
            continue
        if _NAME.match(token) or re.match("^[" + P.HAN + "]{2,12}$", token):
            names.append(token)
    return list(dict.fromkeys(names))
