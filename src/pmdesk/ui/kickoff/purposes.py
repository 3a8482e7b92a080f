"""Purposes: the kickoff's four purposes, met or not yet, and the selected one's evidence.

The evidence pane follows the purposes view's current row (`currentChanged`) and keeps
the id of the purpose it shows: what is typed there is saved into that purpose, even if
the user has clicked another row meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from pmdesk.models import KickoffPurpose, Note, NoteKind, Purpose, PurposeNote, PurposeState
from pmdesk.services import Changes, kickoff, meetings
from pmdesk.ui.dialogs.kickoff_pickers import EvidenceDialog
from pmdesk.ui.kickoff.section import DELETE, INSERT, KickoffSection
from pmdesk.ui.models.records import DONE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.tables import fit_columns, record_table

Index = QModelIndex | QPersistentModelIndex


class EvidenceEdit(QPlainTextEdit):
    """Free-text evidence, saved when the cursor leaves it or on Ctrl+Enter."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit(self.toPlainText())
            return
        super().keyPressEvent(event)


class PurposesSection(KickoffSection):
    """The four purposes over the evidence of the current one (text and linked notes)."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.counts: dict[int, int] = {}
        #: The purpose the evidence pane was opened for: edits there go to it.
        self.shown_id: int | None = None
        self._build_models()
        self.link_notes_action = self.action(
            self.tr("Link notes…"), self._on_link_notes_triggered, INSERT
        )
        self.unlink_note_action = self.action(
            self.tr("Unlink note"), self._on_unlink_note_triggered, DELETE
        )
        self._build_layout()
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.evidence_edit.committed.connect(self._on_evidence_edit_committed)

    def _build_models(self) -> None:
        label, choices = self.context.label, self.context.choices
        edit = self.editor_for(Purpose)
        self.model = RecordTableModel[Purpose](
            [
                Column(self.tr("Purpose"), lambda p: label(KickoffPurpose(p.purpose))),
                Column(
                    self.tr("State"),
                    lambda p: p.state,
                    display=lambda p: label(PurposeState(p.state)),
                    choices=choices(PurposeState),
                    edit=edit("state", self.tr("Change purpose state")),
                ),
                Column(
                    self.tr("Evidence"),
                    lambda p: p.evidence,
                    stretch=True,
                    edit=edit("evidence", self.tr("Edit purpose evidence")),
                ),
                Column(self.tr("Notes"), lambda p: self.counts.get(p.id, 0), align_right=True),
            ],
            self,
        )
        self.model.background = lambda p: DONE_BRUSH if p.state == PurposeState.MET else None
        self.notes = RecordTableModel[Note](
            [
                Column(self.tr("Meeting"), lambda n: n.meeting.title),
                Column(self.tr("Speaker"), lambda n: n.speaker.name if n.speaker else ""),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(self.tr("Note"), lambda n: n.text, stretch=True),
                Column(self.tr("Internal"), lambda n: self.tr("internal") if n.internal else ""),
            ],
            self,
        )

    def _build_layout(self) -> None:
        self.view = self.table(self.model, self.tr("Kickoff purposes"), sortable=False)
        self.evidence_edit = EvidenceEdit(self)
        self.evidence_edit.setAccessibleName(self.tr("Evidence for the selected purpose"))
        self.evidence_edit.setPlaceholderText(
            self.tr("What shows this purpose is met (saved when you leave the box, or Ctrl+Enter)")
        )
        self.evidence_edit.setTabChangesFocus(True)
        self.keeper = DraftKeeper(self.evidence_edit, self._draft_key, self._project_id)
        evidence_box = QWidget(self)
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_label = QLabel(self.tr("Evidence"), evidence_box)
        self.evidence_label.setBuddy(self.evidence_edit)
        self.evidence_label.setWordWrap(True)
        evidence_layout.addWidget(self.evidence_label)
        evidence_layout.addWidget(self.evidence_edit)
        notes_box = QWidget(self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addLayout(
            self.button_row(notes_box, [self.link_notes_action, self.unlink_note_action])
        )
        self.notes_view = record_table(self.notes, self.tr("Notes linked as evidence"), notes_box)
        notes_layout.addWidget(self.notes_view)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("kickoffEvidenceSplitter")
        lower.addWidget(evidence_box)
        lower.addWidget(notes_box)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("kickoffPurposesSplitter")
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        # Four long sentences: wrapped, so the purposes read in full.
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((0, 300), (1, 90), (3, 60)):
            self.view.horizontalHeader().resizeSection(column, width)
        self.splitters = [split, lower]

    # -- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        meeting = self.meeting
        self.counts = meetings.evidence_counts(meeting.id) if meeting else {}
        rows = meetings.purposes(meeting.id) if meeting else []
        self.refill(self.view, self.model, rows, first=True)
        self._show_evidence(self.current(self.view))

    def count_text(self) -> str:
        rows = self.model.all_rows()
        met = sum(p.state == PurposeState.MET for p in rows)
        return f"{met}/{len(rows)}"

    def _purpose(self, purpose_id: int | None) -> Purpose | None:
        """The purpose with this id as last loaded (its row_version is what was shown)."""
        return next((p for p in self.model.all_rows() if p.id == purpose_id), None)

    def _on_view_current_changed(self, current: Index, _previous: Index) -> None:
        self._show_evidence(self.model.row(current.row()) if current.isValid() else None)

    def _show_evidence(self, purpose: Purpose | None) -> None:
        switched = (purpose.id if purpose else None) != self.shown_id
        self.shown_id = purpose.id if purpose is not None else None
        self.evidence_edit.setEnabled(purpose is not None)
        self.link_notes_action.setEnabled(purpose is not None)
        if purpose is None:
            self.evidence_edit.setPlainText("")
            self.evidence_label.setText(self.tr("Evidence: select a purpose above"))
            self.notes.set_rows([])
            return
        self.evidence_label.setText(
            self.tr("Evidence for: {purpose}").format(
                purpose=self.context.label(KickoffPurpose(purpose.purpose))
            )
        )
        if switched or self.evidence_edit.toPlainText() != purpose.evidence:
            self.evidence_edit.setPlainText(purpose.evidence)
        if self.keeper.restore():
            self.evidence_label.setText(
                self.evidence_label.text()
                + " — "
                + self.tr("restored what you typed and had not saved; leave the box to save it")
            )
        self.notes.set_rows(meetings.evidence_notes(purpose.id))
        fit_columns(self.notes_view)

    # -- saving ------------------------------------------------------------------------
    def _project_id(self) -> int | None:
        return self.meeting.project_id if self.meeting is not None else None

    def _draft_key(self) -> str | None:
        return f"evidence:{self.shown_id}" if self.shown_id is not None else None

    def _on_evidence_edit_committed(self, text: str) -> None:
        purpose = self._purpose(self.shown_id)
        if purpose is None:
            return
        saved = text == purpose.evidence or self.edit(
            Purpose,
            purpose.id,
            {"evidence": text},
            self.tr("Edit purpose evidence"),
            version=purpose.row_version,
        )
        if saved:  # a refused text stays a draft, so it is not lost either
            self.keeper.discard()

    def _on_link_notes_triggered(self) -> None:
        purpose = self._purpose(self.shown_id)
        if purpose is None or self.meeting is None:
            return
        label = self.context.label
        notes = []
        for note in meetings.project_notes(self.meeting.project_id):
            speaker = note.speaker.name if note.speaker else self.tr("(no speaker)")
            when = f"{note.meeting.starts_at:%Y-%m-%d}" if note.meeting.starts_at else ""
            flag = " " + self.tr("[internal]") if note.internal else ""
            text = f"{when} · {speaker} · {label(NoteKind(note.kind))}{flag}: {note.text}"
            notes.append((note.id, text.replace("\n", " "), f"{note.meeting.title}\n\n{note.text}"))
        linked = [n.id for n in meetings.evidence_notes(purpose.id)]
        dialog = EvidenceDialog(label(KickoffPurpose(purpose.purpose)), notes, linked, self)
        purpose_id = purpose.id

        def save() -> None:
            change = kickoff.set_evidence(purpose_id, dialog.chosen())
            if change.before != change.after:
                self._record_evidence(change, self.tr("Link evidence notes"))

        self.run_form(dialog, save)

    def _record_evidence(self, change: kickoff.EvidenceChange, text: str) -> None:
        self.context.editor.record(
            text,
            redo=lambda: kickoff.set_evidence(change.purpose_id, change.after),
            undo=lambda: kickoff.set_evidence(change.purpose_id, change.before),
            changes=Changes.of(PurposeNote),
        )

    def _on_unlink_note_triggered(self) -> None:
        note = self.current(self.notes_view)
        if self.shown_id is None or note is None:
            return
        kept = [n.id for n in self.notes.all_rows() if n.id != note.id]
        change = kickoff.set_evidence(self.shown_id, kept)
        self._record_evidence(change, self.tr("Unlink evidence note"))
