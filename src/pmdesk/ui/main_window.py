"""The main window: project switcher, the four workflow tabs, menus and status bar."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from pmdesk import __version__
from pmdesk.languages import Language
from pmdesk.paths import Location, display_url, is_server_url, location, location_name
from pmdesk.ui.undo_menu import UndoMenu
from pmdesk.ui.widgets.forms import install_dialog_focus, plain_label, problem_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from pmdesk.services import Changes
    from pmdesk.services.common import EditConflict
    from pmdesk.services.projects import ProjectEdit
    from pmdesk.services.search import SearchHit
    from pmdesk.services.today import TodayItem
    from pmdesk.ui.single_instance import InstanceGuard
    from pmdesk.ui.tabs.base import ProjectTab, TabContext
    from pmdesk.ui.team_sync import ChangeListener
    from pmdesk.ui.today.tab import TodayTab
    from pmdesk.ui.undo import Editor

# The data layer (Peewee, the models, the services) and the tabs are imported where
# they are first used: `shell_only` paints the window before any of it is loaded. So
# is PySide6's `Qt` namespace: reading it first builds its 93 enums (about 12 ms).

#: The workflow tabs in their order: the attribute each is kept in, and its module and
#: class, imported when the tab is first built.
TABS = (
    ("today_tab", "pmdesk.ui.today.tab", "TodayTab"),
    ("kickoff_tab", "pmdesk.ui.kickoff.tab", "KickoffTab"),
    ("live_tab", "pmdesk.ui.live_meeting.tab", "LiveMeetingTab"),
    ("stakeholders_tab", "pmdesk.ui.stakeholders.tab", "StakeholdersTab"),
    ("progress_tab", "pmdesk.ui.progress.tab", "ProgressTab"),
    ("series_tab", "pmdesk.ui.series.tab", "SeriesTab"),
    ("decisions_tab", "pmdesk.ui.decisions.tab", "DecisionsTab"),
)

RECENT_KEY = "recent/databases"
RECENT_MAX = 8
LANGUAGES = (Language.EN, Language.ZH_CN)
LANGUAGE_NAMES = {Language.EN: "English", Language.ZH_CN: "简体中文"}
#: Settings: open on the Today tab when an item is overdue (on unless turned off), and a
#: desktop notification of what is due when pmdesk starts (off unless turned on).
OPEN_ON_TODAY_KEY = "today/open_when_overdue"
NOTIFY_KEY = "today/notify_at_start"


#: Settings: the tab the user had last, by name (its attribute in `TABS`). Before it,
#: "window/tab" kept its index, from before Today was the first tab.
TAB_KEY = "window/tab_name"
_NAMES = [attribute for attribute, _module, _name in TABS]


def _saved_tab(settings: QSettings) -> int:
    """The index of the tab the user had last: by name, else an index saved before
    Today came first (one more now), else Kickoff (Today comes first when overdue)."""
    name = settings.value(TAB_KEY)
    if name in _NAMES:
        return _NAMES.index(name)
    index = settings.value("window/tab")
    if str(index).isdigit() and int(index) + 1 < len(TABS):
        return int(index) + 1
    return 1


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


class MainWindow(QMainWindow):
    """One window over one database; every tab shows the project chosen in the switcher."""

    #: Emitted after every saved change, undo and redo; tabs refresh what it touches.
    data_changed = Signal(object)
    #: The user chose another UI language (applied after a restart).
    language_chosen = Signal(str)
    #: The tab on screen is built and shows its project (by `load()`).
    tabs_built = Signal()

    def __init__(
        self,
        db_path: Location,
        language: Language,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        guard: InstanceGuard | None = None,
        shell_only: bool = False,
    ) -> None:
        """`shell_only`: build only the shell (menus, switcher, tab names, status bar) and
        read nothing; the app shows it, opens the database and then calls `load()`, so
        the window is on screen before the data layer is even imported. Otherwise the
        database must be open and the window is loaded at once (as tests do)."""
        super().__init__(parent)
        if not shell_only:  # the app installs it once the data is on screen
            install_dialog_focus(QApplication.instance())
        self.db_path = db_path
        self.language = language
        self.settings = settings
        self.guard = guard
        self._clock = clock
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("pmdesk"))

        self.undo_stack = QUndoStack(self)
        self.editor: Editor  # made by load(), with the data layer
        self._listener: ChangeListener | None = None  # on a team server
        self.tray_icon: QSystemTrayIcon | None = None  # made for a notification at start
        self._context: TabContext

        self.project_box = QComboBox(self)
        self.project_box.setObjectName("projectSwitcher")
        self.project_box.setAccessibleName(self.tr("Project"))
        self.project_box.setMinimumContentsLength(28)
        self.project_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("workflowTabs")
        self.project_tabs: list[ProjectTab] = []
        self._tab_titles = [
            # No Alt letter: T, o, d, a and y are the Kickoff sections' and Progress's.
            self.tr("Today"),
            self.tr("&Kickoff"),
            self.tr("&Live meeting"),
            self.tr("&Stakeholders"),
            self.tr("&Progress"),
            # No Alt letter: every letter of these words is taken by the window or the
            # Kickoff sections (Ctrl+Tab and Ctrl+PageDown reach them).
            self.tr("Series"),
            self.tr("Decisions"),
        ]
        for title in self._tab_titles:  # stand-ins until build_tabs()
            self.tabs.addTab(QWidget(self.tabs), title)
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.db_label = QLabel(self)
        self.read_only_label = QLabel(self)
        self.read_only_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.daily_backup_timer = QTimer(self)
        self.daily_backup_timer.setInterval(60 * 60 * 1000)  # look every hour
        #: The app's shell builds the tab on screen first and the others after it.
        self._lazy_tabs = shell_only
        self._loaded = False
        self._connect_signals()
        self._show_path()
        self._restore_layout()
        if not shell_only:
            self.load()

    def load(self) -> None:
        """Fill the shell from the open database: the switcher, the tabs, the shortcuts."""
        from pmdesk.services import drafts
        from pmdesk.ui.tabs.base import TabContext
        from pmdesk.ui.undo import Editor

        self.editor = Editor(
            self.undo_stack, self.data_changed.emit, self._report_problem, _resolve_conflict
        )
        self.editor.undo_menu = self.undo_menu
        self._context = TabContext(self.editor, self.language, self.settings, self._clock)
        # Shortcuts here: the first one makes PySide6 build Python types for all of Qt's
        # enums (about 15 ms), which the first paint does not need.
        self._set_shortcuts()
        self.daily_backup_timer.start()
        self._show_database_path()
        drafts.recover()  # drafts the database refused last time, kept in a file
        self.reload_projects()
        self._loaded = True
        self.export_menu.setEnabled(True)  # filled when first opened, if not before
        if self._lazy_tabs:
            self._open_on_today_if_overdue()  # before the saved tab is built for nothing
        self.build_tabs(only_current=self._lazy_tabs)
        self.tabs_built.emit()
        self._listen_for_changes()

    def set_guard(self, guard: InstanceGuard) -> None:
        """The single-instance guard, once it has claimed this window's database."""
        self.guard = guard
        guard.activation_requested.connect(self._on_guard_activation_requested)

    def build_tabs(self, only_current: bool = False) -> None:
        """Build the workflow tabs in place of their stand-ins (each once).

        `only_current`: just the tab on screen (the app's start: its data is shown
        first); the others are built one by one when the event loop is idle after that
        tab's first paint, or at once when one is needed (shown, exported from, opened
        from a search)."""
        indexes = [self.tabs.currentIndex()] if only_current else range(len(TABS))
        for index in indexes:
            self._build_tab(index)
        self._build_the_rest_after_paint()

    def after_data_paint(self, then: Callable[[], None]) -> None:
        """Run `then` once, when the event loop is idle after the tab on screen (built
        by `load`) has painted."""
        current = self.tabs.currentWidget()
        current.installEventFilter(OnFirstPaint(current, then))

    def _build_the_rest_after_paint(self) -> None:
        """The tabs not built yet, one by one once the tab on screen has painted."""
        if len(self.project_tabs) < len(TABS):
            current = self.tabs.currentWidget()
            # Two turns of the event loop: what waits for that paint (a benchmark's quit)
            # comes first.
            later = lambda: QTimer.singleShot(0, self._build_next_tab)  # noqa: E731
            current.installEventFilter(OnFirstPaint(current, later))

    def _build_next_tab(self) -> None:
        """Build one more tab, then let the event loop run before the next."""
        missing = [i for i in range(len(TABS)) if not hasattr(self, TABS[i][0])]
        if missing:
            self._build_tab(missing[0])
            QTimer.singleShot(0, self._build_next_tab)

    def _build_tab(self, index: int) -> ProjectTab:
        """The tab at `index`, built (and loaded if on screen) the first time."""
        attribute, module, name = TABS[index]
        built: ProjectTab | None = getattr(self, attribute, None)
        if built is not None:
            return built
        # Imported here: the tabs and their services are most of pmdesk's start-up code.
        tab: ProjectTab = getattr(importlib.import_module(module), name)(self._context, self)
        setattr(self, attribute, tab)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        stand_in = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, self._tab_titles[index])
        if stand_in is not None:
            stand_in.deleteLater()
        tab.set_active(index == current)  # only the tab on screen loads; others when shown
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.project_tabs.append(tab)
        if attribute == "today_tab":
            tab.counts_changed.connect(self._on_today_tab_counts_changed)  # type: ignore[attr-defined]
            tab.open_requested.connect(self._on_today_tab_open_requested)  # type: ignore[attr-defined]
        for splitter in getattr(tab, "splitters", []):
            saved = self.settings.value(f"splitters/{splitter.objectName()}")
            if saved is not None:
                splitter.restoreState(saved)
        tab.set_project(self.project_id)
        if len(self.project_tabs) == len(TABS):
            self._fill_export_menu()
        return tab

    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        for attribute, _module, _name in TABS:
            actions = getattr(self, attribute).export_actions()
            if actions and not self.export_menu.isEmpty():
                self.export_menu.addSeparator()
            self.export_menu.addActions(actions)
        self.export_menu.setEnabled(not self.export_menu.isEmpty())

    # -- building ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_project_action = QAction(self.tr("&New project…"), self)
        self.edit_project_action = QAction(self.tr("Edit pro&ject…"), self)
        self.archive_project_action = QAction(self.tr("Arc&hive project"), self)
        self.delete_project_action = QAction(self.tr("De&lete project…"), self)
        self.show_archived_action = QAction(self.tr("Show &archived projects"), self)
        self.show_archived_action.setCheckable(True)
        self.open_on_today_action = QAction(
            self.tr("Open on To&day when something is overdue"), self
        )
        self.open_on_today_action.setCheckable(True)
        self.open_on_today_action.setChecked(_flag(self.settings, OPEN_ON_TODAY_KEY, True))
        self.notify_action = QAction(self.tr("&Notify at start of what is due"), self)
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(_flag(self.settings, NOTIFY_KEY, False))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.guide_action = QAction(self.tr("The &method in brief"), self)
        self.open_database_action = QAction(self.tr("&Open database…"), self)
        self.open_team_action = QAction(self.tr("Open &team database…"), self)
        self.new_database_action = QAction(self.tr("New &database…"), self)
        self.backup_action = QAction(self.tr("&Back up to a file…"), self)
        self.backups_action = QAction(self.tr("Back&ups and restore…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.search_action = QAction(self.tr("&Search…"), self)
        # Undo and Redo name the step, and its tab when it is not the one on screen.
        self.undo_menu = UndoMenu(self.undo_stack, self.tabs, self.statusBar(), self)
        self.undo_action = self.undo_menu.undo_action
        self.redo_action = self.undo_menu.redo_action

        self.language_group = QActionGroup(self)
        self.language_actions: dict[Language, QAction] = {}
        for language in LANGUAGES:
            action = QAction(LANGUAGE_NAMES[language], self, checkable=True)
            action.setData(language.value)
            action.setChecked(language == self.language)
            self.language_group.addAction(action)
            self.language_actions[language] = action

        self.about_action = QAction(self.tr("&About pmdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = QAction(self.tr("About &Qt"), self)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _set_shortcuts(self) -> None:
        for action, key in (
            (self.new_project_action, QKeySequence.StandardKey.New),
            (self.open_database_action, QKeySequence.StandardKey.Open),
            (self.quit_action, QKeySequence.StandardKey.Quit),
            (self.undo_action, QKeySequence.StandardKey.Undo),
            (self.redo_action, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(key)
        # Ctrl+K searches; Ctrl+F in any tab opens the same search.
        self.search_action.setShortcuts(
            [QKeySequence("Ctrl+K"), QKeySequence(QKeySequence.StandardKey.Find)]
        )

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_project_action)
        file_menu.addAction(self.edit_project_action)
        file_menu.addAction(self.archive_project_action)
        file_menu.addAction(self.delete_project_action)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu(self.tr("&Export"))  # filled by build_tabs()
        self.export_menu.setEnabled(False)
        # Exports of a tab off screen act on what it would show: load it first.
        self.export_menu.aboutToShow.connect(self._on_export_menu_about_to_show)
        file_menu.addSeparator()
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.open_team_action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent databases"))
        file_menu.addAction(self.new_database_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        self.addAction(self.search_action)  # its keys work wherever the focus is
        view_menu = bar.addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            language_menu.addAction(action)
        view_menu.addAction(self.show_archived_action)
        view_menu.addSeparator()
        view_menu.addAction(self.open_on_today_action)
        view_menu.addAction(self.notify_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.guide_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.about_qt_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Project"), self)
        toolbar.setObjectName("projectToolbar")
        toolbar.setMovable(False)
        label = QLabel(self.tr("P&roject:"), self)
        label.setBuddy(self.project_box)
        toolbar.addWidget(label)
        toolbar.addWidget(self.project_box)
        # The button reads "新建项目", not "新建项目(N)": Qt drops only the "&" of a mnemonic.
        self.new_project_action.setIconText(plain_label(self.new_project_action.text()))
        toolbar.addAction(self.new_project_action)
        self.addToolBar(toolbar)

    def _connect_signals(self) -> None:
        self.project_box.currentIndexChanged.connect(self._on_project_box_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.data_changed.connect(self._on_data_changed)
        self.new_project_action.triggered.connect(self._on_new_project_triggered)
        self.edit_project_action.triggered.connect(self._on_edit_project_triggered)
        self.archive_project_action.triggered.connect(self._on_archive_project_triggered)
        self.delete_project_action.triggered.connect(self._on_delete_project_triggered)
        self.show_archived_action.toggled.connect(lambda _on: self.reload_projects())
        self.open_on_today_action.toggled.connect(self._on_open_on_today_action_toggled)
        self.notify_action.toggled.connect(self._on_notify_action_toggled)
        self.shortcuts_action.triggered.connect(self._on_shortcuts_triggered)
        self.guide_action.triggered.connect(self._on_guide_triggered)
        self.open_database_action.triggered.connect(self._on_open_database_triggered)
        self.open_team_action.triggered.connect(self._on_open_team_triggered)
        self.new_database_action.triggered.connect(self._on_new_database_triggered)
        self.backup_action.triggered.connect(self._on_backup_triggered)
        self.backups_action.triggered.connect(self._on_backups_triggered)
        self.daily_backup_timer.timeout.connect(self._on_daily_backup_timer_timeout)
        self.quit_action.triggered.connect(self.close)
        self.search_action.triggered.connect(self._on_search_triggered)
        self.language_group.triggered.connect(self._on_language_group_triggered)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.about_qt_action.triggered.connect(QApplication.aboutQt)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        if self.guard is not None:
            self.guard.activation_requested.connect(self._on_guard_activation_requested)

    # -- Today ---------------------------------------------------------------------------
    def _today(self) -> TodayTab:
        """The Today tab, built and loaded."""
        from pmdesk.ui.today.tab import TodayTab

        today = self._build_tab(0)
        assert isinstance(today, TodayTab)
        today.ensure_loaded()
        return today

    def _open_on_today_if_overdue(self) -> None:
        """At start, with the setting on (the default): Today is the tab shown when
        something is overdue. Decided before any tab is built, so the saved tab is not
        built and loaded first only to be hidden."""
        if self.open_on_today_action.isChecked() and self._today().overdue:
            self.tabs.setCurrentIndex(0)

    def start_on_today(self) -> None:
        """At start, once loaded: show Today when something is overdue (a setting, on by
        default), and tell the desktop what is due (a setting, off by default)."""
        if not self._loaded:
            return
        today = self._today()
        wanted = self.open_on_today_action.isChecked() and today.overdue
        if wanted and self.tabs.currentWidget() is not today:
            self.tabs.setCurrentWidget(today)
            self._build_the_rest_after_paint()  # the tab first built is not shown
        if self.notify_action.isChecked() and (today.overdue or today.due_today):
            self._notify_due(today.overdue, today.due_today)

    def _notify_due(self, overdue: int, due_today: int) -> None:
        """A tray message where the desktop has a tray; nothing where it has none."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray_icon is None:
            self.tray_icon = QSystemTrayIcon(self.windowIcon(), self)
            self.tray_icon.setToolTip(self.tr("pmdesk"))
            self.tray_icon.messageClicked.connect(self._on_tray_icon_message_clicked)
        self.tray_icon.show()
        self.tray_icon.showMessage(
            self.tr("pmdesk: Today"),
            self.tr("%1 overdue, %2 due today.")
            .replace("%1", str(overdue))
            .replace("%2", str(due_today)),
            QSystemTrayIcon.MessageIcon.Information,
            10000,
        )

    def _on_tray_icon_message_clicked(self) -> None:
        self._on_guard_activation_requested()
        self.tabs.setCurrentIndex(0)  # Today

    def _on_today_tab_counts_changed(self, overdue: int, due_today: int) -> None:
        index = 0  # Today
        if overdue or due_today:
            title = (
                self.tr("Today (%1 overdue, %2 today)")
                .replace("%1", str(overdue))
                .replace("%2", str(due_today))
            )
        else:
            title = self.tr("Today")
        self.tabs.setTabText(index, title)
        self.tabs.setTabToolTip(
            index, self.tr("What the method says to do today, across every project")
        )
        bar = self.tabs.tabBar()
        bar.setTabTextColor(index, QColor("#a61b1b") if overdue else bar.tabTextColor(1))

    def _on_today_tab_open_requested(self, item: TodayItem) -> None:
        from pmdesk.ui.today.actions import open_item

        self.build_tabs()  # the item's tab may not be built yet
        open_item(self, item)

    def _on_open_on_today_action_toggled(self, on: bool) -> None:
        self.settings.setValue(OPEN_ON_TODAY_KEY, on)

    def _on_notify_action_toggled(self, on: bool) -> None:
        self.settings.setValue(NOTIFY_KEY, on)

    # -- projects ------------------------------------------------------------------------
    @property
    def project_id(self) -> int | None:
        data = self.project_box.currentData()
        return int(data) if data is not None else None

    def reload_projects(self, select: int | None = None) -> None:
        """Refill the switcher, keeping (or choosing) the open project."""
        from pmdesk.services import projects

        wanted = select if select is not None else self.project_id
        if wanted is None:
            stored = self.settings.value(self._project_key())
            wanted = int(stored) if stored not in (None, "") else None
        self.project_box.blockSignals(True)
        self.project_box.clear()
        shown = projects.list_projects(archived=self.show_archived_action.isChecked())
        for project in shown:
            client = f" — {project.client_org}" if project.client_org else ""
            archived = " " + self.tr("(archived)") if project.archived else ""
            self.project_box.addItem(f"{project.name}{client}{archived}", project.id)
        position = self.project_box.findData(wanted) if wanted is not None else -1
        self.project_box.setCurrentIndex(max(position, 0) if self.project_box.count() else -1)
        self.project_box.blockSignals(False)
        for action in (
            self.edit_project_action,
            self.archive_project_action,
            self.delete_project_action,
        ):
            action.setEnabled(self.project_id is not None)
        current = next((p for p in shown if p.id == self.project_id), None)
        self.archive_project_action.setText(
            self.tr("Unarc&hive project")
            if current is not None and current.archived
            else self.tr("Arc&hive project")
        )
        self._show_project()

    def select_project(self, project_id: int) -> None:
        self.project_box.setCurrentIndex(self.project_box.findData(project_id))

    def _on_export_menu_about_to_show(self) -> None:
        if not self._loaded:
            return
        self.build_tabs()  # the menu lists every tab's exports
        for tab in self.project_tabs:
            tab.ensure_loaded()

    def _on_tabs_current_changed(self, index: int) -> None:
        if self._loaded and 0 <= index < len(TABS):
            self._build_tab(index)
        current = self.tabs.widget(index)
        for tab in self.project_tabs:
            tab.set_active(tab is current)

    def _show_project(self) -> None:
        project_id = self.project_id
        for tab in self.project_tabs:
            tab.set_project(project_id)
        if project_id is None:
            self.statusBar().showMessage(self.tr("No projects yet: File → New project."))

    def _on_project_box_changed(self, _index: int) -> None:
        self._show_project()
        if self.project_id is not None:
            self.settings.setValue(self._project_key(), self.project_id)

    def _on_edit_project_triggered(self) -> None:
        from pmdesk.services import projects
        from pmdesk.ui.dialogs.project_dialog import ProjectDialog

        if self.project_id is None:
            return
        dialog = ProjectDialog(self.language, projects.get_project(self.project_id), self)
        if dialog.exec() != ProjectDialog.DialogCode.Accepted:
            return
        if dialog.edit is not None and dialog.edit.before != dialog.edit.after:
            self._record_project_edit(dialog.edit)
        self.reload_projects()
        self.statusBar().showMessage(self.tr("Project saved."), 4000)

    def _record_project_edit(self, edit: ProjectEdit) -> None:
        """One undo step per OK of the project dialog: fields, scope and outcomes."""
        from pmdesk.models import LeaderPriority, Outcome, Project, ScopeItem
        from pmdesk.services import Changes, projects

        state = {"edit": edit}

        def redo() -> None:
            state["edit"] = projects.redo_project_edit(state["edit"])

        self.editor.record(
            self.tr("Edit project {name}").format(name=edit.after.values["name"]),
            redo=redo,
            undo=lambda: projects.undo_project_edit(state["edit"]),
            changes=Changes.of(
                Project, ScopeItem, Outcome, LeaderPriority, project_id=edit.project_id
            ),
        )

    def _on_archive_project_triggered(self) -> None:
        from pmdesk.models import Project
        from pmdesk.services import Changes, projects

        project_id = self.project_id
        if project_id is None:
            return
        archive = not projects.get_project(project_id).archived
        change = projects.set_archived(project_id, archive)
        self.editor.record(
            self.tr("Archive project") if archive else self.tr("Unarchive project"),
            redo=lambda: projects.set_archived(project_id, change.after["archived"]),
            undo=lambda: projects.set_archived(project_id, change.before["archived"]),
            changes=Changes.of(Project, project_id=project_id),
        )

    def _on_delete_project_triggered(self) -> None:
        from peewee import DatabaseError
        from PySide6.QtWidgets import QMessageBox

        from pmdesk.models import Project
        from pmdesk.services import Changes, projects

        project_id = self.project_id
        if project_id is None:
            return
        name = projects.get_project(project_id).name
        answer = QMessageBox.question(
            self,
            self.tr("Delete project"),
            self.tr(
                "Delete the project “{name}” with its kickoff, notes, people and plan? "
                "Edit → Undo brings it back while pmdesk stays open."
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            snapshot = projects.delete_project_keeping_snapshot(project_id)
        except DatabaseError as problem:
            QMessageBox.warning(
                self,
                self.tr("Project not deleted"),
                self.tr(
                    "The team server refused to delete “{name}”: only the colleague who "
                    "created a project may delete it. You can archive it instead.\n\n{detail}"
                ).format(name=name, detail=problem_text(problem).strip()),
            )
            return
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = projects.delete_project_keeping_snapshot(project_id)

        self.editor.record(
            self.tr("Delete project {name}").format(name=name),
            redo=redo,
            undo=lambda: projects.restore_project(state["snapshot"]),
            changes=Changes.of(Project, project_id=project_id),
        )

    def _on_shortcuts_triggered(self) -> None:
        from pmdesk.ui.dialogs.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self.language, self)
        dialog.exec()
        dialog.deleteLater()

    def _on_guide_triggered(self) -> None:
        from pmdesk.ui.dialogs.help_dialogs import MethodGuideDialog

        dialog = MethodGuideDialog(self)
        dialog.exec()
        dialog.deleteLater()

    def _on_new_project_triggered(self) -> None:
        from pmdesk.ui.dialogs.project_dialog import ProjectDialog

        dialog = ProjectDialog(self.language, parent=self)
        if dialog.exec() != ProjectDialog.DialogCode.Accepted:
            return
        project_id = dialog.created_project_id
        if project_id is not None:
            self.undo_stack.clear()  # undo history refers to the database as it was
            self.reload_projects(select=project_id)
            self.statusBar().showMessage(self.tr("Project created."), 4000)

    def _on_data_changed(self, changes: Changes) -> None:
        if "project" in changes.tables:
            self.reload_projects()
        else:
            for tab in self.project_tabs:
                tab.on_data_changed(changes)
        self.statusBar().showMessage(self.tr("Saved."), 2000)

    def _on_search_triggered(self) -> None:
        from PySide6.QtCore import Qt

        from pmdesk.ui.search.dialog import SearchDialog

        dialog = SearchDialog(self.project_id, self)
        dialog.open_requested.connect(self._on_search_open_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.search_dialog = dialog
        dialog.open()

    def _on_search_open_requested(self, hit: SearchHit) -> None:
        from pmdesk.ui.search.opening import open_hit

        self.build_tabs()
        open_hit(self, hit)

    def _report_problem(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Not saved"), message)

    # -- database ------------------------------------------------------------------------
    def _location_text(self) -> str:
        """The file's path, or the server's address without its password."""
        if isinstance(self.db_path, Path):
            return str(self.db_path)
        return display_url(self.db_path)

    def _local_folder(self) -> Path:
        """Where file dialogs start: beside the open file, or beside the default one."""
        if isinstance(self.db_path, Path):
            return self.db_path.parent
        from pmdesk.paths import default_database_path

        return default_database_path().parent

    def _remember_recent(self) -> None:
        here = self.db_path
        recent = [str(here.resolve()) if isinstance(here, Path) else display_url(here)]
        recent += [p for p in self.recent_databases() if p != recent[0]]
        self.settings.setValue(RECENT_KEY, recent[:RECENT_MAX])

    def recent_databases(self) -> list[str]:
        value = self.settings.value(RECENT_KEY) or []
        return [value] if isinstance(value, str) else [str(v) for v in value]

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for number, name in enumerate(self.recent_databases(), start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {name}")
            action.setData(name)
            action.setEnabled(is_server_url(name) or Path(name).exists())
            action.triggered.connect(
                lambda _checked=False, n=name: self.switch_database(location(n))
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _on_guard_activation_requested(self) -> None:
        """Another launch asked for this database: come to the front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_path(self) -> None:
        self.db_label.setText(self._location_text())
        self.db_label.setToolTip(
            self.tr("The team server this window shows")
            if is_server_url(self.db_path)
            else self.tr("The database file this window shows")
        )
        self.setWindowTitle(self.tr("pmdesk — {name}").format(name=location_name(self.db_path)))

    def _show_database_path(self) -> None:
        from pmdesk import db
        from pmdesk.messages import say

        self._remember_recent()
        state = db.state
        self.read_only_label.setText(
            self.tr("Read-only: {reason}").format(reason=say(state.read_only_reason))
            if state is not None and state.read_only
            else ""
        )
        on_server = state is not None and bool(state.server)
        if on_server:
            assert state is not None
            self.read_only_label.setText(self.tr("Team server, as {user}").format(user=state.user))
            self.read_only_label.setStyleSheet("color: #1c4f8a; font-weight: bold;")
        else:
            self.read_only_label.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        for action in (self.backup_action, self.backups_action):
            action.setEnabled(not on_server)  # a server is backed up on the server
        self._show_path()

    def _listen_for_changes(self) -> None:
        """On a team server, show colleagues' changes as they are committed."""
        from pmdesk import db

        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if not db.is_server():
            return
        from pmdesk.ui.team_sync import ChangeListener

        try:
            self._listener = ChangeListener(db.database.obj, self)
        except Exception as problem:
            self.statusBar().showMessage(
                self.tr("Colleagues' changes show after a restart: {problem}").format(
                    problem=problem
                ),
                10000,
            )
            return
        self._listener.changed.connect(self._on_colleague_changes)

    def _on_colleague_changes(self, tables: frozenset[str]) -> None:
        from peewee import DatabaseError

        from pmdesk.services import Changes

        try:
            if tables & {"project", "project_member"}:
                self.reload_projects()
            else:
                for tab in self.project_tabs:
                    tab.on_data_changed(Changes(tables))
        except DatabaseError as problem:  # the server went away: say so, keep the window
            self.statusBar().showMessage(
                self.tr("Cannot reach the team server: {problem}").format(problem=problem)
            )
            return
        self.statusBar().showMessage(self.tr("Updated with a colleague's changes."), 4000)

    def switch_database(self, path: Location) -> bool:
        """Close the current database and show `path` (a file or a team server's address);
        on failure keep the current one."""
        from PySide6.QtWidgets import QMessageBox

        from pmdesk import db

        if isinstance(path, str) or isinstance(self.db_path, str):
            return self._switch_location(path)
        if path.resolve() == self.db_path.resolve():
            return True
        if self.guard is not None and not self.guard.claim(path):
            QMessageBox.information(
                self,
                self.tr("Open database"),
                self.tr(
                    "{path} is open in another pmdesk window; it was brought to the front."
                ).format(path=path),
            )
            return False
        _save_what_waits()
        db.close_database()
        try:
            db.open_database(path)
        except db.DatabaseProblem as problem:
            db.open_database(self.db_path)
            if self.guard is not None:
                self.guard.claim(self.db_path)
            QMessageBox.critical(self, self.tr("Cannot open database"), problem_text(problem))
            return False
        if self.guard is not None:
            self.guard.hold()  # a new database exists only now: lock it
        self._now_showing(path)
        return True

    def _switch_location(self, path: Location) -> bool:
        """Switching to or from a team server (no single-instance claim: a server is
        shared by design; the window keeps the file it had until the server opens)."""
        from PySide6.QtWidgets import QMessageBox

        from pmdesk import db
        from pmdesk.ui.dialogs.team_dialogs import open_with_password

        previous = self.db_path
        _save_what_waits()
        db.close_database()
        try:
            open_with_password(path)
        except db.DatabaseProblem as problem:
            open_with_password(previous)
            QMessageBox.critical(self, self.tr("Cannot open database"), problem_text(problem))
            return False
        if isinstance(path, Path) and self.guard is not None:
            self.guard.claim(path)
        self._now_showing(path)
        return True

    def _now_showing(self, path: Location) -> None:
        self.db_path = path
        self._show_database_path()
        self.show_replaced_data()
        self._listen_for_changes()

    def show_replaced_data(self) -> None:
        """Show the data open now, after another database was opened or a backup restored:
        the undo history described data that is gone, and Today (which a project switch
        leaves as it is) reads its list and counts again."""
        from pmdesk.services import Changes

        self.undo_stack.clear()
        self.project_box.clear()
        self.reload_projects()
        today = getattr(self, "today_tab", None)
        if today is not None:
            today.on_data_changed(Changes())

    def _on_open_team_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from pmdesk.ui.dialogs.team_dialogs import ServerAddressDialog

        recent = [r for r in self.recent_databases() if is_server_url(r)]
        dialog = ServerAddressDialog(recent[0] if recent else "", self)
        if dialog.exec() != ServerAddressDialog.DialogCode.Accepted:
            return
        address = dialog.value()
        if not is_server_url(address):
            QMessageBox.warning(
                self,
                self.tr("Open team database"),
                self.tr("{address} is not a postgresql:// address.").format(address=address),
            )
            return
        self.switch_database(address)

    def _on_open_database_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self._local_folder()),
            self.tr("pmdesk databases (*.db);;All files (*)"),
        )
        if name:
            self.switch_database(Path(name))

    def _on_new_database_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from pmdesk import db

        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(self._local_folder() / "pmdesk.db"),
            self.tr("pmdesk databases (*.db)"),
        )
        if not name:
            return
        path = Path(name)
        if not db.remove_empty_placeholder(path):  # an empty file a save dialog made is room
            QMessageBox.warning(
                self,
                self.tr("New database"),
                self.tr("{path} already exists; use Open database to open it.").format(path=path),
            )
            return
        self.switch_database(path)

    def _on_backups_triggered(self) -> None:
        from pmdesk.ui.dialogs.backups_dialog import BackupsDialog

        if not isinstance(self.db_path, Path):
            return  # the action is disabled on a team server
        dialog = BackupsDialog(self.db_path, self.settings, self)
        dialog.exec()
        if dialog.restored:
            self.show_replaced_data()

    def _on_daily_backup_timer_timeout(self) -> None:
        from pmdesk import backups, db

        try:
            from pmdesk.ui.dialogs.backups_dialog import keep_setting

            backups.backup_if_due("daily", keep=keep_setting(self.settings))
        except (OSError, db.DatabaseProblem) as problem:
            self.statusBar().showMessage(
                self.tr("Daily backup failed: {problem}").format(problem=problem), 10000
            )

    def _on_backup_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from pmdesk import db

        if not isinstance(self.db_path, Path):
            return  # the action is disabled on a team server
        # Beside the database, not in its backup folder (kept for automatic backups).
        suggested = self.db_path.with_name(f"{self.db_path.stem}-backup.db")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database"),
            str(suggested),
            self.tr("pmdesk databases (*.db)"),
        )
        if not name:
            return
        try:
            # The file dialog has asked before replacing an existing file.
            target = db.backup_to_file(Path(name), replace=True)
        except (OSError, db.DatabaseProblem) as exc:
            QMessageBox.critical(self, self.tr("Backup failed"), problem_text(exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=target), 6000)

    # -- view and help -------------------------------------------------------------------
    def _on_language_group_triggered(self, action: QAction) -> None:
        chosen = Language(action.data())
        if chosen == self.language:
            return
        self.language_chosen.emit(chosen.value)

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About pmdesk"),
            self.tr(
                "<h3>pmdesk {version}</h3>"
                "<p>The client communication desk for consulting project managers: prepare "
                "the kickoff, capture what every client leader says, analyse the client's "
                "people and push progress with the client lead as gatekeeper.</p>"
                "<p>pmdesk is free software under the MIT licence.</p>"
                "<p>It is built with Qt {qt} and Qt for Python (PySide6), used under the GNU "
                "LGPL v3: you may replace the PySide6 and Qt libraries in pmdesk's installed "
                "folder with your own compatible build; their source is at "
                "https://download.qt.io. Other parts: Python (PSF licence), Peewee, "
                "python-docx, openpyxl and platformdirs (MIT), icalendar (BSD).</p>"
            ).format(version=__version__, qt=qVersion()),
        )

    # -- layout memory -------------------------------------------------------------------
    def _project_key(self) -> str:
        here = self.db_path
        key = here.resolve() if isinstance(here, Path) else display_url(here)
        return f"projects/{key}".replace("\\", "/")

    def _splitters(self) -> list[QSplitter]:
        return [s for tab in self.project_tabs for s in getattr(tab, "splitters", [])]

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(_saved_tab(self.settings))

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue(TAB_KEY, TABS[self.tabs.currentIndex()][0])
        for splitter in self._splitters():
            self.settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        _save_what_waits()
        if self._listener is not None:  # a closed window hears no more changes
            self._listener.close()
            self._listener = None
        super().closeEvent(event)


def _save_what_waits() -> None:
    """Write the drafts still waiting for their autosave into the database open now,
    before it closes (none wait before the autosave's module is loaded)."""
    autosave = sys.modules.get("pmdesk.ui.widgets.autosave")
    if autosave is not None:
        autosave.flush_all()


def _resolve_conflict(conflict: EditConflict) -> bool:
    """Ask what to do when a colleague changed the record first (the dialogs' module is
    loaded when one is needed, not at the start)."""
    from pmdesk.ui.dialogs.team_dialogs import resolve_conflict

    return resolve_conflict(conflict)


class OnFirstPaint(QObject):
    """Runs `then` once, when the event loop is next idle after `watched` first paints."""

    def __init__(self, watched: QObject, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False
