"""The register: filters, search, add, edit, remove, undo; the engagement matrix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    Assessment,
    CooperationType,
    EscalationMemo,
    FollowUp,
    Person,
    Role,
    Side,
)
from pmdesk.services import people
from pmdesk.ui.dialogs.person_dialog import PersonDialog
from pmdesk.ui.main_window import MainWindow

from .conftest import NOW, run_dialog, select, tab_of

# --- the register ------------------------------------------------------------------------


def test_register_filters_and_search(window: MainWindow) -> None:
    tab = tab_of(window)
    everyone = tab.register_section.register.rowCount()
    tab.register_section.side_filter.setCurrentIndex(
        tab.register_section.side_filter.findData(Side.CONSULTANT.value)
    )
    assert tab.register_section.register.rowCount() == 4
    assert not tab.grid_section.grid.points(), "the grid shows the client people in the filter"
    tab.register_section.side_filter.setCurrentIndex(0)
    tab.register_section.type_filter.setCurrentIndex(
        tab.register_section.type_filter.findData(CooperationType.PASSIVE.value)
    )
    assert sorted(p.name for p in tab.register_section.register.rows()) == [
        "Gary Thompson",
        "Mark Davies",
    ]
    assert len(tab.grid_section.grid.points()) == 2
    tab.register_section.type_filter.setCurrentIndex(0)
    tab.register_section.engagement_filter.setCurrentIndex(
        tab.register_section.engagement_filter.findData("-")
    )
    assert {p.side for p in tab.register_section.register.rows()} == {Side.CONSULTANT.value}
    tab.register_section.engagement_filter.setCurrentIndex(
        tab.register_section.engagement_filter.findData("neutral")
    )
    assert {p.engagement_current for p in tab.register_section.register.rows()} == {"neutral"}
    tab.register_section.engagement_filter.setCurrentIndex(0)
    tab.register_section.role_filter.setCurrentIndex(
        tab.register_section.role_filter.findData(Role.CLIENT_LEADER.value)
    )
    assert tab.register_section.register.rowCount() == 3
    tab.register_section.role_filter.setCurrentIndex(0)
    tab.register_section.search.setText("group procurement")
    assert {p.org_unit for p in tab.register_section.register.rows()} == {"Group Procurement"}
    tab.register_section.search.clear()
    assert tab.register_section.register.rowCount() == everyone


def test_register_sorts_by_a_column(window: MainWindow) -> None:
    tab = tab_of(window)
    tab.register_section.register_view.sortByColumn(
        tab.register_section.register.column_index("Influence"), Qt.SortOrder.DescendingOrder
    )
    influences = [
        p.influence for p in tab.register_section.register.rows() if p.side == Side.CLIENT
    ]
    assert influences == sorted(influences, reverse=True)


def test_add_a_person_and_undo(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = tab_of(window)
    before = tab.register_section.register.rowCount()

    def fill(dialog: PersonDialog) -> None:
        dialog.name.setText("王芳")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.COOPERATING_STAFF.value))
        dialog.job_title.setText("Buyer")
        dialog.engagement_current.setCurrentIndex(dialog.engagement_current.findData("neutral"))
        dialog.cooperation_type.setCurrentIndex(dialog.cooperation_type.findData("routine"))
        dialog.cause_boxes["workload"].setChecked(True)

    run_dialog(monkeypatch, PersonDialog, fill)
    tab.register_section.add_button.click()
    added = Person.get(Person.name == "王芳")
    assert tab.register_section.register.rowCount() == before + 1
    assert tab.register_section.selected_person().id == added.id
    assert (added.side, added.cooperation_type) == ("client", "routine")
    assert [a.cooperation_type for a in people.assessments(added.id)] == ["routine"]
    window.undo_action.trigger()
    assert Person.get_or_none(Person.name == "王芳") is None
    assert tab.register_section.register.rowCount() == before
    window.redo_action.trigger()
    assert people.assessments(added.id), "redo brings the history back too"


def test_an_invalid_person_keeps_the_dialog_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    shown = run_dialog(monkeypatch, PersonDialog, lambda d: d.email.setText("not an address"))
    tab_of(window).register_section.add_button.click()
    assert warnings and warnings[0].startswith("Name:"), "named by its label"
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
    tab.register_section.edit_button.click()
    latest = people.assessments(emma.id)[-1]
    assert Person.get_by_id(emma.id).cooperation_type == "active"
    assert (latest.cooperation_type, latest.source, latest.assessed_at) == (
        "active",
        "Weekly review",
        NOW,
    )
    assert tab.detail.history_page.history.rowCount() == history + 1
    window.undo_action.trigger()
    assert Person.get_by_id(emma.id).cooperation_type == "routine"
    assert len(people.assessments(emma.id)) == history


def test_inline_engagement_edit_goes_through_the_history(window: MainWindow) -> None:
    tab = tab_of(window)
    lucy = select(tab, "Lucy Evans")
    row = next(i for i, p in enumerate(tab.register_section.register.rows()) if p.id == lucy.id)
    column = tab.register_section.register.column_index("Engagement now")
    assert tab.register_section.register.setData(
        tab.register_section.register.index(row, column), "neutral"
    )
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
    tab.register_section.remove_button.click()
    assert Person.get_or_none(Person.id == mark.id) is None
    assert all(ActionItem.get_by_id(a).owner_id is None for a in owned)
    assert "Mark Davies" not in {p.name for p in tab.register_section.register.rows()}
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
    assert detail.history_page.history.rowCount() == 2
    assert (
        "Suggested from the on-time record: <b>Passive</b>"
        in detail.playbook.cooperation.suggestion.text()
    )


def test_the_engagement_matrix_shows_the_gap(window: MainWindow) -> None:
    matrix = tab_of(window).engagement.matrix
    levels = [level.value for level in matrix.levels]
    resistant, supportive = levels.index("resistant"), levels.index("supportive")
    index = matrix.index(resistant, supportive)
    assert matrix.data(index) == "Mark Davies"
    assert "gap 2" in matrix.data(index, Qt.ItemDataRole.ToolTipRole)
    diagonal = matrix.data(matrix.index(supportive, supportive), Qt.ItemDataRole.BackgroundRole)
    gap = matrix.data(index, Qt.ItemDataRole.BackgroundRole)
    assert diagonal != gap
    assert "must move up" in tab_of(window).engagement.matrix_summary.text()


def test_tab_walks_the_register_as_it_is_laid_out(qtbot: QtBot, window: MainWindow) -> None:
    register = tab_of(window).register_section
    register.search.setFocus()
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        register.side_filter,
        register.role_filter,
        register.type_filter,
        register.engagement_filter,
        register.register_view,
        register.add_button,
    ]


# --- seniority ---------------------------------------------------------------------------


def test_the_pm_orders_the_leaders_with_the_mouse_and_the_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    section = tab_of(window).register_section
    view, model = section.register_view, section.register
    rank = model.column_index("Rank")

    def leaders() -> list[tuple[str, str]]:
        return [
            (p.name, model.index(row, rank).data())
            for row, p in enumerate(model.rows())
            if p.role == Role.CLIENT_LEADER
        ]

    assert leaders() == [("David Harrington", "1"), ("Helen Brooks", "2"), ("Rajesh Patel", "3")]
    row = next(i for i, p in enumerate(model.rows()) if p.name == "Rajesh Patel")
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(model.index(row, 0)).center(),
    )
    assert section.selected_person().name == "Rajesh Patel"
    qtbot.mouseClick(section.up_button, Qt.MouseButton.LeftButton)
    assert leaders() == [("David Harrington", "1"), ("Rajesh Patel", "2"), ("Helen Brooks", "3")]
    assert section.selected_person().name == "Rajesh Patel", "the moved person stays current"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [name for name, _ in leaders()] == ["Rajesh Patel", "David Harrington", "Helen Brooks"]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert leaders()[0][0] == "Rajesh Patel", "first already"
    assert "Move Rajesh Patel up" in window.undo_action.text()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert [name for name, _ in leaders()] == ["David Harrington", "Helen Brooks", "Rajesh Patel"]
    window.redo_action.trigger()
    assert leaders()[1][0] == "Rajesh Patel"
