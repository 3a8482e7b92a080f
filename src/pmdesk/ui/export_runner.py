"""Running an export from the UI: ask where, write it safely, say what happened.

A target that cannot be written is answered where it can be: a file held open by Word
gets a free name beside it; a folder pmdesk may not write in (or the database's own
files) gets a file dialog in a place it may. A written file is announced in the main
window's status bar with where it is, and "Open" / "Show in folder".
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QWidget,
)

from pmdesk.exports import EXPORTS, ExportFunction, ExportOptions
from pmdesk.exports.files import ExportProblem, ProtectedTarget, alternative_name
from pmdesk.services import NotFound, ValidationProblem
from pmdesk.ui.widgets.forms import problem_text

FOLDER_KEY = "exports/folder"
#: How long the "exported to …" notice stays in the status bar.
NOTICE_MS = 30_000


def safe_file_name(name: str) -> str:
    """A file name from a title: no characters Windows refuses, no trailing dots."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", cleaned).strip(" .")[:120] or "export"


def run_export(
    parent: QWidget,
    settings: QSettings,
    kind_name: str,
    record_id: int,
    suggested_name: str,
    options: ExportOptions | None = None,
    *,
    open_after: bool = True,
    function: ExportFunction | None = None,
) -> Path | None:
    """Ask for a file name, write the export, say where it is (and open it when
    `open_after`); None if cancelled or failed.

    `function` replaces the registered export, e.g. a partial with export-specific
    choices (the minutes' grouping)."""
    kind = EXPORTS[kind_name]
    folder = Path(str(settings.value(FOLDER_KEY, str(Path.home()))))
    if not _writable(folder):
        folder = writable_folder()
    path = _ask_target(parent, folder / (safe_file_name(suggested_name) + kind.suffix), kind.suffix)
    if path is None:
        return None
    while True:
        try:
            write = function or kind.load()
            written = write(record_id, path, options or ExportOptions())
        except ExportProblem as problem:
            retry = _another_target(parent, path, kind.suffix, problem)
            if retry is None:
                return None
            path = retry
            continue
        except (NotFound, ValidationProblem) as problem:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("export", "Export not written"),
                problem_text(problem),
            )
            return None
        break
    settings.setValue(FOLDER_KEY, str(written.parent))
    announce(parent, written)
    if open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return written


def _ask_target(parent: QWidget, suggested: Path, suffix: str) -> Path | None:
    filters = {
        ".docx": QCoreApplication.translate("export", "Word documents (*.docx)"),
        ".xlsx": QCoreApplication.translate("export", "Excel workbooks (*.xlsx)"),
        ".ics": QCoreApplication.translate("export", "Calendar invitations (*.ics)"),
        ".eml": QCoreApplication.translate("export", "Email drafts (*.eml)"),
    }
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export", "Export"),
        str(suggested),
        filters.get(suffix, ""),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _another_target(
    parent: QWidget, path: Path, suffix: str, problem: ExportProblem
) -> Path | None:
    """Where to try next after `problem`, as the user chooses; None to give up."""
    if _writable(path.parent) and not isinstance(problem, ProtectedTarget):
        # The file itself is held (open in Word): a free name beside it.
        other = alternative_name(path)
        answer = QMessageBox.warning(
            parent,
            QCoreApplication.translate("export", "Export not written"),
            f"{problem}\n\n"
            + QCoreApplication.translate("export", "Save as {name} instead?").format(
                name=other.name
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        )
        return other if answer == QMessageBox.StandardButton.Save else None
    # The folder cannot be written (or is the database's): another name there would
    # fail the same way, so the user picks a place that can be.
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("export", "Export not written"),
        f"{problem}\n\n"
        + QCoreApplication.translate("export", "Choose another folder to save it in?"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Save:
        return None
    return _ask_target(parent, writable_folder() / path.name, suffix)


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def writable_folder() -> Path:
    """A folder the user can write in: Documents, else home, else the temporary folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (documents, str(Path.home()), tempfile.gettempdir()):
        if candidate and _writable(Path(candidate)):
            return Path(candidate)
    return Path.home()


def announce(parent: QWidget, written: Path) -> None:
    """Say in the main window's status bar where `written` is, with Open / Show in folder."""
    window = _main_window(parent)
    if window is None:
        return
    window.statusBar().clearMessage()  # the newest news: it replaces "Saved."
    previous = window.findChild(ExportNotice)
    if previous is not None:
        window.statusBar().removeWidget(previous)
        previous.deleteLater()
    notice = ExportNotice(written, window)
    window.statusBar().addWidget(notice, 1)
    notice.show()


def _main_window(widget: QWidget | None) -> QMainWindow | None:
    while widget is not None:
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    active = QApplication.activeWindow()
    return active if isinstance(active, QMainWindow) else None


class ExportNotice(QWidget):
    """ "Exported to <path>" with Open and Show in folder, for a while in the status bar."""

    def __init__(self, written: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.written = written
        self.label = QLabel(
            QCoreApplication.translate("export", "Exported to {path}").format(path=written), self
        )
        self.label.setToolTip(str(written))
        self.open_button = QPushButton(QCoreApplication.translate("export", "Open"), self)
        self.folder_button = QPushButton(
            QCoreApplication.translate("export", "Show in folder"), self
        )
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTICE_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    def _on_open_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def _on_folder_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def _on_timer_timeout(self) -> None:
        self.hide()
