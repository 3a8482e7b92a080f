"""The "done and snoozed" list: what the user took off Today, to put one back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from pmdesk.models import Language, TodayMark
from pmdesk.services import today as today_items
from pmdesk.services.today import Disposition, TodayItem
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.today import actions
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table
from pmdesk.vocabulary import client_date

Closed = tuple[TodayItem, Disposition]  # the item and what was done with it


class ClosedDialog(QDialog):
    """Items done, snoozed (until a date) or dismissed (with the reason); Reopen puts the
    chosen one back on the list (undoable)."""

    def __init__(
        self,
        context: TabContext,
        project_id: int | None,
        project_names: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Done and snoozed"))
        self.context = context
        self.project_id = project_id
        language = context.language
        self.model: RecordTableModel[Closed] = RecordTableModel(
            [
                Column(self.tr("What you did"), lambda c: self.mark_text(c[1], language)),
                Column(self.tr("Project"), lambda c: project_names.get(c[0].project_id, "")),
                Column(self.tr("Person"), lambda c: c[0].person),
                Column(self.tr("Why it was listed"), lambda c: c[0].reason(language), stretch=True),
                Column(self.tr("Reason"), lambda c: c[1].reason),
            ],
            self,
        )
        self.view = record_table(self.model, self.tr("Done and snoozed items"), self)
        self.view.setObjectName("todayClosedList")
        self.view.setMinimumSize(760, 260)
        self.empty = QLabel(self.tr("Nothing is done, snoozed or dismissed."), self)
        self.reopen_button = QPushButton(self.tr("&Reopen"), self)
        self.reopen_button.setToolTip(self.tr("Put it back on Today's list"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.reopen_button.clicked.connect(self._on_reopen_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.reload()

    def mark_text(self, disposition: Disposition, language: Language) -> str:
        if disposition.mark is TodayMark.SNOOZED and disposition.until is not None:
            return self.tr("Snoozed until %1").replace(
                "%1", client_date(disposition.until, language)
            )
        if disposition.mark is TodayMark.DISMISSED:
            return self.tr("Dismissed")
        return self.tr("Done")

    def reload(self) -> None:
        today = self.context.now().date()
        self.model.set_rows(actions.closed(self.project_id, today))
        fit_columns(self.view)
        self.empty.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self.reopen_button.setEnabled(self.model.rowCount() > 0)

    def _on_reopen_clicked(self) -> None:
        chosen = current_record(self.view, self.model)
        if chosen is None:
            return
        item, disposition = chosen
        changes = actions.reopen(item)
        self.context.editor.record(
            self.tr("Reopen a Today item"),
            redo=lambda: actions.reopen(item),
            undo=_mark_again(item, disposition),
            changes=changes,
        )
        self.reload()


def _mark_again(item: TodayItem, disposition: Disposition) -> Callable[[], None]:
    """Undoing a reopen: the same mark as before."""

    def mark() -> None:
        if disposition.mark is TodayMark.SNOOZED:
            today_items.snooze(item, disposition.until or dt.date.today())
        elif disposition.mark is TodayMark.DISMISSED:
            today_items.dismiss(item, disposition.reason)
        else:
            today_items.done(item)

    return mark
