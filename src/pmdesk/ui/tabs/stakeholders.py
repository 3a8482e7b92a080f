"""Stakeholders tab: the PM's private register of the client's people and its history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSplitter, QVBoxLayout, QWidget

from pmdesk.models import Assessment, CooperationType, Engagement, Person, Role, Side
from pmdesk.services import people
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.tables import fit_columns, record_table


class StakeholdersTab(ProjectTab):
    """Who the client's people are, how they engage, which cooperation type each is."""

    watches = (Person, Assessment)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        edit = context.editor.edit

        def enum_column(header: str, enum: type, name: str, undo_text: str) -> Column[Person]:
            return Column(
                header,
                lambda p: getattr(p, name),
                display=lambda p: label(enum(getattr(p, name))) if getattr(p, name) else "",
                choices=context.choices(enum),
                edit=lambda p, v: edit(Person, p.id, {name: v}, undo_text),
            )

        def score_column(header: str, name: str, undo_text: str) -> Column[Person]:
            return Column(
                header,
                lambda p: getattr(p, name),
                choices=[(n, str(n)) for n in range(1, 6)],
                edit=lambda p, v: edit(Person, p.id, {name: int(v)}, undo_text),
                align_right=True,
            )

        self.internal_note = QLabel(
            self.tr("Internal analysis: for the consultant team only, never sent to the client."),
            self,
        )
        self.internal_note.setObjectName("internalBanner")
        self.internal_note.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, unit, title, role…"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)

        self.register = RecordTableModel[Person](
            [
                Column(
                    self.tr("Name"),
                    lambda p: p.name,
                    edit=lambda p, v: edit(Person, p.id, {"name": v}, self.tr("Rename person")),
                ),
                Column(self.tr("Side"), lambda p: label(Side(p.side))),
                Column(self.tr("Role"), lambda p: label(Role(p.role))),
                Column(self.tr("Unit"), lambda p: p.org_unit),
                Column(self.tr("Title"), lambda p: p.title),
                enum_column(
                    self.tr("Engagement now"),
                    Engagement,
                    "engagement_current",
                    self.tr("Change engagement"),
                ),
                enum_column(
                    self.tr("Engagement wanted"),
                    Engagement,
                    "engagement_desired",
                    self.tr("Change desired engagement"),
                ),
                score_column(self.tr("Influence"), "influence", self.tr("Change influence")),
                score_column(self.tr("Interest"), "interest", self.tr("Change interest")),
                enum_column(
                    self.tr("Cooperation type"),
                    CooperationType,
                    "cooperation_type",
                    self.tr("Change cooperation type"),
                ),
                Column(self.tr("Next action"), lambda p: p.next_action),
            ],
            self,
        )
        self.register_view = record_table(self.register, self.tr("Stakeholder register"), self)
        self.register_view.selectionModel().selectionChanged.connect(
            self._on_register_selection_changed
        )
        self.history = RecordTableModel[Assessment](
            [
                Column(self.tr("Date"), lambda a: a.assessed_at),
                Column(
                    self.tr("Engagement"),
                    lambda a: label(Engagement(a.engagement)) if a.engagement else "",
                ),
                Column(
                    self.tr("Cooperation type"),
                    lambda a: (
                        label(CooperationType(a.cooperation_type)) if a.cooperation_type else ""
                    ),
                ),
                Column(self.tr("Source"), lambda a: a.source),
                Column(self.tr("Comment"), lambda a: a.comment, stretch=True),
            ],
            self,
        )
        self.history_view = record_table(self.history, self.tr("Assessment history"), self)
        self.history_title = QLabel(self)

        history_box = QWidget(self)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_view)
        register_box = QWidget(self)
        register_layout = QVBoxLayout(register_box)
        register_layout.setContentsMargins(0, 0, 0, 0)
        register_layout.addWidget(self.search)
        register_layout.addWidget(self.register_view)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("stakeholdersSplitter")
        split.addWidget(group(self.tr("Register"), register_box))
        split.addWidget(group(self.tr("Assessment history"), history_box))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.splitters = [split]

        layout = QVBoxLayout(self)
        layout.addWidget(self.internal_note)
        layout.addWidget(split, 1)

    def reload(self) -> None:
        selected = self._selected_person()
        rows = people.list_people(self.project_id) if self.project_id else []
        self.register.set_rows(rows)
        fit_columns(self.register_view)
        if selected is not None:
            for row, person in enumerate(self.register.rows()):
                if person.id == selected.id:
                    self.register_view.selectRow(row)
                    break
        self._show_history()

    def _selected_person(self) -> Person | None:
        rows = self.register_view.selectionModel().selectedRows()
        return self.register.row(rows[0].row()) if rows else None

    def _on_search_text_changed(self, text: str) -> None:
        needle = text.strip().casefold()
        label = self.context.label

        def matches(person: Person) -> bool:
            haystack = " ".join(
                [person.name, person.org_unit, person.title, label(Role(person.role))]
            )
            return needle in haystack.casefold()

        self.register.set_filter(matches if needle else None)

    def _on_register_selection_changed(self, *_args: object) -> None:
        self._show_history()

    def _show_history(self) -> None:
        person = self._selected_person()
        if person is None:
            self.history.set_rows([])
            self.history_title.setText(self.tr("Select a person to see their history."))
            return
        self.history_title.setText(self.tr("History of {name}").format(name=person.name))
        self.history.set_rows(people.assessments(person.id))
        fit_columns(self.history_view)
