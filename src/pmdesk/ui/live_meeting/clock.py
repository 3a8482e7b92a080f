"""The meeting clock: note times count from its start; it stops when the meeting ends and
starts again after a break (times keep counting from the start)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from pmdesk.services import NotFound, capture
from pmdesk.ui.live_meeting.common import clock
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import problem_text

#: After this many hours the clock shows when the meeting started, not the time elapsed.
CLOCK_HOURS = 12


class MeetingClock(QWidget):
    """Elapsed time, with Start / Stop / Start again (Ctrl+Shift+T)."""

    #: The clock was started or stopped: the capture line takes the focus back.
    started = Signal()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id: int | None = None
        self._start: dt.datetime | None = None
        self._stopped: dt.datetime | None = None
        self.label = QLabel(self)
        self.label.setObjectName("meetingClock")
        self.label.setAccessibleName(self.tr("Meeting clock"))
        self.label.setMinimumWidth(120)
        self.start_button = QPushButton(self.tr("Start meeting clock"), self)
        self.start_button.setAccessibleName(self.tr("Start meeting clock"))
        self.start_button.setToolTip(
            self.tr("Note times count from when you press this (Ctrl+Shift+T)")
        )
        self.stop_button = QPushButton(self.tr("Stop clock"), self)
        self.stop_button.setAccessibleName(self.tr("Stop meeting clock"))
        self.stop_button.setToolTip(self.tr("The meeting is over, or has a break (Ctrl+Shift+T)"))
        # An action, not the button's own shortcut: that one clicks 100 ms later.
        self.toggle_action = QAction(self.tr("Start or stop the meeting clock"), self)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.start_button)
        layout.addWidget(self.stop_button)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.start()
        self.ticker.timeout.connect(self._on_ticker_timeout)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.toggle_action.triggered.connect(self._on_toggle_triggered)
        self.show_meeting(None)

    @property
    def running(self) -> bool:
        """Started, not stopped, and not a past meeting (whose clock shows its start)."""
        if self._start is None or self._stopped is not None:
            return False
        elapsed = capture.elapsed_seconds(self._start, self.context.now())
        return elapsed <= CLOCK_HOURS * 3600

    def show_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self._start = capture.clock_start(meeting_id) if meeting_id is not None else None
        self._stopped = capture.clock_stopped(meeting_id) if meeting_id is not None else None
        self.start_button.setEnabled(meeting_id is not None and not self.running)
        self.stop_button.setEnabled(self.running)
        again = self._start is not None and self._stopped is not None
        self.start_button.setText(
            self.tr("Start clock again") if again else self.tr("Start meeting clock")
        )
        self._on_ticker_timeout()

    def _on_ticker_timeout(self) -> None:
        if self._start is None:
            self.label.setText(self.tr("Clock not started"))
            return
        now = self._stopped or self.context.now()
        seconds = capture.elapsed_seconds(self._start, now)
        if self._stopped is not None:
            self.label.setText(self.tr("Stopped at {time}").format(time=clock(seconds)))
        elif seconds > CLOCK_HOURS * 3600:  # a past meeting: when it started says more
            self.label.setText(
                self.tr("Started {time}").format(time=self._start.strftime("%Y-%m-%d %H:%M"))
            )
        else:
            self.label.setText(self.tr("Elapsed {time}").format(time=clock(seconds)))

    def _on_toggle_triggered(self) -> None:
        if self.running:
            self._on_stop_clicked()
        else:
            self._on_start_clicked()

    def _on_start_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        if self._start is not None and self._stopped is not None:
            self._apply(lambda: capture.resume_clock(meeting_id))
            return
        if self._start is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Start meeting clock"),
                self.tr(
                    "The clock started at {time}. Restart it now? Notes already taken keep "
                    "their times."
                ).format(time=self._start.strftime("%Y-%m-%d %H:%M")),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._apply(lambda: capture.start_clock(meeting_id, self.context.now())[1])

    def _on_stop_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or not self.running:
            return
        self._apply(lambda: capture.stop_clock(meeting_id, self.context.now())[1])

    def _apply(self, change: Callable[[], object]) -> None:
        try:
            changes = change()
        except NotFound as problem:
            self.context.editor.report(problem_text(problem))
            return
        self.context.editor.notify(changes)  # type: ignore[arg-type]
        self.show_meeting(self.meeting_id)
        self.started.emit()
