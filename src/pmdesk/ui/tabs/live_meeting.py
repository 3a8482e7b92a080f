"""Live meeting tab: a meeting's attendees (numbered for one-key speaker choice) and notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Attendee, Meeting, MeetingKind, Note, NoteKind, Role
from pmdesk.services import meetings
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.tables import fit_columns, record_table

#: Speakers 1–9 and 0 get a key each during capture.
SPEAKER_KEYS = "1234567890"


def clock(seconds: int) -> str:
    """A note's offset from the meeting start as h:mm:ss or mm:ss."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class LiveMeetingTab(ProjectTab):
    """What every leader said in a meeting, in order, with its kind."""

    watches = (Meeting, Attendee, Note)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        self.meeting_box = QComboBox(self)
        self.meeting_box.setAccessibleName(self.tr("Meeting"))
        self.meeting_box.currentIndexChanged.connect(self._on_meeting_box_changed)
        chooser = QLabel(self.tr("&Meeting:"), self)
        chooser.setBuddy(self.meeting_box)

        self.speakers = QListWidget(self)
        self.speakers.setAccessibleName(self.tr("Speakers"))
        self.speakers.itemSelectionChanged.connect(self._on_speakers_selection_changed)

        self.notes = RecordTableModel[Note](
            [
                Column(
                    self.tr("Time"),
                    lambda n: n.offset_seconds,
                    display=lambda n: clock(n.offset_seconds),
                ),
                Column(self.tr("Speaker"), lambda n: n.speaker.name if n.speaker else ""),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(
                    self.tr("Internal"),
                    lambda n: n.internal,
                    checkable=True,
                    edit=lambda n, v: context.editor.edit(
                        Note, n.id, {"internal": v}, self.tr("Mark note internal")
                    ),
                ),
                Column(
                    self.tr("Note"),
                    lambda n: n.text,
                    stretch=True,
                    edit=lambda n, v: context.editor.edit(
                        Note, n.id, {"text": v}, self.tr("Edit note")
                    ),
                ),
            ],
            self,
        )
        self.notes_view = record_table(self.notes, self.tr("Notes"), self)
        self.count = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(chooser)
        top.addWidget(self.meeting_box, 1)
        top.addWidget(self.count)

        notes_box = QWidget(self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.notes_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("liveMeetingSplitter")
        split.addWidget(group(self.tr("Attendees (speaker keys)"), self.speakers))
        split.addWidget(group(self.tr("Notes"), notes_box))
        split.setStretchFactor(1, 3)
        self.splitters = [split]

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

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
        self.speakers.clear()
        if meeting_id is None:
            self.notes.set_rows([])
            self.count.setText(self.tr("No meetings yet."))
            return
        for number, attendee in enumerate(meetings.attendees(meeting_id)):
            key = SPEAKER_KEYS[number] if number < len(SPEAKER_KEYS) else " "
            role = self.context.label(Role(attendee.person.role))
            item = QListWidgetItem(f"{key}  {attendee.person.name} — {role}", self.speakers)
            item.setData(Qt.ItemDataRole.UserRole, attendee.person_id)
        notes = meetings.notes(meeting_id)
        self.notes.set_rows(notes)
        self._apply_speaker_filter()
        self.count.setText(self.tr("%n note(s)", "", len(notes)))
        fit_columns(self.notes_view)

    def _on_speakers_selection_changed(self) -> None:
        self._apply_speaker_filter()

    def _apply_speaker_filter(self) -> None:
        chosen = {item.data(Qt.ItemDataRole.UserRole) for item in self.speakers.selectedItems()}
        self.notes.set_filter((lambda n: n.speaker_id in chosen) if chosen else None)
