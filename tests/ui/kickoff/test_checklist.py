"""The checklist by keyboard: Ctrl+D and Space tick a step; overdue steps in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.models import ChecklistItem
from pmdesk.ui.kickoff.checklist import OVERDUE_TEXT

from .conftest import NOW, Harness, click_row, select, show_section


def test_ticking_a_step_by_keyboard_and_the_overdue_count(demo: Harness, qtbot: QtBot) -> None:
    tab = demo.tab
    section = tab.checklist
    show_section(tab, section, qtbot)
    assert "2 overdue" in section.overdue_label.text()
    assert "2 overdue" in tab.summary.text()
    model = section.model
    overdue = [r for r in range(model.rowCount()) if section.is_overdue(model.row(r))]
    assert len(overdue) == 2
    step = model.index(overdue[0], model.column_index("Step"))
    assert model.data(step, Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    step_id = model.row(overdue[0]).id

    select(section.view, overdue[0])
    qtbot.keyClick(section.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert ChecklistItem.get_by_id(step_id).done_at == NOW
    assert "1 overdue" in section.overdue_label.text()
    demo.stack.undo()
    assert ChecklistItem.get_by_id(step_id).done_at is None
    assert "2 overdue" in section.overdue_label.text()


def test_space_on_a_row_ticks_it_and_keeps_the_step_text(demo: Harness, qtbot: QtBot) -> None:
    tab = demo.tab
    section = tab.checklist
    show_section(tab, section, qtbot)
    column = section.model.column_index("Step")
    row = next(r for r in range(section.model.rowCount()) if section.model.row(r).done_at is None)
    click_row(qtbot, section.view, row, column)
    item = section.model.row(row)
    qtbot.keyClick(section.view, Qt.Key.Key_Space)
    stored = ChecklistItem.get_by_id(item.id)
    assert stored.done_at == NOW
    assert stored.text == item.text
    assert section.view.state() != section.view.State.EditingState
    qtbot.keyClick(section.view, Qt.Key.Key_Space)
    assert ChecklistItem.get_by_id(item.id).done_at is None
