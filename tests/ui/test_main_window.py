"""The main window over the demo project: every tab shows its data; switching, undo, layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import ActionItem, ActionStatus, ChecklistItem, Language, Person, Purpose
from pmdesk.services import projects
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.models.records import OVERDUE_BRUSH

from .conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


def make_window(
    qtbot: QtBot, db_path: Path, settings: QSettings, language: Language = Language.EN
) -> MainWindow:
    window = MainWindow(db_path, language, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def cell(model, row: int, header: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, model.column_index(header)), role)


def test_every_tab_shows_the_demo_project(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    assert window.project_id == demo_db
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(1)

    kickoff = window.kickoff_tab
    assert kickoff.meeting is not None
    assert kickoff.purposes.rowCount() == 4
    assert kickoff.attendees.rowCount() >= 6
    assert kickoff.agenda.rowCount() >= 4
    assert kickoff.materials.rowCount() >= 3
    assert "minutes" in kickoff.agenda_total.text()
    steps = kickoff.checklist.rows()
    assert any(s.done_at for s in steps) and any(s.done_at is None for s in steps)
    overdue_rows = [
        r
        for r in range(kickoff.checklist.rowCount())
        if cell(kickoff.checklist, r, "Step", Qt.ItemDataRole.BackgroundRole) == OVERDUE_BRUSH
    ]
    assert overdue_rows, "an undone step due before now stands out"

    live = window.live_tab
    assert live.meeting_box.count() >= 2
    assert live.notes.rowCount() >= 10
    assert live.speakers.count() >= 3
    assert live.speakers.item(0).text().startswith("1 ")

    register = window.stakeholders_tab.register
    assert register.rowCount() == Person.select().where(Person.project == demo_db).count()
    types = {cell(register, r, "Cooperation type") for r in range(register.rowCount())}
    assert {"Active", "Passive", "Routine"} <= types

    plan = window.progress_tab.plan
    assert plan.rowCount() == ActionItem.select().where(ActionItem.project == demo_db).count()
    assert "overdue" in window.progress_tab.summary.text()
    assert window.progress_tab.reviews.rowCount() >= 3
    assert window.progress_tab.requests.rowCount() >= 2


def test_chinese_window_speaks_chinese(
    qtbot: QtBot, database: Path, settings: QSettings, qapp: QApplication
) -> None:
    from pmdesk.demo import create_demo_project
    from pmdesk.ui.i18n import install_translators

    create_demo_project(Language.ZH_CN, today=TODAY)
    translators = install_translators(qapp, Language.ZH_CN)
    try:
        window = make_window(qtbot, database, settings, Language.ZH_CN)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles == ["项目启动会(&K)", "会中记录(&L)", "干系人(&S)", "进度推进(&P)"]
        register = window.stakeholders_tab.register
        assert "积极配合者" in {
            cell(register, r, register.column(register.columnCount() - 2).header)
            for r in range(register.rowCount())
        }
        purposes = window.kickoff_tab.purposes
        assert cell(purposes, 0, purposes.column(0).header).startswith("让客户知晓项目")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_switching_project_changes_every_tab(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    empty, _ = projects.create_project("Empty project")
    window = make_window(qtbot, database, settings)
    window.select_project(empty.id)
    assert window.project_id == empty.id
    assert window.kickoff_tab.meeting is None
    assert "no kickoff" in window.kickoff_tab.summary.text()
    assert window.stakeholders_tab.register.rowCount() == 0
    assert window.progress_tab.plan.rowCount() == 0
    assert window.live_tab.notes.rowCount() == 0
    window.select_project(demo_db)
    assert window.progress_tab.plan.rowCount() > 0


def test_edit_in_a_table_is_saved_and_undone(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    plan = window.progress_tab.plan
    row = next(r for r in range(plan.rowCount()) if plan.row(r).status == ActionStatus.OPEN)
    action_id = plan.row(row).id
    index = plan.index(row, plan.column_index("Status"))

    assert plan.setData(index, ActionStatus.DONE.value)
    saved = ActionItem.get_by_id(action_id)
    assert saved.status == ActionStatus.DONE
    assert saved.completed_on == TODAY

    window.undo_action.trigger()
    saved = ActionItem.get_by_id(action_id)
    assert saved.status == ActionStatus.OPEN and saved.completed_on is None
    shown = next(a for a in window.progress_tab.plan.rows() if a.id == action_id)
    assert shown.status == ActionStatus.OPEN, "the table shows the undone value"

    window.redo_action.trigger()
    assert ActionItem.get_by_id(action_id).status == ActionStatus.DONE
    assert "Change step status" in window.undo_action.text()


def test_ticking_a_checklist_step_and_purpose_state(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    checklist = window.kickoff_tab.checklist
    row = next(r for r in range(checklist.rowCount()) if checklist.row(r).done_at is None)
    step_id = checklist.row(row).id
    index = checklist.index(row, checklist.column_index("Done"))
    assert checklist.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ChecklistItem.get_by_id(step_id).done_at == NOW

    purposes = window.kickoff_tab.purposes
    purpose_id = purposes.row(0).id
    assert purposes.setData(purposes.index(0, purposes.column_index("State")), "met")
    assert Purpose.get_by_id(purpose_id).state == "met"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert ChecklistItem.get_by_id(step_id).done_at is None


def test_invalid_edit_is_refused_with_a_message(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = make_window(qtbot, database, settings)
    register = window.stakeholders_tab.register
    person_id = register.row(0).id
    name = register.row(0).name
    register.setData(register.index(0, register.column_index("Name")), "   ")
    assert shown and "name" in shown[0]
    assert Person.get_by_id(person_id).name == name
    assert not window.undo_stack.canUndo()


def test_window_layout_is_remembered(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    window.resize(701, 555)  # within the offscreen screen (800×600): no clamping
    window.tabs.setCurrentIndex(2)
    window.close()

    again = make_window(qtbot, database, settings)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == (701, 555)
    again.close()


def test_search_filters_the_register(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    tab = window.stakeholders_tab
    everyone = tab.register.rowCount()
    first = tab.register.row(0).name
    tab.search.setText(first)
    assert 1 <= tab.register.rowCount() < everyone
    assert all(first.casefold() in p.name.casefold() for p in tab.register.rows())
    tab.register_view.selectRow(0)
    assert tab.history_title.text().endswith(tab.register.row(0).name)
    tab.search.clear()
    assert tab.register.rowCount() == everyone


def test_language_menu_asks_for_the_new_language(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    with qtbot.waitSignal(window.language_chosen) as blocker:
        window.language_actions[Language.ZH_CN].trigger()
    assert blocker.args == ["zh_CN"]
