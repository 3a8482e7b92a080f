"""Open pmdesk's window on a database and show every tab of every project, then exit.

The benchmark runner measures this process's peak memory: the app with a large
database open and everything in it looked at once.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

import pmdesk.ui  # noqa: F401  (first, as the app imports it: before the data layer)
from bench.peak import report
from pmdesk import db
from pmdesk.models import Language
from pmdesk.services import projects
from pmdesk.ui.main_window import MainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1])
    db.open_database(path)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, Language.EN, settings)
        window.resize(1366, 768)
        window.show()
        for project in projects.list_projects():
            window.select_project(project.id)
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                app.processEvents()
        window.close()
    db.close_database()
    report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
