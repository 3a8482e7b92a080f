"""What every section of the Kickoff tab shares: its table, its actions and its edits.

A section shows one part of the kickoff meeting (purposes, attendees, …) and saves what
the user changes through services.kickoff, onto the undo stack. An edit always carries
the id of the record it was opened for, never "whatever is selected now".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from peewee import Model
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence as Keys
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Meeting, Person
from pmdesk.services import Changes, NotFound, ValidationProblem, kickoff
from pmdesk.services.snapshots import Snapshot
from pmdesk.ui.models.records import RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import plain_label, problem_text
from pmdesk.ui.widgets.tables import record_table

# Plain values, made into key sequences once there is an application (at import time a
# standard key needs the platform theme).
INSERT = "Ins"
DELETE = Keys.StandardKey.Delete
EDIT = "Ctrl+E"
UP, DOWN = "Ctrl+Up", "Ctrl+Down"


class KickoffSection(QWidget):
    """One part of the kickoff: shown by `show_meeting`, edited through the undo stack."""

    #: The section's main table.
    view: QTableView

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting: Meeting | None = None
        self.people: list[Person] = []
        #: (person id, name) choices of table columns; filled in place on each show.
        self.people_choices: list[tuple[int | None, str]] = []
        # Opens a row's form (see `row_actions`); None: the section has no form.
        self._edit_row: Callable[[Any], object] | None = None

    def show_meeting(self, meeting: Meeting | None, people: Sequence[Person]) -> None:
        """Show this section of `meeting` (None: nothing)."""
        self.meeting = meeting
        self.people = list(people)
        self.people_choices[:] = [(None, "")] + [(p.id, p.name) for p in self.people]
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def count_text(self) -> str:
        """What the section's tab shows after its name, e.g. "3/4"."""
        return ""

    # -- building ----------------------------------------------------------------------
    def action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: Keys | Keys.StandardKey | str | None = None,
    ) -> QAction:
        """An action whose key works anywhere inside this section."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(Keys(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = Keys(shortcut).toString(Keys.SequenceFormat.NativeText)
            action.setToolTip(f"{plain_label(text)} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def button_row(self, owner: QWidget, actions: Sequence[QAction]) -> QHBoxLayout:
        """A row of buttons for `actions`; their keys work inside `owner`."""
        row = QHBoxLayout()
        for action in actions:
            owner.addAction(action)
            button = QToolButton(owner)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(plain_label(action.text()))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def table(self, model: RecordTableModel[Any], name: str, *, sortable: bool) -> QTableView:
        view = record_table(model, name, self)
        view.setSortingEnabled(sortable)
        # Long free text (responsibility, the client's additions) wraps rather than being
        # cut off at 1280×800; rows grow to fit it.
        view.setWordWrap(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def row_actions(
        self,
        model: Any,
        *,
        add: tuple[str, Callable[[], object]],
        remove: tuple[str, str],
        edit: tuple[str, Callable[[Any], object]] | None = None,
        movable: bool = False,
    ) -> None:
        """The usual actions on the section's rows (`add_action`, `edit_action`,
        `remove_action`, `up_action`, `down_action`), each on the row current when it is
        triggered. `remove` is (action text, undo text); `edit` opens the row's form, also
        on a double click on a cell that has no editor of its own."""
        current = lambda: self.current(self.view)  # noqa: E731
        self.add_action = self.action(add[0], add[1], INSERT)
        if edit is not None:
            text, open_form = edit
            self._edit_row = open_form
            self.edit_action = self.action(text, lambda: open_form(current()), EDIT)
        action_text, undo_text = remove
        self.remove_action = self.action(
            action_text, lambda: self.remove(model, current(), undo_text), DELETE
        )
        if movable:
            self.up_action = self.action(
                self.tr("Move up"), lambda: self.move_record(model, current(), -1), UP
            )
            self.down_action = self.action(
                self.tr("Move down"), lambda: self.move_record(model, current(), 1), DOWN
            )

    def standard_page(self, actions: Sequence[QAction], extra: Sequence[QWidget] = ()) -> None:
        """The usual layout of a section: a row of buttons over its table, then `extra`."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.button_row(self, actions))
        layout.addWidget(self.view, 1)
        for widget in extra:
            layout.addWidget(widget)
        if self._edit_row is not None:
            self.view.doubleClicked.connect(self._on_view_double_clicked)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        model = self.view.model()
        assert isinstance(model, RecordTableModel)
        if self._edit_row is not None and not model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._edit_row(model.row(index.row()))

    # -- reading the views -------------------------------------------------------------
    @staticmethod
    def current(view: QTableView) -> Any:
        """The record of the view's current row (None when there is none)."""
        index = view.currentIndex()
        if not index.isValid():
            return None
        model = view.model()
        assert isinstance(model, RecordTableModel)
        return model.row(index.row())

    @staticmethod
    def refill(
        view: QTableView, model: RecordTableModel[Any], rows: Sequence[Any], *, first: bool = False
    ) -> None:
        """New rows, keeping the current record current (it follows a move)."""
        current = view.currentIndex()
        wanted = model.row(current.row()).id if current.isValid() else None
        column = max(current.column(), 0)
        model.set_rows(rows)
        for row in range(model.rowCount()):
            if model.row(row).id == wanted:
                view.setCurrentIndex(model.index(row, column))
                return
        if first and model.rowCount():
            view.setCurrentIndex(model.index(0, 0))

    # -- saving with undo --------------------------------------------------------------
    def report(self, problem: Exception) -> None:
        self.context.editor.report(problem_text(problem))

    def edit(
        self,
        model: type[Model],
        record_id: int,
        values: dict[str, Any],
        text: str,
        *,
        version: int | None = None,
    ) -> bool:
        """Change fields of record `record_id`; undo and redo replay it. `version`: the
        record's row_version as shown (a colleague's change since is not overwritten
        unless the user says so)."""
        try:
            change = self.context.editor.attempt(
                lambda v: kickoff.edit(model, record_id, values, version=v), version
            )
        except (ValidationProblem, NotFound) as problem:
            self.report(problem)
            return False
        if change is None:
            return False
        self.context.editor.record(
            text,
            redo=lambda: kickoff.edit(model, record_id, change.after, expect=change.before),
            undo=lambda: kickoff.edit(model, record_id, change.before, expect=change.after),
            changes=Changes.of(model),
        )
        return True

    def editor_for(self, model: type[Model]) -> Callable[[str, str], Callable[[Any, Any], object]]:
        """Column edit callbacks: `(field, undo text)` → edit of the row's own record."""

        def make(name: str, text: str) -> Callable[[Any, Any], object]:
            return lambda record, value: self.edit(
                model, record.id, {name: value}, text, version=record.row_version
            )

        return make

    def record_created(self, items: Sequence[tuple[type[Model], int]], text: str) -> None:
        """Records a service just created, in creation order; undo deletes them."""
        state: dict[str, list[Snapshot]] = {}

        def undo() -> None:
            state["snapshots"] = [kickoff.remove(model, rid) for model, rid in reversed(items)]

        def redo() -> None:
            for snapshot in reversed(state["snapshots"]):
                kickoff.put_back(snapshot)

        self.context.editor.record(
            text, redo=redo, undo=undo, changes=Changes.of(*{m for m, _ in items})
        )

    def remove(self, model: type[Model], record: Any, text: str) -> None:
        """Delete `record` (and what hangs on it); undo puts it all back."""
        if record is None:
            return
        record_id = record.id
        try:
            snapshot = kickoff.remove(model, record_id)
        except NotFound as problem:
            self.report(problem)
            return
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = kickoff.remove(model, record_id)

        touched = {m for m, _ in snapshot.rows} | {c[0] for c in snapshot.cleared}
        self.context.editor.record(
            text,
            redo=redo,
            undo=lambda: kickoff.put_back(state["snapshot"]),
            changes=Changes.of(model, *touched),
        )

    def move_record(self, model: kickoff.Ordered, record: Any, step: int) -> None:
        """Move `record` up (-1) or down (1) in its list, as one undo step."""
        if record is None:
            return
        reorder = kickoff.move(model, record.id, step)
        if reorder is None:
            return
        self.context.editor.record(
            self.tr("Move up") if step < 0 else self.tr("Move down"),
            redo=lambda: kickoff.apply_positions(model, reorder.after),
            undo=lambda: kickoff.apply_positions(model, reorder.before),
            changes=Changes.of(model),
        )

    def run_form(self, dialog: Any, save: Callable[[], object]) -> bool:
        """Show a form whose OK runs `save` (a problem keeps it open)."""
        dialog.submit = save
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        dialog.deleteLater()
        return bool(accepted)

    def save_changed(
        self, model: type[Model], record: Any, values: dict[str, Any], text: str
    ) -> None:
        """Save a form's values that differ from the record; a problem keeps the form open."""
        recorder = self.apply_changed(model, record, values, text)
        if recorder is not None:
            recorder()

    def apply_changed(
        self, model: type[Model], record: Any, values: dict[str, Any], text: str
    ) -> Callable[[], None] | None:
        """Save the changed values; returns what puts the edit on the undo stack."""
        changed = {k: v for k, v in values.items() if record.__data__.get(k) != v}
        if not changed:
            return None
        record_id = record.id
        change = self.context.editor.attempt(
            lambda v: kickoff.edit(model, record_id, changed, version=v), record.row_version
        )
        if change is None:
            return None

        def put_on_stack() -> None:
            self.context.editor.record(
                text,
                redo=lambda: kickoff.edit(model, record_id, change.after, expect=change.before),
                undo=lambda: kickoff.edit(model, record_id, change.before, expect=change.after),
                changes=Changes.of(model),
            )

        return put_on_stack
