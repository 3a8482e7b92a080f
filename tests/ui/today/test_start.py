"""The app opens on Today when something is overdue (a setting), and may notify."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from pmdesk import app, db
from pmdesk.models import Language
from pmdesk.ui.main_window import NOTIFY_KEY, OPEN_ON_TODAY_KEY, TAB_KEY, TABS, MainWindow

from .conftest import make_window, shown_items


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    from pmdesk.demo import create_demo_project

    target = tmp_path / "demo.db"
    db.open_database(target)
    create_demo_project(Language.EN)  # relative to the real today: items are overdue
    db.close_database()
    return target


def start(
    qtbot: QtBot, path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    """The app's own start: the shell, then the file opened into it after the paint."""
    monkeypatch.setattr(app, "_start_log", lambda: None)
    window = MainWindow(path, Language.EN, settings, shell_only=True)
    qtbot.addWidget(window)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    assert app._open_into(qapp, window, path, Language.EN, settings) is None
    return window


def stop(window: MainWindow) -> None:
    window.close()
    db.close_database()
    if window.guard is not None:
        window.guard.release()


def test_it_opens_on_today_when_something_is_overdue(
    qtbot: QtBot, demo_file: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue(TAB_KEY, "progress_tab")  # the tab the user had last
    window = start(qtbot, demo_file, settings, monkeypatch)
    try:
        assert window.today_tab.overdue > 0
        assert window.tabs.currentWidget() is window.today_tab
        assert window.open_on_today_action.isChecked(), "on by default"
    finally:
        stop(window)


def test_turned_off_it_opens_where_the_user_left(
    qtbot: QtBot, demo_file: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue(TAB_KEY, "progress_tab")
    first = start(qtbot, demo_file, settings, monkeypatch)
    first.open_on_today_action.trigger()  # View → Open on Today… (off)
    stop(first)

    settings.setValue(TAB_KEY, "progress_tab")
    again = start(qtbot, demo_file, settings, monkeypatch)
    try:
        assert not again.open_on_today_action.isChecked()
        assert again.tabs.currentIndex() == 4
        assert again.tabs.currentWidget() is not again.today_tab
    finally:
        stop(again)


def test_the_notification_is_off_by_default_and_shown_when_asked(
    qtbot: QtBot, demo_file: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, title, text, *_: shown.append((title, text))
    )
    window = start(qtbot, demo_file, settings, monkeypatch)
    assert not window.notify_action.isChecked() and shown == []
    window.notify_action.trigger()
    assert settings.value(NOTIFY_KEY) in (True, "true")
    stop(window)

    again = start(qtbot, demo_file, settings, monkeypatch)
    try:
        [(title, text)] = shown
        assert title == "pmdesk: Today"
        assert text == f"{again.today_tab.overdue} overdue, {again.today_tab.due_today} due today."
    finally:
        stop(again)


def test_no_tray_no_notification(
    qtbot: QtBot, demo_file: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue(NOTIFY_KEY, True)
    settings.setValue(OPEN_ON_TODAY_KEY, False)
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    window = start(qtbot, demo_file, settings, monkeypatch)
    try:
        assert window.tray_icon is None
    finally:
        stop(window)


def test_switching_project_leaves_today_as_it_is(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today lists every project: picking another in the switcher recomputes nothing."""
    from pmdesk.services import projects
    from pmdesk.ui.today import actions

    projects.create_project(name="Second project")
    window = make_window(qtbot, database, settings)
    window.reload_projects()
    tab = window.today_tab
    before = shown_items(tab)
    calls: list[object] = []
    real = actions.listed
    monkeypatch.setattr(actions, "listed", lambda *a: calls.append(a) or real(*a))
    window.project_box.setFocus()
    qtbot.keyClick(window.project_box, Qt.Key.Key_Down)
    assert window.project_id != demo_db
    assert calls == [] and shown_items(tab) == before


def test_another_database_opened_shows_its_own_items_on_today(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, tmp_path: Path
) -> None:
    """A project switch leaves Today as it is; opening another database must not: the
    list, its counts and the tab's title were the first file's, and Done on one of its
    items would mark a record of the same id in the other file."""
    window = make_window(qtbot, database, settings)
    tab = window.today_tab
    assert shown_items(tab) and "overdue" in window.tabs.tabText(0)
    other = tmp_path / "other.db"
    assert window.switch_database(other)
    assert shown_items(tab) == [], "nothing of the first file is listed"
    assert window.tabs.tabText(0) == "Today"
    assert tab.item_actions.item is None
    assert window.switch_database(database)
    assert shown_items(tab) and "overdue" in window.tabs.tabText(0)


def test_today_off_screen_counts_the_database_opened_in_its_title(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, tmp_path: Path
) -> None:
    window = make_window(qtbot, database, settings)
    window.tabs.setCurrentWidget(window.kickoff_tab)
    assert window.switch_database(tmp_path / "other.db")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Today", timeout=3000)
    window.tabs.setCurrentWidget(window.today_tab)
    assert shown_items(window.today_tab) == []


def test_the_tab_is_kept_by_name_and_an_index_from_before_today_still_fits(
    qtbot: QtBot, demo_file: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.setValue(OPEN_ON_TODAY_KEY, False)
    settings.setValue("window/tab", 3)  # Progress, when Kickoff was the first tab
    window = start(qtbot, demo_file, settings, monkeypatch)
    try:
        assert window.tabs.currentWidget() is window.progress_tab
        bar = window.tabs.tabBar()
        stakeholders = [attribute for attribute, *_ in TABS].index("stakeholders_tab")
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(stakeholders).center())
    finally:
        stop(window)
    assert settings.value(TAB_KEY) == "stakeholders_tab"
    again = start(qtbot, demo_file, settings, monkeypatch)
    try:
        assert again.tabs.currentWidget() is again.stakeholders_tab
    finally:
        stop(again)
