"""The meeting's "Review of open items": one key per item — R resolve, K keep, D drop.

Self-contained, so the Live meeting tab can take it in as one of its sections.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pmdesk.models import ActionStatus, CarryKind, CarryOutcome
from pmdesk.services import series
from pmdesk.services.series import CarriedItem
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns, record_table

#: The one key for each outcome.
KEYS = {
    Qt.Key.Key_R: CarryOutcome.RESOLVED,
    Qt.Key.Key_K: CarryOutcome.KEPT,
    Qt.Key.Key_D: CarryOutcome.DROPPED,
}


class CarryOverSection(QWidget):
    """The items a series meeting took over from earlier ones, and what was done with each."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryOverSection")
        self.context = context
        self.meeting_id: int | None = None
        self.model: RecordTableModel[CarriedItem] = RecordTableModel(
            [
                Column(self.tr("Kind"), lambda c: context.label(c.kind)),
                Column(self.tr("Item"), lambda c: c.text, stretch=True),
                Column(self.tr("Owner"), lambda c: c.owner or c.speaker),
                Column(self.tr("Due"), lambda c: c.due_date),
                Column(self.tr("Status"), lambda c: self._status(c)),
                Column(self.tr("From"), lambda c: self._source(c)),
                Column(self.tr("Outcome"), lambda c: context.label(c.outcome)),
            ],
            self,
        )
        self.table = record_table(self.model, self.tr("Review of open items"), self)
        self.table.setObjectName("carryOverTable")
        self.table.installEventFilter(self)  # the keys act on the current row
        hint = QLabel(
            self.tr("R resolve · K keep for next time · D drop (on the selected item)"), self
        )
        hint.setObjectName("carryOverHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def _status(self, item: CarriedItem) -> str:
        if item.kind == CarryKind.ACTION:
            return self.context.label_of(ActionStatus, item.status)
        return ""

    def _source(self, item: CarriedItem) -> str:
        when = item.from_meeting_date.isoformat() if item.from_meeting_date else ""
        return f"{when} {item.from_meeting_title}".strip()

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        row = max(self.table.currentIndex().row(), 0)
        items = series.carried_items(self.meeting_id) if self.meeting_id else []
        self.model.set_rows(items)
        fit_columns(self.table)
        if items:
            self.table.setCurrentIndex(self.model.index(min(row, len(items) - 1), 1))

    def settle_current(self, outcome: CarryOutcome) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        item = self.model.row(index.row())
        change = series.settle(item.id, outcome)
        self.context.editor.record(
            self.tr("Open item: %1").replace("%1", self.context.label(outcome)),
            redo=change.redo,
            undo=change.undo,
            changes=change.changes,
        )
        # On to the next item, so the review goes one key per item.
        self.reload()
        next_row = min(index.row() + 1, self.model.rowCount() - 1)
        self.table.setCurrentIndex(self.model.index(next_row, 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            outcome = KEYS.get(Qt.Key(event.key()))
            if outcome is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.settle_current(outcome)
                return True
        return super().eventFilter(watched, event)
