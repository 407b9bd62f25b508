"""Authors for a citation: ``reader.corpus.byline.authors`` with a few more credits cleaned.

``authors`` reads the forms the seed pages print. Before calling it, this drops two forms it
takes for names (reported to the corpus owner): a bare agency lead such as ``本报讯`` or
``杭州日报讯`` not followed by a parenthesis (``本报讯 记者 张三`` gave ``本报讯``), and a credit
wrapped whole in parentheses (``（记者 季辰欣）`` gave nothing).
"""

from __future__ import annotations

import re

from ..corpus.byline import authors as corpus_authors

_BARE_LEAD = re.compile(r"^\s*[^\s（(]{0,12}?讯(?=\s|$)")
_WRAPPED = re.compile(r"^\s*[（(]([^（()）]*)[)）]\s*$")


def credited_authors(byline: str | None) -> list[str]:
    """The people or offices credited in ``byline``, roles and agency leads removed."""
    if not byline:
        return []
    text = byline.strip()
    if m := _WRAPPED.match(text):
        text = m.group(1)
    text = _BARE_LEAD.sub("", text, count=1).strip()
    return [name for name in corpus_authors(text) if not name.endswith("讯")]
