"""Who said what: each speaker's notes, following the current row."""

from __future__ import annotations

from pmdesk.models import (
    MeetingKind,
    Person,
)
from pmdesk.services import capture
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import open_meeting


def test_who_said_what_lists_each_speaker_in_order(tab: LiveMeetingTab) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    model = tab.speakers.speaker_summary
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    cfo = Person.get(Person.title == "Chief Financial Officer")
    row = names.index(cfo.name)
    assert model.data(model.index(row, 3)) == "4"
    assert "Valued outcome 1" in model.data(model.index(row, 4))
    tab.speakers.speaker_view.selectRow(row)
    said = [tab.speakers.speaker_notes.row(r) for r in range(tab.speakers.speaker_notes.rowCount())]
    assert [n.speaker_id for n in said] == [cfo.id] * 4
    assert [n.offset_seconds for n in said] == sorted(n.offset_seconds for n in said)
    assert said == [n for n in capture.meeting_notes(meeting.id) if n.speaker_id == cfo.id]
