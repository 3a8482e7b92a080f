"""Attendees: one added on the spot (a new person), one removed by Delete, with undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import Attendee, Person
from pmdesk.ui.dialogs import kickoff_pickers

from .conftest import Harness, answer, click_row, show_section


def test_an_attendee_added_on_the_spot_and_removed_with_undo(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    section = tab.attendees
    show_section(tab, section, qtbot)
    count = section.model.rowCount()

    def fill(dialog: Any) -> None:
        dialog.name.setText("Grace Liu")
        dialog.email.setText("grace.liu@example.com")
        dialog.title.setText("Internal Audit Manager")

    answer(monkeypatch, kickoff_pickers.AttendeesDialog, fill)
    section.add_action.trigger()
    assert section.model.rowCount() == count + 1
    grace = Person.get(Person.name == "Grace Liu")
    assert (grace.side, grace.role) == ("client", "cooperating_staff")
    demo.stack.undo()
    assert Person.get_or_none(Person.name == "Grace Liu") is None
    assert section.model.rowCount() == count

    click_row(qtbot, section.view, 0)
    removed = section.model.row(0)
    qtbot.keyClick(section.view, Qt.Key.Key_Delete)
    assert Attendee.get_or_none(Attendee.id == removed.id) is None
    demo.stack.undo()
    assert Attendee.get_by_id(removed.id).responsibility == removed.responsibility
