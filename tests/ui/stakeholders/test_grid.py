"""The power/interest grid: drag or arrow keys move a person, saved with undo; PNG export."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pmdesk.models import CooperationType, Language, Person, Side
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.widgets.power_grid import GridPoint, PowerGrid

from ..conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


def make_window(qtbot: QtBot, db_path: Path, settings: QSettings) -> MainWindow:
    window = MainWindow(db_path, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentWidget(window.stakeholders_tab)
    qtbot.waitExposed(window)
    return window


def cell_centre(grid: PowerGrid, influence: int, interest: int) -> QPoint:
    return grid.cell_rect(influence, interest).center().toPoint()


def drag(qtbot: QtBot, grid: PowerGrid, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(grid, middle)
    qtbot.mouseMove(grid, end)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=end)


def test_dragging_a_person_saves_influence_and_interest_and_undo_restores(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    grid = window.stakeholders_tab.grid_section.grid
    client = Person.select().where((Person.project == demo_db) & (Person.side == Side.CLIENT))
    assert {p.person_id for p in grid.points()} == {p.id for p in client}
    mark = Person.get((Person.project == demo_db) & (Person.name == "Mark Davies"))
    assert (mark.influence, mark.interest) == (2, 2)
    commands = window.undo_stack.count()

    drag(qtbot, grid, grid.point_centre(mark.id), cell_centre(grid, 4, 5))

    assert (Person.get_by_id(mark.id).influence, Person.get_by_id(mark.id).interest) == (4, 5)
    assert window.undo_stack.count() == commands + 1, "one edit per drag"
    moved = next(p for p in grid.points() if p.person_id == mark.id)
    assert (moved.influence, moved.interest) == (4, 5)
    assert window.stakeholders_tab.register_section.selected_person().id == mark.id
    window.undo_action.trigger()
    assert (Person.get_by_id(mark.id).influence, Person.get_by_id(mark.id).interest) == (2, 2)
    window.redo_action.trigger()
    assert Person.get_by_id(mark.id).influence == 4


def test_a_drag_that_ends_in_the_same_cell_changes_nothing(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    grid = window.stakeholders_tab.grid_section.grid
    person_id = grid.points()[0].person_id
    start = grid.point_centre(person_id)
    drag(qtbot, grid, start, start + QPoint(3, 2))
    assert not window.undo_stack.canUndo()


def test_arrow_keys_move_the_selected_person(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = make_window(qtbot, database, settings)
    grid = window.stakeholders_tab.grid_section.grid
    lucy = Person.get((Person.project == demo_db) & (Person.name == "Lucy Evans"))
    grid.setFocus()
    while grid.selected_id() != lucy.id:
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert window.stakeholders_tab.register_section.selected_person().id == lucy.id, (
        "the register follows"
    )
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # already at 1: stays
    person = Person.get_by_id(lucy.id)
    assert (person.influence, person.interest) == (1, 3)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert Person.get_by_id(lucy.id).interest == 2


def test_people_sharing_a_cell_stay_readable(qtbot: QtBot) -> None:
    grid = PowerGrid(Language.EN)
    qtbot.addWidget(grid)
    grid.resize(600, 420)
    names = ["Wang Fang", "Li Ming", "Zhang Wei", "Liu Yang"]
    grid.set_points(
        [GridPoint(n, name, 4, 4, CooperationType.ROUTINE) for n, name in enumerate(names)]
    )
    cell = grid.cell_rect(4, 4)
    positions = [grid.point_position(n) for n in range(len(names))]
    ys = sorted(p.y() for p in positions)
    assert all(b - a >= 12 for a, b in itertools.pairwise(ys)), "stacked, not piled"
    assert all(cell.contains(p) for p in positions)
    assert [grid.point_at(p) for p in positions] == list(range(len(names)))
    assert grid.describe(2) == "Zhang Wei: influence 4, interest 4 — Manage closely"


def test_quadrant_names_follow_the_language(qtbot: QtBot) -> None:
    grid = PowerGrid(Language.ZH_CN)
    qtbot.addWidget(grid)
    grid.resize(600, 420)
    grid.set_points([GridPoint(1, "王芳", 2, 5, CooperationType.ACTIVE)])
    assert grid.describe(1).endswith("随时告知")


def test_grid_exports_as_png(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, database, settings)
    tab = window.stakeholders_tab
    target = tmp_path / "grid"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), ""))
    tab.grid_section.grid_png_button.click()
    written = tmp_path / "grid.png"
    assert written.read_bytes().startswith(b"\x89PNG")
    image = QImage(str(written))
    assert image.width() == tab.grid_section.grid.width() * 2
    assert image.height() > tab.grid_section.grid.height() * 2, "a caption band above the grid"
