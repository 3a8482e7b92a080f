"""Change log: what changed when the kickoff was re-confirmed on site, and who confirmed.

Logging a change of venue moves the meeting to the new venue too (one undo step).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pmdesk.models import ChangeField, ChangeRecord, Meeting, Role
from pmdesk.services import Changes, kickoff, meetings
from pmdesk.ui.dialogs.kickoff_forms import ChangeDialog
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns


class ChangesSection(KickoffSection):
    """The re-confirmation log (METHOD.md §3: "看是否有变更")."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label, choices = context.label, context.choices
        edit = self.editor_for(ChangeRecord)
        self.model = RecordTableModel[ChangeRecord](
            [
                Column(self.tr("When"), lambda c: c.changed_at),
                Column(
                    self.tr("What"),
                    lambda c: c.field,
                    display=lambda c: label(ChangeField(c.field)),
                    choices=choices(ChangeField),
                    edit=edit("field", self.tr("Change what changed")),
                ),
                Column(
                    self.tr("Change"),
                    lambda c: c.description,
                    stretch=True,
                    edit=edit("description", self.tr("Edit change")),
                ),
                Column(
                    self.tr("Confirmed by"),
                    lambda c: c.__data__.get("confirmed_by"),
                    display=lambda c: c.confirmed_by.name if c.confirmed_by else "",
                    choices=self.people_choices,
                    edit=edit("confirmed_by", self.tr("Change who confirmed")),
                ),
            ],
            self,
        )
        self.row_actions(
            ChangeRecord,
            add=(self.tr("Record change…"), lambda: self.open_dialog(ChangeField.OTHER)),
            remove=(self.tr("Remove change"), self.tr("Remove change record")),
        )
        self.view = self.table(self.model, self.tr("Re-confirmation changes"), sortable=True)
        self.standard_page([self.add_action, self.remove_action])

    def reload(self) -> None:
        rows = meetings.change_records(self.meeting.id) if self.meeting else []
        self.refill(self.view, self.model, rows)
        fit_columns(self.view)

    def count_text(self) -> str:
        return str(self.model.rowCount())

    def _client_lead_id(self) -> int | None:
        lead = next((p for p in self.people if p.role == Role.CLIENT_LEAD.value), None)
        return lead.id if lead else None

    def open_dialog(self, field: ChangeField, description: str = "") -> None:
        """Record a change of `field`; a venue change also moves the meeting."""
        meeting = self.meeting
        if meeting is None:
            return
        dialog = ChangeDialog(
            self.context.choices(ChangeField),
            list(self.people_choices),
            field=field.value,
            description=description,
            confirmed_by=self._client_lead_id(),
            when=self.context.now().replace(second=0, microsecond=0),
            venue=meeting.venue,
            parent=self,
        )

        def save() -> None:
            values = dialog.values()
            changed = ChangeField(values["field"])
            if changed == ChangeField.VENUE:
                record, moved = kickoff.log_venue_change(
                    meeting.id,
                    values["venue"],
                    values["description"],
                    confirmed_by_id=values["confirmed_by"],
                    changed_at=values["changed_at"],
                )
            else:
                record = kickoff.add_change(
                    meeting.id,
                    changed,
                    values["description"],
                    confirmed_by_id=values["confirmed_by"],
                    changed_at=values["changed_at"],
                )
                moved = None
            text = self.tr("Record change")
            with self.context.editor.macro(text):
                self.record_created([(ChangeRecord, record.id)], text)
                if moved is not None:
                    self.context.editor.record(
                        self.tr("Change the venue"),
                        redo=lambda: kickoff.edit(
                            Meeting, meeting.id, moved.after, expect=moved.before
                        ),
                        undo=lambda: kickoff.edit(
                            Meeting, meeting.id, moved.before, expect=moved.after
                        ),
                        changes=Changes.of(Meeting),
                    )

        self.run_form(dialog, save)
