"""The project dialog's OK is one undo step: Edit → Undo puts the fields, scope and
outcomes back (an outcome deleted comes back with the leaders' priorities on it), says
what it undid, and Redo does it again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, LeaderPriority, Outcome, Project
from pmdesk.services import projects
from pmdesk.ui.dialogs.project_dialog import ProjectDialog
from pmdesk.ui.main_window import MainWindow


def retype(qtbot: QtBot, box: object, text: str) -> None:
    """Select what the field holds and type `text` over it, line by line."""
    box.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


def test_an_edit_of_the_project_undoes_and_redoes_as_one_step(
    qtbot: QtBot, demo_db: int, database: Path, settings: QSettings
) -> None:
    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()
    before = projects.project_plan(demo_db)
    valued = Outcome.get_by_id(LeaderPriority.select().first().outcome_id)
    priorities = sorted(p.id for p in valued.priorities)
    kept_outcomes = [t for t in before.outcomes if t != valued.title]

    def edit_in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProjectDialog)
        retype(qtbot, dialog.name, "Renamed P2P")
        retype(qtbot, dialog.scope_out, "Payroll\nTreasury")
        retype(qtbot, dialog.outcomes, "\n".join(kept_outcomes))
        box = dialog.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, edit_in_the_dialog)
    window.edit_project_action.trigger()
    edited = projects.project_plan(demo_db)
    assert edited.values["name"] == "Renamed P2P"
    assert list(edited.scope_out) == ["Payroll", "Treasury"]
    assert list(edited.outcomes) == kept_outcomes
    assert not LeaderPriority.select().where(LeaderPriority.id.in_(priorities)).exists()
    assert window.undo_stack.count() == 1
    assert window.undo_action.text().startswith("&Undo Edit project Renamed P2P")

    window.undo_action.trigger()
    assert projects.project_plan(demo_db) == before
    assert Project.get_by_id(demo_db).name == before.values["name"]
    assert Outcome.get_by_id(valued.id).title == valued.title
    assert sorted(p.id for p in Outcome.get_by_id(valued.id).priorities) == priorities
    assert window.statusBar().currentMessage().startswith("Undid: Edit project Renamed P2P")
    assert window.project_box.currentText().startswith(before.values["name"])

    window.redo_action.trigger()
    assert projects.project_plan(demo_db) == edited
    assert window.statusBar().currentMessage().startswith("Redid: Edit project Renamed P2P")
    window.undo_action.trigger()
    assert projects.project_plan(demo_db) == before
    window.close()


def test_ok_without_a_change_is_no_undo_step(
    qtbot: QtBot, demo_db: int, database: Path, settings: QSettings
) -> None:
    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()

    def press_ok() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProjectDialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_ok)
    window.edit_project_action.trigger()
    assert window.undo_stack.count() == 0
    window.close()
