"""Checklist: the method's before / during / after steps, due relative to the start.

Space on a row ticks it (as Ctrl+D does): it does not open an editor over the step text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from pmdesk.models import ChecklistItem, Phase
from pmdesk.services import kickoff, meetings
from pmdesk.ui.dialogs.kickoff_forms import ChecklistStepDialog
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns

OVERDUE_TEXT = QBrush(QColor("#a61b1b"))
_DAY = 24 * 60
Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(RecordTableModel[ChecklistItem]):
    """Checklist rows; overdue ones also in red text, not only a red background."""

    overdue: Callable[[ChecklistItem], bool] = staticmethod(lambda _item: False)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return OVERDUE_TEXT if self.overdue(self.row(index.row())) else None
        return super().data(index, role)


class ChecklistSection(KickoffSection):
    """The steps in order; ticking one records when it was done."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        self.model = ChecklistModel(
            [
                Column(
                    self.tr("Done"),
                    lambda c: c.done_at is not None,
                    checkable=True,
                    edit=self.set_done,
                ),
                Column(self.tr("Phase"), lambda c: label(Phase(c.phase))),
                Column(
                    self.tr("Step"),
                    lambda c: c.text,
                    stretch=True,
                    edit=self.editor_for(ChecklistItem)("text", self.tr("Edit checklist step")),
                ),
                Column(self.tr("When"), self.relative_due),
                Column(self.tr("Due"), self._due),
                Column(self.tr("Done at"), lambda c: c.done_at),
            ],
            self,
        )
        self.model.background = self._brush
        self.model.overdue = self.is_overdue
        self.model.tooltip = lambda c: self.tr("Overdue") if self.is_overdue(c) else ""
        self.row_actions(
            ChecklistItem,
            add=(self.tr("Add step…"), self._on_add_triggered),
            edit=(self.tr("Edit step…"), self._on_edit_triggered),
            remove=(self.tr("Remove step"), self.tr("Remove checklist step")),
            movable=True,
        )
        a = self.action
        self.tick_action = a(self.tr("Done / not done"), self._on_tick_triggered, "Ctrl+D")
        self.view = self.table(self.model, self.tr("Checklist"), sortable=False)
        # Space ticks the current row: a second shortcut of the tick action, on the table.
        space = a(self.tr("Done / not done"), self._on_tick_triggered)
        space.setShortcut(QKeySequence(Qt.Key.Key_Space))
        space.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(space)
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdueCount")
        self.standard_page(
            [
                self.add_action,
                self.edit_action,
                self.tick_action,
                self.remove_action,
                self.up_action,
                self.down_action,
            ],
            [self.overdue_label],
        )

    def reload(self) -> None:
        rows = meetings.checklist(self.meeting.id) if self.meeting else []
        self.refill(self.view, self.model, rows)
        fit_columns(self.view)
        overdue = self.overdue_count()
        self.overdue_label.setText(
            self.tr("{n} overdue: shown in red").format(n=overdue)
            if overdue
            else self.tr("Nothing overdue")
        )
        self.overdue_label.setStyleSheet("color: #a61b1b; font-weight: bold;" if overdue else "")

    def overdue_count(self) -> int:
        return sum(self.is_overdue(c) for c in self.model.all_rows())

    def done_count(self) -> int:
        return sum(c.done_at is not None for c in self.model.all_rows())

    def count_text(self) -> str:
        return f"{self.done_count()}/{self.model.rowCount()}"

    # -- column values -----------------------------------------------------------------
    def _due(self, item: ChecklistItem) -> dt.datetime | None:
        assert self.meeting is not None
        return meetings.checklist_due(item, self.meeting)

    def relative_due(self, item: ChecklistItem) -> str:
        if item.due_at is not None:
            return self.tr("fixed time")
        offset = item.due_offset_minutes
        if offset is None:
            return ""
        if offset == 0:
            return self.tr("at the start")
        size = abs(offset)
        if size % _DAY == 0:
            n = size // _DAY
            amount = self.tr("1 day") if n == 1 else self.tr("{n} days").format(n=n)
        elif size % 60 == 0:
            n = size // 60
            amount = self.tr("1 hour") if n == 1 else self.tr("{n} hours").format(n=n)
        else:
            amount = self.tr("{n} min").format(n=size)
        if offset < 0:
            return self.tr("{amount} before").format(amount=amount)
        return self.tr("{amount} after").format(amount=amount)

    def is_overdue(self, item: ChecklistItem) -> bool:
        if self.meeting is None:
            return False
        return meetings.is_checklist_overdue(item, self.meeting, self.context.now())

    def _brush(self, item: ChecklistItem) -> QBrush | None:
        if item.done_at is not None:
            return DONE_BRUSH
        if self.is_overdue(item):
            return OVERDUE_BRUSH
        return None

    # -- editing -----------------------------------------------------------------------
    def set_done(self, item: ChecklistItem, done: bool) -> None:
        when = self.context.now().replace(microsecond=0) if done else None
        text = self.tr("Tick checklist step") if done else self.tr("Untick checklist step")
        self.edit(ChecklistItem, item.id, {"done_at": when}, text)

    def _on_tick_triggered(self) -> None:
        item = self.current(self.view)
        if item is not None:
            self.set_done(item, item.done_at is None)

    def _dialog(self, item: ChecklistItem | None) -> ChecklistStepDialog:
        assert self.meeting is not None
        default_due = self.meeting.starts_at or self.context.now()
        if item is None:
            return ChecklistStepDialog(
                self.context.choices(Phase),
                phase=Phase.BEFORE.value,
                default_due=default_due,
                parent=self,
            )
        return ChecklistStepDialog(
            self.context.choices(Phase),
            phase=item.phase,
            text=item.text,
            offset=item.due_offset_minutes,
            due_at=item.due_at,
            default_due=default_due,
            parent=self,
        )

    def _on_add_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = self._dialog(None)
        current = self.current(self.view)
        if current is not None:
            dialog.phase.setCurrentIndex(dialog.phase.findData(current.phase))

        def save() -> None:
            values = dialog.values()
            item = kickoff.add_checklist_item(
                meeting.id,
                Phase(values["phase"]),
                values["text"],
                due_offset_minutes=values["due_offset_minutes"],
                due_at=values["due_at"],
            )
            self.record_created([(ChecklistItem, item.id)], self.tr("Add checklist step"))

        self.run_form(dialog, save)

    def _on_edit_triggered(self, item: ChecklistItem | None) -> None:
        if item is None:
            return
        dialog = self._dialog(item)
        self.run_form(
            dialog,
            lambda: self.save_changed(
                ChecklistItem, item, dialog.values(), self.tr("Edit checklist step")
            ),
        )
