"""The Today tab: what the method says to do today, across every project (issue #19).

The list of items under their hats (`list`), the selected item's buttons (`actions`) and
the project's health (`chart`) side by side. Today reads every project, so any saved
change may alter it: it reloads on each one when on screen; off screen, the counts on
its title are recomputed once the changes pause (`COUNTS_DELAY_MS`), and the list is
filled from that when the tab is shown, unless something changed since.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from pmdesk.services import Changes, health, projects
from pmdesk.services.today import TodayItem
from pmdesk.ui.tabs.base import ProjectTab, TabContext
from pmdesk.ui.today import actions
from pmdesk.ui.today.actions import ItemActions
from pmdesk.ui.today.chart import HealthChart
from pmdesk.ui.today.list import TodayModel, TodayView

ALL_PROJECTS = -1
#: Off screen, the counts are recomputed this long after the last change (an edit, an
#: undo…), so a burst of them costs one computation.
COUNTS_DELAY_MS = 800


class _ListView(TodayView):
    """The list, where Return does the selected item."""

    activated_item = Signal(object)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            model = self.model()
            assert isinstance(model, TodayModel)
            item = model.item(self.currentIndex())
            if item is not None:
                self.activated_item.emit(item)
                return
        super().keyPressEvent(event)


class TodayTab(ProjectTab):
    """Today's items for all projects or the one chosen, with the project's health."""

    #: (overdue, due today) after every reload, for the tab's title.
    counts_changed = Signal(int, int)
    #: The user asked to do an item: the window opens its flow.
    open_requested = Signal(object)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("todayTab")
        self.overdue = 0
        self.due_today = 0
        self.project_names: dict[int, str] = {}
        self._health: dict[int, health.ProjectHealth] = {}  # per project, until the next reload
        self._ever_loaded = False
        # Computed off screen for the counts: (filter, day, items), until a change.
        self._computed: tuple[int | None, dt.date, list[TodayItem]] | None = None
        self.counts_timer = QTimer(self)
        self.counts_timer.setSingleShot(True)
        self.counts_timer.setInterval(COUNTS_DELAY_MS)
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("todayProjectFilter")
        self.filter_box.setMinimumContentsLength(16)
        self.filter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("todayCounts")
        self.model = TodayModel(context.language, self)
        self.view = _ListView(self.model, self)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("todayDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAccessibleName(self.tr("Why it is due"))
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.item_actions = ItemActions(context, self)
        self.chart = HealthChart(context.language, self)

        filters = QHBoxLayout()
        label = QLabel(self.tr("Sho&w:"), self)
        label.setBuddy(self.filter_box)
        filters.addWidget(label)
        filters.addWidget(self.filter_box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.detail_label)
        left_layout.addWidget(self.item_actions)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 480])
        self.splitters = [self.splitter]
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_box.currentIndexChanged.connect(self._on_filter_box_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.activated_item.connect(self.open_requested.emit)
        self.item_actions.do_requested.connect(self.open_requested.emit)
        self.item_actions.closed_requested.connect(self._on_closed_requested)
        self.counts_timer.timeout.connect(self._on_counts_timer_timeout)

    # -- loading -------------------------------------------------------------------------
    def set_project(self, project_id: int | None) -> None:
        """Today lists every project (or the one its filter names), not the switcher's:
        a switch changes nothing here, so only the first one loads it."""
        self.project_id = project_id
        if not self._ever_loaded:
            self._refresh()

    def on_data_changed(self, changes: Changes) -> None:
        self._computed = None
        self._refresh()  # Today reads every project and record kind
        if self._stale and self._ever_loaded:
            self.counts_timer.start()  # off screen: the title's counts, once it is quiet

    def filter_project(self) -> int | None:
        """The project the list is filtered to (None: all projects)."""
        data = self.filter_box.currentData()
        return None if data in (None, ALL_PROJECTS) else int(data)

    def reload(self) -> None:
        self._ever_loaded = True
        self.counts_timer.stop()
        today = self.context.now().date()
        self._health.clear()
        computed, self._computed = self._computed, None
        if computed is not None and computed[:2] == (self.filter_project(), today):
            items = computed[2]  # computed off screen for the counts, nothing changed since
        else:
            items = self._listed(today)
        wanted = self.filter_project()
        kept = self.view.currentIndex()
        previous = self.model.item(kept)
        self.model.set_items(items, today, self.project_names)
        self.view.setColumnHidden(
            TodayModel.PROJECT, wanted is not None or len(self.project_names) < 2
        )
        self._count(items, today)
        self.empty_label.setVisible(not items)
        self.empty_label.setText(
            self.tr("Nothing is due: the method's daily push is done for today.")
        )
        again = self.model.index_of(previous) if previous is not None else QModelIndex()
        if not again.isValid() and items:
            again = self.model.first_item()
        if again.isValid():
            self.view.setCurrentIndex(again)
        self._show_selected()
        self.counts_changed.emit(self.overdue, self.due_today)

    def _listed(self, today: dt.date) -> list[TodayItem]:
        """Today's items for the filter, of the projects listed (read again, with the
        filter's choices)."""
        self.project_names = {p.id: p.name for p in projects.list_projects()}
        self._fill_filter()
        items = actions.listed(self.filter_project(), today)
        return [i for i in items if i.project_id in self.project_names]

    def _count(self, items: list[TodayItem], today: dt.date) -> None:
        self.overdue = sum(i.due < today for i in items)
        self.due_today = sum(i.due == today for i in items)
        week = len(items) - self.overdue - self.due_today
        self.count_label.setText(
            self.tr("%1 overdue · %2 today · %3 this week")
            .replace("%1", str(self.overdue))
            .replace("%2", str(self.due_today))
            .replace("%3", str(week))
        )

    def _on_counts_timer_timeout(self) -> None:
        if not self._stale:
            return  # shown (and reloaded) meanwhile
        today = self.context.now().date()
        items = self._listed(today)
        self._computed = (self.filter_project(), today, items)
        self._count(items, today)
        self.counts_changed.emit(self.overdue, self.due_today)

    def _fill_filter(self) -> None:
        wanted = self.filter_box.currentData()
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.addItem(self.tr("All projects"), ALL_PROJECTS)
        for project_id, name in self.project_names.items():
            self.filter_box.addItem(name, project_id)
        position = self.filter_box.findData(wanted) if wanted is not None else 0
        self.filter_box.setCurrentIndex(max(position, 0))
        self.filter_box.blockSignals(False)

    def show_project_only(self, project_id: int | None) -> None:
        """Filter the list to one project (None: all)."""
        self.ensure_loaded()
        wanted = ALL_PROJECTS if project_id is None else project_id
        self.filter_box.setCurrentIndex(max(0, self.filter_box.findData(wanted)))

    def selected_item(self) -> TodayItem | None:
        return self.model.item(self.view.currentIndex())

    def _show_selected(self) -> None:
        item = self.selected_item()
        self.item_actions.show_item(item)
        self.detail_label.setText(self._detail(item))
        project_id = self.filter_project()
        if project_id is None:
            project_id = item.project_id if item is not None else self.project_id
        if project_id is not None and project_id not in self.project_names:
            project_id = None
        if project_id is None:
            self.chart.show_health(None)
            return
        if project_id not in self._health:
            self._health[project_id] = health.project_health(project_id, self.context.now().date())
        self.chart.show_health(self._health[project_id])

    def _detail(self, item: TodayItem | None) -> str:
        """The selected item in full: project, person, when, and why."""
        if item is None:
            return ""
        model = self.model
        parts = [self.project_names.get(item.project_id, ""), item.person]
        head = " · ".join(p for p in parts if p)
        when = model.when_label(item.when(self.context.now().date()))
        return f"{head} — {when}: {item.reason(self.context.language)}"

    # -- slots ---------------------------------------------------------------------------
    def _on_filter_box_changed(self, _index: int) -> None:
        self.reload()

    def _on_view_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_selected()

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is not None:
            self.open_requested.emit(item)

    def _on_closed_requested(self) -> None:
        from pmdesk.ui.today.closed import ClosedDialog

        dialog = ClosedDialog(self.context, self.filter_project(), self.project_names, self)
        dialog.exec()
        dialog.deleteLater()
