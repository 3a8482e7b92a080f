"""The shared date and time fields, typed into as a PM types (keyClicks, mouse, Tab)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.ui.widgets.dates import DateEdit, DateTimeEdit, TimeEdit, parse_date, parse_time


def _form(qtbot: QtBot, *fields: QWidget) -> QWidget:
    form = QWidget()
    layout = QVBoxLayout(form)
    for field in fields:
        layout.addWidget(field)
    after = QLineEdit(form)
    after.setObjectName("after")
    layout.addWidget(after)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitExposed(form)
    return form


def test_parse_accepts_the_usual_ways_of_writing_a_date_and_a_time() -> None:
    assert parse_date("2027-01-15") == dt.date(2027, 1, 15)
    assert parse_date("20270115") == dt.date(2027, 1, 15)
    assert parse_date("2027/1/5") == dt.date(2027, 1, 5)
    assert parse_date("2027年1月15日") == dt.date(2027, 1, 15)
    assert parse_date("2027-02-30") is None
    assert parse_date("—20261127") is None
    assert parse_time("09:30") == dt.time(9, 30)
    assert parse_time("0930") == dt.time(9, 30)
    assert parse_time("14") == dt.time(14, 0)
    assert parse_time("25:00") is None


def test_typing_into_an_empty_optional_date_gives_the_typed_date(qtbot: QtBot) -> None:
    field = DateEdit(None, optional=True, accessible_name="Due date")
    _window = _form(qtbot, field)  # kept: the fields live in it
    assert field.value() is None
    field.line.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field.line, "2026-11-27")
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    assert field.value() == dt.date(2026, 11, 27)
    assert field.line.text() == "2026-11-27"


def test_typing_over_a_date_entered_by_tab_replaces_it(qtbot: QtBot) -> None:
    field = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    _window = _form(qtbot, field)  # kept: the fields live in it
    # Focus arrives by Tab (sent directly: the test's window need not be the active one).
    QApplication.sendEvent(
        field.line, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason)
    )
    qtbot.waitUntil(field.line.hasSelectedText)
    qtbot.keyClicks(field.line, "2027-01-15")
    assert field.value() == dt.date(2027, 1, 15)


def test_digits_after_a_click_go_where_they_are_typed(qtbot: QtBot) -> None:
    field = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    _window = _form(qtbot, field)  # kept: the fields live in it
    line = field.line
    # Click just before the day ("16"), then type the new day.
    x = 0
    for position in range(len(line.text()) + 1):
        line.setCursorPosition(position)
        if position == 8:
            x = line.cursorRect().center().x()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    assert line.cursorPosition() == 8
    qtbot.keyClicks(line, "20")
    assert field.value() == dt.date(2026, 11, 20)
    # A digit typed just before a separator lands after it: "11" becomes "12".
    line.setCursorPosition(4)
    qtbot.keyClicks(line, "12")
    assert field.value() == dt.date(2026, 12, 20)


def test_tab_leaves_the_field_in_one_step(qtbot: QtBot) -> None:
    field = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    form = _form(qtbot, field)
    field.line.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)
    assert form.focusWidget() is form.findChild(QLineEdit, "after")


def test_an_optional_date_can_be_emptied_and_a_required_one_cannot(qtbot: QtBot) -> None:
    optional = DateEdit(dt.date(2026, 11, 16), optional=True, accessible_name="Due")
    required = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    _window = _form(qtbot, optional, required)  # kept: the fields live in it
    for field in (optional, required):
        field.line.selectAll()
        qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
        qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert optional.value() is None
    assert required.value() == dt.date(2026, 11, 16)


def test_text_that_is_not_a_date_goes_back_to_the_last_good_date(qtbot: QtBot) -> None:
    field = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    _window = _form(qtbot, field)  # kept: the fields live in it
    field.line.selectAll()
    qtbot.keyClicks(field.line, "2026-13-01")
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert field.value() == dt.date(2026, 11, 16)
    assert field.line.text() == "2026-11-16"


def test_an_empty_date_opens_its_calendar_at_today(qtbot: QtBot) -> None:
    today = dt.date(2026, 11, 27)
    field = DateEdit(None, optional=True, accessible_name="Due", today=today)
    _window = _form(qtbot, field)  # kept: the fields live in it
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    calendar = field.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 11)
    assert calendar.selectedDate().toPython() == today
    field._menu.close()


def test_picking_a_day_in_the_calendar_sets_the_date(qtbot: QtBot) -> None:
    field = DateEdit(dt.date(2026, 11, 16), accessible_name="Date")
    _window = _form(qtbot, field)  # kept: the fields live in it
    qtbot.keyClick(field.line, Qt.Key.Key_F4)
    assert field._menu.isVisible()
    field.calendar.setSelectedDate(field.calendar.selectedDate().addDays(3))
    qtbot.keyClick(field.calendar.focusWidget() or field.calendar, Qt.Key.Key_Return)
    assert field.value() == dt.date(2026, 11, 19)
    assert not field._menu.isVisible()


def test_times_take_digits_typed_after_a_click(qtbot: QtBot) -> None:
    start = TimeEdit(dt.time(9, 30), accessible_name="Start")
    _window = _form(qtbot, start)  # kept: the fields live in it
    qtbot.mouseClick(start.line, Qt.MouseButton.LeftButton, pos=QPoint(2, start.line.height() // 2))
    start.line.setCursorPosition(0)
    qtbot.keyClicks(start.line, "1400")
    assert start.value() == dt.time(14, 0)
    start.line.selectAll()
    qtbot.keyClicks(start.line, "1045")
    qtbot.keyClick(start.line, Qt.Key.Key_Tab)
    assert start.value() == dt.time(10, 45)
    assert start.line.text() == "10:45"


def test_a_date_and_time_field_reads_both(qtbot: QtBot) -> None:
    field = DateTimeEdit(dt.datetime(2026, 11, 16, 9, 0), accessible_name="Due")
    _window = _form(qtbot, field)  # kept: the fields live in it
    field.date.line.selectAll()
    qtbot.keyClicks(field.date.line, "2027-01-15")
    field.time.line.selectAll()
    qtbot.keyClicks(field.time.line, "16:30")
    assert field.value() == dt.datetime(2027, 1, 15, 16, 30)


def test_a_time_field_starts_where_the_fields_above_it_start(qtbot: QtBot) -> None:
    """A time is narrower than its row: it sits at the row's start, not in its middle."""
    from pmdesk.ui.dialogs.kickoff_forms import PlanKickoffDialog

    dialog = PlanKickoffDialog(
        title="Kickoff", day=dt.date(2026, 12, 2), zones=["Asia/Shanghai"], zone="Asia/Shanghai"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    left = dialog.date.mapTo(dialog, QPoint(0, 0)).x()
    for time in (dialog.start, dialog.end):
        assert time.line.mapTo(dialog, QPoint(0, 0)).x() == left
    dialog.close()
