"""The Stakeholders tab over the demo: register, history, playbook and follow-ups, with undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    Assessment,
    CoachingSession,
    CooperationType,
    EscalationMemo,
    FollowUp,
    Language,
    Person,
    Role,
    Side,
)
from pmdesk.services import people
from pmdesk.ui.dialogs import person_detail, playbook_dialogs
from pmdesk.ui.dialogs.person_dialog import PersonDialog
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.tabs import stakeholders as tab_module
from pmdesk.ui.tabs.stakeholders import StakeholdersTab

from .conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


@pytest.fixture
def window(qtbot: QtBot, database: Path, demo_db: int, settings: QSettings) -> MainWindow:
    window = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(2)
    qtbot.waitExposed(window)
    return window


def tab_of(window: MainWindow) -> StakeholdersTab:
    return window.stakeholders_tab


def select(tab: StakeholdersTab, name: str) -> Person:
    row = next(i for i, p in enumerate(tab.register.rows()) if p.name == name)
    tab.register_view.selectRow(row)
    return tab.register.row(row)


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, fill: Any) -> list[Any]:
    """Replace `cls.exec` so the dialog is filled by `fill(dialog)` and OK is pressed."""
    shown: list[Any] = []

    def exec_(dialog: Any) -> int:
        shown.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


# --- the register ------------------------------------------------------------------------


def test_register_filters_and_search(window: MainWindow) -> None:
    tab = tab_of(window)
    everyone = tab.register.rowCount()
    tab.side_filter.setCurrentIndex(tab.side_filter.findData(Side.CONSULTANT.value))
    assert tab.register.rowCount() == 4
    assert not tab.grid.points(), "the grid shows the client people in the filter"
    tab.side_filter.setCurrentIndex(0)
    tab.type_filter.setCurrentIndex(tab.type_filter.findData(CooperationType.PASSIVE.value))
    assert sorted(p.name for p in tab.register.rows()) == ["Gary Thompson", "Mark Davies"]
    assert len(tab.grid.points()) == 2
    tab.type_filter.setCurrentIndex(0)
    tab.engagement_filter.setCurrentIndex(tab.engagement_filter.findData("-"))
    assert {p.side for p in tab.register.rows()} == {Side.CONSULTANT.value}
    tab.engagement_filter.setCurrentIndex(tab.engagement_filter.findData("neutral"))
    assert {p.engagement_current for p in tab.register.rows()} == {"neutral"}
    tab.engagement_filter.setCurrentIndex(0)
    tab.role_filter.setCurrentIndex(tab.role_filter.findData(Role.CLIENT_LEADER.value))
    assert tab.register.rowCount() == 3
    tab.role_filter.setCurrentIndex(0)
    tab.search.setText("group procurement")
    assert {p.org_unit for p in tab.register.rows()} == {"Group Procurement"}
    tab.search.clear()
    assert tab.register.rowCount() == everyone


def test_register_sorts_by_a_column(window: MainWindow) -> None:
    tab = tab_of(window)
    tab.register_view.sortByColumn(
        tab.register.column_index("Influence"), Qt.SortOrder.DescendingOrder
    )
    influences = [p.influence for p in tab.register.rows() if p.side == Side.CLIENT]
    assert influences == sorted(influences, reverse=True)


def test_add_a_person_and_undo(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    before = tab.register.rowCount()

    def fill(dialog: PersonDialog) -> None:
        dialog.name.setText("王芳")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.COOPERATING_STAFF.value))
        dialog.job_title.setText("Buyer")
        dialog.engagement_current.setCurrentIndex(dialog.engagement_current.findData("neutral"))
        dialog.cooperation_type.setCurrentIndex(dialog.cooperation_type.findData("routine"))
        dialog.cause_boxes["workload"].setChecked(True)

    run_dialog(monkeypatch, PersonDialog, fill)
    tab.add_button.click()
    added = Person.get(Person.name == "王芳")
    assert tab.register.rowCount() == before + 1
    assert tab._selected_person().id == added.id
    assert (added.side, added.cooperation_type) == ("client", "routine")
    assert [a.cooperation_type for a in people.assessments(added.id)] == ["routine"]
    window.undo_action.trigger()
    assert Person.get_or_none(Person.name == "王芳") is None
    assert tab.register.rowCount() == before
    window.redo_action.trigger()
    assert people.assessments(added.id), "redo brings the history back too"


def test_an_invalid_person_keeps_the_dialog_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    shown = run_dialog(monkeypatch, PersonDialog, lambda d: d.email.setText("not an address"))
    tab_of(window).add_button.click()
    assert warnings and "name" in warnings[0]
    assert shown[0].result() == 0, "not accepted"
    assert not window.undo_stack.canUndo()


def test_edit_a_person_records_the_assessment(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    emma = select(tab, "Emma Clarke")
    history = len(people.assessments(emma.id))

    def fill(dialog: PersonDialog) -> None:
        dialog.cooperation_type.setCurrentIndex(dialog.cooperation_type.findData("active"))
        dialog.source.setText("Weekly review")
        dialog.comment.setText("Took ownership of the AP test cases")

    run_dialog(monkeypatch, PersonDialog, fill)
    tab.edit_button.click()
    latest = people.assessments(emma.id)[-1]
    assert Person.get_by_id(emma.id).cooperation_type == "active"
    assert (latest.cooperation_type, latest.source, latest.assessed_at) == (
        "active",
        "Weekly review",
        NOW,
    )
    assert tab.detail.history.rowCount() == history + 1
    window.undo_action.trigger()
    assert Person.get_by_id(emma.id).cooperation_type == "routine"
    assert len(people.assessments(emma.id)) == history


def test_inline_engagement_edit_goes_through_the_history(window: MainWindow) -> None:
    tab = tab_of(window)
    lucy = select(tab, "Lucy Evans")
    row = next(i for i, p in enumerate(tab.register.rows()) if p.id == lucy.id)
    column = tab.register.column_index("Engagement now")
    assert tab.register.setData(tab.register.index(row, column), "neutral")
    assert Person.get_by_id(lucy.id).engagement_current == "neutral"
    latest = people.assessments(lucy.id)[-1]
    assert (latest.engagement, latest.source) == ("neutral", "Stakeholder register")
    window.undo_action.trigger()
    assert Person.get_by_id(lucy.id).engagement_current == "unaware"
    assert people.assessments(lucy.id)[-1].engagement == "unaware"


def test_remove_a_person_and_undo_restores_everything(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    mark = select(tab, "Mark Davies")
    counts = (
        Assessment.select().where(Assessment.person == mark.id).count(),
        FollowUp.select().where(FollowUp.person == mark.id).count(),
        EscalationMemo.select().where(EscalationMemo.person == mark.id).count(),
    )
    assert all(counts)
    owned = [a.id for a in ActionItem.select().where(ActionItem.owner == mark.id)]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    tab.remove_button.click()
    assert Person.get_or_none(Person.id == mark.id) is None
    assert all(ActionItem.get_by_id(a).owner_id is None for a in owned)
    assert "Mark Davies" not in {p.name for p in tab.register.rows()}
    window.undo_action.trigger()
    assert (
        Assessment.select().where(Assessment.person == mark.id).count(),
        FollowUp.select().where(FollowUp.person == mark.id).count(),
        EscalationMemo.select().where(EscalationMemo.person == mark.id).count(),
    ) == counts
    assert all(ActionItem.get_by_id(a).owner_id == mark.id for a in owned)


def test_notes_actions_and_follow_ups_are_one_click_away(window: MainWindow) -> None:
    tab = tab_of(window)
    cfo = select(tab, "Helen Brooks")
    detail = tab.detail
    assert tab.history_title.text().endswith("Helen Brooks")
    assert detail.notes.rowCount() >= 3
    assert all(n.speaker_id == cfo.id for n in detail.notes.rows())
    assert detail.owned_actions.rowCount() == 1
    select(tab, "Mark Davies")
    assert detail.follow_ups.rowCount() == 1
    assert detail.history.rowCount() == 2
    assert "Suggested from the on-time record: <b>Passive</b>" in detail.suggestion.text()


def test_the_engagement_matrix_shows_the_gap(window: MainWindow) -> None:
    matrix = tab_of(window).matrix
    levels = [level.value for level in matrix.levels]
    resistant, supportive = levels.index("resistant"), levels.index("supportive")
    index = matrix.index(resistant, supportive)
    assert matrix.data(index) == "Mark Davies"
    assert "gap 2" in matrix.data(index, Qt.ItemDataRole.ToolTipRole)
    diagonal = matrix.data(matrix.index(supportive, supportive), Qt.ItemDataRole.BackgroundRole)
    gap = matrix.data(index, Qt.ItemDataRole.BackgroundRole)
    assert diagonal != gap
    assert "must move up" in tab_of(window).matrix_summary.text()


# --- the playbook -------------------------------------------------------------------------


def test_type_change_in_the_playbook_and_use_suggestion(window: MainWindow) -> None:
    tab = tab_of(window)
    mark = select(tab, "Mark Davies")
    detail = tab.detail
    assert detail.playbook.currentIndex() == detail.pages[CooperationType.PASSIVE]
    assert not detail.use_suggestion.isEnabled(), "the suggestion already agrees"
    detail.type_box.setCurrentIndex(detail.type_box.findData("routine"))
    detail.type_box.activated.emit(detail.type_box.currentIndex())
    assert Person.get_by_id(mark.id).cooperation_type == "routine"
    assert detail.playbook.currentIndex() == detail.pages[CooperationType.ROUTINE]
    assert detail.use_suggestion.isEnabled()
    detail.use_suggestion.click()
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
    detail.cause_boxes["workload"].setChecked(True)
    detail.causes.setPlainText("Month-end every week")
    detail.save_causes.click()
    saved = Person.get_by_id(gary.id)
    assert "workload" in saved.cause_factors and saved.causes == "Month-end every week"
    window.undo_action.trigger()
    assert "workload" not in Person.get_by_id(gary.id).cause_factors


def test_memo_decision_and_send_help(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    mark = select(tab, "Mark Davies")
    detail = tab.detail
    before = detail.memos.rowCount()

    def write_memo(dialog: playbook_dialogs.MemoDialog) -> None:
        assert "Dear Sarah Mitchell," in dialog.text.toPlainText()
        dialog.proposal.setCurrentIndex(dialog.proposal.findData("replace"))
        assert "another colleague" in dialog.text.toPlainText(), "redrafted for the proposal"

    run_dialog(monkeypatch, person_detail.MemoDialog, write_memo)
    detail.new_memo.click()
    assert detail.memos.rowCount() == before + 1
    memo = (
        EscalationMemo.select()
        .where(EscalationMemo.person == mark.id)
        .order_by(EscalationMemo.id.desc())
        .get()
    )
    assert memo.proposal == "replace" and memo.decision == "pending"

    row = next(i for i, m in enumerate(detail.memos.rows()) if m.id == memo.id)
    detail.memos_view.selectRow(row)

    def decide(dialog: playbook_dialogs.DecisionDialog) -> None:
        dialog.decision.setCurrentIndex(dialog.decision.findData("send_help"))
        dialog.note.setPlainText("Sarah prefers help first")

    run_dialog(monkeypatch, person_detail.DecisionDialog, decide)
    detail.decide.click()
    memo = EscalationMemo.get_by_id(memo.id)
    assert (memo.decision, memo.decided_on, memo.decision_note) == (
        "send_help",
        TODAY,
        "Sarah prefers help first",
    )

    row = next(i for i, m in enumerate(detail.memos.rows()) if m.id == memo.id)
    detail.memos_view.selectRow(row)
    chloe = Person.get(Person.name == "Chloe Bennett")

    def help_(dialog: playbook_dialogs.SendHelpDialog) -> None:
        assert dialog.title.text().startswith("Help Mark Davies with: ")
        dialog.helper.setCurrentIndex(dialog.helper.findData(chloe.id))

    actions = ActionItem.select().count()
    run_dialog(monkeypatch, person_detail.SendHelpDialog, help_)
    detail.send_help.click()
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
    tab.detail.memos_view.selectRow(0)
    tab.detail.copy_memo.click()
    assert QApplication.clipboard().text() == tab.detail.memos.row(0).text


def test_coaching_plan_and_log(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    emma = select(tab, "Emma Clarke")
    detail = tab.detail
    assert detail.playbook.currentIndex() == detail.pages[CooperationType.ROUTINE]
    detail.coaching_plan.setPlainText("Weekly 20 minutes on exceptions")
    detail.save_plan.click()
    assert Person.get_by_id(emma.id).coaching_plan == "Weekly 20 minutes on exceptions"
    sessions = detail.sessions.rowCount()

    run_dialog(
        monkeypatch, person_detail.CoachingDialog, lambda d: d.topic.setText("AP test cases")
    )
    detail.add_session.click()
    assert detail.sessions.rowCount() == sessions + 1
    added = CoachingSession.get(CoachingSession.topic == "AP test cases")
    assert added.planned_on == TODAY + dt.timedelta(days=2) and added.held_on is None

    row = next(i for i, s in enumerate(detail.sessions.rows()) if s.id == added.id)
    detail.sessions_view.selectRow(row)

    def held(dialog: playbook_dialogs.CoachingDialog) -> None:
        dialog.held_on.set_value(TODAY)
        dialog.notes.setPlainText("She will own the AP test cases")

    run_dialog(monkeypatch, person_detail.CoachingDialog, held)
    detail.edit_session.click()
    assert CoachingSession.get_by_id(added.id).held_on == TODAY
    window.undo_action.trigger()
    assert CoachingSession.get_by_id(added.id).held_on is None
    row = next(i for i, s in enumerate(detail.sessions.rows()) if s.id == added.id)
    detail.sessions_view.selectRow(row)
    detail.delete_session.click()
    assert CoachingSession.get_or_none(CoachingSession.id == added.id) is None
    window.undo_action.trigger()
    assert CoachingSession.get_by_id(added.id).topic == "AP test cases"


def test_carry_over_success_factors(window: MainWindow) -> None:
    tab = tab_of(window)
    tom = select(tab, "Tom Wilson")
    detail = tab.detail
    assert detail.playbook.currentIndex() == detail.pages[CooperationType.ACTIVE]
    assert detail.success_factors.toPlainText()
    ticked = [
        detail.carry_targets.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(detail.carry_targets.count())
        if detail.carry_targets.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked and tom.id not in ticked
    commands = window.undo_stack.count()
    detail.carry_over.click()
    assert window.undo_stack.count() == commands + 1, "one undo step"
    strategies = [Person.get_by_id(i).strategy for i in ticked]
    assert all("↳ Tom Wilson:" in s for s in strategies)
    assert "Carried over to:" in detail.carried_label.text()
    window.undo_action.trigger()
    assert not any("↳ Tom Wilson:" in Person.get_by_id(i).strategy for i in ticked)


# --- the follow-up log --------------------------------------------------------------------


def test_follow_up_log_add_edit_delete_with_undo(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    lucy = select(tab, "Lucy Evans")
    before = tab.follow_up_log.rowCount()

    def add(dialog: playbook_dialogs.FollowUpDialog) -> None:
        assert dialog.person.currentData() == lucy.id
        dialog.reason.setPlainText("Walkthrough three days late")
        dialog.new_date.set_value(TODAY + dt.timedelta(days=4))

    run_dialog(monkeypatch, tab_module.FollowUpDialog, add)
    tab.add_follow_up_button.click()
    assert tab.follow_up_log.rowCount() == before + 1
    record = FollowUp.get(FollowUp.reason == "Walkthrough three days late")
    assert record.follow_up_on == TODAY and record.person_id == lucy.id
    assert tab.detail.follow_ups.rowCount() == 1

    row = next(i for i, f in enumerate(tab.follow_up_log.rows()) if f.id == record.id)
    tab.follow_up_view.selectRow(row)
    run_dialog(
        monkeypatch,
        tab_module.FollowUpDialog,
        lambda d: d.outcome.setPlainText("Agreed: Friday with Chloe"),
    )
    tab.edit_follow_up_button.click()
    assert FollowUp.get_by_id(record.id).outcome == "Agreed: Friday with Chloe"
    window.undo_action.trigger()
    assert FollowUp.get_by_id(record.id).outcome == ""

    row = next(i for i, f in enumerate(tab.follow_up_log.rows()) if f.id == record.id)
    tab.follow_up_view.selectRow(row)
    tab.delete_follow_up_button.click()
    assert FollowUp.get_or_none(FollowUp.id == record.id) is None
    window.undo_action.trigger()
    assert FollowUp.get_by_id(record.id).reason == "Walkthrough three days late"


def test_a_follow_up_without_reason_is_refused(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    run_dialog(monkeypatch, tab_module.FollowUpDialog, lambda d: None)
    tab_of(window).add_follow_up_button.click()
    assert warnings and warnings[0].startswith("reason")
    assert not window.undo_stack.canUndo()


def test_register_export_from_the_tab(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(tab_module, "run_export", _run_without_opening(tab_module.run_export))
    assert tab_of(window).export_actions()[0].text().startswith("Stakeholder register")
    tab_of(window).export_button.click()
    assert target.exists()


def _run_without_opening(real: Any) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        return real(*args, open_after=False, **kwargs)

    return run
