"""Starting the app: the smoke test as a real process, the first-run offer, new projects."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, Project
from pmdesk.ui.dialogs.project_dialog import FirstRunDialog, NewProjectDialog


def run_pmdesk(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env.pop("QT_QPA_PLATFORM", None)  # --smoke-test must find its way without a screen
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "pmdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_smoke_test_passes_on_an_empty_database_without_waiting(tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    result = run_pmdesk("--db", str(target), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed (0 projects" in result.stdout
    assert not (tmp_path / "cfg" / "pmdesk").exists(), "a check must not touch user settings"


def test_smoke_test_passes_on_the_chinese_demo(tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    made = run_pmdesk("demo", "--db", str(target), "--lang", "zh_CN", tmp_path=tmp_path)
    assert made.returncode == 0, made.stderr
    result = run_pmdesk("--db", str(target), "--lang", "zh_CN", "--smoke-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed (1 projects" in result.stdout


def test_smoke_test_fails_clearly_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_bytes(b"these are not the notes you are looking for" * 100)
    before = target.read_bytes()
    result = run_pmdesk("--db", str(target), "--smoke-test", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "not a pmdesk database" in result.stderr
    assert str(target) in result.stderr
    assert target.read_bytes() == before


def test_new_project_dialog_creates_a_project(qtbot: QtBot, database: Path) -> None:
    dialog = NewProjectDialog(Language.EN)
    qtbot.addWidget(dialog)
    dialog.name.setText("ERP rollout")
    dialog.client.setText("Acme Ltd")
    dialog.document_language.setCurrentIndex(dialog.document_language.findData("zh_CN"))
    dialog.accept()
    project = Project.get_by_id(dialog.created_project_id)
    assert (project.name, project.client_org, project.document_language) == (
        "ERP rollout",
        "Acme Ltd",
        "zh_CN",
    )


def test_new_project_dialog_refuses_a_blank_name(
    qtbot: QtBot, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = NewProjectDialog(Language.EN)
    qtbot.addWidget(dialog)
    dialog.name.setText("   ")
    dialog.accept()
    assert warnings == ["Please give the project a name."]
    assert dialog.created_project_id is None
    assert Project.select().count() == 0


def test_first_run_offers_the_demo_in_the_users_language(qtbot: QtBot) -> None:
    english = FirstRunDialog(Language.EN)
    chinese = FirstRunDialog(Language.ZH_CN)
    qtbot.addWidget(english)
    qtbot.addWidget(chinese)
    assert english.demo_language() == Language.EN
    assert chinese.demo_language() == Language.ZH_CN
    english.empty.setChecked(True)
    assert english.demo_language() is None


def test_an_unexpected_error_is_shown_logged_and_the_app_goes_on(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any uncaught exception: a dialog with the details, a line in the log."""
    import logging

    from pmdesk import app, db

    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    app._start_log()
    try:
        raise RuntimeError("the projector caught fire")
    except RuntimeError as error:
        app._show_unexpected_error(type(error), error, error.__traceback__)
    for handler in logging.getLogger("pmdesk").handlers:
        handler.flush()
    assert shown and shown[0].text() == "the projector caught fire"
    assert "RuntimeError" in shown[0].detailedText()
    log = app.log_folder() / "pmdesk.log"
    assert "the projector caught fire" in log.read_text(encoding="utf-8")
    assert log.parent.parent == db.default_database_path().parent, "in the data folder"
    logger = logging.getLogger("pmdesk")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
