"""Team server dialogs: its address, the password (kept in the keyring if wished), and
what to do when a colleague changed a record first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from pmdesk.db import PasswordNeeded
from pmdesk.paths import Location
from pmdesk.services.common import EditConflict
from pmdesk.ui.widgets.forms import ok_cancel


class ServerAddressDialog(QDialog):
    """Asks for a team server's address (postgresql://user@host/dbname)."""

    def __init__(self, suggested: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open team database"))
        self.address = QLineEdit(suggested, self)
        self.address.setPlaceholderText("postgresql://alice@db.example.com/pmdesk")
        self.address.setAccessibleName(self.tr("Server address"))
        self.address.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("&Address:"), self.address)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The address your administrator gave you: your own database role, the "
                "server and the database. You see the projects you are a member of."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def value(self) -> str:
        return self.address.text().strip()


class PasswordDialog(QDialog):
    """Asks for the server password; it can be kept in the system keyring, never a file."""

    def __init__(self, address: str, refused: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password"))
        self.setMinimumWidth(460)
        reason = QLabel(
            (
                self.tr("The server did not accept the password for {address}. Try again:")
                if refused
                else self.tr("The password for {address}:")
            ).format(address=address),
            self,
        )
        reason.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.remember = QCheckBox(self.tr("&Remember it in the system keyring"), self)
        self.remember.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(reason)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(ok_cancel(self))


def ask_password(problem: PasswordNeeded) -> tuple[str, bool] | None:
    """The password typed and whether to keep it; None when the user cancels."""
    dialog = PasswordDialog(problem.address, problem.refused, QApplication.activeWindow())
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password.text():
        return None
    return dialog.password.text(), dialog.remember.isChecked()


def _kind(table: str) -> str:

    kinds = {
        "person": QCoreApplication.translate("team", "person"),
        "action_item": QCoreApplication.translate("team", "step"),
        "meeting": QCoreApplication.translate("team", "meeting"),
        "note": QCoreApplication.translate("team", "note"),
        "project": QCoreApplication.translate("team", "project"),
        "agenda_item": QCoreApplication.translate("team", "agenda item"),
        "checklist_item": QCoreApplication.translate("team", "checklist step"),
        "material": QCoreApplication.translate("team", "material"),
        "purpose": QCoreApplication.translate("team", "purpose"),
        "lead_request": QCoreApplication.translate("team", "request"),
        "milestone_review": QCoreApplication.translate("team", "review"),
        "follow_up": QCoreApplication.translate("team", "follow-up"),
    }
    return kinds.get(table, QCoreApplication.translate("team", "record"))


def resolve_conflict(conflict: EditConflict) -> bool:
    """Someone changed the record first: True to save over their change, False to see it."""

    when = conflict.local_time()
    who = conflict.changed_by or QCoreApplication.translate("team", "someone")
    text = (
        QCoreApplication.translate(
            "team", "{who} changed this {kind} at {time}, after you opened it."
        )
        if when is not None
        else QCoreApplication.translate("team", "{who} changed this {kind} after you opened it.")
    ).format(
        who=who, kind=_kind(conflict.model._meta.table_name), time=f"{when:%H:%M}" if when else ""
    )
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("team", "Changed by a colleague"))
    box.setText(text)
    box.setInformativeText(
        QCoreApplication.translate(
            "team",
            "Show theirs: your change is not saved and you see their version.\n"
            "Save mine: your change replaces theirs.",
        )
    )
    theirs = box.addButton(
        QCoreApplication.translate("team", "Show &theirs"), QMessageBox.ButtonRole.RejectRole
    )
    mine = box.addButton(
        QCoreApplication.translate("team", "&Save mine"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(theirs)
    box.setEscapeButton(theirs)
    box.exec()
    return box.clickedButton() is mine


def open_with_password(location: Location) -> None:
    """Open a file or a team server, asking for the password if the keyring has none;
    a password typed is kept in the keyring if the user ticked it."""
    from pmdesk import credentials

    typed: dict[str, bool] = {}

    def ask(problem: PasswordNeeded) -> str | None:
        answer = ask_password(problem)
        if answer is None:
            return None
        typed["remember"] = answer[1]
        return answer[0]

    password = credentials.open_location(location, create=True, ask=ask)
    remember = password and typed.get("remember") and isinstance(location, str)
    if remember and not credentials.store_password(str(location), str(password)):
        QMessageBox.information(
            QApplication.activeWindow(),
            QCoreApplication.translate("team", "Password"),
            QCoreApplication.translate(
                "team",
                "This computer has no system keyring that pmdesk can use, so the "
                "password was not kept; pmdesk asks for it next time.",
            ),
        )
