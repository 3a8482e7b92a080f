"""File → Backups: the automatic backups, how many to keep, back up and restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pmdesk import backups, db
from pmdesk.ui.widgets.autosave import flush_all
from pmdesk.ui.widgets.forms import problem_text

KEEP_KEY = "backups/keep"


def keep_setting(settings: QSettings) -> int:
    try:
        return max(1, int(str(settings.value(KEEP_KEY, backups.DEFAULT_KEEP))))
    except (TypeError, ValueError):
        return backups.DEFAULT_KEEP


class BackupsDialog(QDialog):
    """Lists the backups of the open database; restoring keeps a copy of what it replaces."""

    def __init__(self, db_path: Path, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.db_path = db_path
        self.settings = settings
        self.restored = False

        folder = QLabel(self.tr("Kept in {folder}").format(folder=db.backup_folder(db_path)), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 999)
        self.keep.setValue(keep_setting(settings))
        self.keep.setAccessibleName(self.tr("Automatic backups to keep"))
        self.keep.valueChanged.connect(self._on_keep_value_changed)
        form = QFormLayout()
        form.addRow(self.tr("&Keep the newest:"), self.keep)

        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.restore_button = QPushButton(self.tr("&Restore selected…"), self)
        self.file_button = QPushButton(self.tr("Restore from &file…"), self)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.file_button.clicked.connect(self._on_file_button_clicked)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(folder)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(620, 420)
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        reasons = {
            "start": self.tr("on start"),
            "daily": self.tr("daily"),
            "before-import": self.tr("before an import"),
            "before-migration": self.tr("before an upgrade"),
            "before-restore": self.tr("before a restore"),
        }
        for backup in backups.list_backups(self.db_path):
            text = "{when}  ·  {why}  ·  {size:,} KB".format(
                when=backup.made_at.strftime("%Y-%m-%d %H:%M:%S"),
                why=reasons.get(backup.reason, backup.reason),
                size=max(1, backup.size // 1024),
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        read_only = db.state is not None and db.state.read_only
        self.backup_button.setEnabled(not read_only)
        self.restore_button.setEnabled(bool(self.list.selectedItems()) and not read_only)
        self.file_button.setEnabled(not read_only)

    def _on_keep_value_changed(self, value: int) -> None:
        self.settings.setValue(KEEP_KEY, value)
        backups.rotate(self.db_path, value)
        self._fill()

    def _on_backup_button_clicked(self) -> None:
        try:
            backups.make_backup("daily", keep=self.keep.value())
        except (OSError, db.DatabaseProblem) as problem:  # a full disk, a damaged file
            QMessageBox.warning(self, self.tr("Backup failed"), problem_text(problem))
        self._fill()

    def _on_restore_button_clicked(self) -> None:
        items = self.list.selectedItems()
        if items:
            self._restore(Path(items[0].data(Qt.ItemDataRole.UserRole)))

    def _on_file_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from file"),
            str(db.backup_folder(self.db_path)),
            self.tr("pmdesk databases (*.db)"),
        )
        if name:
            self._restore(Path(name))

    def _restore(self, source: Path) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Replace everything in {name} with the backup {backup}? A copy of the "
                "current data is kept as a backup first."
            ).format(name=self.db_path.name, backup=source.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        flush_all()  # the copy kept of the current data holds what was just typed
        try:
            backups.restore(source, self.db_path)
        except db.DatabaseProblem as problem:
            QMessageBox.warning(self, self.tr("Not restored"), problem_text(problem))
            return
        self.restored = True
        self._fill()
        QMessageBox.information(self, self.tr("Restore"), self.tr("The backup was restored."))
