"""Done, snooze and dismiss hide an item, for good across restarts; a snooze comes back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from pmdesk import db
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.today.closed import ClosedDialog
from pmdesk.ui.today.marks import DismissDialog, SnoozeDialog

from .conftest import NOW, click, click_item, make_window, of_kind


def keys(window: MainWindow) -> set[str]:
    return {item.key for item in window.today_tab.model.items()}


def reopened(qtbot: QtBot, window: MainWindow, database: Path, settings: QSettings,
             now: dt.datetime = NOW) -> MainWindow:  # fmt: skip
    """Close the window and the file, open both again (as a restart does)."""
    window.close()
    db.close_database()
    db.open_database(database)
    return make_window(qtbot, database, settings, now)


def when_shown(dialog_type: type, act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `act` on the modal dialog of `dialog_type` once it is up."""
    seen: list[QWidget] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            return  # the test fails on `seen` being empty
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():  # a failed check must not leave the dialog waiting
                dialog.close()

    QTimer.singleShot(0, run)
    return seen


def press_ok(qtbot: QtBot, dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_done_hides_it_and_it_stays_hidden_after_a_restart(
    qtbot: QtBot, window: MainWindow, database: Path, settings: QSettings
) -> None:
    tab = window.today_tab
    before = tab.overdue
    item = click_item(qtbot, tab, of_kind("assistance_due"))
    click(qtbot, tab.item_actions.done_button)
    assert item.key not in keys(window)
    assert tab.overdue == before - 1
    assert window.tabs.tabText(0).startswith(f"Today ({before - 1} overdue")

    again = reopened(qtbot, window, database, settings)
    assert item.key not in keys(again)
    again.close()


def test_undo_brings_a_done_item_back(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("review_waiting"))
    click(qtbot, tab.item_actions.done_button)
    assert item.key not in keys(window)
    window.undo_action.trigger()
    assert item.key in keys(window)


def test_snooze_by_keyboard_to_a_typed_date_comes_back_on_that_date(
    qtbot: QtBot, window: MainWindow, database: Path, settings: QSettings
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("checklist_step"))
    until = NOW.date() + dt.timedelta(days=3)

    def type_the_date(dialog: QWidget) -> None:
        assert isinstance(dialog, SnoozeDialog)
        focused = dialog.date.line
        assert dialog.focusWidget() is focused, "the date is ready to type over"
        focused.selectAll()
        qtbot.keyClicks(focused, until.isoformat())
        qtbot.keyClick(focused, Qt.Key.Key_Return)

    seen = when_shown(SnoozeDialog, type_the_date)
    button = tab.item_actions.snooze_button
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert seen, "the keyboard opened the snooze dialog"
    assert item.key not in keys(window)

    day_before = reopened(qtbot, window, database, settings, NOW + dt.timedelta(days=2))
    assert item.key not in keys(day_before), "still snoozed the day before"
    on_the_day = reopened(qtbot, day_before, database, settings, NOW + dt.timedelta(days=3))
    assert item.key in keys(on_the_day), "back on its date"
    on_the_day.close()


def test_a_snooze_must_be_after_today(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("checklist_step"))

    def try_today_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, SnoozeDialog)
        dialog.date.line.selectAll()
        qtbot.keyClicks(dialog.date.line, NOW.date().isoformat())
        press_ok(qtbot, dialog)
        assert dialog.isVisible() and dialog.problem.text() == "Choose a date after today."
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    seen = when_shown(SnoozeDialog, try_today_then_cancel)
    click(qtbot, tab.item_actions.snooze_button)
    assert seen and item.key in keys(window)


def test_dismiss_with_a_reason_then_reopen_it_from_the_done_and_snoozed_list(
    qtbot: QtBot, window: MainWindow, database: Path, settings: QSettings
) -> None:
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("on_time"))

    def give_a_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, DismissDialog)
        qtbot.keyClicks(dialog.reason_edit, "Thanked him at the weekly call")
        press_ok(qtbot, dialog)

    seen = when_shown(DismissDialog, give_a_reason)
    click(qtbot, tab.item_actions.dismiss_button)
    assert seen and item.key not in keys(window)

    window = reopened(qtbot, window, database, settings)
    tab = window.today_tab
    assert item.key not in keys(window)
    listed: list[list[str]] = []

    def reopen_it(dialog: QWidget) -> None:
        assert isinstance(dialog, ClosedDialog)
        model = dialog.model
        rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
        listed.extend(rows)
        row = next(r for r, (i, _d) in enumerate(model.rows()) if i.key == item.key)
        rect = dialog.view.visualRect(model.index(row, 0))
        qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
        assert model.rowCount() == len(rows) - 1
        dialog.reject()

    seen = when_shown(ClosedDialog, reopen_it)
    click(qtbot, tab.item_actions.closed_button)
    assert seen
    assert [
        listed[0][0],
        listed[0][4],
    ] == ["Dismissed", "Thanked him at the weekly call"]
    assert item.key in keys(window), "reopened: listed again"
    window.close()


def test_the_counts_follow_a_change_made_on_another_tab(qtbot: QtBot, window: MainWindow) -> None:
    """Off screen, Today recomputes its title's counts once the changes pause; the list
    is shown from that when the user comes back."""
    tab = window.today_tab
    item = click_item(qtbot, tab, of_kind("checklist_step"))
    listed = len(keys(window))
    click(qtbot, tab.item_actions.do_button)  # opens the Kickoff checklist on the step
    assert window.tabs.currentWidget() is window.kickoff_tab
    checklist = window.kickoff_tab.checklist
    checklist.view.setFocus()
    with qtbot.waitSignal(tab.counts_changed):
        qtbot.keyClick(checklist.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.kickoff_tab
    week = int(tab.count_label.text().split(" · ")[2].split()[0])
    assert tab.overdue + tab.due_today + week == listed - 1, "the ticked step is not counted"
    title = window.tabs.tabText(0)
    assert title.startswith(f"Today ({tab.overdue} overdue, {tab.due_today} today)")
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert item.key not in keys(window)
    assert len(keys(window)) == listed - 1
