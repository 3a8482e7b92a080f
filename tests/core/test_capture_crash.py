"""Killing the app right after Enter loses no committed note (a real process, SIGKILL).

The driver opens the database through pmdesk, types (saves the draft) and commits notes
through `capture.commit_note` exactly as the capture screen does, and reports each one
on stdout. The test kills it with SIGKILL just after reading a report, reopens the file
and checks that every reported note and the last reported draft are there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pmdesk import db
from pmdesk.models import Meeting, Note, Project
from pmdesk.services import capture

DRIVER = textwrap.dedent(
    """
    import sys
    import time
    from pmdesk import db
    from pmdesk.services import capture

    db.open_database(sys.argv[1])
    meeting_id = int(sys.argv[2])
    n = 0
    while True:
        n += 1
        capture.save_draft(meeting_id, f"typing note {n}")
        print(f"draft {n}", flush=True)
        if len(sys.argv) > 3:  # "pause": the user is still typing
            time.sleep(60)
        note, _ = capture.commit_note(meeting_id, f"note {n} 会议要点")
        print(f"committed {n} {note.id}", flush=True)
    """
)


def _stop(driver: subprocess.Popen[str]) -> None:
    driver.kill()
    driver.wait()
    for stream in (driver.stdout, driver.stderr):
        if stream is not None:
            stream.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_right_after_enter_loses_no_committed_note(db_path: Path) -> None:
    db.open_database(db_path)
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    db.close_database()

    driver = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(db_path), str(meeting.id)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    committed: dict[int, int] = {}
    last_draft = 0
    try:
        assert driver.stdout is not None
        for line in driver.stdout:
            word, number, *rest = line.split()
            if word == "draft":
                last_draft = int(number)
            else:
                committed[int(number)] = int(rest[0])
                if len(committed) == 40:
                    driver.send_signal(signal.SIGKILL)  # right after this Enter
                    break
        else:
            pytest.fail(f"driver stopped: {driver.stderr.read() if driver.stderr else ''}")
    finally:
        _stop(driver)
    assert driver.returncode == -signal.SIGKILL

    db.open_database(db_path)
    try:
        saved = {n.id: n.text for n in Note.select().where(Note.meeting == meeting.id)}
        for number, note_id in committed.items():
            assert saved.get(note_id) == f"note {number} 会议要点"
        draft = capture.load_draft(meeting.id)
        # The draft of the next note (typed after the last commit) may or may not have
        # been written before the kill; a later one may replace it, never an older one.
        if draft is not None:
            assert int(draft.text.rsplit(" ", 1)[1]) >= last_draft
            assert int(draft.text.rsplit(" ", 1)[1]) > max(committed)
    finally:
        db.close_database()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_sigkill_while_typing_keeps_the_draft(db_path: Path) -> None:
    db.open_database(db_path)
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    db.close_database()
    driver = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(db_path), str(meeting.id), "pause"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert driver.stdout is not None
        assert driver.stdout.readline().split() == ["draft", "1"]
        driver.send_signal(signal.SIGKILL)
    finally:
        _stop(driver)
    db.open_database(db_path)
    try:
        draft = capture.load_draft(meeting.id)
        assert draft is not None and draft.text == "typing note 1"
    finally:
        db.close_database()
