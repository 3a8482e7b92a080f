"""Today's list: the items the rules return, grouped under the method's hats.

A flat table model over `services.today.items`: a row per hat that has items (its name
and count, spanning the row), followed by its items' rows with when each is due, its
project, person and why (in the UI language, written only for the rows painted). Flat
and without resizing to contents: the large database lists 13,876 items, and a tree
(expandAll) or a fit to every row would ask the model about each of them on the first
show. The view only lists; acting is in `actions`.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pmdesk.models import Language
from pmdesk.services.today import Hat, TodayItem, When
from pmdesk.vocabulary import client_date

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: Rows whose widths the columns are fitted to (the first ones: the most urgent).
_SAMPLE_ROWS = 200
_WHEN_COLOURS = {
    When.OVERDUE: QColor("#a61b1b"),
    When.TODAY: QColor("#8a5a00"),
    When.THIS_WEEK: QColor("#3c5a78"),
}


class TodayModel(QAbstractTableModel):
    """Hat rows, each followed by its items; columns: when, due, project, person, why."""

    WHEN, DUE, PROJECT, PERSON, WHY = range(5)

    def __init__(self, language: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.today = dt.date.today()
        self.project_names: dict[int, str] = {}
        self._groups: list[tuple[Hat, list[TodayItem]]] = []
        self._rows: list[Hat | TodayItem] = []  # a hat, then its items, for each hat
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
        self._rows = []
        for hat, found in self._groups:
            self._rows.append(hat)
            self._rows.extend(found)
        self.endResetModel()

    def items(self) -> list[TodayItem]:
        return [item for _hat, found in self._groups for item in found]

    def hat_rows(self) -> list[int]:
        """The rows that name a hat (they span the row)."""
        return [row for row, entry in enumerate(self._rows) if isinstance(entry, Hat)]

    def item(self, index: Index) -> TodayItem | None:
        """The item at `index` (None for a hat row or nothing)."""
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        return None if isinstance(entry, Hat) else entry

    def index_of(self, item: TodayItem) -> QModelIndex:
        try:
            return self.index(self._rows.index(item), 0)
        except ValueError:
            return QModelIndex()

    def first_item(self) -> QModelIndex:
        """The first item's row (below the first hat), or an invalid index."""
        return self.index(1, 0) if len(self._rows) > 1 else QModelIndex()

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

    def text(self, item: TodayItem, column: int) -> str:
        """What the item's row shows in `column`."""
        if column == self.WHEN:
            return self.when_label(item.when(self.today))
        if column == self.DUE:
            return client_date(item.due, self.language)
        if column == self.PROJECT:
            return self.project_names.get(item.project_id, "")
        if column == self.PERSON:
            return item.person
        return item.reason(self.language)

    # -- the table model -----------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, Hat):
            return self._hat_data(entry, index.column(), role)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(entry, column)
        if column != self.WHEN:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _WHEN_COLOURS[entry.when(self.today)]  # a colour: no brush type to build
        if role == Qt.ItemDataRole.FontRole and entry.when(self.today) is When.OVERDUE:
            return _bold()
        return None

    def _hat_data(self, hat: Hat, column: int, role: int) -> Any:
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            count = next(len(found) for h, found in self._groups if h is hat)
            return self.tr("%1 (%2)").replace("%1", self.hat_label(hat)).replace("%2", str(count))
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class TodayView(QTableView):
    """The grouped list: hat rows spanning, one item selected at a time, rows of one
    height and columns fitted to the first rows (not to every one)."""

    def __init__(self, model: TodayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayList")
        self.setModel(model)
        self.setAccessibleName(self.tr("Today's items"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        model.modelReset.connect(self._on_model_reset)

    def _on_model_reset(self) -> None:
        model = self.model()
        assert isinstance(model, TodayModel)
        self.clearSpans()
        for row in model.hat_rows():
            self.setSpan(row, 0, 1, model.columnCount())
        self._fit_columns(model)

    def _fit_columns(self, model: TodayModel) -> None:
        """Widths from the header, the when labels and the first rows' texts."""
        plain, bold = self.fontMetrics(), QFontMetrics(_bold())
        sample = list(islice(model.items(), _SAMPLE_ROWS))
        # A cell's margins and focus frame, about two characters wide (not asked of the
        # style: its Python type and enums would be built before the first paint).
        padding = 2 * plain.averageCharWidth() + 8

        def fit(column: int, texts: list[str], metrics: QFontMetrics = plain) -> None:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            header = plain.horizontalAdvance(title) + 24
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            self.setColumnWidth(column, min(max(header, widest + padding), 320))

        fit(model.WHEN, [model.when_label(w) for w in When], bold)
        fit(model.DUE, [model.text(i, model.DUE) for i in sample])
        fit(model.PERSON, [i.person for i in sample])
        self.setColumnWidth(model.PROJECT, 150)
