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
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from pmdesk import db
from pmdesk.services.common import (
    Changes,
    EditConflict,
    NotFound,
    RowReplaced,
    ValidationProblem,
    apply_edit,
    edit_fields,
)
from pmdesk.services.snapshots import (
    Snapshot,
    delete_with_snapshot,
    remember,
    replaying,
    restore,
)
from pmdesk.ui.undo_menu import UndoMenu
from pmdesk.ui.widgets.forms import problem_text

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
        menu: UndoMenu | None = None,
    ) -> None:
        super().__init__(text)
        self._redo_fn = redo_fn
        self._undo_fn = undo_fn
        self._changes = changes
        self._notify = notify
        self._report = report
        self._menu = menu
        #: Where the step was taken (the Edit menu shows it, undo goes back there).
        self.place = menu.place() if menu is not None else None
        self._saved = True  # push() calls redo(): the first time it is already done

    def redo(self) -> None:
        if self._saved:
            self._saved = False
        else:
            self._replay(self._redo_fn, undoing=False)
        self._notify(self._changes)

    def undo(self) -> None:
        self._replay(self._undo_fn, undoing=True)
        self._notify(self._changes)

    def _replay(self, fn: Callable[[], object], *, undoing: bool) -> None:
        """Run an undo or redo, on the rows it knows only; a colleague's change since
        (team server) stays, a row another program or a restored backup put at one of
        its ids is left alone, and the user is told why nothing happened."""
        try:
            with replaying():
                fn()
        except EditConflict as conflict:
            self._failed(str(conflict))
        except (RowReplaced, NotFound) as problem:
            self._failed(self._replaced_message(problem, undoing))
            # Nothing of this step is left to act on: it leaves the history.
            self.setObsolete(True)

    def _failed(self, message: str) -> None:
        if self._menu is not None:
            self._menu.mark_failed()
        if self._report is not None:
            self._report(message)

    def _replaced_message(self, problem: Exception, undoing: bool) -> str:
        table = getattr(problem, "model", None)
        kind = table._meta.table_name.replace("_", " ") if table is not None else ""
        if undoing:
            text = QCoreApplication.translate(
                "SavedCommand",
                "Nothing was undone: “{step}” would change a {kind} that was changed "
                "outside pmdesk since (by another program, or a restored backup). "
                "It was left as it is.",
            )
        else:
            text = QCoreApplication.translate(
                "SavedCommand",
                "Nothing was redone: “{step}” would change a {kind} that was changed "
                "outside pmdesk since (by another program, or a restored backup). "
                "It was left as it is.",
            )
        return text.format(step=self.text(), kind=_kind_name(kind))


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
        #: The Edit menu's Undo and Redo (set by the main window): steps remember their
        #: place through it.
        self.undo_menu: UndoMenu | None = None

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
            self._report(problem_text(problem))
            return False
        except DatabaseError as problem:  # e.g. a read-only file
            self._report(problem_text(problem))
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
        remember(model, record_id)  # undo deletes this row, not another at its id

        def undo() -> None:
            state["snapshot"] = delete_with_snapshot(model, record_id)

        self.record(
            text,
            redo=lambda: restore(state["snapshot"]),
            undo=undo,
            changes=Changes.of(model),
        )

    def create(self, model: type[Model], make: Callable[[], Any], text: str) -> Any:
        """Create a record through the service call `make` (an action from a note or a
        request, a new step…) as one undo step; a problem is reported and None returned."""
        try:
            record = make()
        except (ValidationProblem, NotFound) as problem:
            self._report(problem_text(problem))
            return None
        self.created(model, record.id, text)
        return record

    def delete(self, model: type[Model], record_id: int, text: str) -> bool:
        """Delete a record and what hangs off it; undo puts all of it back."""
        try:
            snapshot = delete_with_snapshot(model, record_id)
        except (NotFound, DatabaseError) as problem:
            self._report(problem_text(problem))
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
        self.stack.push(
            SavedCommand(text, redo, undo, changes, self._notify, self._report, self.undo_menu)
        )

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


def _kind_name(kind: str) -> str:
    """The record kinds undo reports on, in the user's language."""
    names = {
        "note": QCoreApplication.translate("SavedCommand", "note"),
        "action item": QCoreApplication.translate("SavedCommand", "step"),
        "person": QCoreApplication.translate("SavedCommand", "person"),
        "meeting": QCoreApplication.translate("SavedCommand", "meeting"),
        "agenda item": QCoreApplication.translate("SavedCommand", "agenda item"),
        "attendee": QCoreApplication.translate("SavedCommand", "attendee"),
        "follow up": QCoreApplication.translate("SavedCommand", "follow-up"),
    }
    return names.get(kind, QCoreApplication.translate("SavedCommand", "record"))
