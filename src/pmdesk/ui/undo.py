"""Undo and redo of user actions, as commands over the services' field edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peewee import Model
from PySide6.QtGui import QUndoCommand, QUndoStack

from pmdesk.services.common import (
    Changes,
    FieldEdit,
    NotFound,
    ValidationProblem,
    apply_edit,
    edit_fields,
)

Notify = Callable[[Changes], None]


class FieldEditCommand(QUndoCommand):
    """An edit already saved; undo writes the old values back, redo the new ones."""

    def __init__(self, edit: FieldEdit, text: str, notify: Notify) -> None:
        super().__init__(text)
        self._edit = edit
        self._notify = notify
        self._done = True  # pushed after the first save: skip the redo() that push() calls

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            apply_edit(self._edit)
        self._notify(Changes.of(self._edit.model))

    def undo(self) -> None:
        apply_edit(self._edit.inverse())
        self._notify(Changes.of(self._edit.model))


class Editor:
    """Saves an edit through the services and puts it on the undo stack.

    Tabs receive one in their constructor; they never write to the database themselves.
    An edit that cannot be saved is reported (naming the field) and changes nothing.
    """

    def __init__(self, stack: QUndoStack, notify: Notify, report: Callable[[str], None]) -> None:
        self.stack = stack
        self._notify = notify
        self._report = report

    def edit(self, model: type[Model], record_id: int, values: dict[str, Any], text: str) -> bool:
        try:
            edit = edit_fields(model, record_id, values)
        except (ValidationProblem, NotFound) as problem:
            self._report(str(problem))
            return False
        self.stack.push(FieldEditCommand(edit, text, self._notify))
        return True

    def notify(self, changes: Changes) -> None:
        self._notify(changes)
