"""Who said what: each speaker's notes, following the current row."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pmdesk.models import (
    MeetingKind,
    Person,
)
from pmdesk.services import capture
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import click_row, open_meeting


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


def test_the_pane_follows_the_speaker_clicked(qtbot: QtBot, tab: LiveMeetingTab) -> None:
    """A mouse click on row 3, then row 4: the pane shows each one's notes at once."""
    open_meeting(tab, MeetingKind.OTHER)
    tab.pages.setCurrentWidget(tab.speakers)
    section = tab.speakers
    model = section.speaker_summary
    assert model.rowCount() >= 4
    for row in (2, 3):
        click_row(qtbot, section.speaker_view, row, 1)
        summary = model.row(row)
        shown = section.speaker_notes.rows()
        assert shown == list(summary.notes)
        assert summary.person is not None and summary.person.name in section.speaker_title.text()
