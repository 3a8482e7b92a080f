"""A PM at work in the real main window, in its own process, reporting each step.

    PYTHONPATH=. python tests/ui/drivers/meeting_session.py DB

Opens pmdesk's MainWindow on DB (offscreen), captures notes from the keyboard, changes a
step's status in the Progress tab, then types half a line and waits. After each saved
action it prints a line; the test kills this process with SIGKILL at a chosen point.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pmdesk.models import ActionStatus
from tests.ui.drivers.window import open_at_capture_line, say


def main() -> None:
    app, window, line = open_at_capture_line()
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

    window.tabs.setCurrentWidget(window.live_tab)
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
