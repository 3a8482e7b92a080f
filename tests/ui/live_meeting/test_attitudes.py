"""Attitudes and valued outcomes recorded from notes and attendees."""

from __future__ import annotations

from typing import Any

import pytest

from pmdesk.models import (
    Assessment,
    LeaderPriority,
    MeetingKind,
    Outcome,
    Person,
)
from pmdesk.ui.live_meeting import attitudes
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import accept_with, open_meeting


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
