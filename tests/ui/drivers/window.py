"""What the window drivers share: the real main window on a file, at the kickoff's
capture line, in a process of its own that reports each step on stdout."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLineEdit

from pmdesk import db
from pmdesk.models import Language, Meeting, MeetingKind
from pmdesk.ui.main_window import MainWindow


def say(line: str) -> None:
    print(line, flush=True)


def open_at_capture_line() -> tuple[QApplication, MainWindow, QLineEdit]:
    """MainWindow on the file named by argv[1], its Live meeting tab on the kickoff, the
    capture line focused (the application, the window and the line)."""
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
    return app, window, line
