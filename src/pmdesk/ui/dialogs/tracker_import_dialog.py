"""The preview of a tracker import: every change listed, then Apply or Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.imports.tracker_xlsx import TrackerPreview, preview_lines
from pmdesk.models import Language


class TrackerImportDialog(QDialog):
    """Shows what importing the client's tracker would change; Apply accepts."""

    def __init__(
        self, preview: TrackerPreview, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import tracker"))
        self.resize(760, 460)
        lines = preview_lines(preview, language)
        summary = QLabel(
            self.tr(
                "{file}: {changes} changes to steps, {new} new steps. Nothing is saved until "
                "you apply; Edit → Undo takes the whole import back."
            ).format(
                file=preview.file_name,
                changes=len(preview.changes),
                new=len(preview.new_steps),
            ),
            self,
        )
        summary.setWordWrap(True)
        self.changes = QListWidget(self)
        self.changes.setAccessibleName(self.tr("Changes in the tracker"))
        self.changes.addItems(lines or [self.tr("No changes to import.")])
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.changes, 3)
        if preview.notices:
            note = QLabel(self.tr("Not imported (for you to follow up):"), self)
            self.notices = QListWidget(self)
            self.notices.setAccessibleName(self.tr("Notices"))
            self.notices.addItems(preview.notices)
            note.setBuddy(self.notices)
            layout.addWidget(note)
            layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = QPushButton(self.tr("&Apply all changes"), self)
        self.apply_button.setEnabled(not preview.is_empty)
        self.apply_button.setDefault(True)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
