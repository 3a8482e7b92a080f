"""The person detail follows the register's current row: what is typed for the person
clicked is saved to that person, never to the one clicked next."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from pmdesk.models import CoachingSession, FollowUp, Person, Role
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.stakeholders import follow_ups, playbook

from .conftest import run_dialog, tab_of


def click_row(qtbot: QtBot, view: Any, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_causes_typed_after_a_click_go_to_the_person_clicked(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = tab_of(window)
    register = tab.register_section
    staff = [r for r, p in enumerate(register.register.rows()) if p.role == Role.COOPERATING_STAFF]
    third, fourth = staff[2], staff[3]
    causes = tab.detail.causes
    tab.detail.setCurrentIndex(1)  # Causes
    for row, words in ((third, "Third: unclear priorities"), (fourth, "Fourth: no time")):
        click_row(qtbot, register.register_view, row)
        assert causes.person is not None
        assert causes.person.id == register.register.row(row).id
        causes.causes.setFocus()
        causes.causes.selectAll()
        qtbot.keyClicks(causes.causes, words)
        qtbot.mouseClick(causes.save_causes, Qt.MouseButton.LeftButton)
    third_id = register.register.rows()[third].id
    fourth_id = register.register.rows()[fourth].id
    assert Person.get_by_id(third_id).causes == "Third: unclear priorities"
    assert Person.get_by_id(fourth_id).causes == "Fourth: no time"


def test_the_title_and_every_page_follow_a_click(qtbot: QtBot, window: MainWindow) -> None:
    tab = tab_of(window)
    register = tab.register_section
    for row in (2, 3):
        click_row(qtbot, register.register_view, row)
        person = register.register.row(row)
        assert person.name in tab.history_title.text()
        for page in (tab.detail.playbook, tab.detail.causes, tab.detail.history_page):
            assert page.person is not None and page.person.id == person.id
        assert all(n.speaker_id == person.id for n in tab.detail.notes.rows())


def test_a_follow_up_edited_after_a_click_is_the_one_clicked(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    tab.overview.setCurrentWidget(tab.follow_up_section)
    section = tab.follow_up_section
    assert section.follow_up_log.rowCount() >= 2
    edited: list[int] = []

    def fill(dialog: Any) -> None:
        dialog.outcome.setPlainText(f"Outcome {len(edited)}")
        edited.append(len(edited))

    run_dialog(monkeypatch, follow_ups.FollowUpDialog, fill)
    ids = []
    for row in (0, 1):
        click_row(qtbot, section.follow_up_view, row)
        ids.append(section.follow_up_log.row(row).id)
        qtbot.mouseClick(section.edit_follow_up_button, Qt.MouseButton.LeftButton)
    assert [FollowUp.get_by_id(i).outcome for i in ids] == ["Outcome 0", "Outcome 1"]


def test_a_talk_edited_after_a_click_is_the_one_clicked(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    register = tab.register_section
    person = next(p for p in register.register.rows() if p.cooperation_type == "routine")
    register.select(person.id)
    routine = tab.detail.playbook.routine
    for topic in ("First talk", "Second talk"):
        run_dialog(monkeypatch, playbook.CoachingDialog, lambda d, t=topic: d.topic.setText(t))
        qtbot.mouseClick(routine.add_session, Qt.MouseButton.LeftButton)
    rows = routine.sessions.rows()
    assert len(rows) >= 2
    ids = []
    for row, notes in ((0, "Notes A"), (1, "Notes B")):
        click_row(qtbot, routine.sessions_view, row)
        ids.append(routine.sessions.row(row).id)
        run_dialog(monkeypatch, playbook.CoachingDialog, lambda d, n=notes: d.notes.setPlainText(n))
        qtbot.mouseClick(routine.edit_session, Qt.MouseButton.LeftButton)
    assert [CoachingSession.get_by_id(i).notes for i in ids] == ["Notes A", "Notes B"]


def test_the_detail_fits_unscrolled_at_the_default_size(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    tab = tab_of(window)
    register = tab.register_section
    for kind in ("active", "passive", "routine"):
        person = next(p for p in register.register.rows() if p.cooperation_type == kind)
        register.select(person.id)
        for page in (0, 1):  # the playbook and the causes
            tab.detail.setCurrentIndex(page)
            qtbot.wait(1)
            scroll = tab.detail.widget(page)
            assert isinstance(scroll, QScrollArea)
            needed = scroll.widget().minimumSizeHint().height()
            assert needed <= scroll.viewport().height(), (kind, page)
