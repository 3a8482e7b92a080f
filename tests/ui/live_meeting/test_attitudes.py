"""Attitudes and valued outcomes recorded from notes and attendees."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    Assessment,
    Attendee,
    LeaderPriority,
    MeetingKind,
    Outcome,
    Person,
)
from pmdesk.ui.live_meeting import attitudes
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import accept_with, click_row, open_meeting

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_attitude_observation_from_a_note_goes_to_the_history(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    cfo = Person.get(Person.title == "Chief Financial Officer")
    row = next(
        r
        for r in range(tab.capture.notes.rowCount())
        if tab.capture.notes.row(r).speaker_id == cfo.id
    )
    tab.capture.notes_view.selectRow(row)

    def prepare(dialog: Any) -> None:
        assert dialog.person.currentData() == cfo.id
        dialog.engagement.setCurrentIndex(dialog.engagement.findData("supportive"))

    accept_with(attitudes.ObservationDialog, monkeypatch, prepare)
    before = Assessment.select().where(Assessment.person == cfo.id).count()
    tab.capture.observe_button.click()
    latest = (
        Assessment.select().where(Assessment.person == cfo.id).order_by(Assessment.id.desc()).get()
    )
    assert (
        latest.source == f"meeting {meeting.title}"
        and latest.note.id == tab.capture.notes.row(row).id
    )
    assert Person.get_by_id(cfo.id).engagement_current == "supportive"
    row = [a.person_id for a in tab.attitudes.attitudes.rows()].index(cfo.id)
    assert tab.attitudes.attitudes.data(tab.attitudes.attitudes.index(row, 3)) == "Supportive"
    tab.context.editor.stack.undo()
    assert Assessment.select().where(Assessment.person == cfo.id).count() == before
    assert Person.get_by_id(cfo.id).engagement_current == "neutral"


def test_valued_outcome_from_a_note(tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch) -> None:
    open_meeting(tab, MeetingKind.OTHER)
    cio = Person.get(Person.title == "Chief Information Officer")
    row = next(
        r
        for r in range(tab.capture.notes.rowCount())
        if tab.capture.notes.row(r).speaker_id == cio.id
    )
    note = tab.capture.notes.row(row)
    tab.capture.notes_view.selectRow(row)
    outcome = Outcome.get(Outcome.title.contains("spend"))

    def prepare(dialog: Any) -> None:
        assert dialog.leader.currentData() == cio.id and dialog.link_note.isChecked()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome.id))
        dialog.rank.setValue(1)

    accept_with(attitudes.ValuedOutcomeDialog, monkeypatch, prepare)
    tab.capture.value_button.click()
    priority = LeaderPriority.get(
        (LeaderPriority.person == cio.id) & (LeaderPriority.outcome == outcome.id)
    )
    assert priority.rank == 1
    shown = [tab.attitudes.priorities.row(r).id for r in range(tab.attitudes.priorities.rowCount())]
    assert priority.id in shown
    shows = tab.attitudes.priorities.data(
        tab.attitudes.priorities.index(shown.index(priority.id), 4)
    )
    assert note.text in shows
    tab.context.editor.stack.undo()
    assert LeaderPriority.get_or_none(LeaderPriority.id == priority.id) is None


def test_mark_attended_by_key_on_the_speaker_and_on_a_clicked_attendee(
    qtbot: QtBot, tab: LiveMeetingTab
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    not_there = [a for a in tab.capture.shown.attendees if a.rsvp != "attended"]  # type: ignore[union-attr]
    ids = [a.person_id for a in tab.capture.shown.attendees]  # type: ignore[union-attr]
    first, second = not_there[0], not_there[1]
    line = tab.capture.bar.line
    line.setFocus()
    number = ids.index(first.person_id) + 1
    qtbot.keyClick(line, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL_SHIFT)
    assert Attendee.get_by_id(first.id).rsvp == "attended"

    tab.pages.setCurrentWidget(tab.attitudes)
    view = tab.attitudes.attitudes_view
    row = [a.id for a in tab.attitudes.attitudes.rows()].index(second.id)
    click_row(qtbot, view, row)
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL_SHIFT)
    assert Attendee.get_by_id(second.id).rsvp == "attended"
    shown = tab.attitudes.attitudes
    row = [a.id for a in shown.rows()].index(second.id)
    assert shown.data(shown.index(row, shown.column_index("Attendance"))) == "Attended"
    tab.context.editor.stack.undo()
    assert Attendee.get_by_id(second.id).rsvp == second.rsvp
    assert meeting.id == tab.meeting_id


def test_a_speaker_is_recorded_present(qtbot: QtBot, tab: LiveMeetingTab) -> None:
    open_meeting(tab, MeetingKind.KICKOFF)
    invited = next(a for a in tab.capture.shown.attendees if a.rsvp == "invited")  # type: ignore[union-attr]
    ids = [a.person_id for a in tab.capture.shown.attendees]  # type: ignore[union-attr]
    line = tab.capture.bar.line
    line.setFocus()
    number = ids.index(invited.person_id) + 1
    qtbot.keyClick(line, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, "We can send the extract on Friday")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert Attendee.get_by_id(invited.id).rsvp == "attended"


def test_an_observation_is_for_the_note_clicked(
    qtbot: QtBot, tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Click row 3, record an attitude; click row 4, record one: each carries its note."""
    meeting = open_meeting(tab, MeetingKind.OTHER)
    notes = tab.capture.notes
    client = {
        a.person_id
        for a in tab.capture.shown.attendees  # type: ignore[union-attr]
        if a.person.side == "client"
    }
    rows = [r for r in range(notes.rowCount()) if notes.row(r).speaker_id in client][2:4]
    assert len(rows) == 2
    comments: list[str] = []

    def prepare(dialog: Any) -> None:
        comments.append(dialog.comment.toPlainText())
        dialog.engagement.setCurrentIndex(dialog.engagement.findData("supportive"))

    accept_with(attitudes.ObservationDialog, monkeypatch, prepare)
    for row in rows:
        click_row(qtbot, tab.capture.notes_view, row, notes.column_index("Note"))
        qtbot.mouseClick(tab.capture.observe_button, Qt.MouseButton.LeftButton)
    third, fourth = (notes.row(r) for r in rows)
    assert comments == [third.text, fourth.text]
    latest = list(
        Assessment.select()
        .where(Assessment.note.in_([third.id, fourth.id]))
        .order_by(Assessment.id.desc())
    )[:2]
    assert meeting.id == tab.meeting_id
    assert [(a.note_id, a.person_id) for a in reversed(latest)] == [
        (third.id, third.speaker_id),
        (fourth.id, fourth.speaker_id),
    ]
