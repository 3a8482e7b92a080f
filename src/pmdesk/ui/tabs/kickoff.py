"""Kickoff tab: the four purposes, attendees, agenda, materials, checklist, change log."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from pmdesk.models import (
    AgendaItem,
    Attendee,
    ChangeField,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Material,
    MaterialKind,
    MaterialStatus,
    Meeting,
    MeetingStatus,
    Phase,
    Purpose,
    PurposeState,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import meetings
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.tables import fit_columns, record_table


class KickoffTab(ProjectTab):
    """Prepare the kickoff the way METHOD.md §3 says: before, during and after."""

    watches = (Meeting, Purpose, Attendee, AgendaItem, Material, ChecklistItem, ChangeRecord)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting: Meeting | None = None
        label = context.label
        edit = context.editor.edit

        self.summary = QLabel(self)
        self.summary.setObjectName("kickoffSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.purposes = RecordTableModel[Purpose](
            [
                Column(self.tr("Purpose"), lambda p: label(KickoffPurpose(p.purpose))),
                Column(
                    self.tr("State"),
                    lambda p: p.state,
                    display=lambda p: label(PurposeState(p.state)),
                    choices=context.choices(PurposeState),
                    edit=lambda p, v: edit(
                        Purpose, p.id, {"state": v}, self.tr("Change purpose state")
                    ),
                ),
                Column(
                    self.tr("Evidence"),
                    lambda p: p.evidence,
                    stretch=True,
                    edit=lambda p, v: edit(
                        Purpose, p.id, {"evidence": v}, self.tr("Edit purpose evidence")
                    ),
                ),
            ],
            self,
        )
        self.attendees = RecordTableModel[Attendee](
            [
                Column(self.tr("Name"), lambda a: a.person.name),
                Column(self.tr("Side"), lambda a: label(Side(a.person.side))),
                Column(self.tr("Role"), lambda a: label(Role(a.person.role))),
                Column(
                    self.tr("Responsibility"),
                    lambda a: a.responsibility,
                    stretch=True,
                    edit=lambda a, v: edit(
                        Attendee, a.id, {"responsibility": v}, self.tr("Edit responsibility")
                    ),
                ),
                Column(
                    self.tr("RSVP"),
                    lambda a: a.rsvp,
                    display=lambda a: label(Rsvp(a.rsvp)),
                    choices=context.choices(Rsvp),
                    edit=lambda a, v: edit(Attendee, a.id, {"rsvp": v}, self.tr("Change RSVP")),
                ),
            ],
            self,
        )
        self.agenda = RecordTableModel[AgendaItem](
            [
                Column(
                    self.tr("#"),
                    lambda a: a.position,
                    display=lambda a: str(self.agenda.rows().index(a) + 1),
                    align_right=True,
                ),
                Column(self.tr("Item"), lambda a: a.title, stretch=True),
                Column(self.tr("Presenter"), lambda a: a.presenter.name if a.presenter else ""),
                Column(self.tr("Minutes"), lambda a: a.minutes_allotted, align_right=True),
            ],
            self,
        )
        self.agenda_total = QLabel(self)
        self.materials = RecordTableModel[Material](
            [
                Column(self.tr("Material"), lambda m: m.title),
                Column(self.tr("Kind"), lambda m: label(MaterialKind(m.kind))),
                Column(self.tr("Version"), lambda m: m.version),
                Column(self.tr("Sent to client"), lambda m: m.sent_on),
                Column(self.tr("Status"), lambda m: label(MaterialStatus(m.status))),
                Column(self.tr("Client's additions"), lambda m: m.client_feedback, stretch=True),
            ],
            self,
        )
        self.checklist = RecordTableModel[ChecklistItem](
            [
                Column(
                    self.tr("Done"),
                    lambda c: c.done_at is not None,
                    checkable=True,
                    edit=self._set_done,
                ),
                Column(self.tr("Phase"), lambda c: label(Phase(c.phase))),
                Column(self.tr("Step"), lambda c: c.text, stretch=True),
                Column(self.tr("Due"), self._due),
            ],
            self,
        )
        self.checklist.background = self._checklist_brush
        self.changes = RecordTableModel[ChangeRecord](
            [
                Column(self.tr("When"), lambda c: c.changed_at),
                Column(self.tr("What"), lambda c: label(ChangeField(c.field))),
                Column(self.tr("Change"), lambda c: c.description, stretch=True),
                Column(
                    self.tr("Confirmed by"),
                    lambda c: c.confirmed_by.name if c.confirmed_by else "",
                ),
            ],
            self,
        )

        self.views = {
            "purposes": record_table(self.purposes, self.tr("Kickoff purposes"), self),
            "attendees": record_table(self.attendees, self.tr("Attendees"), self),
            "agenda": record_table(self.agenda, self.tr("Agenda"), self),
            "materials": record_table(self.materials, self.tr("Materials"), self),
            "checklist": record_table(self.checklist, self.tr("Checklist"), self),
            "changes": record_table(self.changes, self.tr("Re-confirmation changes"), self),
        }
        agenda_box = QWidget(self)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.views["agenda"])
        agenda_layout.addWidget(self.agenda_total)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.setObjectName("kickoffLeftSplitter")
        left.addWidget(group(self.tr("The four purposes"), self.views["purposes"]))
        left.addWidget(group(self.tr("Attendees and division of labour"), self.views["attendees"]))
        left.addWidget(group(self.tr("Agenda"), agenda_box))
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("kickoffRightSplitter")
        right.addWidget(group(self.tr("Checklist: before, during, after"), self.views["checklist"]))
        right.addWidget(group(self.tr("Materials"), self.views["materials"]))
        right.addWidget(group(self.tr("Re-confirmation change log"), self.views["changes"]))
        columns = QSplitter(Qt.Orientation.Horizontal, self)
        columns.setObjectName("kickoffColumnsSplitter")
        columns.addWidget(left)
        columns.addWidget(right)
        columns.setStretchFactor(0, 1)
        columns.setStretchFactor(1, 1)
        self.splitters = [columns, left, right]

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(columns, 1)

    def reload(self) -> None:
        meeting = meetings.kickoff_meeting(self.project_id) if self.project_id else None
        self.meeting = meeting
        if meeting is None:
            self.summary.setText(
                self.tr("This project has no kickoff meeting yet.")
                if self.project_id
                else self.tr("No project is open.")
            )
            for model in (self.purposes, self.attendees, self.agenda, self.checklist):
                model.set_rows([])
            self.changes.set_rows([])
            self.materials.set_rows([])
            self.agenda_total.clear()
            return
        self.summary.setText(self._summary_html(meeting))
        self.purposes.set_rows(meetings.purposes(meeting.id))
        self.attendees.set_rows(meetings.attendees(meeting.id))
        agenda = meetings.agenda(meeting.id)
        self.agenda.set_rows(agenda)
        self.agenda_total.setText(self._agenda_total(meeting, agenda))
        self.materials.set_rows(meetings.materials(meeting.project_id))
        self.checklist.set_rows(meetings.checklist(meeting.id))
        self.changes.set_rows(meetings.change_records(meeting.id))
        for view in self.views.values():
            fit_columns(view)

    def _summary_html(self, meeting: Meeting) -> str:
        when = self.tr("time not set")
        if meeting.starts_at:
            when = meeting.starts_at.strftime("%Y-%m-%d %H:%M")
            if meeting.ends_at:
                when += "–" + meeting.ends_at.strftime("%H:%M")
        return self.tr("<b>{title}</b> · {when} · {venue} · <i>{status}</i>").format(
            title=html.escape(meeting.title),
            when=when,
            venue=html.escape(meeting.venue) or self.tr("venue not set"),
            status=self.context.label(MeetingStatus(meeting.status)),
        )

    def _agenda_total(self, meeting: Meeting, agenda: list[AgendaItem]) -> str:
        total = sum(item.minutes_allotted for item in agenda)
        if meeting.starts_at and meeting.ends_at:
            length = int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
            text = self.tr("Agenda: {total} of {length} minutes").format(total=total, length=length)
            if total > length:
                text += " — " + self.tr("over the meeting's length")
            return text
        return self.tr("Agenda: {total} minutes").format(total=total)

    def _due(self, item: ChecklistItem) -> dt.datetime | None:
        assert self.meeting is not None
        return meetings.checklist_due(item, self.meeting)

    def _checklist_brush(self, item: ChecklistItem) -> QBrush | None:
        assert self.meeting is not None
        if item.done_at is not None:
            return DONE_BRUSH
        if meetings.is_checklist_overdue(item, self.meeting, self.context.now()):
            return OVERDUE_BRUSH
        return None

    def _set_done(self, item: ChecklistItem, done: bool) -> None:
        when = self.context.now().replace(microsecond=0) if done else None
        text = self.tr("Tick checklist step") if done else self.tr("Untick checklist step")
        self.context.editor.edit(ChecklistItem, item.id, {"done_at": when}, text)
