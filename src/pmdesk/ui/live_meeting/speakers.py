"""Who said what: each speaker's count of notes by kind, and everything the one chosen said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from pmdesk.models import Note, NoteKind, Role
from pmdesk.services import capture
from pmdesk.services.capture import SpeakerSummary
from pmdesk.ui.live_meeting.common import MeetingSection, MeetingShown, clock, internal_brush
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.capture_bar import SPEAKER_KEYS
from pmdesk.ui.widgets.selection import current_record, follow_current, select_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


def _speaker_key(summary: SpeakerSummary) -> int | None:
    return summary.person.id if summary.person is not None else None


class SpeakersSection(MeetingSection):
    """The speakers of the meeting; the pane below follows the current speaker."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("speakersSection")
        label = context.label
        self.speaker_summary = RecordTableModel[SpeakerSummary](
            [
                Column(self.tr("#"), self._speaker_number, align_right=True),
                Column(self.tr("Name"), lambda s: s.person.name if s.person else self.tr("—")),
                Column(
                    self.tr("Role"),
                    lambda s: label(Role(s.person.role)) if s.person else "",
                ),
                Column(self.tr("Notes"), lambda s: len(s.notes), align_right=True),
                Column(
                    self.tr("What they said"),
                    lambda s: " · ".join(
                        f"{label(kind)} {count}"
                        for kind, count in sorted(
                            s.kinds.items(), key=lambda kc: list(NoteKind).index(kc[0])
                        )
                    ),
                    stretch=True,
                ),
            ],
            self,
        )
        self.speaker_view = record_table(self.speaker_summary, self.tr("Speakers"), self)
        self.speaker_notes = RecordTableModel[Note](
            [
                Column(
                    self.tr("Time"),
                    lambda n: n.offset_seconds,
                    display=lambda n: clock(n.offset_seconds),
                    align_right=True,
                ),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(
                    self.tr("Agenda item"), lambda n: n.agenda_item.title if n.agenda_item else ""
                ),
                Column(
                    self.tr("Internal"),
                    lambda n: self.tr("internal") if n.internal else "",
                ),
                Column(self.tr("Note"), lambda n: n.text, stretch=True),
            ],
            self,
        )
        self.speaker_notes.background = internal_brush
        self.speaker_notes_view = record_table(
            self.speaker_notes, self.tr("Everything the speaker said"), self
        )
        self.speaker_notes_view.setWordWrap(True)
        self.speaker_title = QLabel(self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.speaker_title)
        right_layout.addWidget(self.speaker_notes_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("liveMeetingSpeakerSplitter")
        self.splitter.addWidget(self.speaker_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.splitter)
        follow_current(self.speaker_view, self.speaker_summary, self._show_speaker_notes)

    def show_meeting(self, shown: MeetingShown | None) -> None:
        chosen = current_record(self.speaker_view, self.speaker_summary)
        chosen_id = _speaker_key(chosen) if chosen is not None else None
        self.shown = shown
        summaries = capture.speaker_summaries(shown.notes, shown.attendees) if shown else []
        self.speaker_summary.set_rows(summaries)
        fit_columns(self.speaker_view)
        if chosen is None or not select_record(
            self.speaker_view, self.speaker_summary, chosen_id, _speaker_key
        ):
            self._show_speaker_notes(None)

    def _speaker_number(self, summary: SpeakerSummary) -> str:
        ids = [a.person_id for a in self.shown.attendees] if self.shown else []
        if summary.person is None or summary.person.id not in ids:
            return ""
        number = ids.index(summary.person.id)
        return SPEAKER_KEYS[number] if number < len(SPEAKER_KEYS) else ""

    def _show_speaker_notes(self, summary: SpeakerSummary | None) -> None:
        if summary is None:
            self.speaker_title.setText(self.tr("Select a speaker to see everything they said."))
            self.speaker_notes.set_rows([])
            return
        name = summary.person.name if summary.person else self.tr("No speaker")
        self.speaker_title.setText(
            self.tr("{name}: %n note(s), in order", "", len(summary.notes)).format(name=name)
        )
        self.speaker_notes.set_rows(list(summary.notes))
        fit_columns(self.speaker_notes_view)
