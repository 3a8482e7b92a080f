"""Backups and restore from the window; a damaged file offered its latest backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk import app, backups, db
from pmdesk.models import Language, Project
from pmdesk.ui.dialogs.backups_dialog import BackupsDialog
from pmdesk.ui.main_window import MainWindow

T0 = dt.datetime(2026, 11, 27, 9, 0)


def test_dialog_lists_rotates_and_restores(
    qtbot: QtBot, database: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    Project.create(name="Before")
    for day in range(4):
        backups.make_backup("daily", now=T0 + dt.timedelta(days=day))
    Project.create(name="After")
    dialog = BackupsDialog(database, settings)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 4
    dialog.keep.setValue(2)
    assert dialog.list.count() == 2
    assert len(backups.list_backups(database)) == 2

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    dialog.list.setCurrentRow(0)
    dialog.restore_button.click()
    assert dialog.restored
    assert [p.name for p in Project.select()] == ["Before"]
    reasons = [b.reason for b in backups.list_backups(database)]
    assert "before-restore" in reasons, "what was replaced is kept"


def test_read_only_database_is_shown_in_the_status_bar(
    qtbot: QtBot, db_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.open_database(db_path)
    Project.create(name="Shared")
    db.close_database()
    monkeypatch.setattr(db, "_why_read_only", lambda _p: "its folder is read-only")
    db.open_database(db_path)
    try:
        window = MainWindow(db_path, Language.EN, settings)
        qtbot.addWidget(window)
        assert window.read_only_label.text() == "Read-only: its folder is read-only"
    finally:
        db.close_database()


def test_a_damaged_database_is_recovered_when_the_user_agrees(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.open_database(db_path)
    for n in range(300):
        Project.create(name=f"P{n}", description="x" * 200)
    backups.make_backup("daily", now=T0)
    db.close_database()
    data = bytearray(db_path.read_bytes())
    data[len(data) // 2 :] = b"\x00\xff" * ((len(data) - len(data) // 2) // 2)
    db_path.write_bytes(bytes(data))
    try:
        db.open_database(db_path)
        Project.select().count()
    except db.CorruptDatabase as problem:
        db.close_database()
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
        assert app._offer_recovery(db_path, problem)
    try:
        assert Project.select().count() == 300
        assert list(db_path.parent.glob("pmdesk-damaged-*.db")), "damaged file kept aside"
    finally:
        db.close_database()


def test_a_damaged_page_start_up_never_reads_is_found_and_offered_its_backup(
    qtbot: QtBot, db_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check after the data is shown finds it, before the start backup can copy it."""
    from tests.core.test_file_safety import _damage_a_leaf_page, _notes_file

    _notes_file(db_path)
    db.open_database(db_path)
    sound = backups.make_backup("start", now=T0)
    db.close_database()
    _damage_a_leaf_page(db_path)
    asked: list[str] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert app._open_or_recover(db_path), "start-up reads nothing of the damaged page"
    window = MainWindow(db_path, Language.EN, settings)
    qtbot.addWidget(window)
    try:
        app.start_check(settings, window, db_path)
        qtbot.waitUntil(lambda: bool(asked), timeout=60_000)
        assert sound.name in asked[0]
        from pmdesk.models import Note

        assert Note.select().count() == 400
        assert [b.path for b in backups.list_backups(db_path)] == [sound], "no damaged copy"
    finally:
        db.close_database()


def test_a_start_backup_that_fails_is_said_in_the_status_bar(
    qtbot: QtBot, database: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise db.DatabaseProblem("Cannot write the backup x: the disk is full")

    monkeypatch.setattr(backups, "backup_if_due", full_disk)
    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    app.start_check(settings, window, database)
    qtbot.waitUntil(lambda: "disk is full" in window.statusBar().currentMessage(), timeout=60_000)


def test_a_start_backup_on_a_full_disk_is_said_and_leaves_nothing(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    """A real full disk (a small tmpfs), not a stand-in: the window says so and goes on."""
    import contextlib
    import os
    import subprocess

    disk = tmp_path / "small"
    disk.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"mount is not allowed here: {made.stderr.decode().strip()}")
    try:
        path = disk / "work.db"
        db.open_database(path)
        Project.create(name="Kept")
        with contextlib.suppress(OSError), open(disk / "filler", "wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        window = MainWindow(path, Language.EN, settings)
        qtbot.addWidget(window)
        app.start_check(settings, window, path)
        qtbot.waitUntil(
            lambda: "disk is full" in window.statusBar().currentMessage(), timeout=60_000
        )
        folder = db.backup_folder(path)
        assert not folder.exists() or list(folder.iterdir()) == []
        assert [p.name for p in Project.select()] == ["Kept"]
    finally:
        db.close_database()
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.mark.parametrize("kind", ["0-byte", "zeroed header"])
def test_an_emptied_or_zeroed_file_is_offered_its_latest_sound_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from tests.core.test_file_safety import _bad_backup, _notes_file

    _notes_file(db_path)
    db.open_database(db_path)
    sound = backups.make_backup("start", now=T0)
    db.close_database()
    _bad_backup(kind, db_path, sound)
    asked: list[str] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert app._open_or_recover(db_path)
    try:
        from pmdesk.models import Note

        assert sound.name in asked[0]
        assert Note.select().count() == 400
    finally:
        db.close_database()


def test_an_empty_file_with_no_backup_is_refused_in_the_window_and_left_alone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.touch()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: said.append(str(a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("nothing to offer"))
    assert not app._open_or_recover(db_path)
    assert "has no sound backup" in said[0]
    assert db_path.stat().st_size == 0
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.parametrize("dialog_makes_the_file", [False, True])
def test_new_database_works_where_the_save_dialog_made_an_empty_file(
    qtbot: QtBot,
    database: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    dialog_makes_the_file: bool,
) -> None:
    """Some save dialogs (a sandbox's file portal) create the chosen file, empty: New
    database still makes a database there. A file that holds anything is never replaced."""
    from PySide6.QtWidgets import QFileDialog

    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    chosen = database.with_name("fresh.db")

    def save_dialog(*args: object, **kwargs: object) -> tuple[str, str]:
        if dialog_makes_the_file:
            chosen.touch()
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.new_database_action.trigger()
    try:
        assert window.db_path == chosen
        assert db.state is not None and db.state.path == chosen
        assert Project.select().count() == 0
    finally:
        db.close_database()
        db.open_database(database)
    kept = database.with_name("notes.db")
    kept.write_bytes(b"someone's notes")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(str(a[2])))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(kept), ""))
    window.new_database_action.trigger()
    assert "already exists" in warned[0]
    assert kept.read_bytes() == b"someone's notes"


def test_a_restored_backup_is_what_today_lists(
    qtbot: QtBot, database: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today is left alone by a project switch, not by a restore: its list was of the
    data the backup replaced."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from tests.demo_copy import demo_project

    backups.make_backup("daily", now=T0)  # before the demo: nothing is due in it
    demo_project(Language.EN, today=T0.date())
    window = MainWindow(database, Language.EN, settings, clock=lambda: T0)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.today_tab)
    assert window.today_tab.model.items()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)

    def restore_the_daily_backup() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        daily = next(
            row for row in range(dialog.list.count()) if "daily" in dialog.list.item(row).text()
        )
        dialog.list.setCurrentRow(daily)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    QTimer.singleShot(0, restore_the_daily_backup)
    window.backups_action.trigger()
    assert window.today_tab.model.items() == []
    assert window.tabs.tabText(0) == "Today"


def _start_check_held(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    found: str = "",
) -> tuple[MainWindow, Path, Path, list[tuple[str, str]]]:
    """A window on first.db whose start check is held in its quick_check (a big file)
    while File → Open opens second.db; then the check goes on, finding `found`."""
    import threading

    from PySide6.QtWidgets import QFileDialog

    first, second = tmp_path / "first.db", tmp_path / "second.db"
    db.open_database(second)
    Project.create(name="Second's own")
    db.close_database()
    db.open_database(first)
    Project.create(name="First's")
    if found:
        backups.make_backup("daily", now=T0)  # the backup its damage would be offered
    checking, go_on = threading.Event(), threading.Event()
    real_check = db.health_problem

    def slow_check(con: object) -> str:
        if not checking.is_set():  # the start check's quick_check of the file
            checking.set()
            go_on.wait(30)
            if found:
                return found
        return real_check(con)  # type: ignore[arg-type]

    monkeypatch.setattr(db, "health_problem", slow_check)
    finished: list[tuple[str, str]] = []
    window = MainWindow(first, Language.EN, settings)
    qtbot.addWidget(window)
    check = app.start_check(settings, window, first)
    assert check is not None
    check.finished.connect(lambda damage, failure: finished.append((damage, failure)))
    try:
        assert checking.wait(30)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(second), ""))
        window.open_database_action.trigger()
        assert window.db_path == second
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    return window, first, second, finished


def test_the_start_backup_is_of_the_file_checked_when_another_is_opened_meanwhile(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start check reads a big file for a second or more on its own thread; a file
    opened from the File menu meanwhile must not receive the first file's backup as its
    own (restoring its "latest backup" would bring the first file's data)."""
    try:
        _window, first, second, finished = _start_check_held(qtbot, tmp_path, settings, monkeypatch)
        assert finished == [("", "")]
        assert backups.list_backups(second) == [], "no backup of the first file is the second's"
        (made,) = backups.list_backups(first)
        assert made.reason == "start"
        assert [p.name for p in Project.select()] == ["Second's own"]
    finally:
        db.close_database()


def test_damage_found_after_another_file_was_opened_does_not_replace_the_open_one(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recovery closes the open file and opens the damaged one's backup: offered for a
    file the window no longer shows, it would put that file under the window's title."""
    asked: list[object] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    try:
        window, first, second, _finished = _start_check_held(
            qtbot, tmp_path, settings, monkeypatch, found="*** in database main ***"
        )
        assert asked == []
        assert db.state is not None and db.state.path == second
        assert [p.name for p in Project.select()] == ["Second's own"]
        assert str(first) in window.statusBar().currentMessage()
    finally:
        db.close_database()
