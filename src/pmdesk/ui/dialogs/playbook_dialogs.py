"""Small dialogs of the stakeholder playbook: memo, lead's decision, send help, coaching,
follow-up. Each collects values and hands them to a `save` callback, which saves them
through a service and the undo stack and returns a problem to show (the dialog then
stays open) or None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmdesk.ui.widgets.dates import DateEdit
from pmdesk.ui.widgets.forms import ok_cancel

Save = Callable[[dict[str, Any]], str | None]


def optional_date(
    accessible_name: str, value: dt.date | None, default: dt.date, parent: QWidget
) -> DateEdit:
    """A date that may be left empty; its calendar opens at `default` when it is."""
    return DateEdit(value, parent, optional=True, accessible_name=accessible_name, today=default)


def date_edit(accessible_name: str, value: dt.date, parent: QWidget) -> DateEdit:
    return DateEdit(value, parent, accessible_name=accessible_name)


def text_box(accessible_name: str, text: str, parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text, parent)
    box.setAccessibleName(accessible_name)
    box.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else in the form
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * (lines + 2) + 12)
    return box


def choice_box(
    accessible_name: str, choices: Sequence[tuple[Any, str]], current: Any, parent: QWidget
) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(accessible_name)
    for value, text in choices:
        box.addItem(text, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class FormDialog(QDialog):
    """A form with OK/Cancel whose OK saves through `save` and closes only on success."""

    def __init__(self, title: str, save: Save, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.form = QFormLayout()
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def accept(self) -> None:
        problem = self._save(self.values())
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        super().accept()


class MemoDialog(FormDialog):
    """An escalation memo to the client lead: proposal, cause, text, sent date."""

    def __init__(
        self,
        *,
        person_name: str,
        proposals: Sequence[tuple[str, str]],
        proposal: str,
        cause: str,
        draft: Callable[[str], str],
        today: dt.date,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Escalation memo about {name}").format(name=person_name), save, parent
        )
        self._draft = draft
        self.proposal = choice_box(self.tr("Proposal"), proposals, proposal, self)
        self.cause = QLineEdit(cause, self)
        self.cause.setCursorPosition(0)  # a long cause reads from its start
        self.cause.setAccessibleName(self.tr("Cause"))
        self.text = text_box(self.tr("Memo text"), draft(proposal), self, lines=10)
        self.text.setMinimumWidth(520)
        self.written_on = date_edit(self.tr("Written on"), today, self)
        self.sent_on = optional_date(self.tr("Sent on"), None, today, self)
        self.proposal.currentIndexChanged.connect(self._on_proposal_changed)
        hint = QLabel(self.tr("Internal: sent to the client lead only, never to the person."), self)
        hint.setWordWrap(True)
        self.form.addRow(self.tr("&Proposal:"), self.proposal)
        self.form.addRow(self.tr("&Cause:"), self.cause)
        self.form.addRow(self.tr("&Text:"), self.text)
        self.form.addRow(self.tr("&Written on:"), self.written_on)
        self.form.addRow(self.tr("&Sent on:"), self.sent_on)
        self.form.addRow(hint)

    def _on_proposal_changed(self, _index: int) -> None:
        # Redraft only while the PM has not written their own text.
        if self.text.document().isModified():
            return
        self.text.setPlainText(self._draft(self.proposal.currentData()))
        self.text.document().setModified(False)

    def values(self) -> dict[str, Any]:
        return {
            "proposal": self.proposal.currentData(),
            "cause": self.cause.text(),
            "text": self.text.toPlainText(),
            "written_on": self.written_on.value(),
            "sent_on": self.sent_on.value(),
        }


class DecisionDialog(FormDialog):
    """The client lead's decision on a memo."""

    def __init__(
        self,
        *,
        decisions: Sequence[tuple[str, str]],
        decision: str,
        decided_on: dt.date | None,
        note: str,
        today: dt.date,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("The lead's decision"), save, parent)
        self.decision = choice_box(self.tr("Decision"), decisions, decision, self)
        self.decided_on = date_edit(self.tr("Decided on"), decided_on or today, self)
        self.note = text_box(self.tr("Decision note"), note, self)
        self.form.addRow(self.tr("&Decision:"), self.decision)
        self.form.addRow(self.tr("Decided &on:"), self.decided_on)
        self.form.addRow(self.tr("&Note:"), self.note)

    def values(self) -> dict[str, Any]:
        return {
            "decision": self.decision.currentData(),
            "decided_on": self.decided_on.value(),
            "note": self.note.toPlainText(),
        }


class SendHelpDialog(FormDialog):
    """Send a consultant to help: the action they own and its due date."""

    def __init__(
        self,
        *,
        consultants: Sequence[tuple[int, str]],
        title: str,
        due: dt.date,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Send help"), save, parent)
        self.helper = choice_box(self.tr("Consultant who helps"), consultants, None, self)
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(self.tr("Help action"))
        self.title.setMinimumWidth(420)
        self.due = date_edit(self.tr("Due"), due, self)
        self.form.addRow(self.tr("&Consultant:"), self.helper)
        self.form.addRow(self.tr("&Action:"), self.title)
        self.form.addRow(self.tr("&Due:"), self.due)

    def values(self) -> dict[str, Any]:
        return {
            "helper": self.helper.currentData(),
            "title": self.title.text(),
            "due": self.due.value(),
        }


class CoachingDialog(FormDialog):
    """A one-on-one talk: planned and held dates, topic, notes."""

    def __init__(
        self,
        *,
        title: str,
        topic: str = "",
        planned_on: dt.date | None,
        held_on: dt.date | None,
        notes: str = "",
        today: dt.date,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, save, parent)
        self.topic = QLineEdit(topic, self)
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setMinimumWidth(380)
        self.planned_on = optional_date(self.tr("Planned on"), planned_on, today, self)
        self.held_on = optional_date(self.tr("Held on"), held_on, today, self)
        self.notes = text_box(self.tr("Notes"), notes, self, lines=5)
        self.form.addRow(self.tr("&Topic:"), self.topic)
        self.form.addRow(self.tr("&Planned on:"), self.planned_on)
        self.form.addRow(self.tr("&Held on:"), self.held_on)
        self.form.addRow(self.tr("&Notes:"), self.notes)

    def values(self) -> dict[str, Any]:
        return {
            "topic": self.topic.text(),
            "planned_on": self.planned_on.value(),
            "held_on": self.held_on.value(),
            "notes": self.notes.toPlainText(),
        }


class FollowUpDialog(FormDialog):
    """A private follow-up: date, person, reason, outcome, new commitment date."""

    def __init__(
        self,
        *,
        title: str,
        people: Sequence[tuple[int, str]],
        person_id: int | None,
        follow_up_on: dt.date,
        reason: str = "",
        outcome: str = "",
        new_commitment_date: dt.date | None = None,
        today: dt.date,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, save, parent)
        self.person = choice_box(self.tr("Person"), people, person_id, self)
        self.follow_up_on = date_edit(self.tr("Follow-up date"), follow_up_on, self)
        self.reason = text_box(self.tr("Reason"), reason, self, lines=2)
        self.reason.setMinimumWidth(420)
        self.outcome = text_box(self.tr("Outcome"), outcome, self)
        self.new_date = optional_date(
            self.tr("New commitment date"), new_commitment_date, today, self
        )
        self.form.addRow(self.tr("&Person:"), self.person)
        self.form.addRow(self.tr("&Date:"), self.follow_up_on)
        self.form.addRow(self.tr("&Reason:"), self.reason)
        self.form.addRow(self.tr("&Outcome:"), self.outcome)
        self.form.addRow(self.tr("New &commitment:"), self.new_date)
        hint = QLabel(self.tr("Private: follow up in private, never name them in a report."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def values(self) -> dict[str, Any]:
        return {
            "person": self.person.currentData(),
            "follow_up_on": self.follow_up_on.value(),
            "reason": self.reason.toPlainText(),
            "outcome": self.outcome.toPlainText(),
            "new_commitment_date": self.new_date.value(),
        }
