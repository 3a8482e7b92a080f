"""The Progress tab over the demo project: plan, people, queue, requests, chase, report."""

from __future__ import annotations

import datetime as dt
import email
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.models import (
    ActionItem,
    ActionSource,
    ActionStatus,
    Draft,
    FollowUp,
    Language,
    LeadRequest,
    MilestoneReview,
    ReviewState,
    StatusReport,
)
from pmdesk.services import Changes, progress
from pmdesk.ui.dialogs.progress_forms import ActionDialog
from pmdesk.ui.models.records import OVERDUE_BRUSH
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.tabs.progress import FLAG_BRUSH, ProgressTab
from pmdesk.ui.undo import Editor

from .conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


@pytest.fixture
def tab(qtbot: QtBot, demo_db: int, settings: QSettings) -> ProgressTab:
    problems: list[str] = []
    holder: dict[str, ProgressTab] = {}

    def notify(changes: Changes) -> None:
        holder["tab"].on_data_changed(changes)

    editor = Editor(QUndoStack(), notify, problems.append)
    widget = ProgressTab(TabContext(editor, Language.EN, settings, lambda: NOW))
    holder["tab"] = widget
    widget.problems = problems  # type: ignore[attr-defined]
    widget.open_files = False
    qtbot.addWidget(widget)
    widget.set_project(demo_db)
    return widget


def cell(model, row: int, header: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, model.column_index(header)), role)


def row_where(model, predicate) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if predicate(model.row(r)))


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_plan_shows_overdue_and_flagged_steps(tab: ProgressTab, demo_db: int) -> None:
    plan = tab.plan
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
    count = tab.plan.rowCount()
    tab.add_step_button.click()
    assert tab.plan.rowCount() == count + 1
    step = ActionItem.get(ActionItem.title == "Book the training room")
    assert step.owner_id is not None and step.due_date == TODAY + dt.timedelta(days=5)
    tab.context.editor.stack.undo()
    assert ActionItem.get_or_none(ActionItem.title == "Book the training room") is None
    assert tab.plan.rowCount() == count


def test_inline_owner_and_due_edits_are_checked(tab: ProgressTab) -> None:
    plan = tab.plan
    row = row_where(plan, lambda a: a.start_date is not None and a.status == "open")
    step = plan.row(row)
    too_early = step.start_date - dt.timedelta(days=3)
    plan.setData(plan.index(row, plan.column_index("Due")), too_early)
    assert tab.problems and "due" in tab.problems[-1]  # type: ignore[attr-defined]
    assert ActionItem.get_by_id(step.id).due_date == step.due_date
    new_owner = next(p for p in tab._people if p.id != step.owner_id)
    plan.setData(plan.index(row, plan.column_index("Owner")), new_owner.id)
    assert ActionItem.get_by_id(step.id).owner_id == new_owner.id


def test_roll_over_is_one_undoable_step(tab: ProgressTab, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = {a.id: a.carry_over_count for a in tab.plan.all_rows()}
    tab.roll_over_button.click()
    after = {a.id: a.carry_over_count for a in tab.plan.all_rows()}
    assert sum(after.values()) == sum(before.values()) + 4
    assert "carried over 3+ times" in tab.summary.text()
    tab.context.editor.stack.undo()
    assert {a.id: a.carry_over_count for a in tab.plan.all_rows()} == before


def test_each_persons_deadlines_and_their_export(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    people = tab.person_plans
    assert people.rowCount() > 5
    row = row_where(people, lambda p: p.person.name == "Mark Davies")
    tab.person_view.selectRow(row)
    assert [a.title for a in tab.person_steps.rows()] == [
        "Provide the active supplier master data extract"
    ]
    target = tmp_path / "mark.xlsx"
    save_to(monkeypatch, target)
    tab.person_export_button.click()
    sheet = openpyxl.load_workbook(target)["Tracker"]
    assert sheet.max_row == 3 and sheet["C3"].value == "Mark Davies"


def test_review_state_sets_dates_and_undoes(tab: ProgressTab) -> None:
    reviews = tab.reviews
    row = row_where(reviews, lambda r: r.state == ReviewState.NOT_SUBMITTED)
    review_id = reviews.row(row).id
    reviews.setData(reviews.index(row, reviews.column_index("State")), "submitted")
    saved = MilestoneReview.get_by_id(review_id)
    assert (saved.state, saved.submitted_on) == ("submitted", TODAY)
    row = row_where(reviews, lambda r: r.id == review_id)
    reviews.setData(reviews.index(row, reviews.column_index("State")), "approved")
    assert MilestoneReview.get_by_id(review_id).reviewed_on == TODAY
    tab.context.editor.stack.undo()
    tab.context.editor.stack.undo()
    saved = MilestoneReview.get_by_id(review_id)
    assert (saved.state, saved.submitted_on, saved.reviewed_on) == ("not_submitted", None, None)


def test_lead_request_resolved_and_made_an_action_item(tab: ProgressTab) -> None:
    requests = tab.requests
    row = row_where(requests, lambda r: r.status == "open")
    request_id = requests.row(row).id
    tab.requests_view.selectRow(row)
    tab._on_request_to_action()
    step = ActionItem.get(ActionItem.lead_request == request_id, ActionItem.id > 20)
    assert step.source == ActionSource.LEAD_REQUEST
    assert tab.sections.currentWidget() is tab.plan_page
    row = row_where(requests, lambda r: r.id == request_id)
    requests.setData(requests.index(row, requests.column_index("Status")), "resolved")
    assert LeadRequest.get_by_id(request_id).resolved_on == TODAY


def test_reminder_draft_counts_a_reminder(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert tab.chase.rowCount() == 2
    tab.chase_view.selectRow(0)
    action = tab.chase.row(0)
    target = tmp_path / "reminder.eml"
    save_to(monkeypatch, target)
    tab.reminder_button.click()
    message = email.message_from_bytes(target.read_bytes())
    assert message["X-Unsent"] == "1" and action.owner.email in message["To"]
    body = message.get_payload(decode=True).decode()
    assert action.title in body and action.notes.split()[0] not in body
    assert ActionItem.get_by_id(action.id).reminders_sent == 1
    assert cell(tab.chase, 0, "Reminders sent") == "1"
    tab.context.editor.stack.undo()
    assert ActionItem.get_by_id(action.id).reminders_sent == 0


def test_report_check_blocks_a_late_name_and_exports_when_clean(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    assert tab.texts["praise"].toPlainText() == "", "the report loads when it is shown"
    tab.sections.setCurrentWidget(tab.report_page)
    assert "Emma Clarke" in tab.texts["praise"].toPlainText()
    assert tab.export_report_button.isEnabled()
    assert tab.check_label.text().startswith("Ready"), "every late demo step is arranged"
    late = next(a for a in tab.plan.rows() if a.next_step)
    ActionItem.update(next_step="").where(ActionItem.id == late.id).execute()
    FollowUp.delete().where(FollowUp.action_item == late.id).execute()
    tab._on_period_changed()
    assert "no next step yet" in tab.check_label.text()

    tab.texts["status"].setPlainText("Daniel Green finished the integration paper early.")
    assert not tab.export_report_button.isEnabled()
    assert "Daniel Green (status)" in tab.check_label.text()
    qtbot.waitUntil(lambda: Draft.select().count() == 4, timeout=3000)

    tab.texts["status"].setPlainText("The integration paper came in early.")
    assert tab.export_report_button.isEnabled()
    target = tmp_path / "report.docx"
    save_to(monkeypatch, target)
    tab.export_report_button.click()
    assert target.exists()
    report = StatusReport.select().order_by(StatusReport.id.desc()).get()
    assert report.status_text == "The integration paper came in early."
    assert report.file_name == "report.docx"
    assert Draft.select().count() == 0, "the sent report's drafts are discarded"


def test_report_drafts_come_back(
    qtbot: QtBot, tab: ProgressTab, demo_db: int, settings: QSettings
) -> None:
    tab.sections.setCurrentWidget(tab.report_page)
    tab.texts["problems"].setPlainText("Half-typed problem")
    tab.save_drafts()
    editor = Editor(QUndoStack(), lambda _c: None, lambda _m: None)
    again = ProgressTab(TabContext(editor, Language.EN, settings, lambda: NOW))
    qtbot.addWidget(again)
    again.set_project(demo_db)
    again.sections.setCurrentWidget(again.report_page)
    assert again.texts["problems"].toPlainText() == "Half-typed problem"


def test_follow_ups_for_late_people(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = FollowUp.select().count()
    tab.sections.setCurrentWidget(tab.report_page)
    save_to(monkeypatch, tmp_path / "follow-ups.docx")
    tab.follow_up_button.click()
    assert (tmp_path / "follow-ups.docx").exists()
    assert FollowUp.select().count() == before + 6
    tab.context.editor.stack.undo()
    assert FollowUp.select().count() == before


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
    count = tab.plan.rowCount()
    assert tab.apply_import(preview)
    assert tab.plan.rowCount() == count + 1
    done = [a for a in tab.plan.all_rows() if a.status == ActionStatus.DONE]
    tab.context.editor.stack.undo()
    assert tab.plan.rowCount() == count
    assert len([a for a in tab.plan.all_rows() if a.status == ActionStatus.DONE]) == len(done) - 1
    tab.context.editor.stack.redo()
    assert tab.plan.rowCount() == count + 1


def test_import_refusal_is_shown_and_changes_nothing(
    tab: ProgressTab, demo_db: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"not a workbook")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    tab.import_button.click()
    assert shown and "Nothing was changed" in shown[0] and "bad.xlsx" in shown[0]
    assert not tab.context.editor.stack.canUndo()
    assert progress.list_actions(demo_db)
