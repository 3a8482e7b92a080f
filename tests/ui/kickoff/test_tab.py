"""The Kickoff tab as a whole: planning a kickoff on a new project, and its exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.services import meetings, projects
from pmdesk.ui.dialogs import kickoff_forms
from pmdesk.ui.main_window import MainWindow

from .conftest import NOW, Harness, answer


def test_plan_the_kickoff_on_a_new_project_then_undo_and_redo(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = projects.create_project("Warehouse roll-out")
    tab = harness.tab
    tab.set_project(project.id)
    assert tab.stack.currentIndex() == 0 and "no kickoff" in tab.summary.text()
    assert not tab.pack_action.isEnabled()

    answer(monkeypatch, kickoff_forms.PlanKickoffDialog, lambda d: d.venue.setText("HQ 5F"))
    tab.plan_button.click()
    meeting = meetings.kickoff_meeting(project.id)
    assert meeting is not None and meeting.venue == "HQ 5F"
    assert tab.stack.currentIndex() == 1 and tab.pack_action.isEnabled()
    assert tab.purposes.model.rowCount() == 4 and tab.checklist.model.rowCount() == 10
    assert tab.details.venue_edit.text() == "HQ 5F"

    harness.stack.undo()
    assert meetings.kickoff_meeting(project.id) is None
    assert tab.stack.currentIndex() == 0
    harness.stack.redo()
    assert meetings.kickoff_meeting(project.id).id == meeting.id
    assert tab.checklist.model.rowCount() == 10


def test_exports_are_in_the_file_menu_and_write_files(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.export_menu.actions()]
    assert "Kickoff pack (.docx)…" in texts and "Meeting invite (.ics)…" in texts
    opened: list[object] = []
    monkeypatch.setattr("pmdesk.ui.export_runner.QDesktopServices.openUrl", opened.append)
    for action, name in (
        (window.kickoff_tab.pack_action, "pack.docx"),
        (window.kickoff_tab.invite_action, "invite.ics"),
    ):
        target = tmp_path / name
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, target=target, **k: (str(target), "")
        )
        action.trigger()
        assert target.stat().st_size > 0
    assert len(opened) == 2
