"""The step plan: colours, add, inline edits, roll-over, tracker import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.models import (
    ActionItem,
    ActionStatus,
)
from pmdesk.services import progress
from pmdesk.ui.dialogs.progress_forms import ActionDialog
from pmdesk.ui.models.records import OVERDUE_BRUSH
from pmdesk.ui.progress.common import FLAG_BRUSH
from pmdesk.ui.progress.tab import ProgressTab

from ..conftest import TODAY
from .conftest import cell, row_where


def test_plan_shows_overdue_and_flagged_steps(tab: ProgressTab, demo_db: int) -> None:
    plan = tab.steps.plan
    assert plan.rowCount() == ActionItem.select().where(ActionItem.project == demo_db).count()
    flagged = row_where(plan, lambda a: a.carry_over_count >= 3)
    assert cell(plan, flagged, "Step", Qt.ItemDataRole.BackgroundRole) == FLAG_BRUSH
    assert "Carried over 3 times" in cell(plan, flagged, "Step", Qt.ItemDataRole.ToolTipRole)
    overdue = row_where(plan, lambda a: a.title.startswith("Walk the team"))
    assert cell(plan, overdue, "Step", Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    assert cell(plan, overdue, "ID").startswith("A-")
    assert "4 overdue" in tab.summary.text() and "2 to chase" in tab.summary.text()


def test_add_step_then_undo(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, demo_db: int
) -> None:
    def accept(dialog: ActionDialog) -> int:
        dialog.title.setText("Book the training room")
        dialog.owner.setCurrentIndex(2)
        dialog.due.set_value(TODAY + dt.timedelta(days=5))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", accept)
    count = tab.steps.plan.rowCount()
    tab.steps.add_step_button.click()
    assert tab.steps.plan.rowCount() == count + 1
    step = ActionItem.get(ActionItem.title == "Book the training room")
    assert step.owner_id is not None and step.due_date == TODAY + dt.timedelta(days=5)
    tab.context.editor.stack.undo()
    assert ActionItem.get_or_none(ActionItem.title == "Book the training room") is None
    assert tab.steps.plan.rowCount() == count


def test_inline_owner_and_due_edits_are_checked(tab: ProgressTab) -> None:
    plan = tab.steps.plan
    row = row_where(plan, lambda a: a.start_date is not None and a.status == "open")
    step = plan.row(row)
    too_early = step.start_date - dt.timedelta(days=3)
    plan.setData(plan.index(row, plan.column_index("Due")), too_early)
    assert tab.problems and "due" in tab.problems[-1]  # type: ignore[attr-defined]
    assert ActionItem.get_by_id(step.id).due_date == step.due_date
    new_owner = next(p for p in tab.steps.people if p.id != step.owner_id)
    plan.setData(plan.index(row, plan.column_index("Owner")), new_owner.id)
    assert ActionItem.get_by_id(step.id).owner_id == new_owner.id


def test_roll_over_is_one_undoable_step(tab: ProgressTab, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = {a.id: a.carry_over_count for a in tab.steps.plan.all_rows()}
    tab.steps.roll_over_button.click()
    after = {a.id: a.carry_over_count for a in tab.steps.plan.all_rows()}
    assert sum(after.values()) == sum(before.values()) + 4
    assert "carried over 3+ times" in tab.summary.text()
    tab.context.editor.stack.undo()
    assert {a.id: a.carry_over_count for a in tab.steps.plan.all_rows()} == before


def test_tracker_import_applies_as_one_undoable_step(
    tab: ProgressTab, demo_db: int, tmp_path: Path
) -> None:
    path = export_tracker(demo_db, tmp_path / "t.xlsx", ExportOptions())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Tracker"]
    sheet.cell(5, 6).value = "Done"
    sheet.append([None, "A step the client added", None, None, None, "Open"])
    workbook.save(path)
    preview = importer.read_tracker(demo_db, path, TODAY)
    count = tab.steps.plan.rowCount()
    assert tab.steps.apply_import(preview)
    assert tab.steps.plan.rowCount() == count + 1
    done = [a for a in tab.steps.plan.all_rows() if a.status == ActionStatus.DONE]
    tab.context.editor.stack.undo()
    assert tab.steps.plan.rowCount() == count
    assert (
        len([a for a in tab.steps.plan.all_rows() if a.status == ActionStatus.DONE])
        == len(done) - 1
    )
    tab.context.editor.stack.redo()
    assert tab.steps.plan.rowCount() == count + 1


def test_import_refusal_is_shown_and_changes_nothing(
    tab: ProgressTab, demo_db: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"not a workbook")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    tab.steps.import_button.click()
    assert shown and "Nothing was changed" in shown[0] and "bad.xlsx" in shown[0]
    assert not tab.context.editor.stack.canUndo()
    assert progress.list_actions(demo_db)


def test_a_step_edited_after_a_click_is_the_one_clicked(
    qtbot: QtBot, tab: ProgressTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Click row 3, edit it in the dialog; click row 4, edit it: each keeps its own title."""
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    plan, view = tab.steps.plan, tab.steps.plan_view
    titles = iter(["Third step, renamed", "Fourth step, renamed"])

    def accept(dialog: ActionDialog) -> int:
        dialog.title.setText(next(titles))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", accept)
    ids = []
    for row in (2, 3):
        index = plan.index(row, plan.column_index("ID"))
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        ids.append(plan.row(row).id)
        qtbot.mouseClick(tab.steps.edit_step_button, Qt.MouseButton.LeftButton)
    assert [ActionItem.get_by_id(i).title for i in ids] == [
        "Third step, renamed",
        "Fourth step, renamed",
    ]
    tab.close()
