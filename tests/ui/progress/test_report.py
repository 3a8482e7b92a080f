"""The status report: the late-name check, drafts, follow-ups, staleness."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Draft,
    FollowUp,
    Language,
    StatusReport,
)
from pmdesk.services import reports
from pmdesk.ui.progress.tab import ProgressTab
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor
from pmdesk.ui.widgets.autosave import AUTOSAVE_MS

from .conftest import NOW, row_where, save_to


def test_report_check_blocks_a_late_name_and_exports_when_clean(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot
) -> None:
    assert tab.report.texts["praise"].toPlainText() == "", "the report loads when it is shown"
    tab.sections.setCurrentWidget(tab.report)
    assert "Emma Clarke" in tab.report.texts["praise"].toPlainText()
    assert tab.report.export_report_button.isEnabled()
    assert tab.report.check_label.text().startswith("Ready"), "every late demo step is arranged"
    late = next(a for a in tab.steps.plan.rows() if a.next_step)
    ActionItem.update(next_step="").where(ActionItem.id == late.id).execute()
    FollowUp.delete().where(FollowUp.action_item == late.id).execute()
    tab.reload()  # as the window's "data changed" relay does: the report reads the plan
    assert "no next step yet" in tab.report.check_label.text()

    tab.report.texts["status"].setPlainText("Daniel Green finished the integration paper early.")
    assert not tab.report.export_report_button.isEnabled()
    assert "Daniel Green (status)" in tab.report.check_label.text()
    qtbot.waitUntil(lambda: Draft.select().count() == 4, timeout=3000)

    tab.report.texts["status"].setPlainText("The integration paper came in early.")
    assert tab.report.export_report_button.isEnabled()
    target = tmp_path / "report.docx"
    save_to(monkeypatch, target)
    tab.report.export_report_button.click()
    assert target.exists()
    report = StatusReport.select().order_by(StatusReport.id.desc()).get()
    assert report.status_text == "The integration paper came in early."
    assert report.file_name == "report.docx"
    assert Draft.select().count() == 0, "the sent report's drafts are discarded"


def test_report_drafts_come_back(
    qtbot: QtBot, tab: ProgressTab, demo_db: int, settings: QSettings
) -> None:
    tab.sections.setCurrentWidget(tab.report)
    tab.report.texts["problems"].setPlainText("Half-typed problem")
    tab.report.save_drafts()
    editor = Editor(QUndoStack(), lambda _c: None, lambda _m: None)
    again = ProgressTab(TabContext(editor, Language.EN, settings, lambda: NOW))
    qtbot.addWidget(again)
    again.set_project(demo_db)
    again.sections.setCurrentWidget(again.report)
    assert again.report.texts["problems"].toPlainText() == "Half-typed problem"


def test_follow_ups_for_late_people(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = FollowUp.select().count()
    tab.sections.setCurrentWidget(tab.report)
    save_to(monkeypatch, tmp_path / "follow-ups.docx")
    tab.report.follow_up_button.click()
    assert (tmp_path / "follow-ups.docx").exists()
    assert FollowUp.select().count() == before + 6
    tab.context.editor.stack.undo()
    assert FollowUp.select().count() == before


def _mark_done(tab: ProgressTab, title_start: str) -> None:
    plan = tab.steps.plan
    row = row_where(plan, lambda a: a.title.startswith(title_start))
    plan.setData(plan.index(row, plan.column_index("Status")), ActionStatus.DONE.value)


def test_a_report_written_before_the_plan_changed_waits_for_a_refresh(
    tab: ProgressTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.sections.setCurrentWidget(tab.report)
    report = tab.report
    status = report.texts["status"].toPlainText()
    assert report.export_report_button.isEnabled() and report.stale_box.isHidden()
    report.texts["problems"].setPlainText("My own words on the problems")

    _mark_done(tab, "Walk the team")  # the plan changes under the report
    assert report.stale and not report.stale_box.isHidden()
    assert not report.export_report_button.isEnabled()
    assert "Status" in report.stale_label.text()

    asked: list[str] = []

    def question(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    report.refresh_button.click()
    assert not report.stale and report.export_report_button.isEnabled()
    assert report.texts["status"].toPlainText() != status, "the unedited part is rewritten"
    assert report.texts["problems"].toPlainText() == "My own words on the problems"
    assert all("Problems" in text for text in asked), "asked only about the edited part"


def test_a_report_sent_at_once_after_typing_leaves_no_draft_behind(
    qtbot: QtBot, tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The autosave still waiting when the report goes out must not bring its draft back."""
    tab.show()
    tab.sections.setCurrentWidget(tab.report)
    box = tab.report.texts["status"]
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Sent the moment it was typed.")
    save_to(monkeypatch, tmp_path / "report.docx")
    qtbot.mouseClick(tab.report.export_report_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "report.docx").exists()
    qtbot.wait(AUTOSAVE_MS * 3)
    assert Draft.select().count() == 0, "the sent report's drafts stay discarded"


def test_report_text_typed_just_before_switching_project_stays_with_its_project(
    qtbot: QtBot, tab: ProgressTab, demo_db: int
) -> None:
    from pmdesk.services import projects

    other, _ = projects.create_project("Other")
    tab.show()
    tab.sections.setCurrentWidget(tab.report)
    box = tab.report.texts["problems"]
    box.setFocus()
    qtbot.keyClicks(box, " Typed for the demo.")
    tab.set_project(other.id)  # within the autosave's half second
    qtbot.wait(AUTOSAVE_MS * 3)
    assert reports.load_drafts(other.id) == {}, "nothing of the demo's text in the other"
    assert "Typed for the demo." in reports.load_drafts(demo_db)["problems"]
