"""Recording one sending of the minutes: version, when, to whom, the client's reply and
the revision decision the method asks for (是否需要修正项目实施相关内容)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmdesk.ui.widgets.forms import ok_cancel

#: The revision decision as stored (None = not decided yet).
REVISION_CHOICES: tuple[bool | None, ...] = (None, True, False)


@dataclass(frozen=True)
class DistributionValues:
    version: str
    sent_at: dt.datetime | None
    recipients: str
    client_feedback: str
    revision_needed: bool | None
    revision_items: str


def revision_labels() -> dict[bool | None, str]:
    """How the revision decision reads: undecided, yes, no."""
    return {
        None: QCoreApplication.translate("minutes", "Not decided yet"),
        True: QCoreApplication.translate("minutes", "Yes: revise"),
        False: QCoreApplication.translate("minutes", "No revision"),
    }


class DistributionDialog(QDialog):
    """One sending of the minutes and what came back."""

    def __init__(
        self,
        version: str,
        sent_at: dt.datetime,
        recipients: str,
        save: Callable[[DistributionValues], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Minutes sent"))
        self._save = save
        self.version = QLineEdit(version, self)
        self.version.setAccessibleName(self.tr("Minutes version"))
        self.sent = QCheckBox(self.tr("&Sent at"), self)
        self.sent.setChecked(True)
        self.sent_at = QDateTimeEdit(
            QDateTime(
                QDate(sent_at.year, sent_at.month, sent_at.day),
                QTime(sent_at.hour, sent_at.minute),
            ),
            self,
        )
        self.sent_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.sent_at.setCalendarPopup(True)
        self.sent_at.setAccessibleName(self.tr("Sent at"))
        self.sent.toggled.connect(self.sent_at.setEnabled)
        self.recipients = QPlainTextEdit(recipients, self)
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(60)
        self.feedback = QPlainTextEdit(self)
        self.feedback.setAccessibleName(self.tr("Client's feedback"))
        self.feedback.setTabChangesFocus(True)
        self.feedback.setFixedHeight(70)
        self.revision = QComboBox(self)
        self.revision.setAccessibleName(self.tr("Must the implementation content be revised?"))
        for value, text in revision_labels().items():
            self.revision.addItem(text, value)
        self.items = QPlainTextEdit(self)
        self.items.setAccessibleName(self.tr("Items to revise, one a line"))
        self.items.setPlaceholderText(self.tr("One item a line"))
        self.items.setTabChangesFocus(True)
        self.items.setFixedHeight(70)
        self.setMinimumWidth(520)
        form = QFormLayout()
        form.addRow(self.tr("&Version:"), self.version)
        form.addRow(self.sent, self.sent_at)
        form.addRow(self.tr("&Recipients:"), self.recipients)
        form.addRow(self.tr("Client's &feedback:"), self.feedback)
        form.addRow(self.tr("Revise the imp&lementation?"), self.revision)
        form.addRow(self.tr("&Items to revise:"), self.items)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> DistributionValues:
        sent_at = self.sent_at.dateTime().toPython() if self.sent.isChecked() else None
        assert sent_at is None or isinstance(sent_at, dt.datetime)
        return DistributionValues(
            self.version.text(),
            sent_at.replace(second=0, microsecond=0) if sent_at else None,
            self.recipients.toPlainText(),
            self.feedback.toPlainText(),
            self.revision.currentData(),
            self.items.toPlainText(),
        )

    def accept(self) -> None:
        if self._save(self.values()):
            super().accept()
