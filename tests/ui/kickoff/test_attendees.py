"""Attendees: one added on the spot (a new person), one removed by Delete, one moved in
seniority, with undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import Attendee, Person
from pmdesk.services import people
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


def test_moving_an_attendee_moves_the_person_in_seniority(demo: Harness, qtbot: QtBot) -> None:
    tab = demo.tab
    section = tab.attendees
    show_section(tab, section, qtbot)

    def names() -> list[str]:
        return [a.person.name for a in section.model.rows()]

    before = names()
    helen = before.index("Helen Brooks")
    assert before[helen - 1] == "David Harrington", "leaders by seniority, the sponsor first"
    click_row(qtbot, section.view, helen)
    qtbot.keyClick(section.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names()[helen - 1 : helen + 1] == ["Helen Brooks", "David Harrington"]
    assert section.model.row(section.view.currentIndex().row()).person.name == "Helen Brooks"
    project_id = section.model.row(0).person.project_id
    leaders = [p.name for p in people.list_people(project_id) if p.role == "client_leader"]
    assert leaders[:2] == ["Helen Brooks", "David Harrington"], "the register follows"
    demo.stack.undo()
    assert names() == before
