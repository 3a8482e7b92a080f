"""Stakeholders tab: the PM's private analysis of the client's people (METHOD.md §1, §4).

The register (filter, search, add, edit, remove), the power/interest grid, engagement
now vs wanted, the private follow-up log, and for the selected person the playbook of
their cooperation type and their assessment timeline. All internal: the banner says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.models import (
    ActionItem,
    Assessment,
    CoachingSession,
    CooperationType,
    Engagement,
    EscalationMemo,
    FollowUp,
    Note,
    Person,
    Role,
    Side,
)
from pmdesk.services import NotFound, ValidationProblem, people, projects
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.person_detail import PersonDetail, record_field_edit, save_person
from pmdesk.ui.dialogs.person_dialog import PersonDialog
from pmdesk.ui.dialogs.playbook_dialogs import FollowUpDialog
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.power_grid import GridPoint, PowerGrid
from pmdesk.ui.widgets.tables import fit_columns, record_table

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_NOT_ASSESSED = "-"  # the engagement filter's "not assessed" choice


class EngagementMatrixModel(QAbstractTableModel):
    """Client people by engagement: rows now, columns wanted; off-diagonal cells are gaps."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.levels = list(Engagement)
        self.cells: dict[tuple[Engagement, Engagement], list[Person]] = {}

    def set_people(self, everyone: list[Person]) -> None:
        self.beginResetModel()
        self.cells = sh.engagement_matrix(p for p in everyone if p.side == Side.CLIENT)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.levels)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.levels)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.context.label(self.levels[section])
        return None

    def names(self, row: int, column: int) -> list[str]:
        return [p.name for p in self.cells.get((self.levels[row], self.levels[column]), [])]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        names = self.names(index.row(), index.column())
        gap = index.column() - index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return ", ".join(names)
        if role == Qt.ItemDataRole.ToolTipRole and names:
            return self.tr("{n} · gap {gap} step(s): {names}").format(
                n=len(names), gap=gap, names=", ".join(names)
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            if gap == 0:
                return QBrush(QColor("#e6f4ea"))
            if gap > 0:  # must move up: the further, the warmer
                return QBrush(QColor(["#fff8e1", "#ffe9b3", "#ffd180", "#ffab91"][min(gap, 4) - 1]))
            return QBrush(QColor("#eeeeee"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class StakeholdersTab(ProjectTab):
    """Who the client's people are, how they engage, which cooperation type each is."""

    watches = (Person, Assessment, EscalationMemo, CoachingSession, FollowUp, ActionItem, Note)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        self._records: dict[int, sh.OnTimeRecord] = {}

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

        self.internal_note = QLabel(
            self.tr("Internal analysis: for the consultant team only, never sent to the client."),
            self,
        )
        self.internal_note.setObjectName("internalBanner")
        self.internal_note.setStyleSheet("color: #8a1c1c; font-weight: bold;")

        # -- the register with its filters ------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search name, unit, title, role…"))
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filters_changed)
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
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("Ed&it…"), self)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setToolTip(
            self.tr("Export the register and its history (.xlsx, internal)")
        )
        self.export_button.clicked.connect(self._on_export_register)

        self.register = RecordTableModel[Person](
            [
                Column(
                    self.tr("Name"),
                    lambda p: p.name,
                    edit=person_edit("name", self.tr("Rename person")),
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
                Column(self.tr("Next action"), lambda p: p.next_action),
            ],
            self,
        )
        self.register.tooltip = self._register_tooltip
        self.register_view = record_table(self.register, self.tr("Stakeholder register"), self)
        self.register_view.selectionModel().selectionChanged.connect(
            self._on_register_selection_changed
        )
        self.register_view.doubleClicked.connect(self._on_register_double_clicked)
        self.register_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )

        # -- overview: the grid, the engagement matrix, the follow-up log -------------------
        self.grid = PowerGrid(context.language, self)
        self.grid.moved.connect(self._on_grid_moved)
        self.grid.selected.connect(self._on_grid_selected)
        self.grid_png_button = QPushButton(self.tr("Save grid as P&NG…"), self)
        self.grid_png_button.clicked.connect(self._on_export_grid)
        grid_page = QWidget(self)
        grid_layout = QVBoxLayout(grid_page)
        grid_layout.setContentsMargins(2, 2, 2, 2)
        grid_layout.addWidget(self.grid, 1)
        grid_row = QHBoxLayout()
        grid_hint = QLabel(
            self.tr("Drag a person, or Page Up/Down then the arrow keys, to move them."), self
        )
        grid_hint.setWordWrap(True)
        grid_row.addWidget(grid_hint, 1)
        grid_row.addWidget(self.grid_png_button)
        grid_layout.addLayout(grid_row)

        self.matrix = EngagementMatrixModel(context, self)
        self.matrix_view = QTableView(self)
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setAccessibleName(
            self.tr("Engagement now (rows) against wanted (columns)")
        )
        self.matrix_view.setWordWrap(True)
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.matrix_summary = QLabel(self)
        self.matrix_summary.setWordWrap(True)
        matrix_page = QWidget(self)
        matrix_layout = QVBoxLayout(matrix_page)
        matrix_layout.setContentsMargins(2, 2, 2, 2)
        matrix_caption = QLabel(self.tr("Rows: engagement now · columns: engagement wanted"), self)
        matrix_caption.setWordWrap(True)
        matrix_layout.addWidget(matrix_caption)
        matrix_layout.addWidget(self.matrix_view, 1)
        matrix_layout.addWidget(self.matrix_summary)

        self.follow_up_log = RecordTableModel[FollowUp](
            [
                Column(self.tr("Date"), lambda f: f.follow_up_on),
                Column(self.tr("Person"), lambda f: f.person.name),
                Column(self.tr("Reason"), lambda f: f.reason, stretch=True),
                Column(self.tr("Outcome"), lambda f: f.outcome, stretch=True),
                Column(self.tr("New commitment"), lambda f: f.new_commitment_date),
            ],
            self,
        )
        self.follow_up_view = record_table(self.follow_up_log, self.tr("Follow-up log"), self)
        self.follow_up_view.doubleClicked.connect(self._on_edit_follow_up)
        self.add_follow_up_button = QPushButton(self.tr("Add follow-up…"), self)
        self.add_follow_up_button.setToolTip(self.tr("Log a private follow-up"))
        self.add_follow_up_button.clicked.connect(lambda: self.add_follow_up(self._person_id()))
        self.edit_follow_up_button = QPushButton(self.tr("Edit…"), self)
        self.edit_follow_up_button.setAccessibleName(self.tr("Edit follow-up"))
        self.edit_follow_up_button.clicked.connect(self._on_edit_follow_up)
        self.delete_follow_up_button = QPushButton(self.tr("Delete"), self)
        self.delete_follow_up_button.setAccessibleName(self.tr("Delete follow-up"))
        self.delete_follow_up_button.clicked.connect(self._on_delete_follow_up)
        follow_page = QWidget(self)
        follow_layout = QVBoxLayout(follow_page)
        follow_layout.setContentsMargins(2, 2, 2, 2)
        follow_layout.addWidget(self.follow_up_view, 1)
        follow_buttons = QHBoxLayout()
        for button in (
            self.add_follow_up_button,
            self.edit_follow_up_button,
            self.delete_follow_up_button,
        ):
            follow_buttons.addWidget(button)
        follow_buttons.addStretch(1)
        follow_layout.addLayout(follow_buttons)

        self.overview = QTabWidget(self)
        self.overview.setObjectName("stakeholderOverview")
        self.overview.addTab(grid_page, self.tr("Power/interest &grid"))
        self.overview.addTab(matrix_page, self.tr("Engagement ma&trix"))
        self.overview.addTab(follow_page, self.tr("Follo&w-up log"))

        # -- the selected person ------------------------------------------------------------
        self.history_title = QLabel(self)
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.detail = PersonDetail(context, self.add_follow_up, self)
        self.history = self.detail.history
        self.history_view = self.detail.history_view

        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 4)
        for column, box in enumerate(
            (self.side_filter, self.role_filter, self.type_filter, self.engagement_filter)
        ):
            filters.addWidget(box, 1, column)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        register_box = QWidget(self)
        register_layout = QVBoxLayout(register_box)
        register_layout.setContentsMargins(0, 0, 0, 0)
        register_layout.addLayout(filters)
        register_layout.addWidget(self.register_view, 1)
        register_layout.addLayout(buttons)
        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.history_title)
        detail_layout.addWidget(self.detail, 1)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.setObjectName("stakeholdersTopSplitter")
        top.addWidget(group(self.tr("Register"), register_box))
        top.addWidget(self.overview)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("stakeholdersSplitter")
        split.addWidget(top)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.splitters = [split, top]

        layout = QVBoxLayout(self)
        layout.addWidget(self.internal_note)
        layout.addWidget(split, 1)
        self.export_action = QAction(self.tr("Stakeholder register (internal)…"), self)
        self.export_action.triggered.connect(self._on_export_register)
        self._update_buttons()

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

    def export_actions(self) -> list[QAction]:
        return [self.export_action]

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self._person_id()
        today = self.context.now().date()
        rows = people.list_people(self.project_id) if self.project_id else []
        self._records = sh.on_time_records(self.project_id, today) if self.project_id else {}
        self.register.set_rows(rows)
        fit_columns(self.register_view)
        self.matrix.set_people(rows)
        client = [p for p in rows if p.side == Side.CLIENT]
        unassessed = [p.name for p in client if sh.engagement_gap(p) is None]
        gaps = [p for p in client if (sh.engagement_gap(p) or 0) > 0]
        summary = self.tr("{gaps} of {n} client people must move up.").format(
            gaps=len(gaps), n=len(client)
        )
        if unassessed:
            summary += " " + self.tr("Not assessed: {names}").format(names=", ".join(unassessed))
        self.matrix_summary.setText(summary)
        self.follow_up_log.set_rows(sh.follow_ups(self.project_id) if self.project_id else [])
        fit_columns(self.follow_up_view)
        self._refresh_grid()
        self._select(selected)
        self._show_person()

    def _refresh_grid(self) -> None:
        self.grid.set_points(
            [
                GridPoint(
                    p.id,
                    p.name,
                    p.influence,
                    p.interest,
                    CooperationType(p.cooperation_type),
                    leader=p.role != Role.COOPERATING_STAFF,
                )
                for p in self.register.rows()
                if p.side == Side.CLIENT
            ]
        )
        self.grid.select(self._person_id())

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

    # -- selection ----------------------------------------------------------------------
    def _selected_person(self) -> Person | None:
        rows = self.register_view.selectionModel().selectedRows()
        return self.register.row(rows[0].row()) if rows else None

    def _person_id(self) -> int | None:
        person = self._selected_person()
        return person.id if person else None

    def _select(self, person_id: int | None) -> None:
        for row, person in enumerate(self.register.rows()):
            if person.id == person_id:
                self.register_view.selectRow(row)
                return
        self.register_view.clearSelection()

    def _on_register_selection_changed(self, *_args: object) -> None:
        self.grid.select(self._person_id())
        self._show_person()

    def _show_person(self) -> None:
        person = self._selected_person()
        if person is None:
            self.history_title.setText(
                self.tr("Select a person to see their analysis and history.")
            )
        else:
            self.history_title.setText(
                self.tr("{role} · {name}").format(
                    role=self.context.label(Role(person.role)), name=person.name
                )
            )
        record = self._records.get(person.id, sh.OnTimeRecord()) if person else sh.OnTimeRecord()
        self.detail.show_person(person, record)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self._selected_person() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.add_button.setEnabled(self.project_id is not None)
        self.export_button.setEnabled(self.project_id is not None)
        self.export_action.setEnabled(self.project_id is not None)
        self.add_follow_up_button.setEnabled(self.project_id is not None)

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
        selected = self._person_id()
        self.register.set_filter(matches if active else None)
        self._refresh_grid()
        self._select(selected)
        self._show_person()

    # -- the register's actions ---------------------------------------------------------
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
                return str(problem)
            self.context.editor.created(
                Person, person.id, self.tr("Add {name}").format(name=person.name)
            )
            self._select(person.id)
            return None

        dialog = PersonDialog(language=self.context.language, person=None, save=save, parent=self)
        dialog.exec()

    def _on_edit_clicked(self) -> None:
        person = self._selected_person()
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
        person = self._selected_person()
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

    # -- the grid -----------------------------------------------------------------------
    def _on_grid_moved(self, person_id: int, influence: int, interest: int) -> None:
        self._report(
            save_person(
                self.context,
                person_id,
                {"influence": influence, "interest": interest},
                self.tr("Move on the power/interest grid"),
            )
        )
        self.grid.select(person_id)

    def _on_grid_selected(self, person_id: int) -> None:
        self._select(person_id)

    def _on_export_grid(self) -> None:
        if self.project_id is None:
            return
        project = projects.get_project(self.project_id)
        grid_name = self.tr("power-interest grid")
        suggested = str(Path.home() / f"{project.name} - {grid_name}.png")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save grid as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if not name:
            return
        target = Path(name) if name.lower().endswith(".png") else Path(name + ".png")
        title = self.tr("Power/interest grid")
        image = self.grid.render_image(f"{project.name} — {title} — {sh.CONFIDENTIAL}")

        def write(path: Path) -> None:
            if not image.save(str(path)):  # the temporary name ends in .png
                raise OSError(f"could not encode {path.name}")

        try:
            write_atomically(target, write)
        except ExportProblem as problem:
            QMessageBox.warning(self, self.tr("Grid not saved"), str(problem))

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

    # -- the follow-up log ----------------------------------------------------------------
    def _people_choices(self) -> list[tuple[int, str]]:
        everyone = people.list_people(self.project_id) if self.project_id else []
        return [(p.id, p.name) for p in everyone]

    def add_follow_up(self, person_id: int | None) -> None:
        """Log a private follow-up (with `person_id` chosen, if given)."""
        if self.project_id is None:
            return
        project_id = self.project_id

        def save(values: dict[str, Any]) -> str | None:
            person = values.pop("person")
            try:
                record = sh.add_follow_up(project_id, person, **values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            self.context.editor.created(FollowUp, record.id, self.tr("Log follow-up"))
            return None

        today = self.context.now().date()
        FollowUpDialog(
            title=self.tr("Private follow-up"),
            people=self._people_choices(),
            person_id=person_id,
            follow_up_on=today,
            today=today,
            save=save,
            parent=self,
        ).exec()

    def _selected_follow_up(self) -> FollowUp | None:
        rows = self.follow_up_view.selectionModel().selectedRows()
        return self.follow_up_log.row(rows[0].row()) if rows else None

    def _on_edit_follow_up(self, *_args: object) -> None:
        record = self._selected_follow_up()
        if record is None:
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.update_follow_up(record.id, values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            record_field_edit(self.context, edit, self.tr("Edit follow-up"))
            return None

        today = self.context.now().date()
        FollowUpDialog(
            title=self.tr("Private follow-up"),
            people=self._people_choices(),
            person_id=record.__data__["person"],
            follow_up_on=record.follow_up_on,
            reason=record.reason,
            outcome=record.outcome,
            new_commitment_date=record.new_commitment_date,
            today=today,
            save=save,
            parent=self,
        ).exec()

    def _on_delete_follow_up(self) -> None:
        record = self._selected_follow_up()
        if record is not None:
            self.context.editor.delete(FollowUp, record.id, self.tr("Delete follow-up"))
