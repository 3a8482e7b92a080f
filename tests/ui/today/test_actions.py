"""Each item's one action opens its flow: the right project, tab and record."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    ChecklistItem,
    FollowUp,
    Meeting,
    MilestoneReview,
    MinutesDistribution,
)
from pmdesk.services.today import TodayItem
from pmdesk.ui.dialogs.playbook_dialogs import FollowUpDialog
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.widgets.selection import current_record

from .conftest import click, click_item, ident, of_kind


def test_a_chase_item_writes_the_reminder_draft_to_its_owner(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("assistance_due"))
    assert tab.item_actions.do_button.text() == "Write the reminder email…"
    target = tmp_path / "reminder.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    before = ActionItem.get_by_id(item.record_id).reminders_sent
    click(qtbot, tab.item_actions.do_button)
    progress = window.progress_tab
    assert window.tabs.currentWidget() is progress
    assert progress.sections.currentWidget() is progress.chase
    assert target.exists() and "X-Unsent: 1" in target.read_text(encoding="utf-8")
    assert ActionItem.get_by_id(item.record_id).reminders_sent == before + 1, "its own step"


def test_a_review_waiting_writes_the_nudge_draft_to_the_client_lead(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("review_waiting"))
    assert tab.item_actions.do_button.text() == "Write the nudge email…"
    review = MilestoneReview.get_by_id(item.record_id)
    review.comment = "LEAKCHECK internal remark"
    review.save()
    target = tmp_path / "nudge.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    click(qtbot, tab.item_actions.do_button)
    progress = window.progress_tab
    assert window.tabs.currentWidget() is progress
    assert progress.sections.currentWidget() is progress.gatekeeper, "the review is shown too"
    # As the client lead's mail program reads it.
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message["X-Unsent"] == "1"
    assert item.person in str(message["To"]) or not review.reviewer.email
    body = message.get_body(preferencelist=("plain",))
    assert body is not None and review.title in body.get_content()
    assert item.person in body.get_content()
    assert "LEAKCHECK" not in message.as_string()


def test_a_late_person_gets_a_follow_up_with_the_step_filled_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("late_person"))
    step = ActionItem.get_by_id(item.record_id)
    seen: list[FollowUpDialog] = []

    def press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FollowUpDialog)
        seen.append(dialog)
        assert dialog.person.currentData() == item.person_id
        assert dialog.reason.toPlainText() == step.title
        buttons = dialog.findChild(QDialogButtonBox)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_ok)
    click(qtbot, tab.item_actions.do_button)
    assert seen, "the follow-up dialog was shown"
    assert window.tabs.currentWidget() is window.stakeholders_tab
    logged = FollowUp.select().order_by(FollowUp.id.desc()).first()
    assert logged.person_id == item.person_id
    assert logged.action_item_id == step.id
    assert logged.reason == step.title
    window.tabs.setCurrentWidget(tab)
    assert ident(item) not in map(ident, tab.model.items()), "followed up: no longer listed"


def test_a_review_waiting_opens_the_gatekeeper_queue_on_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The nudge's file dialog closed unsaved: the review stays shown in the queue."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("review_waiting"), double=True)
    progress = window.progress_tab
    assert window.tabs.currentWidget() is progress
    assert progress.sections.currentWidget() is progress.gatekeeper
    chosen = current_record(progress.gatekeeper.reviews_view, progress.gatekeeper.reviews)
    assert chosen is not None and chosen.id == item.record_id


def test_return_on_a_lead_request_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("request_unanswered"))
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    section = window.progress_tab.lead_requests
    assert window.progress_tab.sections.currentWidget() is section
    chosen = current_record(section.requests_view, section.requests)
    assert chosen is not None and chosen.id == item.record_id


def test_praise_opens_the_status_report(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.today_tab
    click_item(qtbot, tab, of_kind("on_time"))
    click(qtbot, tab.item_actions.do_button)
    progress = window.progress_tab
    assert progress.sections.currentWidget() is progress.report


def test_a_coaching_session_opens_the_persons_playbook(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("coaching_due"))
    assert tab.item_actions.do_button.text() == "Open the person's playbook"
    click(qtbot, tab.item_actions.do_button)
    stakeholders = window.stakeholders_tab
    assert window.tabs.currentWidget() is stakeholders
    assert stakeholders.register_section.person_id() == item.person_id
    assert stakeholders.detail.currentIndex() == 0


def test_a_checklist_step_opens_the_kickoff_checklist_on_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("checklist_step"))
    click(qtbot, tab.item_actions.do_button)
    kickoff = window.kickoff_tab
    assert window.tabs.currentWidget() is kickoff
    assert kickoff.sections.currentWidget() is kickoff.checklist
    chosen = current_record(kickoff.checklist.view, kickoff.checklist.model)
    assert isinstance(chosen, ChecklistItem) and chosen.id == item.record_id


def test_minutes_feedback_opens_the_meetings_sending_record(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("minutes_feedback"))
    click(qtbot, tab.item_actions.do_button)
    live = window.live_tab
    sent = MinutesDistribution.get_by_id(item.record_id)
    assert window.tabs.currentWidget() is live
    assert live.meeting_box.currentData() == sent.meeting_id
    assert live.pages.currentWidget() is live.minutes
    chosen = current_record(live.minutes.distributions_view, live.minutes.distributions)
    assert chosen is not None and chosen.id == sent.id
    assert Meeting.get_by_id(sent.meeting_id).project_id == item.project_id


def test_every_kind_the_demo_lists_opens_its_tab(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: ("", ""))  # cancel
    monkeypatch.setattr(FollowUpDialog, "exec", lambda _self: 0)  # closed unsaved
    tab = window.today_tab
    tabs = {
        "reminder_draft": window.progress_tab,
        "nudge_draft": window.progress_tab,
        "answer_request": window.progress_tab,
        "check_step": window.progress_tab,
        "thank": window.progress_tab,
        "report_builder": window.progress_tab,
        "new_follow_up": window.stakeholders_tab,
        "coaching_session": window.stakeholders_tab,
        "tick_checklist": window.kickoff_tab,
        "record_material_feedback": window.kickoff_tab,
        "record_feedback": window.live_tab,
    }
    kinds: dict[str, TodayItem] = {}
    for item in tab.model.items():
        kinds.setdefault(item.kind, item)
    assert len(kinds) >= 9, sorted(kinds)
    for kind, listed in kinds.items():
        window.tabs.setCurrentWidget(tab)
        item = click_item(qtbot, tab, of_kind(kind))
        assert item == listed
        click(qtbot, tab.item_actions.do_button)
        assert window.tabs.currentWidget() is tabs[item.action], kind
        assert window.project_id == item.project_id
