"""Capture: the keyboard line, the speaker list and the meeting's notes.

Every committed note is saved at once (one transaction); the line being typed is saved
as a draft within a second and put back after a crash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk import db
from pmdesk.db import OpenState
from pmdesk.models import ActionItem, Note, NoteKind, Role
from pmdesk.services import NotFound, ValidationProblem, capture, meetings, people
from pmdesk.ui.dialogs.capture_dialogs import ActionItemDialog, ActionValues
from pmdesk.ui.live_meeting.common import (
    MARK_ATTENDED_KEY,
    MeetingSection,
    MeetingShown,
    clock,
    internal_brush,
)
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext, group
from pmdesk.ui.widgets.capture_bar import CaptureBar
from pmdesk.ui.widgets.forms import plain_label, problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table

#: Days after the meeting a quick action item is due unless the user says otherwise.
DEFAULT_ACTION_DAYS = 7

#: observe(person_id, note) and value_outcome(person_id, note), from the attitudes section.
NoteAction = Callable[[int | None, Note | None], None]


class CaptureSection(MeetingSection):
    """The capture line over the notes of the meeting shown."""

    def __init__(
        self,
        context: TabContext,
        observe: NoteAction,
        value_outcome: NoteAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.setObjectName("capturePage")
        self._observe = observe
        self._value_outcome = value_outcome
        self._bar_meeting: int | None = None  # the meeting the line being typed is for
        #: The database that meeting is in (the same ids may be in another).
        self._bar_opened: OpenState | None = None
        label = context.label
        edit = context.editor.edit_record
        self.bar = CaptureBar(context.language, self)
        self.bar.install_shortcuts(self)
        self._speaker_choices: list[tuple[Any, str]] = []
        self._agenda_choices: list[tuple[Any, str]] = []
        self.notes = RecordTableModel[Note](
            [
                Column(
                    self.tr("Time"),
                    lambda n: n.offset_seconds,
                    display=lambda n: clock(n.offset_seconds),
                    align_right=True,
                ),
                Column(
                    self.tr("Speaker"),
                    lambda n: n.speaker_id,
                    display=lambda n: n.speaker.name if n.speaker else "",
                    choices=self._speaker_choices,
                    edit=lambda n, v: edit(n, {"speaker": v}, self.tr("Change speaker")),
                ),
                Column(
                    self.tr("Kind"),
                    lambda n: n.kind,
                    display=lambda n: label(NoteKind(n.kind)),
                    choices=context.choices(NoteKind),
                    edit=lambda n, v: edit(n, {"kind": v}, self.tr("Change note kind")),
                ),
                Column(
                    self.tr("Agenda item"),
                    lambda n: n.__data__.get("agenda_item"),
                    display=lambda n: n.agenda_item.title if n.agenda_item else "",
                    choices=self._agenda_choices,
                    edit=lambda n, v: edit(n, {"agenda_item": v}, self.tr("Change agenda item")),
                ),
                Column(
                    self.tr("Internal"),
                    lambda n: n.internal,
                    checkable=True,
                    edit=lambda n, v: edit(
                        n,
                        {"internal": v},
                        self.tr("Mark note internal") if v else self.tr("Mark note for client"),
                    ),
                ),
                Column(
                    self.tr("Note"),
                    lambda n: n.text,
                    stretch=True,
                    edit=lambda n, v: edit(n, {"text": v}, self.tr("Edit note")),
                ),
            ],
            self,
        )
        self.notes.background = internal_brush
        self.notes.tooltip = lambda n: (
            self.tr("Internal: never in the minutes or any client file") if n.internal else ""
        )
        self.notes_view = record_table(self.notes, self.tr("Notes"), self)
        self.notes_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.notes_view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.mark_attended_action = QAction(self.tr("Mark the speaker attended"), self)
        self.mark_attended_action.setShortcut(MARK_ATTENDED_KEY)
        self.mark_attended_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.mark_attended_action)

        self.edit_note_button = QPushButton(self.tr("Edit no&te"), self)
        self.delete_note_button = QPushButton(self.tr("&Delete note"), self)
        self.action_button = QPushButton(self.tr("Action &item…"), self)
        self.observe_button = QPushButton(self.tr("&Attitude…"), self)
        self.value_button = QPushButton(self.tr("Valued &outcome…"), self)
        self.edit_note_button.setToolTip(self.tr("Edit the selected cell (or double-click it)"))
        self.action_button.setToolTip(self.tr("An action item from the selected note"))
        self.observe_button.setToolTip(
            self.tr("Record the speaker's attitude (internal: goes to their history)")
        )
        self.value_button.setToolTip(self.tr("This note shows which outcome the speaker values"))
        buttons = QHBoxLayout()
        for button in (
            self.edit_note_button,
            self.delete_note_button,
            self.action_button,
            self.observe_button,
            self.value_button,
        ):
            button.setAccessibleName(plain_label(button.text()))
            buttons.addWidget(button)
        buttons.addStretch(1)

        notes_box = QWidget(self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.bar)
        notes_layout.addWidget(self.notes_view, 1)
        notes_layout.addLayout(buttons)

        speakers_box = QWidget(self)
        speakers_layout = QVBoxLayout(speakers_box)
        speakers_layout.setContentsMargins(0, 0, 0, 0)
        speakers_layout.addWidget(self.bar.speakers, 1)
        speakers_layout.addWidget(self.bar.help)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("liveMeetingSplitter")
        self.splitter.addWidget(group(self.tr("Speakers"), speakers_box))
        self.splitter.addWidget(group(self.tr("Notes"), notes_box))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([280, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.splitter)
        # Tab order: the line first, then the list, table and buttons.
        QWidget.setTabOrder(self.bar.line, self.bar.speakers)
        QWidget.setTabOrder(self.bar.speakers, self.bar.agenda)
        QWidget.setTabOrder(self.bar.agenda, self.notes_view)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.bar.committed.connect(self._on_bar_committed)
        self.bar.draft_due.connect(self._on_bar_draft_due)
        self.delete_shortcut.activated.connect(self._on_delete_note)
        self.mark_attended_action.triggered.connect(self._on_mark_attended_triggered)
        self.edit_note_button.clicked.connect(self._on_edit_note_clicked)
        self.delete_note_button.clicked.connect(self._on_delete_note)
        self.action_button.clicked.connect(self._on_action_clicked)
        self.observe_button.clicked.connect(self._on_observe_clicked)
        self.value_button.clicked.connect(self._on_value_clicked)

    # -- showing -----------------------------------------------------------------------
    def show_meeting(self, shown: MeetingShown | None) -> None:
        meeting_id = shown.meeting_id if shown is not None else None
        replaced = db.state is not self._bar_opened  # another database, or a restore
        switched = meeting_id != self._bar_meeting or replaced
        if replaced:  # what waited was written before that database closed
            self.bar.draft_timer.stop()
        elif switched:
            self.bar.flush_draft()  # what was typed belongs to the meeting shown until now
        if switched:
            self._bar_meeting, self._bar_opened = meeting_id, db.state
        self.shown = shown
        if shown is None:
            self.bar.set_speakers([])
            self.bar.set_agenda([])
            self.notes.set_rows([])
            self.bar.line.clear()
            return
        label = self.context.label
        self.bar.set_speakers(
            [
                (a.person_id, f"{a.person.name} — {label(Role(a.person.role))}")
                for a in shown.attendees
            ]
        )
        self._speaker_choices[:] = [(None, self.tr("(no speaker)"))] + [
            (a.person_id, a.person.name) for a in shown.attendees
        ]
        agenda = meetings.agenda(shown.meeting_id)
        self.bar.set_agenda([(item.id, item.title) for item in agenda])
        self._agenda_choices[:] = [(None, self.tr("(none)"))] + [
            (item.id, item.title) for item in agenda
        ]
        grown = self.notes.rowCount() == 0 and bool(shown.notes)
        self.notes.set_rows(shown.notes)
        if switched or grown:
            fit_columns(self.notes_view, 220)
        if switched:
            self.notes_view.scrollToBottom()
            self._restore_draft(shown.meeting_id)

    def _restore_draft(self, meeting_id: int) -> None:
        draft = capture.load_draft(meeting_id)
        if draft is None:
            self.bar.line.clear()
            self.bar.notice.clear()
            return
        self.bar.restore_line(draft)
        self.bar.notice.setText(
            self.tr(
                "Restored the line you were typing at {time}: it was not saved as a note yet. "
                "Press Enter to save it."
            ).format(time=draft.saved_at.strftime("%H:%M:%S"))
        )

    # -- capture -----------------------------------------------------------------------
    def _on_bar_committed(self, text: str) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        try:
            note, _changes = capture.commit_note(
                meeting_id,
                text,
                kind=self.bar.kind,
                speaker_id=self.bar.speaker_id,
                agenda_item_id=self.bar.agenda_item_id,
                internal=self.bar.internal.isChecked(),
                now=self.context.now(),
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(problem_text(problem))
            return
        self.bar.after_commit()
        self.bar.notice.setText(self.tr("Saved at {time}.").format(time=clock(note.offset_seconds)))
        self.context.editor.created(Note, note.id, self.tr("Capture note"))
        self.notes_view.scrollToBottom()

    def _on_bar_draft_due(self, text: capture.CaptureLine) -> None:
        meeting_id = self._bar_meeting
        if meeting_id is None:
            return
        # A meeting deleted meanwhile (undo) has no line to keep.
        with contextlib.suppress(NotFound):
            capture.save_draft(meeting_id, text, self.context.now())

    def flush_draft(self) -> None:
        """Save the line being typed now."""
        self.bar.flush_draft()

    # -- attendance ----------------------------------------------------------------------
    def _on_mark_attended_triggered(self) -> None:
        if self.shown is None:
            return
        self.mark_attended(self.bar.speaker_id)

    # -- the selected note -------------------------------------------------------------
    def selected_note(self) -> Note | None:
        return current_record(self.notes_view, self.notes)

    def _on_edit_note_clicked(self) -> None:
        index = self.notes_view.currentIndex()
        if not index.isValid():
            return
        if not self.notes.flags(index) & Qt.ItemFlag.ItemIsEditable:
            index = self.notes.index(index.row(), self.notes.column_index(self.tr("Note")))
        self.notes_view.setCurrentIndex(index)
        self.notes_view.edit(index)

    def _on_delete_note(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.context.editor.delete(Note, note.id, self.tr("Delete note"))

    def _people_choices(self, project_id: int) -> list[tuple[int, str]]:
        label = self.context.label
        return [(p.id, f"{p.name} — {label(Role(p.role))}") for p in people.list_people(project_id)]

    def _on_action_clicked(self) -> None:
        shown = self.shown
        if shown is None:
            return
        meeting_id = shown.meeting_id
        note = self.selected_note()
        note_id = note.id if note is not None else None
        meeting = meetings.get_meeting(meeting_id)
        held = meeting.starts_at.date() if meeting.starts_at else self.context.now().date()
        base = max(held, self.context.now().date())
        default_due = base + dt.timedelta(days=DEFAULT_ACTION_DAYS)

        def save(values: ActionValues) -> bool:
            made = self.context.editor.create(
                ActionItem,
                lambda: capture.quick_action(
                    meeting_id,
                    values.title,
                    owner_id=values.owner_id,
                    due_date=values.due_date,
                    note_id=note_id,
                    needs_client_assistance=values.needs_client_assistance,
                )[0],
                self.tr("Add action item"),
            )
            return made is not None

        dialog = ActionItemDialog(
            note.text[:500] if note is not None else "",
            self._people_choices(shown.project_id),
            default_due,
            save,
            self,
            owner_id=note.speaker_id if note is not None else None,
            internal_source=note is not None and note.internal,
        )
        dialog.exec()

    def _on_observe_clicked(self) -> None:
        note = self.selected_note()
        self._observe(note.speaker_id if note is not None else self.bar.speaker_id, note)

    def _on_value_clicked(self) -> None:
        note = self.selected_note()
        self._value_outcome(note.speaker_id if note is not None else None, note)
