"""What the start no longer pays for before the data is on screen, with the behaviour
each saving must keep: the log still written, dialogs still focused and autosaved, the
start check still giving way to the window."""

from __future__ import annotations

import linecache
import logging
import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.log_file import LogFile
from pmdesk.ui.qt_imports import restore_plain_import
from pmdesk.ui.widgets.forms import DialogFocus, install_dialog_focus

from .test_startup import modules_imported_by_start

#: Not imported before the data's first paint when nothing is logged (a file, not a server):
#: nor are the dialogs' modules (each PySide6 class costs its type and enums).
LOADED_AFTER_DATA = (
    "calendar",
    "logging.handlers",
    "pmdesk.db_server",
    "pmdesk.ui.dialogs.team_dialogs",
    "pmdesk.ui.today.marks",
    "pmdesk.ui.widgets.dates",
    "socket",
    "statistics",
    "uuid",
)


def test_data_shown_without_the_log_handlers_or_the_server_seam(tmp_path: Path) -> None:
    from pmdesk.demo import create_demo_project
    from pmdesk.models import Language

    target = tmp_path / "pmdesk.db"
    db.open_database(target)
    try:
        create_demo_project(Language.EN)
    finally:
        db.close_database()
    modules = modules_imported_by_start(tmp_path, target, "PMDESK_EXIT_AFTER_DATA")
    assert "pmdesk.ui.tabs.base" in modules, "no tab was built"
    assert not modules & set(LOADED_AFTER_DATA)


def test_the_log_file_is_made_at_its_first_record(tmp_path: Path) -> None:
    path = tmp_path / "pmdesk.log"
    handler = LogFile(path)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("pmdesk.test-log-file")
    logger.addHandler(handler)
    try:
        assert not path.exists()
        logger.error("the projector caught fire")
        handler.flush()
        assert path.read_text(encoding="utf-8") == "ERROR the projector caught fire\n"
    finally:
        logger.removeHandler(handler)
        handler.close()


def test_a_log_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    handler = LogFile(tmp_path / "no-such-folder" / "pmdesk.log")
    record = logging.LogRecord("pmdesk", logging.ERROR, __file__, 1, "lost", None, None)
    handler.handle(record)
    handler.handle(record)  # tried once, not at every record
    handler.close()
    assert not (tmp_path / "no-such-folder").exists()


def test_one_app_wide_dialog_filter_focuses_and_runs_what_is_added(qtbot: QtBot) -> None:
    app = QApplication.instance()
    focus = install_dialog_focus(app)
    assert isinstance(focus, DialogFocus)
    assert install_dialog_focus(app) is focus, "installed once"
    seen: list[QDialog] = []
    focus.on_show.append(seen.append)
    try:
        dialog = QDialog()
        qtbot.addWidget(dialog)
        field = QLineEdit(dialog)
        QVBoxLayout(dialog).addWidget(field)
        dialog.show()
        qtbot.waitUntil(lambda: seen == [dialog])
        assert dialog.focusWidget() is field
    finally:
        focus.on_show.remove(seen.append)


def _module_file(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_are_pythons_own_and_keep_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    import builtins

    import pmdesk.ui  # noqa: F401  (puts the plain import back)

    assert builtins.__import__ is builtins.__orig_import__, "PySide6's hook is still in"
    assert not restore_plain_import(), "once is enough"
    uses = _module_file(tmp_path, "pmdesk_test_uses_qt", "from PySide6 import QtCore\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    __import__("pmdesk_test_uses_qt")  # the statement's way in
    monkeypatch.delitem(sys.modules, "pmdesk_test_uses_qt")
    assert str(uses) not in linecache.cache
    field = QLineEdit()
    qtbot.addWidget(field)
    field.setText("plain Qt names")  # the default selection, not snake_case
    assert field.text() == "plain Qt names"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_the_health_check_on_a_worker_thread_gives_way_to_the_window(database: Path) -> None:
    found: dict[str, object] = {}

    def check() -> None:
        found["problem"] = db.check_open_file()
        found["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    worker = threading.Thread(target=check)
    worker.start()
    worker.join()
    assert found == {"problem": "", "nice": 19}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before, "not the window"


class _NoteDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("A note")
        self.text = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.text)


def test_dialog_drafts_through_the_one_filter_come_back_in_a_focused_field(
    qtbot: QtBot, database: Path
) -> None:
    """As the app wires them (`DialogDrafts.on_dialog_shown` in `DialogFocus.on_show`):
    what was typed in a dialog that never closed is offered in the next one."""
    from pmdesk.models import Draft
    from pmdesk.ui.widgets.autosave import AUTOSAVE_MS, DialogDrafts

    app = QApplication.instance()
    focus = install_dialog_focus(app)
    assert focus is not None
    drafts = DialogDrafts(app)
    focus.on_show.append(drafts.on_dialog_shown)
    try:
        first = _NoteDialog()
        qtbot.addWidget(first)
        first.show()
        qtbot.keyClicks(first.text, "Book the room")
        qtbot.waitUntil(lambda: Draft.select().count() >= 1, timeout=AUTOSAVE_MS * 4)
        first.hide()  # the app dies: no OK, no Cancel
        second = _NoteDialog()
        qtbot.addWidget(second)
        second.show()
        qtbot.waitUntil(lambda: second.text.text() == "Book the room")
        assert second.focusWidget() is second.text
    finally:
        focus.on_show.remove(drafts.on_dialog_shown)


def test_the_start_watches_dialogs_and_later_launches_once_its_data_is_painted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app-wide dialog filter makes PySide6 build a Python type for every kind of
    object and event it sees, so the start installs it only after the tab on screen has
    painted; from then on a dialog opens in its first field, with its drafts. The file
    is locked at once, but later launches are heard (QtNetwork loaded) only then too."""
    from PySide6.QtCore import QSettings

    from pmdesk import app as pmdesk_app
    from pmdesk.demo import create_demo_project
    from pmdesk.file_lock import DatabaseLock
    from pmdesk.models import Language
    from pmdesk.ui.main_window import MainWindow
    from pmdesk.ui.single_instance import activate_running
    from pmdesk.ui.widgets.autosave import DialogDrafts
    from pmdesk.ui.widgets.forms import _DIALOG_FOCUS

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    earlier = qapp.property(_DIALOG_FOCUS)
    if isinstance(earlier, DialogFocus):  # installed by an earlier test's window
        qapp.removeEventFilter(earlier)
    qapp.setProperty(_DIALOG_FOCUS, None)
    path = tmp_path / "demo.db"
    db.open_database(path)
    create_demo_project(Language.EN)
    db.close_database()
    monkeypatch.setattr(pmdesk_app, "_start_log", lambda: None)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, Language.EN, settings, shell_only=True)
    qtbot.addWidget(window)
    try:
        assert pmdesk_app._open_into(qapp, window, path, Language.EN, settings) is None
        assert qapp.property(_DIALOG_FOCUS) is None, "not before the data's paint"
        assert not activate_running(path), "nobody listens yet"
        assert not DatabaseLock(path).acquire(), "but the file is taken"
        window.show()
        qtbot.waitUntil(lambda: isinstance(qapp.property(_DIALOG_FOCUS), DialogFocus))
        with qtbot.waitSignal(window.guard.activation_requested, timeout=3000):
            assert activate_running(path), "a second launch is heard now"
        focus = qapp.property(_DIALOG_FOCUS)
        drafts = [then for then in focus.on_show if isinstance(then.__self__, DialogDrafts)]
        assert len(drafts) == 1
        pmdesk_app.watch_dialogs(qapp)
        assert qapp.property(_DIALOG_FOCUS) is focus and len(focus.on_show) == len(drafts)
        dialog = _NoteDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.text)
    finally:
        window.close()
        db.close_database()
        if window.guard is not None:
            window.guard.release()


def test_a_first_run_offers_the_demo_in_a_watched_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an empty file the first-run dialog comes before the data's paint: the dialog
    filter is installed for it, and OK there opens the demo."""
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    from pmdesk import app as pmdesk_app
    from pmdesk.models import Language, Project
    from pmdesk.ui.dialogs.project_dialog import FirstRunDialog
    from pmdesk.ui.main_window import MainWindow
    from pmdesk.ui.widgets.forms import _DIALOG_FOCUS

    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    earlier = qapp.property(_DIALOG_FOCUS)
    if isinstance(earlier, DialogFocus):
        qapp.removeEventFilter(earlier)
    qapp.setProperty(_DIALOG_FOCUS, None)
    monkeypatch.setattr(pmdesk_app, "_start_log", lambda: None)
    path = tmp_path / "empty.db"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, Language.EN, settings, shell_only=True)
    qtbot.addWidget(window)
    seen: list[object] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(qapp.property(_DIALOG_FOCUS))
        dialog.demo_english.setChecked(True)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    try:
        assert pmdesk_app._open_into(qapp, window, path, Language.EN, settings) is None
        assert len(seen) == 1 and isinstance(seen[0], DialogFocus), "watched as it showed"
        assert Project.select().count() == 1, "the demo is in"
        assert window.tabs.currentWidget() is window.today_tab
    finally:
        window.close()
        db.close_database()
        if window.guard is not None:
            window.guard.release()
