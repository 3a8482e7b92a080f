"""The change log: logging a venue change moves the meeting there, in one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import ChangeRecord, Meeting
from pmdesk.ui.dialogs import kickoff_forms

from .conftest import Harness, answer, show_section


def test_logging_a_venue_change_updates_the_venue(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    section = tab.changes
    show_section(tab, section, qtbot)
    meeting = tab.meeting
    assert meeting is not None
    old_venue = meeting.venue
    count = ChangeRecord.select().count()

    def fill(dialog: kickoff_forms.ChangeDialog) -> None:
        dialog.field.setCurrentIndex(dialog.field.findData("venue"))
        assert dialog.venue.isVisibleTo(dialog)
        dialog.description.setPlainText("Room moved to the 12th floor")
        dialog.venue.selectAll()
        qtbot.keyClicks(dialog.venue, "HQ 12F Boardroom")

    answer(monkeypatch, kickoff_forms.ChangeDialog, fill)
    qtbot.keyClick(section.view, Qt.Key.Key_Insert)
    assert ChangeRecord.select().count() == count + 1
    assert Meeting.get_by_id(meeting.id).venue == "HQ 12F Boardroom"
    assert tab.details.venue_edit.text() == "HQ 12F Boardroom"

    demo.stack.undo()  # one step: the record and the venue
    assert ChangeRecord.select().count() == count
    assert Meeting.get_by_id(meeting.id).venue == old_venue
