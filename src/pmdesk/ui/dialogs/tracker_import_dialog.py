"""The preview of a tracker import: every change listed by kind, conflicts chosen per cell,
then Apply or Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pmdesk.imports.tracker_text import describe_value, preview_sections, preview_summary
from pmdesk.imports.tracker_xlsx import Conflict, TrackerPreview
from pmdesk.models import Language
from pmdesk.services.progress import tracker_id

_Index = QModelIndex | QPersistentModelIndex


class ConflictModel(QAbstractTableModel):
    """The preview's conflicts, one per row; the first column's tick takes the client's value."""

    def __init__(self, conflicts: list[Conflict], language: Language, parent: QWidget) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.language = language
        self.headers = [
            self.tr("Take the client's"),
            self.tr("Step"),
            self.tr("Field"),
            self.tr("Sent"),
            self.tr("pmdesk now"),
            self.tr("Client's"),
            self.tr("Chosen before"),
        ]
        self.field_names = {
            "status": self.tr("Status"),
            "completed_on": self.tr("Completed on"),
            "client_comment": self.tr("Client comment"),
        }

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if conflict.take_client else Qt.CheckState.Unchecked
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        value = {
            1: f"{tracker_id(conflict.number)} {conflict.title}",
            2: self.field_names.get(conflict.field, conflict.field),
            3: conflict.sent,
            4: conflict.ours,
            5: conflict.theirs,
            6: self._chosen_before(conflict),
        }.get(column)
        if column in (3, 4, 5):
            return describe_value(conflict.field, value, self.language)
        return value

    def _chosen_before(self, conflict: Conflict) -> str:
        """What the PM chose at an earlier import of the same export, and when."""
        if conflict.chosen_on is None:
            return ""
        return self.tr("{choice} on {date}").format(
            choice=self.tr("took the client's")
            if conflict.take_client
            else self.tr("kept pmdesk's"),
            date=conflict.chosen_on.isoformat(),
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.conflicts[index.row()].take_client = checked
        self.dataChanged.emit(index, index, [role])
        return True


class TrackerImportDialog(QDialog):
    """Shows what importing the client's tracker would change; Apply accepts."""

    def __init__(
        self, preview: TrackerPreview, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import tracker"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr(
                "{file} — changes from the client: {changes}; conflicts: {conflicts}; new "
                "steps: {new}. Nothing is saved until you apply; Edit → Undo takes the whole "
                "import back."
            ).format(
                file=preview.file_name,
                changes=len(preview.changes),
                conflicts=len(preview.conflicts),
                new=len(preview.new_steps),
            ),
            self,
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.status = QLabel(preview_summary(preview, language), self)
        self.status.setWordWrap(True)
        self.status.setVisible(bool(self.status.text()))
        layout.addWidget(self.status)

        self.changes = QListWidget(self)
        self.changes.setAccessibleName(self.tr("Changes in the tracker"))
        self.changes.setWordWrap(True)
        bold = QFont(self.changes.font())
        bold.setBold(True)
        for title, lines in preview_sections(preview, language, conflicts=False):
            heading = QListWidgetItem(title, self.changes)
            heading.setFont(bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for line in lines:
                QListWidgetItem(line, self.changes)
        if self.changes.count() == 0:
            self.changes.addItem(self.tr("No changes to import."))
        layout.addWidget(self.changes, 3)

        self.conflict_model = ConflictModel(preview.conflicts, language, self)
        self.conflicts = QTableView(self)
        self.conflicts.setModel(self.conflict_model)
        self.conflicts.setAccessibleName(self.tr("Conflicts"))
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conflicts.verticalHeader().hide()
        if preview.conflicts:
            note = QLabel(
                self.tr(
                    "&Conflicts: the client and pmdesk both changed these cells since the "
                    "export. pmdesk's value stays unless you tick “Take the client's”."
                ),
                self,
            )
            note.setWordWrap(True)
            note.setBuddy(self.conflicts)
            layout.addWidget(note)
            layout.addWidget(self.conflicts, 2)
        else:
            self.conflicts.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = QPushButton(self.tr("&Apply all changes"), self)
        self.apply_button.setEnabled(not preview.is_empty)
        # A choice made before may be changed: then there is something to apply.
        self.preview = preview
        self.conflict_model.dataChanged.connect(self._on_conflicts_changed)
        self.apply_button.setDefault(True)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_conflicts_changed(self, *_args: object) -> None:
        self.apply_button.setEnabled(not self.preview.is_empty)
