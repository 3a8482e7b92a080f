"""Pickers of the Kickoff tab: people to invite (or a new person), notes as evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from pmdesk.models import Role, Side
from pmdesk.ui.dialogs.kickoff_forms import Choices, FormDialog, combo
from pmdesk.ui.widgets.forms import plain_label

ROLES_BY_SIDE = {
    Side.CLIENT.value: (Role.CLIENT_LEAD, Role.CLIENT_LEADER, Role.COOPERATING_STAFF),
    Side.CONSULTANT.value: (Role.CONSULTANT_PM, Role.CONSULTANT_MEMBER),
}


class CheckList(QListWidget):
    """A filterable list of checkable items, each carrying a value."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)

    def add(self, text: str, value: Any, *, checked: bool = False, tip: str = "") -> None:
        item = QListWidgetItem(text, self)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if tip:
            item.setToolTip(tip)

    def checked(self) -> list[Any]:
        return [
            self.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, values: Sequence[Any]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for row in range(self.count()):
            item = self.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())


class AttendeesDialog(FormDialog):
    """Pick people of both sides from the register, or add a new person on the spot."""

    def __init__(
        self,
        candidates: Sequence[tuple[int, str]],
        sides: Choices,
        roles: Choices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add attendees"), parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by name, side, role or title"))
        self.search.setClearButtonEnabled(True)
        self.add_row("search", self.tr("&Filter:"), self.search)
        self.people = CheckList(self.tr("People of the register"), self)
        self.people.setMinimumSize(460, 220)
        for person_id, text in candidates:
            self.people.add(text, person_id)
        self.add_row("person", self.tr("&People:"), self.people)
        if not candidates:
            self.form.addRow(QLabel(self.tr("Everyone in the register is invited already."), self))
        self.search.textChanged.connect(self.people.filter)

        self._role_labels = dict(roles)
        new = QGroupBox(self.tr("Or add a new person to the register"), self)
        form = QFormLayout(new)
        self.name = QLineEdit(new)
        self.side = combo(sides, Side.CLIENT.value, "", new)
        self.role = QComboBox(new)
        self.email = QLineEdit(new)
        self.org_unit = QLineEdit(new)
        self.title = QLineEdit(new)
        for name, label, widget in (
            ("name", self.tr("&Name:"), self.name),
            ("side", self.tr("Si&de:"), self.side),
            ("role", self.tr("&Role:"), self.role),
            ("email", self.tr("&Email:"), self.email),
            ("org_unit", self.tr("&Unit:"), self.org_unit),
            ("title", self.tr("&Title:"), self.title),
        ):
            plain = plain_label(label)
            widget.setAccessibleName(self.tr("New person: {field}").format(field=plain))
            form.addRow(label, widget)
            self._fields[name] = (plain, widget)
        self.form.addRow(new)
        self.side.currentIndexChanged.connect(self._on_side_changed)
        self._on_side_changed()

    def _on_side_changed(self) -> None:
        self.role.clear()
        for role in ROLES_BY_SIDE[self.side.currentData()]:
            self.role.addItem(self._role_labels[role.value], role.value)
        if self.side.currentData() == Side.CLIENT.value:
            self.role.setCurrentIndex(self.role.findData(Role.COOPERATING_STAFF.value))
        else:
            self.role.setCurrentIndex(self.role.findData(Role.CONSULTANT_MEMBER.value))

    def chosen(self) -> list[int]:
        return [int(value) for value in self.people.checked()]

    def new_person(self) -> dict[str, Any] | None:
        """The new person's fields, or None if no name was typed."""
        if not self.name.text().strip():
            return None
        return {
            "name": self.name.text(),
            "side": Side(self.side.currentData()),
            "role": Role(self.role.currentData()),
            "email": self.email.text(),
            "org_unit": self.org_unit.text(),
            "title": self.title.text(),
        }


class EvidenceDialog(FormDialog):
    """Choose which notes of the project's meetings are evidence for a purpose."""

    def __init__(
        self,
        purpose: str,
        notes: Sequence[tuple[int, str, str]],
        linked: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Evidence notes"), parent)
        heading = QLabel(purpose, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.form.addRow(heading)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by speaker, kind or text"))
        self.search.setClearButtonEnabled(True)
        self.add_row("search", self.tr("&Filter:"), self.search)
        self.notes = CheckList(self.tr("Notes of the project's meetings"), self)
        self.notes.setMinimumSize(760, 320)
        for note_id, text, tip in notes:
            self.notes.add(text, note_id, checked=note_id in linked, tip=tip)
        self.add_row("note", self.tr("&Notes:"), self.notes)
        if not notes:
            self.form.addRow(
                QLabel(self.tr("No notes yet: capture them in the Live meeting tab."), self)
            )
        self.search.textChanged.connect(self.notes.filter)

    def chosen(self) -> list[int]:
        return [int(value) for value in self.notes.checked()]
