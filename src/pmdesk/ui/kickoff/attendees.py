"""Attendees: who of both sides is invited, their part in the division of labour, RSVP."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pmdesk.models import Attendee, Person, Role, Rsvp, Side
from pmdesk.services import ValidationProblem, kickoff, meetings, people
from pmdesk.services.common import Changes
from pmdesk.ui.dialogs.kickoff_pickers import AttendeesDialog
from pmdesk.ui.kickoff.section import DOWN, UP, KickoffSection
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns


class AttendeesSection(KickoffSection):
    """The invited people in order, with what each is responsible for."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label, choices = context.label, context.choices
        edit = self.editor_for(Attendee)
        self.model = RecordTableModel[Attendee](
            [
                Column(self.tr("Name"), lambda a: a.person.name),
                Column(self.tr("Side"), lambda a: label(Side(a.person.side))),
                Column(self.tr("Role"), lambda a: label(Role(a.person.role))),
                Column(self.tr("Title"), lambda a: a.person.title),
                Column(self.tr("Email"), lambda a: a.person.email),
                Column(
                    self.tr("Responsibility"),
                    lambda a: a.responsibility,
                    stretch=True,
                    edit=edit("responsibility", self.tr("Edit responsibility")),
                ),
                Column(
                    self.tr("RSVP"),
                    lambda a: a.rsvp,
                    display=lambda a: label(Rsvp(a.rsvp)),
                    choices=choices(Rsvp),
                    edit=edit("rsvp", self.tr("Change RSVP")),
                ),
            ],
            self,
        )
        self.model.tooltip = lambda a: (
            "" if a.person.email else self.tr("No email: not in the meeting invite")
        )
        self.row_actions(
            Attendee,
            add=(self.tr("Add attendees…"), self._on_add_triggered),
            remove=(self.tr("Remove attendee"), self.tr("Remove attendee")),
        )
        # Attendees are listed by seniority (the register's order): moving one moves the
        # person in the register, past the next attendee of the same role.
        self.up_action = self.action(self.tr("Move up"), lambda: self._move(-1), UP)
        self.down_action = self.action(self.tr("Move down"), lambda: self._move(1), DOWN)
        self.view = self.table(self.model, self.tr("Attendees"), sortable=True)
        self.standard_page([self.add_action, self.remove_action, self.up_action, self.down_action])

    def reload(self) -> None:
        rows = meetings.attendees(self.meeting.id) if self.meeting else []
        self.refill(self.view, self.model, rows)
        fit_columns(self.view)

    def _move(self, step: int) -> None:
        attendee = self.current(self.view)
        if attendee is None:
            return
        invited = [a.person_id for a in self.model.all_rows()]
        move = people.move(attendee.person_id, step, among=invited)
        if move is None:
            return
        self.context.editor.record(
            self.tr("Move up") if step < 0 else self.tr("Move down"),
            redo=lambda: people.apply_seniority(move.after),
            undo=lambda: people.apply_seniority(move.before),
            changes=Changes.of(Person, Attendee),
        )

    def count_text(self) -> str:
        return str(self.model.rowCount())

    def _on_add_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        invited = {a.person_id for a in self.model.all_rows()}
        label = self.context.label
        candidates = [
            (
                p.id,
                " · ".join(
                    x for x in (p.name, label(Side(p.side)), label(Role(p.role)), p.title) if x
                ),
            )
            for p in self.people
            if p.id not in invited
        ]
        dialog = AttendeesDialog(
            candidates, self.context.choices(Side), self.context.choices(Role), self
        )

        def save() -> None:
            chosen = dialog.chosen()
            new = dialog.new_person()
            if not chosen and new is None:
                raise ValidationProblem("person", self.tr("tick someone, or type a new name"))
            created: list[tuple[type, int]] = []
            if new is not None:
                person = kickoff.add_person(meeting.project_id, **new)
                created.append((Person, person.id))
                chosen.append(person.id)
            try:
                ids = kickoff.add_attendees(meeting.id, chosen)
            except ValidationProblem:
                for model, record_id in reversed(created):
                    kickoff.remove(model, record_id)
                raise
            created += [(Attendee, attendee_id) for attendee_id in ids]
            self.record_created(created, self.tr("Add attendees"))

        self.run_form(dialog, save)
