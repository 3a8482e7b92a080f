"""Kickoff tab: prepare the kickoff the way METHOD.md §3 says — before, during and after.

A header with the meeting's details and its two exports (kickoff pack, invite), then one
sub-tab per part: the four purposes with their evidence, attendees and division of
labour, agenda, materials with their files, the checklist, the re-confirmation log.
Every change goes through services.kickoff and onto the undo stack.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import tempfile
import zoneinfo
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from peewee import Model
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QDesktopServices, QFocusEvent, QKeyEvent
from PySide6.QtGui import QKeySequence as Keys
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeField,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Language,
    MaterialKind,
    MaterialStatus,
    Meeting,
    MeetingStatus,
    Note,
    NoteKind,
    Person,
    Phase,
    Purpose,
    PurposeNote,
    PurposeState,
    Role,
    Rsvp,
    Side,
)
from pmdesk.models import Material as MaterialRecord
from pmdesk.services import Changes, NotFound, ValidationProblem, kickoff, meetings, people
from pmdesk.services.snapshots import Snapshot
from pmdesk.ui.dialogs.kickoff_forms import (
    DATE_FORMAT,
    TIME_FORMAT,
    AgendaItemDialog,
    ChangeDialog,
    ChecklistStepDialog,
    MaterialDialog,
    PlanKickoffDialog,
    from_qdate,
    from_qtime,
    to_qdate,
    to_qtime,
    zone_box,
)
from pmdesk.ui.dialogs.kickoff_pickers import AttendeesDialog, EvidenceDialog
from pmdesk.ui.export_runner import FOLDER_KEY, run_export, safe_file_name
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.forms import plain_label
from pmdesk.ui.widgets.tables import fit_columns, record_table

OVERDUE_TEXT = QBrush(QColor("#a61b1b"))
_DAY = 24 * 60
Index = QModelIndex | QPersistentModelIndex


def system_zone() -> str:
    """The computer's IANA zone as Qt knows it (on Windows too), else Python's guess."""
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if kickoff.valid_time_zone(name) else kickoff.system_time_zone()


def file_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class ChecklistModel(RecordTableModel[ChecklistItem]):
    """Checklist rows; overdue ones also in red text, not only a red background."""

    overdue: Callable[[ChecklistItem], bool] = staticmethod(lambda _item: False)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return OVERDUE_TEXT if self.overdue(self.row(index.row())) else None
        return super().data(index, role)


class EvidenceEdit(QPlainTextEdit):
    """Free-text evidence, saved when the cursor leaves it or on Ctrl+Enter."""

    committed = Signal(str)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit(self.toPlainText())
            return
        super().keyPressEvent(event)


class KickoffTab(ProjectTab):
    """Prepare the kickoff the way METHOD.md §3 says: before, during and after."""

    watches = (
        Meeting,
        Purpose,
        PurposeNote,
        Attendee,
        AgendaItem,
        MaterialRecord,
        Attachment,
        ChecklistItem,
        ChangeRecord,
        Person,
        Note,
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.meeting: Meeting | None = None
        self._zones = sorted(zoneinfo.available_timezones())
        self._people: list[Person] = []
        self._people_choices: list[tuple[int | None, str]] = []
        self._evidence_counts: dict[int, int] = {}
        self._build_models()
        self._build_actions()
        self._build_layout()
        self._connect_signals()

    # -- building ----------------------------------------------------------------------
    def _build_models(self) -> None:
        label = self.context.label
        choices = self.context.choices

        def edit(model: type[Model], name: str, text: str) -> Callable[[Any, Any], object]:
            return lambda record, value: self._edit(
                model, record.id, {name: value}, text, version=record.row_version
            )

        self.purposes = RecordTableModel[Purpose](
            [
                Column(self.tr("Purpose"), lambda p: label(KickoffPurpose(p.purpose))),
                Column(
                    self.tr("State"),
                    lambda p: p.state,
                    display=lambda p: label(PurposeState(p.state)),
                    choices=choices(PurposeState),
                    edit=edit(Purpose, "state", self.tr("Change purpose state")),
                ),
                Column(
                    self.tr("Evidence"),
                    lambda p: p.evidence,
                    stretch=True,
                    edit=edit(Purpose, "evidence", self.tr("Edit purpose evidence")),
                ),
                Column(
                    self.tr("Notes"),
                    lambda p: self._evidence_counts.get(p.id, 0),
                    align_right=True,
                ),
            ],
            self,
        )
        self.purposes.background = lambda p: DONE_BRUSH if p.state == PurposeState.MET else None
        self.evidence = RecordTableModel[Note](
            [
                Column(self.tr("Meeting"), lambda n: n.meeting.title),
                Column(self.tr("Speaker"), lambda n: n.speaker.name if n.speaker else ""),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(self.tr("Note"), lambda n: n.text, stretch=True),
                Column(self.tr("Internal"), lambda n: self.tr("internal") if n.internal else ""),
            ],
            self,
        )
        self.attendees = RecordTableModel[Attendee](
            [
                Column(self.tr("Name"), lambda a: a.person.name),
                Column(self.tr("Side"), lambda a: label(Side(a.person.side))),
                Column(self.tr("Role"), lambda a: label(Role(a.person.role))),
                Column(self.tr("Title"), lambda a: a.person.title),
                Column(self.tr("Email"), lambda a: a.person.email),
                Column(
                    self.tr("Responsibility"),
                    lambda a: a.responsibility,
                    stretch=True,
                    edit=edit(Attendee, "responsibility", self.tr("Edit responsibility")),
                ),
                Column(
                    self.tr("RSVP"),
                    lambda a: a.rsvp,
                    display=lambda a: label(Rsvp(a.rsvp)),
                    choices=choices(Rsvp),
                    edit=edit(Attendee, "rsvp", self.tr("Change RSVP")),
                ),
            ],
            self,
        )
        self.attendees.tooltip = lambda a: (
            "" if a.person.email else self.tr("No email: not in the meeting invite")
        )
        self.agenda = RecordTableModel[AgendaItem](
            [
                Column(
                    self.tr("#"),
                    lambda a: a.position,
                    display=lambda a: str(self.agenda.rows().index(a) + 1),
                    align_right=True,
                ),
                Column(self.tr("Time"), self._slot),
                Column(
                    self.tr("Item"),
                    lambda a: a.title,
                    stretch=True,
                    edit=edit(AgendaItem, "title", self.tr("Rename agenda item")),
                ),
                Column(
                    self.tr("Presenter"),
                    lambda a: a.__data__.get("presenter"),
                    display=lambda a: a.presenter.name if a.presenter else "",
                    choices=self._people_choices,
                    edit=edit(AgendaItem, "presenter", self.tr("Change presenter")),
                ),
                Column(
                    self.tr("Minutes"),
                    lambda a: a.minutes_allotted,
                    align_right=True,
                    edit=lambda a, v: self._edit(
                        AgendaItem,
                        a.id,
                        {"minutes_allotted": _minutes(v)},
                        self.tr("Change minutes allotted"),
                        version=a.row_version,
                    ),
                ),
            ],
            self,
        )
        self.materials = RecordTableModel[MaterialRecord](
            [
                Column(
                    self.tr("Material"),
                    lambda m: m.title,
                    edit=edit(MaterialRecord, "title", self.tr("Rename material")),
                ),
                Column(
                    self.tr("Kind"),
                    lambda m: m.kind,
                    display=lambda m: label(MaterialKind(m.kind)),
                    choices=choices(MaterialKind),
                    edit=edit(MaterialRecord, "kind", self.tr("Change material kind")),
                ),
                Column(
                    self.tr("Version"),
                    lambda m: m.version,
                    edit=edit(MaterialRecord, "version", self.tr("Change version")),
                ),
                Column(self.tr("File"), self._file_text),
                Column(self.tr("Sent to client"), lambda m: m.sent_on),
                Column(
                    self.tr("Status"),
                    lambda m: m.status,
                    display=lambda m: label(MaterialStatus(m.status)),
                    choices=choices(MaterialStatus),
                    edit=edit(MaterialRecord, "status", self.tr("Change material status")),
                ),
                Column(
                    self.tr("Client's additions"),
                    lambda m: m.client_feedback,
                    stretch=True,
                    edit=edit(
                        MaterialRecord, "client_feedback", self.tr("Edit client's additions")
                    ),
                ),
            ],
            self,
        )
        self.checklist = ChecklistModel(
            [
                Column(
                    self.tr("Done"),
                    lambda c: c.done_at is not None,
                    checkable=True,
                    edit=self._set_done,
                ),
                Column(self.tr("Phase"), lambda c: label(Phase(c.phase))),
                Column(
                    self.tr("Step"),
                    lambda c: c.text,
                    stretch=True,
                    edit=edit(ChecklistItem, "text", self.tr("Edit checklist step")),
                ),
                Column(self.tr("When"), self._relative_due),
                Column(self.tr("Due"), self._due),
                Column(self.tr("Done at"), lambda c: c.done_at),
            ],
            self,
        )
        self.checklist.background = self._checklist_brush
        self.checklist.overdue = self._is_overdue
        self.checklist.tooltip = lambda c: self.tr("Overdue") if self._is_overdue(c) else ""
        self.changes = RecordTableModel[ChangeRecord](
            [
                Column(self.tr("When"), lambda c: c.changed_at),
                Column(
                    self.tr("What"),
                    lambda c: c.field,
                    display=lambda c: label(ChangeField(c.field)),
                    choices=choices(ChangeField),
                    edit=edit(ChangeRecord, "field", self.tr("Change what changed")),
                ),
                Column(
                    self.tr("Change"),
                    lambda c: c.description,
                    stretch=True,
                    edit=edit(ChangeRecord, "description", self.tr("Edit change")),
                ),
                Column(
                    self.tr("Confirmed by"),
                    lambda c: c.__data__.get("confirmed_by"),
                    display=lambda c: c.confirmed_by.name if c.confirmed_by else "",
                    choices=self._people_choices,
                    edit=edit(ChangeRecord, "confirmed_by", self.tr("Change who confirmed")),
                ),
            ],
            self,
        )

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: Keys | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(Keys(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = Keys(shortcut).toString(Keys.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        a = self._action
        ins, delete, edit = Keys(Qt.Key.Key_Insert), Keys(Keys.StandardKey.Delete), "Ctrl+E"
        up, down = "Ctrl+Up", "Ctrl+Down"
        self.pack_action = a(self.tr("Kickoff pack (.docx)…"), self._on_pack_triggered)
        self.invite_action = a(self.tr("Meeting invite (.ics)…"), self._on_invite_triggered)
        self.plan_action = a(self.tr("Pla&n the kickoff…"), self._on_plan_triggered)
        self.link_notes_action = a(self.tr("Link notes…"), self._on_link_notes_triggered, ins)
        self.unlink_note_action = a(self.tr("Unlink note"), self._on_unlink_note_triggered, delete)
        self.add_attendees_action = a(
            self.tr("Add attendees…"), self._on_add_attendees_triggered, ins
        )
        self.remove_attendee_action = a(
            self.tr("Remove attendee"), lambda: self._remove_selected("attendees"), delete
        )
        self.attendee_up_action = a(self.tr("Move up"), lambda: self._move("attendees", -1), up)
        self.attendee_down_action = a(
            self.tr("Move down"), lambda: self._move("attendees", 1), down
        )
        self.add_agenda_action = a(self.tr("Add item…"), self._on_add_agenda_triggered, ins)
        self.edit_agenda_action = a(self.tr("Edit item…"), self._on_edit_agenda_triggered, edit)
        self.remove_agenda_action = a(
            self.tr("Remove item"), lambda: self._remove_selected("agenda"), delete
        )
        self.agenda_up_action = a(self.tr("Move up"), lambda: self._move("agenda", -1), up)
        self.agenda_down_action = a(self.tr("Move down"), lambda: self._move("agenda", 1), down)
        self.add_material_action = a(self.tr("Add material…"), self._on_add_material_triggered, ins)
        self.edit_material_action = a(
            self.tr("Edit material…"), self._on_edit_material_triggered, edit
        )
        self.remove_material_action = a(
            self.tr("Remove material"), lambda: self._remove_selected("materials"), delete
        )
        self.attach_action = a(self.tr("Attach file…"), self._on_attach_triggered, "Ctrl+Shift+A")
        self.open_file_action = a(
            self.tr("Open file"), self._on_open_file_triggered, "Ctrl+Shift+O"
        )
        self.save_file_action = a(
            self.tr("Save file as…"), self._on_save_file_triggered, "Ctrl+Shift+S"
        )
        self.sent_today_action = a(
            self.tr("Sent to client today"), self._on_sent_today_triggered, "Ctrl+Shift+T"
        )
        self.add_step_action = a(self.tr("Add step…"), self._on_add_step_triggered, ins)
        self.edit_step_action = a(self.tr("Edit step…"), self._on_edit_step_triggered, edit)
        self.remove_step_action = a(
            self.tr("Remove step"), lambda: self._remove_selected("checklist"), delete
        )
        self.step_up_action = a(self.tr("Move up"), lambda: self._move("checklist", -1), up)
        self.step_down_action = a(self.tr("Move down"), lambda: self._move("checklist", 1), down)
        self.tick_action = a(self.tr("Done / not done"), self._on_tick_triggered, "Ctrl+D")
        self.add_change_action = a(self.tr("Record change…"), self._on_add_change_triggered, ins)
        self.remove_change_action = a(
            self.tr("Remove change"), lambda: self._remove_selected("changes"), delete
        )

    def _page(
        self,
        key: str,
        name: str,
        actions: Sequence[QAction],
        model: RecordTableModel[Any],
        below: QWidget | None = None,
        *,
        sortable: bool = True,
    ) -> QWidget:
        """A sub-tab: a row of buttons over a table; the actions' keys work inside it."""
        page = QWidget(self)
        page.setObjectName(f"kickoff_{key}_page")
        view = record_table(model, name, page)
        view.setSortingEnabled(sortable)
        self.views[key] = view
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._button_row(page, actions))
        layout.addWidget(view, 1)
        if below is not None:
            layout.addWidget(below)
        return page

    def _button_row(self, page: QWidget, actions: Sequence[QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in actions:
            page.addAction(action)
            button = QToolButton(page)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(plain_label(action.text()))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_layout(self) -> None:
        self.views: dict[str, QTableView] = {}
        self.summary = QLabel(self)
        self.summary.setObjectName("kickoffSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The empty state: a project without a kickoff.
        empty = QWidget(self)
        self.plan_button = QPushButton(self.plan_action.text(), empty)
        self.plan_button.setAccessibleName(self.tr("Plan the kickoff"))
        self.plan_button.clicked.connect(self.plan_action.trigger)
        explain = QLabel(
            self.tr(
                "The kickoff has four purposes: the client knows the project and its plan; "
                "knows the project structure and the consultant team; you learn the "
                "attitude of the client, its leaders and cooperating staff; and which "
                "outcomes the leaders value most. Planning it creates the meeting, its "
                "purposes and the method's before / during / after checklist."
            ),
            empty,
        )
        explain.setWordWrap(True)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addWidget(explain)
        empty_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(self._build_details(editor))
        self.sections = QTabWidget(editor)
        self.sections.setObjectName("kickoffSections")
        self.sections.setDocumentMode(True)
        editor_layout.addWidget(self.sections, 1)
        self._build_sections()

        self.stack = QStackedWidget(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)

    def _build_details(self, parent: QWidget) -> QVBoxLayout:
        self.title_edit = QLineEdit(parent)
        self.status_box = QComboBox(parent)
        for value, text in self.context.choices(MeetingStatus):
            self.status_box.addItem(text, value)
        self.date_edit = QDateEdit(parent)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.start_edit = QTimeEdit(parent)
        self.start_edit.setDisplayFormat(TIME_FORMAT)
        self.end_edit = QTimeEdit(parent)
        self.end_edit.setDisplayFormat(TIME_FORMAT)
        self.zone_box = zone_box(self._zones, "", parent)
        self.zone_box.setMinimumContentsLength(14)
        zone_edit = self.zone_box.lineEdit()
        assert zone_edit is not None
        zone_edit.setPlaceholderText(self.tr("this computer's zone"))
        self.venue_edit = QLineEdit(parent)
        self.pack_button = QPushButton(self.pack_action.text(), parent)
        self.pack_button.clicked.connect(self.pack_action.trigger)
        self.invite_button = QPushButton(self.invite_action.text(), parent)
        self.invite_button.clicked.connect(self.invite_action.trigger)

        def labelled(row: QHBoxLayout, text: str, widget: QWidget, stretch: int = 0) -> None:
            label = QLabel(text, parent)
            label.setBuddy(widget)
            widget.setAccessibleName(plain_label(text))
            row.addWidget(label)
            row.addWidget(widget, stretch)

        first = QHBoxLayout()
        labelled(first, self.tr("T&itle:"), self.title_edit, 3)
        labelled(first, self.tr("Status:"), self.status_box)
        first.addSpacing(12)
        first.addWidget(self.pack_button)
        first.addWidget(self.invite_button)
        second = QHBoxLayout()
        labelled(second, self.tr("&Date:"), self.date_edit)
        labelled(second, self.tr("Start:"), self.start_edit)
        labelled(second, self.tr("E&nd:"), self.end_edit)
        labelled(second, self.tr("Time &zone:"), self.zone_box, 1)
        labelled(second, self.tr("Ven&ue:"), self.venue_edit, 2)
        details = QVBoxLayout()
        details.addLayout(first)
        details.addLayout(second)
        return details

    def _build_sections(self) -> None:
        # Purposes: the table, and below it the selected purpose's evidence.
        purposes_page = self._page(
            "purposes", self.tr("Kickoff purposes"), [], self.purposes, sortable=False
        )
        self.evidence_edit = EvidenceEdit(self)
        self.evidence_edit.setAccessibleName(self.tr("Evidence for the selected purpose"))
        self.evidence_edit.setPlaceholderText(
            self.tr("What shows this purpose is met (saved when you leave the box, or Ctrl+Enter)")
        )
        self.evidence_edit.setTabChangesFocus(True)
        self.detail_keepers = {
            name: DraftKeeper(box, functools.partial(self._meeting_draft_key, name), self._pid)
            for name, box in (("title", self.title_edit), ("venue", self.venue_edit))
        }
        self.evidence_keeper = DraftKeeper(
            self.evidence_edit, self._evidence_draft_key, lambda: self.project_id
        )
        evidence_box = QWidget(self)
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_label = QLabel(self.tr("Evidence"), evidence_box)
        self.evidence_label.setBuddy(self.evidence_edit)
        evidence_layout.addWidget(self.evidence_label)
        evidence_layout.addWidget(self.evidence_edit)
        notes_box = QWidget(self)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addLayout(
            self._button_row(notes_box, [self.link_notes_action, self.unlink_note_action])
        )
        self.views["evidence"] = record_table(
            self.evidence, self.tr("Notes linked as evidence"), notes_box
        )
        notes_layout.addWidget(self.views["evidence"])
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setObjectName("kickoffEvidenceSplitter")
        lower.addWidget(evidence_box)
        lower.addWidget(notes_box)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        purposes_view = self.views["purposes"]
        purposes_layout = purposes_page.layout()
        assert purposes_layout is not None
        purposes_layout.removeWidget(purposes_view)
        split = QSplitter(Qt.Orientation.Vertical, purposes_page)
        split.setObjectName("kickoffPurposesSplitter")
        split.addWidget(purposes_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        purposes_layout.addWidget(split)
        # Four long sentences: wrapped, so the purposes read in full.
        purposes_view.setWordWrap(True)
        purposes_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((0, 300), (1, 90), (3, 60)):
            purposes_view.horizontalHeader().resizeSection(column, width)
        self.splitters = [split, lower]

        attendees_page = self._page(
            "attendees",
            self.tr("Attendees"),
            [
                self.add_attendees_action,
                self.remove_attendee_action,
                self.attendee_up_action,
                self.attendee_down_action,
            ],
            self.attendees,
        )
        self.agenda_total = QLabel(self)
        self.agenda_total.setObjectName("agendaTotal")
        agenda_page = self._page(
            "agenda",
            self.tr("Agenda"),
            [
                self.add_agenda_action,
                self.edit_agenda_action,
                self.remove_agenda_action,
                self.agenda_up_action,
                self.agenda_down_action,
            ],
            self.agenda,
            self.agenda_total,
            sortable=False,
        )
        materials_page = self._page(
            "materials",
            self.tr("Materials"),
            [
                self.add_material_action,
                self.edit_material_action,
                self.attach_action,
                self.open_file_action,
                self.save_file_action,
                self.sent_today_action,
                self.remove_material_action,
            ],
            self.materials,
        )
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdueCount")
        checklist_page = self._page(
            "checklist",
            self.tr("Checklist"),
            [
                self.add_step_action,
                self.edit_step_action,
                self.tick_action,
                self.remove_step_action,
                self.step_up_action,
                self.step_down_action,
            ],
            self.checklist,
            self.overdue_label,
            sortable=False,
        )
        changes_page = self._page(
            "changes",
            self.tr("Re-confirmation changes"),
            [self.add_change_action, self.remove_change_action],
            self.changes,
        )
        for page in (
            purposes_page,
            attendees_page,
            agenda_page,
            materials_page,
            checklist_page,
            changes_page,
        ):
            self.sections.addTab(page, "")
        self._section_names = [
            self.tr("Purp&oses"),
            self.tr("A&ttendees"),
            self.tr("&Agenda"),
            self.tr("&Materials"),
            self.tr("&Checklist"),
            self.tr("Change lo&g"),
        ]
        for index, name in enumerate(self._section_names):
            self.sections.setTabText(index, name)

    def _connect_signals(self) -> None:
        self.title_edit.editingFinished.connect(self._on_title_edit_finished)
        self.status_box.activated.connect(self._on_status_box_activated)
        self.date_edit.editingFinished.connect(self._on_date_edit_finished)
        calendar = self.date_edit.calendarWidget()
        if calendar is not None:
            calendar.clicked.connect(lambda _date: self._on_date_edit_finished())
        self.start_edit.editingFinished.connect(self._on_start_edit_finished)
        self.end_edit.editingFinished.connect(self._on_end_edit_finished)
        self.zone_box.activated.connect(lambda _index: self._on_zone_box_edited())
        zone_edit = self.zone_box.lineEdit()
        assert zone_edit is not None
        zone_edit.editingFinished.connect(self._on_zone_box_edited)
        self.venue_edit.editingFinished.connect(self._on_venue_edit_finished)
        self.evidence_edit.committed.connect(self._on_evidence_edit_committed)
        selection = self.views["purposes"].selectionModel()
        selection.currentRowChanged.connect(lambda *_: self._show_evidence())
        for key in ("agenda", "checklist", "changes"):
            self.views[key].doubleClicked.connect(
                lambda index, key=key: self._on_view_double_clicked(key, index)
            )
        self.views["materials"].doubleClicked.connect(
            lambda index: self._on_view_double_clicked("materials", index)
        )

    # -- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        meeting = meetings.kickoff_meeting(self.project_id) if self.project_id else None
        self.meeting = meeting
        for action in (self.pack_action, self.invite_action):
            action.setEnabled(meeting is not None)
        self.plan_action.setEnabled(self.project_id is not None and meeting is None)
        if meeting is None:
            self.summary.setText(
                self.tr("This project has no kickoff meeting yet.")
                if self.project_id
                else self.tr("No project is open.")
            )
            self.plan_button.setVisible(self.project_id is not None)
            self.stack.setCurrentIndex(0)
            for model in (self.purposes, self.attendees, self.agenda, self.checklist):
                model.set_rows([])
            self.changes.set_rows([])
            self.materials.set_rows([])
            self.evidence.set_rows([])
            self.agenda_total.clear()
            return
        self.stack.setCurrentIndex(1)
        self.invite_action.setEnabled(meeting.starts_at is not None)
        self._people = people.list_people(meeting.project_id)
        self._people_choices[:] = [(None, "")] + [(p.id, p.name) for p in self._people]
        self._evidence_counts = meetings.evidence_counts(meeting.id)
        self._show_details(meeting)
        purposes = meetings.purposes(meeting.id)
        attendees = meetings.attendees(meeting.id)
        agenda = meetings.agenda(meeting.id)
        self._schedule = {
            item.id: (start, end) for item, start, end in meetings.agenda_schedule(meeting, agenda)
        }
        materials = meetings.meeting_materials(meeting)
        checklist = meetings.checklist(meeting.id)
        changes = meetings.change_records(meeting.id)
        self._refill("purposes", self.purposes, purposes)
        self._refill("attendees", self.attendees, attendees)
        self._refill("agenda", self.agenda, agenda)
        self._refill("materials", self.materials, materials)
        self._refill("checklist", self.checklist, checklist)
        self._refill("changes", self.changes, changes)
        self._show_evidence()
        now = self.context.now()
        overdue = sum(meetings.is_checklist_overdue(c, meeting, now) for c in checklist)
        done = sum(c.done_at is not None for c in checklist)
        total = sum(item.minutes_allotted for item in agenda)
        length = meetings.meeting_minutes(meeting)
        met = sum(p.state == PurposeState.MET for p in purposes)
        self.agenda_total.setText(self._agenda_total(total, length))
        self.overdue_label.setText(
            self.tr("{n} overdue: shown in red").format(n=overdue)
            if overdue
            else self.tr("Nothing overdue")
        )
        self.overdue_label.setStyleSheet("color: #a61b1b; font-weight: bold;" if overdue else "")
        counts = [
            f"{met}/{len(purposes)}",
            str(len(attendees)),
            f"{total}/{length}" if length is not None else str(total),
            str(len(materials)),
            f"{done}/{len(checklist)}",
            str(len(changes)),
        ]
        for index, (name, count) in enumerate(zip(self._section_names, counts, strict=True)):
            self.sections.setTabText(index, f"{name} ({count})")
        bar = self.sections.tabBar()
        bar.setTabTextColor(4, QColor("#a61b1b") if overdue else bar.tabTextColor(0))
        self.summary.setText(
            self._summary_html(meeting, met, len(purposes), done, len(checklist), overdue)
            + self._rsvp_html(attendees)
        )
        for key, view in self.views.items():
            if key != "purposes":
                fit_columns(view)

    def _refill(self, key: str, model: RecordTableModel[Any], rows: Sequence[Any]) -> None:
        """New rows, keeping the selected record selected (it follows a move)."""
        view = self.views[key]
        current = view.currentIndex()
        wanted = model.row(current.row()).id if current.isValid() else None
        column = max(current.column(), 0)
        model.set_rows(rows)
        for row in range(model.rowCount()):
            if model.row(row).id == wanted:
                view.setCurrentIndex(model.index(row, column))
                break
        else:
            if key == "purposes" and model.rowCount():
                view.setCurrentIndex(model.index(0, 0))

    def _show_details(self, meeting: Meeting) -> None:
        widgets = (
            self.title_edit,
            self.status_box,
            self.date_edit,
            self.start_edit,
            self.end_edit,
            self.zone_box,
            self.venue_edit,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.title_edit.setText(meeting.title)
        self.title_edit.setCursorPosition(0)
        self.status_box.setCurrentIndex(self.status_box.findData(meeting.status))
        starts = meeting.starts_at or dt.datetime.combine(self.context.now().date(), dt.time(9, 30))
        self.date_edit.setDate(to_qdate(starts.date()))
        self.start_edit.setTime(to_qtime(starts.time()))
        ends = meeting.ends_at or starts + dt.timedelta(hours=2)
        self.end_edit.setTime(to_qtime(ends.time()))
        self.zone_box.setCurrentText(meeting.time_zone)
        self.venue_edit.setText(meeting.venue)
        self.venue_edit.setCursorPosition(0)
        for widget in widgets:
            widget.blockSignals(False)
        for keeper in self.detail_keepers.values():  # typed, not saved, before a crash
            keeper.restore()

    def _summary_html(
        self, meeting: Meeting, met: int, purposes: int, done: int, steps: int, overdue: int
    ) -> str:
        parts = [
            f"<b>{html.escape(meeting.title)}</b>",
            f"<i>{self.context.label(MeetingStatus(meeting.status))}</i>",
            self.tr("purposes met: {met} of {all}").format(met=met, all=purposes),
            self.tr("checklist: {done} of {all} done").format(done=done, all=steps),
        ]
        if overdue:
            parts.append(
                '<span style="color:#a61b1b"><b>'
                + self.tr("{n} overdue").format(n=overdue)
                + "</b></span>"
            )
        return " · ".join(parts)

    def _rsvp_html(self, attendees: Sequence[Attendee]) -> str:
        counts = {rsvp: sum(a.rsvp == rsvp for a in attendees) for rsvp in Rsvp}
        shown = [f"{self.context.label(rsvp)} {count}" for rsvp, count in counts.items() if count]
        separator = "，" if self.context.language == Language.ZH_CN else ", "
        return " · " + separator.join(shown) if shown else ""

    def _agenda_total(self, total: int, length: int | None) -> str:
        if length is None:
            return self.tr("Agenda: {total} minutes").format(total=total)
        text = self.tr("Agenda: {total} of {length} minutes").format(total=total, length=length)
        if total > length:
            self.agenda_total.setStyleSheet("color: #a61b1b; font-weight: bold;")
            return (
                text
                + " — "
                + self.tr("{over} minutes over the meeting's length").format(over=total - length)
            )
        self.agenda_total.setStyleSheet("")
        return text

    def _show_evidence(self) -> None:
        purpose = self._selected("purposes")
        self.evidence_edit.setEnabled(purpose is not None)
        self.link_notes_action.setEnabled(purpose is not None)
        if purpose is None:
            self.evidence_edit.setPlainText("")
            self.evidence_label.setText(self.tr("Evidence: select a purpose above"))
            self.evidence.set_rows([])
            return
        self.evidence_label.setText(
            self.tr("Evidence for: {purpose}").format(
                purpose=self.context.label(KickoffPurpose(purpose.purpose))
            )
        )
        if self.evidence_edit.toPlainText() != purpose.evidence:
            self.evidence_edit.setPlainText(purpose.evidence)
        if self.evidence_keeper.restore():
            self.evidence_label.setText(
                self.evidence_label.text()
                + " — "
                + self.tr("restored what you typed and had not saved; leave the box to save it")
            )
        self.evidence.set_rows(meetings.evidence_notes(purpose.id))
        fit_columns(self.views["evidence"])

    # -- column values -----------------------------------------------------------------
    def _slot(self, item: AgendaItem) -> str:
        start, end = self._schedule.get(item.id, (None, None))
        return f"{start:%H:%M}–{end:%H:%M}" if start and end else ""

    def _file_text(self, material: MaterialRecord) -> str:
        attachment = material.attachment
        if attachment is None:
            return ""
        return f"{attachment.file_name} ({file_size(attachment.size)})"

    def _due(self, item: ChecklistItem) -> dt.datetime | None:
        assert self.meeting is not None
        return meetings.checklist_due(item, self.meeting)

    def _relative_due(self, item: ChecklistItem) -> str:
        if item.due_at is not None:
            return self.tr("fixed time")
        offset = item.due_offset_minutes
        if offset is None:
            return ""
        if offset == 0:
            return self.tr("at the start")
        size = abs(offset)
        if size % _DAY == 0:
            n = size // _DAY
            amount = self.tr("1 day") if n == 1 else self.tr("{n} days").format(n=n)
        elif size % 60 == 0:
            n = size // 60
            amount = self.tr("1 hour") if n == 1 else self.tr("{n} hours").format(n=n)
        else:
            amount = self.tr("{n} min").format(n=size)
        if offset < 0:
            return self.tr("{amount} before").format(amount=amount)
        return self.tr("{amount} after").format(amount=amount)

    def _is_overdue(self, item: ChecklistItem) -> bool:
        if self.meeting is None:
            return False
        return meetings.is_checklist_overdue(item, self.meeting, self.context.now())

    def _checklist_brush(self, item: ChecklistItem) -> QBrush | None:
        if item.done_at is not None:
            return DONE_BRUSH
        if self._is_overdue(item):
            return OVERDUE_BRUSH
        return None

    def _selected(self, key: str) -> Any:
        view = self.views[key]
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().isSelected(index):
            rows = view.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        model = view.model()
        assert isinstance(model, RecordTableModel)
        return model.row(index.row())

    # -- saving with undo --------------------------------------------------------------
    def _problem(self, problem: Exception) -> None:
        self.context.editor.report(
            problem.message if isinstance(problem, ValidationProblem) else str(problem)
        )

    def _edit(
        self,
        model: type[Model],
        record_id: int,
        values: dict[str, Any],
        text: str,
        *,
        version: int | None = None,
    ) -> bool:
        """Change fields through the kickoff service; undo and redo replay it. `version`:
        the record's row_version as shown (a colleague's change since is not overwritten
        unless the user says so)."""
        try:
            change = self.context.editor.attempt(
                lambda v: kickoff.edit(model, record_id, values, version=v), version
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return False
        if change is None:
            return False
        self.context.editor.record(
            text,
            redo=lambda: kickoff.edit(model, record_id, change.after, expect=change.before),
            undo=lambda: kickoff.edit(model, record_id, change.before, expect=change.after),
            changes=Changes.of(model),
        )
        return True

    def _record_created(self, items: Sequence[tuple[type[Model], int]], text: str) -> None:
        """Records a service just created, in creation order; undo deletes them."""
        state: dict[str, list[Snapshot]] = {}

        def undo() -> None:
            state["snapshots"] = [kickoff.remove(model, rid) for model, rid in reversed(items)]

        def redo() -> None:
            for snapshot in reversed(state["snapshots"]):
                kickoff.put_back(snapshot)

        self.context.editor.record(
            text, redo=redo, undo=undo, changes=Changes.of(*{m for m, _ in items})
        )

    def _remove(self, model: type[Model], record_id: int, text: str) -> None:
        try:
            snapshot = kickoff.remove(model, record_id)
        except NotFound as problem:
            self.context.editor.report(str(problem))
            return
        state = {"snapshot": snapshot}

        def redo() -> None:
            state["snapshot"] = kickoff.remove(model, record_id)

        touched = {m for m, _ in snapshot.rows} | {c[0] for c in snapshot.cleared}
        self.context.editor.record(
            text,
            redo=redo,
            undo=lambda: kickoff.put_back(state["snapshot"]),
            changes=Changes.of(model, *touched),
        )

    def _remove_selected(self, key: str) -> None:
        record = self._selected(key)
        if record is None:
            return
        model, text = {
            "attendees": (Attendee, self.tr("Remove attendee")),
            "agenda": (AgendaItem, self.tr("Remove agenda item")),
            "materials": (MaterialRecord, self.tr("Remove material")),
            "checklist": (ChecklistItem, self.tr("Remove checklist step")),
            "changes": (ChangeRecord, self.tr("Remove change record")),
        }[key]
        self._remove(model, record.id, text)

    def _move(self, key: str, step: int) -> None:
        record = self._selected(key)
        if record is None:
            return
        ordered: dict[str, kickoff.Ordered] = {
            "attendees": Attendee,
            "agenda": AgendaItem,
            "checklist": ChecklistItem,
        }
        model = ordered[key]
        reorder = kickoff.move(model, record.id, step)
        if reorder is None:
            return
        self.context.editor.record(
            self.tr("Move up") if step < 0 else self.tr("Move down"),
            redo=lambda: kickoff.apply_positions(model, reorder.after),
            undo=lambda: kickoff.apply_positions(model, reorder.before),
            changes=Changes.of(model),
        )

    def _run_form(self, dialog: Any, save: Callable[[], object]) -> bool:
        dialog.submit = save
        accepted = dialog.exec() == dialog.DialogCode.Accepted
        dialog.deleteLater()
        return bool(accepted)

    # -- meeting details -----------------------------------------------------------------
    def _on_plan_triggered(self) -> None:
        if self.project_id is None or self.meeting is not None:
            return
        project_id = self.project_id
        from pmdesk.services import projects

        project = projects.get_project(project_id)
        today = self.context.now().date()
        dialog = PlanKickoffDialog(
            title=kickoff.default_title(project, self.context.language),
            day=today + dt.timedelta(days=14),
            zones=self._zones,
            zone=system_zone(),
            parent=self,
        )

        def save() -> None:
            values = dialog.values()
            meeting, _changes = kickoff.plan_kickoff(
                project_id,
                values.pop("starts_at"),
                language=self.context.language,
                **values,
            )
            self._record_created([(Meeting, meeting.id)], self.tr("Plan the kickoff"))

        self._run_form(dialog, save)

    def _commit_meeting(
        self, values: dict[str, Any], text: str, logged: ChangeField | None = None
    ) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        if all(getattr(meeting, name) == value for name, value in values.items()):
            return
        before = self._arrangement(meeting, logged)
        confirmed = meeting.status != MeetingStatus.PLANNED.value
        if not self._edit(Meeting, meeting.id, values, text, version=meeting.row_version):
            self.reload()  # show the saved values again
            return
        if logged is not None and confirmed and self.meeting is not None:
            self._offer_change_log(logged, before, self._arrangement(self.meeting, logged))

    def _arrangement(self, meeting: Meeting, field: ChangeField | None) -> str:
        if field == ChangeField.VENUE:
            return meeting.venue or self.tr("(no venue)")
        if meeting.starts_at is None:
            return self.tr("(no time)")
        text = f"{meeting.starts_at:%Y-%m-%d %H:%M}"
        if meeting.ends_at is not None:
            text += f"–{meeting.ends_at:%H:%M}"
        return text

    def _offer_change_log(self, field: ChangeField, before: str, after: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Record the change?"),
            self.tr(
                "The kickoff was already confirmed with the client. Record this change in "
                "the re-confirmation log?\n\n{before} → {after}"
            ).format(before=before, after=after),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._open_change_dialog(field, f"{before} → {after}")

    def _on_title_edit_finished(self) -> None:
        self._commit_meeting({"title": self.title_edit.text()}, self.tr("Rename the kickoff"))
        self.detail_keepers["title"].discard()  # saved, or refused with a message

    def _on_status_box_activated(self, _index: int) -> None:
        self._commit_meeting(
            {"status": self.status_box.currentData()}, self.tr("Change meeting status")
        )

    def _times(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        assert self.meeting is not None
        return self.meeting.starts_at, self.meeting.ends_at

    def _on_date_edit_finished(self) -> None:
        if self.meeting is None:
            return
        day = from_qdate(self.date_edit.date())
        starts, ends = self._times()
        start_time = starts.time() if starts else from_qtime(self.start_edit.time())
        new_start = dt.datetime.combine(day, start_time)
        length = (ends - starts) if starts and ends else dt.timedelta(hours=2)
        self._commit_meeting(
            {"starts_at": new_start, "ends_at": new_start + length},
            self.tr("Move the kickoff"),
            ChangeField.TIME,
        )

    def _on_start_edit_finished(self) -> None:
        if self.meeting is None:
            return
        starts, ends = self._times()
        day = from_qdate(self.date_edit.date())
        new_start = dt.datetime.combine(day, from_qtime(self.start_edit.time()))
        # Like a calendar: a later start moves the end too, keeping the meeting's length.
        length = (ends - starts) if starts and ends else dt.timedelta(hours=2)
        self._commit_meeting(
            {"starts_at": new_start, "ends_at": new_start + length},
            self.tr("Move the kickoff"),
            ChangeField.TIME,
        )

    def _on_end_edit_finished(self) -> None:
        if self.meeting is None:
            return
        day = from_qdate(self.date_edit.date())
        new_end = dt.datetime.combine(day, from_qtime(self.end_edit.time()))
        self._commit_meeting(
            {"ends_at": new_end}, self.tr("Change the kickoff's end"), ChangeField.TIME
        )

    def _on_zone_box_edited(self) -> None:
        self._commit_meeting(
            {"time_zone": self.zone_box.currentText().strip()}, self.tr("Change time zone")
        )

    def _on_venue_edit_finished(self) -> None:
        self._commit_meeting(
            {"venue": self.venue_edit.text().strip()},
            self.tr("Change the venue"),
            ChangeField.VENUE,
        )
        self.detail_keepers["venue"].discard()

    # -- purposes ----------------------------------------------------------------------
    def _meeting_draft_key(self, field: str) -> str | None:
        return f"meeting:{self.meeting.id}:{field}" if self.meeting is not None else None

    def _pid(self) -> int | None:
        return self.project_id

    def _evidence_draft_key(self) -> str | None:
        purpose = self._selected("purposes")
        return f"evidence:{purpose.id}" if purpose is not None else None

    def _on_evidence_edit_committed(self, text: str) -> None:
        purpose = self._selected("purposes")
        if purpose is None:
            return
        saved = text == purpose.evidence or self._edit(
            Purpose,
            purpose.id,
            {"evidence": text},
            self.tr("Edit purpose evidence"),
            version=purpose.row_version,
        )
        if saved:  # a refused text stays a draft, so it is not lost either
            self.evidence_keeper.discard()

    def _on_link_notes_triggered(self) -> None:
        purpose = self._selected("purposes")
        if purpose is None or self.project_id is None:
            return
        label = self.context.label
        notes = []
        for note in meetings.project_notes(self.project_id):
            speaker = note.speaker.name if note.speaker else self.tr("(no speaker)")
            when = f"{note.meeting.starts_at:%Y-%m-%d}" if note.meeting.starts_at else ""
            flag = " " + self.tr("[internal]") if note.internal else ""
            text = f"{when} · {speaker} · {label(NoteKind(note.kind))}{flag}: {note.text}"
            notes.append((note.id, text.replace("\n", " "), f"{note.meeting.title}\n\n{note.text}"))
        linked = [n.id for n in meetings.evidence_notes(purpose.id)]
        dialog = EvidenceDialog(label(KickoffPurpose(purpose.purpose)), notes, linked, self)

        def save() -> None:
            change = kickoff.set_evidence(purpose.id, dialog.chosen())
            if change.before != change.after:
                self._record_evidence(change, self.tr("Link evidence notes"))

        self._run_form(dialog, save)

    def _record_evidence(self, change: kickoff.EvidenceChange, text: str) -> None:
        self.context.editor.record(
            text,
            redo=lambda: kickoff.set_evidence(change.purpose_id, change.after),
            undo=lambda: kickoff.set_evidence(change.purpose_id, change.before),
            changes=Changes.of(PurposeNote),
        )

    def _on_unlink_note_triggered(self) -> None:
        purpose = self._selected("purposes")
        note = self._selected("evidence")
        if purpose is None or note is None:
            return
        kept = [n.id for n in self.evidence.all_rows() if n.id != note.id]
        change = kickoff.set_evidence(purpose.id, kept)
        self._record_evidence(change, self.tr("Unlink evidence note"))

    # -- attendees -----------------------------------------------------------------------
    def _on_add_attendees_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        invited = {a.person_id for a in self.attendees.all_rows()}
        label = self.context.label
        candidates = [
            (
                p.id,
                " · ".join(
                    x for x in (p.name, label(Side(p.side)), label(Role(p.role)), p.title) if x
                ),
            )
            for p in self._people
            if p.id not in invited
        ]
        dialog = AttendeesDialog(
            candidates, self.context.choices(Side), self.context.choices(Role), self
        )

        def save() -> None:
            chosen = dialog.chosen()
            new = dialog.new_person()
            if not chosen and new is None:
                raise ValidationProblem("person", self.tr("tick someone, or type a new name"))
            created: list[tuple[type[Model], int]] = []
            if new is not None:
                person = kickoff.add_person(meeting.project_id, **new)
                created.append((Person, person.id))
                chosen.append(person.id)
            try:
                ids = kickoff.add_attendees(meeting.id, chosen)
            except ValidationProblem:
                for model, record_id in reversed(created):
                    kickoff.remove(model, record_id)
                raise
            created += [(Attendee, attendee_id) for attendee_id in ids]
            self._record_created(created, self.tr("Add attendees"))

        self._run_form(dialog, save)

    # -- agenda --------------------------------------------------------------------------
    def _presenters(self) -> list[tuple[int | None, str]]:
        return list(self._people_choices)

    def _on_add_agenda_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = AgendaItemDialog(self._presenters(), parent=self)

        def save() -> None:
            values = dialog.values()
            item = kickoff.add_agenda_item(
                meeting.id,
                values["title"],
                presenter_id=values["presenter"],
                minutes=values["minutes_allotted"],
            )
            self._record_created([(AgendaItem, item.id)], self.tr("Add agenda item"))

        self._run_form(dialog, save)

    def _on_edit_agenda_triggered(self) -> None:
        item = self._selected("agenda")
        if item is None:
            return
        dialog = AgendaItemDialog(
            self._presenters(),
            title=item.title,
            presenter=item.__data__.get("presenter"),
            minutes=item.minutes_allotted,
            parent=self,
        )

        def save() -> None:
            self._save_changed(AgendaItem, item, dialog.values(), self.tr("Edit agenda item"))

        self._run_form(dialog, save)

    def _save_changed(
        self, model: type[Model], record: Any, values: dict[str, Any], text: str
    ) -> None:
        """Save a form's values that differ from the record; a problem keeps the form open."""
        recorder = self._apply_changed(model, record, values, text)
        if recorder is not None:
            recorder()

    def _apply_changed(
        self, model: type[Model], record: Any, values: dict[str, Any], text: str
    ) -> Callable[[], None] | None:
        """Save the changed values; returns what puts the edit on the undo stack."""
        changed = {k: v for k, v in values.items() if record.__data__.get(k) != v}
        if not changed:
            return None
        change = self.context.editor.attempt(
            lambda v: kickoff.edit(model, record.id, changed, version=v), record.row_version
        )
        if change is None:
            return None
        record_id = record.id

        def put_on_stack() -> None:
            self.context.editor.record(
                text,
                redo=lambda: kickoff.edit(model, record_id, change.after, expect=change.before),
                undo=lambda: kickoff.edit(model, record_id, change.before, expect=change.after),
                changes=Changes.of(model),
            )

        return put_on_stack

    # -- materials -----------------------------------------------------------------------
    def _on_add_material_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = self._material_dialog(
            {"kind": MaterialKind.PRESENTATION.value, "status": MaterialStatus.DRAFT.value}
        )

        def save() -> None:
            values = dialog.values()
            path = dialog.file_path
            data = kickoff.read_file(path) if path else None
            material = kickoff.add_material(
                meeting.id,
                values.pop("title"),
                kind=MaterialKind(values.pop("kind")),
                status=MaterialStatus(values.pop("status")),
                **values,
            )
            swap = kickoff.attach_file(material.id, *data) if data is not None else None
            with self.context.editor.macro(self.tr("Add material")):
                self._record_created([(MaterialRecord, material.id)], self.tr("Add material"))
                if swap is not None:
                    self._record_swap(swap)

        self._run_form(dialog, save)

    def _material_dialog(self, values: dict[str, Any], file_name: str = "") -> MaterialDialog:
        return MaterialDialog(
            self.context.choices(MaterialKind),
            self.context.choices(MaterialStatus),
            values=values,
            today=self.context.now().date(),
            file_name=file_name,
            folder=self._folder(),
            parent=self,
        )

    def _on_edit_material_triggered(self) -> None:
        material = self._selected("materials")
        if material is None:
            return
        dialog = self._material_dialog(
            {
                name: getattr(material, name)
                for name in ("title", "kind", "version", "status", "sent_on", "client_feedback")
            },
            material.attachment.file_name if material.attachment is not None else "",
        )

        def save() -> None:
            values = dialog.values()
            path = dialog.file_path
            data = kickoff.read_file(path) if path else None
            recorder = self._apply_changed(
                MaterialRecord, material, values, self.tr("Edit material")
            )
            swap = kickoff.attach_file(material.id, *data) if data is not None else None
            with self.context.editor.macro(self.tr("Edit material")):
                if recorder is not None:
                    recorder()
                if swap is not None:
                    self._record_swap(swap)

        self._run_form(dialog, save)

    def _record_swap(self, swap: kickoff.FileSwap) -> None:
        self.context.editor.record(
            self.tr("Attach file"),
            redo=lambda: kickoff.apply_file_swap(swap),
            undo=lambda: kickoff.apply_file_swap(swap.inverse()),
            changes=Changes.of(MaterialRecord, Attachment),
        )

    def _on_attach_triggered(self) -> None:
        material = self._selected("materials")
        if material is None:
            return
        if material.attachment is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Replace the file?"),
                self.tr("Replace {name} with another file? Undo puts it back.").format(
                    name=material.attachment.file_name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach file"), str(self._folder()))
        if not name:
            return
        try:
            swap = kickoff.attach_file(material.id, *kickoff.read_file(Path(name)))
        except (ValidationProblem, NotFound) as problem:
            self._problem(problem)
            return
        self._record_swap(swap)

    def _folder(self) -> Path:
        return Path(str(self.context.settings.value(FOLDER_KEY, str(Path.home()))))

    def _material_bytes(self) -> tuple[str, bytes] | None:
        material = self._selected("materials")
        if material is None:
            return None
        try:
            stored = kickoff.material_file(material.id)
        except (ValidationProblem, NotFound) as problem:
            self._problem(problem)
            return None
        if stored is None:
            self.context.editor.report(
                self.tr("{title} has no file yet: use Attach file.").format(title=material.title)
            )
        return stored

    def _on_open_file_triggered(self) -> None:
        stored = self._material_bytes()
        if stored is None:
            return
        name, data = stored
        # A copy in a folder of its own, under its own name, for the program that opens it.
        folder = Path(tempfile.mkdtemp(prefix="pmdesk-"))
        path = folder / (safe_file_name(Path(name).stem) + Path(name).suffix)
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_save_file_triggered(self) -> None:
        stored = self._material_bytes()
        if stored is None:
            return
        name, data = stored
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save file as"), str(self._folder() / name)
        )
        if not target:
            return
        try:
            write_atomically(Path(target), lambda temporary: temporary.write_bytes(data))
        except ExportProblem as problem:
            QMessageBox.warning(self, self.tr("File not saved"), str(problem))

    def _on_sent_today_triggered(self) -> None:
        material = self._selected("materials")
        if material is None:
            return
        self._edit(
            MaterialRecord,
            material.id,
            {"sent_on": self.context.now().date(), "status": MaterialStatus.SENT.value},
            self.tr("Mark material sent"),
        )

    # -- checklist -----------------------------------------------------------------------
    def _set_done(self, item: ChecklistItem, done: bool) -> None:
        when = self.context.now().replace(microsecond=0) if done else None
        text = self.tr("Tick checklist step") if done else self.tr("Untick checklist step")
        self._edit(ChecklistItem, item.id, {"done_at": when}, text)

    def _on_tick_triggered(self) -> None:
        item = self._selected("checklist")
        if item is not None:
            self._set_done(item, item.done_at is None)

    def _step_dialog(self, item: ChecklistItem | None) -> ChecklistStepDialog:
        assert self.meeting is not None
        default_due = self.meeting.starts_at or self.context.now()
        if item is None:
            return ChecklistStepDialog(
                self.context.choices(Phase),
                phase=Phase.BEFORE.value,
                default_due=default_due,
                parent=self,
            )
        return ChecklistStepDialog(
            self.context.choices(Phase),
            phase=item.phase,
            text=item.text,
            offset=item.due_offset_minutes,
            due_at=item.due_at,
            default_due=default_due,
            parent=self,
        )

    def _on_add_step_triggered(self) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = self._step_dialog(None)
        current = self._selected("checklist")
        if current is not None:
            dialog.phase.setCurrentIndex(dialog.phase.findData(current.phase))

        def save() -> None:
            values = dialog.values()
            item = kickoff.add_checklist_item(
                meeting.id,
                Phase(values["phase"]),
                values["text"],
                due_offset_minutes=values["due_offset_minutes"],
                due_at=values["due_at"],
            )
            self._record_created([(ChecklistItem, item.id)], self.tr("Add checklist step"))

        self._run_form(dialog, save)

    def _on_edit_step_triggered(self) -> None:
        item = self._selected("checklist")
        if item is None:
            return
        dialog = self._step_dialog(item)

        def save() -> None:
            self._save_changed(ChecklistItem, item, dialog.values(), self.tr("Edit checklist step"))

        self._run_form(dialog, save)

    # -- change log ----------------------------------------------------------------------
    def _client_lead_id(self) -> int | None:
        lead = next((p for p in self._people if p.role == Role.CLIENT_LEAD.value), None)
        return lead.id if lead else None

    def _open_change_dialog(self, field: ChangeField, description: str = "") -> None:
        meeting = self.meeting
        if meeting is None:
            return
        dialog = ChangeDialog(
            self.context.choices(ChangeField),
            self._presenters(),
            field=field.value,
            description=description,
            confirmed_by=self._client_lead_id(),
            when=self.context.now().replace(second=0, microsecond=0),
            parent=self,
        )

        def save() -> None:
            values = dialog.values()
            record = kickoff.add_change(
                meeting.id,
                ChangeField(values["field"]),
                values["description"],
                confirmed_by_id=values["confirmed_by"],
                changed_at=values["changed_at"],
            )
            self._record_created([(ChangeRecord, record.id)], self.tr("Record change"))

        self._run_form(dialog, save)

    def _on_add_change_triggered(self) -> None:
        self._open_change_dialog(ChangeField.OTHER)

    # -- double clicks -------------------------------------------------------------------
    def _on_view_double_clicked(self, key: str, index: QModelIndex) -> None:
        model = self.views[key].model()
        if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return  # the cell's own editor opens
        if key == "materials":
            material = self._selected("materials")
            if material is not None and material.attachment is not None:
                self._on_open_file_triggered()
            else:
                self._on_edit_material_triggered()
            return
        {
            "agenda": self._on_edit_agenda_triggered,
            "checklist": self._on_edit_step_triggered,
            "changes": lambda: None,
        }[key]()

    # -- exports -------------------------------------------------------------------------
    def export_actions(self) -> list[QAction]:
        return [self.pack_action, self.invite_action]

    def _on_pack_triggered(self) -> None:
        if self.meeting is None:
            self.context.editor.report(self.tr("Plan the kickoff first."))
            return
        run_export(
            self,
            self.context.settings,
            "kickoff-pack",
            self.meeting.id,
            self.meeting.title,
        )

    def _on_invite_triggered(self) -> None:
        if self.meeting is None:
            self.context.editor.report(self.tr("Plan the kickoff first."))
            return
        if self.meeting.starts_at is None:
            self.context.editor.report(self.tr("Set the kickoff's date and time first."))
            return
        run_export(self, self.context.settings, "invite", self.meeting.id, self.meeting.title)


def _minutes(value: Any) -> int:
    """Minutes typed in a cell; anything but a whole number is refused by the service."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
