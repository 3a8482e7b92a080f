"""Progress tab: the step plan with each person's deadline, the gatekeeper queue, lead requests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    LeadRequest,
    MilestoneReview,
    Person,
    Priority,
    RequestKind,
    RequestStatus,
    ReviewKind,
    ReviewState,
)
from pmdesk.services import people, progress
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext
from pmdesk.ui.widgets.tables import fit_columns, record_table

#: Open items carried over this many times are flagged (METHOD.md: plan every deadline).
CARRY_OVER_FLAG = 3


class ProgressTab(ProjectTab):
    """Finish on plan: every step, every person's deadline, the lead as gatekeeper."""

    watches = (ActionItem, MilestoneReview, LeadRequest, Person)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        edit = context.editor.edit

        self.owner_box = QComboBox(self)
        self.owner_box.setAccessibleName(self.tr("Show the steps of"))
        self.owner_box.currentIndexChanged.connect(self._on_owner_box_changed)
        owner_label = QLabel(self.tr("&Owner:"), self)
        owner_label.setBuddy(self.owner_box)
        self.summary = QLabel(self)

        self.plan = RecordTableModel[ActionItem](
            [
                Column(self.tr("ID"), lambda a: a.id, align_right=True),
                Column(
                    self.tr("Step"),
                    lambda a: a.title,
                    stretch=True,
                    edit=lambda a, v: edit(ActionItem, a.id, {"title": v}, self.tr("Edit step")),
                ),
                Column(self.tr("Owner"), lambda a: a.owner.name if a.owner else ""),
                Column(self.tr("Start"), lambda a: a.start_date),
                Column(
                    self.tr("Due"),
                    lambda a: a.due_date,
                    edit=lambda a, v: edit(
                        ActionItem, a.id, {"due_date": _as_date(v)}, self.tr("Change due date")
                    ),
                ),
                Column(
                    self.tr("Status"),
                    lambda a: a.status,
                    display=lambda a: label(ActionStatus(a.status)),
                    choices=context.choices(ActionStatus),
                    edit=self._set_status,
                ),
                Column(self.tr("Completed"), lambda a: a.completed_on),
                Column(self.tr("Priority"), lambda a: label(Priority(a.priority))),
                Column(
                    self.tr("Client help"),
                    lambda a: a.needs_client_assistance,
                    display=lambda a: self.tr("needed") if a.needs_client_assistance else "",
                ),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
            ],
            self,
        )
        self.plan.background = self._plan_brush
        self.plan.tooltip = self._plan_tooltip
        self.plan_view = record_table(self.plan, self.tr("Step plan"), self)

        self.reviews = RecordTableModel[MilestoneReview](
            [
                Column(self.tr("Milestone or deliverable"), lambda m: m.title, stretch=True),
                Column(self.tr("Kind"), lambda m: label(ReviewKind(m.kind))),
                Column(self.tr("Due"), lambda m: m.due_date),
                Column(self.tr("Reviewer"), lambda m: m.reviewer.name if m.reviewer else ""),
                Column(
                    self.tr("State"),
                    lambda m: m.state,
                    display=lambda m: label(ReviewState(m.state)),
                    choices=context.choices(ReviewState),
                    edit=lambda m, v: edit(
                        MilestoneReview, m.id, {"state": v}, self.tr("Change review state")
                    ),
                ),
                Column(self.tr("Submitted"), lambda m: m.submitted_on),
                Column(self.tr("Reviewed"), lambda m: m.reviewed_on),
                Column(self.tr("Comment"), lambda m: m.comment),
            ],
            self,
        )
        self.reviews_view = record_table(self.reviews, self.tr("Gatekeeper queue"), self)
        self.requests = RecordTableModel[LeadRequest](
            [
                Column(self.tr("Raised"), lambda r: r.raised_on),
                Column(self.tr("Kind"), lambda r: label(RequestKind(r.kind))),
                Column(self.tr("Request"), lambda r: r.text, stretch=True),
                Column(self.tr("Owner"), lambda r: r.owner.name if r.owner else ""),
                Column(self.tr("Status"), lambda r: label(RequestStatus(r.status))),
                Column(self.tr("Resolution"), lambda r: r.resolution),
            ],
            self,
        )
        self.requests_view = record_table(self.requests, self.tr("Lead requests"), self)

        self.sections = QTabWidget(self)
        self.sections.setObjectName("progressSections")
        self.sections.addTab(self.plan_view, self.tr("Step plan"))
        self.sections.addTab(self.reviews_view, self.tr("Gatekeeper queue"))
        self.sections.addTab(self.requests_view, self.tr("Lead requests"))
        self.splitters: list[QWidget] = []

        top = QHBoxLayout()
        top.addWidget(owner_label)
        top.addWidget(self.owner_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)

    def reload(self) -> None:
        today = self.context.now().date()
        actions = progress.list_actions(self.project_id) if self.project_id else []
        self.plan.set_rows(actions)
        self._fill_owner_box()
        self._apply_owner_filter()
        self.reviews.set_rows(
            progress.milestone_reviews(self.project_id) if self.project_id else []
        )
        self.requests.set_rows(progress.lead_requests(self.project_id) if self.project_id else [])
        overdue = sum(progress.is_overdue(a, today) for a in actions)
        waiting = sum(r.state == ReviewState.SUBMITTED for r in self.reviews.all_rows())
        self.summary.setText(
            self.tr(
                "{steps} steps · {overdue} overdue · {waiting} awaiting the lead's review"
            ).format(steps=len(actions), overdue=overdue, waiting=waiting)
        )
        for view in (self.plan_view, self.reviews_view, self.requests_view):
            fit_columns(view)

    def _fill_owner_box(self) -> None:
        current = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("Everyone"), None)
        for person in people.list_people(self.project_id) if self.project_id else []:
            self.owner_box.addItem(person.name, person.id)
        self.owner_box.setCurrentIndex(max(self.owner_box.findData(current), 0))
        self.owner_box.blockSignals(False)

    def _on_owner_box_changed(self, _index: int) -> None:
        self._apply_owner_filter()

    def _apply_owner_filter(self) -> None:
        owner = self.owner_box.currentData()
        self.plan.set_filter((lambda a: a.owner_id == owner) if owner is not None else None)

    def _plan_brush(self, action: ActionItem) -> QBrush | None:
        if action.status == ActionStatus.DONE:
            return DONE_BRUSH
        if progress.is_overdue(action, self.context.now().date()):
            return OVERDUE_BRUSH
        return None

    def _plan_tooltip(self, action: ActionItem) -> str:
        if action.carry_over_count >= CARRY_OVER_FLAG and action.status != ActionStatus.DONE:
            return self.tr("Carried over {n} times: raise it with the client lead.").format(
                n=action.carry_over_count
            )
        return ""

    def _set_status(self, action: ActionItem, status: str) -> None:
        values: dict[str, object] = {"status": status}
        if status == ActionStatus.DONE and action.completed_on is None:
            values["completed_on"] = self.context.now().date()
        elif status != ActionStatus.DONE and action.completed_on is not None:
            values["completed_on"] = None
        self.context.editor.edit(ActionItem, action.id, values, self.tr("Change step status"))


def _as_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if hasattr(value, "toPython"):  # a QDate from the date editor
        value = value.toPython()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())
