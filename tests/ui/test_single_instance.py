"""One pmdesk per database file, whatever name or environment the second launch uses."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.ui.single_instance import InstanceGuard, activate_running


def test_a_hard_link_or_symlink_meets_the_same_lock(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "a.db"
    db.open_database(target)
    db.close_database()
    os.link(target, tmp_path / "hard.db")
    (tmp_path / "soft.db").symlink_to(target)
    first, second = InstanceGuard(), InstanceGuard()
    assert first.claim(target)
    for other in (tmp_path / "hard.db", tmp_path / "soft.db"):
        with qtbot.waitSignal(first.activation_requested, timeout=3000):
            assert not second.claim(other)
    first.release()
    assert second.claim(tmp_path / "hard.db"), "free again once the first lets go"
    second.release()


def test_a_new_database_is_locked_once_it_exists(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    first, second = InstanceGuard(), InstanceGuard()
    assert first.claim(target)
    db.open_database(target)
    try:
        first.hold()
        assert not second.claim(target)
    finally:
        db.close_database()
        first.release()


@pytest.mark.skipif(sys.platform == "win32", reason="hard links and TMPDIR: POSIX")
def test_a_second_launch_by_hard_link_and_another_tmpdir_hands_over(tmp_path: Path) -> None:
    target = tmp_path / "team.db"
    db.open_database(target)
    from pmdesk.services import projects

    projects.create_project("Running")  # so the first run offers no demo dialog
    db.close_database()
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    os.link(target, link)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"))
    env["XDG_DATA_HOME"] = str(tmp_path / "d")
    first = subprocess.Popen(
        [sys.executable, "-m", "pmdesk", "--db", str(target)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not activate_running(target):  # wait until the first app is listening
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first app never started listening"
            time.sleep(0.2)
        other_tmp = tmp_path / "other-tmp"
        other_tmp.mkdir()
        second = subprocess.run(
            [sys.executable, "-m", "pmdesk", "--db", str(link)],
            env=dict(env, TMPDIR=str(other_tmp)),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already has" in second.stdout, second.stdout + second.stderr
        assert first.poll() is None, "the first app is still running"
    finally:
        first.kill()
        first.communicate(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    """Opening a FIFO for its lock would block until a writer came: it is left alone."""
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    guard = InstanceGuard()
    assert guard.claim(fifo)  # the open that follows refuses it, saying why
    guard.release()


def test_switching_to_a_new_database_locks_it(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    from pmdesk.models import Language
    from pmdesk.ui.main_window import MainWindow

    first = tmp_path / "first.db"
    db.open_database(first)
    guard = InstanceGuard()
    assert guard.claim(first)
    try:
        window = MainWindow(first, Language.EN, settings, guard=guard)
        qtbot.addWidget(window)
        fresh = tmp_path / "fresh.db"
        assert window.switch_database(fresh)
        other = InstanceGuard()
        assert not other.claim(fresh), "the new file is held by this window"
        assert other.claim(first), "the old one is free again"
        other.release()
    finally:
        db.close_database()
        guard.release()


HOLDER = """
import sys, time
from pathlib import Path
from pmdesk.file_lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]))
print("held" if lock.acquire() and lock.held else "refused", flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="hard links, symlinks and SIGKILL: POSIX")
def test_the_lock_is_the_files_own_in_any_process_name_or_environment(tmp_path: Path) -> None:
    """A process holding the lock through a hard link (another TMPDIR, another data
    folder) is seen through every other name; killed, it holds nothing. The database
    file itself carries no lock of pmdesk's (SQLite's own locks are left alone)."""
    import fcntl
    import signal

    target = tmp_path / "a.db"
    db.open_database(target)
    db.close_database()
    hard = tmp_path / "elsewhere" / "hard.db"
    hard.parent.mkdir()
    os.link(target, hard)
    (tmp_path / "soft.db").symlink_to(target)
    (tmp_path / "x").mkdir()
    env = dict(os.environ, TMPDIR=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(hard)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        from pmdesk.file_lock import DatabaseLock

        for name in (target, tmp_path / "soft.db", tmp_path / "x" / ".." / "a.db"):
            assert not DatabaseLock(name).acquire(), name
        with open(target, "rb") as file:  # nothing of pmdesk's on the database file
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(file, fcntl.LOCK_UN)
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    free = DatabaseLock(target)
    assert free.acquire() and free.held, "a killed pmdesk holds nothing"
    free.release()


def test_a_recovered_file_is_held_anew(tmp_path: Path) -> None:
    """A recovery puts a backup (another file) under the name: the lock follows it."""
    from pmdesk import backups
    from pmdesk.file_lock import DatabaseLock

    target = tmp_path / "a.db"
    db.open_database(target)
    sound = backups.make_backup("start")
    db.close_database()
    target.write_bytes(b"")  # emptied
    guard = InstanceGuard()
    assert guard.claim(target)
    with pytest.raises(db.CorruptDatabase):
        db.open_database(target)
    backups.recover(target, sound)
    try:
        guard.hold()
        assert not DatabaseLock(target).acquire(), "the file now under the name is held"
        assert activate_running(target), "and a second launch finds the window"
    finally:
        db.close_database()
        guard.release()
