"""The Decisions tab: the project's decision log, filtered; supersede, revoke, export.

The log is the decision notes of every meeting (services.decisions); this view adds
what happened to each later. Internal decisions are shown (this is the team's tool) and
marked; the client export leaves them out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import ActionItem, ActionStatus, Decision, DecisionStatus, Meeting, Note
from pmdesk.services import ValidationProblem, decisions, projects
from pmdesk.services.capture import Reversible
from pmdesk.services.decisions import DecisionEntry, LinkedAction
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.tables import fit_columns, record_table


class DecisionsTab(ProjectTab):
    watches = (Note, Decision, Meeting, ActionItem)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("decisionsTab")
        self.open_files = True
        self._entries: list[DecisionEntry] = []
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("decisionStatusFilter")
        self.status_box.addItem(self.tr("All decisions"), None)
        for status in DecisionStatus:
            self.status_box.addItem(context.label(status), status.value)
        self.internal_box = QCheckBox(self.tr("Show &internal decisions"), self)
        self.internal_box.setChecked(True)
        self.model: RecordTableModel[DecisionEntry] = RecordTableModel(
            [
                Column(self.tr("Date"), lambda e: e.decided_on),
                Column(self.tr("Meeting"), lambda e: e.meeting_title),
                Column(self.tr("Decision"), lambda e: e.text, stretch=True),
                Column(self.tr("Decided by"), lambda e: e.decided_by),
                Column(self.tr("Status"), lambda e: self._status_text(e)),
                Column(self.tr("Internal"), lambda e: self.tr("internal") if e.internal else ""),
                Column(
                    self.tr("Follow-up actions"),
                    lambda e: "; ".join(a.title for a in e.actions),
                ),
            ],
            self,
        )
        self.table = record_table(self.model, self.tr("Decisions"), self)
        self.table.setObjectName("decisionsTable")
        self.actions_model: RecordTableModel[LinkedAction] = RecordTableModel(
            [
                Column(self.tr("Follow-up action"), lambda a: a.title, stretch=True),
                Column(self.tr("Owner"), lambda a: a.owner),
                Column(self.tr("Due"), lambda a: a.due_date),
                Column(self.tr("Status"), lambda a: context.label_of(ActionStatus, a.status)),
            ],
            self,
        )
        self.actions_table = record_table(
            self.actions_model, self.tr("Follow-up actions of the decision"), self
        )
        self.actions_table.setObjectName("decisionActionsTable")
        self.supersede_button = QPushButton(self.tr("&Superseded by…"), self)
        self.revoke_button = QPushButton(self.tr("Rev&oke…"), self)
        self.reactivate_button = QPushButton(self.tr("Make &active again"), self)
        self.export_action = QAction(self.tr("Decision log for the client (.xlsx)…"), self)
        self.export_button = QPushButton(self.tr("E&xport for the client…"), self)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        label = QLabel(self.tr("S&how:"), self)
        label.setBuddy(self.status_box)
        filters.addWidget(label)
        filters.addWidget(self.status_box)
        filters.addWidget(self.internal_box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.supersede_button, self.revoke_button, self.reactivate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("decisionsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(group(self.tr("Follow-up actions"), self.actions_table, self))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.status_box.currentIndexChanged.connect(self._on_filter_changed)
        self.internal_box.toggled.connect(self._on_filter_changed)
        self.supersede_button.clicked.connect(self._on_supersede_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.reactivate_button.clicked.connect(self._on_reactivate_clicked)
        self.export_button.clicked.connect(self._on_export_triggered)
        self.export_action.triggered.connect(self._on_export_triggered)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def export_actions(self) -> list[QAction]:
        return [self.export_action]

    def _status_text(self, entry: DecisionEntry) -> str:
        text = self.context.label(entry.status)
        if entry.status == DecisionStatus.SUPERSEDED and entry.superseded_by_text:
            text = self.tr("%1 by: %2").replace("%1", text).replace("%2", entry.superseded_by_text)
        return text

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self._entries = decisions.list_decisions(self.project_id) if self.project_id else []
        self.model.set_rows(self._entries)
        self._apply_filter()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            # The latest decision with follow-up actions, else the latest.
            rows = self.model.rows()
            first = next((n for n, e in enumerate(rows) if e.actions), 0)
            self.table.setCurrentIndex(self.model.index(first, 2))
        fit_columns(self.table)
        self._update_buttons()

    def _apply_filter(self) -> None:
        wanted = self.status_box.currentData()
        internal = self.internal_box.isChecked()
        self.model.set_filter(
            lambda e: (wanted is None or e.status.value == wanted) and (internal or not e.internal)
        )
        self.count_label.setText(self.tr("%n decision(s)", "", len(self.model.rows())))

    def current_entry(self) -> DecisionEntry | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select_decision(self, note_id: int) -> bool:
        """Show one decision (search opens it here)."""
        self.ensure_loaded()
        self.status_box.setCurrentIndex(0)
        self.internal_box.setChecked(True)
        for row, entry in enumerate(self.model.rows()):
            if entry.note_id == note_id:
                self.table.setCurrentIndex(self.model.index(row, 2))
                return True
        return False

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        self.actions_model.set_rows(list(entry.actions) if entry else [])
        active = entry is not None and entry.status == DecisionStatus.ACTIVE
        self.supersede_button.setEnabled(active)
        self.revoke_button.setEnabled(active)
        self.reactivate_button.setEnabled(entry is not None and not active)
        self.export_button.setEnabled(self.project_id is not None)

    # -- actions -------------------------------------------------------------------------
    def _record(self, text: str, change: Reversible) -> None:
        self.context.editor.record(text, redo=change.redo, undo=change.undo, changes=change.changes)

    def _run(self, text: str, action: object) -> None:
        try:
            change = action() if callable(action) else None
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        if isinstance(change, Reversible):
            self._record(text, change)

    def _on_supersede_clicked(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        later = [e for e in self._entries if e.note_id != entry.note_id]
        if not later:
            self.context.editor.report(self.tr("There is no other decision to supersede it."))
            return
        labels = [f"{e.decided_on or ''} · {e.text}" for e in later]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Superseded by"),
            self.tr("The decision that replaces it:"),
            labels,
            0,
            False,
        )
        if not ok:
            return
        by = later[labels.index(choice)]
        self._run(
            self.tr("Decision superseded"), lambda: decisions.supersede(entry.note_id, by.note_id)
        )

    def _on_revoke_clicked(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        comment, ok = QInputDialog.getText(self, self.tr("Revoke decision"), self.tr("Why:"))
        if ok:
            self._run(
                self.tr("Decision revoked"),
                lambda: decisions.revoke(entry.note_id, comment=comment),
            )

    def _on_reactivate_clicked(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._run(self.tr("Decision active again"), lambda: decisions.reactivate(entry.note_id))

    def _on_export_triggered(self) -> None:
        if self.project_id is None:
            return
        project = projects.get_project(self.project_id)
        name = (
            f"{project.code or project.name} {self.tr('decisions')} {self.context.now():%Y-%m-%d}"
        )
        run_export(
            self, self.context.settings, "decisions", self.project_id, name,
            open_after=self.open_files,
        )  # fmt: skip

    def _on_filter_changed(self, *_args: object) -> None:
        self._apply_filter()
        self._update_buttons()

    def _on_current_changed(self, *_args: object) -> None:
        self._update_buttons()
