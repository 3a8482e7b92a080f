"""The Series tab: a meeting's series, "Plan next meeting", its review of open items, the
agenda timer and the client's approval of its minutes; minutes still due (24 hours)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import (
    ActionItem,
    AgendaItem,
    Cadence,
    CarryOver,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesDistribution,
)
from pmdesk.services import ValidationProblem, approval, series
from pmdesk.services.capture import Reversible
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.series.agenda_timer import AgendaTimer
from pmdesk.ui.series.approval import ApprovalSection
from pmdesk.ui.series.carry_over import CarryOverSection
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group


class SeriesTab(ProjectTab):
    watches = (Meeting, MeetingSeries, CarryOver, ActionItem, AgendaItem, MinutesDistribution)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("seriesTab")
        self.open_files = True
        self.meeting_box = QComboBox(self)
        self.meeting_box.setObjectName("seriesMeeting")
        self.meeting_box.setAccessibleName(self.tr("Meeting"))
        self.cadence_box = QComboBox(self)
        self.cadence_box.setObjectName("seriesCadence")
        for value, text in context.choices(Cadence):
            self.cadence_box.addItem(text, value)
        self.start_button = QPushButton(self.tr("&Start a series"), self)
        self.plan_button = QPushButton(self.tr("&Plan next meeting"), self)
        self.plan_button.setObjectName("planNextMeeting")
        self.review_button = QPushButton(self.tr("Take over &open items"), self)
        self.invite_button = QPushButton(self.tr("I&nvite (.ics)…"), self)
        self.series_label = QLabel(self)
        self.series_label.setObjectName("seriesLabel")
        self.due_label = QLabel(self)
        self.due_label.setObjectName("minutesDue")
        self.due_label.setWordWrap(True)
        self.carry_over = CarryOverSection(context, self)
        self.timer = AgendaTimer(context, self)
        self.timer.install_shortcuts(self)
        self.timer_start = QPushButton(self.tr("Start &timer"), self)
        self.approval = ApprovalSection(context, self)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Meeting:"), self)
        label.setBuddy(self.meeting_box)
        top.addWidget(label)
        top.addWidget(self.meeting_box, 1)
        top.addWidget(self.cadence_box)
        top.addWidget(self.start_button)
        top.addWidget(self.plan_button)
        top.addWidget(self.review_button)
        top.addWidget(self.invite_button)
        timer_row = QWidget(self)
        timer_layout = QHBoxLayout(timer_row)
        timer_layout.setContentsMargins(0, 0, 0, 0)
        timer_layout.addWidget(self.timer, 1)
        timer_layout.addWidget(self.timer_start)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("seriesSplitter")
        splitter.addWidget(group(self.tr("Review of open items"), self.carry_over, self))
        splitter.addWidget(group(self.tr("Minutes and the client's approval"), self.approval, self))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.series_label)
        layout.addWidget(timer_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.due_label)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.meeting_box.currentIndexChanged.connect(self._on_meeting_box_changed)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.review_button.clicked.connect(self._on_review_clicked)
        self.invite_button.clicked.connect(self._on_invite_clicked)
        self.timer_start.clicked.connect(self._on_timer_start_clicked)

    @property
    def meeting_id(self) -> int | None:
        data = self.meeting_box.currentData()
        return int(data) if data is not None else None

    def select_meeting(self, meeting_id: int) -> None:
        self.ensure_loaded()
        position = self.meeting_box.findData(meeting_id)
        if position >= 0:
            self.meeting_box.setCurrentIndex(position)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.meeting_id
        rows = series.list_meetings(self.project_id) if self.project_id else []
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in rows:
            when = f"{meeting.starts_at:%Y-%m-%d %H:%M}" if meeting.starts_at else "—"
            status = self.context.label_of(MeetingStatus, meeting.status)
            self.meeting_box.addItem(f"{when} · {meeting.title} · {status}", meeting.id)
        position = self.meeting_box.findData(current) if current is not None else -1
        if position < 0:
            position = self._default_position(rows)
        self.meeting_box.setCurrentIndex(position)
        self.meeting_box.blockSignals(False)
        self._show_meeting()
        now = self.context.now()
        due = approval.minutes_due(self.project_id, now) if self.project_id else []
        if due:
            lines = [
                (
                    self.tr("Minutes overdue: %1 (due %2)")
                    if d.overdue
                    else self.tr("Minutes due: %1 (by %2)")
                )
                .replace("%1", d.title)
                .replace("%2", f"{d.due_at:%Y-%m-%d %H:%M}")
                for d in due
            ]
            self.due_label.setText("\n".join(lines))
        else:
            self.due_label.setText(self.tr("No minutes due."))

    def _default_position(self, rows: list[Meeting]) -> int:
        """The series meeting held last (its open items and minutes), else the next one
        to come, else the first meeting."""
        now = self.context.now()
        in_series = [m for m in rows if m.series_id is not None]
        held = [m for m in in_series if m.starts_at is not None and m.starts_at <= now]
        held.sort(key=lambda m: (m.starts_at or now, m.id), reverse=True)
        chosen = (held or in_series or rows)[:1]
        return self.meeting_box.findData(chosen[0].id) if chosen else -1

    def _show_meeting(self) -> None:
        meeting_id = self.meeting_id
        meeting = Meeting.get_or_none(Meeting.id == meeting_id) if meeting_id else None
        in_series = meeting is not None and meeting.series_id is not None
        if in_series:
            assert meeting is not None
            group_ = MeetingSeries.get_by_id(meeting.series_id)
            count = len(series.series_meetings(group_.id))
            self.series_label.setText(
                self.tr("Series: %1 · %2 · %3 meeting(s)")
                .replace("%1", group_.title)
                .replace("%2", self.context.label_of(Cadence, group_.cadence))
                .replace("%3", str(count))
            )
        else:
            self.series_label.setText(self.tr("This meeting is not part of a series."))
        self.start_button.setEnabled(meeting is not None and not in_series)
        self.cadence_box.setEnabled(meeting is not None and not in_series)
        self.plan_button.setEnabled(in_series)
        self.review_button.setEnabled(in_series)
        self.invite_button.setEnabled(meeting is not None and meeting.starts_at is not None)
        self.carry_over.set_meeting(meeting_id)
        self.timer.set_meeting(meeting_id)
        self.approval.set_meeting(meeting_id)

    # -- actions -------------------------------------------------------------------------
    def _record(self, text: str, change: Reversible) -> None:
        self.context.editor.record(text, redo=change.redo, undo=change.undo, changes=change.changes)

    def _on_meeting_box_changed(self, _index: int) -> None:
        self._show_meeting()

    def _on_start_clicked(self) -> None:
        if self.meeting_id is None:
            return
        cadence = Cadence(self.cadence_box.currentData())
        try:
            _series, change = series.start_series(self.meeting_id, cadence=cadence)
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        self._record(self.tr("Start a series"), change)

    def _on_plan_clicked(self) -> None:
        meeting = Meeting.get_or_none(Meeting.id == self.meeting_id) if self.meeting_id else None
        if meeting is None or meeting.series_id is None:
            return
        starts_at = None
        if MeetingSeries.get_by_id(meeting.series_id).cadence == Cadence.MANUAL.value:
            base = meeting.starts_at or self.context.now()
            text, ok = QInputDialog.getText(
                self,
                self.tr("Plan next meeting"),
                self.tr("When (YYYY-MM-DD HH:MM):"),
                text=f"{base:%Y-%m-%d %H:%M}",
            )
            if not ok:
                return
            try:
                starts_at = dt.datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
            except ValueError:
                self.context.editor.report(self.tr("Write the time as YYYY-MM-DD HH:MM."))
                return
        try:
            planned, change = series.plan_next_meeting(meeting.series_id, starts_at=starts_at)
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        self._record(self.tr("Plan next meeting"), change)
        self.select_meeting(planned.id)

    def _on_review_clicked(self) -> None:
        if self.meeting_id is None:
            return
        try:
            change = series.open_review(self.meeting_id)
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        self._record(self.tr("Take over open items"), change)

    def _on_invite_clicked(self) -> None:
        """The meeting's invite; a series meeting's carries the series' UID and rule."""
        meeting = Meeting.get_or_none(Meeting.id == self.meeting_id) if self.meeting_id else None
        if meeting is None:
            return
        name = (
            f"{meeting.title} {meeting.starts_at:%Y-%m-%d}" if meeting.starts_at else meeting.title
        )
        run_export(
            self, self.context.settings, "invite", meeting.id, name, open_after=self.open_files
        )

    def _on_timer_start_clicked(self) -> None:
        self.timer.start()
