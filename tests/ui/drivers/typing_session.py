"""A PM typing without a pause into the capture line of the real main window.

    PYTHONPATH=. python tests/ui/drivers/typing_session.py DB

Opens pmdesk's MainWindow on DB (offscreen), picks the kickoff, speaker 2, the kind
Concern and Internal with their keys, then types `TEXT` one key every `KEY_MS` from a
timer inside the process, printing "typed N" after each key, until killed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from tests.ui.drivers.window import open_at_capture_line, say

#: What the PM types: long enough for a minute of steady typing.
TEXT = "the CFO says the baseline must hold until March and asks who owns it " * 20
KEY_MS = 30


def main() -> None:
    app, window, line = open_at_capture_line()
    QTest.keyClick(line, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_F5)
    QTest.keyClick(line, Qt.Key.Key_F9)
    app.processEvents()
    bar = window.live_tab.capture.bar
    say(f"speaker {bar.speaker_id} kind {bar.kind.value}")

    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(line, TEXT[typed])
        typed += 1
        say(f"typed {typed}")

    keys = QTimer()
    keys.setInterval(KEY_MS)
    keys.timeout.connect(type_one)
    keys.start()
    app.exec()


if __name__ == "__main__":
    main()
