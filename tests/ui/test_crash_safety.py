"""Killing pmdesk mid-meeting loses nothing saved, and the half-typed line comes back.

The session runs the real main window in its own process (tests/ui/drivers); the test
kills it with SIGKILL — no clean-up, no closeEvent — and opens the database again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import ActionItem, ActionStatus, Language, Meeting, MeetingKind, Note
from pmdesk.ui.main_window import MainWindow

from .conftest import TODAY

DRIVER = Path(__file__).parent / "drivers" / "meeting_session.py"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_meeting_keeps_every_saved_change_and_the_draft(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = tmp_path / "meeting.db"
    db.open_database(path)
    create_demo_project(Language.EN, today=TODAY)
    db.close_database()

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(sys.path))
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    reported: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            reported.append(line.strip())
            if line.startswith("typing"):
                break
        else:
            pytest.fail(
                "the session ended early: " + (process.stderr.read() if process.stderr else "")
            )
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    done_step = int(next(r for r in reported if r.startswith("step")).split()[1])
    db.open_database(path)
    try:
        kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
        texts = [n.text for n in Note.select().where(Note.meeting == kickoff.id)]
        assert [f"Committed note {n}" for n in range(5)] == [
            t for t in texts if t.startswith("Committed note")
        ]
        assert ActionItem.get_by_id(done_step).status == ActionStatus.DONE

        window = MainWindow(path, Language.EN, settings)
        qtbot.addWidget(window)
        live = window.live_tab
        window.tabs.setCurrentWidget(live)
        live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
        assert live.capture.bar.line.text() == "The CFO was just saying", (
            "the draft is offered back"
        )
        assert "Restored the line" in live.capture.bar.notice.text()
    finally:
        db.close_database()
