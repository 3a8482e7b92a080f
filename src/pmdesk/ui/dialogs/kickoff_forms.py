"""Small forms of the Kickoff tab: plan the kickoff, an agenda item, a checklist step, a
material, a re-confirmation change.

Each dialog only collects values; the tab gives it a `submit` callback that saves them
through a service. A ValidationProblem keeps the dialog open, says what is wrong and
puts the cursor in the field it names, so nothing half-typed is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pmdesk.services import ValidationProblem
from pmdesk.ui.widgets.dates import DateEdit, DateTimeEdit, TimeEdit
from pmdesk.ui.widgets.forms import focus_first_field, ok_cancel, plain_label, problem_text

Choices = Sequence[tuple[Any, str]]

_DAY = 24 * 60


def combo(choices: Choices, current: Any, name: str, parent: QWidget) -> QComboBox:
    """A combo box of (value, label) choices with `current` selected."""
    box = QComboBox(parent)
    box.setAccessibleName(name)
    for value, text in choices:
        box.addItem(text, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def zone_box(zones: Sequence[str], current: str, parent: QWidget) -> QComboBox:
    """An editable combo of IANA time zones that completes as the user types."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.addItems(list(zones))
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMaxVisibleItems(20)
    box.setCurrentText(current)
    return box


class FormDialog(QDialog):
    """A titled form with OK/Cancel whose OK runs `submit` and stays open on a problem."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.submit: Callable[[], object] | None = None
        self._fields: dict[str, tuple[str, QWidget]] = {}
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus_first_field(self)

    def add_row(self, names: str | tuple[str, ...], label: str, widget: QWidget) -> QWidget:
        """A labelled row; `names` are the service's field names shown by this widget."""
        plain = plain_label(label)
        widget.setAccessibleName(plain)
        self.form.addRow(label, widget)
        for name in (names,) if isinstance(names, str) else names:
            self._fields[name] = (plain, widget)
        return widget

    def accept(self) -> None:
        if self.submit is not None:
            try:
                self.submit()
            except ValidationProblem as problem:
                label, widget = self._fields.get(problem.field, (problem.field, None))
                QMessageBox.warning(self, self.windowTitle(), problem_text(problem, label))
                if widget is not None:
                    widget.setFocus()
                return
        super().accept()


class PlanKickoffDialog(FormDialog):
    """Title, date, time, venue and time zone of a new kickoff."""

    def __init__(
        self,
        *,
        title: str,
        day: dt.date,
        zones: Sequence[str],
        zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Plan the kickoff"), parent)
        intro = QLabel(
            self.tr(
                "Creates the kickoff meeting with the method's four purposes and its "
                "before / during / after checklist, due relative to the start."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.title = QLineEdit(title, self)
        self.title.setMinimumWidth(360)
        self.add_row("title", self.tr("&Title:"), self.title)
        self.date = DateEdit(day, self)
        self.add_row("starts_at", self.tr("&Date:"), self.date)
        self.start = TimeEdit(dt.time(9, 30), self)
        self.add_row("start", self.tr("&Starts at:"), self.start)
        self.end = TimeEdit(dt.time(11, 30), self)
        self.add_row("ends_at", self.tr("&Ends at:"), self.end)
        self.venue = QLineEdit(self)
        self.add_row("venue", self.tr("&Venue:"), self.venue)
        self.zone = zone_box(zones, zone, self)
        self.add_row("time_zone", self.tr("Time &zone:"), self.zone)

    def values(self) -> dict[str, Any]:
        day, start, end = self.date.value(), self.start.value(), self.end.value()
        assert day is not None and start is not None and end is not None
        return {
            "title": self.title.text(),
            "starts_at": dt.datetime.combine(day, start),
            "ends_at": dt.datetime.combine(day, end),
            "venue": self.venue.text(),
            "time_zone": self.zone.currentText(),
        }


class AgendaItemDialog(FormDialog):
    def __init__(
        self,
        presenters: Choices,
        *,
        title: str = "",
        presenter: int | None = None,
        minutes: int = 15,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Agenda item"), parent)
        self.title = QLineEdit(title, self)
        self.title.setMinimumWidth(360)
        self.add_row("title", self.tr("&Item:"), self.title)
        self.presenter = combo(presenters, presenter, "", self)
        self.add_row("presenter", self.tr("&Presenter:"), self.presenter)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, _DAY)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(self.tr(" min"))
        self.add_row("minutes_allotted", self.tr("&Minutes:"), self.minutes)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "presenter": self.presenter.currentData(),
            "minutes_allotted": self.minutes.value(),
        }


class ChecklistStepDialog(FormDialog):
    """A step's phase, text and due: relative to the start, at a fixed time, or none."""

    def __init__(
        self,
        phases: Choices,
        *,
        phase: str,
        text: str = "",
        offset: int | None = -_DAY,
        due_at: dt.datetime | None = None,
        default_due: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Checklist step"), parent)
        self.phase = combo(phases, phase, "", self)
        self.add_row("phase", self.tr("P&hase:"), self.phase)
        self.text = QPlainTextEdit(text, self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        self.text.setMinimumWidth(380)
        self.add_row("text", self.tr("&Step:"), self.text)

        self.relative = QRadioButton(self.tr("&Relative to the meeting start"), self)
        self.fixed = QRadioButton(self.tr("At a &fixed time"), self)
        self.no_due = QRadioButton(self.tr("&No due time"), self)
        group = QButtonGroup(self)
        for button in (self.relative, self.fixed, self.no_due):
            group.addButton(button)
        self.amount = QSpinBox(self)
        self.amount.setRange(0, 999)
        self.amount.setAccessibleName(self.tr("How long"))
        self.unit = combo(
            [(_DAY, self.tr("days")), (60, self.tr("hours")), (1, self.tr("minutes"))],
            _DAY,
            self.tr("Unit"),
            self,
        )
        self.direction = combo(
            [(-1, self.tr("before the start")), (1, self.tr("after the start"))],
            -1,
            self.tr("Before or after"),
            self,
        )
        relative_row = QHBoxLayout()
        for widget in (self.relative, self.amount, self.unit, self.direction):
            relative_row.addWidget(widget)
        relative_row.addStretch(1)
        self.due_at = DateTimeEdit(due_at or default_due, self)
        self.due_at.setAccessibleName(self.tr("Fixed due time"))
        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.fixed)
        fixed_row.addWidget(self.due_at)
        fixed_row.addStretch(1)
        due = QVBoxLayout()
        due.addLayout(relative_row)
        due.addLayout(fixed_row)
        due.addWidget(self.no_due)
        due_box = QWidget(self)
        due_box.setLayout(due)
        self.form.addRow(self.tr("Due:"), due_box)
        self._fields["due"] = (self.tr("Due"), self.amount)

        if due_at is not None:
            self.fixed.setChecked(True)
        elif offset is None:
            self.no_due.setChecked(True)
        else:
            self.relative.setChecked(True)
            unit = next(u for u in (_DAY, 60, 1) if offset % u == 0)
            self.unit.setCurrentIndex(self.unit.findData(unit))
            self.amount.setValue(abs(offset) // unit)
            self.direction.setCurrentIndex(self.direction.findData(-1 if offset < 0 else 1))
        for button in (self.relative, self.fixed, self.no_due):
            button.toggled.connect(self._on_due_kind_toggled)
        self._on_due_kind_toggled()

    def _on_due_kind_toggled(self) -> None:
        for widget in (self.amount, self.unit, self.direction):
            widget.setEnabled(self.relative.isChecked())
        self.due_at.setEnabled(self.fixed.isChecked())

    def values(self) -> dict[str, Any]:
        offset = None
        due_at = None
        if self.relative.isChecked():
            offset = self.amount.value() * self.unit.currentData() * self.direction.currentData()
        elif self.fixed.isChecked():
            due_at = self.due_at.value()
        return {
            "phase": self.phase.currentData(),
            "text": self.text.toPlainText(),
            "due_offset_minutes": offset,
            "due_at": due_at,
        }


class MaterialDialog(FormDialog):
    """A material's title, kind, version, status, sent date and the client's additions."""

    def __init__(
        self,
        kinds: Choices,
        statuses: Choices,
        *,
        values: dict[str, Any],
        today: dt.date,
        file_name: str = "",
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Material"), parent)
        self.title = QLineEdit(values.get("title", ""), self)
        self.title.setMinimumWidth(380)
        self.add_row("title", self.tr("&Title:"), self.title)
        self.kind = combo(kinds, values.get("kind"), "", self)
        self.add_row("kind", self.tr("&Kind:"), self.kind)
        self.version = QLineEdit(values.get("version", ""), self)
        self.version.setMaxLength(40)
        self.add_row("version", self.tr("&Version:"), self.version)
        self.status = combo(statuses, values.get("status"), "", self)
        self.add_row("status", self.tr("&Status:"), self.status)
        sent_on = values.get("sent_on")
        self.sent_on = DateEdit(sent_on, self, optional=True, today=today)
        self.add_row("sent_on", self.tr("Sent to the &client on:"), self.sent_on)
        self.sent_on.line.setPlaceholderText(self.tr("not sent yet"))
        self.feedback = QPlainTextEdit(values.get("client_feedback", ""), self)
        self.feedback.setTabChangesFocus(True)
        self.feedback.setFixedHeight(80)
        self.add_row("client_feedback", self.tr("Client's &additions:"), self.feedback)
        self.file_path: Path | None = None
        self.file_label = QLabel(file_name or self.tr("(no file)"), self)
        self.file_label.setAccessibleName(self.tr("File"))
        choose = QPushButton(self.tr("C&hoose file…"), self)
        choose.setAccessibleName(self.tr("Choose the material's file"))
        choose.clicked.connect(self._on_choose_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        self.form.addRow(self.tr("File:"), file_row)
        self._fields["file"] = (self.tr("File"), choose)
        self._folder = folder

    def _on_choose_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose file"), str(self._folder))
        if name:
            self.file_path = Path(name)
            self.file_label.setText(self.file_path.name)

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "kind": self.kind.currentData(),
            "version": self.version.text().strip(),
            "status": self.status.currentData(),
            "sent_on": self.sent_on.value(),
            "client_feedback": self.feedback.toPlainText().strip(),
        }


class ChangeDialog(FormDialog):
    """What changed at the re-confirmation, when, and who confirmed it."""

    def __init__(
        self,
        fields: Choices,
        people: Choices,
        *,
        field: str,
        description: str = "",
        confirmed_by: int | None = None,
        when: dt.datetime,
        venue: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Re-confirmation change"), parent)
        self.field = combo(fields, field, "", self)
        self.add_row("field", self.tr("&What changed:"), self.field)
        self.description = QPlainTextEdit(description, self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.description.setMinimumWidth(380)
        self.add_row("description", self.tr("&Change:"), self.description)
        self.confirmed_by = combo(people, confirmed_by, "", self)
        self.add_row("confirmed_by", self.tr("Confirmed &by:"), self.confirmed_by)
        self.when = DateTimeEdit(when, self)
        self.add_row("changed_at", self.tr("W&hen:"), self.when)
        # A change of venue moves the meeting: where to.
        self.venue = QLineEdit(venue, self)
        self.add_row("venue", self.tr("&New venue:"), self.venue)
        self.field.currentIndexChanged.connect(self._on_field_changed)
        self._on_field_changed()

    def _on_field_changed(self) -> None:
        self.form.setRowVisible(self.venue, self.field.currentData() == "venue")

    def values(self) -> dict[str, Any]:
        return {
            "field": self.field.currentData(),
            "description": self.description.toPlainText(),
            "confirmed_by": self.confirmed_by.currentData(),
            "changed_at": self.when.value(),
            "venue": self.venue.text(),
        }
