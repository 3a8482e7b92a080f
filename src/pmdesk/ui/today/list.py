"""Today's list: the items the rules return, grouped under the method's hats.

A two-level item model over `services.today.items`: one row per hat that has items (its
name and count, spanning the row), each item under it with when it is due, its project,
person and why (in the UI language). The view only lists; acting is in `actions`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from pmdesk.models import Language
from pmdesk.services.reports import client_date
from pmdesk.services.today import Hat, TodayItem, When

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NO_PARENT = 0  # internalId of a hat row; an item's is its hat's row + 1
_WHEN_COLOURS = {
    When.OVERDUE: QColor("#a61b1b"),
    When.TODAY: QColor("#8a5a00"),
    When.THIS_WEEK: QColor("#3c5a78"),
}


class TodayModel(QAbstractItemModel):
    """Hats (top level) over their items; columns: when, due, project, person, why."""

    WHEN, DUE, PROJECT, PERSON, WHY = range(5)

    def __init__(self, language: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.today = dt.date.today()
        self.project_names: dict[int, str] = {}
        self._groups: list[tuple[Hat, list[TodayItem]]] = []
        self._headers = [
            self.tr("When"),
            self.tr("Due"),
            self.tr("Project"),
            self.tr("Person"),
            self.tr("Why"),
        ]

    # -- what it shows -------------------------------------------------------------------
    def set_items(
        self, items: list[TodayItem], today: dt.date, project_names: dict[int, str]
    ) -> None:
        """Show `items` (sorted overdue first by the rules) under their hats."""
        self.beginResetModel()
        self.today = today
        self.project_names = project_names
        by_hat: dict[Hat, list[TodayItem]] = {hat: [] for hat in Hat}
        for item in items:
            by_hat[item.hat].append(item)
        self._groups = [(hat, found) for hat, found in by_hat.items() if found]
        self.endResetModel()

    def items(self) -> list[TodayItem]:
        return [item for _hat, found in self._groups for item in found]

    def item(self, index: Index) -> TodayItem | None:
        """The item at `index` (None for a hat row or nothing)."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    def index_of(self, item: TodayItem) -> QModelIndex:
        for group, (_hat, found) in enumerate(self._groups):
            if item in found:
                return self.index(found.index(item), 0, self.index(group, 0))
        return QModelIndex()

    def hat_label(self, hat: Hat) -> str:
        return {
            Hat.GATEKEEPER: self.tr("Gatekeeper: report to the client lead"),
            Hat.CHASE: self.tr("Chase the client's help"),
            Hat.FOLLOW_UP: self.tr("Follow up in private"),
            Hat.PRAISE: self.tr("Praise in public"),
            Hat.COOPERATION: self.tr("Guide each cooperation type"),
            Hat.MEETINGS: self.tr("Kickoff and meetings"),
        }[hat]

    def when_label(self, when: When) -> str:
        return {
            When.OVERDUE: self.tr("Overdue"),
            When.TODAY: self.tr("Today"),
            When.THIS_WEEK: self.tr("This week"),
        }[when]

    # -- the item model ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._hat_data(index, role)
        item = self.item(index)
        assert item is not None
        when = item.when(self.today)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.WHEN:
                return self.when_label(when)
            if column == self.DUE:
                return client_date(item.due, self.language)
            if column == self.PROJECT:
                return self.project_names.get(item.project_id, "")
            if column == self.PERSON:
                return item.person
            return item.reason(self.language)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.WHEN:
            return QBrush(_WHEN_COLOURS[when])
        if role == Qt.ItemDataRole.FontRole and column == self.WHEN and when is When.OVERDUE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _hat_data(self, index: Index, role: int) -> Any:
        hat, found = self._groups[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("%1 (%2)").replace("%1", self.hat_label(hat)).replace("%2", str(len(found)))
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TodayView(QTreeView):
    """The grouped list: every hat open, hat rows spanning, one item selected at a time."""

    def __init__(self, model: TodayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayList")
        self.setModel(model)
        self.setAccessibleName(self.tr("Today's items"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setExpandsOnDoubleClick(False)  # a double click does the item
        header = self.header()
        header.setStretchLastSection(True)
        for column in (TodayModel.WHEN, TodayModel.DUE, TodayModel.PERSON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TodayModel.PROJECT, QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self._on_model_reset)

    def _on_model_reset(self) -> None:
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
        self.setColumnWidth(TodayModel.PROJECT, 150)
