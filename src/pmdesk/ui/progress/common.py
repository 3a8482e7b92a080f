"""What the Progress sections share: the plan on screen, saving through the editor, the
step colours, and writing a file the user chose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.files import ExportProblem
from pmdesk.models import ActionItem, ActionStatus, Language, Person
from pmdesk.services import Changes, NotFound, ValidationProblem, progress
from pmdesk.services.common import FieldEdit, apply_edit
from pmdesk.services.projects import get_project
from pmdesk.ui.export_runner import safe_file_name
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import plain_label, problem_text

FLAG_BRUSH = QBrush(QColor("#ffe8a3"))  # carried over three times: raise it


@dataclass
class PlanShown:
    """The project's plan as loaded once per reload, for every section."""

    project_id: int
    today: dt.date
    people: list[Person] = field(default_factory=list)
    actions: list[ActionItem] = field(default_factory=list)


def button(text: str, parent: QWidget, slot: Callable[[], object], tip: str = "") -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setAccessibleName(plain_label(text))
    if tip:
        widget.setToolTip(tip)
    widget.clicked.connect(slot)
    return widget


def bar(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


def field_value(record: Any, name: str) -> Any:
    """A field's value as a dialog gives it back (a foreign key as its id)."""
    model_field = record._meta.fields[name]
    if hasattr(model_field, "rel_model"):
        return record.__data__.get(name)
    return getattr(record, name)


def as_date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    if hasattr(value, "toPython"):  # a QDate from the date editor
        value = value.toPython()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


class ProgressSection(QWidget):
    """One section of the Progress tab over the plan shown."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.shown: PlanShown | None = None
        #: Open written files in their program (tests turn it off).
        self.open_files = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.layout_ = layout

    @property
    def project_id(self) -> int | None:
        return self.shown.project_id if self.shown is not None else None

    @property
    def people(self) -> list[Person]:
        return self.shown.people if self.shown is not None else []

    def show_plan(self, shown: PlanShown | None) -> None:
        raise NotImplementedError

    def _today(self) -> dt.date:
        return self.context.now().date()

    # -- the steps' colours --------------------------------------------------------------
    def _plan_brush(self, action: ActionItem) -> QBrush | None:
        if action.status == ActionStatus.DONE:
            return DONE_BRUSH
        if progress.is_flagged(action):
            return FLAG_BRUSH
        if progress.is_overdue(action, self._today()):
            return OVERDUE_BRUSH
        return None

    # -- saving through the editor -------------------------------------------------------
    def _record_edits(self, edits: list[FieldEdit], text: str, model: type[Any]) -> None:
        self.context.editor.record(
            text,
            redo=lambda: [apply_edit(e) for e in edits],
            undo=lambda: [apply_edit(e.inverse()) for e in reversed(edits)],
            changes=Changes.of(model),
        )

    def _edit_action(self, action: ActionItem, values: dict[str, Any], text: str) -> bool:
        """Change fields of a step after the service's checks (owner, dates); undoable."""
        try:
            edit = self.context.editor.attempt(
                lambda v: progress.update_action(action.id, values, version=v),
                action.row_version,
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(problem_text(problem))
            return False
        if edit is None:
            return False
        self._record_edits([edit], text, ActionItem)
        return True

    def _edit_record(self, record: Any, values: dict[str, Any], text: str) -> bool:
        return self.context.editor.edit_record(record, values, text)

    def _default_lead(self) -> int | None:
        lead = progress.client_lead(self.project_id) if self.project_id else None
        return lead.id if lead is not None else None

    # -- files ---------------------------------------------------------------------------
    def _document_language(self) -> Language:
        if self.project_id is None:
            return self.context.language
        project = get_project(self.project_id)
        return document_language(project.document_language, ExportOptions())

    def _save_file(
        self, name: str, suffix: str, filter_text: str, write: Callable[[Path], Path]
    ) -> Path | None:
        """Ask where, write, and open the file; a problem is shown, nothing half-written."""
        folder = Path(str(self.context.settings.value("exports/folder", str(Path.home()))))
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), str(folder / (safe_file_name(name) + suffix)), filter_text
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            written = write(path)
        except (ExportProblem, ValidationProblem, NotFound) as problem:
            QMessageBox.warning(self, self.tr("Export not written"), problem_text(problem))
            return None
        self.context.settings.setValue("exports/folder", str(written.parent))
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        return written
