"""The start-up baseline: a bare PySide6 main window with four tabs, started like pmdesk.

It prints when its first paint came (`painted_at=`, seconds since the epoch) and quits,
as pmdesk does under PMDESK_EXIT_AFTER_FIRST_PAINT and PMDESK_EXIT_AFTER_DATA, so launch
to paint (and the whole process) compare like with like.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"painted_at={time.time():.6f} cpu={time.process_time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    for name in ("Kickoff", "Live meeting", "Stakeholders", "Progress"):
        tabs.addTab(QLabel(name), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    window.installEventFilter(QuitOnFirstPaint(app))
    window.show()
    code = app.exec()
    if os.environ.get("PMDESK_REPORT_PEAK"):
        from bench.peak import report

        report()
    return code


if __name__ == "__main__":
    sys.exit(main())
