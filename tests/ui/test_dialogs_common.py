"""What every dialog and the window share, in both languages: a dialog opens with the
cursor in its first field, and Alt-key mnemonics are unique in each dialog and menu."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.ui.dialogs import help_dialogs, kickoff_forms, kickoff_pickers, project_dialog
from pmdesk.ui.i18n import install_translators
from pmdesk.ui.main_window import MainWindow
from tests.demo_copy import demo_project

from .conftest import TODAY

_MNEMONIC = re.compile(r"&([^&\s])")
NOW = dt.datetime.combine(TODAY, dt.time(10, 0))
CHOICES = [("a", "A"), ("b", "B")]

DIALOGS: dict[str, Callable[[], QDialog]] = {
    "plan kickoff": lambda: kickoff_forms.PlanKickoffDialog(
        title="Kickoff", day=TODAY, zones=["Asia/Shanghai"], zone="Asia/Shanghai"
    ),
    "agenda item": lambda: kickoff_forms.AgendaItemDialog([(None, ""), (1, "Helen")]),
    "checklist step": lambda: kickoff_forms.ChecklistStepDialog(
        CHOICES, phase="a", default_due=NOW
    ),
    "material": lambda: kickoff_forms.MaterialDialog(CHOICES, CHOICES, values={}, today=TODAY),
    "change": lambda: kickoff_forms.ChangeDialog(CHOICES, [(None, "")], field="a", when=NOW),
    "attendees": lambda: kickoff_pickers.AttendeesDialog(
        [(1, "Helen")],
        [("client", "Client"), ("consultant", "Consultant")],
        [
            ("client_lead", "Lead"),
            ("client_leader", "Leader"),
            ("cooperating_staff", "Staff"),
            ("consultant_pm", "PM"),
            ("consultant_member", "Member"),
        ],
    ),
    "evidence": lambda: kickoff_pickers.EvidenceDialog("Purpose", [(1, "a note", "")], []),
}


@pytest.fixture(params=[Language.EN, Language.ZH_CN], ids=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Language]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


def mnemonics(top: QWidget) -> list[str]:
    """The Alt letters of everything shown in `top` (labels, buttons, boxes, tabs)."""
    texts: list[str] = []
    for label in top.findChildren(QLabel):
        if label.isVisibleTo(top) and label.buddy() is not None:
            texts.append(label.text())
    for button in top.findChildren(QAbstractButton):
        if button.isVisibleTo(top):
            texts.append(button.text())
    for box in top.findChildren(QGroupBox):
        if box.isVisibleTo(top):
            texts.append(box.title())
    for tabs in top.findChildren(QTabWidget):
        if tabs.isVisibleTo(top):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [m.group(1).casefold() for text in texts for m in _MNEMONIC.finditer(text)]


def duplicates(letters: list[str]) -> set[str]:
    return {letter for letter in letters if letters.count(letter) > 1}


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_each_dialog_opens_in_its_first_field_with_unique_mnemonics(
    qtbot: QtBot, language: Language, name: str
) -> None:
    dialog = DIALOGS[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    focus = dialog.focusWidget()
    assert not isinstance(focus, QAbstractButton), f"{name}: focus on {focus!r}"
    assert duplicates(mnemonics(dialog)) == set(), name
    dialog.close()


def test_the_project_dialog_opens_in_the_name_and_shows_it_whole(
    qtbot: QtBot, language: Language, database: Path
) -> None:
    dialog = project_dialog.ProjectDialog(language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.name)
    assert duplicates(mnemonics(dialog)) == set()
    long_name = "仓储管理系统二期升级改造项目（华东区）" if language == Language.ZH_CN else "X" * 30
    assert dialog.name.width() >= dialog.name.fontMetrics().horizontalAdvance(long_name)
    dialog.close()


def test_help_dialogs_open(qtbot: QtBot, language: Language) -> None:
    for dialog in (help_dialogs.ShortcutsDialog(language), help_dialogs.MethodGuideDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle()
        dialog.close()


def test_window_menus_and_kickoff_sections_have_unique_mnemonics(
    qtbot: QtBot, language: Language, database: Path, settings: QSettings
) -> None:

    demo_project(language, today=TODAY)
    window = MainWindow(database, language, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    bar = [a.text() for a in window.menuBar().actions()]
    bar_letters = [m.group(1).casefold() for t in bar for m in _MNEMONIC.finditer(t)]
    assert duplicates(bar_letters) == set()
    for menu in window.menuBar().findChildren(QMenu):
        letters = [
            m.group(1).casefold()
            for action in menu.actions()
            for m in _MNEMONIC.finditer(action.text())
        ]
        assert duplicates(letters) == set(), menu.title()
    kickoff = window.kickoff_tab
    window.tabs.setCurrentWidget(kickoff)
    for section in kickoff.section_widgets():
        kickoff.sections.setCurrentWidget(section)
        letters = mnemonics(window) + bar_letters
        assert duplicates(letters) == set(), section.objectName() or type(section).__name__
    window.close()


def test_a_dialog_error_names_the_field_not_the_column(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from pmdesk.services import ValidationProblem

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    dialog = kickoff_forms.AgendaItemDialog([(None, "")])
    qtbot.addWidget(dialog)

    def submit() -> None:
        raise ValidationProblem("minutes_allotted", "must be a number of minutes (0 to 1440)")

    dialog.submit = submit
    dialog.accept()
    assert shown == ["Minutes: must be a number of minutes (0 to 1440)"]
    assert "minutes_allotted" not in shown[0]
