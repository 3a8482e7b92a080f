"""The agenda timer: the current item's allotted and used time, amber near the end, red
when over; Ctrl+↓ moves on to the next item (and keeps the time used, internal).

Self-contained, so the Live meeting tab can take it in as one of its sections. Time is
read from the clock it is given; a one-second timer only repaints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pmdesk import db
from pmdesk.db import OpenState
from pmdesk.models import AgendaItem
from pmdesk.services import NotFound, meetings, series
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import save_before_closing

#: Share of the allotted time after which the item turns amber.
AMBER_AT = 0.8
COLOURS = {"ok": "#1e6b34", "amber": "#b36b00", "red": "#b3261e"}


def state_of(used: int, allotted_minutes: int) -> str:
    """ "ok", "amber" (past 80 % of the allotted time) or "red" (over)."""
    allotted = allotted_minutes * 60
    if allotted <= 0:
        return "ok"
    if used > allotted:
        return "red"
    return "amber" if used >= AMBER_AT * allotted else "ok"


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class AgendaTimer(QWidget):
    """One line: "2/5 Risks — 08:12 of 10:00", coloured by `state_of`."""

    def __init__(
        self,
        context: TabContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agendaTimer")
        self.context = context
        self._now = now or context.now
        self.meeting_id: int | None = None
        self.items: list[AgendaItem] = []
        self.position = -1
        self._started: dt.datetime | None = None
        self._used_before = 0
        #: The database the agenda was read from (the same ids may be in another).
        self._opened: OpenState | None = None
        save_before_closing(self)
        self.label = QLabel(self.tr("No agenda item running."), self)
        self.label.setObjectName("agendaTimerLabel")
        self.label.setAccessibleName(self.tr("Agenda timer"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setInterval(1000)
        self.repaint_timer.timeout.connect(self.refresh)

    def install_shortcuts(self, host: QWidget) -> None:
        """Ctrl+↓ moves on, while the focus is anywhere inside `host`."""
        shortcut = QShortcut(QKeySequence("Ctrl+Down"), host)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_next_shortcut_activated)

    def set_meeting(self, meeting_id: int | None) -> None:
        """Time `meeting_id`'s agenda; the same meeting again (a reload after an edit, an
        undo, a colleague's change) reads its agenda again and keeps the timer running."""
        replaced = db.state is not self._opened  # another database, or a restore
        if replaced:  # the time run until now was saved before that database closed
            self._halt()
            self._opened = db.state
        elif meeting_id is not None and meeting_id == self.meeting_id:
            self._read_agenda_again()
            return
        self.meeting_id = meeting_id
        self.stop()
        self.items = meetings.agenda(meeting_id) if meeting_id else []
        self.position = -1
        self.refresh()

    def _read_agenda_again(self) -> None:
        """The items as they are now, the running one still timed; one deleted meanwhile
        stops the timer (its time has no record to go to) until the next is chosen."""
        assert self.meeting_id is not None
        running = self.items[self.position].id if 0 <= self.position < len(self.items) else None
        done = self.position >= len(self.items) > 0
        self.items = meetings.agenda(self.meeting_id)
        ids = [item.id for item in self.items]
        if running in ids:
            self.position = ids.index(running)
        elif done:
            self.position = len(self.items)
        else:
            self._halt()
            self.position = -1
        self.refresh()

    def start(self) -> None:
        """Start the first item (or go on with the current one)."""
        if not self.items:
            return
        if self.position < 0:
            self.position = 0
        self._begin()

    def _begin(self) -> None:
        item = self.items[self.position]
        self._used_before = item.seconds_used
        self._started = self._now()
        self.repaint_timer.start()
        self.refresh()

    def used(self) -> int:
        """Seconds used on the current item, including earlier runs."""
        if self._started is None:
            return 0
        return self._used_before + int((self._now() - self._started).total_seconds())

    def state(self) -> str:
        if self.position < 0:
            return "ok"
        return state_of(self.used(), self.items[self.position].minutes_allotted)

    def next_item(self) -> None:
        """Keep the time of the current item and move to the next one."""
        if not self.items:
            return
        if self.position < 0:
            self.start()
            return
        self.flush()
        if self.position + 1 < len(self.items):
            self.position += 1
            self._begin()
        else:
            self.stop()
            self.position = len(self.items)
            self.refresh()

    def flush(self) -> bool:
        """Save the running item's time so far and keep timing (moving on, stopping, or
        the database closing); True if an item was running.

        Nothing is saved once another database is open (its time went to its own file as
        that closed; the same ids in the new one are other items)."""
        if self._started is None or not 0 <= self.position < len(self.items):
            return False
        if db.state is not self._opened:
            self._halt()
            return False
        self._save()
        return True

    def stop(self) -> None:
        self.flush()
        self._halt()

    def _halt(self) -> None:
        """No item is timed from now on (its time saved, or with nowhere to go)."""
        self._started = None
        self.repaint_timer.stop()

    def follow(self, agenda_item_id: int | None) -> None:
        """Time `agenda_item_id` from now on (the capture bar moved to it): the item
        running until now keeps its time."""
        ids = [item.id for item in self.items]
        if agenda_item_id not in ids:
            return
        position = ids.index(agenda_item_id)
        if position == self.position and self._started is not None:
            return
        self.flush()  # the item running until now keeps its time
        self.position = position
        self._begin()

    def _save(self) -> None:
        # A measure, not an edit: saved at once, not put on the undo stack.
        item = self.items[self.position]
        used = self.used()
        try:
            series.record_time_used(item.id, used)
        except NotFound:  # deleted meanwhile (a colleague, an undo): its time has no record
            self._halt()
            return
        item.seconds_used = used

    def refresh(self) -> None:
        if not self.items:
            self.label.setText(self.tr("No agenda for this meeting."))
            self.label.setStyleSheet("")
            return
        if self.position < 0:
            self.label.setText(self.tr("Agenda timer: Ctrl+↓ starts the first item."))
            self.label.setStyleSheet("")
            return
        if self.position >= len(self.items):
            self.label.setText(self.tr("Agenda done."))
            self.label.setStyleSheet("")
            return
        item = self.items[self.position]
        used = self.used()
        text = (
            self.tr("%1/%2 %3 — %4 of %5")
            .replace("%1", str(self.position + 1))
            .replace("%2", str(len(self.items)))
            .replace("%3", item.title)
            .replace("%4", _clock(used))
            .replace("%5", _clock(item.minutes_allotted * 60))
        )
        state = state_of(used, item.minutes_allotted)
        if state == "red":
            text += self.tr(" (over by %1)").replace(
                "%1", _clock(used - item.minutes_allotted * 60)
            )
        self.label.setText(text)
        self.label.setStyleSheet(f"color: {COLOURS[state]}; font-weight: bold;")
        self.label.setProperty("state", state)

    def _on_next_shortcut_activated(self) -> None:
        self.next_item()
