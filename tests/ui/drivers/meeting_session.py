"""A PM at work in the real main window, in its own process, reporting each step.

    python tests/ui/drivers/meeting_session.py DB

Opens pmdesk's MainWindow on DB (offscreen), captures notes from the keyboard, changes a
step's status in the Progress tab, then types half a line and waits. After each saved
action it prints a line; the test kills this process with SIGKILL at a chosen point.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pmdesk import db
from pmdesk.models import ActionStatus, Language, Meeting, MeetingKind
from pmdesk.ui.main_window import MainWindow


def say(line: str) -> None:
    print(line, flush=True)


def main() -> None:
    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1])
    db.open_database(path)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, Language.EN, settings)
    window.show()
    app.processEvents()

    live = window.live_tab
    window.tabs.setCurrentWidget(live)
    kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
    app.processEvents()
    line = live.capture.bar.line
    line.setFocus()
    for n in range(5):
        QTest.keyClick(line, Qt.Key(Qt.Key.Key_1.value + n), Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(line, f"Committed note {n}")
        QTest.keyClick(line, Qt.Key.Key_Return)
        app.processEvents()
        say(f"note {n}")

    window.tabs.setCurrentWidget(window.progress_tab)
    app.processEvents()
    plan = window.progress_tab.steps.plan
    row = next(r for r in range(plan.rowCount()) if plan.row(r).status == ActionStatus.OPEN)
    step = plan.row(row)
    plan.setData(plan.index(row, plan.column_index("Status")), ActionStatus.DONE.value)
    app.processEvents()
    say(f"step {step.id} done")

    window.tabs.setCurrentWidget(live)
    app.processEvents()
    line.setFocus()
    QTest.keyClicks(line, "The CFO was just saying")
    deadline = time.monotonic() + 2.5  # the line is autosaved within a second
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    say("typing")
    while True:  # a PM thinking: until killed
        app.processEvents()
        time.sleep(0.02)


if __name__ == "__main__":
    main()
