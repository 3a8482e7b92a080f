"""Progress tab: finish on plan (METHOD.md §4).

This module lays six sections out and hands each the plan on screen: the step plan,
each person's deadlines, the gatekeeper queue, lead requests, the chase list and the
status report. Each section owns its table, actions and detail pane; every change goes
through the services and the editor, so Edit → Undo takes it back.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from pmdesk.models import (
    ActionItem,
    FollowUp,
    LeadRequest,
    MilestoneReview,
    Person,
    StatusReport,
)
from pmdesk.services import people, progress
from pmdesk.services.progress import CARRY_OVER_FLAG
from pmdesk.ui.progress.chase import ChaseSection
from pmdesk.ui.progress.common import PlanShown, ProgressSection
from pmdesk.ui.progress.gatekeeper import GatekeeperSection
from pmdesk.ui.progress.lead_requests import LeadRequestsSection
from pmdesk.ui.progress.per_person import PerPersonSection
from pmdesk.ui.progress.report import ReportSection
from pmdesk.ui.progress.steps import StepsSection
from pmdesk.ui.tabs.base import ProjectTab, TabContext


class ProgressTab(ProjectTab):
    """Finish on plan: every step, every person's deadline, the lead as gatekeeper."""

    watches = (ActionItem, MilestoneReview, LeadRequest, Person, FollowUp, StatusReport)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.steps = StepsSection(context, self)
        self.per_person = PerPersonSection(context, self)
        self.gatekeeper = GatekeeperSection(context, self)
        self.lead_requests = LeadRequestsSection(context, self)
        self.chase = ChaseSection(context, self)
        self.report = ReportSection(context, self)
        self.all_sections: tuple[ProgressSection, ...] = (
            self.steps,
            self.per_person,
            self.gatekeeper,
            self.lead_requests,
            self.chase,
            self.report,
        )

        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Progress summary"))
        self.sections = QTabWidget(self)
        self.sections.setObjectName("progressSections")
        self.sections.addTab(self.steps, self.tr("Step &plan"))
        self.sections.addTab(self.per_person, self.tr("Each person's &deadlines"))
        self.sections.addTab(self.gatekeeper, self.tr("&Gatekeeper queue"))
        self.sections.addTab(self.lead_requests, self.tr("Lead re&quests"))
        self.sections.addTab(self.chase, self.tr("C&hase list"))
        self.sections.addTab(self.report, self.tr("Status &report"))
        self._shown: PlanShown | None = None
        #: Sections that have not shown the plan on screen now (each loads when shown).
        self._stale_sections: set[ProgressSection] = set()
        #: Sections the summary counts from: always loaded.
        self._summarised = (self.gatekeeper, self.lead_requests)
        self.splitters: list[QSplitter] = [self.per_person.splitter, self.report.splitter]
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.sections, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.sections.currentChanged.connect(self._on_sections_current_changed)
        self.lead_requests.step_made.connect(self._on_lead_requests_step_made)
        self.report.export_report_action.triggered.connect(self._on_export_report_action)

    @property
    def open_files(self) -> bool:
        """Open written reminders and exports in their program (tests turn it off)."""
        return self.steps.open_files

    @open_files.setter
    def open_files(self, value: bool) -> None:
        for section in self.all_sections:
            section.open_files = value

    def export_actions(self) -> list[QAction]:
        return [
            self.steps.export_tracker_action,
            self.report.export_report_action,
            self.steps.import_tracker_action,
        ]

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        today = self.context.now().date()
        project_id = self.project_id
        everyone = people.list_people(project_id) if project_id else []
        shown = (
            PlanShown(project_id, today, everyone, progress.list_actions(project_id, everyone))
            if project_id
            else None
        )
        self._shown = shown
        # Only the section on screen shows the plan now, and the two the summary counts
        # from (small tables); the others when they are first shown (issue #20).
        self._stale_sections = {s for s in self.all_sections if s not in self._summarised}
        for section in self._stale_sections:
            section.shown = shown  # its project and people, for its actions
        for section in self._summarised:
            section.show_plan(shown)
        self._on_sections_current_changed()
        self._show_summary(shown)

    def _show_summary(self, shown: PlanShown | None) -> None:
        actions = shown.actions if shown else []
        today = shown.today if shown else self.context.now().date()
        overdue = sum(progress.is_overdue(a, today) for a in actions)
        flagged = sum(progress.is_flagged(a) for a in actions)
        to_chase = (
            self.chase.chase.rowCount()
            if self.chase not in self._stale_sections
            else len(progress.chase_list(shown.project_id, today, actions))
            if shown
            else 0
        )
        parts = [
            self.tr("%n step(s)", "", len(actions)),
            self.tr("%n overdue", "", overdue),
            self.tr("%n carried over {n}+ times", "", flagged).format(n=CARRY_OVER_FLAG),
            self.tr("%n awaiting the lead's review", "", self.gatekeeper.waiting()),
            self.tr("%n open lead request(s)", "", self.lead_requests.open_count()),
            self.tr("%n to chase", "", to_chase),
        ]
        self.summary.setText(" · ".join(parts))

    def _on_sections_current_changed(self, *_args: object) -> None:
        current = self.sections.currentWidget()
        if current in self._stale_sections:
            assert isinstance(current, ProgressSection)
            self._stale_sections.discard(current)
            current.show_plan(self._shown)

    def show_all_sections(self) -> None:
        """Every section shows the plan now (before acting on one off screen)."""
        for section in list(self._stale_sections):
            self._stale_sections.discard(section)
            section.show_plan(self._shown)

    def _on_lead_requests_step_made(self) -> None:
        self.sections.setCurrentWidget(self.steps)

    def _on_export_report_action(self) -> None:
        self.sections.setCurrentWidget(self.report)
        self.report.export_report()
