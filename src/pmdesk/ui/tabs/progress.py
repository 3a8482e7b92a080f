"""Progress tab: finish on plan (METHOD.md §4).

Six sections: the step plan (every step, every owner's deadline), each person's
deadlines, the gatekeeper queue (the client lead reviews milestones and deliverables),
lead requests (the lead as team member), the chase list (overdue client assistance,
with reminder drafts) and the status report (status, problems, help needed; praise in
public, follow up in private). Every change goes through the services and the editor,
so Edit → Undo takes it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QBrush, QColor, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.files import ExportProblem
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    FollowUp,
    Language,
    LeadRequest,
    MilestoneReview,
    Person,
    Priority,
    RequestKind,
    RequestStatus,
    ReviewKind,
    ReviewState,
    StatusReport,
)
from pmdesk.services import Changes, NotFound, ValidationProblem, people, progress, reports
from pmdesk.services.common import FieldEdit, apply_edit
from pmdesk.services.progress import CARRY_OVER_FLAG, PersonPlan
from pmdesk.services.projects import get_project
from pmdesk.services.reports import LateItem, ReportFacts, ReportTexts
from pmdesk.ui.dialogs.progress_forms import ActionDialog, RequestDialog, ReviewDialog
from pmdesk.ui.export_runner import run_export, safe_file_name
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext
from pmdesk.ui.widgets.forms import plain_label
from pmdesk.ui.widgets.tables import fit_columns, record_table

#: Text being typed in the report is saved this long after the last keystroke.
if TYPE_CHECKING:
    from pmdesk.imports import tracker_xlsx as tracker_import

AUTOSAVE_MS = 800
FLAG_BRUSH = QBrush(QColor("#ffe8a3"))  # carried over three times: raise it


def _button(text: str, parent: QWidget, slot: Callable[[], object], tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(plain_label(text))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def _bar(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def _page(parent: QWidget, bar: QHBoxLayout, *widgets: QWidget) -> QWidget:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addLayout(bar)
    for widget in widgets:
        layout.addWidget(widget, 1)
    return page


class ProgressTab(ProjectTab):
    """Finish on plan: every step, every person's deadline, the lead as gatekeeper."""

    watches = (ActionItem, MilestoneReview, LeadRequest, Person, FollowUp, StatusReport)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: Open written reminders and exports in their program (tests turn it off).
        self.open_files = True
        self._people: list[Person] = []
        self._owner_choices: list[tuple[Any, str]] = []
        self._build_plan()
        self._build_people()
        self._build_reviews()
        self._build_requests()
        self._build_chase()
        self._build_report()
        self._build_actions()

        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Progress summary"))
        self.sections = QTabWidget(self)
        self.sections.setObjectName("progressSections")
        self.sections.addTab(self.plan_page, self.tr("Step &plan"))
        self.sections.addTab(self.people_page, self.tr("Each person's &deadlines"))
        self.sections.addTab(self.reviews_page, self.tr("&Gatekeeper queue"))
        self.sections.addTab(self.requests_page, self.tr("Lead re&quests"))
        self.sections.addTab(self.chase_page, self.tr("C&hase list"))
        self.sections.addTab(self.report_page, self.tr("Status &report"))
        self._report_stale = False
        self.sections.currentChanged.connect(self._on_sections_current_changed)
        self.splitters: list[QSplitter] = [self.people_splitter, self.report_splitter]
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.sections, 1)

    # -- building ------------------------------------------------------------------------
    def _build_plan(self) -> None:
        label = self.context.label
        edit = self._edit_action

        self.owner_box = QComboBox(self)
        self.owner_box.setAccessibleName(self.tr("Show the steps of"))
        self.owner_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner_box.currentIndexChanged.connect(self._on_owner_box_changed)
        owner_label = QLabel(self.tr("&Owner:"), self)
        owner_label.setBuddy(self.owner_box)

        self.plan = RecordTableModel[ActionItem](
            [
                Column(self.tr("ID"), lambda a: progress.tracker_id(a.number), align_right=True),
                Column(
                    self.tr("Step"),
                    lambda a: a.title,
                    edit=lambda a, v: edit(a, {"title": v}, self.tr("Edit step")),
                ),
                Column(
                    self.tr("Owner"),
                    lambda a: a.owner_id,
                    display=lambda a: a.owner.name if a.owner else "",
                    choices=self._owner_choices,
                    edit=lambda a, v: edit(a, {"owner": v}, self.tr("Change owner")),
                ),
                Column(
                    self.tr("Start"),
                    lambda a: a.start_date,
                    edit=lambda a, v: edit(
                        a, {"start_date": _as_date(v)}, self.tr("Change start date")
                    ),
                ),
                Column(
                    self.tr("Due"),
                    lambda a: a.due_date,
                    edit=lambda a, v: edit(
                        a, {"due_date": _as_date(v)}, self.tr("Change due date")
                    ),
                ),
                Column(
                    self.tr("Status"),
                    lambda a: a.status,
                    display=lambda a: label(ActionStatus(a.status)),
                    choices=self.context.choices(ActionStatus),
                    edit=self._set_status,
                ),
                Column(
                    self.tr("Completed"),
                    lambda a: a.completed_on,
                    edit=lambda a, v: edit(
                        a, {"completed_on": _as_date(v)}, self.tr("Change completion date")
                    ),
                ),
                Column(
                    self.tr("Priority"),
                    lambda a: a.priority,
                    display=lambda a: label(Priority(a.priority)),
                    choices=self.context.choices(Priority),
                    edit=lambda a, v: edit(a, {"priority": v}, self.tr("Change priority")),
                ),
                Column(
                    self.tr("Client help"),
                    lambda a: a.needs_client_assistance,
                    checkable=True,
                    edit=lambda a, v: edit(
                        a, {"needs_client_assistance": bool(v)}, self.tr("Change client help")
                    ),
                ),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
                Column(
                    self.tr("Next step"),
                    lambda a: a.next_step,
                    edit=lambda a, v: edit(a, {"next_step": str(v).strip()}, self.tr("Next step")),
                ),
                Column(self.tr("Client comment"), lambda a: a.client_comment),
                Column(
                    self.tr("Notes (internal)"),
                    lambda a: a.notes,
                    stretch=True,
                    edit=lambda a, v: edit(a, {"notes": str(v).strip()}, self.tr("Edit notes")),
                ),
            ],
            self,
        )
        self.plan.background = self._plan_brush
        self.plan.tooltip = self._plan_tooltip
        self.plan_view = record_table(self.plan, self.tr("Step plan"), self)
        self.plan_view.doubleClicked.connect(self._on_plan_view_double_clicked)

        self.add_step_button = _button(self.tr("&Add step…"), self, self._on_add_step)
        self.edit_step_button = _button(self.tr("&Edit…"), self, self._on_edit_step)
        self.delete_step_button = _button(self.tr("De&lete"), self, self._on_delete_step)
        self.roll_over_button = _button(
            self.tr("&Roll over open items"),
            self,
            self._on_roll_over,
            self.tr(
                "After a progress meeting: every open step past its due date is carried over "
                "once more; at {n} carry-overs it is flagged."
            ).format(n=CARRY_OVER_FLAG),
        )
        self.import_button = _button(self.tr("&Import tracker…"), self, self._on_import_tracker)
        self.tracker_button = _button(self.tr("E&xport tracker…"), self, self._on_export_tracker)
        bar = _bar(
            owner_label,
            self.owner_box,
            self.add_step_button,
            self.edit_step_button,
            self.delete_step_button,
            self.roll_over_button,
            self.import_button,
            self.tracker_button,
        )
        self.plan_page = _page(self, bar, self.plan_view)

    def _build_people(self) -> None:
        self.person_plans = RecordTableModel[PersonPlan](
            [
                Column(self.tr("Person"), lambda p: p.person.name, stretch=True),
                Column(self.tr("Side"), lambda p: self.context.label(_side(p.person))),
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
        self.person_view.selectionModel().currentRowChanged.connect(self._on_person_changed)
        self.person_steps = RecordTableModel[ActionItem](
            [
                Column(self.tr("ID"), lambda a: progress.tracker_id(a.number), align_right=True),
                Column(self.tr("Step"), lambda a: a.title, stretch=True),
                Column(self.tr("Start"), lambda a: a.start_date),
                Column(self.tr("Due"), lambda a: a.due_date),
                Column(self.tr("Status"), lambda a: self.context.label(ActionStatus(a.status))),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
            ],
            self,
        )
        self.person_steps.background = self._plan_brush
        self.person_steps_view = record_table(
            self.person_steps, self.tr("The person's open steps"), self
        )
        self.people_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.people_splitter.setObjectName("progressPeopleSplitter")
        self.people_splitter.addWidget(self.person_view)
        self.people_splitter.addWidget(self.person_steps_view)
        self.person_export_button = _button(
            self.tr("Export this person's steps…"),
            self,
            self._on_export_person,
            self.tr("Their open steps as a small tracker they can update and send back"),
        )
        self.people_page = _page(self, _bar(self.person_export_button), self.people_splitter)

    def _build_reviews(self) -> None:
        label = self.context.label
        self.reviews = RecordTableModel[MilestoneReview](
            [
                Column(
                    self.tr("Milestone or deliverable"),
                    lambda m: m.title,
                    stretch=True,
                    edit=lambda m, v: self._edit_record(
                        m,
                        {"title": " ".join(str(v).split())},
                        self.tr("Edit review"),
                    ),
                ),
                Column(self.tr("Kind"), lambda m: label(ReviewKind(m.kind))),
                Column(self.tr("Due"), lambda m: m.due_date),
                Column(self.tr("Reviewer"), lambda m: m.reviewer.name if m.reviewer else ""),
                Column(
                    self.tr("State"),
                    lambda m: m.state,
                    display=lambda m: label(ReviewState(m.state)),
                    choices=self.context.choices(ReviewState),
                    edit=self._set_review_state,
                ),
                Column(self.tr("Submitted"), lambda m: m.submitted_on),
                Column(self.tr("Reviewed"), lambda m: m.reviewed_on),
                Column(self.tr("Comment"), lambda m: m.comment),
            ],
            self,
        )
        self.reviews.background = self._review_brush
        self.reviews_view = record_table(self.reviews, self.tr("Gatekeeper queue"), self)
        self.reviews_view.doubleClicked.connect(self._on_reviews_view_double_clicked)
        bar = _bar(
            _button(self.tr("&Add review…"), self, self._on_add_review),
            _button(self.tr("&Edit…"), self, self._on_edit_review),
            _button(self.tr("De&lete"), self, self._on_delete_review),
        )
        self.reviews_page = _page(self, bar, self.reviews_view)

    def _build_requests(self) -> None:
        label = self.context.label
        self.requests = RecordTableModel[LeadRequest](
            [
                Column(self.tr("Raised"), lambda r: r.raised_on),
                Column(self.tr("Kind"), lambda r: label(RequestKind(r.kind))),
                Column(self.tr("Request"), lambda r: r.text, stretch=True),
                Column(
                    self.tr("Owner"),
                    lambda r: r.__data__.get("owner"),
                    display=lambda r: r.owner.name if r.owner else "",
                    choices=self._owner_choices,
                    edit=lambda r, v: self._edit_record(r, {"owner": v}, self.tr("Change owner")),
                ),
                Column(
                    self.tr("Status"),
                    lambda r: r.status,
                    display=lambda r: label(RequestStatus(r.status)),
                    choices=self.context.choices(RequestStatus),
                    edit=self._set_request_status,
                ),
                Column(self.tr("Resolved"), lambda r: r.resolved_on),
                Column(
                    self.tr("Resolution"),
                    lambda r: r.resolution,
                    edit=lambda r, v: self._edit_record(
                        r, {"resolution": str(v).strip()}, self.tr("Resolution")
                    ),
                ),
            ],
            self,
        )
        self.requests.background = lambda r: DONE_BRUSH if r.status == "resolved" else None
        self.requests_view = record_table(self.requests, self.tr("Lead requests"), self)
        self.requests_view.doubleClicked.connect(self._on_requests_view_double_clicked)
        bar = _bar(
            _button(self.tr("&Add request…"), self, self._on_add_request),
            _button(self.tr("&Edit…"), self, self._on_edit_request),
            _button(self.tr("&Make an action item"), self, self._on_request_to_action),
            _button(self.tr("De&lete"), self, self._on_delete_request),
        )
        self.requests_page = _page(self, bar, self.requests_view)

    def _build_chase(self) -> None:
        today = lambda: self.context.now().date()  # noqa: E731
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
                Column(self.tr("Status"), lambda a: self.context.label(ActionStatus(a.status))),
            ],
            self,
        )
        self.chase.background = lambda a: OVERDUE_BRUSH
        self.chase_view = record_table(self.chase, self.tr("Chase list"), self)
        self.reminder_button = _button(
            self.tr("&Reminder email…"),
            self,
            self._on_reminder,
            self.tr("A polite reminder draft to the person (.eml); counts as one reminder sent"),
        )
        self.chase_page = _page(self, _bar(self.reminder_button), self.chase_view)

    def _build_report(self) -> None:
        self.period_start = QDateEdit(self)
        self.period_end = QDateEdit(self)
        for box, name in (
            (self.period_start, self.tr("Period from")),
            (self.period_end, self.tr("Period to")),
        ):
            box.setCalendarPopup(True)
            box.setDisplayFormat("yyyy-MM-dd")
            box.setAccessibleName(name)
            box.dateChanged.connect(self._on_period_changed)
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.period_start)
        to_label = QLabel(self.tr("&To:"), self)
        to_label.setBuddy(self.period_end)
        self.prefill_button = _button(self.tr("Pre&fill from the plan"), self, self._on_prefill)
        self.export_report_button = _button(
            self.tr("E&xport report…"), self, self._on_export_report
        )
        self.follow_up_button = _button(
            self.tr("Follow-&ups for late people…"),
            self,
            self._on_follow_ups,
            self.tr("Internal: one private follow-up per late person (records and a .docx)"),
        )
        bar = _bar(
            from_label,
            self.period_start,
            to_label,
            self.period_end,
            self.prefill_button,
            self.export_report_button,
            self.follow_up_button,
        )

        self.texts: dict[str, QPlainTextEdit] = {}
        form = QWidget(self)
        form_layout = QFormLayout(form)
        titles = {
            "status": self.tr("&Status:"),
            "problems": self.tr("Pro&blems:"),
            "help_needed": self.tr("&Help needed:"),
            "praise": self.tr("Pr&aise:"),
        }
        for part, title in titles.items():
            edit = QPlainTextEdit(form)
            edit.setAccessibleName(plain_label(title))
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._on_report_text_changed)
            self.texts[part] = edit
            caption = QLabel(title, form)
            caption.setBuddy(edit)
            form_layout.addRow(caption, edit)
        self.check_label = QLabel(form)
        self.check_label.setWordWrap(True)
        self.check_label.setAccessibleName(self.tr("Report check"))
        form_layout.addRow(self.check_label)

        self.late_steps = RecordTableModel[LateItem](
            [
                Column(self.tr("Late step"), lambda i: i.action.title),
                Column(self.tr("Due"), lambda i: i.action.due_date),
                Column(
                    self.tr("Next step (in the report, no names)"),
                    lambda i: i.action.next_step or i.arrangement,
                    stretch=True,
                    edit=lambda i, v: self._edit_action(
                        i.action, {"next_step": str(v).strip()}, self.tr("Next step")
                    ),
                ),
            ],
            self,
        )
        self.late_steps.background = lambda i: None if i.arrangement else OVERDUE_BRUSH
        self.late_view = record_table(self.late_steps, self.tr("Late steps"), self)
        self.report_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.report_splitter.setObjectName("progressReportSplitter")
        self.report_splitter.addWidget(form)
        self.report_splitter.addWidget(self.late_view)
        self.report_splitter.setStretchFactor(0, 3)
        self.report_splitter.setStretchFactor(1, 2)
        self.report_page = _page(self, bar, self.report_splitter)

        self._facts: ReportFacts | None = None
        self._report_project: int | None = None
        self._filling = False
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self._on_autosave_timeout)

    def _build_actions(self) -> None:
        self.add_step_action = QAction(self.tr("Add step"), self)
        self.add_step_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_step_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_step_action.triggered.connect(self._on_add_step)
        self.delete_step_action = QAction(self.tr("Delete step"), self)
        self.delete_step_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_step_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_step_action.triggered.connect(self._on_delete_step)
        self.plan_view.addAction(self.add_step_action)
        self.plan_view.addAction(self.delete_step_action)

        self.export_tracker_action = QAction(self.tr("Action &tracker (client, .xlsx)…"), self)
        self.export_tracker_action.triggered.connect(self._on_export_tracker)
        self.export_report_action = QAction(self.tr("Status &report (client, .docx)…"), self)
        self.export_report_action.triggered.connect(self._on_export_report_action)
        self.import_tracker_action = QAction(self.tr("&Import edited tracker…"), self)
        self.import_tracker_action.triggered.connect(self._on_import_tracker)

    def export_actions(self) -> list[QAction]:
        return [self.export_tracker_action, self.export_report_action, self.import_tracker_action]

    # -- loading -------------------------------------------------------------------------
    def _today(self) -> dt.date:
        return self.context.now().date()

    def reload(self) -> None:
        today = self._today()
        project_id = self.project_id
        self._people = people.list_people(project_id) if project_id else []
        self._owner_choices[:] = [(None, "—"), *((p.id, p.name) for p in self._people)]
        actions = progress.list_actions(project_id) if project_id else []
        self.plan.set_rows(actions)
        self._fill_owner_box()
        self._apply_owner_filter()
        self._reload_people(today, actions)
        self.reviews.set_rows(progress.milestone_reviews(project_id) if project_id else [])
        self.requests.set_rows(progress.lead_requests(project_id) if project_id else [])
        self.chase.set_rows(progress.chase_list(project_id, today, actions) if project_id else [])
        # The report gathers the whole period and checks every name: only when on screen.
        self._report_stale = True
        if self.sections.currentWidget() is self.report_page:
            self._on_sections_current_changed()
        overdue = sum(progress.is_overdue(a, today) for a in actions)
        flagged = sum(progress.is_flagged(a) for a in actions)
        waiting = sum(r.state == ReviewState.SUBMITTED for r in self.reviews.all_rows())
        open_requests = sum(r.status == RequestStatus.OPEN for r in self.requests.all_rows())
        self.summary.setText(
            self.tr(
                "{steps} steps · {overdue} overdue · {flagged} carried over {n}+ times · "
                "{waiting} awaiting the lead's review · {requests} open lead requests · "
                "{chase} to chase"
            ).format(
                steps=len(actions),
                overdue=overdue,
                flagged=flagged,
                n=CARRY_OVER_FLAG,
                waiting=waiting,
                requests=open_requests,
                chase=self.chase.rowCount(),
            )
        )
        for view in (
            self.plan_view,
            self.person_view,
            self.person_steps_view,
            self.reviews_view,
            self.requests_view,
            self.chase_view,
            self.late_view,
        ):
            fit_columns(view)

    def _on_sections_current_changed(self, *_args: object) -> None:
        if self._report_stale and self.sections.currentWidget() is self.report_page:
            self._report_stale = False
            self._reload_report(self._today())

    def _reload_people(self, today: dt.date, actions: list[ActionItem] | None = None) -> None:
        selected = self._selected(self.person_view, self.person_plans)
        plans = progress.per_person(self.project_id, today, actions) if self.project_id else []
        self.person_plans.set_rows(plans)
        row = next(
            (i for i, p in enumerate(plans) if selected and p.person.id == selected.person.id), 0
        )
        if plans:
            self.person_view.selectRow(row)
        self._show_person_steps()

    def _show_person_steps(self) -> None:
        plan = self._selected(self.person_view, self.person_plans)
        self.person_steps.set_rows(plan.open_items if plan else [])
        self.person_export_button.setEnabled(plan is not None)

    def _on_person_changed(self, *_args: object) -> None:
        self._show_person_steps()

    def _fill_owner_box(self) -> None:
        current = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("Everyone"), None)
        for person in self._people:
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
        if progress.is_flagged(action):
            return FLAG_BRUSH
        if progress.is_overdue(action, self._today()):
            return OVERDUE_BRUSH
        return None

    def _plan_tooltip(self, action: ActionItem) -> str:
        if progress.is_flagged(action):
            return self.tr("Carried over {n} times: raise it with the client lead.").format(
                n=action.carry_over_count
            )
        if progress.is_overdue(action, self._today()):
            return self.tr("Overdue since {date}").format(date=str(action.due_date))
        return ""

    def _review_brush(self, review: MilestoneReview) -> QBrush | None:
        if review.state == ReviewState.APPROVED:
            return DONE_BRUSH
        late = review.due_date is not None and review.due_date < self._today()
        return OVERDUE_BRUSH if late else None

    @staticmethod
    def _selected(view: QTableView, model: RecordTableModel[Any]) -> Any:
        index = view.currentIndex()
        if not index.isValid() or index.row() >= model.rowCount():
            return None
        return model.row(index.row())

    # -- saving through the editor -------------------------------------------------------
    def _record_edits(self, edits: list[FieldEdit], text: str, model: type[Any]) -> None:
        self.context.editor.record(
            text,
            redo=lambda: [apply_edit(e) for e in edits],
            undo=lambda: [apply_edit(e.inverse()) for e in reversed(edits)],
            changes=Changes.of(model),
        )

    def _edit_action(self, action: ActionItem, values: dict[str, Any], text: str) -> bool:
        """Change fields of a step after the service's checks (owner, dates); undoable."""
        try:
            edit = self.context.editor.attempt(
                lambda v: progress.update_action(action.id, values, version=v),
                action.row_version,
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return False
        if edit is None:
            return False
        self._record_edits([edit], text, ActionItem)
        return True

    def _edit_record(self, record: Any, values: dict[str, Any], text: str) -> bool:
        return self.context.editor.edit_record(record, values, text)

    def _set_status(self, action: ActionItem, status: str) -> None:
        values = progress.status_values(action, status, self._today())
        self._edit_action(action, values, self.tr("Change step status"))

    def _set_review_state(self, review: MilestoneReview, state: str) -> None:
        values = progress.review_state_values(review, state, self._today())
        self._edit_record(review, values, self.tr("Change review state"))

    def _set_request_status(self, request: LeadRequest, status: str) -> None:
        values = progress.request_status_values(status, self._today())
        self._edit_record(request, values, self.tr("Change request status"))

    def _create(self, model: type[Any], create: Callable[[], Any], text: str) -> Any:
        try:
            record = create()
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return None
        self.context.editor.created(model, record.id, text)
        return record

    # -- the step plan -------------------------------------------------------------------
    def _on_add_step(self) -> None:
        if self.project_id is None:
            return
        dialog = ActionDialog(self.context, self._people, None, self)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        project_id = self.project_id
        self._create(
            ActionItem,
            lambda: progress.create_action(
                project_id,
                values["title"],
                owner_id=values["owner"],
                start_date=values["start_date"],
                due_date=values["due_date"],
                status=ActionStatus(values["status"]),
                completed_on=values["completed_on"],
                priority=Priority(values["priority"]),
                needs_client_assistance=values["needs_client_assistance"],
                next_step=values["next_step"],
                notes=values["notes"],
            ),
            self.tr("Add step"),
        )

    def _on_edit_step(self) -> None:
        action = self._selected(self.plan_view, self.plan)
        if action is None:
            return
        dialog = ActionDialog(self.context, self._people, action, self)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != _field_value(action, k)}
        if values:
            self._edit_action(action, values, self.tr("Edit step"))

    def _on_plan_view_double_clicked(self, index: Any) -> None:
        if not self.plan.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_step()

    def _on_delete_step(self) -> None:
        action = self._selected(self.plan_view, self.plan)
        if action is not None:
            self.context.editor.delete(ActionItem, action.id, self.tr("Delete step"))

    def _on_roll_over(self) -> None:
        if self.project_id is None:
            return
        today = self._today()
        candidates = progress.roll_over_candidates(self.project_id, today)
        if not candidates:
            QMessageBox.information(
                self, self.tr("Roll over"), self.tr("No open step is past its due date.")
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Roll over open items"),
            self.tr(
                "After the progress meeting, count one more carry-over for the {n} open steps "
                "past their due date? Steps carried over {flag} times are flagged."
            ).format(n=len(candidates), flag=CARRY_OVER_FLAG),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        edits = progress.roll_over(self.project_id, today)
        self._record_edits(edits, self.tr("Roll over open items"), ActionItem)

    # -- each person's deadlines ---------------------------------------------------------
    def _on_export_person(self) -> None:
        plan = self._selected(self.person_view, self.person_plans)
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

    # -- gatekeeper queue ----------------------------------------------------------------
    def _default_lead(self) -> int | None:
        lead = progress.client_lead(self.project_id) if self.project_id else None
        return lead.id if lead is not None else None

    def _on_add_review(self) -> None:
        if self.project_id is None:
            return
        dialog = ReviewDialog(self.context, self._people, None, self._default_lead(), self)
        if dialog.exec() != ReviewDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        project_id = self.project_id
        self._create(
            MilestoneReview,
            lambda: progress.create_review(
                project_id,
                v["title"],
                kind=ReviewKind(v["kind"]),
                due_date=v["due_date"],
                reviewer_id=v["reviewer"],
                comment=v["comment"],
            ),
            self.tr("Add review"),
        )

    def _on_edit_review(self) -> None:
        review = self._selected(self.reviews_view, self.reviews)
        if review is None:
            return
        dialog = ReviewDialog(self.context, self._people, review, None, self)
        if dialog.exec() != ReviewDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != _field_value(review, k)}
        if values.get("title") == "":
            self.context.editor.report(self.tr("title: cannot be empty"))
        elif values:
            self._edit_record(review, values, self.tr("Edit review"))

    def _on_reviews_view_double_clicked(self, index: Any) -> None:
        if not self.reviews.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_review()

    def _on_delete_review(self) -> None:
        review = self._selected(self.reviews_view, self.reviews)
        if review is not None:
            self.context.editor.delete(MilestoneReview, review.id, self.tr("Delete review"))

    # -- lead requests -------------------------------------------------------------------
    def _on_add_request(self) -> None:
        if self.project_id is None:
            return
        dialog = RequestDialog(self.context, self._people, None, self._default_lead(), self)
        if dialog.exec() != RequestDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        project_id = self.project_id
        self._create(
            LeadRequest,
            lambda: progress.create_request(
                project_id,
                v["text"],
                kind=RequestKind(v["kind"]),
                raised_on=v["raised_on"],
                raised_by_id=v["raised_by"],
                owner_id=v["owner"],
            ),
            self.tr("Add request"),
        )

    def _on_edit_request(self) -> None:
        request = self._selected(self.requests_view, self.requests)
        if request is None:
            return
        dialog = RequestDialog(self.context, self._people, request, None, self)
        if dialog.exec() != RequestDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != _field_value(request, k)}
        if values.get("text") == "":
            self.context.editor.report(self.tr("text: cannot be empty"))
        elif values:
            self._edit_record(request, values, self.tr("Edit request"))

    def _on_requests_view_double_clicked(self, index: Any) -> None:
        if not self.requests.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_request()

    def _on_request_to_action(self) -> None:
        request = self._selected(self.requests_view, self.requests)
        if request is None:
            return
        today = self._today()
        created = self._create(
            ActionItem,
            lambda: progress.action_from_request(
                request.id, due_date=today + dt.timedelta(days=7), today=today
            ),
            self.tr("Make an action item"),
        )
        if created is not None:
            self.sections.setCurrentWidget(self.plan_page)

    def _on_delete_request(self) -> None:
        request = self._selected(self.requests_view, self.requests)
        if request is not None:
            self.context.editor.delete(LeadRequest, request.id, self.tr("Delete request"))

    # -- chase list ----------------------------------------------------------------------
    def _on_reminder(self) -> None:
        action = self._selected(self.chase_view, self.chase)
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

    # -- exports and import --------------------------------------------------------------
    def _document_language(self) -> Language:
        if self.project_id is None:
            return self.context.language
        project = get_project(self.project_id)
        return document_language(project.document_language, ExportOptions())

    def _save_file(
        self, name: str, suffix: str, filter_text: str, write: Callable[[Path], Path]
    ) -> Path | None:
        """Ask where, write, and open the file; a problem is shown, nothing half-written."""
        folder = Path(str(self.context.settings.value("exports/folder", str(Path.home()))))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(folder / (safe_file_name(name) + suffix)), filter_text
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            written = write(path)
        except (ExportProblem, ValidationProblem, NotFound) as problem:
            QMessageBox.warning(self, self.tr("Export not written"), str(problem))
            return None
        self.context.settings.setValue("exports/folder", str(written.parent))
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written

    def _on_export_tracker(self) -> None:
        if self.project_id is None:
            return
        project = get_project(self.project_id)
        name = f"{project.code or project.name} tracker {self._today().isoformat()}"
        run_export(
            self, self.context.settings, "tracker", self.project_id, name,
            open_after=self.open_files,
        )  # fmt: skip

    def _on_import_tracker(self) -> None:
        if self.project_id is None:
            return
        folder = str(self.context.settings.value("exports/folder", str(Path.home())))
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import tracker"), folder, self.tr("Excel workbooks (*.xlsx)")
        )
        if not chosen:
            return
        # openpyxl is big: loaded when the first tracker comes back, not at start.
        from pmdesk.imports import tracker_xlsx as tracker_import
        from pmdesk.ui.dialogs.tracker_import_dialog import TrackerImportDialog

        try:
            preview = tracker_import.read_tracker(self.project_id, Path(chosen), self._today())
        except tracker_import.TrackerProblem as problem:
            problems = getattr(problem, "problems", [problem])
            details = "\n".join(f"• {p.field}: {p.message}" for p in problems[:15])
            QMessageBox.warning(
                self,
                self.tr("Tracker not imported"),
                self.tr("Nothing was changed.") + "\n\n" + details,
            )
            return
        dialog = TrackerImportDialog(preview, self.context.language, self)
        if dialog.exec() != TrackerImportDialog.DialogCode.Accepted:
            return
        self.apply_import(preview)

    def apply_import(self, preview: tracker_import.TrackerPreview) -> bool:
        """Apply a previewed import as one undoable step."""
        from pmdesk.imports import tracker_xlsx as tracker_import

        try:
            applied = tracker_import.apply_tracker(preview)
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return False
        state: dict[str, Any] = {}

        def undo() -> None:
            state["snapshots"] = tracker_import.undo_import(applied)

        self.context.editor.record(
            self.tr("Import tracker"),
            redo=lambda: tracker_import.redo_import(applied, state["snapshots"]),
            undo=undo,
            changes=Changes.of(ActionItem),
        )
        return True

    # -- the status report ---------------------------------------------------------------
    def _reload_report(self, today: dt.date) -> None:
        if self.project_id != self._report_project:
            self._report_project = self.project_id
            start, end = reports.default_period(today)
            self._filling = True
            self.period_start.setDate(QDate(start.year, start.month, start.day))
            self.period_end.setDate(QDate(end.year, end.month, end.day))
            self._filling = False
            self._gather()
            drafts = reports.load_drafts(self.project_id) if self.project_id else {}
            if drafts:
                self._show_texts(ReportTexts(**{p: drafts.get(p, "") for p in reports.TEXT_PARTS}))
            else:
                self._prefill()
        else:
            self._gather()
        self._check_report()

    def _period(self) -> tuple[dt.date, dt.date]:
        return _python_date(self.period_start.date()), _python_date(self.period_end.date())

    def _gather(self) -> None:
        if self.project_id is None:
            self._facts = None
            self.late_steps.set_rows([])
            return
        start, end = self._period()
        try:
            self._facts = reports.gather(self.project_id, start, end, self._document_language())
        except ValidationProblem:
            self._facts = None
        self.late_steps.set_rows(self._facts.late_items if self._facts else [])

    def _show_texts(self, texts: ReportTexts) -> None:
        self._filling = True
        for part, text in texts.parts().items():
            self.texts[part].setPlainText(text)
        self._filling = False

    def report_texts(self) -> ReportTexts:
        return ReportTexts(**{p: e.toPlainText().strip() for p, e in self.texts.items()})

    def _prefill(self) -> None:
        if self._facts is None:
            self._show_texts(ReportTexts())
            return
        self._show_texts(reports.prefill(self._facts, self._document_language()))
        if self.project_id is not None:
            reports.discard_drafts(self.project_id)

    def _on_prefill(self) -> None:
        if self.project_id is not None and reports.load_drafts(self.project_id):
            answer = QMessageBox.question(
                self,
                self.tr("Prefill the report"),
                self.tr("Replace the text you wrote with the text from the plan?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._gather()
        self._prefill()
        self._check_report()

    def _on_period_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self._gather()
        if self.project_id is not None and not reports.load_drafts(self.project_id):
            self._prefill()
        self._check_report()

    def _on_report_text_changed(self) -> None:
        if self._filling:
            return
        self.autosave.start()
        self._check_report()

    def _on_autosave_timeout(self) -> None:
        self.save_drafts()

    def save_drafts(self) -> None:
        """Keep the report being typed (a crash loses at most the last second)."""
        if self.project_id is None:
            return
        for part, edit in self.texts.items():
            reports.save_draft(self.project_id, part, edit.toPlainText())

    def _check_report(self) -> bool:
        """Show whether the report may go out; True if it names no late person."""
        facts = self._facts
        if facts is None:
            self.check_label.setText(self.tr("Choose a period that ends on or after its start."))
            self.export_report_button.setEnabled(False)
            return False
        found = reports.naming_problems(self.report_texts(), facts, self._document_language())
        if found:
            where = "; ".join(f"{f.found} ({f.where})" for f in found)
            self.check_label.setText(
                self.tr(
                    "Cannot export: the report names people who are late in this period: "
                    "{where}. Praise in public, follow up in private: state the next step "
                    "instead of the name."
                ).format(where=where)
            )
            self.check_label.setStyleSheet("color: #9c0006; font-weight: bold")
        else:
            missing = reports.missing_next_steps(facts)
            text = self.tr("Ready: no late person is named.")
            if missing:
                text += " " + self.tr(
                    "{n} late steps have no next step yet (the report says it is being "
                    "agreed): fill it in on the right."
                ).format(n=len(missing))
            self.check_label.setText(text)
            self.check_label.setStyleSheet("color: #1e6b30" if not missing else "color: #8a5a00")
        self.export_report_button.setEnabled(not found)
        self.follow_up_button.setEnabled(bool(facts.late_people))
        return not found

    def _on_export_report_action(self) -> None:
        self.sections.setCurrentWidget(self.report_page)
        self._on_export_report()

    def _on_export_report(self) -> None:
        if self.project_id is None or self._facts is None or not self._check_report():
            return
        from pmdesk.exports.status_report_docx import write_report

        facts, texts = self._facts, self.report_texts()
        language = self._document_language()
        saved: dict[str, StatusReport] = {}

        def write(path: Path) -> Path:
            written, saved["report"] = write_report(facts, texts, path, language)
            return written

        project = facts.project
        name = self.tr("{project} status report {date}").format(
            project=project.code or project.name, date=facts.period_end.isoformat()
        )
        if self._save_file(name, ".docx", self.tr("Word documents (*.docx)"), write):
            self.context.editor.created(
                StatusReport, saved["report"].id, self.tr("Export status report")
            )
            reports.discard_drafts(self.project_id)

    def _on_follow_ups(self) -> None:
        if self.project_id is None or self._facts is None or not self._facts.late_people:
            return
        from pmdesk.exports.follow_up_drafts import write_follow_ups

        facts, today, language = self._facts, self._today(), self._document_language()
        drafts = reports.follow_up_drafts(facts, language, today)
        name = f"INTERNAL follow-ups {facts.period_end.isoformat()}"
        written = self._save_file(
            name,
            ".docx",
            self.tr("Word documents (*.docx)"),
            lambda path: write_follow_ups(facts, drafts, path, language, today),
        )
        if written is None:
            return
        created = reports.create_follow_ups(self.project_id, drafts, today)
        with self.context.editor.macro(self.tr("Follow-ups for late people")):
            for follow_up_id in created:
                self.context.editor.created(FollowUp, follow_up_id, self.tr("Follow-up"))


def _side(person: Person) -> Any:
    from pmdesk.models import Side

    return Side(person.side)


def _field_value(record: Any, name: str) -> Any:
    field = record._meta.fields[name]
    if hasattr(field, "rel_model"):
        return record.__data__.get(name)
    return getattr(record, name)


def _python_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _as_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if hasattr(value, "toPython"):  # a QDate from the date editor
        value = value.toPython()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())
