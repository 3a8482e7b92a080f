"""Materials: the presentation and documents, their files, when they went to the client
and what the client added (METHOD.md §3, "看客户是否有补充")."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.models import Attachment, MaterialKind, MaterialStatus
from pmdesk.models import Material as MaterialRecord
from pmdesk.services import Changes, NotFound, ValidationProblem, kickoff, meetings
from pmdesk.ui.dialogs.kickoff_forms import MaterialDialog
from pmdesk.ui.export_runner import FOLDER_KEY, safe_file_name
from pmdesk.ui.kickoff.section import KickoffSection
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.tables import fit_columns


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class MaterialsSection(KickoffSection):
    """Materials with their stored file: attach, open, save a copy, mark sent."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label, choices = context.label, context.choices
        edit = self.editor_for(MaterialRecord)
        self.model = RecordTableModel[MaterialRecord](
            [
                Column(
                    self.tr("Material"),
                    lambda m: m.title,
                    edit=edit("title", self.tr("Rename material")),
                ),
                Column(
                    self.tr("Kind"),
                    lambda m: m.kind,
                    display=lambda m: label(MaterialKind(m.kind)),
                    choices=choices(MaterialKind),
                    edit=edit("kind", self.tr("Change material kind")),
                ),
                Column(
                    self.tr("Version"),
                    lambda m: m.version,
                    edit=edit("version", self.tr("Change version")),
                ),
                Column(self.tr("File"), self._file_text),
                Column(self.tr("Sent to client"), lambda m: m.sent_on),
                Column(
                    self.tr("Status"),
                    lambda m: m.status,
                    display=lambda m: label(MaterialStatus(m.status)),
                    choices=choices(MaterialStatus),
                    edit=edit("status", self.tr("Change material status")),
                ),
                Column(
                    self.tr("Client's additions"),
                    lambda m: m.client_feedback,
                    stretch=True,
                    edit=edit("client_feedback", self.tr("Edit client's additions")),
                ),
            ],
            self,
        )
        current = lambda: self.current(self.view)  # noqa: E731
        self.row_actions(
            MaterialRecord,
            add=(self.tr("Add material…"), self._on_add_triggered),
            edit=(self.tr("Edit material…"), self._on_edit_triggered),
            remove=(self.tr("Remove material"), self.tr("Remove material")),
        )
        a = self.action
        self.attach_action = a(
            self.tr("Attach file…"), lambda: self._on_attach_triggered(current()), "Ctrl+Shift+A"
        )
        self.open_file_action = a(
            self.tr("Open file"), lambda: self._on_open_file_triggered(current()), "Ctrl+Shift+O"
        )
        self.save_file_action = a(
            self.tr("Save file as…"),
            lambda: self._on_save_file_triggered(current()),
            "Ctrl+Shift+S",
        )
        self.sent_today_action = a(
            self.tr("Sent to client today"),
            lambda: self._on_sent_today_triggered(current()),
            "Ctrl+Shift+T",
        )
        self.view = self.table(self.model, self.tr("Materials"), sortable=True)
        self.standard_page(
            [
                self.add_action,
                self.edit_action,
                self.attach_action,
                self.open_file_action,
                self.save_file_action,
                self.sent_today_action,
                self.remove_action,
            ]
        )

    def reload(self) -> None:
        rows = meetings.meeting_materials(self.meeting) if self.meeting else []
        self.refill(self.view, self.model, rows)
        fit_columns(self.view)

    def count_text(self) -> str:
        return str(self.model.rowCount())

    def _file_text(self, material: MaterialRecord) -> str:
        attachment = material.attachment
        if attachment is None:
            return ""
        return f"{attachment.file_name} ({file_size(attachment.size)})"

    def _folder(self) -> Path:
        return Path(str(self.context.settings.value(FOLDER_KEY, str(Path.home()))))

    def _dialog(self, values: dict[str, Any], file_name: str = "") -> MaterialDialog:
        return MaterialDialog(
            self.context.choices(MaterialKind),
            self.context.choices(MaterialStatus),
            values=values,
            today=self.context.now().date(),
            file_name=file_name,
            folder=self._folder(),
            parent=self,
        )

    def _on_add_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = self._dialog(
            {"kind": MaterialKind.PRESENTATION.value, "status": MaterialStatus.DRAFT.value}
        )

        def save() -> None:
            values = dialog.values()
            path = dialog.file_path
            data = kickoff.read_file(path) if path else None
            material = kickoff.add_material(
                meeting.id,
                values.pop("title"),
                kind=MaterialKind(values.pop("kind")),
                status=MaterialStatus(values.pop("status")),
                **values,
            )
            swap = kickoff.attach_file(material.id, *data) if data is not None else None
            with self.context.editor.macro(self.tr("Add material")):
                self.record_created([(MaterialRecord, material.id)], self.tr("Add material"))
                if swap is not None:
                    self._record_swap(swap)

        self.run_form(dialog, save)

    def _on_edit_triggered(self, material: MaterialRecord | None) -> None:
        if material is None:
            return
        dialog = self._dialog(
            {
                name: getattr(material, name)
                for name in ("title", "kind", "version", "status", "sent_on", "client_feedback")
            },
            material.attachment.file_name if material.attachment is not None else "",
        )

        def save() -> None:
            values = dialog.values()
            path = dialog.file_path
            data = kickoff.read_file(path) if path else None
            recorder = self.apply_changed(
                MaterialRecord, material, values, self.tr("Edit material")
            )
            swap = kickoff.attach_file(material.id, *data) if data is not None else None
            with self.context.editor.macro(self.tr("Edit material")):
                if recorder is not None:
                    recorder()
                if swap is not None:
                    self._record_swap(swap)

        self.run_form(dialog, save)

    def _record_swap(self, swap: kickoff.FileSwap) -> None:
        self.context.editor.record(
            self.tr("Attach file"),
            redo=lambda: kickoff.apply_file_swap(swap),
            undo=lambda: kickoff.apply_file_swap(swap.inverse()),
            changes=Changes.of(MaterialRecord, Attachment),
        )

    def _on_attach_triggered(self, material: MaterialRecord | None) -> None:
        if material is None:
            return
        if material.attachment is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Replace the file?"),
                self.tr("Replace {name} with another file? Undo puts it back.").format(
                    name=material.attachment.file_name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach file"), str(self._folder()))
        if not name:
            return
        try:
            swap = kickoff.attach_file(material.id, *kickoff.read_file(Path(name)))
        except (ValidationProblem, NotFound) as problem:
            self.report(problem)
            return
        self._record_swap(swap)

    def _stored(self, material: MaterialRecord | None) -> tuple[str, bytes] | None:
        if material is None:
            return None
        try:
            stored = kickoff.material_file(material.id)
        except (ValidationProblem, NotFound) as problem:
            self.report(problem)
            return None
        if stored is None:
            self.context.editor.report(
                self.tr("{title} has no file yet: use Attach file.").format(title=material.title)
            )
        return stored

    def _on_open_file_triggered(self, material: MaterialRecord | None) -> None:
        stored = self._stored(material)
        if stored is None:
            return
        name, data = stored
        # A copy in a folder of its own, under its own name, for the program that opens it.
        folder = Path(tempfile.mkdtemp(prefix="pmdesk-"))
        path = folder / (safe_file_name(Path(name).stem) + Path(name).suffix)
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_save_file_triggered(self, material: MaterialRecord | None) -> None:
        stored = self._stored(material)
        if stored is None:
            return
        name, data = stored
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save file as"), str(self._folder() / name)
        )
        if not target:
            return
        try:
            write_atomically(Path(target), lambda temporary: temporary.write_bytes(data))
        except ExportProblem as problem:
            QMessageBox.warning(self, self.tr("File not saved"), problem_text(problem))

    def _on_sent_today_triggered(self, material: MaterialRecord | None) -> None:
        if material is None:
            return
        self.edit(
            MaterialRecord,
            material.id,
            {"sent_on": self.context.now().date(), "status": MaterialStatus.SENT.value},
            self.tr("Mark material sent"),
        )

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        if self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return  # the cell's own editor opens
        material = self.model.row(index.row())
        if material.attachment is not None:
            self._on_open_file_triggered(material)
        else:
            self._on_edit_triggered(material)
