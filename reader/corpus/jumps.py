"""Following a jump (``下转第2版`` … ``上接第1版``) to the article that continues it on
another page of the issue: the one whose own jump marker points back. Both faces use it to
merge an article with its continuation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import Article

if TYPE_CHECKING:
    from .catalog import Catalog


def jump_marker(forward: bool) -> str:
    return "下转" if forward else "上接"


def jump_target(catalog: Catalog, article: Article, forward: bool) -> tuple[str, str] | None:
    """(source, id) of the article on the page ``article`` jumps to (``forward``) or from,
    whose jump marker points back to the article's page; None when there is none."""
    page_no = article.continues_on if forward else article.continued_from
    if not page_no:
        return None
    for issue in catalog.issues():
        sources = [s for _, s in issue.pages]
        if article.source not in sources:
            continue
        for number, other_source in issue.pages:
            page = catalog.page(other_source) if number == page_no else None
            for a in page.articles if page else []:
                back = a.continued_from if forward else a.continues_on
                if back == article.page:
                    return other_source, a.id
    return None
