"""The chase list: client assistance the project needs and has not had, with a polite
reminder draft per item (METHOD.md §4: chase the client proactively)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pmdesk.exports import ExportOptions
from pmdesk.models import ActionItem, ActionStatus
from pmdesk.services import progress
from pmdesk.ui.models.records import OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, bar, button
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import in_tab_order
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class ChaseSection(ProgressSection):
    """Overdue client assistance, oldest first."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("chaseSection")
        today = self._today
        self.chase = RecordTableModel[ActionItem](
            [
                Column(self.tr("Assistance needed"), lambda a: a.title, stretch=True),
                Column(self.tr("From"), lambda a: a.owner.name if a.owner else ""),
                Column(self.tr("Due"), lambda a: a.due_date),
                Column(
                    self.tr("Days overdue"),
                    lambda a: (today() - (a.due_date or today())).days,
                    align_right=True,
                ),
                Column(self.tr("Reminders sent"), lambda a: a.reminders_sent, align_right=True),
                Column(self.tr("Status"), lambda a: context.label(ActionStatus(a.status))),
            ],
            self,
        )
        self.chase.background = lambda a: OVERDUE_BRUSH
        self.chase_view = record_table(self.chase, self.tr("Chase list"), self)
        self.reminder_button = button(
            self.tr("Re&minder email…"),
            self,
            self._on_reminder,
            self.tr("A polite reminder draft to the person (.eml); counts as one reminder sent"),
        )
        self.layout_.addLayout(bar(self.reminder_button))
        self.layout_.addWidget(self.chase_view, 1)
        in_tab_order(self.reminder_button, self.chase_view)

    def show_plan(self, shown: PlanShown | None) -> None:
        self.shown = shown
        rows = progress.chase_list(shown.project_id, shown.today, shown.actions) if shown else []
        self.chase.set_rows(rows)
        fit_columns(self.chase_view)

    def _on_reminder(self) -> None:
        action = current_record(self.chase_view, self.chase)
        if action is None and self.chase.rowCount():
            action = self.chase.row(0)
        if action is None:
            return
        from pmdesk.exports.reminder_eml import export_reminder, reminder_file_name

        language = self._document_language()
        name = reminder_file_name(action, language, self._today())
        action_id = action.id
        written = self._save_file(
            name,
            ".eml",
            self.tr("Email drafts (*.eml)"),
            lambda path: export_reminder(action_id, path, ExportOptions()),
        )
        if written is not None:
            edit = progress.record_reminder(action_id)
            self._record_edits([edit], self.tr("Reminder sent"), ActionItem)
