"""Cooperation type: the PM's classification of a cooperating staff member, the suggestion
from their on-time record, and the causes behind their type (METHOD.md §4)."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from pmdesk.models import CooperationType, Person, Role
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.person_dialog import cause_checkboxes
from pmdesk.ui.dialogs.playbook_dialogs import choice_box, text_box
from pmdesk.ui.stakeholders.common import PersonPage, keep_typing, save_person
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper


def is_staff(person: Person | None) -> bool:
    return person is not None and person.role == Role.COOPERATING_STAFF


class CooperationBox(PersonPage):
    """The type chosen, with the suggestion from the on-time record."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.type_box = choice_box(
            self.tr("Cooperation type"), context.choices(CooperationType), None, self
        )
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setToolTip(self._rule_text())
        self.use_suggestion = QPushButton(self.tr("Use suggestion"), self)
        type_box_label = QLabel(self.tr("Cooperation type:"), self)
        type_box_label.setBuddy(self.type_box)
        classify = QGroupBox(self.tr("Cooperation type"), self)
        classify_layout = QGridLayout(classify)
        classify_layout.addWidget(type_box_label, 0, 0)
        classify_layout.addWidget(self.type_box, 0, 1)
        classify_layout.addWidget(self.suggestion, 1, 0, 1, 2)
        classify_layout.addWidget(self.use_suggestion, 2, 1)
        classify_layout.setRowStretch(3, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(classify, 0, 0)
        self.type_box.activated.connect(self._on_type_box_activated)
        self.use_suggestion.clicked.connect(self._on_use_suggestion_clicked)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        super().show_person(person, record)
        staff = is_staff(person)
        kind = CooperationType(person.cooperation_type) if person else CooperationType.UNCLASSIFIED
        self.type_box.setEnabled(staff)
        self.type_box.setCurrentIndex(max(self.type_box.findData(kind.value), 0))
        self.suggestion.setText(self._suggestion_text() if staff else "")
        self.use_suggestion.setEnabled(staff and record.enough_history and record.suggested != kind)

    def _suggestion_text(self) -> str:
        r = self.record
        if r.judged == 0:
            numbers = self.tr("no deadlines passed yet")
        else:
            numbers = self.tr(
                "{on_time} of {judged} deadlines on time ({rate:.0%}) · {late} late · "
                "{overdue} overdue · {carried} moved"
            ).format(
                on_time=r.on_time,
                judged=r.judged,
                rate=r.rate or 0.0,
                late=r.late,
                overdue=r.overdue,
                carried=r.carried_over,
            )
        if not r.enough_history:
            verdict = self.tr("not enough history (needs {n} deadlines)").format(n=sh.MIN_HISTORY)
        else:
            verdict = self.context.label(r.suggested)
        return self.tr("Suggested from the on-time record: <b>{verdict}</b><br>{numbers}").format(
            verdict=verdict, numbers=numbers
        )

    def _rule_text(self) -> str:
        return self.tr(
            "The suggestion counts passed deadlines of the person's action items: done on "
            "time, done late, still open past the due date, and each carry-over (a deadline "
            "missed and moved). Fewer than {n}: not enough history. {overdue} or more "
            "overdue, or at most {passive:.0%} on time: passive. At least {active:.0%} on "
            "time: active. Otherwise: routine. Your own classification always wins."
        ).format(
            n=sh.MIN_HISTORY,
            overdue=sh.PASSIVE_OVERDUE,
            passive=sh.PASSIVE_RATE,
            active=sh.ACTIVE_RATE,
        )

    def _on_type_box_activated(self, _index: int) -> None:
        if self.person is None:
            return
        self._report(
            save_person(
                self.context,
                self.person.id,
                {"cooperation_type": self.type_box.currentData()},
                self.tr("Change cooperation type"),
                source=self.tr("Playbook"),
            )
        )

    def _on_use_suggestion_clicked(self) -> None:
        if self.person is None:
            return
        r = self.record
        self._report(
            save_person(
                self.context,
                self.person.id,
                {"cooperation_type": r.suggested.value},
                self.tr("Use the suggested cooperation type"),
                source=self.tr("On-time record"),
                comment=self.tr("{on_time} of {judged} deadlines on time").format(
                    on_time=r.on_time, judged=r.judged
                ),
            )
        )


class CausesPage(PersonPage):
    """The common causes ticked and the causes in the PM's own words."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        causes_grid, self.cause_boxes = cause_checkboxes(context.language, [], self, columns=3)
        self.causes = text_box(self.tr("Causes in your own words"), "", self, lines=2)
        self.keeper = DraftKeeper(
            self.causes, functools.partial(self._draft_key, "causes"), self._project_id
        )
        self.save_causes = QPushButton(self.tr("Save causes"), self)
        layout = QGridLayout(self)
        layout.addWidget(QLabel(self.tr("Common causes:"), self), 0, 0, 1, 2)
        layout.addLayout(causes_grid, 1, 0, 1, 2)
        causes_label = QLabel(self.tr("In your own words:"), self)
        causes_label.setBuddy(self.causes)
        layout.addWidget(causes_label, 2, 0, 1, 2)
        layout.addWidget(self.causes, 3, 0, 1, 2)
        layout.addWidget(self.save_causes, 4, 1)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(5, 1)
        self.save_causes.clicked.connect(self._on_save_causes_clicked)

    def _draft_key(self, field: str) -> str | None:
        return f"person:{self.person.id}:{field}" if self.person is not None else None

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        keep_typing(self.keeper, self.causes)
        super().show_person(person, record)
        chosen = sh.parse_cause_factors(person.cause_factors) if person else []
        for key, box in self.cause_boxes.items():
            box.setChecked(key in chosen)
        self.causes.setPlainText(person.causes if person else "")
        self.keeper.restore()  # what was typed and not saved before a crash

    def _on_save_causes_clicked(self) -> None:
        if self.person is None:
            return
        values = {
            "cause_factors": [k for k, box in self.cause_boxes.items() if box.isChecked()],
            "causes": self.causes.toPlainText(),
        }
        problem = save_person(self.context, self.person.id, values, self.tr("Edit causes"))
        if problem is None:
            self.keeper.discard()
        self._report(problem)
