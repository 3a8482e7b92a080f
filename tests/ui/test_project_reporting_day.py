"""The project dialog's reporting day: chosen from the keyboard, saved with the project,
and used by Today's status-report item (issue #19)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, Project
from pmdesk.services import projects
from pmdesk.ui.dialogs.project_dialog import ProjectDialog


def _ok(qtbot: QtBot, dialog: ProjectDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _open(qtbot: QtBot, language: Language, project_id: int) -> ProjectDialog:
    dialog = ProjectDialog(language, projects.get_project(project_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name)
    return dialog


def test_the_reporting_day_is_chosen_saved_and_cleared(qtbot: QtBot, database: Path) -> None:
    project, _ = projects.create_project("ERP rollout")
    dialog = _open(qtbot, Language.EN, project.id)
    assert dialog.report_weekday.currentText().startswith("No fixed day")
    assert dialog.report_weekday.accessibleName() == "Reporting day"
    dialog.report_weekday.setFocus()
    qtbot.keyClicks(dialog.report_weekday, "Fri")
    assert dialog.report_weekday.currentText() == "Friday"
    _ok(qtbot, dialog)
    assert Project.get_by_id(project.id).report_weekday == 4

    from pmdesk.services import today

    [item] = [i for i in today.items(project.id, dt.date.today()) if i.kind == "report_due"]
    assert "(every Friday)" in item.reason("en") and "（每周五）" in item.reason("zh_CN")

    chinese = _open(qtbot, Language.ZH_CN, project.id)
    assert chinese.report_weekday.currentText() == "周五"
    chinese.report_weekday.setFocus()
    qtbot.keyClick(chinese.report_weekday, Qt.Key.Key_Home)
    _ok(qtbot, chinese)
    assert Project.get_by_id(project.id).report_weekday is None
