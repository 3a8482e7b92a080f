"""The step plan: every step with its owner and deadline, edited in place or in the step
dialog, rolled over after a progress meeting, and the tracker sent to and read back from
the client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QWidget

from pmdesk.models import ActionItem, ActionStatus, Priority
from pmdesk.services import Changes, NotFound, ValidationProblem, progress
from pmdesk.services.progress import CARRY_OVER_FLAG
from pmdesk.services.projects import get_project
from pmdesk.ui.dialogs.progress_forms import ActionDialog
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, as_date, bar, button, field_value
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.forms import in_tab_order, problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table

if TYPE_CHECKING:
    from pmdesk.imports import tracker_xlsx as tracker_import


class StepsSection(ProgressSection):
    """Every step of the plan, filtered by owner."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("stepsSection")
        label = context.label
        edit = self._edit_action
        self._owner_choices: list[tuple[Any, str]] = []

        self.owner_box = QComboBox(self)
        self.owner_box.setAccessibleName(self.tr("Show the steps of"))
        self.owner_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        owner_label = QLabel(self.tr("O&wner:"), self)
        owner_label.setBuddy(self.owner_box)

        self.plan = RecordTableModel[ActionItem](
            [
                Column(self.tr("ID"), lambda a: progress.tracker_id(a.number), align_right=True),
                Column(
                    self.tr("Step"),
                    lambda a: a.title,
                    edit=lambda a, v: edit(a, {"title": v}, self.tr("Edit step")),
                ),
                Column(
                    self.tr("Owner"),
                    lambda a: a.owner_id,
                    display=lambda a: a.owner.name if a.owner else "",
                    choices=self._owner_choices,
                    edit=lambda a, v: edit(a, {"owner": v}, self.tr("Change owner")),
                ),
                Column(
                    self.tr("Start"),
                    lambda a: a.start_date,
                    edit=lambda a, v: edit(
                        a, {"start_date": as_date(v)}, self.tr("Change start date")
                    ),
                ),
                Column(
                    self.tr("Due"),
                    lambda a: a.due_date,
                    edit=lambda a, v: edit(a, {"due_date": as_date(v)}, self.tr("Change due date")),
                ),
                Column(
                    self.tr("Status"),
                    lambda a: a.status,
                    display=lambda a: label(ActionStatus(a.status)),
                    choices=context.choices(ActionStatus),
                    edit=self._set_status,
                ),
                Column(
                    self.tr("Completed"),
                    lambda a: a.completed_on,
                    edit=lambda a, v: edit(
                        a, {"completed_on": as_date(v)}, self.tr("Change completion date")
                    ),
                ),
                Column(
                    self.tr("Priority"),
                    lambda a: a.priority,
                    display=lambda a: label(Priority(a.priority)),
                    choices=context.choices(Priority),
                    edit=lambda a, v: edit(a, {"priority": v}, self.tr("Change priority")),
                ),
                Column(
                    self.tr("Client help"),
                    lambda a: a.needs_client_assistance,
                    checkable=True,
                    edit=lambda a, v: edit(
                        a, {"needs_client_assistance": bool(v)}, self.tr("Change client help")
                    ),
                ),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
                Column(
                    self.tr("Next step"),
                    lambda a: a.next_step,
                    edit=lambda a, v: edit(a, {"next_step": str(v).strip()}, self.tr("Next step")),
                ),
                Column(self.tr("Client comment"), lambda a: a.client_comment),
                Column(
                    self.tr("Notes (internal)"),
                    lambda a: a.notes,
                    stretch=True,
                    edit=lambda a, v: edit(a, {"notes": str(v).strip()}, self.tr("Edit notes")),
                ),
            ],
            self,
        )
        self.plan.background = self._plan_brush
        self.plan.tooltip = self._plan_tooltip
        self.plan_view = record_table(self.plan, self.tr("Step plan"), self)

        self.add_step_button = button(self.tr("&Add step…"), self, self._on_add_step)
        self.edit_step_button = button(self.tr("Ed&it…"), self, self._on_edit_step)
        self.delete_step_button = button(self.tr("Delete"), self, self._on_delete_step)
        self.roll_over_button = button(
            self.tr("Roll over ope&n items"),
            self,
            self._on_roll_over,
            self.tr(
                "After a progress meeting: every open step past its due date is carried over "
                "once more; at {n} carry-overs it is flagged."
            ).format(n=CARRY_OVER_FLAG),
        )
        self.import_button = button(self.tr("I&mport tracker…"), self, self._on_import_tracker)
        self.tracker_button = button(self.tr("E&xport tracker…"), self, self._on_export_tracker)
        self.layout_.addLayout(
            bar(
                owner_label,
                self.owner_box,
                self.add_step_button,
                self.edit_step_button,
                self.delete_step_button,
                self.roll_over_button,
                self.import_button,
                self.tracker_button,
            )
        )
        # Columns fit to the rows on screen: measuring 60 more of 1,000 steps was a fifth of
        # opening the tab (issue #20); a width is capped at 150 anyway.
        self.plan_view.horizontalHeader().setResizeContentsPrecision(0)
        self.layout_.addWidget(self.plan_view, 1)
        in_tab_order(
            self.owner_box,
            self.add_step_button,
            self.edit_step_button,
            self.delete_step_button,
            self.roll_over_button,
            self.import_button,
            self.tracker_button,
            self.plan_view,
        )

        self.add_step_action = QAction(self.tr("Add step"), self)
        self.add_step_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_step_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_step_action = QAction(self.tr("Delete step"), self)
        self.delete_step_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_step_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.plan_view.addAction(self.add_step_action)
        self.plan_view.addAction(self.delete_step_action)
        self.export_tracker_action = QAction(self.tr("Action &tracker (client, .xlsx)…"), self)
        self.import_tracker_action = QAction(self.tr("&Import edited tracker…"), self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.owner_box.currentIndexChanged.connect(self._on_owner_box_changed)
        self.plan_view.doubleClicked.connect(self._on_plan_view_double_clicked)
        self.add_step_action.triggered.connect(self._on_add_step)
        self.delete_step_action.triggered.connect(self._on_delete_step)
        self.export_tracker_action.triggered.connect(self._on_export_tracker)
        self.import_tracker_action.triggered.connect(self._on_import_tracker)

    # -- showing -------------------------------------------------------------------------
    def show_plan(self, shown: PlanShown | None) -> None:
        self.shown = shown
        self._owner_choices[:] = [(None, "—"), *((p.id, p.name) for p in self.people)]
        self.plan.set_rows(shown.actions if shown else [])
        self._fill_owner_box()
        self._apply_owner_filter()
        fit_columns(self.plan_view, 150)  # at 1280 wide every column stays on screen

    def _fill_owner_box(self) -> None:
        current = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItem(self.tr("Everyone"), None)
        for person in self.people:
            self.owner_box.addItem(person.name, person.id)
        self.owner_box.setCurrentIndex(max(self.owner_box.findData(current), 0))
        self.owner_box.blockSignals(False)

    def _on_owner_box_changed(self, _index: int) -> None:
        self._apply_owner_filter()

    def _apply_owner_filter(self) -> None:
        owner = self.owner_box.currentData()
        self.plan.set_filter((lambda a: a.owner_id == owner) if owner is not None else None)

    def _plan_tooltip(self, action: ActionItem) -> str:
        if progress.is_flagged(action):
            return self.tr("Carried over {n} times: raise it with the client lead.").format(
                n=action.carry_over_count
            )
        if progress.is_overdue(action, self._today()):
            return self.tr("Overdue since {date}").format(date=str(action.due_date))
        return ""

    def _set_status(self, action: ActionItem, status: str) -> None:
        values = progress.status_values(action, status, self._today())
        self._edit_action(action, values, self.tr("Change step status"))

    def selected_step(self) -> ActionItem | None:
        return current_record(self.plan_view, self.plan)

    # -- actions -------------------------------------------------------------------------
    def _on_add_step(self) -> None:
        if self.project_id is None:
            return
        dialog = ActionDialog(self.context, self.people, None, self)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        project_id = self.project_id
        self.context.editor.create(
            ActionItem,
            lambda: progress.create_action(
                project_id,
                values["title"],
                owner_id=values["owner"],
                start_date=values["start_date"],
                due_date=values["due_date"],
                status=ActionStatus(values["status"]),
                completed_on=values["completed_on"],
                priority=Priority(values["priority"]),
                needs_client_assistance=values["needs_client_assistance"],
                next_step=values["next_step"],
                notes=values["notes"],
            ),
            self.tr("Add step"),
        )

    def _on_edit_step(self) -> None:
        action = self.selected_step()
        if action is None:
            return
        dialog = ActionDialog(self.context, self.people, action, self)
        if dialog.exec() != ActionDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != field_value(action, k)}
        if values:
            self._edit_action(action, values, self.tr("Edit step"))

    def _on_plan_view_double_clicked(self, index: Any) -> None:
        if not self.plan.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_step()

    def _on_delete_step(self) -> None:
        action = self.selected_step()
        if action is not None:
            self.context.editor.delete(ActionItem, action.id, self.tr("Delete step"))

    def _on_roll_over(self) -> None:
        if self.project_id is None:
            return
        today = self._today()
        candidates = progress.roll_over_candidates(self.project_id, today)
        if not candidates:
            QMessageBox.information(
                self, self.tr("Roll over"), self.tr("No open step is past its due date.")
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Roll over open items"),
            self.tr(
                "After the progress meeting, count one more carry-over for the %n open step(s) "
                "past their due date? Steps carried over {flag} times are flagged.",
                "",
                len(candidates),
            ).format(flag=CARRY_OVER_FLAG),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        edits = progress.roll_over(self.project_id, today)
        self._record_edits(edits, self.tr("Roll over open items"), ActionItem)

    # -- the tracker ---------------------------------------------------------------------
    def _on_export_tracker(self) -> None:
        if self.project_id is None:
            return
        project = get_project(self.project_id)
        name = f"{project.code or project.name} tracker {self._today().isoformat()}"
        run_export(
            self, self.context.settings, "tracker", self.project_id, name,
            open_after=self.open_files,
        )  # fmt: skip

    def _on_import_tracker(self) -> None:
        if self.project_id is None:
            return
        folder = str(self.context.settings.value("exports/folder", str(Path.home())))
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import tracker"), folder, self.tr("Excel workbooks (*.xlsx)")
        )
        if not chosen:
            return
        # openpyxl is big: loaded when the first tracker comes back, not at start.
        from pmdesk.imports import tracker_xlsx as tracker_import
        from pmdesk.ui.dialogs.tracker_import_dialog import TrackerImportDialog

        try:
            preview = tracker_import.read_tracker(self.project_id, Path(chosen), self._today())
        except tracker_import.TrackerProblem as problem:
            problems = getattr(problem, "problems", [problem])
            details = "\n".join(f"• {p.field}: {p.message}" for p in problems[:15])
            QMessageBox.warning(
                self,
                self.tr("Tracker not imported"),
                self.tr("Nothing was changed.") + "\n\n" + details,
            )
            return
        dialog = TrackerImportDialog(preview, self.context.language, self)
        if dialog.exec() != TrackerImportDialog.DialogCode.Accepted:
            return
        self.apply_import(preview)

    def apply_import(self, preview: tracker_import.TrackerPreview) -> bool:
        """Apply a previewed import as one undoable step."""
        from pmdesk.imports import tracker_xlsx as tracker_import

        try:
            applied = tracker_import.apply_tracker(preview)
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(problem_text(problem))
            return False
        state: dict[str, Any] = {}

        def undo() -> None:
            state["snapshots"] = tracker_import.undo_import(applied)

        self.context.editor.record(
            self.tr("Import tracker"),
            redo=lambda: tracker_import.redo_import(applied, state["snapshots"]),
            undo=undo,
            changes=Changes.of(ActionItem),
        )
        return True
