"""Each person's deadlines: who has what open and overdue; the steps of the person chosen,
exported as a small tracker they can update and send back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from pmdesk.exports import ExportOptions
from pmdesk.models import ActionItem, ActionStatus, Side
from pmdesk.services import progress
from pmdesk.services.progress import PersonPlan
from pmdesk.ui.models.records import OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, bar, button
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import in_tab_order
from pmdesk.ui.widgets.selection import current_record, follow_current, select_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


def _person_id(plan: PersonPlan) -> int:
    return int(plan.person.id)


class PerPersonSection(ProgressSection):
    """Everyone's deadlines; the steps below follow the current person."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("perPersonSection")
        label = context.label
        self.person_plans = RecordTableModel[PersonPlan](
            [
                Column(self.tr("Person"), lambda p: p.person.name, stretch=True),
                Column(self.tr("Side"), lambda p: label(Side(p.person.side))),
                Column(self.tr("Open"), lambda p: len(p.open_items), align_right=True),
                Column(self.tr("Overdue"), lambda p: p.overdue, align_right=True),
                Column(self.tr("Next deadline"), lambda p: p.next_due),
                Column(self.tr("Flagged"), lambda p: p.flagged or "", align_right=True),
                Column(self.tr("Done"), lambda p: p.done, align_right=True),
            ],
            self,
        )
        self.person_plans.background = lambda p: OVERDUE_BRUSH if p.overdue else None
        self.person_view = record_table(self.person_plans, self.tr("Each person's deadlines"), self)
        self.person_steps = RecordTableModel[ActionItem](
            [
                Column(self.tr("ID"), lambda a: progress.tracker_id(a.number), align_right=True),
                Column(self.tr("Step"), lambda a: a.title, stretch=True),
                Column(self.tr("Start"), lambda a: a.start_date),
                Column(self.tr("Due"), lambda a: a.due_date),
                Column(self.tr("Status"), lambda a: label(ActionStatus(a.status))),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
            ],
            self,
        )
        self.person_steps.background = self._plan_brush
        self.person_steps_view = record_table(
            self.person_steps, self.tr("The person's open steps"), self
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("progressPeopleSplitter")
        self.splitter.addWidget(self.person_view)
        self.splitter.addWidget(self.person_steps_view)
        self.person_export_button = button(
            self.tr("Export this person's steps…"),
            self,
            self._on_export_person,
            self.tr("Their open steps as a small tracker they can update and send back"),
        )
        self.layout_.addLayout(bar(self.person_export_button))
        self.layout_.addWidget(self.splitter, 1)
        in_tab_order(self.person_export_button, self.person_view, self.person_steps_view)
        follow_current(self.person_view, self.person_plans, self._show_person_steps)

    def show_plan(self, shown: PlanShown | None) -> None:
        chosen = current_record(self.person_view, self.person_plans)
        self.shown = shown
        plans = progress.per_person(shown.project_id, shown.today, shown.actions) if shown else []
        self.person_plans.set_rows(plans)
        fit_columns(self.person_view)
        wanted = _person_id(chosen) if chosen is not None else None
        if not select_record(self.person_view, self.person_plans, wanted, _person_id):
            if plans:
                self.person_view.selectRow(0)
            else:
                self._show_person_steps(None)

    def _show_person_steps(self, plan: PersonPlan | None) -> None:
        self.person_steps.set_rows(plan.open_items if plan else [])
        fit_columns(self.person_steps_view)
        self.person_export_button.setEnabled(plan is not None)

    def _on_export_person(self) -> None:
        plan = current_record(self.person_view, self.person_plans)
        if plan is None or self.project_id is None:
            return
        from pmdesk.exports.tracker_xlsx import export_person_steps

        project_id, person_id = self.project_id, plan.person.id
        self._save_file(
            plan.person.name,
            ".xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            lambda path: export_person_steps(project_id, person_id, path, ExportOptions()),
        )
