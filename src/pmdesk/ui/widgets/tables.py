"""Table views over RecordTableModel, with combo-box editing for choice columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from pmdesk.ui.models.records import RecordTableModel
from pmdesk.ui.widgets.autosave import BoxDraft

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a column with fixed choices through a combo box of their labels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, RecordTableModel)
        combo = QComboBox(parent)
        combo.setAccessibleName(model.column(index.column()).header)
        for value, text in model.column(index.column()).choices or ():
            combo.addItem(text, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(current)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


RESIZE_PRECISION = 60


class TextDelegate(QStyledItemDelegate):
    """Edits text cells like Qt does, autosaving the cell being typed (see autosave)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._drafts: dict[int, BoxDraft] = {}

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        super().setEditorData(editor, index)
        model = index.model()
        if not isinstance(editor, QLineEdit) or not isinstance(model, RecordTableModel):
            return
        record_id = getattr(model.row(index.row()), "id", None)
        if record_id is None or id(editor) in self._drafts:
            return
        header = model.column(index.column()).header
        draft = BoxDraft(editor, f"cell:{self._view.accessibleName()}:{record_id}:{header}")
        draft.restore()  # the cell's saved text is the draft's "initial" text
        self._drafts[id(editor)] = draft

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        # Saved (Enter) or given up (Esc): either way the draft has served its purpose.
        draft = self._drafts.pop(id(editor), None)
        if draft is not None:
            draft.discard()
        super().destroyEditor(editor, index)


def record_table(model: RecordTableModel[Any], accessible_name: str, parent: QWidget) -> QTableView:
    """A sortable, keyboard-usable table view for `model`."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    # Start in the service's order; a click on a header sorts by that column.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab moves to the next control, arrows move in the table
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting a column to its contents measures this many rows, not all 50,000.
    header.setResizeContentsPrecision(RESIZE_PRECISION)
    stretched = [c for c in range(model.columnCount()) if model.column(c).stretch]
    header.setStretchLastSection(not stretched)
    for column in stretched:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    view.setItemDelegate(TextDelegate(view))
    delegate = ChoiceDelegate(view)
    for column in range(model.columnCount()):
        if model.column(column).choices is not None:
            view.setItemDelegateForColumn(column, delegate)
    return view


def fit_columns(view: QTableView, maximum: int = 320) -> None:
    """Size columns to their contents, capped so one long text does not take the table.

    A view off screen (a section or tab behind another) is fitted when it is next shown:
    measuring what nobody sees held up the first paint of the data (issue #20)."""
    if not view.isVisible():
        waiting = (f for f in view.findChildren(_FitWhenShown) if not f.done)
        fitter = next(waiting, None)
        if fitter is None:
            view.installEventFilter(_FitWhenShown(view, maximum))
        else:
            fitter.maximum = maximum
        return
    _fit_now(view, maximum)


class _FitWhenShown(QObject):
    """Fits its view's columns the next time the view is shown, then goes."""

    def __init__(self, view: QTableView, maximum: int = 320) -> None:
        super().__init__(view)
        self.maximum = maximum
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QTableView):
            watched.removeEventFilter(self)
            self.done = True
            self.deleteLater()
            _fit_now(watched, self.maximum)
        return False


def _fit_now(view: QTableView, maximum: int) -> None:
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue
        view.resizeColumnToContents(column)
        if header.sectionSize(column) > maximum:
            header.resizeSection(column, maximum)
