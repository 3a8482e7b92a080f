"""Progress fixtures: the tab over the demo project, files not opened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    Language,
)
from pmdesk.services import Changes
from pmdesk.ui.progress.tab import ProgressTab
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor

from ..conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


@pytest.fixture
def tab(qtbot: QtBot, demo_db: int, settings: QSettings) -> ProgressTab:
    problems: list[str] = []
    holder: dict[str, ProgressTab] = {}

    def notify(changes: Changes) -> None:
        holder["tab"].on_data_changed(changes)

    editor = Editor(QUndoStack(), notify, problems.append)
    widget = ProgressTab(TabContext(editor, Language.EN, settings, lambda: NOW))
    holder["tab"] = widget
    widget.problems = problems  # type: ignore[attr-defined]
    widget.open_files = False
    qtbot.addWidget(widget)
    widget.set_project(demo_db)
    return widget


def show_section(qtbot: QtBot, tab: ProgressTab, section: QWidget) -> None:
    """Click the section's tab, as the user does (a section shows the plan when shown)."""
    tab.show()
    bar = tab.sections.tabBar()
    index = tab.sections.indexOf(section)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab.sections.currentWidget() is section


def cell(model, row: int, header: str, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return model.data(model.index(row, model.column_index(header)), role)


def row_where(model, predicate) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(model.rowCount()) if predicate(model.row(r)))


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
