"""Live meeting fixtures: the demo project's tab with a settable clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, Meeting, MeetingKind
from pmdesk.services import Changes
from pmdesk.ui.live_meeting.tab import LiveMeetingTab
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor

START = dt.datetime(2026, 11, 30, 9, 30)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected fails the test instead of waiting for a click."""

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def problems() -> list[str]:
    return []


def make_tab(
    qtbot: QtBot, project_id: int, settings: QSettings, clock: Clock, problems: list[str]
) -> LiveMeetingTab:
    tabs: list[LiveMeetingTab] = []

    def notify(changes: Changes) -> None:
        for tab in tabs:
            tab.on_data_changed(changes)

    editor = Editor(QUndoStack(), notify, problems.append)
    tab = LiveMeetingTab(TabContext(editor, Language.EN, settings, clock))
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.set_project(project_id)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitActive(tab)
    return tab


def open_meeting(tab: LiveMeetingTab, kind: MeetingKind) -> Meeting:
    meeting = Meeting.get((Meeting.project == tab.project_id) & (Meeting.kind == kind.value))
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(meeting.id))
    return meeting


@pytest.fixture
def tab(
    qtbot: QtBot, demo_db: int, settings: QSettings, clock: Clock, problems: list[str]
) -> LiveMeetingTab:
    return make_tab(qtbot, demo_db, settings, clock, problems)


def accept_with(dialog_class: type, monkeypatch: pytest.MonkeyPatch, prepare: Any) -> None:
    def exec_(dialog: Any) -> int:
        prepare(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(dialog_class, "exec", exec_)


def click_row(qtbot: QtBot, view: Any, row: int, column: int = 0) -> None:
    """A mouse click on a row of a table view, as the user makes it."""
    from PySide6.QtCore import Qt

    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
