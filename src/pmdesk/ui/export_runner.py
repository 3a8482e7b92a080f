"""Running an export from the UI: ask where, write it safely, say what happened."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pmdesk.exports import EXPORTS, ExportFunction, ExportOptions
from pmdesk.exports.files import ExportProblem, alternative_name
from pmdesk.services import NotFound, ValidationProblem

FOLDER_KEY = "exports/folder"


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
    """Ask for a file name, write the export, open it; None if cancelled or failed.

    `function` replaces the registered export, e.g. a partial with export-specific
    choices (the minutes' grouping)."""
    kind = EXPORTS[kind_name]
    folder = Path(str(settings.value(FOLDER_KEY, str(Path.home()))))
    target = folder / (safe_file_name(suggested_name) + kind.suffix)
    filters = {
        ".docx": QCoreApplication.translate("export", "Word documents (*.docx)"),
        ".xlsx": QCoreApplication.translate("export", "Excel workbooks (*.xlsx)"),
        ".ics": QCoreApplication.translate("export", "Calendar invitations (*.ics)"),
        ".eml": QCoreApplication.translate("export", "Email drafts (*.eml)"),
    }
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export", "Export"),
        str(target),
        filters.get(kind.suffix, ""),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != kind.suffix:
        path = path.with_name(path.name + kind.suffix)
    while True:
        try:
            write = function or kind.load()
            written = write(record_id, path, options or ExportOptions())
        except ExportProblem as problem:
            other = alternative_name(path)
            answer = QMessageBox.warning(
                parent,
                QCoreApplication.translate("export", "Export not written"),
                str(problem)
                + "\n\n"
                + QCoreApplication.translate("export", "Save as {name} instead?").format(
                    name=other.name
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Save:
                return None
            path = other
            continue
        except (NotFound, ValidationProblem) as problem:
            QMessageBox.warning(
                parent, QCoreApplication.translate("export", "Export not written"), str(problem)
            )
            return None
        break
    settings.setValue(FOLDER_KEY, str(written.parent))
    if open_after:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return written
