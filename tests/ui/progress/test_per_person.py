"""Each person's deadlines and their own tracker."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmdesk.ui.progress.tab import ProgressTab

from .conftest import row_where, save_to, show_section


def test_each_persons_deadlines_and_their_export(
    qtbot: QtBot, tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    people = tab.per_person.person_plans
    assert people.rowCount() == 0, "a section off screen waits until it is shown"
    show_section(qtbot, tab, tab.per_person)
    assert people.rowCount() > 5
    row = row_where(people, lambda p: p.person.name == "Mark Davies")
    tab.per_person.person_view.selectRow(row)
    assert [a.title for a in tab.per_person.person_steps.rows()] == [
        "Provide the active supplier master data extract"
    ]
    target = tmp_path / "mark.xlsx"
    save_to(monkeypatch, target)
    tab.per_person.person_export_button.click()
    sheet = openpyxl.load_workbook(target)["Tracker"]
    assert sheet.max_row == 3 and sheet["C3"].value == "Mark Davies"


def test_the_steps_follow_the_person_clicked(qtbot: QtBot, tab: ProgressTab) -> None:
    """A mouse click on row 3, then row 4: the steps below are that person's at once."""
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    tab.sections.setCurrentWidget(tab.per_person)
    section = tab.per_person
    for row in (2, 3):
        index = section.person_plans.index(row, 0)
        qtbot.mouseClick(
            section.person_view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=section.person_view.visualRect(index).center(),
        )
        plan = section.person_plans.row(row)
        assert section.person_steps.rows() == plan.open_items
    tab.close()
