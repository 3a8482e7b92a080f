"""Start-up order: the shell paints before the data layer loads; then the file is opened.

A problem with the file is still told in the same words, and nothing is half-loaded.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk import app, db
from pmdesk.models import Language
from pmdesk.options import parse_app_options
from pmdesk.paths import default_database_path
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.single_instance import InstanceGuard

#: What the first paint must not wait for (the command line, the data layer, the tabs).
LOADED_AFTER_PAINT = (
    "peewee",
    "pmdesk.models",
    "pmdesk.db",
    "pmdesk.services",
    "pmdesk.cli",
    "pmdesk.ui.tabs.base",
    "pmdesk.ui.undo",
    "PySide6.QtNetwork",
)


def modules_imported_by_start(tmp_path: Path, target: Path, exit_after: str) -> set[str]:
    """The modules a real `pmdesk --db target` imports before it quits at `exit_after`
    (an environment variable: PMDESK_EXIT_AFTER_FIRST_PAINT, PMDESK_EXIT_AFTER_DATA),
    from `python -X importtime`."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "c"),
        XDG_DATA_HOME=str(tmp_path / "d"),
    )
    env[exit_after] = "1"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pmdesk", "--db", str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_the_shell_paints_before_the_data_layer_is_imported(tmp_path: Path) -> None:
    target = tmp_path / "pmdesk.db"
    modules = modules_imported_by_start(tmp_path, target, "PMDESK_EXIT_AFTER_FIRST_PAINT")
    assert "pmdesk.ui.main_window" in modules, "the window was not built"
    assert not modules & set(LOADED_AFTER_PAINT)
    assert not target.exists(), "the file is opened after the first paint, not before"


#: Run as `python -c`: pmdesk's start, telling whether PySide6 had built the enums of its
#: `Qt` namespace (Qt.GlobalColor is the first of them) when the shell painted.
_QT_ENUMS_AT_PAINT = """
import builtins, enum, sys
built = []
create = enum.EnumType._create_
def watch(cls, name, *args, **kwargs):
    built.append(name)
    return create(cls, name, *args, **kwargs)
enum.EnumType._create_ = watch
show = builtins.print
def report(*args, **kwargs):
    if args and str(args[0]).startswith("painted_at="):
        show("qt_enums_at_paint=" + str("GlobalColor" in built))
    show(*args, **kwargs)
builtins.print = report
sys.argv = ["pmdesk", "--db", sys.argv[1]]
from pmdesk.__main__ import main
sys.exit(main())
"""


def test_the_shell_paints_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    """Reading PySide6's `Qt` first builds its 93 enums (about 12 ms): after the shell."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "c"),
        XDG_DATA_HOME=str(tmp_path / "d"),
        PMDESK_EXIT_AFTER_FIRST_PAINT="1",
    )
    result = subprocess.run(
        [sys.executable, "-c", _QT_ENUMS_AT_PAINT, str(tmp_path / "pmdesk.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "qt_enums_at_paint=False" in result.stdout.splitlines()


def test_a_command_still_loads_what_it_needs(tmp_path: Path) -> None:
    target = tmp_path / "pmdesk.db"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "--db", str(target), "list", "projects", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # `list` never creates a database: the command line parsed it and said so.
    assert result.returncode == 1
    assert "not found" in result.stderr


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> MainWindow:
    window = MainWindow(tmp_path / "pmdesk.db", Language.EN, settings, shell_only=True)
    qtbot.addWidget(window)
    return window


def test_the_shell_shows_the_file_and_tab_names_and_reads_nothing(shell: MainWindow) -> None:
    assert shell.windowTitle() == "pmdesk — pmdesk.db"
    assert shell.db_label.text().endswith("pmdesk.db")
    names = [shell.tabs.tabText(index) for index in range(shell.tabs.count())]
    assert names == [
        "Today",
        *("&Kickoff", "&Live meeting", "&Stakeholders", "&Progress"),
        *("Series", "Decisions"),
    ]
    assert shell.project_box.count() == 0
    assert shell.project_tabs == []
    assert shell.new_project_action.shortcut().isEmpty(), "shortcuts come with the data"


def test_load_fills_the_shell_from_the_open_database(
    qtbot: QtBot, shell: MainWindow, demo_db: int
) -> None:
    shell.open_on_today_action.setChecked(False)
    shell.load()
    assert shell.project_id == demo_db
    assert shell.project_tabs == [shell.kickoff_tab], "the tab on screen is built first"
    assert shell.kickoff_tab.meeting is not None, "and shows the project"
    assert not shell.new_project_action.shortcut().isEmpty()
    assert not shell.undo_action.shortcut().isEmpty()
    shell.show()  # once it has painted, the other tabs are built while the app is idle
    qtbot.waitUntil(lambda: len(shell.project_tabs) == 7)
    assert [shell.tabs.widget(i) for i in range(7)] == [
        shell.today_tab,
        *(shell.kickoff_tab, shell.live_tab, shell.stakeholders_tab, shell.progress_tab),
        *(shell.series_tab, shell.decisions_tab),
    ]


def test_with_something_overdue_only_today_is_built_before_the_first_paint(
    qtbot: QtBot, shell: MainWindow, demo_db: int
) -> None:
    assert shell.open_on_today_action.isChecked()  # the default
    shell.load()
    assert shell.tabs.currentWidget() is shell.today_tab and shell.today_tab.overdue
    assert shell.project_tabs == [shell.today_tab], "the saved tab is not built for nothing"
    shell.show()
    qtbot.waitUntil(lambda: len(shell.project_tabs) == 7)
    assert shell.tabs.currentWidget() is shell.today_tab


def test_a_tab_not_built_yet_is_built_with_its_data_when_clicked(
    qtbot: QtBot, shell: MainWindow, demo_db: int
) -> None:
    shell.load()
    bar = shell.tabs.tabBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(shell.tabs.count() - 3).center()
    )
    assert shell.tabs.currentWidget() is shell.progress_tab
    assert shell.progress_tab.project_id == demo_db
    assert shell.progress_tab.steps.plan.rowCount() > 0
    assert not hasattr(shell, "stakeholders_tab"), "only the tabs shown are built"


def test_the_export_menu_lists_every_tab_before_they_are_built(
    shell: MainWindow, demo_db: int
) -> None:
    shell.load()
    assert shell.export_menu.isEnabled()
    shell.export_menu.aboutToShow.emit()  # what opening File → Export does first
    assert len(shell.project_tabs) == 7
    texts = [a.text() for a in shell.export_menu.actions() if not a.isSeparator()]
    assert "Kickoff pack (.docx)…" in texts and len(texts) >= 5


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The messages `QMessageBox.critical` would show, as (title, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text, *_: shown.append((title, text))
    )
    monkeypatch.setattr(app, "_start_log", lambda: None)  # no log file left open
    return shown


def open_after_paint(window: MainWindow, path: Path, settings: QSettings) -> int | None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    return app._open_into(qapp, window, path, Language.EN, settings)


def test_a_file_that_is_not_a_database_is_told_as_before(
    shell: MainWindow, tmp_path: Path, settings: QSettings, critical: list[tuple[str, str]]
) -> None:
    target = tmp_path / "notes.db"
    target.write_bytes(b"these are not the notes you are looking for" * 100)
    before = target.read_bytes()
    assert open_after_paint(shell, target, settings) == 1
    [(title, text)] = critical
    assert title == "Cannot open database"
    assert "not a pmdesk database" in text and str(target) in text
    assert target.read_bytes() == before
    assert shell.project_tabs == [], "nothing is loaded from a file that did not open"
    assert shell.guard is None
    other = InstanceGuard()
    assert other.claim(target), "the failed start let go of the file"
    other.release()


def test_a_file_from_a_newer_pmdesk_is_told_as_before(
    shell: MainWindow, tmp_path: Path, settings: QSettings, critical: list[tuple[str, str]]
) -> None:
    target = tmp_path / "newer.db"
    db.open_database(target)
    db.close_database()
    with sqlite3.connect(target) as connection:
        connection.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    connection.close()
    assert open_after_paint(shell, target, settings) == 1
    [(title, text)] = critical
    assert title == "Cannot open database"
    assert "newer pmdesk" in text
    assert shell.project_tabs == []


def test_the_light_default_path_is_the_data_layers() -> None:
    assert default_database_path() == db.default_database_path()


@pytest.mark.parametrize(
    ("argv", "opens_app"),
    [
        ([], True),
        (["--db", "x.db", "--lang", "zh_CN"], True),
        (["--demo"], True),
        (["list", "projects"], False),
        (["--db", "x.db", "backup", "-o", "y.db"], False),
        (["--help"], False),
        (["--no-such-option"], False),
    ],
)
def test_only_a_plain_app_start_skips_the_command_line(argv: list[str], opens_app: bool) -> None:
    """Anything but global options goes to `cli.parse_args` (commands, help, mistakes)."""
    args = parse_app_options(argv)
    assert (args is not None) == opens_app
    if args is not None:
        assert args.command is None


@pytest.mark.parametrize("open_on_today", [True, False])
def test_data_shown_ends_on_the_tab_the_start_shows(tmp_path: Path, open_on_today: bool) -> None:
    """`PMDESK_EXIT_AFTER_DATA` (what bench/ times) quits at the data's first paint,
    on Today when the start switches to it (the demo has overdue items) and on the tab
    first built when it does not: a real process that must end by itself."""
    config = tmp_path / "c"
    if not open_on_today:
        settings = QSettings(str(config / "pmdesk" / "pmdesk.ini"), QSettings.Format.IniFormat)
        settings.setValue("today/open_when_overdue", False)
        settings.sync()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        XDG_DATA_HOME=str(tmp_path / "d"),
        PMDESK_EXIT_AFTER_DATA="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "--demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
