"""Small dialogs of the capture screen: a quick action item, an attitude observation, a
valued outcome. Each collects values and hands them to `save`, which calls the service
(and the undo stack); the dialog closes only when `save` says it worked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import CooperationType, Engagement, Language
from pmdesk.ui.widgets.dates import DateEdit
from pmdesk.ui.widgets.forms import ok_cancel


def _choice_box(
    parent: QWidget, name: str, choices: Sequence[tuple[object, str]], current: object = None
) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    for value, text in choices:
        box.addItem(text, value)
    if current is not None:
        box.setCurrentIndex(max(box.findData(current), 0))
    return box


@dataclass(frozen=True)
class ActionValues:
    title: str
    owner_id: int | None
    due_date: dt.date | None
    needs_client_assistance: bool


class ActionItemDialog(QDialog):
    """A quick action item: title (from the note), owner, due date."""

    def __init__(
        self,
        title: str,
        owners: Sequence[tuple[int, str]],
        default_due: dt.date,
        save: Callable[[ActionValues], bool],
        parent: QWidget | None = None,
        *,
        owner_id: int | None = None,
        internal_source: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action item"))
        #: Made from an internal note: internal while the title quotes it (services.audience).
        self.internal_warning: QLabel | None = None
        self._save = save
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(self.tr("Action item title"))
        self.title.setMinimumWidth(460)
        self.owner = _choice_box(
            self, self.tr("Owner"), [(None, self.tr("(no owner yet)")), *owners], owner_id
        )
        self.due = DateEdit(
            default_due, self, optional=True, accessible_name=self.tr("Due date"), today=default_due
        )
        self.assistance = QCheckBox(self.tr("Needs the client's &assistance"), self)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("&Due by:"), self.due)
        form.addRow("", self.assistance)
        layout = QVBoxLayout(self)
        if internal_source:
            self.internal_warning = QLabel(
                self.tr(
                    "Made from an internal note: this step stays internal (left out of the "
                    "minutes, tracker and report) until you rewrite its title in words the "
                    "client may read."
                ),
                self,
            )
            self.internal_warning.setWordWrap(True)
            self.internal_warning.setObjectName("internalWarning")
            self.internal_warning.setStyleSheet("color: #8a4b00;")
            layout.addWidget(self.internal_warning)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def values(self) -> ActionValues:
        return ActionValues(
            self.title.text(),
            self.owner.currentData(),
            self.due.value(),
            self.assistance.isChecked(),
        )

    def accept(self) -> None:
        if self._save(self.values()):
            super().accept()


@dataclass(frozen=True)
class ObservationValues:
    person_id: int
    engagement: Engagement
    cooperation_type: CooperationType | None
    comment: str


class ObservationDialog(QDialog):
    """An attitude observation: engagement, optionally cooperation type, and a comment.

    Internal: it goes to the person's assessment history, never to the client.
    """

    def __init__(
        self,
        people: Sequence[tuple[int, str]],
        language: Language,
        save: Callable[[ObservationValues], bool],
        parent: QWidget | None = None,
        *,
        person_id: int | None = None,
        engagement: str | None = None,
        comment: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attitude observation"))
        self._save = save
        self.person = _choice_box(self, self.tr("Person"), people, person_id)
        self.engagement = _choice_box(
            self,
            self.tr("Engagement"),
            [(e.value, vocabulary.label(e, language)) for e in Engagement],
            engagement or Engagement.NEUTRAL.value,
        )
        self.cooperation = _choice_box(
            self,
            self.tr("Cooperation type"),
            [
                (None, self.tr("(unchanged)")),
                *((c.value, vocabulary.label(c, language)) for c in CooperationType),
            ],
        )
        self.comment = QPlainTextEdit(comment, self)
        self.comment.setAccessibleName(self.tr("What you observed"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMinimumWidth(420)
        self.comment.setFixedHeight(90)
        note = QLabel(self.tr("Internal: kept in the person's history, never sent to the client."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.person)
        form.addRow(self.tr("&Engagement:"), self.engagement)
        form.addRow(self.tr("Cooperation &type:"), self.cooperation)
        form.addRow(self.tr("&Observed:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def values(self) -> ObservationValues:
        cooperation = self.cooperation.currentData()
        return ObservationValues(
            int(self.person.currentData()),
            Engagement(self.engagement.currentData()),
            CooperationType(cooperation) if cooperation else None,
            self.comment.toPlainText(),
        )

    def accept(self) -> None:
        if self._save(self.values()):
            super().accept()


@dataclass(frozen=True)
class OutcomeValues:
    person_id: int
    outcome_id: int
    rank: int | None
    evidence: str
    link_note: bool


class ValuedOutcomeDialog(QDialog):
    """Which of the project's outcomes a leader values, its rank and the evidence."""

    def __init__(
        self,
        leaders: Sequence[tuple[int, str]],
        outcomes: Sequence[tuple[int, str]],
        save: Callable[[OutcomeValues], bool],
        parent: QWidget | None = None,
        *,
        person_id: int | None = None,
        note_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Valued outcome"))
        self._save = save
        self.leader = _choice_box(self, self.tr("Leader"), leaders, person_id)
        self.outcome = _choice_box(self, self.tr("Outcome"), outcomes)
        self.rank = QSpinBox(self)
        self.rank.setRange(0, 20)
        self.rank.setSpecialValueText(self.tr("after the others"))
        self.rank.setAccessibleName(self.tr("Rank (1 = valued most)"))
        self.evidence = QLineEdit(self)
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setMinimumWidth(420)
        self.link_note = QCheckBox(self.tr("Link the selected &note as evidence"), self)
        self.link_note.setChecked(bool(note_text))
        self.link_note.setEnabled(bool(note_text))
        if note_text:
            self.link_note.setToolTip(note_text)
        form = QFormLayout()
        form.addRow(self.tr("&Leader:"), self.leader)
        form.addRow(self.tr("&Outcome:"), self.outcome)
        form.addRow(self.tr("&Rank:"), self.rank)
        form.addRow(self.tr("&Evidence:"), self.evidence)
        form.addRow("", self.link_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self))

    def values(self) -> OutcomeValues:
        return OutcomeValues(
            int(self.leader.currentData()),
            int(self.outcome.currentData()),
            self.rank.value() or None,
            self.evidence.text(),
            self.link_note.isChecked(),
        )

    def accept(self) -> None:
        if self.outcome.currentData() is None or self.leader.currentData() is None:
            return
        if self._save(self.values()):
            super().accept()
