"""What the Stakeholders sections share: saving a person through the undo stack, and the
base of the pages about the selected person."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from pmdesk.models import Language, Person
from pmdesk.services import Changes, NotFound, ValidationProblem, projects
from pmdesk.services import stakeholders as sh
from pmdesk.services.common import FieldEdit, apply_edit
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.forms import problem_text


def save_person(
    context: TabContext,
    person_id: int,
    values: dict[str, Any],
    text: str,
    *,
    source: str = "",
    comment: str = "",
    version: int | None = None,
) -> str | None:
    """Save a person's fields (and the assessment a new engagement/type writes) with undo.

    Returns the problem to show, or None once saved (or when nothing changed, or the user
    kept a colleague's newer change: `version` is the person's row_version as shown).
    """
    try:
        change = context.editor.attempt(
            lambda v: sh.update_person(
                person_id, values, when=context.now(), source=source, comment=comment, version=v
            ),
            version,
        )
    except (ValidationProblem, NotFound) as problem:
        return problem_text(problem)
    if change is not None:
        context.editor.record(
            text,
            redo=lambda: sh.redo_person_change(change),
            undo=lambda: sh.undo_person_change(change),
            changes=change.changes,
        )
    return None


def record_field_edit(context: TabContext, edit: FieldEdit, text: str) -> None:
    context.editor.record(
        text,
        redo=lambda: apply_edit(edit),
        undo=lambda: apply_edit(edit.inverse()),
        changes=Changes.of(edit.model),
    )


def keep_typing(keeper: DraftKeeper, box: QPlainTextEdit) -> None:
    """Before the box shows another person: keep what was typed for the one it showed."""
    if box.document().isModified():
        keeper.save_now()


class PersonPage(QWidget):
    """A page about one person of the register; every edit goes to the person it shows."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person: Person | None = None
        self.record = sh.OnTimeRecord()

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        self.person = person
        self.record = record

    def _project_id(self) -> int | None:
        return int(self.person.__data__["project"]) if self.person is not None else None

    def _document_language(self) -> Language:
        assert self.person is not None
        return Language(projects.get_project(self.person.__data__["project"]).document_language)

    def _report(self, problem: str | None) -> None:
        if problem:
            self.context.editor.report(problem)
