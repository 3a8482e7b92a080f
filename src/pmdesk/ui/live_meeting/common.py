"""What the Live meeting sections share: the meeting on screen and how note times read."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QWidget

from pmdesk.models import Attendee, Note, Rsvp
from pmdesk.services.capture import Reversible
from pmdesk.ui.tabs.base import TabContext

INTERNAL_BRUSH = QBrush(QColor("#fff1cc"))
#: Marks the current speaker (on the capture page) or the chosen attendee as attended.
MARK_ATTENDED_KEY = QKeySequence("Ctrl+Shift+A")


def clock(seconds: int) -> str:
    """A note's offset from the meeting start as h:mm:ss or mm:ss."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def internal_brush(note: Note) -> QBrush | None:
    return INTERNAL_BRUSH if note.internal else None


@dataclass
class MeetingShown:
    """The meeting the tab shows, loaded once per reload for all its sections."""

    project_id: int
    meeting_id: int
    attendees: list[Attendee] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class MeetingSection(QWidget):
    """One section of the Live meeting tab over the meeting shown."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.shown: MeetingShown | None = None

    @property
    def meeting_id(self) -> int | None:
        return self.shown.meeting_id if self.shown is not None else None

    def show_meeting(self, shown: MeetingShown | None) -> None:
        raise NotImplementedError

    def _record(self, text: str, change: Reversible) -> None:
        self.context.editor.record(text, redo=change.redo, undo=change.undo, changes=change.changes)

    def mark_attended(self, person_id: int | None) -> None:
        """Record the attendee `person_id` as attended (one undo step), or say why not."""
        attendees = self.shown.attendees if self.shown is not None else []
        attendee = next((a for a in attendees if a.person_id == person_id), None)
        if attendee is None:
            self.context.editor.report(
                self.tr("Choose an attendee first (Ctrl+1…9, 0 picks the speaker).")
            )
            return
        if attendee.rsvp == Rsvp.ATTENDED.value:
            return
        self.context.editor.edit_record(
            attendee,
            {"rsvp": Rsvp.ATTENDED.value},
            self.tr("Mark {name} attended").format(name=attendee.person.name),
        )
