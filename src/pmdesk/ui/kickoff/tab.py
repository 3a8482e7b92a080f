"""Kickoff tab: prepare the kickoff the way METHOD.md §3 says — before, during and after.

Lays out the sections: the meeting's details with its two exports (kickoff pack,
invite), then one sub-tab per part — purposes and their evidence, attendees, agenda,
materials, checklist, re-confirmation log. Each section owns its table, actions and
detail pane (ui/kickoff/*.py); this module only places them and tells them what to show.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeRecord,
    ChecklistItem,
    Language,
    Meeting,
    MeetingStatus,
    Note,
    Person,
    Purpose,
    PurposeNote,
    PurposeState,
    Rsvp,
)
from pmdesk.models import Material as MaterialRecord
from pmdesk.services import kickoff, meetings, people, projects
from pmdesk.ui.dialogs.kickoff_forms import PlanKickoffDialog
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.kickoff.agenda import AgendaSection
from pmdesk.ui.kickoff.attendees import AttendeesSection
from pmdesk.ui.kickoff.changes import ChangesSection
from pmdesk.ui.kickoff.checklist import ChecklistSection
from pmdesk.ui.kickoff.details import DetailsSection
from pmdesk.ui.kickoff.materials import MaterialsSection
from pmdesk.ui.kickoff.purposes import PurposesSection
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.tabs.base import ProjectTab, TabContext


def system_zone() -> str:
    """The computer's IANA zone as Qt knows it (on Windows too), else Python's guess."""
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if kickoff.valid_time_zone(name) else kickoff.system_time_zone()


class KickoffTab(ProjectTab):
    """The kickoff meeting of the open project, section by section."""

    watches = (
        Meeting,
        Purpose,
        PurposeNote,
        Attendee,
        AgendaItem,
        MaterialRecord,
        Attachment,
        ChecklistItem,
        ChangeRecord,
        Person,
        Note,
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting: Meeting | None = None
        self.pack_action = QAction(self.tr("Kickoff pack (.docx)…"), self)
        self.pack_action.triggered.connect(self._on_pack_triggered)
        self.invite_action = QAction(self.tr("Meeting invite (.ics)…"), self)
        self.invite_action.triggered.connect(self._on_invite_triggered)
        self.plan_action = QAction(self.tr("Pla&n the kickoff…"), self)
        self.plan_action.triggered.connect(self._on_plan_triggered)
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        self.summary = QLabel(self)
        self.summary.setObjectName("kickoffSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The empty state: a project without a kickoff.
        empty = QWidget(self)
        self.plan_button = QPushButton(self.plan_action.text(), empty)
        self.plan_button.setAccessibleName(self.tr("Plan the kickoff"))
        self.plan_button.clicked.connect(self.plan_action.trigger)
        explain = QLabel(
            self.tr(
                "The kickoff has four purposes: the client knows the project and its plan; "
                "knows the project structure and the consultant team; you learn the "
                "attitude of the client, its leaders and cooperating staff; and which "
                "outcomes the leaders value most. Planning it creates the meeting, its "
                "purposes and the method's before / during / after checklist."
            ),
            empty,
        )
        explain.setWordWrap(True)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(explain)
        empty_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        editor = QWidget(self)
        context = self.context
        self.details = DetailsSection(context, (self.pack_action, self.invite_action), editor)
        self.purposes = PurposesSection(context)
        self.attendees = AttendeesSection(context)
        self.agenda = AgendaSection(context)
        self.materials = MaterialsSection(context)
        self.checklist = ChecklistSection(context)
        self.changes = ChangesSection(context)
        self.sections = QTabWidget(editor)
        self.sections.setObjectName("kickoffSections")
        self.sections.setDocumentMode(True)
        self._section_names = [
            self.tr("Purp&oses"),
            self.tr("A&ttendees"),
            self.tr("&Agenda"),
            self.tr("&Materials"),
            self.tr("&Checklist"),
            self.tr("Change lo&g"),
        ]
        for section, name in zip(self.section_widgets(), self._section_names, strict=True):
            self.sections.addTab(section, name)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.details)
        editor_layout.addWidget(self.sections, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.splitters = self.purposes.splitters

    def section_widgets(self) -> list[KickoffSection]:
        """The sections under the details, in the order of their tabs."""
        return [
            self.purposes,
            self.attendees,
            self.agenda,
            self.materials,
            self.checklist,
            self.changes,
        ]

    def _connect_signals(self) -> None:
        self.details.change_to_log.connect(self.changes.open_dialog)

    # -- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        meeting = meetings.kickoff_meeting(self.project_id) if self.project_id else None
        self.meeting = meeting
        for action in (self.pack_action, self.invite_action):
            action.setEnabled(meeting is not None)
        self.plan_action.setEnabled(self.project_id is not None and meeting is None)
        everyone = people.list_people(meeting.project_id) if meeting is not None else []
        for section in (self.details, *self.section_widgets()):
            section.show_meeting(meeting, everyone)
        if meeting is None:
            self.summary.setText(
                self.tr("This project has no kickoff meeting yet.")
                if self.project_id
                else self.tr("No project is open.")
            )
            self.plan_button.setVisible(self.project_id is not None)
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.invite_action.setEnabled(meeting.starts_at is not None)
        for index, (name, section) in enumerate(
            zip(self._section_names, self.section_widgets(), strict=True)
        ):
            self.sections.setTabText(index, f"{name} ({section.count_text()})")
        overdue = self.checklist.overdue_count()
        bar = self.sections.tabBar()
        bar.setTabTextColor(4, QColor("#a61b1b") if overdue else bar.tabTextColor(0))
        purposes = self.purposes.model.all_rows()
        self.summary.setText(
            self._summary_html(
                meeting,
                sum(p.state == PurposeState.MET for p in purposes),
                len(purposes),
                self.checklist.done_count(),
                self.checklist.model.rowCount(),
                overdue,
            )
            + self._rsvp_html(self.attendees.model.all_rows())
        )

    def _summary_html(
        self, meeting: Meeting, met: int, purposes: int, done: int, steps: int, overdue: int
    ) -> str:
        parts = [
            f"<b>{html.escape(meeting.title)}</b>",
            f"<i>{self.context.label(MeetingStatus(meeting.status))}</i>",
            self.tr("purposes met: {met} of {all}").format(met=met, all=purposes),
            self.tr("checklist: {done} of {all} done").format(done=done, all=steps),
        ]
        if overdue:
            parts.append(
                '<span style="color:#a61b1b"><b>'
                + self.tr("{n} overdue").format(n=overdue)
                + "</b></span>"
            )
        return " · ".join(parts)

    def _rsvp_html(self, attendees: Sequence[Attendee]) -> str:
        counts = {rsvp: sum(a.rsvp == rsvp for a in attendees) for rsvp in Rsvp}
        shown = [f"{self.context.label(rsvp)} {count}" for rsvp, count in counts.items() if count]
        separator = "，" if self.context.language == Language.ZH_CN else ", "
        return " · " + separator.join(shown) if shown else ""

    # -- planning and exports ----------------------------------------------------------
    def _on_plan_triggered(self) -> None:
        if self.project_id is None or self.meeting is not None:
            return
        project_id = self.project_id
        project = projects.get_project(project_id)
        today = self.context.now().date()
        dialog = PlanKickoffDialog(
            title=kickoff.default_title(project, self.context.language),
            day=today + dt.timedelta(days=14),
            zones=self.details.zones,
            zone=system_zone(),
            parent=self,
        )

        def save() -> None:
            values = dialog.values()
            meeting, _changes = kickoff.plan_kickoff(
                project_id,
                values.pop("starts_at"),
                language=self.context.language,
                **values,
            )
            self.details.record_created([(Meeting, meeting.id)], self.tr("Plan the kickoff"))

        self.details.run_form(dialog, save)

    def export_actions(self) -> list[QAction]:
        return [self.pack_action, self.invite_action]

    def _on_pack_triggered(self) -> None:
        if self.meeting is None:
            self.context.editor.report(self.tr("Plan the kickoff first."))
            return
        run_export(self, self.context.settings, "kickoff-pack", self.meeting.id, self.meeting.title)

    def _on_invite_triggered(self) -> None:
        if self.meeting is None:
            self.context.editor.report(self.tr("Plan the kickoff first."))
            return
        if self.meeting.starts_at is None:
            self.context.editor.report(self.tr("Set the kickoff's date and time first."))
            return
        run_export(self, self.context.settings, "invite", self.meeting.id, self.meeting.title)
