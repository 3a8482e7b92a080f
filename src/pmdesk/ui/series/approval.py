"""Minutes approval for one meeting: each sending, the client's answer; approve or
return with changes (a new version is sent as a new distribution)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import Approval, MinutesDistribution
from pmdesk.services import ValidationProblem, approval, capture
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns, record_table


class ApprovalDialog(QDialog):
    """Who answered, and their comments (approval or the changes asked for)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(title)
        self.who = QLineEdit(self)
        self.who.setObjectName("approvedBy")
        self.comments = QPlainTextEdit(self)
        self.comments.setObjectName("approvalComments")
        form = QFormLayout()
        form.addRow(self.tr("&Who (may be outside the team):"), self.who)
        form.addRow(self.tr("&Comments:"), self.comments)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.buttons = buttons


class ApprovalSection(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalSection")
        self.context = context
        self.meeting_id: int | None = None
        self.model: RecordTableModel[MinutesDistribution] = RecordTableModel(
            [
                Column(self.tr("Version"), lambda d: d.version),
                Column(self.tr("Sent"), lambda d: d.sent_at),
                Column(self.tr("Answer"), lambda d: context.label_of(Approval, d.approval)),
                Column(self.tr("By"), lambda d: d.approved_by),
                Column(self.tr("On"), lambda d: d.approved_at),
                Column(self.tr("Comments"), lambda d: d.approval_comments, stretch=True),
            ],
            self,
        )
        self.table = record_table(self.model, self.tr("Minutes sent"), self)
        self.table.setObjectName("approvalTable")
        self.approve_button = QPushButton(self.tr("&Approved by the client…"), self)
        self.return_button = QPushButton(self.tr("Returned with &changes…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self._on_approve_clicked)
        self.return_button.clicked.connect(self._on_return_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.reload()

    def reload(self) -> None:
        rows = capture.distributions(self.meeting_id) if self.meeting_id else []
        self.model.set_rows(rows)
        fit_columns(self.table)
        if rows:
            self.table.setCurrentIndex(self.model.index(len(rows) - 1, 0))
        self._update_buttons()

    def current(self) -> MinutesDistribution | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        record = self.current()
        pending = record is not None and record.sent_at is not None
        self.approve_button.setEnabled(pending)
        self.return_button.setEnabled(pending)

    def _ask(self, title: str) -> tuple[str, str] | None:
        dialog = ApprovalDialog(title, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.who.text(), dialog.comments.toPlainText()

    def _on_approve_clicked(self) -> None:
        record = self.current()
        answer = self._ask(self.tr("Minutes approved")) if record else None
        if record is None or answer is None:
            return
        try:
            change = approval.record_approval(record.id, approved_by=answer[0], comments=answer[1])
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        self.context.editor.record(
            self.tr("Minutes approved"), redo=change.redo, undo=change.undo, changes=change.changes
        )

    def _on_return_clicked(self) -> None:
        record = self.current()
        answer = self._ask(self.tr("Minutes returned with changes")) if record else None
        if record is None or answer is None:
            return
        try:
            change = approval.return_with_changes(
                record.id, returned_by=answer[0], comments=answer[1]
            )
        except ValidationProblem as problem:
            self.context.editor.report(str(problem))
            return
        self.context.editor.record(
            self.tr("Minutes returned"), redo=change.redo, undo=change.undo, changes=change.changes
        )

    def _on_current_changed(self, *_args: object) -> None:
        self._update_buttons()
