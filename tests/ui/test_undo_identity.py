"""Undo and redo act only on the rows they know: an id another program or a restored
backup reused is reported, never acted on. Every kind: edit, create, delete with what
hangs off it, import; and the real flow — a note captured in the window, `pmdesk
restore` of an older backup, Ctrl+Z."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.imports.tracker_xlsx import AppliedImport, redo_import, undo_import
from pmdesk.models import ActionItem, Language, Meeting, MeetingKind, Note, Project
from pmdesk.services import Changes, capture, progress
from pmdesk.services.common import edit_fields
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.undo import Editor


def make_editor() -> tuple[Editor, list[str]]:
    problems: list[str] = []
    return Editor(QUndoStack(), lambda _c: None, problems.append), problems


def outside(path: Path, *statements: str) -> None:
    """Another program writes to the file (no pmdesk, no foreign-key cascades)."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            other.execute(statement)
    finally:
        other.close()


def replace_row(path: Path, table: str, record_id: int, **values: object) -> None:
    """Put another row at `record_id`, as a restored backup would: same id, new identity."""
    other = sqlite3.connect(path, isolation_level=None)
    try:
        row = other.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
        names = [c[1] for c in other.execute(f"PRAGMA table_info({table})")]
        data = dict(zip(names, row, strict=True)) | values | {"row_uid": "f" * 32}
        other.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))
        marks = ", ".join("?" for _ in data)
        other.execute(
            f"INSERT INTO {table} ({', '.join(data)}) VALUES ({marks})", list(data.values())
        )
    finally:
        other.close()


@pytest.fixture
def meeting(database: Path) -> Meeting:
    if db.is_server():
        pytest.skip("another program writing to the file")
    project = Project.create(name="Plant rollout")
    return Meeting.create(project=project, title="Kickoff", kind=MeetingKind.KICKOFF.value)


def test_undo_of_a_create_leaves_a_row_that_reused_its_id(
    qtbot: QtBot, database: Path, meeting: Meeting
) -> None:
    editor, problems = make_editor()
    note, _ = capture.commit_note(meeting.id, "Ours")
    editor.created(Note, note.id, "Capture note")
    replace_row(database, "note", note.id, text="Restored from a backup")
    editor.stack.undo()
    assert Note.get_by_id(note.id).text == "Restored from a backup", "not deleted"
    assert problems and "Nothing was undone" in problems[-1] and "Capture note" in problems[-1]
    assert "outside pmdesk" in problems[-1]
    assert editor.stack.count() == 0, "the step left the history: nothing to redo"


def test_undo_of_an_edit_leaves_a_row_that_reused_its_id(
    qtbot: QtBot, database: Path, meeting: Meeting
) -> None:
    editor, problems = make_editor()
    note, _ = capture.commit_note(meeting.id, "Ours")
    assert editor.edit(Note, note.id, {"text": "Ours, edited"}, "Edit note")
    replace_row(database, "note", note.id, text="Ours")  # even with the old text
    editor.stack.undo()
    assert Note.get_by_id(note.id).text == "Ours"
    assert Note.get_by_id(note.id).row_uid == "f" * 32
    assert problems and "Nothing was undone" in problems[-1]


def test_undo_of_a_delete_does_not_write_over_a_row_at_its_id(
    qtbot: QtBot, database: Path, meeting: Meeting
) -> None:
    editor, problems = make_editor()
    other = Meeting.create(project=meeting.project_id, title="Review")
    notes = [capture.commit_note(meeting.id, f"Point {n}")[0] for n in range(3)]
    assert editor.delete(Meeting, meeting.id, "Delete meeting")  # the notes go with it
    assert Note.select().count() == 0
    # Another program writes a note with one of the deleted notes' ids.
    outside(
        database,
        f"INSERT INTO note (id, meeting_id, offset_seconds, kind, text, internal, created_at, "
        f"row_uid) VALUES ({notes[1].id}, {other.id}, 0, 'remark', 'Theirs', 0, "
        f"'2026-11-30 09:00:00', '{'e' * 32}')",
    )
    editor.stack.undo()
    assert Meeting.get_or_none(Meeting.id == meeting.id) is None, "all or nothing"
    assert [n.text for n in Note.select()] == ["Theirs"]
    assert problems and "Nothing was undone" in problems[-1]


def test_redo_of_a_delete_leaves_a_row_that_reused_its_id(
    qtbot: QtBot, database: Path, meeting: Meeting
) -> None:
    editor, problems = make_editor()
    note, _ = capture.commit_note(meeting.id, "Ours")
    assert editor.delete(Note, note.id, "Delete note")
    editor.stack.undo()
    assert Note.get_by_id(note.id).text == "Ours"
    replace_row(database, "note", note.id, text="Theirs")
    editor.stack.redo()
    assert Note.get_by_id(note.id).text == "Theirs"
    assert problems and "Nothing was redone" in problems[-1]
    # A row of its own is still undone and redone as before.
    editor.stack.clear()
    mine, _ = capture.commit_note(meeting.id, "Mine")
    assert editor.delete(Note, mine.id, "Delete note")
    editor.stack.undo()
    editor.stack.redo()
    assert Note.get_or_none(Note.id == mine.id) is None


def test_undo_of_an_import_leaves_rows_that_reused_its_ids(
    qtbot: QtBot, database: Path, meeting: Meeting
) -> None:
    editor, problems = make_editor()
    step = progress.create_action(meeting.project_id, "Map the goods receipt")
    edit = edit_fields(ActionItem, step.id, {"client_comment": "Done by Lucy"})
    new = progress.create_action(meeting.project_id, "New row from the client")
    applied = AppliedImport((edit,), (new.id,))
    state: dict[str, object] = {}

    def undo() -> None:
        state["snapshots"] = undo_import(applied)

    editor.record(
        "Import of tracker t.xlsx",
        redo=lambda: redo_import(applied, state["snapshots"]),  # type: ignore[arg-type]
        undo=undo,
        changes=Changes.of(ActionItem),
    )
    replace_row(database, "action_item", new.id, title="Theirs")
    editor.stack.undo()
    assert ActionItem.get_by_id(new.id).title == "Theirs"
    assert ActionItem.get_by_id(step.id).client_comment == "Done by Lucy", "all or nothing"
    assert problems and "Import of tracker t.xlsx" in problems[-1]


@pytest.mark.skipif(sys.platform == "win32", reason="uses the pmdesk command")
def test_ctrl_z_after_pmdesk_restore_keeps_the_restored_note_and_says_so(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
    # A backup holding a note that was deleted afterwards: its id is free again.
    theirs, _ = capture.commit_note(
        kickoff.id, "Said before the backup", now=dt.datetime(2026, 11, 30, 9)
    )
    backup = tmp_path / "older.db"
    db.backup_database(db.database.obj, backup)
    Note.delete().where(Note.id == theirs.id).execute()

    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    live = window.live_tab
    window.tabs.setCurrentWidget(live)
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
    live.capture.bar.line.setFocus()
    qtbot.keyClicks(live.capture.bar.line, "Captured after the backup")
    qtbot.keyClick(live.capture.bar.line, Qt.Key.Key_Return)
    ours = Note.get(Note.text == "Captured after the backup")
    assert ours.id == theirs.id, "SQLite gave the new note the free id"

    db.database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # for an older open check
    done = subprocess.run(
        [sys.executable, "-m", "pmdesk", "restore", str(backup), "--db", str(database)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert Note.get_by_id(ours.id).text == "Said before the backup"

    live.capture.notes_view.setFocus()
    qtbot.keyClick(live.capture.notes_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Note.get_by_id(ours.id).text == "Said before the backup", "the restored note stays"
    assert warnings and "changed outside pmdesk" in warnings[-1]
    assert "Capture note" in warnings[-1]
    window.close()
