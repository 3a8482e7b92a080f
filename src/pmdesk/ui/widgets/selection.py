"""Master/detail: a detail pane follows its view's current row.

The row comes from the index Qt hands to `currentChanged`: when the current row changes,
the view's selection is not updated yet, so "whatever is selected now" is the row before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTableView

if TYPE_CHECKING:  # annotations only: Today imports this before its first paint
    from pmdesk.ui.models.records import RecordTableModel

R = TypeVar("R")


def record_at(model: RecordTableModel[R], index: QModelIndex) -> R | None:
    """The record of `index`'s row (None for an invalid index or a row gone meanwhile)."""
    if not index.isValid() or index.row() >= model.rowCount():
        return None
    return model.row(index.row())


def current_record(view: QTableView, model: RecordTableModel[R]) -> R | None:
    """The record of the view's current row."""
    return record_at(model, view.currentIndex())


def follow_current(
    view: QTableView, model: RecordTableModel[R], show: Callable[[R | None], None]
) -> None:
    """Call `show` with the record of the view's new current row whenever it changes."""

    def on_current_changed(current: QModelIndex, _previous: QModelIndex) -> None:
        show(record_at(model, current))

    view.selectionModel().currentChanged.connect(on_current_changed)


def select_record(
    view: QTableView,
    model: RecordTableModel[R],
    wanted: Any,
    key: Callable[[R], Any] = lambda r: getattr(r, "id", None),
) -> bool:
    """Make the row whose `key` is `wanted` current; False (and nothing current) if none."""
    if wanted is not None:
        for row, record in enumerate(model.rows()):
            if key(record) == wanted:
                view.selectRow(row)
                return True
    view.clearSelection()
    view.setCurrentIndex(QModelIndex())
    return False
