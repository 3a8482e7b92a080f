"""Today fixtures: the main window on the demo project, and driving the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.services.today import TodayItem
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.today.tab import TodayTab

from ..conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


def make_window(
    qtbot: QtBot,
    database: Path,
    settings: QSettings,
    now: dt.datetime = NOW,
    language: Language = Language.EN,
) -> MainWindow:
    window = MainWindow(database, language, settings, clock=lambda: now)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.progress_tab.open_files = False
    window.tabs.setCurrentWidget(window.today_tab)
    return window


@pytest.fixture
def window(qtbot: QtBot, database: Path, demo_db: int, settings: QSettings) -> MainWindow:
    return make_window(qtbot, database, settings)


def shown_items(tab: TodayTab) -> list[TodayItem]:
    return tab.model.items()


def click_item(
    qtbot: QtBot, tab: TodayTab, wanted: Callable[[TodayItem], bool], *, double: bool = False
) -> TodayItem:
    """Click (or double-click) the first listed item `wanted` accepts, on its row."""
    item = next(i for i in shown_items(tab) if wanted(i))
    index = tab.model.index_of(item).siblingAtColumn(tab.model.WHY)
    tab.view.scrollTo(index)
    rect = tab.view.visualRect(index)
    assert rect.isValid()
    viewport = tab.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    if double:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.selected_item() == item
    return item


def ident(item: TodayItem) -> tuple[str, int, int, int | None]:
    """What tells items apart (their `key` without the occurrence)."""
    return (item.kind, item.project_id, item.record_id, item.person_id)


def of_kind(kind: str) -> Callable[[TodayItem], bool]:
    return lambda item: item.kind == kind


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
