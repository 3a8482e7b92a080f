"""Importing a returned tracker through the window: the preview's groups as the PM reads
them, a conflict ticked with mouse and keyboard, Apply, and Undo taking it all back."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.models import ActionItem, Language
from pmdesk.services import progress
from pmdesk.ui.dialogs.tracker_import_dialog import TrackerImportDialog
from pmdesk.ui.progress.tab import ProgressTab

from ..conftest import TODAY


def returned_tracker(
    project: int, folder: Path, *, team_comment: bool = True
) -> tuple[Path, ActionItem, ActionItem]:
    """The client set a step Done and commented on another (the team commented since)."""
    path = export_tracker(project, folder / "returned.xlsx", ExportOptions())
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    key_users = ActionItem.get(ActionItem.title.startswith("Nominate one key user"))
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Tracker"]
    rows = {sheet.cell(r, 1).value: r for r in range(3, sheet.max_row + 1)}
    sheet.cell(rows[progress.tracker_id(walk.number)], 6).value = "Done"
    sheet.cell(rows[progress.tracker_id(key_users.number)], 9).value = "Derby names theirs"
    workbook.save(path)
    if team_comment:
        progress.update_action(key_users.id, {"client_comment": "Chased on the phone"})
    return path, walk, key_users


def test_a_conflict_ticked_in_the_preview_takes_the_clients_value(
    tab: ProgressTab,
    demo_db: int,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, walk, key_users = returned_tracker(demo_db, tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, object] = {}

    def use_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrackerImportDialog)
        seen["lines"] = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
        model = dialog.conflict_model
        seen["conflict"] = [model.data(model.index(0, c)) for c in range(1, 6)]
        view = dialog.conflicts
        index = dialog.conflict_model.index(0, 0)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        qtbot.keyClick(view, Qt.Key.Key_Space)
        seen["ticked"] = dialog.conflict_model.data(index, Qt.ItemDataRole.CheckStateRole)
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, use_the_dialog)
    tab.steps.import_button.click()

    w, k = progress.tracker_id(walk.number), progress.tracker_id(key_users.number)
    lines = seen["lines"]
    assert isinstance(lines, list)
    assert lines[:2] == [
        "The client's changes (imported):",
        f"{w} {walk.title}: status In progress → Done",
    ]
    assert seen["conflict"] == [
        f"{k} {key_users.title}",
        "Client comment",
        "(empty)",
        "“Chased on the phone”",
        "“Derby names theirs”",
    ]
    assert seen["ticked"] == Qt.CheckState.Checked
    assert ActionItem.get_by_id(key_users.id).client_comment == "Derby names theirs"
    assert ActionItem.get_by_id(walk.id).status == "done"

    tab.context.editor.stack.undo()
    assert ActionItem.get_by_id(key_users.id).client_comment == "Chased on the phone"
    assert ActionItem.get_by_id(walk.id).status == "in_progress"


def test_the_same_file_again_says_it_was_imported_before(
    tab: ProgressTab, demo_db: int, tmp_path: Path, qtbot: QtBot
) -> None:
    from pmdesk.imports import tracker_xlsx as importer

    path, _walk, _key_users = returned_tracker(demo_db, tmp_path, team_comment=False)
    importer.apply_tracker(importer.read_tracker(demo_db, path, TODAY))
    dialog = TrackerImportDialog(importer.read_tracker(demo_db, path, TODAY), Language.EN, tab)
    qtbot.addWidget(dialog)
    assert dialog.status.text() == (
        "Nothing to import: this file's changes are already in pmdesk (it was imported before)."
    )
    assert not dialog.apply_button.isEnabled()


def test_a_choice_made_before_is_shown_and_may_be_changed(
    tab: ProgressTab,
    demo_db: int,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pmdesk.imports import tracker_xlsx as importer

    path, walk, key_users = returned_tracker(demo_db, tmp_path)
    importer.apply_tracker(importer.read_tracker(demo_db, path, TODAY))  # pmdesk's value kept
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict[str, object] = {}

    def use_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrackerImportDialog)
        seen["status"] = dialog.status.text()
        model = dialog.conflict_model
        seen["before"] = model.data(model.index(0, 6))
        seen["enabled"] = dialog.apply_button.isEnabled()
        view = dialog.conflicts
        index = model.index(0, 0)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        qtbot.keyClick(view, Qt.Key.Key_Space)  # this time, the client's value
        seen["enabled after"] = dialog.apply_button.isEnabled()
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, use_the_dialog)
    tab.steps.import_button.click()
    assert seen["before"] == f"kept pmdesk's on {TODAY}"
    assert seen["status"] == (
        "The conflict choice you made at an earlier import of this export is proposed again. "
        "Nothing to import: this file's changes are already in pmdesk (it was imported before)."
    )
    assert seen["enabled"] is False and seen["enabled after"] is True
    assert ActionItem.get_by_id(key_users.id).client_comment == "Derby names theirs"
    assert ActionItem.get_by_id(walk.id).status == "done"
