"""The agenda by keyboard: add, reorder, slot times and the total, with undo."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import AgendaItem
from pmdesk.ui.dialogs import kickoff_forms

from .conftest import Harness, answer, select, show_section


def test_agenda_by_keyboard_add_reorder_and_undo(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    section = tab.agenda
    show_section(tab, section, qtbot)
    before = [item.id for item in section.model.rows()]

    def fill(dialog: Any) -> None:
        dialog.title.setText("Questions and answers")
        dialog.minutes.setValue(15)

    answer(monkeypatch, kickoff_forms.AgendaItemDialog, fill)
    qtbot.keyClick(section.view, Qt.Key.Key_Insert)
    rows = section.model.rows()
    assert [r.title for r in rows][-1] == "Questions and answers"
    assert "135 of 120 minutes" in section.total.text()
    assert "15 minutes over" in section.total.text()

    select(section.view, len(rows) - 1)
    qtbot.keyClick(section.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    titles = [r.title for r in section.model.rows()]
    assert titles[-2] == "Questions and answers"
    assert section.current(section.view).title == titles[-2], "the selection follows the move"
    slot = section.model.index(len(rows) - 2, section.model.column_index("Time"))
    assert section.model.data(slot) == "11:20–11:35"

    demo.stack.undo()
    assert [r.title for r in section.model.rows()][-1] == "Questions and answers"
    demo.stack.undo()
    assert [item.id for item in section.model.rows()] == before
    assert AgendaItem.select().where(AgendaItem.title == "Questions and answers").count() == 0


def test_double_click_on_a_plain_cell_opens_that_items_form(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = demo.tab.agenda
    show_section(demo.tab, section, qtbot)
    third = section.model.row(2)
    opened: list[str] = []

    def fill(dialog: Any) -> None:
        opened.append(dialog.title.text())
        dialog.title.setText("Renamed by its form")

    answer(monkeypatch, kickoff_forms.AgendaItemDialog, fill)
    cell = section.model.index(2, section.model.column_index("Time"))  # no editor of its own
    rect = section.view.visualRect(cell)
    # A user's double click: the press that makes the cell current, then the double one.
    qtbot.mouseClick(section.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(section.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [third.title]
    assert AgendaItem.get_by_id(third.id).title == "Renamed by its form"
