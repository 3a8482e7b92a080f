"""A PM typing without a pause into the capture line of the real main window.

    python tests/ui/drivers/typing_session.py DB

Opens pmdesk's MainWindow on DB (offscreen), picks the kickoff, speaker 2, the kind
Concern and Internal with their keys, then types `TEXT` one key every `KEY_MS` from a
timer inside the process, printing "typed N" after each key, until killed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pmdesk import db
from pmdesk.models import Language, Meeting, MeetingKind
from pmdesk.ui.main_window import MainWindow

#: What the PM types: long enough for a minute of steady typing.
TEXT = "the CFO says the baseline must hold until March and asks who owns it " * 20
KEY_MS = 30


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
    QTest.keyClick(line, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_F5)
    QTest.keyClick(line, Qt.Key.Key_F9)
    app.processEvents()
    say(f"speaker {live.capture.bar.speaker_id} kind {live.capture.bar.kind.value}")

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
