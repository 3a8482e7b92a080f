"""Capture: keyboard notes, autosave and restore, edits, quick action items."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    ActionSource,
    MeetingKind,
    Note,
    NoteKind,
)
from pmdesk.services import capture, progress
from pmdesk.ui.live_meeting import capture as capture_section
from pmdesk.ui.live_meeting.common import INTERNAL_BRUSH
from pmdesk.ui.live_meeting.tab import LiveMeetingTab
from pmdesk.ui.widgets.capture_bar import KIND_KEYS

from .conftest import START, Clock, accept_with, make_tab, open_meeting


def test_sixty_notes_from_the_keyboard_alone(
    qtbot: QtBot, tab: LiveMeetingTab, clock: Clock, problems: list[str]
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    speakers = [a.person_id for a in tab.capture.shown.attendees]
    line = tab.capture.bar.line
    line.setFocus()
    qtbot.keyClick(
        line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    kinds = list(KIND_KEYS)
    for n in range(60):
        clock.now = START + dt.timedelta(seconds=10 * (n + 1))
        digit = "1234567890"[n % 10]
        qtbot.keyClick(
            line, Qt.Key(Qt.Key.Key_0.value + int(digit)), Qt.KeyboardModifier.ControlModifier
        )
        qtbot.keyClick(line, KIND_KEYS[kinds[n % 7]])
        if n == 59:
            qtbot.keyClick(line, Qt.Key.Key_F9)
        if n % 10 == 9:
            qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, f"Point {n}: 3 plants, 12 days")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert problems == []
    notes = capture.meeting_notes(meeting.id)
    assert len(notes) == 60
    for n, note in enumerate(notes):
        assert note.text == f"Point {n}: 3 plants, 12 days"  # digits stay in the text
        assert note.speaker_id == speakers[n % 10]
        assert note.kind == kinds[n % 7].value
        assert note.offset_seconds == 10 * (n + 1)
        assert note.internal == (n == 59)
    assert notes[0].agenda_item.title != notes[10].agenda_item.title  # Ctrl+Down moved on
    assert tab.capture.notes.rowCount() == 60 and line.text() == ""
    assert tab.capture.bar.kind == NoteKind.REMARK and not tab.capture.bar.internal.isChecked()
    last = tab.capture.notes.rowCount() - 1
    index = tab.capture.notes.index(last, tab.capture.notes.column_index("Note"))
    assert tab.capture.notes.data(index, Qt.ItemDataRole.BackgroundRole) == INTERNAL_BRUSH
    assert "10:00" in tab.clock.label.text()

    tab.context.editor.stack.undo()  # Edit → Undo takes back the last note
    assert Note.select().where(Note.meeting == meeting.id).count() == 59
    assert tab.capture.notes.rowCount() == 59
    tab.context.editor.stack.redo()
    assert Note.get_by_id(notes[-1].id).text == "Point 59: 3 plants, 12 days"


def test_a_digit_alone_picks_the_speaker_in_the_list(qtbot: QtBot, tab: LiveMeetingTab) -> None:
    open_meeting(tab, MeetingKind.KICKOFF)
    tab.capture.bar.speakers.setFocus()
    qtbot.keyClick(tab.capture.bar.speakers, Qt.Key.Key_3)
    assert tab.capture.bar.speaker_id == tab.capture.shown.attendees[2].person_id
    assert tab.capture.bar.line.hasFocus()


def test_typing_is_autosaved_and_restored_after_a_crash(
    qtbot: QtBot,
    tab: LiveMeetingTab,
    demo_db: int,
    settings: QSettings,
    clock: Clock,
    problems: list[str],
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    qtbot.keyClicks(tab.capture.bar.line, "The CFO asks who owns the baseline")
    qtbot.waitUntil(lambda: capture.load_draft(meeting.id) is not None, timeout=3000)
    assert capture.load_draft(meeting.id).text == "The CFO asks who owns the baseline"  # type: ignore[union-attr]

    reopened = make_tab(qtbot, demo_db, settings, clock, problems)  # the app after a crash
    open_meeting(reopened, MeetingKind.KICKOFF)
    assert reopened.capture.bar.line.text() == "The CFO asks who owns the baseline"
    assert "Restored" in reopened.capture.bar.notice.text()
    reopened.capture.bar.line.setFocus()
    qtbot.keyClick(reopened.capture.bar.line, Qt.Key.Key_Return)
    assert capture.load_draft(meeting.id) is None
    assert Note.get(Note.meeting == meeting.id).text == "The CFO asks who owns the baseline"


def test_edit_delete_and_mark_internal_undo(tab: LiveMeetingTab) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    row = 0
    note = tab.capture.notes.row(row)
    internal = tab.capture.notes.index(row, tab.capture.notes.column_index("Internal"))
    tab.capture.notes.setData(internal, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert Note.get_by_id(note.id).internal
    text = tab.capture.notes.index(row, tab.capture.notes.column_index("Note"))
    tab.capture.notes.setData(text, "Corrected text", Qt.ItemDataRole.EditRole)
    assert Note.get_by_id(note.id).text == "Corrected text"
    tab.capture.notes_view.selectRow(row)
    count = Note.select().where(Note.meeting == meeting.id).count()
    tab.capture.delete_note_button.click()
    assert Note.get_or_none(Note.id == note.id) is None
    stack = tab.context.editor.stack
    stack.undo()
    stack.undo()
    stack.undo()
    restored = Note.get_by_id(note.id)
    assert restored.text != "Corrected text" and not restored.internal
    assert Note.select().where(Note.meeting == meeting.id).count() == count


def test_quick_action_item_from_a_note(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    tab.capture.notes_view.selectRow(0)
    note = tab.capture.notes.row(0)

    def prepare(dialog: Any) -> None:
        assert dialog.title.text() == note.text
        dialog.title.setText("Send the roadmap slide")

    accept_with(capture_section.ActionItemDialog, monkeypatch, prepare)
    tab.capture.action_button.click()
    action = ActionItem.get(ActionItem.title == "Send the roadmap slide")
    assert (action.source, action.note.id, action.meeting.id) == (
        ActionSource.NOTE.value,
        note.id,
        meeting.id,
    )
    assert action.owner_id == note.speaker_id and action.due_date is not None
    assert action.id in {a.id for a in progress.list_actions(tab.project_id)}  # type: ignore[arg-type]


def test_an_action_from_an_internal_note_says_it_stays_internal(
    qtbot: QtBot, tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    private, _ = capture.commit_note(
        meeting.id, "Ask Li privately about the late data", internal=True
    )
    tab.reload()
    section = tab.capture
    row = next(r for r in range(section.notes.rowCount()) if section.notes.row(r).id == private.id)
    view = section.notes_view
    rect = view.visualRect(section.notes.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seen: list[str] = []

    def prepare(dialog: Any) -> None:
        assert dialog.internal_warning is not None and dialog.internal_warning.isVisibleTo(dialog)
        seen.append(dialog.internal_warning.text())

    accept_with(capture_section.ActionItemDialog, monkeypatch, prepare)
    section.action_button.click()
    assert seen and "internal" in seen[0]
    action = ActionItem.get(ActionItem.note == private.id)
    assert action.id not in {a.id for a in capture.meeting_actions(meeting.id, client_facing=True)}
