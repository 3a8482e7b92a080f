"""One pmdesk per database, recent databases, and a .db given on the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.models import Language
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.single_instance import InstanceGuard, activate_running


def test_a_second_claim_on_the_same_database_activates_the_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first, second = InstanceGuard(), InstanceGuard()
    target = tmp_path / "a.db"
    assert first.claim(target)
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert not second.claim(target)
    assert second.claim(tmp_path / "b.db"), "another database is free"
    first.release()
    second.release()
    assert not activate_running(target)


def test_second_launch_hands_over_to_the_running_app(tmp_path: Path) -> None:
    """A real second process exits at once and the first keeps the database."""
    target = tmp_path / "team.db"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"))
    command = [sys.executable, "-m", "pmdesk", "--db", str(target)]
    env["XDG_DATA_HOME"] = str(tmp_path / "d")
    db.open_database(target)  # a project, so the first run offers no demo dialog
    from pmdesk.services import projects

    projects.create_project("Running")
    db.close_database()
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not activate_running(target):  # wait until the first app is listening
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first app never started listening"
            time.sleep(0.2)
        second = subprocess.run(
            [sys.executable, "-m", "pmdesk", str(target)],  # the file as the argument
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0
        assert "already has" in second.stdout, second.stdout + second.stderr
        assert first.poll() is None, "the first app is still running"
    finally:
        first.kill()
        first.communicate(timeout=10)


def test_recent_databases_are_remembered(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    db.open_database(one)
    try:
        window = MainWindow(one, Language.EN, settings)
        qtbot.addWidget(window)
        assert window.switch_database(two)
        assert window.recent_databases()[:2] == [str(two.resolve()), str(one.resolve())]
        window.recent_menu.aboutToShow.emit()
        names = [a.data() for a in window.recent_menu.actions()]
        assert names[:2] == [str(two.resolve()), str(one.resolve())]
    finally:
        db.close_database()
