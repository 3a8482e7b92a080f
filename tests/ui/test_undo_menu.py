"""Undo and Redo say what they do and where: the Edit menu names the step and, when it
is on another tab than the one on screen, that tab; undoing shows the tab and says
"Undid: …" (in English and Chinese); exports are no steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, Meeting, MeetingKind, Note
from pmdesk.ui.main_window import MainWindow
from tests.demo_copy import demo_project

from .conftest import TODAY

CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot: QtBot, path: Path, settings: QSettings, language: Language) -> MainWindow:
    window = MainWindow(path, language, settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def click_tab(qtbot: QtBot, window: MainWindow, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def capture(qtbot: QtBot, window: MainWindow, text: str) -> Note:
    live = window.live_tab
    click_tab(qtbot, window, window.tabs.indexOf(live))
    kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
    live.capture.bar.line.setFocus()
    qtbot.keyClicks(live.capture.bar.line, text)
    qtbot.keyClick(live.capture.bar.line, Qt.Key.Key_Return)
    return Note.get(Note.text == text)


def test_undo_from_another_tab_names_it_shows_it_and_says_what_it_did(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = open_window(qtbot, database, settings, Language.EN)
    note = capture(qtbot, window, "The COO owns the baseline")
    assert window.undo_action.text() == "&Undo Capture note", "on its own tab: no tab named"

    stakeholders = window.tabs.indexOf(window.stakeholders_tab)
    click_tab(qtbot, window, stakeholders)
    assert window.undo_action.text() == "&Undo Capture note (Live meeting)"
    window.stakeholders_tab.register_section.register_view.setFocus()
    qtbot.keyClick(window.stakeholders_tab.register_section.register_view, Qt.Key.Key_Z, CTRL)

    assert Note.get_or_none(Note.id == note.id) is None
    assert window.tabs.currentWidget() is window.live_tab, "the place is shown"
    assert window.statusBar().currentMessage() == "Undid: Capture note (Live meeting)"
    assert window.redo_action.text() == "&Redo Capture note"

    click_tab(qtbot, window, stakeholders)
    assert window.redo_action.text() == "&Redo Capture note (Live meeting)"
    qtbot.keyClick(window.stakeholders_tab.register_section.register_view, Qt.Key.Key_Y, CTRL)
    assert Note.get_by_id(note.id).text == "The COO owns the baseline"
    assert window.statusBar().currentMessage() == "Redid: Capture note (Live meeting)"
    window.close()


def test_undo_speaks_chinese(
    qtbot: QtBot, database: Path, settings: QSettings, qapp: QApplication
) -> None:
    from pmdesk.ui.i18n import install_translators

    demo_project(Language.ZH_CN, today=TODAY)
    translators = install_translators(qapp, Language.ZH_CN)
    try:
        window = open_window(qtbot, database, settings, Language.ZH_CN)
        capture(qtbot, window, "COO owns the baseline")
        click_tab(qtbot, window, window.tabs.indexOf(window.progress_tab))
        assert window.undo_action.text() == "撤销(&U) 添加记录 (会中记录)"
        window.undo_action.trigger()
        assert window.statusBar().currentMessage() == "已撤销：添加记录 (会中记录)"
        window.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_exports_are_no_undo_steps(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = open_window(qtbot, database, settings, Language.EN)
    capture(qtbot, window, "Something to minute")
    steps = window.undo_stack.count()
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Ok)
    # "Record as sent?" after the email is an action of its own (recording a sending).
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    for action in window.live_tab.export_actions() + window.progress_tab.export_actions()[:2]:
        action.trigger()
    assert window.undo_stack.count() == steps
    window.close()
