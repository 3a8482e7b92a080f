"""Adding or editing a person of the register: contact details and the internal analysis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import CooperationType, Engagement, Language, Person, Role, Side
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.playbook_dialogs import FormDialog, Save, choice_box, text_box


def cause_checkboxes(
    language: Language, chosen: Sequence[str], parent: QWidget, columns: int = 2
) -> tuple[QGridLayout, dict[str, QCheckBox]]:
    """The common cause factors as checkboxes, helping ones first."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    boxes: dict[str, QCheckBox] = {}
    for index, factor in enumerate(sh.CAUSE_FACTORS):
        box = QCheckBox(sh.cause_factor_label(factor.key, language), parent)
        box.setChecked(factor.key in chosen)
        box.setAccessibleName(box.text())
        boxes[factor.key] = box
        grid.addWidget(box, index // columns, index % columns)
    return grid, boxes


class PersonDialog(FormDialog):
    """All of a person's fields; the analysis group is for client people only."""

    def __init__(
        self,
        *,
        language: Language,
        person: Person | None,
        save: Save,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Add person")
            if person is None
            else self.tr("Edit {name}").format(name=person.name)
        )
        super().__init__(title, save, parent)
        self.language = language

        def label(value: Any) -> str:
            return vocabulary.label(value, language)

        self.name = QLineEdit(person.name if person else "", self)
        self.name.setAccessibleName(self.tr("Name"))
        self.role = choice_box(
            self.tr("Project role"),
            [(r.value, label(r)) for r in Role],
            person.role if person else Role.COOPERATING_STAFF.value,
            self,
        )
        self.org_unit = QLineEdit(person.org_unit if person else "", self)
        self.org_unit.setAccessibleName(self.tr("Unit"))
        self.job_title = QLineEdit(person.title if person else "", self)
        self.job_title.setAccessibleName(self.tr("Title"))
        self.email = QLineEdit(person.email if person else "", self)
        self.email.setAccessibleName(self.tr("Email"))
        self.phone = QLineEdit(person.phone if person else "", self)
        self.phone.setAccessibleName(self.tr("Phone"))
        contact = QHBoxLayout()
        contact.addWidget(self.email, 2)
        contact.addWidget(self.phone, 1)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("Ro&le:"), self.role)
        self.form.addRow(self.tr("&Unit:"), self.org_unit)
        self.form.addRow(self.tr("&Title:"), self.job_title)
        # A row holding a layout gets no buddy from addRow: give the label one, so the
        # mnemonic works and is not drawn as a literal "&".
        contact_label = QLabel(self.tr("E&mail, phone:"), self)
        contact_label.setBuddy(self.email)
        self.form.addRow(contact_label, contact)

        self.analysis = QGroupBox(self.tr("Internal analysis (never sent to the client)"), self)
        grid = QGridLayout(self.analysis)
        not_assessed = [("", self.tr("— not assessed —"))]
        engagements = not_assessed + [(e.value, label(e)) for e in Engagement]
        self.engagement_current = choice_box(
            self.tr("Engagement now"),
            engagements,
            (person.engagement_current or "") if person else "",
            self,
        )
        self.engagement_desired = choice_box(
            self.tr("Engagement wanted"),
            engagements,
            (person.engagement_desired or "") if person else "",
            self,
        )
        self.influence = self._score(self.tr("Influence"), person.influence if person else 3)
        self.interest = self._score(self.tr("Interest"), person.interest if person else 3)
        self.cooperation_type = choice_box(
            self.tr("Cooperation type"),
            [(c.value, label(c)) for c in CooperationType],
            person.cooperation_type if person else CooperationType.UNCLASSIFIED.value,
            self,
        )
        chosen = sh.parse_cause_factors(person.cause_factors) if person else []
        # Three columns of the short Chinese names; the English ones need two to fit a
        # 1280-pixel screen (Qt opens a dialog at most two thirds of it wide).
        columns = 3 if language == Language.ZH_CN else 2
        causes_grid, self.cause_boxes = cause_checkboxes(language, chosen, self, columns=columns)
        self.causes = text_box(self.tr("Causes"), person.causes if person else "", self, 2)
        self.strategy = text_box(self.tr("Strategy"), person.strategy if person else "", self, 2)
        self.next_action = QLineEdit(person.next_action if person else "", self)
        self.next_action.setAccessibleName(self.tr("Next action"))
        self.source = QLineEdit(self.tr("Stakeholder register"), self)
        self.source.setAccessibleName(self.tr("Source of a changed engagement or type"))
        self.comment = QLineEdit(self)
        self.comment.setAccessibleName(self.tr("Why the engagement or type changed"))
        rows: list[tuple[str, QWidget | QGridLayout]] = [
            (self.tr("&Engagement now:"), self.engagement_current),
            (self.tr("Engagement &wanted:"), self.engagement_desired),
            (self.tr("&Influence (1–5):"), self.influence),
            (self.tr("Inte&rest (1–5):"), self.interest),
            (self.tr("Cooperation t&ype:"), self.cooperation_type),
            (self.tr("Common causes:"), causes_grid),
            (self.tr("&Causes:"), self.causes),
            (self.tr("&Strategy:"), self.strategy),
            (self.tr("Ne&xt action:"), self.next_action),
            (self.tr("&Assessment source:"), self.source),
            (self.tr("Assessment c&omment:"), self.comment),
        ]
        for row, (text, widget) in enumerate(rows):
            caption = QLabel(text, self.analysis)
            grid.addWidget(caption, row, 0)
            if isinstance(widget, QGridLayout):
                grid.addLayout(widget, row, 1)
            else:
                caption.setBuddy(widget)
                grid.addWidget(widget, row, 1)
        self.form.addRow(self.analysis)
        self.role.currentIndexChanged.connect(self._on_role_changed)
        self._on_role_changed()
        self.setMinimumWidth(680)

    def _score(self, name: str, value: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 5)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _on_role_changed(self, *_args: object) -> None:
        client = sh.side_of(self.role.currentData()) == Side.CLIENT
        self.analysis.setEnabled(client)
        staff = self.role.currentData() == Role.COOPERATING_STAFF
        self.cooperation_type.setEnabled(staff)

    def values(self) -> dict[str, Any]:
        role = self.role.currentData()
        values: dict[str, Any] = {
            "name": self.name.text(),
            "role": role,
            "side": sh.side_of(role).value,
            "org_unit": self.org_unit.text(),
            "title": self.job_title.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
        }
        if self.analysis.isEnabled():
            values |= {
                "engagement_current": self.engagement_current.currentData() or None,
                "engagement_desired": self.engagement_desired.currentData() or None,
                "influence": self.influence.value(),
                "interest": self.interest.value(),
                "cooperation_type": self.cooperation_type.currentData(),
                "cause_factors": [k for k, box in self.cause_boxes.items() if box.isChecked()],
                "causes": self.causes.toPlainText(),
                "strategy": self.strategy.toPlainText(),
                "next_action": self.next_action.text(),
            }
        return values

    def assessment(self) -> tuple[str, str]:
        """Source and comment for the assessment a changed engagement or type writes."""
        return self.source.text(), self.comment.text()
