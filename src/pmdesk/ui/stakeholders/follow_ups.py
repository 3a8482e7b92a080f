"""The private follow-up log: praise in public, follow up in private (METHOD.md §4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pmdesk.models import FollowUp
from pmdesk.services import NotFound, ValidationProblem, people
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.playbook_dialogs import FollowUpDialog
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.stakeholders.common import record_field_edit
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class FollowUpSection(QWidget):
    """Every private follow-up of the project: add (for the person chosen), edit, delete."""

    def __init__(
        self,
        context: TabContext,
        chosen_person: Callable[[], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.project_id: int | None = None
        self._chosen_person = chosen_person
        self.follow_up_log = RecordTableModel[FollowUp](
            [
                Column(self.tr("Date"), lambda f: f.follow_up_on),
                Column(self.tr("Person"), lambda f: f.person.name),
                Column(self.tr("Reason"), lambda f: f.reason, stretch=True),
                Column(self.tr("Outcome"), lambda f: f.outcome, stretch=True),
                Column(self.tr("New commitment"), lambda f: f.new_commitment_date),
            ],
            self,
        )
        self.follow_up_view = record_table(self.follow_up_log, self.tr("Follow-up log"), self)
        self.add_follow_up_button = QPushButton(self.tr("Add follow-up…"), self)
        self.add_follow_up_button.setToolTip(self.tr("Log a private follow-up"))
        self.edit_follow_up_button = QPushButton(self.tr("Edit…"), self)
        self.edit_follow_up_button.setAccessibleName(self.tr("Edit follow-up"))
        self.delete_follow_up_button = QPushButton(self.tr("Delete"), self)
        self.delete_follow_up_button.setAccessibleName(self.tr("Delete follow-up"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.follow_up_view, 1)
        buttons = QHBoxLayout()
        for button in (
            self.add_follow_up_button,
            self.edit_follow_up_button,
            self.delete_follow_up_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.follow_up_view.doubleClicked.connect(self._on_edit_follow_up)
        self.add_follow_up_button.clicked.connect(self._on_add_follow_up_clicked)
        self.edit_follow_up_button.clicked.connect(self._on_edit_follow_up)
        self.delete_follow_up_button.clicked.connect(self._on_delete_follow_up)

    def show_project(self, project_id: int | None) -> None:
        self.project_id = project_id
        self.follow_up_log.set_rows(sh.follow_ups(project_id) if project_id else [])
        fit_columns(self.follow_up_view)
        self.add_follow_up_button.setEnabled(project_id is not None)

    def _people_choices(self) -> list[tuple[int, str]]:
        everyone = people.list_people(self.project_id) if self.project_id else []
        return [(p.id, p.name) for p in everyone]

    def _on_add_follow_up_clicked(self) -> None:
        self.add_follow_up(self._chosen_person())

    def add_follow_up(
        self, person_id: int | None, *, reason: str = "", action_item_id: int | None = None
    ) -> None:
        """Log a private follow-up (with `person_id` chosen, if given; Today fills in the
        late step as `reason` and links it)."""
        if self.project_id is None:
            return
        project_id = self.project_id

        def save(values: dict[str, Any]) -> str | None:
            person = values.pop("person")
            try:
                record = sh.add_follow_up(
                    project_id, person, **values, action_item_id=action_item_id
                )
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
            self.context.editor.created(FollowUp, record.id, self.tr("Log follow-up"))
            return None

        today = self.context.now().date()
        FollowUpDialog(
            title=self.tr("Private follow-up"),
            people=self._people_choices(),
            person_id=person_id,
            follow_up_on=today,
            reason=reason,
            today=today,
            save=save,
            parent=self,
        ).exec()

    def _selected_follow_up(self) -> FollowUp | None:
        return current_record(self.follow_up_view, self.follow_up_log)

    def _on_edit_follow_up(self, *_args: object) -> None:
        record = self._selected_follow_up()
        if record is None:
            return
        record_id = record.id

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.update_follow_up(record_id, values)
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
            record_field_edit(self.context, edit, self.tr("Edit follow-up"))
            return None

        today = self.context.now().date()
        FollowUpDialog(
            title=self.tr("Private follow-up"),
            people=self._people_choices(),
            person_id=record.__data__["person"],
            follow_up_on=record.follow_up_on,
            reason=record.reason,
            outcome=record.outcome,
            new_commitment_date=record.new_commitment_date,
            today=today,
            save=save,
            parent=self,
        ).exec()

    def _on_delete_follow_up(self) -> None:
        record = self._selected_follow_up()
        if record is not None:
            self.context.editor.delete(FollowUp, record.id, self.tr("Delete follow-up"))
