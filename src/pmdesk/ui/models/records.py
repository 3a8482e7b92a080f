"""A table model over a list of records, described by columns; sorts and filters itself.

Sorting and filtering happen here in Python over plain lists, not in a
QSortFilterProxyModel, which calls `data()` per comparison and is far too slow on
tens of thousands of rows (ENGINEERING.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

OVERDUE_BRUSH = QBrush(QColor("#fde2e1"))
DONE_BRUSH = QBrush(QColor("#e6f4ea"))
_ROOT = QModelIndex()

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
#: The roles `RecordTableModel.data` answers; a view asks for others too (font, colour).
_ANSWERED = frozenset({_DISPLAY, _EDIT, _CHECK_STATE, _BACKGROUND, _TOOLTIP, _ALIGNMENT})
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, the value it shows, and optionally how to edit it."""

    header: str
    value: Callable[[R], Any]
    display: Callable[[R], str] | None = None
    #: Called with (row, new value) when the user edits the cell; None = read-only.
    edit: Callable[[R, Any], object] | None = None
    #: Choices for an editable cell as (stored value, label) pairs: shown in a combo box.
    choices: Sequence[tuple[Any, str]] | None = None
    checkable: bool = False
    align_right: bool = False
    #: The column that takes the table's spare width (long free text).
    stretch: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sort_key(value: Any) -> tuple[int, Any]:
    # Mixed types are compared by kind, then by their text.
    if isinstance(value, (int, float, dt.date, dt.datetime)) and not isinstance(value, bool):
        return (0, value if not isinstance(value, dt.datetime) else value.isoformat())
    return (1, _text(value).casefold())


def sorted_rows(rows: Sequence[R], value: Callable[[R], Any], descending: bool) -> list[R]:
    """Rows ordered by `value` (text without regard to case); empty values always last.

    Each value is read once and a column of one type is compared directly: sorting
    50,000 rows stays well under the 100 ms a table may take.
    """
    values = list(map(value, rows))
    kinds = set(map(type, values))
    missing = type(None) in kinds
    kinds.discard(type(None))
    keys: list[Any]
    if kinds == {str}:
        keys = (
            [v.casefold() for v in values]
            if not missing
            else [v.casefold() if v is not None else "" for v in values]
        )
    elif len(kinds) == 1 and kinds < {int, float, dt.date, dt.datetime}:
        keys = values
    else:
        keys = [_sort_key(v) for v in values]
    present = (
        range(len(values)) if not missing else [i for i, v in enumerate(values) if v is not None]
    )
    order = sorted(present, key=keys.__getitem__, reverse=descending)
    ordered = list(map(rows.__getitem__, order))
    if missing:
        ordered += [rows[i] for i, v in enumerate(values) if v is None]
    return ordered


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows are records (e.g. Peewee models); columns say what to show of each."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._all: list[R] = []
        self._rows: list[R] = []
        self._filter: Callable[[R], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.background: Callable[[R], QBrush | None] | None = None
        self.tooltip: Callable[[R], str] | None = None

    # -- data in ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._arranged()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[R], bool] | None) -> None:
        self.beginResetModel()
        self._filter = predicate
        self._rows = self._arranged()
        self.endResetModel()

    def _arranged(self) -> list[R]:
        rows = self._all if self._filter is None else [r for r in self._all if self._filter(r)]
        if self._sort is not None:
            column, order = self._sort
            descending = order == Qt.SortOrder.DescendingOrder
            return sorted_rows(rows, self._columns[column].value, descending)
        return list(rows)

    def row(self, index: int) -> R:
        return self._rows[index]

    def rows(self) -> list[R]:
        return list(self._rows)

    def all_rows(self) -> list[R]:
        return list(self._all)

    def column_index(self, header: str) -> int:
        return [c.header for c in self._columns].index(header)

    def column(self, index: int) -> Column[R]:
        return self._columns[index]

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._columns[section].header
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        return self._answer(self._rows[index.row()], self._columns[index.column()], role)

    def multiData(
        self,
        index: Index,
        span: QModelRoleDataSpan | QModelRoleData,
    ) -> None:
        """What a view paints a cell from, asked at once: the item delegate asks for seven
        roles per cell on every paint, one call from Qt each through `data` (issue #20).
        Every role is answered or cleared: the delegate hands the same span in for every
        cell, holding the last cell's answers."""
        asked: Iterable[QModelRoleData] = (
            (span,) if isinstance(span, QModelRoleData) else iter(cast(Any, span))
        )
        if not index.isValid():
            for role_data in asked:
                role_data.clearData()
            return
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        for role_data in asked:
            role = role_data.role()
            value = self._answer(record, column, role) if role in _ANSWERED else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _answer(self, record: R, column: Column[R], role: int) -> Any:
        """The cell's value for `role`, one of `_ANSWERED` (compared as plain ints: an enum
        member's look-up costs more than the answer)."""
        if role == _DISPLAY:
            if column.checkable:
                return None
            if column.display is not None:
                return column.display(record)
            return _text(column.value(record))
        if role == _EDIT:
            return column.value(record)
        if role == _CHECK_STATE:
            if not column.checkable:
                return None
            return _CHECKED if column.value(record) else _UNCHECKED
        if role == _BACKGROUND:
            return self.background(record) if self.background is not None else None
        if role == _TOOLTIP:
            tip = self.tooltip(record) if self.tooltip is not None else ""
            # Long text is cut off in the cell: the tooltip shows all of it.
            text = "" if column.checkable else self._answer(record, column, _DISPLAY)
            return "\n\n".join(t for t in (text if len(text) > 30 else "", tip) if t) or None
        # The alignment role: the only one left.
        return _RIGHT if column.align_right else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._columns[index.column()].edit is not None:
            if self._columns[index.column()].checkable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self._columns[index.column()]
        if not index.isValid() or column.edit is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.checkable:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if value == column.value(self._rows[index.row()]):
            return False
        # The edit goes through a service (and the undo stack); the view refreshes on the
        # resulting data-changed signal, so the model does not change the row itself.
        column.edit(self._rows[index.row()], value)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # Column -1 (no sort indicator) means the order the service gave.
        self._sort = (column, order) if 0 <= column < len(self._columns) else None
        self._rows = self._arranged()
        self.layoutChanged.emit()
