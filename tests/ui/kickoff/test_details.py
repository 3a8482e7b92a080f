"""The meeting's details: typed dates and times, the change log offer on a confirmed one."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import ChangeRecord, Meeting
from pmdesk.services import meetings
from pmdesk.ui.dialogs import kickoff_forms

from .conftest import Harness, answer


def _retype(qtbot: QtBot, line, text: str) -> None:  # type: ignore[no-untyped-def]
    line.setFocus(Qt.FocusReason.TabFocusReason)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_moving_the_confirmed_meeting_moves_due_times_and_logs_the_change(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    meeting = tab.meeting
    assert meeting is not None
    dues = {c.id: meetings.checklist_due(c, meeting) for c in tab.checklist.model.rows()}
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    answer(monkeypatch, kickoff_forms.ChangeDialog, lambda d: None)

    _retype(qtbot, tab.details.start_edit.line, "10:30")
    moved = Meeting.get_by_id(meeting.id)
    assert (moved.starts_at.time(), moved.ends_at.time()) == (dt.time(10, 30), dt.time(12, 30))
    for item in meetings.checklist(meeting.id):
        assert meetings.checklist_due(item, moved) == dues[item.id] + dt.timedelta(hours=1)
    logged = meetings.change_records(meeting.id)[-1]
    assert logged.field == "time" and "09:30–11:30 → " in logged.description
    assert logged.confirmed_by.role == "client_lead"

    demo.stack.undo()  # the log entry
    demo.stack.undo()  # the move
    assert Meeting.get_by_id(meeting.id).starts_at == meeting.starts_at
    assert tab.details.start_edit.value() == dt.time(9, 30)
    assert ChangeRecord.select().where(ChangeRecord.id == logged.id).count() == 0


def test_typing_a_new_date_over_the_old_one(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    meeting = tab.meeting
    assert meeting is not None and meeting.starts_at is not None
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No
    )
    _retype(qtbot, tab.details.date_edit.line, "2027-01-15")
    moved = Meeting.get_by_id(meeting.id)
    assert moved.starts_at == dt.datetime.combine(dt.date(2027, 1, 15), meeting.starts_at.time())
    assert tab.details.date_edit.line.text() == "2027-01-15"
