"""A server address typed with its password (`postgresql://alice:secret@…`) never shows
the password: not on stdout or stderr, in the log file, the settings file, any file
pmdesk writes, or any window title."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk import db, db_server
from pmdesk.demo import create_demo_project
from pmdesk.models import Language
from tests.postgres import ScratchServer

Account = tuple[str, str, str]  # url with the password, the password, the role


@pytest.fixture
def alice(postgres: ScratchServer) -> Iterator[Account]:
    postgres.empty_if_created()
    db.open_database(postgres.url)
    project = create_demo_project(Language.EN)
    role = postgres.new_role("alice")
    db_server.add_member(db.database.obj, project, role[0])
    db.close_database()
    yield postgres.url_as(*role), role[1], role[0]
    db.close_database()


def run_pmdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("PGPASSWORD", None)
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *args], env=env, capture_output=True, text=True
    )


def files_mentioning(folder: Path, secret: str) -> list[Path]:
    return [
        p for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()
    ]  # fmt: skip


def test_the_smoke_test_and_the_commands_never_print_the_password(
    alice: Account, tmp_path: Path
) -> None:
    url, password, role = alice
    wrong = url.replace(f":{password}@", ":Wr0ngPassw0rd@")
    typo = url.replace("postgresql://", "postgresq://")
    runs = {
        "smoke": run_pmdesk(tmp_path, "--db", url, "--smoke-test"),
        "wrong": run_pmdesk(tmp_path, "--db", wrong, "--smoke-test"),
        "list": run_pmdesk(tmp_path, "list", "projects", "--db", url),
        "members": run_pmdesk(tmp_path, "members", "list", "--project", "1", "--db", url),
        "typo": run_pmdesk(tmp_path, "migrate-to", "--db", str(tmp_path / "x.db"), typo),
    }
    # Malformed addresses, which libpq and urllib like to quote back.
    host = url.split("@", 1)[1].split("/", 1)[0]
    for name, bad in {
        "port": url.replace(host, "127.0.0.1:xx"),
        "space": url.replace(f":{password}@", f":{password} x@"),
        "bracket": url.replace(host, "[bad"),
    }.items():
        runs[name] = run_pmdesk(tmp_path, "list", "projects", "--db", bad)
        assert runs[name].returncode != 0 and "Traceback" not in runs[name].stderr, name
    assert runs["smoke"].returncode == 0, runs["smoke"].stderr
    assert "smoke test passed" in runs["smoke"].stdout and role in runs["smoke"].stdout
    assert runs["wrong"].returncode != 0 and "password" in runs["wrong"].stderr
    assert runs["list"].returncode == 0 and runs["members"].returncode == 0
    assert runs["typo"].returncode != 0 and "postgresq://" in runs["typo"].stderr
    for name, run in runs.items():
        for secret in (password, "Wr0ngPassw0rd"):
            assert secret not in run.stdout + run.stderr, name
    assert files_mentioning(tmp_path, password) == []


def test_the_window_its_log_and_its_settings_never_hold_the_password(
    qtbot: QtBot, alice: Account, tmp_path: Path
) -> None:
    from pmdesk import app
    from pmdesk.ui.main_window import MainWindow

    url, password, _role = alice
    app._start_log()  # the log file, under this test's data folder (see conftest)
    log_file = app.log_folder() / "pmdesk.log"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    db.open_database(url)
    window = MainWindow(url, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Whatever pmdesk logs about where it is connected, and whatever it fails at.
    logging.getLogger("pmdesk.ui").warning("cannot reach %s", url)
    try:
        raise ConnectionError(f"lost {url}")
    except ConnectionError:
        logging.getLogger("pmdesk").exception("unexpected error")
    titles = [w.windowTitle() for w in QApplication.topLevelWidgets()]
    labels = [window.db_label.text(), window.db_label.toolTip(), window.read_only_label.text()]
    window.close()
    settings.sync()
    for handler in logging.getLogger("pmdesk").handlers:
        handler.flush()
    assert url.split("@")[1] in window.db_label.text()  # the address itself is shown
    assert all(password not in text for text in titles + labels)
    assert log_file.exists() and "cannot reach postgresql://" in log_file.read_text()
    assert password not in log_file.read_text()
    assert "postgresql://" in (tmp_path / "settings.ini").read_text()  # the recent list
    assert files_mentioning(tmp_path, password) == []
    assert files_mentioning(app.log_folder().parent, password) == []
    for handler in list(logging.getLogger("pmdesk").handlers):
        logging.getLogger("pmdesk").removeHandler(handler)
        handler.close()
