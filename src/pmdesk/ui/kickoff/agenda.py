"""Agenda: the items in order, their time slots and who presents them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from pmdesk.models import AgendaItem
from pmdesk.services import kickoff, meetings
from pmdesk.ui.dialogs.kickoff_forms import AgendaItemDialog
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns


def whole_minutes(value: Any) -> int:
    """Minutes typed in a cell; anything but a whole number is refused by the service."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


class AgendaSection(KickoffSection):
    """Agenda items with their computed slots and the total against the meeting's length."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._schedule: dict[int, tuple[Any, Any]] = {}
        edit = self.editor_for(AgendaItem)
        self.model = RecordTableModel[AgendaItem](
            [
                Column(
                    self.tr("#"),
                    lambda a: a.position,
                    display=lambda a: str(self.model.rows().index(a) + 1),
                    align_right=True,
                ),
                Column(self.tr("Time"), self._slot),
                Column(
                    self.tr("Item"),
                    lambda a: a.title,
                    stretch=True,
                    edit=edit("title", self.tr("Rename agenda item")),
                ),
                Column(
                    self.tr("Presenter"),
                    lambda a: a.__data__.get("presenter"),
                    display=lambda a: a.presenter.name if a.presenter else "",
                    choices=self.people_choices,
                    edit=edit("presenter", self.tr("Change presenter")),
                ),
                Column(
                    self.tr("Minutes"),
                    lambda a: a.minutes_allotted,
                    align_right=True,
                    edit=lambda a, v: self.edit(
                        AgendaItem,
                        a.id,
                        {"minutes_allotted": whole_minutes(v)},
                        self.tr("Change minutes allotted"),
                        version=a.row_version,
                    ),
                ),
            ],
            self,
        )
        self.row_actions(
            AgendaItem,
            add=(self.tr("Add item…"), self._on_add_triggered),
            edit=(self.tr("Edit item…"), self._on_edit_triggered),
            remove=(self.tr("Remove item"), self.tr("Remove agenda item")),
            movable=True,
        )
        self.view = self.table(self.model, self.tr("Agenda"), sortable=False)
        self.total = QLabel(self)
        self.total.setObjectName("agendaTotal")
        self.standard_page(
            [
                self.add_action,
                self.edit_action,
                self.remove_action,
                self.up_action,
                self.down_action,
            ],
            [self.total],
        )

    def reload(self) -> None:
        meeting = self.meeting
        rows = meetings.agenda(meeting.id) if meeting else []
        self._schedule = (
            {item.id: (start, end) for item, start, end in meetings.agenda_schedule(meeting, rows)}
            if meeting
            else {}
        )
        self.refill(self.view, self.model, rows)
        fit_columns(self.view)
        self.total.setText(self._total_text() if meeting else "")

    def minutes(self) -> tuple[int, int | None]:
        """Minutes the agenda takes, and the meeting's length (None: no end)."""
        total = sum(item.minutes_allotted for item in self.model.all_rows())
        return total, meetings.meeting_minutes(self.meeting) if self.meeting else None

    def count_text(self) -> str:
        total, length = self.minutes()
        return f"{total}/{length}" if length is not None else str(total)

    def _total_text(self) -> str:
        total, length = self.minutes()
        if length is None:
            return self.tr("Agenda: {total} minutes").format(total=total)
        text = self.tr("Agenda: {total} of {length} minutes").format(total=total, length=length)
        if total > length:
            self.total.setStyleSheet("color: #a61b1b; font-weight: bold;")
            return (
                text
                + " — "
                + self.tr("{over} minutes over the meeting's length").format(over=total - length)
            )
        self.total.setStyleSheet("")
        return text

    def _slot(self, item: AgendaItem) -> str:
        start, end = self._schedule.get(item.id, (None, None))
        return f"{start:%H:%M}–{end:%H:%M}" if start and end else ""

    def _on_add_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = AgendaItemDialog(list(self.people_choices), parent=self)

        def save() -> None:
            values = dialog.values()
            item = kickoff.add_agenda_item(
                meeting.id,
                values["title"],
                presenter_id=values["presenter"],
                minutes=values["minutes_allotted"],
            )
            self.record_created([(AgendaItem, item.id)], self.tr("Add agenda item"))

        self.run_form(dialog, save)

    def _on_edit_triggered(self, item: AgendaItem | None) -> None:
        if item is None:
            return
        dialog = AgendaItemDialog(
            list(self.people_choices),
            title=item.title,
            presenter=item.__data__.get("presenter"),
            minutes=item.minutes_allotted,
            parent=self,
        )
        self.run_form(
            dialog,
            lambda: self.save_changed(
                AgendaItem, item, dialog.values(), self.tr("Edit agenda item")
            ),
        )
