"""Undo and redo of user actions, over the services' edits, creates and deletes.

Every action is saved first (one transaction in a service), then recorded here as a
command whose first redo() is skipped. Undo and redo then replay it from what the
service returned: old and new field values, or a snapshot of deleted rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from peewee import DatabaseError, Model
from PySide6.QtGui import QUndoCommand, QUndoStack

from pmdesk import db
from pmdesk.services.common import (
    Changes,
    EditConflict,
    NotFound,
    ValidationProblem,
    apply_edit,
    edit_fields,
)
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore

Notify = Callable[[Changes], None]
T = TypeVar("T")


class SavedCommand(QUndoCommand):
    """An action already saved; `undo_fn` takes it back and `redo_fn` does it again."""

    def __init__(
        self,
        text: str,
        redo_fn: Callable[[], object],
        undo_fn: Callable[[], object],
        changes: Changes,
        notify: Notify,
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._redo_fn = redo_fn
        self._undo_fn = undo_fn
        self._changes = changes
        self._notify = notify
        self._report = report
        self._saved = True  # push() calls redo(): the first time it is already done

    def redo(self) -> None:
        if self._saved:
            self._saved = False
        else:
            self._replay(self._redo_fn)
        self._notify(self._changes)

    def undo(self) -> None:
        self._replay(self._undo_fn)
        self._notify(self._changes)

    def _replay(self, fn: Callable[[], object]) -> None:
        """Run an undo or redo; a colleague's change since (team server) stays, and the
        user is told why nothing happened."""
        try:
            fn()
        except EditConflict as conflict:
            if self._report is not None:
                self._report(str(conflict))


class Editor:
    """Saves user actions through the services and puts them on the undo stack.

    Tabs receive one in their constructor; they never write to the database themselves.
    An action that cannot be saved is reported (naming the field) and changes nothing.
    """

    def __init__(
        self,
        stack: QUndoStack,
        notify: Notify,
        report: Callable[[str], None],
        resolve_conflict: Callable[[EditConflict], bool] | None = None,
    ) -> None:
        self.stack = stack
        self._notify = notify
        self._report = report
        #: Asked when someone else changed the record first: True saves over their
        #: change, False keeps theirs (the views reload to show it). Without it, the
        #: conflict is reported and theirs kept. (Looked up when needed: a bound method
        #: kept here would make a cycle, and the stack would be freed by the collector.)
        self._resolve_conflict = resolve_conflict

    def edit(
        self,
        model: type[Model],
        record_id: int,
        values: dict[str, Any],
        text: str,
        *,
        version: int | None = None,
    ) -> bool:
        """Change fields of one record; False (and a message) if it cannot be saved.

        `version` is the record's `row_version` as shown: a change made meanwhile by
        someone else is not overwritten unless the user says so.
        """
        try:
            edit = self.attempt(lambda v: edit_fields(model, record_id, values, version=v), version)
        except (ValidationProblem, NotFound) as problem:
            self._report(str(problem))
            return False
        except DatabaseError as problem:  # e.g. a read-only file
            self._report(str(problem))
            return False
        if edit is None:
            return False
        self.record(
            text,
            redo=lambda: apply_edit(edit),
            undo=lambda: apply_edit(edit.inverse()),
            changes=Changes.of(model),
        )
        return True

    def edit_record(self, record: Any, values: dict[str, Any], text: str) -> bool:
        """`edit` of a record as shown: a colleague's change since it was read is not
        overwritten unless the user says so."""
        return self.edit(
            type(record), int(record.get_id()), values, text, version=record.row_version
        )

    def attempt(self, save: Callable[[int | None], T], version: int | None) -> T | None:
        """`save(version)`; when someone else changed the record first, the user chooses:
        save over their change (`save` again with the version now) or keep theirs (None,
        and the views reload to show it). Only on a team server: a local file has one
        user, whose own newer edit elsewhere in the window is no conflict."""
        if not db.is_server():
            version = None
        try:
            return save(version)
        except EditConflict as conflict:
            if conflict.changed_by == db.user():  # our own newer edit (a view not yet
                return save(conflict.version)  # refreshed, or this person elsewhere)
            if self._resolve_conflict is None:
                self._report(str(conflict))
                self._notify(Changes.of(conflict.model))
                return None
            if not self._resolve_conflict(conflict):
                self._notify(Changes.of(conflict.model))
                return None
            try:
                return save(conflict.version)
            except EditConflict as again:  # changed once more meanwhile: show theirs
                self._report(str(again))
                self._notify(Changes.of(again.model))
                return None

    def created(self, model: type[Model], record_id: int, text: str) -> None:
        """Record that a service created a record (undo deletes it with what hangs off it)."""
        state: dict[str, Snapshot] = {}

        def undo() -> None:
            state["snapshot"] = delete_with_snapshot(model, record_id)

        self.record(
            text,
            redo=lambda: restore(state["snapshot"]),
            undo=undo,
            changes=Changes.of(model),
        )

    def delete(self, model: type[Model], record_id: int, text: str) -> bool:
        """Delete a record and what hangs off it; undo puts all of it back."""
        try:
            snapshot = delete_with_snapshot(model, record_id)
        except (NotFound, DatabaseError) as problem:
            self._report(str(problem))
            return False
        touched = {m for m, _data in snapshot.rows} | {c[0] for c in snapshot.cleared}
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = delete_with_snapshot(model, record_id)

        self.record(
            text,
            redo=redo,
            undo=lambda: restore(state["snapshot"]),
            changes=Changes.of(*touched),
        )
        return True

    def record(
        self,
        text: str,
        *,
        redo: Callable[[], object],
        undo: Callable[[], object],
        changes: Changes,
    ) -> None:
        """Put an already-saved action on the stack (and tell the views it happened)."""
        self.stack.push(SavedCommand(text, redo, undo, changes, self._notify, self._report))

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Several actions that undo and redo as one (e.g. reordering a list)."""
        self.stack.beginMacro(text)
        try:
            yield
        finally:
            self.stack.endMacro()

    def report(self, message: str) -> None:
        self._report(message)

    def notify(self, changes: Changes) -> None:
        self._notify(changes)
