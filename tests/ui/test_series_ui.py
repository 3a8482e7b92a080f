"""The Series and Decisions tabs and the search dialog, driven through their widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    AgendaItem,
    CarryOutcome,
    CarryOver,
    DecisionStatus,
    Language,
    Meeting,
    MeetingSeries,
    MinutesDistribution,
)
from pmdesk.services import Changes, series
from pmdesk.ui.decisions.tab import DecisionsTab
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.search.dialog import SearchDialog
from pmdesk.ui.series.agenda_timer import AgendaTimer
from pmdesk.ui.series.approval import ApprovalDialog
from pmdesk.ui.series.tab import SeriesTab
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor

from .conftest import TODAY, copy_of_the_file

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def problems() -> list[str]:
    return []


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def make(
    qtbot: QtBot,
    cls: type[Any],
    project_id: int,
    settings: QSettings,
    problems: list[str],
    stack: QUndoStack,
    clock: Clock | None = None,
) -> Any:
    tabs: list[Any] = []

    def notify(changes: Changes) -> None:
        for tab in tabs:
            tab.on_data_changed(changes)

    editor = Editor(stack, notify, problems.append)
    tab = cls(TabContext(editor, Language.EN, settings, clock or Clock()))
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.set_project(project_id)
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitActive(tab):
        tab.activateWindow()
    return tab


def click_row(qtbot: QtBot, view: Any, row: int, column: int = 1) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_review_of_open_items_one_key_each_and_undo(
    qtbot: QtBot, demo_db: int, settings: QSettings, problems: list[str], stack: QUndoStack
) -> None:
    tab: SeriesTab = make(qtbot, SeriesTab, demo_db, settings, problems, stack)
    # Plan next meeting: the review opens with the open items of the series.
    held = Meeting.get_by_id(tab.meeting_id)
    assert held.series_id is not None and held.status == "minutes_sent"
    planned = [m for m in series.series_meetings(held.series_id) if m.status == "planned"]
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(planned[0].id))
    view = tab.carry_over.table
    count = view.model().rowCount()
    assert count >= 2
    click_row(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.currentIndex().row() == min(2, count - 1)
    outcomes = [c.outcome for c in series.carried_items(planned[0].id)]
    assert outcomes[:2] == [CarryOutcome.RESOLVED, CarryOutcome.KEPT]
    first = series.carried_items(planned[0].id)[0]
    assert ActionItem.get_by_id(first.record_id).status == "done"
    stack.undo()
    stack.undo()
    assert {c.outcome for c in series.carried_items(planned[0].id)} == {CarryOutcome.PENDING}
    assert ActionItem.get_by_id(first.record_id).status != "done"
    assert problems == []


def test_plan_next_meeting_button_and_its_invite(
    qtbot: QtBot,
    demo_db: int,
    settings: QSettings,
    problems: list[str],
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    tab: SeriesTab = make(qtbot, SeriesTab, demo_db, settings, problems, stack)
    series_id = Meeting.get_by_id(tab.meeting_id).series_id
    before = len(series.series_meetings(series_id))
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    meetings = series.series_meetings(series_id)
    assert len(meetings) == before + 1
    assert tab.meeting_id == meetings[-1].id
    assert tab.carry_over.table.model().rowCount() >= 1
    target = tmp_path / "next.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.open_files = False
    qtbot.mouseClick(tab.invite_button, Qt.MouseButton.LeftButton)
    invite = target.read_text(encoding="utf-8")
    assert MeetingSeries.get_by_id(series_id).ical_uid in invite and "RRULE:FREQ=WEEKLY" in invite
    stack.undo()
    assert len(series.series_meetings(series_id)) == before
    assert problems == []


def test_start_a_series_from_a_meeting(
    qtbot: QtBot, demo_db: int, settings: QSettings, problems: list[str], stack: QUndoStack
) -> None:
    tab: SeriesTab = make(qtbot, SeriesTab, demo_db, settings, problems, stack)
    kickoff = Meeting.get((Meeting.project == demo_db) & (Meeting.kind == "kickoff"))
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(kickoff.id))
    assert tab.start_button.isEnabled() and not tab.plan_button.isEnabled()
    tab.cadence_box.setCurrentIndex(tab.cadence_box.findData("monthly"))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    started = MeetingSeries.get(MeetingSeries.title == kickoff.title)
    assert started.cadence == "monthly"
    assert tab.plan_button.isEnabled()
    assert "Monthly" in tab.series_label.text()


def test_minutes_approved_through_the_dialog(
    qtbot: QtBot, demo_db: int, settings: QSettings, problems: list[str], stack: QUndoStack
) -> None:
    tab: SeriesTab = make(qtbot, SeriesTab, demo_db, settings, problems, stack)
    meeting_id = tab.meeting_id
    assert tab.approval.approve_button.isEnabled()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ApprovalDialog)
        dialog.who.setText("Client PMO")
        dialog.comments.setPlainText("Fine")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(tab.approval.approve_button, Qt.MouseButton.LeftButton)
    last = MinutesDistribution.select().where(MinutesDistribution.meeting == meeting_id)
    assert [d.approval for d in last][-1] == "approved"
    assert Meeting.get_by_id(meeting_id).status == "minutes_confirmed"
    assert problems == []


def test_agenda_timer_turns_amber_then_red_and_ctrl_down_moves_on(
    qtbot: QtBot, demo_db: int, settings: QSettings, problems: list[str], stack: QUndoStack
) -> None:
    clock = Clock()
    tab: SeriesTab = make(qtbot, SeriesTab, demo_db, settings, problems, stack, clock)
    planned = Meeting.get(
        (Meeting.project == demo_db) & (Meeting.status == "planned") & Meeting.series.is_null(False)
    )
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(planned.id))
    timer: AgendaTimer = tab.timer
    tab.timer_start.setFocus()
    qtbot.keyClick(tab.timer_start, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    first = timer.items[0]
    assert timer.position == 0 and timer.state() == "ok"
    clock.now += dt.timedelta(minutes=first.minutes_allotted * 0.9)
    timer.refresh()
    assert timer.label.property("state") == "amber"
    clock.now += dt.timedelta(minutes=first.minutes_allotted * 0.2)
    timer.refresh()
    assert timer.label.property("state") == "red"
    assert "over by" in timer.label.text()
    qtbot.keyClick(tab.timer_start, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert timer.position == 1 and timer.state() == "ok"
    from pmdesk.models import AgendaItem

    assert AgendaItem.get_by_id(first.id).seconds_used == int(first.minutes_allotted * 1.1 * 60)
    for _ in range(len(timer.items)):  # past the last item, and Ctrl+↓ once more
        qtbot.keyClick(tab.timer_start, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert timer.position == len(timer.items) and not timer.repaint_timer.isActive()
    timer.stop()


def test_decisions_filter_supersede_and_export(
    qtbot: QtBot,
    demo_db: int,
    settings: QSettings,
    problems: list[str],
    stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    tab: DecisionsTab = make(qtbot, DecisionsTab, demo_db, settings, problems, stack)
    total = tab.model.rowCount()
    assert total >= 5
    tab.internal_box.setChecked(False)
    assert 0 < tab.model.rowCount() < total
    tab.status_box.setCurrentIndex(tab.status_box.findData(DecisionStatus.SUPERSEDED.value))
    assert tab.model.rowCount() == 1
    assert "by:" in tab.model.data(tab.model.index(0, 4))
    tab.status_box.setCurrentIndex(tab.status_box.findData(DecisionStatus.ACTIVE.value))
    click_row(qtbot, tab.table, 0, 2)
    chosen = tab.current_entry()
    assert chosen is not None

    def pick(parent: Any, title: str, label: str, items: list[str], *args: Any) -> tuple[str, bool]:
        return items[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    qtbot.mouseClick(tab.supersede_button, Qt.MouseButton.LeftButton)
    states = {e.note_id: e.status for e in tab.model.all_rows()}
    assert states[chosen.note_id] == DecisionStatus.SUPERSEDED
    stack.undo()
    assert {e.note_id: e.status for e in tab.model.all_rows()}[
        chosen.note_id
    ] == DecisionStatus.ACTIVE

    target = tmp_path / "log.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.open_files = False
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert problems == []


def test_ctrl_k_search_groups_marks_internal_and_enter_opens(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.tabs.setCurrentWidget(window.series_tab)
    window.series_tab.plan_button.setFocus()
    qtbot.keyClick(window.series_tab.plan_button, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert isinstance(dialog, SearchDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.query_edit, "go-live")
    model = dialog.model
    assert model.hit_count() >= 2
    assert model.data(model.index(0)) == "Decisions"
    dialog.set_query("budget reserve")
    assert any("internal" in str(model.data(model.index(r))) for r in range(model.rowCount()))
    dialog.set_query("go-live")
    hit = dialog.current_hit()
    assert hit is not None and hit.kind == "decision"
    qtbot.keyClick(dialog.query_edit, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.decisions_tab
    entry = window.decisions_tab.current_entry()
    assert entry is not None and entry.note_id == hit.record_id

    # A note opens its meeting in Live meeting.
    window.live_tab.setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.keyClicks(dialog.query_edit, "spend cube")
    hit = dialog.current_hit()
    assert hit is not None and hit.kind == "note"
    index = dialog.model.index(dialog.results.currentIndex().row())
    dialog.results.activated.emit(index)
    assert window.tabs.currentWidget() is window.live_tab
    assert window.live_tab.meeting_id == hit.meeting_id
    assert CarryOver.select().count() > 0


def test_the_agenda_timer_follows_an_agenda_edited_while_it_runs(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The agenda timer kept the items it read when its meeting was chosen: the running
    item deleted on the Kickoff tab was still shown and timed, and moving on then wrote
    its time to a record that is gone (NotFound out of the slot)."""
    window = kickoff_clock_running(qtbot, database, settings, monkeypatch, lambda: NOW)
    live = window.live_tab
    timer = live.agenda_timer
    assert timer.position == 0
    running = timer.items[0]

    remove_on_the_kickoff_tab(qtbot, window, running.id)

    window.tabs.setCurrentWidget(live)
    assert running.id not in [item.id for item in timer.items]
    assert running.title not in timer.label.text()
    qtbot.keyClick(live.capture.bar.agenda, Qt.Key.Key_Down)  # on to the next item
    assert timer.items[timer.position].id == live.capture.bar.agenda_item_id
    assert timer.repaint_timer.isActive()
    timer.stop()


def test_the_agenda_time_run_before_a_copy_is_opened_stays_in_its_file(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A copy of the file (the same agenda ids) opened while the agenda timer runs: the
    time run so far is saved in the first file as it closes, and nothing of it goes to
    the copy's item when the meeting there moves on."""
    other = copy_of_the_file(database, tmp_path)
    clock = {"now": NOW}
    window = kickoff_clock_running(qtbot, database, settings, monkeypatch, lambda: clock["now"])
    live = window.live_tab
    kickoff_meeting = window.kickoff_tab.agenda.meeting
    assert kickoff_meeting is not None
    timer = live.agenda_timer
    running = timer.items[0]
    before = running.seconds_used
    clock["now"] = NOW + dt.timedelta(minutes=3)

    window.tabs.setCurrentWidget(window.today_tab)
    assert window.switch_database(other)
    window.tabs.setCurrentWidget(live)
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff_meeting.id))
    clock["now"] = NOW + dt.timedelta(minutes=4)
    timer.next_item()
    assert AgendaItem.get_by_id(running.id).seconds_used == before, "the copy's item as it was"
    timer.stop()
    assert window.switch_database(database)
    assert AgendaItem.get_by_id(running.id).seconds_used == before + 180


def test_the_agenda_time_never_goes_to_a_copy_opened_while_its_tab_is_hidden(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The copy opened from another tab and the window closed on it, the Live meeting tab
    never shown again: the timer still ran with the first file's items, and closing
    saved its time into the copy's item of the same id."""
    other = copy_of_the_file(database, tmp_path)
    clock = {"now": NOW}
    window = kickoff_clock_running(qtbot, database, settings, monkeypatch, lambda: clock["now"])
    running = window.live_tab.agenda_timer.items[0]
    before = running.seconds_used
    clock["now"] = NOW + dt.timedelta(minutes=3)
    window.tabs.setCurrentWidget(window.today_tab)
    assert window.switch_database(other)
    clock["now"] = NOW + dt.timedelta(minutes=9)
    window.close()
    assert AgendaItem.get_by_id(running.id).seconds_used == before, "the copy's item as it was"
    assert window.switch_database(database)
    assert AgendaItem.get_by_id(running.id).seconds_used == before + 180


def test_the_window_closes_after_the_running_agenda_item_is_deleted(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The running item deleted on the Kickoff tab and the window closed from there:
    saving its time raised NotFound out of closeEvent."""
    window = kickoff_clock_running(qtbot, database, settings, monkeypatch, lambda: NOW)
    timer = window.live_tab.agenda_timer
    running = timer.items[0]
    remove_on_the_kickoff_tab(qtbot, window, running.id)
    window.close()
    assert not window.isVisible()
    assert not timer.repaint_timer.isActive()


def remove_on_the_kickoff_tab(qtbot: QtBot, window: MainWindow, agenda_item_id: int) -> None:
    """Click the agenda item's row on the Kickoff tab, then the Remove button."""
    window.tabs.setCurrentWidget(window.kickoff_tab)
    agenda = window.kickoff_tab.agenda
    window.kickoff_tab.sections.setCurrentWidget(agenda)
    agenda.view.setFocus()
    row = [r.id for r in agenda.model.rows()].index(agenda_item_id)
    rect = agenda.view.visualRect(agenda.model.index(row, 1))
    qtbot.mouseClick(agenda.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (remove,) = [
        b for b in agenda.findChildren(QToolButton) if b.defaultAction() is agenda.remove_action
    ]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert AgendaItem.get_or_none(AgendaItem.id == agenda_item_id) is None


def kickoff_clock_running(
    qtbot: QtBot,
    database: Path,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    clock: Callable[[], dt.datetime],
) -> MainWindow:
    """The window on the Live meeting tab, the kickoff chosen and its clock started with
    the real button (the agenda timer on its first item)."""
    window = MainWindow(database, Language.EN, settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    live = window.live_tab
    window.tabs.setCurrentWidget(live)
    kickoff_meeting = window.kickoff_tab.agenda.meeting
    assert kickoff_meeting is not None
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff_meeting.id))
    yes = QMessageBox.StandardButton.Yes
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: yes)  # restart the clock
    qtbot.mouseClick(live.clock.start_button, Qt.MouseButton.LeftButton)
    return window
