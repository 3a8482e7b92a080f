"""Date and time fields a PM can type into: the one date editor of the whole app.

`DateEdit`, `TimeEdit` and `DateTimeEdit` are line edits, not Qt's sectioned spin boxes:
Tab leaves the field, typing over a selected date replaces it, digits typed after a click
overwrite the digits where they are typed, and an optional field may be left empty. A
date field opens its calendar (button, F4 or Alt+Down) at its date, or at today when
empty. Text that is not a date is put back to the last good value when the field is left.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?\s*$")
_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：.时]?\s*(\d{2})?\s*分?\s*$")


def parse_date(text: str) -> dt.date | None:
    """The date in "2027-01-15", "20270115", "2027/1/15" or "2027年1月15日"; else None."""
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    """The time in "09:30", "0930", "9:30" or "9"; else None."""
    match = _TIME.match(text)
    if match is None:
        return None
    try:
        return dt.time(int(match.group(1)), int(match.group(2) or "0"))
    except ValueError:
        return None


class _TypedLine(QLineEdit):
    """A line edit whose digits overwrite the digits after the cursor, like a form."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._select_on_click = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and (text.isdigit() or text in "-:") and not self.hasSelectedText():
            position = self.cursorPosition()
            current = self.text()
            if position < len(current):
                following = current[position]
                if text in "-:" and following == text:
                    self.setCursorPosition(position + 1)  # type the separator: step over it
                    return
                if text.isdigit() and following in "-:" and position + 1 < len(current):
                    position += 1  # a digit typed before a separator goes after it
                    following = current[position]
                if text.isdigit() and following.isdigit():
                    self.setSelection(position, 1)
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
            Qt.FocusReason.OtherFocusReason,
            Qt.FocusReason.ActiveWindowFocusReason,
        ):
            # Entered from the keyboard: what is typed replaces the whole value.
            QTimer.singleShot(0, self, self.selectAll)


class _Field(QWidget):
    """A typed value in a line edit; `value()` is the last good value (None = empty)."""

    changed = Signal()

    def __init__(self, optional: bool, accessible_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.line = _TypedLine(self)
        self.line.setAccessibleName(accessible_name)
        self.line.editingFinished.connect(self._on_line_editing_finished)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.line, 1)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._value: object = None

    def _parse(self, text: str) -> object:
        raise NotImplementedError

    def _format(self, value: object) -> str:
        raise NotImplementedError

    def _store(self, value: object) -> None:
        changed = value != self._value
        self._value = value
        self.line.setText(self._format(value) if value is not None else "")
        if changed:
            self.changed.emit()

    def _on_line_editing_finished(self) -> None:
        text = self.line.text().strip()
        if not text:
            self._store(None if self.optional else self._value)
            return
        parsed = self._parse(text)
        self._store(parsed if parsed is not None else self._value)

    def commit(self) -> None:
        """Take what is typed now (a form's OK may come before the field loses focus)."""
        self._on_line_editing_finished()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)


class DateEdit(_Field):
    """A typed date (yyyy-MM-dd) with a calendar; optional fields may be empty."""

    def __init__(
        self,
        value: dt.date | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        accessible_name: str = "",
        today: dt.date | None = None,
    ) -> None:
        super().__init__(optional, accessible_name, parent)
        self._today = today
        self.line.setPlaceholderText(self.tr("yyyy-mm-dd"))
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose a date (F4)"))
        self.button.setAccessibleName(self.tr("Choose a date"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab leaves the field
        self.button.clicked.connect(self.show_calendar)
        self._layout.addWidget(self.button)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._on_calendar_picked)
        self.calendar.activated.connect(self._on_calendar_picked)
        self._menu = QMenu(self)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self.line.installEventFilter(self)
        if value is None and not optional:
            value = today or dt.date.today()
        self._store(value)

    def _parse(self, text: str) -> object:
        return parse_date(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, dt.date)
        return value.isoformat()

    def value(self) -> dt.date | None:
        self.commit()
        assert self._value is None or isinstance(self._value, dt.date)
        return self._value

    def set_value(self, value: dt.date | None) -> None:
        if value is None and not self.optional:
            raise ValueError("this date cannot be empty")
        self._store(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
            ):
                self.show_calendar()
                return True
        return super().eventFilter(watched, event)

    def show_calendar(self) -> None:
        """Open the calendar at the field's date, or at today when it is empty."""
        self.commit()
        shown = self.value() or self._today or dt.date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self._menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.setFocus()

    def _on_calendar_picked(self, date: QDate) -> None:
        self._menu.close()
        self._store(dt.date(date.year(), date.month(), date.day()))
        self.line.setFocus()


class TimeEdit(_Field):
    """A typed time of day (HH:mm, 24 hours)."""

    def __init__(
        self,
        value: dt.time | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        accessible_name: str = "",
    ) -> None:
        super().__init__(optional, accessible_name, parent)
        self.line.setPlaceholderText(self.tr("hh:mm"))
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00:00") * 3)
        # Narrower than its row: at the row's start, under the other fields, not centred.
        self._layout.setAlignment(self.line, Qt.AlignmentFlag.AlignLeft)
        if value is None and not optional:
            value = dt.time(9, 0)
        self._store(value)

    def _parse(self, text: str) -> object:
        return parse_time(text)

    def _format(self, value: object) -> str:
        assert isinstance(value, dt.time)
        return value.strftime("%H:%M")

    def value(self) -> dt.time | None:
        self.commit()
        assert self._value is None or isinstance(self._value, dt.time)
        return self._value

    def set_value(self, value: dt.time | None) -> None:
        if value is None and not self.optional:
            raise ValueError("this time cannot be empty")
        self._store(value)


class DateTimeEdit(QWidget):
    """A typed date and a typed time side by side; Tab goes from the date to the time."""

    changed = Signal()

    def __init__(
        self,
        value: dt.datetime | None = None,
        parent: QWidget | None = None,
        *,
        optional: bool = False,
        accessible_name: str = "",
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.date = DateEdit(
            value.date() if value else None,
            self,
            optional=optional,
            accessible_name=accessible_name,
            today=today,
        )
        self.time = TimeEdit(
            value.time() if value else None,
            self,
            optional=optional,
            accessible_name=self.tr("{what}, time").format(what=accessible_name),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.time)
        self.setFocusProxy(self.date)
        self.date.changed.connect(self.changed)
        self.time.changed.connect(self.changed)

    def value(self) -> dt.datetime | None:
        day, time = self.date.value(), self.time.value()
        if day is None:
            return None
        return dt.datetime.combine(day, time or dt.time(9, 0))

    def set_value(self, value: dt.datetime | None) -> None:
        self.date.set_value(value.date() if value else None)
        self.time.set_value(value.time() if value else None)
