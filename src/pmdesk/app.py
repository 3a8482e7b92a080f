"""Composition root: the QApplication, settings, language, database and main window.

Start-up order (BENCHMARKS.md): the window's shell is shown first, before the data
layer (Peewee, the models, the services) is imported; right after its first paint the
database is opened — with the same messages as ever if it cannot be — and the window
filled.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import pmdesk.ui  # noqa: F401  (first: PySide6's check of later imports made light)
from pmdesk import __version__
from pmdesk.languages import Language
from pmdesk.paths import RESOURCES, Location, display_url, is_server_url

if TYPE_CHECKING:
    import logging

    from pmdesk import db
    from pmdesk.ui.main_window import MainWindow
    from pmdesk.ui.single_instance import InstanceGuard

SETTINGS_LANGUAGE = "view/language"


def make_settings() -> QSettings:
    """pmdesk's settings file (INI, in the user's config folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pmdesk", "pmdesk")


def _no_screen() -> bool:
    linux = sys.platform.startswith("linux")
    return linux and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def choose_language(requested: str | None, settings: QSettings) -> Language:
    """--lang, else the language chosen in View → Language, else the system's."""
    from pmdesk.ui.i18n import system_language

    for candidate in (requested, settings.value(SETTINGS_LANGUAGE)):
        if candidate in {lang.value for lang in Language}:
            return Language(str(candidate))
    return system_language()


def run_app(db_path: Location | None, language: str | None, smoke_test: bool = False) -> int:
    """Open the window on `db_path` (default: the user's database); returns the exit code."""
    if smoke_test and _no_screen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check needs no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("pmdesk")
    app.setApplicationName("pmdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("pmdesk")
    settings = make_settings()
    chosen = choose_language(language, settings)

    from pmdesk.ui.i18n import install_translators

    translators = install_translators(app, chosen)
    from pmdesk import messages

    messages.current = chosen  # the core's messages shown in the window speak it too
    app.setWindowIcon(app_icon())
    path: Location = (
        (db_path if isinstance(db_path, str) else Path(db_path))
        if db_path is not None
        else _default_database_path()
    )
    try:
        if smoke_test:
            return _run_smoke_test(path, chosen)
        return _run_window(app, path, chosen, settings)
    finally:
        del translators


def _run_smoke_test(path: Location, language: Language) -> int:
    from pmdesk import db

    try:
        db.open_database(path, health_check=True)
    except db.CorruptDatabase as problem:  # a check offers no recovery: it names the backup
        from pmdesk import backups

        _report_open_problem(db.DatabaseProblem(backups.damage_report(problem)), smoke_test=True)
        return 1
    except db.DatabaseProblem as problem:
        _report_open_problem(problem, smoke_test=True)
        return 1
    try:
        return _smoke_test(path, language)
    finally:
        db.close_database()


def _report_open_problem(problem: db.DatabaseProblem, smoke_test: bool) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pmdesk.messages import say

    _log().error("cannot open database: %s", problem)
    if smoke_test:
        print(say(f"pmdesk: error: {problem}"), file=sys.stderr)
    else:
        QMessageBox.critical(
            None, QCoreApplication.translate("app", "Cannot open database"), say(str(problem))
        )


def _without_backup(problem: db.CorruptDatabase) -> db.DatabaseProblem:
    """A damaged file with no sound backup is said to have none (nothing is offered)."""
    from pmdesk import backups, db

    if backups.latest_backup(problem.path) is None:
        return db.DatabaseProblem(backups.damage_report(problem))
    return problem


def _offer_recovery(path: Path, problem: db.CorruptDatabase) -> bool:
    """A damaged file: offer the latest sound backup (the damaged file is kept aside)."""
    from PySide6.QtWidgets import QMessageBox

    from pmdesk import backups, db
    from pmdesk.messages import say

    latest = backups.latest_backup(path)
    if latest is None:
        return False
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "Database damaged"),
        QCoreApplication.translate(
            "app",
            "{problem}\n\nRestore the latest backup, {backup}? The damaged file is kept "
            "beside it, renamed.",
        ).format(problem=say(str(problem)), backup=latest.name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        aside = backups.recover(path, latest)
    except (OSError, db.DatabaseProblem) as failure:
        QMessageBox.critical(None, "pmdesk", say(str(failure)))
        return False
    _log().warning("recovered %s from %s; damaged file at %s", path, latest, aside)
    return True


class StartCheck(QObject):
    """After the data is shown: `PRAGMA quick_check` of the open file, then (if it is
    sound) the start backup, on a worker thread with its own connection, so neither the
    first paint nor the data waits for them (1.4 s on the large bench file).

    The thread works on the file open when it is made (`opened`): another one opened
    from the File menu meanwhile is not checked, backed up or marked sound in its place."""

    # What the check found ('' if the file is sound), and why the backup failed ('').
    finished = Signal(str, str)

    def __init__(self, keep: int, opened: db.OpenState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keep = keep
        self.opened = opened

    def start(self) -> None:
        import threading

        threading.Thread(target=self._run, name="pmdesk-start-check", daemon=True).start()

    def _run(self) -> None:
        import contextlib
        import sqlite3

        from pmdesk import backups, db

        db.yield_to_window()  # the window opens tabs meanwhile: they come first
        opened = self.opened
        damage = failure = ""
        try:
            with contextlib.closing(db.open_file_connection(opened)) as con:
                key = db.sound_check_key(opened.path) if opened.path else ""
                damage = db.health_problem(con)
                if not damage and opened.path is not None:
                    db.record_sound(opened.path, key)  # commands need not check again
                if not damage and not opened.read_only:
                    backups.backup_if_due("start", keep=self.keep, connection=con, path=opened.path)
        except (OSError, sqlite3.Error, db.DatabaseProblem) as problem:
            failure = str(problem)
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.finished.emit(damage, failure)


def start_check(settings: QSettings, window: MainWindow, path: Path) -> StartCheck | None:
    """Run the start check and backup of `path`; answer what they find in the window.
    None if another database was opened before it began (within the start's half second)."""
    from pmdesk import db
    from pmdesk.ui.dialogs.backups_dialog import keep_setting

    opened = db.state
    if opened is None or opened.path != path:
        return None
    check = StartCheck(keep_setting(settings), opened, window)
    check.finished.connect(lambda damage, failure: after_start_check(window, path, damage, failure))
    check.start()
    return check


def after_start_check(window: MainWindow, path: Path, damage: str, failure: str) -> None:
    """A damaged file is offered its latest sound backup (never backed up itself); a
    failed start backup (a full disk) is said in the status bar and logged; a file on a
    network share is warned about."""
    from PySide6.QtWidgets import QMessageBox

    from pmdesk import db

    if damage:
        _log().error("health check of %s: %s", path, damage)
        problem = db.CorruptDatabase(path, damage)
        # Recovery replaces the open file: not one the window opened since the check began.
        if window.db_path == path and _offer_recovery(path, problem):
            if window.guard is not None:
                window.guard.hold()  # the backup is another file under the same name
            window.show_replaced_data()
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "app", "The latest backup was restored; the damaged file is kept beside it."
                )
            )
            return
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "app", "{path} is damaged: no backup is made of it until a backup is restored."
            ).format(path=path)
        )
        return
    if failure:
        _log().error("start backup failed: %s", failure)
        window.statusBar().showMessage(
            QCoreApplication.translate("app", "The start backup failed: {problem}").format(
                problem=failure
            )
        )
    state = db.state
    if state is not None and state.network_share:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("app", "Database on a network drive"),
            QCoreApplication.translate(
                "app",
                "{path} is on a network drive. pmdesk works there more slowly and safely, "
                "but two people must never open it at the same time; keep your database on "
                "this computer, or use a team server.",
            ).format(path=state.path),
        )


def _default_database_path() -> Path:
    from pmdesk.paths import default_database_path  # platformdirs: only when needed

    return default_database_path()


def _log() -> logging.Logger:
    """pmdesk's log (`logging` is imported when first needed: not before the first paint)."""
    import logging

    return logging.getLogger("pmdesk")


def log_folder() -> Path:
    """`logs` in pmdesk's data folder, beside the default database and its backups."""
    return _default_database_path().parent / "logs"


def _start_log() -> None:
    """Errors and recoveries go to a rotating log under the user's log folder."""
    import logging

    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    from pmdesk.log_file import LogFile

    handler = LogFile(folder / "pmdesk.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from pmdesk.credentials import HidePasswords

    handler.addFilter(HidePasswords())  # a server address typed with its password
    logger = _log()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def watch_dialogs(app: QApplication) -> None:
    """Every pmdesk dialog opens with the cursor in its first field, and what is typed
    in it is autosaved and offered back after a crash: by one app-wide filter, installed
    once. Not before a dialog may show: a filter of every event makes PySide6 build the
    Python type of every kind of object and event it sees (40 ms before the data's first
    paint, measured)."""
    from pmdesk.ui.widgets.autosave import DialogDrafts
    from pmdesk.ui.widgets.forms import install_dialog_focus

    dialogs = install_dialog_focus(app)
    assert dialogs is not None
    added = (getattr(then, "__self__", None) for then in dialogs.on_show)
    if not any(isinstance(watcher, DialogDrafts) for watcher in added):
        dialogs.on_show.append(DialogDrafts(app).on_dialog_shown)


def _offer_demo(app: QApplication, language: Language) -> None:
    """On an empty database, offer the demo project so a newcomer sees a populated app."""
    from pmdesk.services import projects

    if projects.list_projects():
        return
    from pmdesk.ui.dialogs.project_dialog import FirstRunDialog

    watch_dialogs(app)

    dialog = FirstRunDialog(language)
    if dialog.exec() and (demo_language := dialog.demo_language()) is not None:
        from pmdesk.demo import create_demo_project

        create_demo_project(demo_language)


def app_icon() -> QIcon:
    """The app icon in every size we ship (the window manager picks the best)."""
    icon = QIcon()
    folder = RESOURCES / "icons"
    for entry in folder.iterdir():
        if entry.name.endswith(".png"):
            icon.addFile(str(entry))
    return icon


def _run_window(app: QApplication, path: Location, language: Language, settings: QSettings) -> int:
    from pmdesk.ui.main_window import MainWindow, OnFirstPaint

    window = MainWindow(path, language, settings, shell_only=True)
    restart = {"wanted": False}

    def on_language_chosen(value: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        settings.setValue(SETTINGS_LANGUAGE, value)
        settings.sync()
        answer = QMessageBox.question(
            window,
            QCoreApplication.translate("app", "Language"),
            QCoreApplication.translate(
                "app", "The new language applies after pmdesk restarts. Restart now?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            restart["wanted"] = True
            window.close()

    window.language_chosen.connect(on_language_chosen)
    sys.excepthook = _show_unexpected_error

    def open_database() -> None:
        code = _open_into(app, window, path, language, settings)
        if code is not None:
            app.exit(code)

    if os.environ.get("PMDESK_EXIT_AFTER_FIRST_PAINT"):  # start-up benchmarks (bench/)
        # The figure ends at the first paint: quit there, before the database is opened.
        window.installEventFilter(_QuitOnFirstPaint(app))
    else:
        if os.environ.get("PMDESK_EXIT_AFTER_DATA"):
            # Quit once the tab on screen has painted its project's data: the one built
            # first, or Today if the start switches to it (something overdue).
            quitter = _QuitOnFirstPaint(app)

            def watch_tab_on_screen(*_: object) -> None:
                window.tabs.currentWidget().installEventFilter(quitter)

            def on_tabs_built() -> None:
                watch_tab_on_screen()
                window.tabs.currentChanged.connect(watch_tab_on_screen)

            window.tabs_built.connect(on_tabs_built)
        window.installEventFilter(OnFirstPaint(window, open_database))
    window.show()
    import gc

    # __main__ holds the garbage collector off until the data's first paint; at the
    # latest it comes back after a few seconds (a start minimized paints nothing).
    QTimer.singleShot(5000, gc.enable)
    try:
        code = app.exec()
    finally:
        if "pmdesk.db" in sys.modules:  # not when the app ended before opening the file
            from pmdesk import db

            db.close_database()
    if restart["wanted"]:
        from PySide6.QtCore import QProcess

        QProcess.startDetached(sys.executable, _restart_arguments(sys.argv[1:]))
    return code


def _open_into(
    app: QApplication, window: MainWindow, path: Location, language: Language, settings: QSettings
) -> int | None:
    """After the shell's first paint: claim the file, open it, fill the window.

    Returns the exit code when the app must end instead (another pmdesk has the file,
    or it cannot be opened: the user has been told why)."""
    from pmdesk.ui.single_instance import InstanceGuard

    guard = InstanceGuard(app)
    # One pmdesk per file; a team server is shared by design (and by the same person
    # on two machines), so it is not claimed.
    if isinstance(path, Path) and not guard.claim(path, listen=False):
        print(f"pmdesk already has {path} open; it was brought to the front.")
        window.hide()
        return 0
    _start_log()
    from pmdesk import temporaries

    for stale in temporaries.remove_stale():  # what a killed export or backup left behind
        _log().info("removed %s, left by an export or backup that did not finish", stale)
    if is_server_url(path):
        watch_dialogs(app)  # the password dialog may come first
    if not _open_or_recover(path):
        guard.release()
        return 1
    guard.hold()  # a new database exists only now, a recovered one is another file
    _offer_demo(app, language)
    window.set_guard(guard)
    window.load()
    window.start_on_today()  # Today first when something is overdue; the notification
    # What can wait until the tab on screen has painted its data (or a few seconds, if
    # no paint comes: a start minimized).
    window.after_data_paint(lambda: _after_data_paint(app, guard))
    QTimer.singleShot(5000, window, lambda: _after_data_paint(app, guard))
    # After the window is filled, off the GUI thread: they must not delay it.
    if isinstance(path, Path):
        # Bound to the window: a window closed within the half second cancels it.
        QTimer.singleShot(500, window, lambda: start_check(settings, window, path))
    return None


def _after_data_paint(app: QApplication, guard: InstanceGuard) -> None:
    """Every dialog watched, later launches on the file heard, and the cyclic garbage
    collector back on (__main__ holds it off while the start makes its objects). Each
    is done once, however often this is called."""
    import gc

    watch_dialogs(app)
    guard.listen()
    gc.enable()


def _open_or_recover(path: Location) -> bool:
    """Open the file or server; if it cannot be, say why (offering a backup of a damaged
    file; asking for a server's password when the keyring has none)."""
    from pmdesk import db

    try:
        if is_server_url(path):
            from pmdesk.ui.dialogs.team_dialogs import open_with_password

            open_with_password(path)  # asking for the password if the keyring has none
        else:
            db.open_database(path)  # its quick_check follows, off the GUI thread
    except db.CorruptDatabase as problem:
        if isinstance(path, Path) and _offer_recovery(path, problem):
            return True  # the backup is in place and open
        _report_open_problem(_without_backup(problem), smoke_test=False)
        return False
    except db.DatabaseProblem as problem:
        _report_open_problem(problem, smoke_test=False)
        return False
    return True


class _QuitOnFirstPaint(QObject):
    """Ends the app once the widget it watches has painted: what start-up benchmarks
    time. The moment is printed first (`painted_at=` seconds since the epoch), so a
    benchmark times launch to paint, not the process's exit after it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            report_paint()
            QTimer.singleShot(0, QApplication.quit)
        return False


def report_paint() -> None:
    """Print when the first paint came (bench/ reads it; a windowed build has no stdout)."""
    import time

    if sys.stdout is not None:
        print(f"painted_at={time.time():.6f} cpu={time.process_time():.6f}", flush=True)


def _restart_arguments(argv: list[str]) -> list[str]:
    """The same command again, without a --lang that would override the new choice."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept if getattr(sys, "frozen", False) else ["-m", "pmdesk", *kept]


def _show_unexpected_error(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Any uncaught exception: tell the user, keep the app and its data intact."""
    import traceback

    from PySide6.QtWidgets import QMessageBox

    from pmdesk.paths import hide_passwords

    details = hide_passwords("".join(traceback.format_exception(kind, error, tb)))
    print(details, file=sys.stderr)
    _log().error("unexpected error\n%s", details)
    box = QMessageBox(
        QMessageBox.Icon.Critical, "pmdesk", hide_passwords(str(error)) or kind.__name__
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "app",
            "Something went wrong. Your saved data is safe; the details are below and in "
            "the log in {folder}.",
        ).format(folder=log_folder())
    )
    box.setDetailedText(details)
    box.exec()


def _smoke_test(path: Location, language: Language) -> int:
    """Build the window on the database, show every tab once, and report any failure.

    It uses throwaway settings: a check must not move the user's window or change tabs.
    """
    import tempfile
    import traceback

    from pmdesk.ui.main_window import MainWindow

    scratch = tempfile.TemporaryDirectory(prefix="pmdesk-smoke-")
    settings = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)

    failures: list[str] = []

    def record(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        failures.append("".join(traceback.format_exception(kind, error, tb)))

    previous_hook = sys.excepthook
    sys.excepthook = record
    try:
        window = MainWindow(path, language, settings)
        window.show()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            if window.tabs.currentWidget().grab().isNull():
                failures.append(f"tab {index} could not be drawn")
        QTimer.singleShot(0, window.close)
        QApplication.processEvents()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    except Exception:
        failures.append(traceback.format_exc())
    finally:
        sys.excepthook = previous_hook
        scratch.cleanup()
    if failures:
        print("pmdesk: smoke test failed:\n" + "\n".join(failures), file=sys.stderr)
        return 1
    from pmdesk.services import projects

    count = len(projects.list_projects())
    shown = display_url(str(path)) if is_server_url(path) else path
    print(f"pmdesk {__version__}: smoke test passed ({count} projects, {shown})")
    return 0
