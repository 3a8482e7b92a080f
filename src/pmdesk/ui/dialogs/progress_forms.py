"""Forms of the Progress tab: a step, a milestone review, a lead request.

Each form only collects values (`values()`); the tab saves them through the services
and the editor, so every add and edit is one transaction and undoable.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    LeadRequest,
    MilestoneReview,
    Person,
    Priority,
    RequestKind,
    ReviewKind,
)
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.dates import DateEdit
from pmdesk.ui.widgets.forms import ok_cancel, plain_label


def optional_date(value: dt.date | None, parent: QWidget, today: dt.date) -> DateEdit:
    """A date that may be left empty, typed or picked (its calendar opens at today)."""
    return DateEdit(value, parent, optional=True, today=today)


def _people_box(people: list[Person], current: int | None, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItem("—", None)
    for person in people:
        box.addItem(person.name, person.id)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def _choice_box(context: TabContext, enum: Any, current: str, parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    for value, text in context.choices(enum):
        box.addItem(text, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = ok_cancel(self)

    def row(self, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(plain_label(label))
        self.form.addRow(label, widget)

    def finish(self) -> None:
        self.form.addRow(self.buttons)
        self.setMinimumWidth(480)


class ActionDialog(_Form):
    """Add or edit a step: owner on either side, dates, status, the arrangement if late."""

    def __init__(
        self,
        context: TabContext,
        people: list[Person],
        action: ActionItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit step") if action else self.tr("Add step"), parent)
        today = context.now().date()
        self.title = QLineEdit(action.title if action else "", self)
        self.title.setMaxLength(500)
        self.owner = _people_box(people, action.owner_id if action else None, self)
        self.start = optional_date(action.start_date if action else today, self, today)
        self.due = optional_date(action.due_date if action else None, self, today)
        self.status = _choice_box(
            context, ActionStatus, action.status if action else ActionStatus.OPEN, self
        )
        self.completed = optional_date(action.completed_on if action else None, self, today)
        self.priority = _choice_box(
            context, Priority, action.priority if action else Priority.NORMAL, self
        )
        self.assistance = QCheckBox(self.tr("The client's assistance is needed"), self)
        self.assistance.setChecked(bool(action and action.needs_client_assistance))
        self.next_step = QLineEdit(action.next_step if action else "", self)
        self.next_step.setPlaceholderText(
            self.tr("What happens next if it is late (shown in the report, without names)")
        )
        self.notes = QPlainTextEdit(action.notes if action else "", self)
        self.notes.setPlaceholderText(self.tr("Internal: never sent to the client"))
        self.notes.setFixedHeight(70)
        self.row(self.tr("&Step:"), self.title)
        self.row(self.tr("&Owner:"), self.owner)
        self.row(self.tr("S&tart:"), self.start)
        self.row(self.tr("&Due:"), self.due)
        self.row(self.tr("St&atus:"), self.status)
        self.row(self.tr("&Completed on:"), self.completed)
        self.row(self.tr("&Priority:"), self.priority)
        self.row("", self.assistance)
        self.row(self.tr("&Next step:"), self.next_step)
        self.row(self.tr("Not&es:"), self.notes)
        self.finish()

    def values(self) -> dict[str, Any]:
        """Field values as the model names them (owner as an id)."""
        status = self.status.currentData()
        completed = self.completed.value()
        if status == ActionStatus.DONE and completed is None:
            completed = dt.date.today()
        if status != ActionStatus.DONE:
            completed = None
        return {
            "title": self.title.text(),
            "owner": self.owner.currentData(),
            "start_date": self.start.value(),
            "due_date": self.due.value(),
            "status": status,
            "completed_on": completed,
            "priority": self.priority.currentData(),
            "needs_client_assistance": self.assistance.isChecked(),
            "next_step": self.next_step.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }


class ReviewDialog(_Form):
    """Add or edit a milestone or deliverable for the client lead's review."""

    def __init__(
        self,
        context: TabContext,
        people: list[Person],
        review: MilestoneReview | None = None,
        default_reviewer: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit review") if review else self.tr("Add review"), parent)
        self.title = QLineEdit(review.title if review else "", self)
        self.kind = _choice_box(
            context, ReviewKind, review.kind if review else ReviewKind.DELIVERABLE, self
        )
        self.due = optional_date(review.due_date if review else None, self, context.now().date())
        reviewer = review.__data__.get("reviewer") if review else default_reviewer
        self.reviewer = _people_box(people, reviewer, self)
        self.comment = QPlainTextEdit(review.comment if review else "", self)
        self.comment.setFixedHeight(70)
        self.row(self.tr("&Milestone or deliverable:"), self.title)
        self.row(self.tr("&Kind:"), self.kind)
        self.row(self.tr("&Due:"), self.due)
        self.row(self.tr("&Reviewer:"), self.reviewer)
        self.row(self.tr("&Comment:"), self.comment)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "title": " ".join(self.title.text().split()),
            "kind": self.kind.currentData(),
            "due_date": self.due.value(),
            "reviewer": self.reviewer.currentData(),
            "comment": self.comment.toPlainText().strip(),
        }


class RequestDialog(_Form):
    """Add or edit an opinion or question the client lead raised."""

    def __init__(
        self,
        context: TabContext,
        people: list[Person],
        request: LeadRequest | None = None,
        default_raiser: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit request") if request else self.tr("Add request"), parent)
        today = context.now().date()
        self.text = QPlainTextEdit(request.text if request else "", self)
        self.text.setFixedHeight(80)
        self.kind = _choice_box(
            context, RequestKind, request.kind if request else RequestKind.QUESTION, self
        )
        self.raised_on = optional_date(request.raised_on if request else today, self, today)
        raiser = request.__data__.get("raised_by") if request else default_raiser
        self.raised_by = _people_box(people, raiser, self)
        self.owner = _people_box(people, request.__data__.get("owner") if request else None, self)
        self.resolution = QPlainTextEdit(request.resolution if request else "", self)
        self.resolution.setFixedHeight(60)
        self.row(self.tr("&Request:"), self.text)
        self.row(self.tr("&Kind:"), self.kind)
        self.row(self.tr("Raised &on:"), self.raised_on)
        self.row(self.tr("Raised &by:"), self.raised_by)
        self.row(self.tr("O&wner:"), self.owner)
        self.row(self.tr("R&esolution:"), self.resolution)
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "text": self.text.toPlainText().strip(),
            "kind": self.kind.currentData(),
            "raised_on": self.raised_on.value() or dt.date.today(),
            "raised_by": self.raised_by.currentData(),
            "owner": self.owner.currentData(),
            "resolution": self.resolution.toPlainText().strip(),
        }
