"""Live meeting: the review of open items (R/K/D) and the agenda timer following Ctrl+↓."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import AgendaItem, CarryOutcome, Meeting
from pmdesk.services import series
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import Clock, click_row


def open_planned_review(tab: LiveMeetingTab) -> Meeting:
    planned = Meeting.get(
        (Meeting.project == tab.project_id)
        & (Meeting.status == "planned")
        & Meeting.series.is_null(False)
    )
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(planned.id))
    return planned


def test_review_of_open_items_one_key_each(
    qtbot: QtBot, tab: LiveMeetingTab, problems: list[str]
) -> None:
    planned = open_planned_review(tab)
    tab.pages.setCurrentWidget(tab.open_items)
    view = tab.open_items.review.table
    assert view.model().rowCount() >= 2
    assert not tab.open_items.empty.isVisible()
    click_row(qtbot, view, 0, 1)
    qtbot.keyClick(view, Qt.Key.Key_D)
    qtbot.keyClick(view, Qt.Key.Key_R)
    outcomes = [c.outcome for c in series.carried_items(planned.id)]
    assert outcomes[:2] == [CarryOutcome.DROPPED, CarryOutcome.RESOLVED]
    assert problems == []


def test_agenda_timer_follows_the_capture_bar(
    qtbot: QtBot, tab: LiveMeetingTab, clock: Clock, problems: list[str]
) -> None:
    planned = open_planned_review(tab)
    timer = tab.agenda_timer
    line = tab.capture.bar.line
    line.setFocus()
    qtbot.keyClick(
        line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert timer.position == 0
    first = timer.items[0]
    clock.now += dt.timedelta(minutes=first.minutes_allotted + 1)
    timer.refresh()
    assert timer.label.property("state") == "red"
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert timer.position == 1
    assert AgendaItem.get_by_id(first.id).seconds_used == (first.minutes_allotted + 1) * 60
    assert planned.id == tab.meeting_id
    timer.stop()
    assert problems == []
