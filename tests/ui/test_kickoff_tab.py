"""The Kickoff tab by keyboard and mouse over the demo project and a new one, with undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeRecord,
    ChecklistItem,
    Language,
    Meeting,
    Person,
    Purpose,
)
from pmdesk.services import meetings, projects
from pmdesk.ui.dialogs import kickoff_forms, kickoff_pickers
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.tabs.kickoff import OVERDUE_TEXT, KickoffTab
from pmdesk.ui.undo import Editor

from .conftest import TODAY

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


def show_section(tab: KickoffTab, key: str, qtbot: QtBot) -> None:
    index = ["purposes", "attendees", "agenda", "materials", "checklist", "changes"].index(key)
    tab.sections.setCurrentIndex(index)
    view = tab.views[key]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def select(tab: KickoffTab, key: str, row: int) -> None:
    view = tab.views[key]
    view.setCurrentIndex(view.model().index(row, 1))


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
    assert tab.purposes.rowCount() == 4 and tab.checklist.rowCount() == 10
    assert tab.venue_edit.text() == "HQ 5F"

    harness.stack.undo()
    assert meetings.kickoff_meeting(project.id) is None
    assert tab.stack.currentIndex() == 0
    harness.stack.redo()
    assert meetings.kickoff_meeting(project.id).id == meeting.id
    assert tab.checklist.rowCount() == 10


def test_agenda_by_keyboard_add_reorder_and_undo(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    show_section(tab, "agenda", qtbot)
    before = [item.id for item in tab.agenda.rows()]

    def fill(dialog: Any) -> None:
        dialog.title.setText("Questions and answers")
        dialog.minutes.setValue(15)

    answer(monkeypatch, kickoff_forms.AgendaItemDialog, fill)
    qtbot.keyClick(tab.views["agenda"], Qt.Key.Key_Insert)
    rows = tab.agenda.rows()
    assert [r.title for r in rows][-1] == "Questions and answers"
    assert "135 of 120 minutes" in tab.agenda_total.text()
    assert "15 minutes over" in tab.agenda_total.text()

    select(tab, "agenda", len(rows) - 1)
    qtbot.keyClick(tab.views["agenda"], Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    titles = [r.title for r in tab.agenda.rows()]
    assert titles[-2] == "Questions and answers"
    assert tab.agenda.row(tab.views["agenda"].currentIndex().row()).title == titles[-2], (
        "the selection follows the moved item"
    )
    slot = tab.agenda.index(len(rows) - 2, tab.agenda.column_index("Time"))
    assert tab.agenda.data(slot) == "11:20–11:35"

    demo.stack.undo()
    assert [r.title for r in tab.agenda.rows()][-1] == "Questions and answers"
    demo.stack.undo()
    assert [item.id for item in tab.agenda.rows()] == before
    assert AgendaItem.select().where(AgendaItem.title == "Questions and answers").count() == 0


def test_ticking_a_step_by_keyboard_and_the_overdue_count(demo: Harness, qtbot: QtBot) -> None:
    tab = demo.tab
    show_section(tab, "checklist", qtbot)
    assert "2 overdue" in tab.overdue_label.text()
    assert "2 overdue" in tab.summary.text()
    overdue = [r for r in range(tab.checklist.rowCount()) if tab._is_overdue(tab.checklist.row(r))]
    assert len(overdue) == 2
    step = tab.checklist.index(overdue[0], tab.checklist.column_index("Step"))
    assert tab.checklist.data(step, Qt.ItemDataRole.ForegroundRole) == OVERDUE_TEXT
    step_id = tab.checklist.row(overdue[0]).id

    select(tab, "checklist", overdue[0])
    qtbot.keyClick(tab.views["checklist"], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert ChecklistItem.get_by_id(step_id).done_at == NOW
    assert "1 overdue" in tab.overdue_label.text()
    demo.stack.undo()
    assert ChecklistItem.get_by_id(step_id).done_at is None
    assert "2 overdue" in tab.overdue_label.text()


def test_moving_the_confirmed_meeting_moves_due_times_and_logs_the_change(
    demo: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    meeting = tab.meeting
    assert meeting is not None
    dues = {c.id: meetings.checklist_due(c, meeting) for c in tab.checklist.rows()}
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    answer(monkeypatch, kickoff_forms.ChangeDialog, lambda d: None)

    tab.start_edit.setTime(QTime(10, 30))
    tab.start_edit.editingFinished.emit()
    moved = Meeting.get_by_id(meeting.id)
    assert (moved.starts_at.time(), moved.ends_at.time()) == (dt.time(10, 30), dt.time(12, 30))
    for item in meetings.checklist(meeting.id):
        assert meetings.checklist_due(item, moved) == dues[item.id] + dt.timedelta(hours=1)
    logged = meetings.change_records(meeting.id)[-1]
    assert logged.field == "time" and "09:30–11:30 → " in logged.description
    assert logged.confirmed_by.role == "client_lead"

    demo.stack.undo()  # the log entry
    demo.stack.undo()  # the move
    assert Meeting.get_by_id(meeting.id).starts_at == meeting.starts_at
    assert tab.start_edit.time() == QTime(9, 30)
    assert ChangeRecord.select().where(ChangeRecord.id == logged.id).count() == 0


def test_an_attendee_added_on_the_spot_and_removed_with_undo(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    show_section(tab, "attendees", qtbot)
    count = tab.attendees.rowCount()

    def fill(dialog: Any) -> None:
        dialog.name.setText("Grace Liu")
        dialog.email.setText("grace.liu@example.com")
        dialog.title.setText("Internal Audit Manager")

    answer(monkeypatch, kickoff_pickers.AttendeesDialog, fill)
    tab.add_attendees_action.trigger()
    assert tab.attendees.rowCount() == count + 1
    grace = Person.get(Person.name == "Grace Liu")
    assert (grace.side, grace.role) == ("client", "cooperating_staff")
    demo.stack.undo()
    assert Person.get_or_none(Person.name == "Grace Liu") is None
    assert tab.attendees.rowCount() == count

    select(tab, "attendees", 0)
    removed = tab.attendees.row(0)
    qtbot.keyClick(tab.views["attendees"], Qt.Key.Key_Delete)
    assert Attendee.get_or_none(Attendee.id == removed.id) is None
    demo.stack.undo()
    assert Attendee.get_by_id(removed.id).responsibility == removed.responsibility


def test_a_file_attached_to_a_material_and_undone(
    demo: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    deck = tmp_path / "Kickoff deck v0.9.pptx"
    deck.write_bytes(b"slides" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(deck), ""))
    select(tab, "materials", 0)
    tab.attach_action.trigger()
    shown = tab.materials.data(tab.materials.index(0, tab.materials.column_index("File")))
    assert shown == "Kickoff deck v0.9.pptx (600 B)"
    assert Attachment.select().count() == 1
    demo.stack.undo()
    assert Attachment.select().count() == 0
    assert tab.materials.data(tab.materials.index(0, tab.materials.column_index("File"))) == ""


def test_evidence_notes_and_text(demo: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = demo.tab
    select(tab, "purposes", 0)
    purpose_id = tab.purposes.row(0).id
    assert tab.evidence.rowCount() == 0
    answer(
        monkeypatch,
        kickoff_pickers.EvidenceDialog,
        lambda d: d.notes.item(0).setCheckState(Qt.CheckState.Checked),
    )
    tab.link_notes_action.trigger()
    assert tab.evidence.rowCount() == 1
    notes = tab.purposes.data(tab.purposes.index(0, tab.purposes.column_index("Notes")))
    assert notes == "1"
    demo.stack.undo()
    assert tab.evidence.rowCount() == 0

    tab.evidence_edit.setPlainText("Plan walked through with the COO.")
    tab.evidence_edit.committed.emit(tab.evidence_edit.toPlainText())
    assert Purpose.get_by_id(purpose_id).evidence == "Plan walked through with the COO."
    demo.stack.undo()
    assert Purpose.get_by_id(purpose_id).evidence.startswith("Plan and resource list")


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
