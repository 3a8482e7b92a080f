"""Stakeholders fixtures: the main window on the demo project, showing the tab."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    Language,
    Person,
)
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.stakeholders.tab import StakeholdersTab

from ..conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


@pytest.fixture
def window(qtbot: QtBot, database: Path, demo_db: int, settings: QSettings) -> MainWindow:
    window = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.stakeholders_tab)
    qtbot.waitExposed(window)
    return window


def tab_of(window: MainWindow) -> StakeholdersTab:
    return window.stakeholders_tab


def select(tab: StakeholdersTab, name: str) -> Person:
    register = tab.register_section
    row = next(i for i, p in enumerate(register.register.rows()) if p.name == name)
    register.register_view.selectRow(row)
    return register.register.row(row)


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
