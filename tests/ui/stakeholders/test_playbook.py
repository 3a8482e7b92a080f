"""The playbook of the selected person: type, causes, memos, coaching, carry-over."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pmdesk.models import (
    ActionItem,
    CoachingSession,
    CooperationType,
    EscalationMemo,
    Person,
)
from pmdesk.services import people
from pmdesk.ui.dialogs import playbook_dialogs
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.stakeholders import playbook

from ..conftest import TODAY
from .conftest import run_dialog, select, tab_of

# --- the playbook -------------------------------------------------------------------------


def test_type_change_in_the_playbook_and_use_suggestion(window: MainWindow) -> None:
    tab = tab_of(window)
    mark = select(tab, "Mark Davies")
    detail = tab.detail
    assert detail.playbook.stack.currentIndex() == detail.playbook.pages[CooperationType.PASSIVE]
    assert not detail.playbook.cooperation.use_suggestion.isEnabled(), (
        "the suggestion already agrees"
    )
    detail.playbook.cooperation.type_box.setCurrentIndex(
        detail.playbook.cooperation.type_box.findData("routine")
    )
    detail.playbook.cooperation.type_box.activated.emit(
        detail.playbook.cooperation.type_box.currentIndex()
    )
    assert Person.get_by_id(mark.id).cooperation_type == "routine"
    assert detail.playbook.stack.currentIndex() == detail.playbook.pages[CooperationType.ROUTINE]
    assert detail.playbook.cooperation.use_suggestion.isEnabled()
    detail.playbook.cooperation.use_suggestion.click()
    assert Person.get_by_id(mark.id).cooperation_type == "passive"
    assert people.assessments(mark.id)[-1].source == "On-time record"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert Person.get_by_id(mark.id).cooperation_type == "passive"
    assert len(people.assessments(mark.id)) == 2


def test_causes_are_saved_with_undo(window: MainWindow) -> None:
    tab = tab_of(window)
    gary = select(tab, "Gary Thompson")
    detail = tab.detail
    detail.causes.cause_boxes["workload"].setChecked(True)
    detail.causes.causes.setPlainText("Month-end every week")
    detail.causes.save_causes.click()
    saved = Person.get_by_id(gary.id)
    assert "workload" in saved.cause_factors and saved.causes == "Month-end every week"
    window.undo_action.trigger()
    assert "workload" not in Person.get_by_id(gary.id).cause_factors


def test_memo_decision_and_send_help(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    mark = select(tab, "Mark Davies")
    detail = tab.detail
    before = detail.playbook.passive.memos.rowCount()

    def write_memo(dialog: playbook_dialogs.MemoDialog) -> None:
        assert "Dear Sarah Mitchell," in dialog.text.toPlainText()
        dialog.proposal.setCurrentIndex(dialog.proposal.findData("replace"))
        assert "another colleague" in dialog.text.toPlainText(), "redrafted for the proposal"

    run_dialog(monkeypatch, playbook.MemoDialog, write_memo)
    detail.playbook.passive.new_memo.click()
    assert detail.playbook.passive.memos.rowCount() == before + 1
    memo = (
        EscalationMemo.select()
        .where(EscalationMemo.person == mark.id)
        .order_by(EscalationMemo.id.desc())
        .get()
    )
    assert memo.proposal == "replace" and memo.decision == "pending"

    row = next(i for i, m in enumerate(detail.playbook.passive.memos.rows()) if m.id == memo.id)
    detail.playbook.passive.memos_view.selectRow(row)

    def decide(dialog: playbook_dialogs.DecisionDialog) -> None:
        dialog.decision.setCurrentIndex(dialog.decision.findData("send_help"))
        dialog.note.setPlainText("Sarah prefers help first")

    run_dialog(monkeypatch, playbook.DecisionDialog, decide)
    detail.playbook.passive.decide.click()
    memo = EscalationMemo.get_by_id(memo.id)
    assert (memo.decision, memo.decided_on, memo.decision_note) == (
        "send_help",
        TODAY,
        "Sarah prefers help first",
    )

    row = next(i for i, m in enumerate(detail.playbook.passive.memos.rows()) if m.id == memo.id)
    detail.playbook.passive.memos_view.selectRow(row)
    chloe = Person.get(Person.name == "Chloe Bennett")

    def help_(dialog: playbook_dialogs.SendHelpDialog) -> None:
        assert dialog.title.text().startswith("Help Mark Davies with: ")
        dialog.helper.setCurrentIndex(dialog.helper.findData(chloe.id))

    actions = ActionItem.select().count()
    run_dialog(monkeypatch, playbook.SendHelpDialog, help_)
    detail.playbook.passive.send_help.click()
    assert ActionItem.select().count() == actions + 1
    action = EscalationMemo.get_by_id(memo.id).help_action
    assert action.owner_id == chloe.id and action.due_date == TODAY + dt.timedelta(days=7)
    window.undo_action.trigger()
    assert ActionItem.select().count() == actions
    assert EscalationMemo.get_by_id(memo.id).help_action is None
    window.undo_action.trigger()
    assert EscalationMemo.get_by_id(memo.id).decision == "pending"
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert EscalationMemo.get_by_id(memo.id).help_action.id == action.id


def test_copy_memo_text(window: MainWindow) -> None:
    tab = tab_of(window)
    select(tab, "Gary Thompson")
    tab.detail.playbook.passive.memos_view.selectRow(0)
    tab.detail.playbook.passive.copy_memo.click()
    assert QApplication.clipboard().text() == tab.detail.playbook.passive.memos.row(0).text


def test_coaching_plan_and_log(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    emma = select(tab, "Emma Clarke")
    detail = tab.detail
    assert detail.playbook.stack.currentIndex() == detail.playbook.pages[CooperationType.ROUTINE]
    detail.playbook.routine.coaching_plan.setPlainText("Weekly 20 minutes on exceptions")
    detail.playbook.routine.save_plan.click()
    assert Person.get_by_id(emma.id).coaching_plan == "Weekly 20 minutes on exceptions"
    sessions = detail.playbook.routine.sessions.rowCount()

    run_dialog(monkeypatch, playbook.CoachingDialog, lambda d: d.topic.setText("AP test cases"))
    detail.playbook.routine.add_session.click()
    assert detail.playbook.routine.sessions.rowCount() == sessions + 1
    added = CoachingSession.get(CoachingSession.topic == "AP test cases")
    assert added.planned_on == TODAY + dt.timedelta(days=2) and added.held_on is None

    row = next(i for i, s in enumerate(detail.playbook.routine.sessions.rows()) if s.id == added.id)
    detail.playbook.routine.sessions_view.selectRow(row)

    def held(dialog: playbook_dialogs.CoachingDialog) -> None:
        dialog.held_on.set_value(TODAY)
        dialog.notes.setPlainText("She will own the AP test cases")

    run_dialog(monkeypatch, playbook.CoachingDialog, held)
    detail.playbook.routine.edit_session.click()
    assert CoachingSession.get_by_id(added.id).held_on == TODAY
    window.undo_action.trigger()
    assert CoachingSession.get_by_id(added.id).held_on is None
    row = next(i for i, s in enumerate(detail.playbook.routine.sessions.rows()) if s.id == added.id)
    detail.playbook.routine.sessions_view.selectRow(row)
    detail.playbook.routine.delete_session.click()
    assert CoachingSession.get_or_none(CoachingSession.id == added.id) is None
    window.undo_action.trigger()
    assert CoachingSession.get_by_id(added.id).topic == "AP test cases"


def test_carry_over_success_factors(window: MainWindow) -> None:
    tab = tab_of(window)
    tom = select(tab, "Tom Wilson")
    detail = tab.detail
    assert detail.playbook.stack.currentIndex() == detail.playbook.pages[CooperationType.ACTIVE]
    assert detail.playbook.active.success_factors.toPlainText()
    ticked = [
        detail.playbook.active.carry_targets.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(detail.playbook.active.carry_targets.count())
        if detail.playbook.active.carry_targets.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked and tom.id not in ticked
    commands = window.undo_stack.count()
    detail.playbook.active.carry_over.click()
    assert window.undo_stack.count() == commands + 1, "one undo step"
    strategies = [Person.get_by_id(i).strategy for i in ticked]
    assert all("↳ Tom Wilson:" in s for s in strategies)
    assert "Carried over to:" in detail.playbook.active.carried_label.text()
    window.undo_action.trigger()
    assert not any("↳ Tom Wilson:" in Person.get_by_id(i).strategy for i in ticked)
