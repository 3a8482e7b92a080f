"""A new project set up entirely through the window (no demo): the project dialog,
the kickoff, a valued outcome, and every client document exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, LeaderPriority, Project
from pmdesk.services import meetings, projects
from pmdesk.ui.dialogs.project_dialog import ProjectDialog
from pmdesk.ui.main_window import MainWindow

from .conftest import NOW


def when_modal(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """Run `act` on the next modal dialog once it is open (before exec() blocks)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), "a dialog is open"
        act(dialog)

    QTimer.singleShot(0, run)


def press_ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTimer.singleShot(0, ok.click)  # after the fields' own events


def type_lines(qtbot: QtBot, box: QWidget, lines: list[str]) -> None:
    box.setFocus()
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


@pytest.fixture
def window(qtbot: QtBot, database: Path, settings: QSettings) -> MainWindow:
    window = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_new_project_through_the_window_reaches_every_export(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # New project: the dialog opens with the cursor in its first field.
    def fill_project(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        assert QApplication.focusWidget() is dialog.name or dialog.focusWidget() is dialog.name
        qtbot.keyClicks(dialog.name, "Warehouse roll-out")
        qtbot.keyClicks(dialog.client, "Acme Logistics")
        qtbot.keyClicks(dialog.code, "WR-1")
        qtbot.keyClicks(dialog.start_date.line, "2026-12-01")
        qtbot.keyClicks(dialog.end_date.line, "2027-03-31")
        type_lines(qtbot, dialog.scope_in, ["Pick and pack", "Inventory counts"])
        type_lines(qtbot, dialog.scope_out, ["Payroll"])
        type_lines(qtbot, dialog.outcomes, ["Live dashboard", "Process map"])
        press_ok(dialog)

    when_modal(qtbot, fill_project)
    window.new_project_action.trigger()
    project = Project.get(Project.name == "Warehouse roll-out")
    assert window.project_id == project.id
    assert (project.client_org, project.code) == ("Acme Logistics", "WR-1")
    assert (str(project.start_date), str(project.end_date)) == ("2026-12-01", "2027-03-31")
    assert [s.text for s in projects.scope_items(project.id)] == [
        "Pick and pack",
        "Inventory counts",
        "Payroll",
    ]
    assert [o.title for o in projects.outcomes(project.id)] == ["Live dashboard", "Process map"]

    # Edit it: rename, change the status.
    def edit_project(dialog: QDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Warehouse roll-out 2027")
        dialog.status.setCurrentIndex(dialog.status.findData("planned"))
        press_ok(dialog)

    when_modal(qtbot, edit_project)
    window.edit_project_action.trigger()
    project = Project.get_by_id(project.id)
    assert (project.name, project.status) == ("Warehouse roll-out 2027", "planned")
    assert "Warehouse roll-out 2027" in window.project_box.currentText()

    # Plan the kickoff, invite a client leader, hold it.
    kickoff = window.kickoff_tab
    window.tabs.setCurrentWidget(kickoff)
    when_modal(qtbot, press_ok)
    kickoff.plan_button.click()
    meeting = meetings.kickoff_meeting(project.id)
    assert meeting is not None

    def new_leader(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.name, "Helen Zhao")  # type: ignore[attr-defined]
        qtbot.keyClicks(dialog.email, "helen.zhao@example.com")  # type: ignore[attr-defined]
        role = dialog.role  # type: ignore[attr-defined]
        role.setCurrentIndex(role.findData("client_leader"))
        press_ok(dialog)

    window.kickoff_tab.sections.setCurrentWidget(kickoff.attendees)
    when_modal(qtbot, new_leader)
    kickoff.attendees.add_action.trigger()
    assert kickoff.attendees.model.rowCount() == 1
    status = kickoff.details.status_box
    status.setCurrentIndex(status.findData("held"))
    status.activated.emit(status.currentIndex())

    # Add valued outcome… works on the new project (it has outcomes now).
    live = window.live_tab
    window.tabs.setCurrentWidget(live)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"warning: {a}"))

    def value(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.evidence, "Asked twice about the dashboard")  # type: ignore[attr-defined]
        press_ok(dialog)

    when_modal(qtbot, value)
    person = kickoff.attendees.model.row(0).person_id
    live.attitudes.value_outcome(person, None)
    assert LeaderPriority.select().count() == 1

    # Every document of the File → Export menu is written.
    monkeypatch.setattr("pmdesk.ui.export_runner.QDesktopServices.openUrl", lambda _url: True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    written = []
    for action in window.export_menu.actions():
        if action.isSeparator() or "Import" in action.text() or "导入" in action.text():
            continue
        target = tmp_path / f"export-{len(written)}"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), "")
        )
        window._on_export_menu_about_to_show()
        action.trigger()
        produced = [p for p in tmp_path.iterdir() if p.name.startswith(target.name)]
        assert produced and produced[0].stat().st_size > 0, action.text()
        written.append(action.text())
    assert {"Kickoff pack (.docx)…", "Meeting invite (.ics)…"} <= set(written)
    assert any("inutes" in text for text in written)
    assert any("racker" in text for text in written)
    assert any("eport" in text for text in written)
