"""Reading the library in the window: the issues shown in the calendar, the issue list and
the results' filters; opening an issue, an article (with its neighbours in page order) or a
page of the open issue; and following a sync: the open issue and article kept, a page just
given a date followed to its issue, an article whose file went away said so.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QTabWidget

from ..corpus.catalog import Catalog, IssueInfo, SyncResult
from ..corpus.model import Article
from . import user_data
from .issue_shelf import IssueShelf
from .models.issue_tree import IssueTreeModel
from .models.page_articles import PageArticleModel, page_label
from .plain import literal
from .search_presenter import SearchPresenter
from .settings import WindowState
from .views.article_view import ArticleView
from .views.calendar import CalendarPanel
from .views.issue_list import IssueList
from .views.issue_view import IssueView
from .views.results_panel import ResultsPanel
from .views.status_area import StatusArea

ARTICLE_GONE = "article-gone"


@dataclass(frozen=True)
class ReadingViews:
    issue_model: IssueTreeModel
    page_model: PageArticleModel
    calendar_panel: CalendarPanel
    issue_list: IssueList
    issue_view: IssueView
    results: ResultsPanel
    article_view: ArticleView
    article_title: QLabel
    tabs: QTabWidget
    prev_action: QAction
    next_action: QAction


class Reading(QObject):
    """Opens issues and articles in the views it is given, from the catalog."""

    articleShown = Signal(str)

    def __init__(self, catalog: Catalog, views: ReadingViews, status: StatusArea,
                 searching: SearchPresenter, state: WindowState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.status = status
        self.searching = searching
        self.state = state  # the article read last
        self.shelf = IssueShelf()
        self.issue_model = views.issue_model
        self.page_model = views.page_model
        self.calendar_panel = views.calendar_panel
        self.issue_list = views.issue_list
        self.issue_view = views.issue_view
        self.results = views.results
        self.article_view = views.article_view
        self.article_title = views.article_title
        self.tabs = views.tabs
        self.prev_action = views.prev_action
        self.next_action = views.next_action
        self.opened_newest = False
        self.issue_status = ""  # a status line about the open issue, gone when moving on
        self.followed = ""  # an article to open once its page is read again (corrected)

    def follow(self, article_id: str) -> None:
        """Open ``article_id`` after the next sync (its page was just corrected)."""
        self.followed = article_id

    def refresh(self, result: SyncResult) -> None:
        """Show what the library holds now: calendar, issue list, open issue and article."""
        current = self.page_model.issue()
        self.load_issues(self.catalog.issues(), set(result.changed))
        if current is not None and current.key in self.shelf:
            self.issue_list.select_issue(current.key)
        article = self.article_view.article
        if self.followed and self.catalog.locate(self.followed):
            followed, self.followed = self.followed, ""
            if self.open_article(followed):
                return
        if article is None:
            return
        if article.source in result.removed:
            self.status.show_notice(ARTICLE_GONE, QCoreApplication.translate("MainWindow",
                "The page file of the open article was removed from the library (%1). The "
                "text shown is what was read before.").replace("%1", article.source),
                "warning")
        elif article.source in result.changed:
            fresh = user_data.article_now(article, self.catalog.page(article.source))
            if fresh is None:
                self.status.show_notice(ARTICLE_GONE, QCoreApplication.translate("MainWindow",
                    "The page file of the open article was changed (%1) and no longer holds "
                    "this text. The text shown is what was read before; open the issue again "
                    "for the new one.").replace("%1", article.source), "warning")
            else:
                if fresh != article:  # corrected elsewhere (``reader correct``, a window)
                    self._show_again(fresh)
                self.issue_view.select_article(fresh.id)

    @Slot()
    def recheck(self) -> None:
        """Another process read pages into the shared catalog: show the issues, the open
        issue and the open article as they are now."""
        article = self.article_view.article
        self.refresh(SyncResult(changed=[article.source] if article is not None else []))

    def _show_again(self, article: Article) -> None:
        """Show the open article as its page reads now, where the reader was in it."""
        bar = self.article_view.verticalScrollBar()
        at = bar.value()
        self._show(article)
        bar.setValue(at)
        self.status.show_status(QCoreApplication.translate(
            "MainWindow", "The open article was changed on its page (%1); it is shown as it "
            "reads now.").replace("%1", article.source))

    def load_issues(self, issues: list[IssueInfo], changed: set[str] | None = None) -> None:
        self.shelf.load(issues)
        papers = sorted({i.paper for i in issues})
        self.issue_model.set_issues(issues)
        self.issue_list.set_papers(papers)
        self.results.set_papers(papers)
        self.calendar_panel.set_issues(issues)
        dated = [i.date for i in issues if i.date]
        if dated:
            self.results.set_date_span(min(dated), max(dated))
        current = self.page_model.issue()
        if current is not None:
            fresh = self.shelf.get(current.key)
            if fresh != current or any(src in (changed or ()) for _, src in current.pages):
                self.page_model.set_issue(fresh)
                if self.article_view.article is not None:
                    self.issue_view.select_article(self.article_view.article.id)

    # -- opening issues and articles ------------------------------------------------------

    @Slot(str)
    def open_issue(self, key: str, open_first: bool = True, show_tab: bool = True) -> None:
        issue = self.shelf.get(key)
        if issue is None:
            return
        shown = self.page_model.issue()
        if shown is None or shown.key != key:
            self.page_model.set_issue(issue)
        self.issue_list.select_issue(key)
        if issue.date is not None:
            self.calendar_panel.show_date(issue.date)
        if show_tab:
            self.tabs.setCurrentWidget(self.issue_view)
        if open_first:
            ids = self.page_model.article_ids()
            if ids:
                self.open_article(ids[0])

    @Slot(str)
    def open_article(self, article_id: str, query: str = "") -> bool:
        article = self.catalog.article(article_id)
        if article is None:
            self.status.show_status(QCoreApplication.translate(
                "MainWindow", "Article %1 is not in the library.").replace("%1", article_id))
            return False
        key = self.shelf.of_article(article)
        shown = self.page_model.issue()
        if key and (shown is None or shown.key != key):
            self.open_issue(key, open_first=False, show_tab=False)
        self.issue_view.select_article(article_id)
        self._show(article)
        self.searching.article_opened(article_id, query)
        return True

    def _show(self, article: Article) -> None:
        self.status.close_notice(ARTICLE_GONE)
        if self.issue_status and self.status.status_text.text() == self.issue_status:
            self.status.status_text.clear()  # it spoke of the issue left behind
        self.article_view.show_article(article)
        self.article_title.setText(article.display_title)
        self.article_title.setToolTip(literal(article.headline or article.display_title))
        self.state.last_article = article.id
        ids = self.page_model.article_ids()
        at = ids.index(article.id) if article.id in ids else -1
        self.prev_action.setEnabled(at > 0)
        self.next_action.setEnabled(0 <= at < len(ids) - 1)
        self.articleShown.emit(article.id)

    def restore_article(self) -> None:
        """Reopen the article read last; with none, open the newest issue, so that the
        window never starts on empty panes when the library has something to read."""
        if self.article_view.article is not None:
            return
        last = self.state.last_article
        if last and self.catalog.locate(last):
            self.open_article(last)
            return
        if self.page_model.issue() is None and not self.opened_newest:
            newest = self.shelf.newest_dated()
            if newest is not None:
                self.opened_newest = True
                self.open_issue(newest)

    @Slot()
    def step_article(self, step: int) -> None:
        current = self.article_view.article
        ids = self.page_model.article_ids()
        if current is None or current.id not in ids:
            return
        at = ids.index(current.id) + step
        if 0 <= at < len(ids):
            self.open_article(ids[at])

    @Slot()
    def step_issue(self, step: int) -> None:
        current = self.page_model.issue()
        key = self.shelf.step(current.key if current is not None else None, step)
        if key is not None:
            self.open_issue(key)

    @Slot(list)
    def open_pages(self, pages: list[int]) -> None:
        """Follow a guide entry or a jump line to its page(s) in the open issue."""
        for page in pages:
            if self.issue_view.show_page(page):
                self.tabs.setCurrentWidget(self.issue_view)
                ids = self.page_model.page_article_ids(page)
                if ids:
                    self.open_article(ids[0])
                return
        names = "、".join(page_label(p) for p in pages)
        self.issue_status = QCoreApplication.translate(
            "MainWindow", "%1 of this issue is not in the library.").replace("%1", names)
        self.status.show_status(self.issue_status)
