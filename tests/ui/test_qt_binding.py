"""The Qt binding keeps Python's books straight: pmdesk runs for days without aborting.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a Qt method
that returns nothing; a busy window aborted with "deallocating None" within minutes.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot


def test_calls_of_void_qt_methods_keep_none_alive(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    before = sys.getrefcount(None)
    for _ in range(2000):
        view.setWordWrap(True)
        view.horizontalHeader().resizeSection(0, 50)
    assert abs(sys.getrefcount(None) - before) < 100
