"""The main window over the demo project: every tab shows its data; switching, undo, layout.

Each tab's own behaviour is tested beside it (test_<tab>_tab.py); here only what the
window does with them: which project they show, when they load, the menus and layout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import ActionItem, ActionStatus, Language, Person
from pmdesk.services import projects
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.models.records import RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab
from tests.demo_copy import demo_project

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


def show(window: MainWindow, tab: ProjectTab) -> ProjectTab:
    window.tabs.setCurrentWidget(tab)
    return tab


def filled_tables(tab: ProjectTab) -> int:
    """How many of the tab's tables have rows."""
    return sum(model.rowCount() > 0 for model in tab.findChildren(RecordTableModel))


def test_every_tab_shows_the_demo_project(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    assert window.project_id == demo_db
    for tab in window.project_tabs:
        show(window, tab)
        if tab is window.today_tab:  # a grouped list, not record tables
            assert window.today_tab.model.rowCount() >= 2
            continue
        assert filled_tables(tab) >= 2, f"{type(tab).__name__} shows the project's data"

    kickoff = show(window, window.kickoff_tab)
    assert kickoff.purposes.model.rowCount() == 4
    assert kickoff.attendees.model.rowCount() >= 6
    show(window, window.live_tab)
    assert window.live_tab.capture.notes.rowCount() >= 10
    show(window, window.stakeholders_tab)
    register = window.stakeholders_tab.register_section.register
    assert register.rowCount() == Person.select().where(Person.project == demo_db).count()
    show(window, window.progress_tab)
    plan = window.progress_tab.steps.plan
    assert plan.rowCount() == ActionItem.select().where(ActionItem.project == demo_db).count()


def test_chinese_window_speaks_chinese(
    qtbot: QtBot, database: Path, settings: QSettings, qapp: QApplication
) -> None:
    from pmdesk.ui.i18n import install_translators

    demo_project(Language.ZH_CN, today=TODAY)
    translators = install_translators(qapp, Language.ZH_CN)
    try:
        window = make_window(qtbot, database, settings, Language.ZH_CN)
        titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        assert titles[0].startswith("今日")
        assert titles[1:] == [
            *("项目启动会(&K)", "会中记录(&L)", "干系人(&S)", "进度推进(&P)"),
            *("系列会议", "决策记录"),
        ]
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        show(window, window.stakeholders_tab)
        register = window.stakeholders_tab.register_section.register
        shown = {
            register.data(register.index(row, column))
            for row in range(register.rowCount())
            for column in range(register.columnCount())
        }
        assert "积极配合者" in shown, "vocabulary in Chinese too"
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
    for tab in window.project_tabs:
        show(window, tab)
        assert tab.project_id == empty.id
    assert window.stakeholders_tab.register_section.register.rowCount() == 0
    assert window.progress_tab.steps.plan.rowCount() == 0
    show(window, window.progress_tab)
    window.select_project(demo_db)
    assert window.progress_tab.steps.plan.rowCount() > 0, "the tab on screen reloads at once"


def test_tabs_off_screen_load_when_shown(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    """Opening a project loads only the tab on screen; the others when the user looks."""
    window = make_window(qtbot, database, settings)
    show(window, window.kickoff_tab)
    other, _ = projects.create_project("Other")
    window.reload_projects()
    window.select_project(other.id)
    assert window.progress_tab.project_id == other.id
    assert window.progress_tab.steps.plan.rowCount() == 0
    window.select_project(demo_db)
    assert window.progress_tab.steps.plan.rowCount() == 0, "not loaded while off screen"
    show(window, window.progress_tab)
    assert window.progress_tab.steps.plan.rowCount() > 0


def test_edit_in_a_table_is_saved_and_undone(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    show(window, window.progress_tab)
    plan = window.progress_tab.steps.plan
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
    shown = next(a for a in window.progress_tab.steps.plan.rows() if a.id == action_id)
    assert shown.status == ActionStatus.OPEN, "the table shows the undone value"

    window.redo_action.trigger()
    assert ActionItem.get_by_id(action_id).status == ActionStatus.DONE


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
    before = window.undo_stack.count()
    assert not window.editor.edit(
        ActionItem, ActionItem.select().first().id, {"title": "  "}, "Edit step"
    )
    assert shown and shown[0].startswith("Title:"), "named by its label"
    assert window.undo_stack.count() == before


def test_window_layout_is_remembered(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    window.resize(window.minimumSizeHint().expandedTo(window.minimumSize()))
    size = window.size()
    window.tabs.setCurrentIndex(2)
    window.close()

    again = make_window(qtbot, database, settings)
    assert again.tabs.currentIndex() == 2
    assert again.size() == size
    assert again.project_id == demo_db
    again.close()


def test_language_menu_asks_for_the_new_language(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    with qtbot.waitSignal(window.language_chosen) as blocker:
        window.language_actions[Language.ZH_CN].trigger()
    assert blocker.args == ["zh_CN"]


def test_every_export_is_in_the_file_menu(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    texts = [a.text() for a in window.export_menu.actions() if not a.isSeparator()]
    assert len(texts) >= 6, texts
    assert window.export_menu.isEnabled()


def test_sorting_by_a_header_and_back(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    show(window, window.progress_tab)
    plan = window.progress_tab.steps.plan
    natural = [a.id for a in plan.rows()]
    plan.sort(plan.column_index("Step"), Qt.SortOrder.AscendingOrder)
    titles = [a.title.casefold() for a in plan.rows()]
    assert titles == sorted(titles)
    plan.sort(-1)
    assert [a.id for a in plan.rows()] == natural


def test_the_export_menu_loads_tabs_off_screen_first(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    show(window, window.kickoff_tab)
    other, _ = projects.create_project("Other")
    window.reload_projects()
    window.select_project(other.id)
    window.select_project(demo_db)
    assert window.live_tab.capture.notes.rowCount() == 0, "off screen: not loaded yet"
    window.export_menu.aboutToShow.emit()
    assert window.live_tab.meeting_id is not None, "minutes export knows its meeting"


def test_every_dialog_opens_with_the_cursor_in_its_first_field(
    qtbot: QtBot, demo_db: int, database: Path, settings: QSettings
) -> None:
    """A dialog of any tab (here Progress → Add step…) takes typing at once, not on OK."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QLineEdit

    window = make_window(qtbot, database, settings)
    section = window.progress_tab.steps
    show(window, window.progress_tab)
    seen: list[str] = []

    def type_into_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        focused = dialog.focusWidget()
        seen.append(type(focused).__name__)
        if isinstance(focused, QLineEdit):
            qtbot.keyClicks(focused, "Typed at once")
            seen.append(focused.text())
        dialog.reject()

    QTimer.singleShot(0, type_into_the_dialog)
    button = section.add_step_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == ["QLineEdit", "Typed at once"]
