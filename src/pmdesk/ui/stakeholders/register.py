"""The stakeholder register: everyone on both sides, filtered and searched, edited in place
or in the person dialog; the current row is the person the rest of the tab shows."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import CooperationType, Engagement, Person, Role, Side
from pmdesk.services import Changes, ValidationProblem, people, projects
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.person_dialog import PersonDialog
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.stakeholders.common import save_person
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.selection import current_record, follow_current, select_record
from pmdesk.ui.widgets.tables import fit_columns, record_table

_NOT_ASSESSED = "-"  # the engagement filter's "not assessed" choice


class RegisterSection(QWidget):
    """The register with its filters and actions; `person_changed` follows the current row."""

    #: The person of the new current row (None when no row is current).
    person_changed = Signal(object)
    #: The rows shown changed by a filter (the grid shows the same people).
    filtered = Signal()

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.project_id: int | None = None
        self._records: dict[int, sh.OnTimeRecord] = {}
        label = context.label

        def person_edit(name: str, undo_text: str, convert: Any = str) -> Any:
            def edit(person: Person, value: Any) -> None:
                self._report(
                    save_person(
                        context,
                        person.id,
                        {name: convert(value) if value not in (None, "") else None},
                        undo_text,
                        source=self.tr("Stakeholder register"),
                        version=person.row_version,
                    )
                )

            return edit

        def enum_column(header: str, enum: type, name: str, undo_text: str) -> Column[Person]:
            return Column(
                header,
                lambda p: getattr(p, name),
                display=lambda p: context.label_of(enum, getattr(p, name)),
                choices=context.choices(enum),
                edit=person_edit(name, undo_text),
            )

        def score_column(header: str, name: str, undo_text: str) -> Column[Person]:
            return Column(
                header,
                lambda p: getattr(p, name) if p.side == Side.CLIENT else None,
                choices=[(n, str(n)) for n in range(1, 6)],
                edit=person_edit(name, undo_text, int),
                align_right=True,
            )

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, unit, title, role…"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setClearButtonEnabled(True)
        self.side_filter = self._filter_box(
            self.tr("Side"), [(s.value, label(s)) for s in Side], self.tr("Both sides")
        )
        self.role_filter = self._filter_box(
            self.tr("Role"), [(r.value, label(r)) for r in Role], self.tr("All roles")
        )
        self.type_filter = self._filter_box(
            self.tr("Cooperation type"),
            [(c.value, label(c)) for c in CooperationType],
            self.tr("All types"),
        )
        self.engagement_filter = self._filter_box(
            self.tr("Engagement now"),
            [(e.value, label(e)) for e in Engagement] + [(_NOT_ASSESSED, self.tr("Not assessed"))],
            self.tr("Any engagement"),
        )
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setToolTip(self.tr("Add a person to the register"))
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setToolTip(
            self.tr("Export the register and its history (.xlsx, internal)")
        )
        self.export_action = QAction(self.tr("Stakeholder register (internal)…"), self)
        # Seniority: the order the PM sets within each role (the sponsor first), which
        # client documents follow. Ctrl+Up/Down in the register, as in the kickoff lists.
        self.up_action = QAction(self.tr("Move up"), self)
        self.up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_action.setToolTip(self.tr("More senior: listed earlier in client documents"))
        self.down_action = QAction(self.tr("Move down"), self)
        self.down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_action.setToolTip(self.tr("Less senior: listed later in client documents"))
        for action in (self.up_action, self.down_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        for button, action in (
            (self.up_button, self.up_action),
            (self.down_button, self.down_action),
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.toolTip()} ({keys})")
        self._ranks: dict[int, int] = {}

        self.register = RecordTableModel[Person](
            [
                Column(
                    self.tr("Name"),
                    lambda p: p.name,
                    edit=person_edit("name", self.tr("Rename person")),
                ),
                Column(self.tr("Side"), lambda p: label(Side(p.side))),
                Column(self.tr("Role"), lambda p: label(Role(p.role))),
                Column(
                    self.tr("Rank"),
                    lambda p: self._ranks.get(p.id),
                    align_right=True,
                ),
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
                Column(self.tr("Gap"), sh.engagement_gap, align_right=True),
                score_column(self.tr("Influence"), "influence", self.tr("Change influence")),
                score_column(self.tr("Interest"), "interest", self.tr("Change interest")),
                Column(
                    self.tr("Quadrant"),
                    lambda p: (
                        sh.quadrant_label(sh.quadrant(p.influence, p.interest), context.language)
                        if p.side == Side.CLIENT
                        else ""
                    ),
                ),
                Column(self.tr("Suggested"), self._suggested_text),
                enum_column(
                    self.tr("Cooperation type"),
                    CooperationType,
                    "cooperation_type",
                    self.tr("Change cooperation type"),
                ),
                Column(self.tr("Next action"), lambda p: p.next_action, stretch=True),
            ],
            self,
        )
        self.register.tooltip = self._register_tooltip
        self.register_view = record_table(self.register, self.tr("Stakeholder register"), self)
        self.register_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Fifteen columns do not fit beside the grid at 1280 wide: these start hidden
        # (the row order says the rank, the role the side, the matrix the gap, the grid
        # influence, interest and quadrant, the playbook the suggestion); a right-click on
        # the header shows any.
        header = self.register_view.horizontalHeader()
        for name in (
            self.tr("Rank"),
            self.tr("Side"),
            self.tr("Gap"),
            self.tr("Unit"),
            self.tr("Title"),
            self.tr("Influence"),
            self.tr("Interest"),
            self.tr("Quadrant"),
            self.tr("Suggested"),
        ):
            header.setSectionHidden(self.register.column_index(name), True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setToolTip(self.tr("Right-click to show or hide columns"))

        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 4)
        for column, box in enumerate(
            (self.side_filter, self.role_filter, self.type_filter, self.engagement_filter)
        ):
            filters.addWidget(box, 1, column)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.register_view, 1)
        layout.addLayout(buttons)
        # Tab order as laid out: search, filters, the table, then its buttons.
        chain = [
            self.search,
            self.side_filter,
            self.role_filter,
            self.type_filter,
            self.engagement_filter,
            self.register_view,
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.up_button,
            self.down_button,
            self.export_button,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self._connect_signals()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_filters_changed)
        follow_current(self.register_view, self.register, self._on_current_person)
        self.register_view.doubleClicked.connect(self._on_register_double_clicked)
        self.register_view.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_menu_requested
        )
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.export_button.clicked.connect(self._on_export_register)
        self.export_action.triggered.connect(self._on_export_register)
        self.up_action.triggered.connect(self._on_up_triggered)
        self.down_action.triggered.connect(self._on_down_triggered)
        self.up_button.clicked.connect(self.up_action.trigger)
        self.down_button.clicked.connect(self.down_action.trigger)

    def _on_header_menu_requested(self, position: QPoint) -> None:
        header = self.register_view.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.register.columnCount()):
            action = menu.addAction(self.register.column(column).header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.exec(header.mapToGlobal(position))

    def _filter_box(self, name: str, choices: list[tuple[str, str]], everyone: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(self.tr("Filter by {what}").format(what=name.lower()))
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(3)
        box.addItem(everyone, None)
        for value, text in choices:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self._on_filters_changed)
        return box

    # -- showing -------------------------------------------------------------------------
    def show_people(
        self, project_id: int | None, rows: list[Person], records: dict[int, sh.OnTimeRecord]
    ) -> None:
        """Show `rows`, keeping the current person if they are still there."""
        selected = self.person_id()
        self.project_id = project_id
        self._records = records
        self._ranks = _ranks(rows)
        self.register.set_rows(rows)
        fit_columns(self.register_view)
        self.select(selected)

    def record_of(self, person: Person | None) -> sh.OnTimeRecord:
        return self._records.get(person.id, sh.OnTimeRecord()) if person else sh.OnTimeRecord()

    def selected_person(self) -> Person | None:
        return current_record(self.register_view, self.register)

    def person_id(self) -> int | None:
        person = self.selected_person()
        return person.id if person else None

    def select(self, person_id: int | None) -> None:
        """Make `person_id`'s row current (nobody, if they are not shown)."""
        if not select_record(self.register_view, self.register, person_id):
            self._on_current_person(None)

    def _on_current_person(self, person: Person | None) -> None:
        self._update_buttons(person)
        self.person_changed.emit(person)

    def _update_buttons(self, person: Person | None = None) -> None:
        self.edit_button.setEnabled(person is not None)
        self.remove_button.setEnabled(person is not None)
        for control in (self.up_action, self.down_action, self.up_button, self.down_button):
            control.setEnabled(person is not None)
        self.add_button.setEnabled(self.project_id is not None)
        self.export_button.setEnabled(self.project_id is not None)
        self.export_action.setEnabled(self.project_id is not None)

    def _suggested_text(self, person: Person) -> str:
        if person.role != Role.COOPERATING_STAFF:
            return ""
        record = self._records.get(person.id)
        if record is None or not record.enough_history:
            return self.tr("(too few deadlines)")
        return self.context.label(record.suggested)

    def _register_tooltip(self, person: Person) -> str:
        record = self._records.get(person.id)
        if person.role != Role.COOPERATING_STAFF or record is None:
            return ""
        return self.tr(
            "{on_time} of {judged} deadlines on time · {late} late · {overdue} overdue"
        ).format(
            on_time=record.on_time, judged=record.judged, late=record.late, overdue=record.overdue
        )

    def _on_filters_changed(self, *_args: object) -> None:
        needle = self.search.text().strip().casefold()
        side = self.side_filter.currentData()
        role = self.role_filter.currentData()
        kind = self.type_filter.currentData()
        engagement = self.engagement_filter.currentData()
        label = self.context.label

        def matches(person: Person) -> bool:
            if side and person.side != side:
                return False
            if role and person.role != role:
                return False
            if kind and (person.cooperation_type != kind or person.role != Role.COOPERATING_STAFF):
                return False
            if engagement == _NOT_ASSESSED and person.engagement_current:
                return False
            if engagement not in (None, _NOT_ASSESSED) and person.engagement_current != engagement:
                return False
            if needle:
                haystack = " ".join(
                    [
                        person.name,
                        person.org_unit,
                        person.title,
                        label(Role(person.role)),
                        person.email,
                    ]
                )
                return needle in haystack.casefold()
            return True

        active = needle or side or role or kind or engagement
        selected = self.person_id()
        self.register.set_filter(matches if active else None)
        self.select(selected)
        self.filtered.emit()

    # -- actions -------------------------------------------------------------------------
    def _report(self, problem: str | None) -> None:
        if problem:
            self.context.editor.report(problem)

    def _on_add_clicked(self) -> None:
        if self.project_id is None:
            return
        project_id = self.project_id
        dialog: PersonDialog

        def save(values: dict[str, Any]) -> str | None:
            source, _comment = dialog.assessment()
            try:
                person, _changes = sh.add_person(
                    project_id, values, when=self.context.now(), source=source
                )
            except ValidationProblem as problem:
                return problem_text(problem)
            self.context.editor.created(
                Person, person.id, self.tr("Add {name}").format(name=person.name)
            )
            self.select(person.id)
            return None

        dialog = PersonDialog(language=self.context.language, person=None, save=save, parent=self)
        dialog.exec()

    def _on_edit_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        dialog: PersonDialog

        def save(values: dict[str, Any]) -> str | None:
            source, comment = dialog.assessment()
            return save_person(
                self.context,
                person.id,
                values,
                self.tr("Edit {name}").format(name=person.name),
                source=source,
                comment=comment,
                version=person.row_version,
            )

        dialog = PersonDialog(language=self.context.language, person=person, save=save, parent=self)
        dialog.exec()

    def _on_register_double_clicked(self, index: QModelIndex) -> None:
        if self.register.column(index.column()).edit is None:
            self._on_edit_clicked()
        else:
            self.register_view.edit(index)

    def _on_remove_clicked(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            self.tr(
                "Remove {name} with their assessments, memos, coaching and follow-ups? Their "
                "notes and actions stay, without a name. Edit → Undo brings everything back."
            ).format(name=person.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.context.editor.delete(
                Person, person.id, self.tr("Remove {name}").format(name=person.name)
            )

    def _on_up_triggered(self) -> None:
        self._move(-1)

    def _on_down_triggered(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        """Move the current person up or down among the people shown of their role."""
        person = self.selected_person()
        if person is None:
            return
        move = people.move(person.id, step, among=[p.id for p in self.register.rows()])
        if move is None:
            return
        # The register shows the order just set, not a column's sort.
        self.register_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.context.editor.record(
            self.tr("Move {name} up").format(name=person.name)
            if step < 0
            else self.tr("Move {name} down").format(name=person.name),
            redo=lambda: people.apply_seniority(move.after),
            undo=lambda: people.apply_seniority(move.before),
            changes=Changes.of(Person),
        )

    def _on_export_register(self) -> None:
        if self.project_id is None:
            return
        project = projects.get_project(self.project_id)
        run_export(
            self,
            self.context.settings,
            "stakeholders",
            self.project_id,
            self.tr("{project} - stakeholder register (internal)").format(project=project.name),
        )


def _ranks(rows: list[Person]) -> dict[int, int]:
    """Each person's place among the people of their role (1 is the most senior)."""
    counts: dict[tuple[str, str], int] = {}
    ranks = {}
    for person in people.by_seniority(rows):
        group = (person.side, person.role)
        counts[group] = counts.get(group, 0) + 1
        ranks[person.id] = counts[group]
    return ranks
