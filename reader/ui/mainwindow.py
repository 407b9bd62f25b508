"""The main window: layout, and the wiring of every view, action and controller.

Left: the calendar above the issue list. Middle: tabs for the open issue's pages, the search
results and the bookmarks. Right: the article with its find bar. The window only arranges;
each view asks for things by signals (``openArticleRequested`` …) and this module, the one
place where app-wide signals are wired, answers them. The actions and menus are declared in
``actions.py`` and ``menus.py``; the state that changes over time lives in widget-free
objects: the library being read (``library_session.py``, followed through by
``sync_flow.py``), the search in flight (``search_controller.py``), the issues
(``issue_shelf.py``), the bookmark store (``bookmark_access.py``); ``reading.py``,
``search_presenter.py`` and ``work_status.py`` show them in the views. The controllers
(library, bookmarks, corrections, export, timeline and names) get what they need when they
are made and answer by signals; none of them imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..backend import Connection, LibraryBackend, open_library
from ..corpus.catalog import Catalog, IssueInfo
from ..corpus.model import Article
from . import help_dialogs, theme, window_memory, window_panes
from .actions import WindowActions
from .article_menu import ArticleMenu
from .bookmark_actions import BookmarkActions
from .bookmarks_controller import BookmarksController, BookmarkViews
from .corrections_controller import CorrectionsController
from .dialogs.shortcuts import ShortcutsDialog
from .drops import PageDrops
from .export_flow import ExportFlow, ExportViews
from .first_paint import after_first_paint
from .library_controller import LibraryController, OpenRequest
from .library_session import LibrarySession
from .library_watch import LibraryWatcher
from .menus import WindowMenus
from .models.bookmarks import BookmarkModel
from .models.issue_tree import IssueTreeModel
from .models.page_articles import PageArticleModel
from .models.search_hits import SearchHitModel
from .names_controller import NamesController
from .reading import Reading, ReadingViews
from .search_controller import SearchController
from .search_presenter import SearchPresenter, SearchViews
from .search_service import SearchService
from .settings import Preferences, WindowState
from .shared_archive import ArchiveLink, SharedArchiveStatus
from .sync_flow import SyncFlow
from .timeline_controller import TimelineController
from .timeline_names import TimelineNames, TimelineNamesViews
from .view_prefs import ViewPreferences
from .views.article_pane import ArticlePane
from .views.bookmarks_panel import BookmarksPanel
from .views.calendar import CalendarPanel
from .views.field_shortcuts import WindowKeysFirst
from .views.issue_list import IssueList
from .views.issue_view import IssueView
from .views.message_bar import MessageBar
from .views.name_facets import NameFacets
from .views.results_panel import ResultsPanel
from .views.search_box import SearchBox
from .views.status_area import StatusArea
from .views.timeline_view import TimelineView
from .work_status import WorkStatus
from .workers import TaskRunner


class MainWindow(QMainWindow):
    """The reader window on one library."""

    catalogReady = Signal()
    articleShown = Signal(str)
    resultsShown = Signal(int)  # total of the search whose first page arrived
    occurrencesShown = Signal(int)  # number of occurrences marked for an opened hit
    openLibraryRequested = Signal(object)  # an OpenRequest: the app opens a window on it
    libraryChanged = Signal(object)  # a SyncResult that added, changed or removed files

    def __init__(self, library: LibraryBackend | Catalog, prefs: Preferences | None = None,
                 state: WindowState | None = None, parent: QWidget | None = None) -> None:
        """``library`` as ``open_library`` gives it (a bare catalog stands for its folder)."""
        super().__init__(parent)
        if isinstance(library, Catalog):
            library = open_library(library.root, library)
        self.backend = library
        self.catalog = catalog = library.catalog
        self.prefs = prefs or Preferences.load()
        self.state = state or WindowState.load()
        self.runner = TaskRunner(self)
        self.search = SearchService(library, self)
        self.search_control = SearchController(self.search, self)
        self.session = LibrarySession(catalog, self.runner, self)
        self.watcher = LibraryWatcher(self)
        # The library's name: Qt adds the application's name (setApplicationDisplayName).
        self.setWindowTitle(catalog.root.name)
        self.setWindowIcon(theme.app_icon())

        self.issue_model = IssueTreeModel(self)
        self.page_model = PageArticleModel(catalog.page, self)
        self.hit_model = SearchHitModel(self)
        self.bookmark_model = BookmarkModel(self)
        self.timeline = TimelineController(self.runner, self.search.index, self)
        self.names = NamesController(self.runner, self.search.index, self)
        self._build_widgets()
        self.library = LibraryController(catalog, self.runner, self.status_area, self.state,
                                         self)
        self.searching = SearchPresenter(self.search_control, SearchViews(
            self.search_box, self.results, self.hit_model, self.find_bar, self.article_view,
            self.tabs), self.state, self)
        self.bookmarks = BookmarksController(
            catalog, self.runner, self.bookmark_model,
            BookmarkViews(self.article_view, self.bookmarks_panel, self.tabs),
            self.library.recent_libraries, self, library.open_bookmarks)
        self.exporting = ExportFlow(
            catalog, self.runner, self.search_control, self.hit_model, self.bookmark_model,
            ExportViews(self.article_view, self.bookmarks_panel, self.tabs, self.results,
                        self.issue_view), self)
        self._build_actions()
        self.reading = Reading(catalog, ReadingViews(
            self.issue_model, self.page_model, self.calendar_panel, self.issue_list,
            self.issue_view, self.results, self.article_view, self.article_title, self.tabs,
            self.commands.prev_article_action, self.commands.next_article_action),
            self.status_area, self.searching, self.state, self)
        self._wire()
        if library.connection is not None:
            self.archive_status = self._on_shared_archive(library.connection)
        self.apply_preferences()
        self._restore_state()
        for message in self.prefs.messages + self.state.messages:
            self.show_notice(f"settings:{message}", message, "warning")
        self.prefs.messages.clear()  # shown once, not again in the next window
        self.library.show_hint()
        self.bookmarks.start()
        self.reading.load_issues(self.catalog.issues())
        self.reading.restore_article()
        # Work follows the first paint: read the folder, then build the index; then watch it.
        after_first_paint(self, self.start_sync)

    # -- construction ---------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search_box = SearchBox(self)
        self.search_box.setObjectName("searchBox")
        self.calendar_panel = CalendarPanel(self)
        self.issue_list = IssueList(self.issue_model, self)
        self.issue_view = IssueView(self.page_model, self)
        self.results = ResultsPanel(self.hit_model, self)
        article_column = ArticlePane(self)
        self.article_view, self.find_bar = article_column.article_view, article_column.find_bar
        self.prev_button, self.next_button = article_column.prev_button, article_column.next_button
        self.star_button, self.article_title = article_column.star_button, article_column.title
        self.article_names = NameFacets(counts=False, parent=self)
        self.article_names.setObjectName("articleNames")
        article_column.add_names(self.article_names)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.issue_view, self.tr("Issue"))
        self.tabs.addTab(self.results, self.tr("Search Results"))
        self.bookmarks_panel = BookmarksPanel(self.bookmark_model, self)
        self.tabs.addTab(self.bookmarks_panel, self.tr("Bookmarks"))

        self.facets = NameFacets(counts=True, parent=self)
        self.facets.setObjectName("nameFacets")
        self.results.add_facets(self.facets)
        self.timeline_view = TimelineView(self)
        self.timeline_view.hide()
        panes = window_panes.split(self, self.calendar_panel, self.issue_list, self.tabs,
                                   article_column, self.timeline_view)
        self.left, self.main_splitter, self.outer_splitter = panes.left, panes.main, panes.outer

        top = QWidget(self)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 2)
        self.search_label = QLabel(self.tr("&Search:"), self)
        self.search_label.setBuddy(self.search_box)
        top_layout.addWidget(self.search_label)
        top_layout.addWidget(self.search_box, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        self.notices = QVBoxLayout()
        self.notices.setContentsMargins(6, 0, 6, 2)
        self.notices.setSpacing(2)
        layout.addLayout(self.notices)
        layout.addWidget(self.outer_splitter, 1)
        self.setCentralWidget(central)
        self.drops = PageDrops(self, [self.search_box.field, self.find_bar.edit])
        WindowKeysFirst(self).watch(self.search_box, self.search_box.field, self.find_bar.edit)

        self.status_area = area = StatusArea(self, self.notices)
        self.work_status = WorkStatus(area, self.catalog, self.session, self.search_control,
                                      self.search, self)
        self.status_text, self.progress = area.status_text, area.progress
        self.cancel_button, self.problems_button = area.cancel_button, area.problems_button

        # Tab order follows the reading order: search, calendar, issues, pages, article.
        order: list[QWidget] = [
            self.search_box, self.calendar_panel.calendar, self.issue_list.paper,
            self.issue_list.tree, self.tabs, self.issue_view.tree, self.results.sort,
            self.results.paper, self.results.list, self.bookmarks_panel.filter,
            self.bookmarks_panel.tag, self.bookmarks_panel.tree, self.article_view,
            self.find_bar.edit]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_actions(self) -> None:
        """The actions (``actions.py``) and menus (``menus.py``), connected to what they do;
        each action stays an attribute of the window too (``window.bookmark_action``)."""
        self.commands = a = WindowActions(self, self.issue_list.assign_action)
        for name, action in a.by_name.items():
            setattr(self, name, action)
        self.theme_actions = a.theme_actions
        self.language_actions = a.language_actions
        slots: dict[QAction, Callable[..., Any]] = {
            a.open_library_action: self.library.choose_library,
            a.open_archive_action: self.library.choose_archive,
            a.add_pages_action: self.library.choose_pages,
            a.add_folder_action: self.library.choose_page_folder,
            a.reload_action: self.start_sync,
            a.info_action: lambda: self.library.show_info(),
            a.quit_action: self.close,
            a.find_action: self.searching.focus_search,
            a.find_in_article_action: self.searching.find_in_article,
            a.next_occurrence_action: self.article_view.next_occurrence,
            a.previous_occurrence_action: self.article_view.previous_occurrence,
            a.prev_article_action: lambda: self.reading.step_article(-1),
            a.next_article_action: lambda: self.reading.step_article(1),
            a.prev_issue_action: lambda: self.reading.step_issue(-1),
            a.next_issue_action: lambda: self.reading.step_issue(1),
            a.prev_month_action: lambda: self.calendar_panel.jump(-1),
            a.next_month_action: lambda: self.calendar_panel.jump(1),
            a.focus_actions["calendar"]: lambda: self.calendar_panel.calendar.setFocus(),
            a.focus_actions["issue_list"]: lambda: self.issue_list.tree.setFocus(),
            a.focus_actions["pages"]: lambda: self._focus_tab(self.issue_view,
                                                              self.issue_view.tree),
            a.focus_actions["results"]: lambda: self._focus_tab(self.results,
                                                                self.results.list),
            a.focus_actions["article"]: lambda: self.article_view.setFocus(),
            a.bookmark_action: self.bookmarks.toggle_bookmark,
            a.edit_bookmark_action: lambda: self.bookmarks.edit_bookmark(),
            a.save_excerpt_action: self.bookmarks.excerpts.save_excerpt,
            a.remove_bookmarks_action: self.bookmarks.remove_bookmarks,
            a.show_bookmarks_action: lambda: self._focus_tab(self.bookmarks_panel,
                                                             self.bookmarks_panel.tree),
            a.export_action: self.exporting.export,
            a.cite_action: self.exporting.copy_citation,
            a.shortcuts_action: self.show_shortcuts,
            a.about_action: lambda: help_dialogs.show_about(self, self.catalog.root),
        }
        for action, slot in slots.items():
            action.triggered.connect(slot)
        self.view_prefs = ViewPreferences(self.prefs, self.article_view, a, self)
        self.view_prefs.statusMessage.connect(self.show_status)
        self.bookmark_actions = BookmarkActions(a, self.bookmarks, self)
        self.star_button.setDefaultAction(a.bookmark_action)
        self.prev_button.setDefaultAction(a.prev_article_action)
        self.next_button.setDefaultAction(a.next_article_action)
        self.menus = WindowMenus(self.menuBar(), a, self.library.recent_menu)
        self.library.fill_recent()
        self.file_menu = self.menus.file_menu
        self.library_menu = self.menus.library_menu
        self.go_menu = self.menus.go_menu

    def _wire(self) -> None:
        """Every request a view makes, answered in one place."""
        self.calendar_panel.openIssueRequested.connect(self.open_issue)
        self.issue_list.openIssueRequested.connect(self.open_issue)
        self.issue_list.assignDateRequested.connect(self.assign_date)
        self.issue_view.openArticleRequested.connect(self.open_article)
        self.issue_view.openPagesRequested.connect(self.reading.open_pages)
        self.searching.openArticleRequested.connect(
            lambda article_id, query: self.open_article(article_id, query=query))
        self.searching.resultsShown.connect(self.resultsShown)
        self.searching.occurrencesShown.connect(self.occurrencesShown)
        self.article_view.openPageRequested.connect(lambda p: self.reading.open_pages([p]))
        self.reading.articleShown.connect(lambda _article_id: self.bookmarks.update_star())
        self.reading.articleShown.connect(self.articleShown)
        self.syncing = SyncFlow(self.session, self.watcher, self.reading, self.work_status,
                                self.search_control, self.status_area,
                                watch=not self.backend.shared, parent=self)
        self.syncing.read.connect(self.catalogReady)
        self.syncing.changed.connect(self.libraryChanged)
        self.cancel_button.clicked.connect(self._cancel_work)
        library = self.library
        self.drops.pathsDropped.connect(library.add_paths)
        self.problems_button.clicked.connect(library.show_problems)
        self.catalogReady.connect(library.catalog_read)
        library.openLibraryRequested.connect(self.openLibraryRequested)
        library.arrivalRequested.connect(self.arrive)
        library.syncRequested.connect(self.request_sync)
        library.assignDateRequested.connect(self.assign_date_of_page)
        self.bookmarks_panel.openBookmarkRequested.connect(self.bookmarks.open_bookmark)
        self.bookmarks_panel.editBookmarkRequested.connect(self.bookmarks.edit_bookmark)
        self.bookmarks_panel.menu_actions = [self.commands.remove_bookmarks_action]
        self.timeline_names = TimelineNames(
            self.timeline, self.names, TimelineNamesViews(
                self.timeline_view, self.facets, self.article_names, self.article_view,
                self.search_box, self.outer_splitter, self.commands.timeline_action),
            self.search, self.search_control, self.searching, self.reading, self.catalog,
            self.show_status, self)
        self.commands.timeline_action.triggered.connect(self.timeline_names.show_timeline)
        marks = self.bookmarks
        marks.statusMessage.connect(self.show_status)
        marks.noticeRequested.connect(
            lambda key, text, kind, buttons: self.show_notice(key, text, kind, buttons))
        marks.openArticleRequested.connect(self.open_article)
        marks.openLibraryRequested.connect(
            lambda root, bookmark, excerpt: self.library.open_library(
                root, bookmark=bookmark, excerpt=excerpt))
        self.exporting.statusMessage.connect(self.show_status)
        a = self.commands
        self.article_menu = ArticleMenu(self, self.article_view,
                                        [a.bookmark_action, a.save_excerpt_action,
                                         a.cite_action],
                                        [a.export_action, a.find_in_article_action,
                                         self.menus.correct_menu.menuAction(), a.undo_action])
        self.article_menu.statusMessage.connect(self.show_status)
        self.corrections = fix = CorrectionsController(self.catalog, self.runner,
                                                         self.article_view, a, self)
        fix.statusMessage.connect(self.show_status)
        fix.noticeRequested.connect(
            lambda key, text, kind: self.status_area.show_notice(key, text, kind))
        fix.noticeClosed.connect(self.status_area.close_notice)
        fix.pageCorrected.connect(self.reading.follow)
        fix.pageCorrected.connect(self.request_sync)
        self.library.dateChosen.connect(fix.assign_date)

    def _on_shared_archive(self, connection: Connection) -> SharedArchiveStatus:
        """A shared archive: its connection watched; no folder to add pages to or correct."""
        a = self.commands
        self.drops.pathsDropped.disconnect()
        link = ArchiveLink(connection, self.runner, self)
        link.restored.connect(lambda: self.bookmarks.refresh(force=True))
        return SharedArchiveStatus(link, self.show_notice, self.status_area.close_notice,
                                   self.show_status, [
            a.reload_action, a.add_pages_action, a.add_folder_action, a.assign_date_action,
            a.undo_action, a.redo_action,
            self.menus.correct_menu.menuAction()], self)

    # -- preferences and state ------------------------------------------------------------

    def apply_preferences(self) -> None:
        self.view_prefs.apply()

    def change_font(self, steps: int) -> None:
        self.view_prefs.change_font(steps)

    def _restore_state(self) -> None:
        window_memory.restore(self, self.state, (self.main_splitter, self.left))
        self.search_box.set_history(self.state.history)

    def save_state(self) -> None:
        window_memory.save(self, self.state, (self.main_splitter, self.left))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the background work (sync, index, searches) and wait for it."""
        self.watcher.stop()
        self.runner.shutdown()
        self.search.shutdown()
        self.bookmarks.shutdown()

    # -- the library ----------------------------------------------------------------------

    def arrive(self, request: OpenRequest) -> None:
        """Do what the request that opened this window asked for, once it can be done."""
        if request.article:
            self.state.last_article = request.article
            self.reading.restore_article()
        if request.add:
            self.library.add_paths(list(request.add))
        read = None if self.synced else self.catalogReady
        if request.bookmark:
            self.bookmarks.open_when_read(request.bookmark, read)
        if request.excerpt:
            self.bookmarks.open_when_read(request.excerpt, read, excerpt=True)

    @Slot()
    def start_sync(self) -> None:
        """Read the library folder again, with progress (at start, and F5)."""
        self.syncing.start()

    @Slot()
    def request_sync(self) -> None:
        """Look quietly for new, changed and removed files (the watcher, added pages)."""
        self.syncing.request()

    @property
    def synced(self) -> bool:
        """The library was read at least once in this window."""
        return self.session.synced

    def update_index(self, quiet: bool) -> None:
        self.syncing.update_index(quiet)

    # -- the doors to reading, for the app, the controllers and the tests -----------------

    @Slot(str)
    def open_issue(self, key: str, open_first: bool = True, show_tab: bool = True) -> None:
        self.reading.open_issue(key, open_first, show_tab)

    @Slot(str)
    def open_article(self, article_id: str, query: str = "") -> bool:
        return self.reading.open_article(article_id, query)

    def current_article(self) -> Article | None:
        return self.article_view.article

    def issues(self) -> dict[str, IssueInfo]:
        return self.reading.shelf.as_dict()

    def issue_of_source(self, source: str) -> str | None:
        """The key of the issue a page file belongs to."""
        return self.reading.shelf.of_source(source)

    @Slot(str)
    def assign_date_of_page(self, source: str) -> None:
        """Assign a date to the undated page read from ``source`` (Library Information)."""
        key = self.issue_of_source(source)
        if key:
            self.assign_date(key)

    @Slot(str)
    def assign_date(self, key: str) -> None:
        issue = self.reading.shelf.get(key)
        if issue is not None and issue.undated:
            self.library.assign_date(issue.pages[0][1])

    # -- search ---------------------------------------------------------------------------

    @Slot(str)
    def run_search(self, query: str) -> None:
        self.searching.run(query)

    # -- status ---------------------------------------------------------------------------

    # The doors to the status area, for the controllers.
    def show_status(self, text: str) -> None:
        self.status_area.show_status(text)

    def show_notice(self, key: str, text: str, kind: str = "info",
                    buttons: tuple[tuple[str, Any], ...] = ()) -> MessageBar:
        return self.status_area.show_notice(key, text, kind, buttons)

    def notice(self, key: str) -> MessageBar | None:
        return self.status_area.notice(key)

    def notices_shown(self) -> list[MessageBar]:
        return self.status_area.notices_shown()

    @Slot()
    def _cancel_work(self) -> None:
        self.runner.cancel_all()
        self.search.cancel_indexing()
        self.status_area.hide_progress()
        self.show_status(self.tr("Cancelled."))

    # -- help -----------------------------------------------------------------------------

    def _focus_tab(self, page: QWidget, widget: QWidget) -> None:
        self.tabs.setCurrentWidget(page)
        widget.setFocus()

    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        return help_dialogs.show_shortcuts(self)
