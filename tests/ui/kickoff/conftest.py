"""A Kickoff tab over a fresh database (and the demo project), with its undo stack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QTableView
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.kickoff.tab import KickoffTab
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor

from ..conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


class Harness:
    def __init__(self, tab: KickoffTab, stack: QUndoStack, problems: list[str]) -> None:
        self.tab = tab
        self.stack = stack
        self.problems = problems


@pytest.fixture
def harness(qtbot: QtBot, database: Path, settings: QSettings) -> Harness:
    stack = QUndoStack()
    problems: list[str] = []
    tabs: list[KickoffTab] = []
    editor = Editor(stack, lambda changes: tabs[0].on_data_changed(changes), problems.append)
    tab = KickoffTab(TabContext(editor, Language.EN, settings, lambda: NOW))
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return Harness(tab, stack, problems)


@pytest.fixture
def demo(harness: Harness, demo_db: int) -> Harness:
    harness.tab.set_project(demo_db)
    return harness


def answer(monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[Any], None]):  # type: ignore[no-untyped-def]
    """Make `dialog` accept at once after `fill` sets its fields (as a user would)."""

    def run(self: Any) -> int:
        fill(self)
        self.accept()
        return int(self.result())

    monkeypatch.setattr(dialog, "exec", run)


def show_section(tab: KickoffTab, section: KickoffSection, qtbot: QtBot) -> None:
    tab.sections.setCurrentWidget(section)
    section.view.setFocus()
    qtbot.waitUntil(section.view.hasFocus)


def select(view: QTableView, row: int) -> None:
    view.setCurrentIndex(view.model().index(row, 1))


def click_row(qtbot: QtBot, view: QTableView, row: int, column: int = 0) -> None:
    """A mouse click on the row's cell, as a user does."""
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
