"""The dialogs that take an item off Today: until when to snooze it, why it is
dismissed (opened from `actions.ItemActions`, not before: the start does not load them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pmdesk.ui.widgets.dates import DateEdit


class SnoozeDialog(QDialog):
    """Until when to hide an item: a date typed or picked, a week from today to start."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze"))
        self._today = today
        self.date = DateEdit(
            today + dt.timedelta(days=7),
            self,
            accessible_name=self.tr("Snooze until"),
            today=today,
        )
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #a61b1b;")
        form = QFormLayout()
        label = QLabel(self.tr("Snooze &until:"), self)
        label.setBuddy(self.date.line)
        form.addRow(label, self.date)
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.date.line.setFocus()
        self.date.line.selectAll()

    def until(self) -> dt.date:
        value = self.date.value()
        assert value is not None
        return value

    def _on_accepted(self) -> None:
        if self.until() <= self._today:
            self.problem.setText(self.tr("Choose a date after today."))
            return
        self.accept()


class DismissDialog(QDialog):
    """Why an item is dismissed (kept with it, shown when it is listed as closed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setMinimumWidth(360)
        self.reason_edit.setPlaceholderText(self.tr("e.g. handled by phone"))
        form = QFormLayout()
        label = QLabel(self.tr("&Reason:"), self)
        label.setBuddy(self.reason_edit)
        form.addRow(label, self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())
