"""Each person's deadlines and their own tracker."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pmdesk.ui.progress.tab import ProgressTab

from .conftest import row_where, save_to


def test_each_persons_deadlines_and_their_export(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    people = tab.per_person.person_plans
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
    assert sheet.max_row == 2 and sheet["C2"].value == "Mark Davies"
