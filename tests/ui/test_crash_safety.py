"""Killing pmdesk mid-meeting loses nothing saved, and the half-typed line comes back.

The session runs the real main window in its own process (tests/ui/drivers); the test
kills it with SIGKILL — no clean-up, no closeEvent — and opens the database again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Language,
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
)
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


TYPING = Path(__file__).parent / "drivers" / "typing_session.py"
#: The promise: a kill loses at most what was typed in the last second.
LOSES_AT_MOST_S = 1.0


def _type_then_kill(path: Path, seconds: float, lock: Path | None = None) -> int:
    """Run the typing session on `path`, SIGKILL it `seconds` after its first key, and
    return how many keys it had reported typed a second before the kill. With `lock`,
    another connection holds the database's write lock from before the first key."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(sys.path))
    process = subprocess.Popen(
        [sys.executable, str(TYPING), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    holder = None
    heard: list[tuple[float, int]] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("speaker") and lock is not None:
                holder = sqlite3.connect(lock, isolation_level=None)
                holder.execute("BEGIN IMMEDIATE")  # another program writing, for long
            if line.startswith("typed"):
                heard.append((time.monotonic(), int(line.split()[1])))
                if heard[-1][0] - heard[0][0] >= seconds:
                    break
        else:
            pytest.fail(
                "the session ended early: " + (process.stderr.read() if process.stderr else "")
            )
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.communicate(timeout=30)
        if holder is not None:
            holder.execute("ROLLBACK")
            holder.close()
    assert process.returncode == -signal.SIGKILL
    return max(n for at, n in heard if at <= killed_at - LOSES_AT_MOST_S)


def _draft_checks(text: str, typed_a_second_before: int) -> None:
    from .drivers.typing_session import TEXT

    assert TEXT.startswith(text), "the draft is what was typed, in order"
    assert len(text) >= typed_a_second_before, (
        f"the draft holds {len(text)} keys; {typed_a_second_before} were typed a second "
        "before the kill"
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("locked", [False, True], ids=["free", "locked-by-another-program"])
def test_steady_typing_killed_at_6_s_keeps_all_but_the_last_second(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, locked: bool
) -> None:
    """Typing without a pause is saved while it goes on (a throttle, not a debounce);
    while another program holds the write lock the draft goes to the fallback file, and
    the next start brings it back from there (with who said it, what kind, internal)."""
    from pmdesk.services import capture, drafts, meetings

    path = tmp_path / "meeting.db"
    db.open_database(path)
    create_demo_project(Language.EN, today=TODAY)
    kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
    fallback = drafts.fallback_path()
    db.close_database()
    assert fallback is not None

    typed = _type_then_kill(path, 6.0, lock=path if locked else None)

    if locked:
        assert fallback.exists(), "the database refused the draft: it is in the file"
        kept = json.loads(fallback.read_text(encoding="utf-8"))["drafts"]
        saved = capture.CaptureLine.from_draft(
            kept[capture.draft_key(kickoff.id)]["text"], dt.datetime.now()
        )
        _draft_checks(saved.text, typed)
    drafts.forget_cache()
    db.open_database(path)
    try:
        window = MainWindow(path, Language.EN, settings)
        qtbot.addWidget(window)
        assert not fallback.exists(), "at start its drafts went into the database"
        live = window.live_tab
        window.tabs.setCurrentWidget(live)
        live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
        _draft_checks(live.capture.bar.line.text(), typed)
        speaker = meetings.attendees(kickoff.id)[1]
        assert live.capture.bar.speaker_id == speaker.person_id
        assert live.capture.bar.kind == NoteKind.CONCERN
        assert live.capture.bar.internal.isChecked()

        live.capture.bar.line.setFocus()
        qtbot.keyClick(live.capture.bar.line, Qt.Key.Key_Return)
        note = Note.select().order_by(Note.id.desc()).get()
        assert (note.speaker_id, note.kind, note.internal) == (
            speaker.person_id,
            NoteKind.CONCERN.value,
            True,
        )
        assert capture.load_draft(kickoff.id) is None
    finally:
        db.close_database()
