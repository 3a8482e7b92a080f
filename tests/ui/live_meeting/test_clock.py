"""The meeting clock: started, stopped at the end (the time stays), started again after a
break; Ctrl+Shift+T does the same from the keyboard."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import Meeting, MeetingKind, MeetingStatus
from pmdesk.services import capture
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import START, Clock, open_meeting

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_clock_starts_stops_and_starts_again(
    qtbot: QtBot, tab: LiveMeetingTab, clock: Clock
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    Meeting.update(status=MeetingStatus.CONFIRMED.value).where(Meeting.id == meeting.id).execute()
    qtbot.mouseClick(tab.clock.start_button, Qt.MouseButton.LeftButton)
    assert capture.clock_start(meeting.id) == START
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.HELD.value
    assert tab.clock.stop_button.isEnabled() and not tab.clock.start_button.isEnabled()

    clock.now = START + dt.timedelta(minutes=50)
    qtbot.mouseClick(tab.clock.stop_button, Qt.MouseButton.LeftButton)
    clock.now = START + dt.timedelta(minutes=70)
    tab.clock.ticker.timeout.emit()
    assert tab.clock.label.text() == "Stopped at 50:00", "the time stays where it stopped"
    assert tab.clock.start_button.text() == "Start clock again"

    tab.capture.bar.line.setFocus()
    qtbot.keyClick(tab.capture.bar.line, Qt.Key.Key_T, CTRL_SHIFT)  # start again
    assert capture.clock_stopped(meeting.id) is None
    assert capture.clock_start(meeting.id) == START, "times keep counting from the start"
    tab.clock.ticker.timeout.emit()
    assert tab.clock.label.text() == "Elapsed 1:10:00"
    qtbot.keyClick(tab.capture.bar.line, Qt.Key.Key_T, CTRL_SHIFT)  # stop
    assert capture.clock_stopped(meeting.id) == START + dt.timedelta(minutes=70)


def test_a_past_meeting_clock_is_not_running(tab: LiveMeetingTab) -> None:
    open_meeting(tab, MeetingKind.OTHER)  # the demo's meeting of two weeks ago
    assert tab.clock.label.text().startswith("Started ")
    assert not tab.clock.stop_button.isEnabled() and tab.clock.start_button.isEnabled()
