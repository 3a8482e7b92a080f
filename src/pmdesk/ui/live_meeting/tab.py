"""Live meeting tab: capture every leader's remarks from the keyboard, see who said what,
record attitudes and valued outcomes, then send the minutes and track the reply.

This module only lays the sections out and hands each the meeting on screen; each
section (capture, speakers, attitudes, minutes, the clock) owns its table, actions and
detail pane. All changes go through the editor, so Edit → Undo takes them back.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import (
    ActionItem,
    AgendaItem,
    Assessment,
    Attendee,
    LeaderPriority,
    LeaderPriorityNote,
    Meeting,
    MeetingKind,
    MinutesDistribution,
    Note,
    Outcome,
    Person,
)
from pmdesk.services import capture, meetings
from pmdesk.ui.live_meeting.attitudes import AttitudesSection
from pmdesk.ui.live_meeting.capture import CaptureSection
from pmdesk.ui.live_meeting.clock import MeetingClock
from pmdesk.ui.live_meeting.common import MeetingShown
from pmdesk.ui.live_meeting.minutes import MinutesSection
from pmdesk.ui.live_meeting.open_items import OpenItemsSection
from pmdesk.ui.live_meeting.speakers import SpeakersSection
from pmdesk.ui.series.agenda_timer import AgendaTimer
from pmdesk.ui.tabs.base import ProjectTab, TabContext


class LiveMeetingTab(ProjectTab):
    """The meeting chooser and clock over four sections: capture, who said what,
    attitudes and outcomes, minutes and sending."""

    watches = (
        Meeting,
        Attendee,
        AgendaItem,
        Note,
        Person,
        Assessment,
        Outcome,
        LeaderPriority,
        LeaderPriorityNote,
        MinutesDistribution,
        ActionItem,
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting_box = QComboBox(self)
        self.meeting_box.setAccessibleName(self.tr("Meeting"))
        chooser = QLabel(self.tr("Meeti&ng:"), self)
        chooser.setBuddy(self.meeting_box)
        self.clock = MeetingClock(context, self)
        self.addAction(self.clock.toggle_action)
        self.count = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(chooser)
        top.addWidget(self.meeting_box, 1)
        top.addSpacing(12)
        top.addWidget(self.clock)
        top.addSpacing(12)
        top.addWidget(self.count)
        # The agenda timer follows the capture bar's agenda item (Ctrl+↓ moves on).
        self.agenda_timer = AgendaTimer(context, self)
        top.addSpacing(12)
        top.addWidget(self.agenda_timer)

        # Made before the sections: its page tabs come before the pages in Tab order.
        self.pages = QTabWidget(self)
        self.attitudes = AttitudesSection(context, self)
        self.capture = CaptureSection(
            context, self.attitudes.observe, self.attitudes.value_outcome, self
        )
        self.speakers = SpeakersSection(context, self)
        self.minutes = MinutesSection(context, self)
        self.open_items = OpenItemsSection(context, self)
        self.sections = (
            *(self.capture, self.speakers, self.attitudes, self.minutes),
            self.open_items,
        )

        self.pages.setObjectName("liveMeetingPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.capture, self.tr("&Capture"))
        self.pages.addTab(self.speakers, self.tr("&Who said what"))
        self.pages.addTab(self.attitudes, self.tr("Attit&udes and outcomes"))
        self.pages.addTab(self.minutes, self.tr("&Minutes and sending"))
        self.pages.addTab(self.open_items, self.tr("Review of open items"))
        self.splitters: list[QSplitter] = [
            self.capture.splitter,
            self.speakers.splitter,
            self.attitudes.splitter,
        ]

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.meeting_box.currentIndexChanged.connect(self._on_meeting_box_changed)
        self.clock.started.connect(self._on_clock_started)
        self.capture.bar.agenda.currentIndexChanged.connect(self._on_agenda_changed)

    def export_actions(self) -> list[QAction]:
        return [self.minutes.minutes_action, self.minutes.email_action]

    # -- showing -----------------------------------------------------------------------
    @property
    def meeting_id(self) -> int | None:
        data = self.meeting_box.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        current = self.meeting_id
        rows = meetings.list_meetings(self.project_id) if self.project_id else []
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in rows:
            when = meeting.starts_at.strftime("%Y-%m-%d") if meeting.starts_at else "—"
            kind = self.context.label(MeetingKind(meeting.kind))
            self.meeting_box.addItem(f"{when} · {kind} · {meeting.title}", meeting.id)
        # Keep the chosen meeting; otherwise open the most recent one that has notes.
        position = self.meeting_box.findData(current) if current is not None else -1
        if position < 0:
            counts = meetings.note_counts(self.project_id) if self.project_id else {}
            with_notes = [m.id for m in rows if counts.get(m.id)]
            position = self.meeting_box.findData(with_notes[0]) if with_notes else 0
        self.meeting_box.setCurrentIndex(position)
        self.meeting_box.blockSignals(False)
        self._show_meeting()

    def _on_meeting_box_changed(self, _index: int) -> None:
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting_id = self.meeting_id
        shown: MeetingShown | None = None
        if meeting_id is not None and self.project_id is not None:
            shown = MeetingShown(
                self.project_id,
                meeting_id,
                meetings.attendees(meeting_id),
                capture.meeting_notes(meeting_id),
            )
        self.pages.setEnabled(shown is not None)
        self.clock.show_meeting(meeting_id)
        self.agenda_timer.set_meeting(meeting_id)
        for section in self.sections:
            section.show_meeting(shown)
        if shown is None:
            self.count.setText(self.tr("No meetings yet."))
        else:
            self.count.setText(self.tr("%n note(s)", "", len(shown.notes)))

    def _on_clock_started(self) -> None:
        self.capture.bar.line.setFocus()
        self.agenda_timer.follow(self.capture.bar.agenda_item_id)

    def _on_agenda_changed(self, _index: int) -> None:
        if self.clock.running:
            self.agenda_timer.follow(self.capture.bar.agenda_item_id)

    def flush_draft(self) -> None:
        """Save the line being typed now."""
        self.capture.flush_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab, or the window closing: keep what was typed in the last half second.
        self.flush_draft()
        super().hideEvent(event)
