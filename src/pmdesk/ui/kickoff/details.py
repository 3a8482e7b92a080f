"""The kickoff meeting's details: title, status, date and times, time zone, venue.

Each field saves when the user leaves it. Once the kickoff is confirmed with the client,
moving it or changing its venue offers to record the change in the re-confirmation log
(`change_to_log`), as METHOD.md §3 asks ("看是否有变更").
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import ChangeField, Meeting, MeetingStatus
from pmdesk.ui.dialogs.kickoff_forms import zone_box
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.dates import DateEdit, TimeEdit
from pmdesk.ui.widgets.forms import plain_label


class DetailsSection(KickoffSection):
    """The meeting's own fields above the sections, with the kickoff's exports."""

    #: (what changed, "before → after"): the user wants it in the re-confirmation log.
    change_to_log = Signal(object, str)

    def __init__(
        self,
        context: TabContext,
        exports: tuple[Any, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.zones = sorted(zoneinfo.available_timezones())
        pack_action, invite_action = exports
        today = context.now().date()
        self.title_edit = QLineEdit(self)
        self.status_box = QComboBox(self)
        for value, text in context.choices(MeetingStatus):
            self.status_box.addItem(text, value)
        self.date_edit = DateEdit(today, self, today=today)
        self.start_edit = TimeEdit(dt.time(9, 30), self)
        self.end_edit = TimeEdit(dt.time(11, 30), self)
        self.zone_box = zone_box(self.zones, "", self)
        self.zone_box.setMinimumContentsLength(14)
        zone_edit = self.zone_box.lineEdit()
        assert zone_edit is not None
        zone_edit.setPlaceholderText(self.tr("this computer's zone"))
        self.venue_edit = QLineEdit(self)
        self.pack_button = QPushButton(pack_action.text(), self)
        self.pack_button.clicked.connect(pack_action.trigger)
        self.invite_button = QPushButton(invite_action.text(), self)
        self.invite_button.clicked.connect(invite_action.trigger)
        self.keepers = {
            name: DraftKeeper(box, functools.partial(self._draft_key, name), self._project_id)
            for name, box in (("title", self.title_edit), ("venue", self.venue_edit))
        }
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        def labelled(row: QHBoxLayout, text: str, widget: QWidget, stretch: int = 0) -> None:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(plain_label(text))
            row.addWidget(label)
            row.addWidget(widget, stretch)

        first = QHBoxLayout()
        labelled(first, self.tr("T&itle:"), self.title_edit, 3)
        labelled(first, self.tr("Stat&us:"), self.status_box)
        first.addSpacing(12)
        first.addWidget(self.pack_button)
        first.addWidget(self.invite_button)
        second = QHBoxLayout()
        labelled(second, self.tr("&Date:"), self.date_edit)
        labelled(second, self.tr("Start:"), self.start_edit)
        labelled(second, self.tr("E&nd:"), self.end_edit)
        labelled(second, self.tr("Time &zone:"), self.zone_box, 1)
        labelled(second, self.tr("Venue:"), self.venue_edit, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

    def _connect_signals(self) -> None:
        self.title_edit.editingFinished.connect(self._on_title_edit_finished)
        self.status_box.activated.connect(self._on_status_box_activated)
        self.date_edit.changed.connect(self._on_date_edit_changed)
        self.start_edit.changed.connect(self._on_start_edit_changed)
        self.end_edit.changed.connect(self._on_end_edit_changed)
        self.zone_box.activated.connect(lambda _index: self._on_zone_box_edited())
        zone_edit = self.zone_box.lineEdit()
        assert zone_edit is not None
        zone_edit.editingFinished.connect(self._on_zone_box_edited)
        self.venue_edit.editingFinished.connect(self._on_venue_edit_finished)

    # -- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        widgets = (
            self.title_edit,
            self.status_box,
            self.date_edit,
            self.start_edit,
            self.end_edit,
            self.zone_box,
            self.venue_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.title_edit.setText(meeting.title)
        self.title_edit.setCursorPosition(0)
        self.status_box.setCurrentIndex(self.status_box.findData(meeting.status))
        starts = meeting.starts_at or dt.datetime.combine(self.context.now().date(), dt.time(9, 30))
        self.date_edit.set_value(starts.date())
        self.start_edit.set_value(starts.time())
        ends = meeting.ends_at or starts + dt.timedelta(hours=2)
        self.end_edit.set_value(ends.time())
        self.zone_box.setCurrentText(meeting.time_zone)
        self.venue_edit.setText(meeting.venue)
        self.venue_edit.setCursorPosition(0)
        for widget in widgets:
            widget.blockSignals(False)
        for keeper in self.keepers.values():  # typed, not saved, before a crash
            keeper.restore()

    # -- saving ------------------------------------------------------------------------
    def _draft_key(self, field: str) -> str | None:
        return f"meeting:{self.meeting.id}:{field}" if self.meeting is not None else None

    def _project_id(self) -> int | None:
        return self.meeting.project_id if self.meeting is not None else None

    def _commit(self, values: dict[str, Any], text: str, logged: ChangeField | None = None) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        if all(getattr(meeting, name) == value for name, value in values.items()):
            return
        before = self.arrangement(meeting, logged)
        confirmed = meeting.status != MeetingStatus.PLANNED.value
        if not self.edit(Meeting, meeting.id, values, text, version=meeting.row_version):
            self.reload()  # show the saved values again
            return
        if logged is not None and confirmed and self.meeting is not None:
            self._offer_change_log(logged, before, self.arrangement(self.meeting, logged))

    def arrangement(self, meeting: Meeting, field: ChangeField | None) -> str:
        """The venue, or the date and times, as written in the change log."""
        if field == ChangeField.VENUE:
            return meeting.venue or self.tr("(no venue)")
        if meeting.starts_at is None:
            return self.tr("(no time)")
        text = f"{meeting.starts_at:%Y-%m-%d %H:%M}"
        if meeting.ends_at is not None:
            text += f"–{meeting.ends_at:%H:%M}"
        return text

    def _offer_change_log(self, field: ChangeField, before: str, after: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Record the change?"),
            self.tr(
                "The kickoff was already confirmed with the client. Record this change in "
                "the re-confirmation log?\n\n{before} → {after}"
            ).format(before=before, after=after),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.change_to_log.emit(field, f"{before} → {after}")

    def _on_title_edit_finished(self) -> None:
        self._commit({"title": self.title_edit.text()}, self.tr("Rename the kickoff"))
        self.keepers["title"].discard()  # saved, or refused with a message

    def _on_status_box_activated(self, _index: int) -> None:
        self._commit({"status": self.status_box.currentData()}, self.tr("Change meeting status"))

    def _move_to(self, day: dt.date, start: dt.time) -> None:
        assert self.meeting is not None
        starts, ends = self.meeting.starts_at, self.meeting.ends_at
        new_start = dt.datetime.combine(day, start)
        # Like a calendar: a later start moves the end too, keeping the meeting's length.
        length = (ends - starts) if starts and ends else dt.timedelta(hours=2)
        self._commit(
            {"starts_at": new_start, "ends_at": new_start + length},
            self.tr("Move the kickoff"),
            ChangeField.TIME,
        )

    def _on_date_edit_changed(self) -> None:
        if self.meeting is None:
            return
        day = self.date_edit.value()
        starts = self.meeting.starts_at
        start = self.start_edit.value()
        assert day is not None and start is not None
        self._move_to(day, starts.time() if starts else start)

    def _on_start_edit_changed(self) -> None:
        if self.meeting is None:
            return
        day, start = self.date_edit.value(), self.start_edit.value()
        assert day is not None and start is not None
        self._move_to(day, start)

    def _on_end_edit_changed(self) -> None:
        if self.meeting is None:
            return
        day, end = self.date_edit.value(), self.end_edit.value()
        assert day is not None and end is not None
        self._commit(
            {"ends_at": dt.datetime.combine(day, end)},
            self.tr("Change the kickoff's end"),
            ChangeField.TIME,
        )

    def _on_zone_box_edited(self) -> None:
        self._commit(
            {"time_zone": self.zone_box.currentText().strip()}, self.tr("Change time zone")
        )

    def _on_venue_edit_finished(self) -> None:
        self._commit(
            {"venue": self.venue_edit.text().strip()},
            self.tr("Change the venue"),
            ChangeField.VENUE,
        )
        self.keepers["venue"].discard()
