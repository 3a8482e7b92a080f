"""GUI fixtures: isolated settings, the demo project, a main window built over it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pmdesk.models import Language
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))


@pytest.fixture(autouse=True)
def _no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """A test that leaves a top-level window open fails (it would leak into the next)."""
    before = set(QApplication.topLevelWidgets())
    yield
    for widget in QApplication.topLevelWidgets():
        if widget not in before and widget.isVisible():
            widget.close()
            pytest.fail(f"test left a window open: {widget!r}")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_db(database: Path) -> int:
    """The English demo project in a fresh database; returns its id."""
    return demo_project(Language.EN, today=TODAY)


def copy_of_the_file(database: Path, folder: Path) -> Path:
    """A copy of the open database file (the same ids in it: a copy, a restored backup),
    taken while it is closed; the file is open again afterwards."""
    import shutil

    from pmdesk import db

    db.close_database()
    copy = folder / "copy.db"
    shutil.copy(database, copy)
    db.open_database(database)
    return copy
