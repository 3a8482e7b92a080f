"""Live meeting tab: capture every leader's remarks from the keyboard, see who said what,
record attitudes and valued outcomes, then send the minutes and track the reply.

Every committed note is saved at once (one transaction); the line being typed is saved
as a draft within a second and put back after a crash. All changes go through the
editor, so Edit → Undo takes them back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QHideEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import (
    ActionItem,
    AgendaItem,
    Assessment,
    Attendee,
    CooperationType,
    Engagement,
    Language,
    LeaderPriority,
    LeaderPriorityNote,
    Meeting,
    MeetingKind,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import NotFound, ValidationProblem, capture, meetings, people, projects
from pmdesk.services.capture import Reversible, SpeakerSummary
from pmdesk.ui.dialogs.capture_dialogs import (
    ActionItemDialog,
    ActionValues,
    ObservationDialog,
    ObservationValues,
    OutcomeValues,
    ValuedOutcomeDialog,
)
from pmdesk.ui.dialogs.minutes_dialogs import (
    DistributionDialog,
    DistributionValues,
    revision_labels,
)
from pmdesk.ui.export_runner import run_export
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.capture_bar import SPEAKER_KEYS, CaptureBar
from pmdesk.ui.widgets.forms import plain_label
from pmdesk.ui.widgets.tables import fit_columns, record_table

INTERNAL_BRUSH = QBrush(QColor("#fff1cc"))
#: Days after the meeting a quick action item is due unless the user says otherwise.
DEFAULT_ACTION_DAYS = 7
#: After this many hours the clock shows when the meeting started, not the time elapsed.
CLOCK_HOURS = 12


def clock(seconds: int) -> str:
    """A note's offset from the meeting start as h:mm:ss or mm:ss."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def _internal_brush(note: Note) -> QBrush | None:
    return INTERNAL_BRUSH if note.internal else None


class LiveMeetingTab(ProjectTab):
    """Capture, who said what, attitudes and valued outcomes, minutes and their sending."""

    watches = (
        Meeting,
        Attendee,
        AgendaItem,
        Note,
        Person,
        Assessment,
        Outcome,
        LeaderPriority,
        LeaderPriorityNote,
        MinutesDistribution,
        ActionItem,
    )

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._shown_meeting: int | None = None
        self._clock_start: dt.datetime | None = None
        self._attendees: list[Attendee] = []

        self.meeting_box = QComboBox(self)
        self.meeting_box.setAccessibleName(self.tr("Meeting"))
        chooser = QLabel(self.tr("Meeti&ng:"), self)
        chooser.setBuddy(self.meeting_box)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("meetingClock")
        self.clock_label.setAccessibleName(self.tr("Meeting clock"))
        self.clock_label.setMinimumWidth(120)
        self.start_clock_button = QPushButton(self.tr("Start meeting clock"), self)
        self.start_clock_button.setAccessibleName(self.tr("Start meeting clock"))
        self.start_clock_button.setToolTip(
            self.tr("Note times count from when you press this (Ctrl+Shift+T)")
        )
        # An action, not the button's own shortcut: that one clicks 100 ms later.
        self.start_clock_action = QAction(self.tr("Start meeting clock"), self)
        self.start_clock_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.start_clock_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.start_clock_action)
        self.count = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(chooser)
        top.addWidget(self.meeting_box, 1)
        top.addSpacing(12)
        top.addWidget(self.clock_label)
        top.addWidget(self.start_clock_button)
        top.addSpacing(12)
        top.addWidget(self.count)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("liveMeetingPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_capture_page(), self.tr("&Capture"))
        self.pages.addTab(self._build_speaker_page(), self.tr("&Who said what"))
        self.pages.addTab(self._build_attitudes_page(), self.tr("Attit&udes and outcomes"))
        self.pages.addTab(self._build_minutes_page(), self.tr("&Minutes and sending"))

        self.minutes_action = QAction(self.tr("Meeting &minutes (.docx)…"), self)
        self.email_action = QAction(self.tr("Minutes &email draft (.eml)…"), self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.start()
        self._connect_signals()

    # -- building ----------------------------------------------------------------------
    def _build_capture_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("capturePage")
        label = self.context.label
        edit = self.context.editor.edit_record
        self.bar = CaptureBar(self.context.language, page)
        self.bar.install_shortcuts(page)
        self._speaker_choices: list[tuple[Any, str]] = []
        self._agenda_choices: list[tuple[Any, str]] = []
        self.notes = RecordTableModel[Note](
            [
                Column(
                    self.tr("Time"),
                    lambda n: n.offset_seconds,
                    display=lambda n: clock(n.offset_seconds),
                    align_right=True,
                ),
                Column(
                    self.tr("Speaker"),
                    lambda n: n.speaker_id,
                    display=lambda n: n.speaker.name if n.speaker else "",
                    choices=self._speaker_choices,
                    edit=lambda n, v: edit(n, {"speaker": v}, self.tr("Change speaker")),
                ),
                Column(
                    self.tr("Kind"),
                    lambda n: n.kind,
                    display=lambda n: label(NoteKind(n.kind)),
                    choices=self.context.choices(NoteKind),
                    edit=lambda n, v: edit(n, {"kind": v}, self.tr("Change note kind")),
                ),
                Column(
                    self.tr("Agenda item"),
                    lambda n: n.__data__.get("agenda_item"),
                    display=lambda n: n.agenda_item.title if n.agenda_item else "",
                    choices=self._agenda_choices,
                    edit=lambda n, v: edit(n, {"agenda_item": v}, self.tr("Change agenda item")),
                ),
                Column(
                    self.tr("Internal"),
                    lambda n: n.internal,
                    checkable=True,
                    edit=lambda n, v: edit(
                        n,
                        {"internal": v},
                        self.tr("Mark note internal") if v else self.tr("Mark note for client"),
                    ),
                ),
                Column(
                    self.tr("Note"),
                    lambda n: n.text,
                    stretch=True,
                    edit=lambda n, v: edit(n, {"text": v}, self.tr("Edit note")),
                ),
            ],
            self,
        )
        self.notes.background = _internal_brush
        self.notes.tooltip = lambda n: (
            self.tr("Internal: never in the minutes or any client file") if n.internal else ""
        )
        self.notes_view = record_table(self.notes, self.tr("Notes"), page)
        self.notes_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.notes_view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        self.edit_note_button = QPushButton(self.tr("Edit no&te"), page)
        self.delete_note_button = QPushButton(self.tr("&Delete note"), page)
        self.action_button = QPushButton(self.tr("Action &item…"), page)
        self.observe_button = QPushButton(self.tr("&Attitude…"), page)
        self.value_button = QPushButton(self.tr("Valued &outcome…"), page)
        self.edit_note_button.setToolTip(self.tr("Edit the selected cell (or double-click it)"))
        self.action_button.setToolTip(self.tr("An action item from the selected note"))
        self.observe_button.setToolTip(
            self.tr("Record the speaker's attitude (internal: goes to their history)")
        )
        self.value_button.setToolTip(self.tr("This note shows which outcome the speaker values"))
        buttons = QHBoxLayout()
        for button in (
            self.edit_note_button,
            self.delete_note_button,
            self.action_button,
            self.observe_button,
            self.value_button,
        ):
            button.setAccessibleName(plain_label(button.text()))
            buttons.addWidget(button)
        buttons.addStretch(1)

        notes_box = QWidget(page)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.bar)
        notes_layout.addWidget(self.notes_view, 1)
        notes_layout.addLayout(buttons)

        speakers_box = QWidget(page)
        speakers_layout = QVBoxLayout(speakers_box)
        speakers_layout.setContentsMargins(0, 0, 0, 0)
        speakers_layout.addWidget(self.bar.speakers, 1)
        speakers_layout.addWidget(self.bar.help)

        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.setObjectName("liveMeetingSplitter")
        split.addWidget(group(self.tr("Speakers"), speakers_box))
        split.addWidget(group(self.tr("Notes"), notes_box))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 900])
        self.splitters = [split]
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        # Tab order: the line first, then the list, table and buttons.
        QWidget.setTabOrder(self.bar.line, self.bar.speakers)
        QWidget.setTabOrder(self.bar.speakers, self.bar.agenda)
        QWidget.setTabOrder(self.bar.agenda, self.notes_view)
        return page

    def _build_speaker_page(self) -> QWidget:
        page = QWidget(self)
        label = self.context.label
        self.speaker_summary = RecordTableModel[SpeakerSummary](
            [
                Column(
                    self.tr("#"),
                    lambda s: self._speaker_number(s),
                    align_right=True,
                ),
                Column(self.tr("Name"), lambda s: s.person.name if s.person else self.tr("—")),
                Column(
                    self.tr("Role"),
                    lambda s: label(Role(s.person.role)) if s.person else "",
                ),
                Column(self.tr("Notes"), lambda s: len(s.notes), align_right=True),
                Column(
                    self.tr("What they said"),
                    lambda s: " · ".join(
                        f"{label(kind)} {count}"
                        for kind, count in sorted(
                            s.kinds.items(), key=lambda kc: list(NoteKind).index(kc[0])
                        )
                    ),
                    stretch=True,
                ),
            ],
            self,
        )
        self.speaker_view = record_table(self.speaker_summary, self.tr("Speakers"), page)
        self.speaker_notes = RecordTableModel[Note](
            [
                Column(
                    self.tr("Time"),
                    lambda n: n.offset_seconds,
                    display=lambda n: clock(n.offset_seconds),
                    align_right=True,
                ),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(
                    self.tr("Agenda item"), lambda n: n.agenda_item.title if n.agenda_item else ""
                ),
                Column(
                    self.tr("Internal"),
                    lambda n: self.tr("internal") if n.internal else "",
                ),
                Column(self.tr("Note"), lambda n: n.text, stretch=True),
            ],
            self,
        )
        self.speaker_notes.background = _internal_brush
        self.speaker_notes_view = record_table(
            self.speaker_notes, self.tr("Everything the speaker said"), page
        )
        self.speaker_notes_view.setWordWrap(True)
        self.speaker_title = QLabel(page)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.speaker_title)
        right_layout.addWidget(self.speaker_notes_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("liveMeetingSpeakerSplitter")
        split.addWidget(self.speaker_view)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        self.splitters.append(split)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        return page

    def _build_attitudes_page(self) -> QWidget:
        page = QWidget(self)
        label = self.context.label
        label_of = self.context.label_of
        edit = self.context.editor.edit_record
        warning = QLabel(
            self.tr(
                "Internal — confidential: attitudes and what each leader values are for the "
                "consultant team only and never appear in the minutes or the email."
            ),
            page,
        )
        warning.setWordWrap(True)
        warning.setObjectName("internalWarning")
        warning.setStyleSheet("color: #8a4b00;")
        self.attitudes = RecordTableModel[Attendee](
            [
                Column(self.tr("Name"), lambda a: a.person.name),
                Column(self.tr("Role"), lambda a: label(Role(a.person.role))),
                Column(
                    self.tr("Attendance"),
                    lambda a: a.rsvp,
                    display=lambda a: label(Rsvp(a.rsvp)),
                    choices=self.context.choices(Rsvp),
                    edit=lambda a, v: edit(a, {"rsvp": v}, self.tr("Roll call")),
                ),
                Column(
                    self.tr("Engagement"),
                    lambda a: label_of(Engagement, a.person.engagement_current),
                ),
                Column(
                    self.tr("Desired"),
                    lambda a: label_of(Engagement, a.person.engagement_desired),
                ),
                Column(
                    self.tr("Cooperation type"),
                    lambda a: (
                        label(CooperationType(a.person.cooperation_type))
                        if a.person.role == Role.COOPERATING_STAFF.value
                        or a.person.cooperation_type != CooperationType.UNCLASSIFIED.value
                        else ""
                    ),
                ),
                Column(self.tr("Last observed"), lambda a: self._last_observed(a)),
            ],
            self,
        )
        self._latest: dict[int, Assessment] = {}
        self.attitudes_view = record_table(self.attitudes, self.tr("Attendees' attitudes"), page)
        self.observe_person_button = QPushButton(self.tr("Record &observation…"), page)
        self.observe_person_button.setAccessibleName(self.tr("Record observation"))

        self._priority_notes: dict[int, list[Note]] = {}
        self.priorities = RecordTableModel[LeaderPriority](
            [
                Column(self.tr("Leader"), lambda p: p.person.name),
                Column(
                    self.tr("Rank"),
                    lambda p: p.rank,
                    align_right=True,
                    edit=lambda p, v: edit(p, {"rank": int(v)}, self.tr("Change rank")),
                ),
                Column(self.tr("Outcome valued"), lambda p: p.outcome.title),
                Column(
                    self.tr("Evidence"),
                    lambda p: p.evidence,
                    edit=lambda p, v: edit(p, {"evidence": v}, self.tr("Edit evidence")),
                ),
                Column(
                    self.tr("Notes that show it"),
                    lambda p: " | ".join(n.text for n in self._priority_notes.get(p.id, [])),
                    stretch=True,
                ),
            ],
            self,
        )
        self.priorities_view = record_table(
            self.priorities, self.tr("Outcomes each leader values"), page
        )
        self.add_priority_button = QPushButton(self.tr("Add valued ou&tcome…"), page)
        self.add_priority_button.setAccessibleName(self.tr("Add valued outcome"))
        self.remove_priority_button = QPushButton(self.tr("Re&move"), page)
        self.remove_priority_button.setAccessibleName(self.tr("Remove valued outcome"))

        top = QWidget(page)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.attitudes_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.observe_person_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget(page)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.priorities_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_priority_button)
        row.addWidget(self.remove_priority_button)
        row.addStretch(1)
        bottom_layout.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("liveMeetingAttitudesSplitter")
        split.addWidget(group(self.tr("Attitudes observed"), top))
        split.addWidget(group(self.tr("Outcomes each leader values most"), bottom))
        self.splitters.append(split)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(warning)
        layout.addWidget(split, 1)
        return page

    def _build_minutes_page(self) -> QWidget:
        page = QWidget(self)
        edit = self.context.editor.edit_record
        self.by_agenda = QRadioButton(self.tr("Key points by a&genda item"), page)
        self.by_speaker = QRadioButton(self.tr("Key points by s&peaker"), page)
        self.by_agenda.setChecked(True)
        self.cc_team = QCheckBox(self.tr("&Cc the consultant team"), page)
        self.minutes_button = QPushButton(self.tr("Write minutes (.&docx)…"), page)
        self.email_button = QPushButton(self.tr("Write &email draft (.eml)…"), page)
        self.minutes_button.setAccessibleName(self.tr("Write minutes"))
        self.email_button.setAccessibleName(self.tr("Write email draft"))
        self.recipients_label = QLabel(page)
        self.recipients_label.setWordWrap(True)
        self.recipients_label.setTextFormat(Qt.TextFormat.RichText)
        options = QWidget(page)
        options_layout = QVBoxLayout(options)
        row = QHBoxLayout()
        row.addWidget(self.by_agenda)
        row.addWidget(self.by_speaker)
        row.addSpacing(16)
        row.addWidget(self.cc_team)
        row.addStretch(1)
        options_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.minutes_button)
        row.addWidget(self.email_button)
        row.addStretch(1)
        options_layout.addLayout(row)
        options_layout.addWidget(self.recipients_label)
        minutes_note = QLabel(
            self.tr(
                "The minutes and the email are for the client: internal notes, attitudes and "
                "valued outcomes are never in them."
            ),
            page,
        )
        minutes_note.setWordWrap(True)
        options_layout.addWidget(minutes_note)

        revision = revision_labels()
        self.distributions = RecordTableModel[MinutesDistribution](
            [
                Column(
                    self.tr("Version"),
                    lambda d: d.version,
                    edit=lambda d, v: edit(d, {"version": v}, self.tr("Edit version")),
                ),
                Column(self.tr("Sent at"), lambda d: d.sent_at),
                Column(
                    self.tr("Recipients"),
                    lambda d: d.recipients,
                    edit=lambda d, v: edit(d, {"recipients": v}, self.tr("Edit recipients")),
                ),
                Column(
                    self.tr("Client's feedback"),
                    lambda d: d.client_feedback,
                    stretch=True,
                    edit=lambda d, v: edit(
                        d,
                        {"client_feedback": v},
                        self.tr("Edit client's feedback"),
                    ),
                ),
                Column(
                    self.tr("Revise implementation?"),
                    lambda d: d.revision_needed,
                    display=lambda d: revision[d.revision_needed],
                    choices=list(revision.items()),
                    edit=lambda d, v: edit(
                        d,
                        {"revision_needed": v},
                        self.tr("Change revision decision"),
                    ),
                ),
                Column(
                    self.tr("Items to revise"),
                    lambda d: d.revision_items,
                    edit=lambda d, v: edit(
                        d,
                        {"revision_items": v},
                        self.tr("Edit items to revise"),
                    ),
                ),
            ],
            self,
        )
        self.distributions_view = record_table(
            self.distributions, self.tr("Distribution record"), page
        )
        self.distributions_view.setWordWrap(True)  # feedback and items are read in full
        self.record_sending_button = QPushButton(self.tr("&Record a sending…"), page)
        self.delete_sending_button = QPushButton(self.tr("De&lete"), page)
        self.items_to_actions_button = QPushButton(self.tr("Items → ac&tion items"), page)
        self.items_to_scope_button = QPushButton(self.tr("Items → project &scope"), page)
        self.items_to_actions_button.setToolTip(
            self.tr("Each item to revise becomes an action item of this meeting")
        )
        self.items_to_scope_button.setToolTip(
            self.tr("Each item to revise becomes an in-scope line of the project boundary")
        )
        record_box = QWidget(page)
        record_layout = QVBoxLayout(record_box)
        record_layout.addWidget(self.distributions_view, 1)
        row = QHBoxLayout()
        for button in (
            self.record_sending_button,
            self.delete_sending_button,
            self.items_to_actions_button,
            self.items_to_scope_button,
        ):
            button.setAccessibleName(plain_label(button.text()))
            row.addWidget(button)
        row.addStretch(1)
        record_layout.addLayout(row)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(group(self.tr("Minutes and email draft"), options))
        layout.addWidget(
            group(self.tr("Distribution record: sent, feedback, decision"), record_box), 1
        )
        return page

    def _connect_signals(self) -> None:
        self.meeting_box.currentIndexChanged.connect(self._on_meeting_box_changed)
        self.start_clock_button.clicked.connect(self._on_start_clock_clicked)
        self.start_clock_action.triggered.connect(self._on_start_clock_clicked)
        self.ticker.timeout.connect(self._on_ticker_timeout)
        self.bar.committed.connect(self._on_bar_committed)
        self.bar.draft_due.connect(self._on_bar_draft_due)
        self.delete_shortcut.activated.connect(self._on_delete_note)
        self.edit_note_button.clicked.connect(self._on_edit_note_clicked)
        self.delete_note_button.clicked.connect(self._on_delete_note)
        self.action_button.clicked.connect(self._on_action_clicked)
        self.observe_button.clicked.connect(self._on_observe_note_clicked)
        self.value_button.clicked.connect(self._on_value_clicked)
        self.speaker_view.selectionModel().selectionChanged.connect(
            self._on_speaker_view_selection_changed
        )
        self.observe_person_button.clicked.connect(self._on_observe_person_clicked)
        self.add_priority_button.clicked.connect(self._on_add_priority_clicked)
        self.remove_priority_button.clicked.connect(self._on_remove_priority_clicked)
        self.minutes_button.clicked.connect(self._on_minutes_triggered)
        self.email_button.clicked.connect(self._on_email_triggered)
        self.cc_team.toggled.connect(self._on_cc_team_toggled)
        self.minutes_action.triggered.connect(self._on_minutes_triggered)
        self.email_action.triggered.connect(self._on_email_triggered)
        self.record_sending_button.clicked.connect(self._on_record_sending_clicked)
        self.delete_sending_button.clicked.connect(self._on_delete_sending_clicked)
        self.items_to_actions_button.clicked.connect(self._on_items_to_actions_clicked)
        self.items_to_scope_button.clicked.connect(self._on_items_to_scope_clicked)

    def export_actions(self) -> list[QAction]:
        return [self.minutes_action, self.email_action]

    # -- showing -----------------------------------------------------------------------
    @property
    def meeting_id(self) -> int | None:
        data = self.meeting_box.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        current = self.meeting_id
        rows = meetings.list_meetings(self.project_id) if self.project_id else []
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        for meeting in rows:
            when = meeting.starts_at.strftime("%Y-%m-%d") if meeting.starts_at else "—"
            kind = self.context.label(MeetingKind(meeting.kind))
            self.meeting_box.addItem(f"{when} · {kind} · {meeting.title}", meeting.id)
        # Keep the chosen meeting; otherwise open the most recent one that has notes.
        position = self.meeting_box.findData(current) if current is not None else -1
        if position < 0:
            counts = meetings.note_counts(self.project_id) if self.project_id else {}
            with_notes = [m.id for m in rows if counts.get(m.id)]
            position = self.meeting_box.findData(with_notes[0]) if with_notes else 0
        self.meeting_box.setCurrentIndex(position)
        self.meeting_box.blockSignals(False)
        self._show_meeting()

    def _on_meeting_box_changed(self, _index: int) -> None:
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting_id = self.meeting_id
        switched = meeting_id != self._shown_meeting
        if switched:
            self.bar.flush_draft()  # what was typed belongs to the meeting shown until now
            self._shown_meeting = meeting_id
        enabled = meeting_id is not None
        for widget in (self.pages, self.start_clock_button):
            widget.setEnabled(enabled)
        self.minutes_action.setEnabled(enabled)
        self.email_action.setEnabled(enabled)
        if meeting_id is None:
            self._attendees = []
            self.bar.set_speakers([])
            self.bar.set_agenda([])
            self.notes.set_rows([])
            self.speaker_summary.set_rows([])
            self.speaker_notes.set_rows([])
            self.attitudes.set_rows([])
            self.priorities.set_rows([])
            self.distributions.set_rows([])
            self.count.setText(self.tr("No meetings yet."))
            self.bar.line.clear()
            self._clock_start = None
            self._on_ticker_timeout()
            return
        label = self.context.label
        self._attendees = meetings.attendees(meeting_id)
        self.bar.set_speakers(
            [
                (a.person_id, f"{a.person.name} — {label(Role(a.person.role))}")
                for a in self._attendees
            ]
        )
        self._speaker_choices[:] = [(None, self.tr("(no speaker)"))] + [
            (a.person_id, a.person.name) for a in self._attendees
        ]
        agenda = meetings.agenda(meeting_id)
        self.bar.set_agenda([(item.id, item.title) for item in agenda])
        self._agenda_choices[:] = [(None, self.tr("(none)"))] + [
            (item.id, item.title) for item in agenda
        ]
        notes = capture.meeting_notes(meeting_id)
        grown = self.notes.rowCount() == 0 and bool(notes)
        self.notes.set_rows(notes)
        self.count.setText(self.tr("%n note(s)", "", len(notes)))
        self._clock_start = capture.clock_start(meeting_id)
        self._on_ticker_timeout()
        self._show_speakers(notes)
        self._show_attitudes()
        self._show_distributions()
        if switched or grown:
            fit_columns(self.notes_view, 220)
        if switched:
            self.notes_view.scrollToBottom()
            self._restore_draft(meeting_id)

    def _restore_draft(self, meeting_id: int) -> None:
        draft = capture.load_draft(meeting_id)
        if draft is None:
            self.bar.line.clear()
            self.bar.notice.clear()
            return
        self.bar.restore_line(draft)
        self.bar.notice.setText(
            self.tr(
                "Restored the line you were typing at {time}: it was not saved as a note yet. "
                "Press Enter to save it."
            ).format(time=draft.saved_at.strftime("%H:%M:%S"))
        )

    def _speaker_number(self, summary: SpeakerSummary) -> str:
        ids = [a.person_id for a in self._attendees]
        if summary.person is None or summary.person.id not in ids:
            return ""
        number = ids.index(summary.person.id)
        return SPEAKER_KEYS[number] if number < len(SPEAKER_KEYS) else ""

    def _show_speakers(self, notes: list[Note]) -> None:
        chosen = self._selected(self.speaker_view, self.speaker_summary)
        chosen_id = chosen.person.id if chosen is not None and chosen.person else None
        self.speaker_summary.set_rows(capture.speaker_summaries(notes, self._attendees))
        fit_columns(self.speaker_view)
        for row, summary in enumerate(self.speaker_summary.rows()):
            if summary.person is not None and summary.person.id == chosen_id:
                self.speaker_view.selectRow(row)
                break
        self._show_speaker_notes()

    def _on_speaker_view_selection_changed(self, *_args: object) -> None:
        self._show_speaker_notes()

    def _show_speaker_notes(self) -> None:
        summary = self._selected(self.speaker_view, self.speaker_summary)
        if summary is None:
            self.speaker_title.setText(self.tr("Select a speaker to see everything they said."))
            self.speaker_notes.set_rows([])
            return
        name = summary.person.name if summary.person else self.tr("No speaker")
        self.speaker_title.setText(
            self.tr("{name}: %n note(s), in order", "", len(summary.notes)).format(name=name)
        )
        self.speaker_notes.set_rows(list(summary.notes))
        fit_columns(self.speaker_notes_view)

    def _last_observed(self, attendee: Attendee) -> str:
        latest = self._latest.get(attendee.person_id)
        if latest is None:
            return ""
        when = latest.assessed_at.strftime("%Y-%m-%d")
        return f"{when} · {latest.comment}" if latest.comment else when

    def _show_attitudes(self) -> None:
        assert self.project_id is not None
        self._latest = capture.latest_assessments(a.person_id for a in self._attendees)
        self.attitudes.set_rows(self._attendees)
        fit_columns(self.attitudes_view)
        self._priority_notes = capture.priority_notes(self.project_id)
        self.priorities.set_rows(capture.leader_priorities(self.project_id))
        fit_columns(self.priorities_view)

    def _show_distributions(self) -> None:
        assert self.meeting_id is not None
        self.distributions.set_rows(capture.distributions(self.meeting_id))
        fit_columns(self.distributions_view, 240)
        self.distributions_view.resizeRowsToContents()
        self._show_recipients()

    def _show_recipients(self) -> None:
        if self.meeting_id is None:
            return
        to, team = capture.minutes_recipients(self.meeting_id)
        with_email = [p.name for p in to if p.email]
        without = [p.name for p in to if not p.email]
        text = self.tr("To: {names}").format(
            names=html.escape(", ".join(with_email)) or self.tr("nobody with an email address")
        )
        if self.cc_team.isChecked():
            cc = [p.name for p in team if p.email]
            text += "<br>" + self.tr("Cc: {names}").format(names=html.escape(", ".join(cc)))
        if without:
            text += (
                "<br><span style='color:#b00020'>"
                + self.tr("No email address (add it in Stakeholders): {names}").format(
                    names=html.escape(", ".join(without))
                )
                + "</span>"
            )
        self.recipients_label.setText(text)

    def _on_cc_team_toggled(self, _checked: bool) -> None:
        self._show_recipients()

    # -- the clock ---------------------------------------------------------------------
    def _on_ticker_timeout(self) -> None:
        if self._clock_start is None:
            self.clock_label.setText(self.tr("Clock not started"))
            return
        seconds = capture.elapsed_seconds(self._clock_start, self.context.now())
        if seconds > CLOCK_HOURS * 3600:  # a past meeting: when it started says more
            self.clock_label.setText(
                self.tr("Started {time}").format(time=self._clock_start.strftime("%Y-%m-%d %H:%M"))
            )
        else:
            self.clock_label.setText(self.tr("Elapsed {time}").format(time=clock(seconds)))

    def _on_start_clock_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        if self._clock_start is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Start meeting clock"),
                self.tr(
                    "The clock started at {time}. Restart it now? Notes already taken keep "
                    "their times."
                ).format(time=self._clock_start.strftime("%Y-%m-%d %H:%M")),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self._clock_start, changes = capture.start_clock(meeting_id, self.context.now())
        except NotFound as problem:
            self.context.editor.report(str(problem))
            return
        self.context.editor.notify(changes)
        self.bar.line.setFocus()

    # -- capture -----------------------------------------------------------------------
    def _on_bar_committed(self, text: str) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        try:
            note, _changes = capture.commit_note(
                meeting_id,
                text,
                kind=self.bar.kind,
                speaker_id=self.bar.speaker_id,
                agenda_item_id=self.bar.agenda_item_id,
                internal=self.bar.internal.isChecked(),
                now=self.context.now(),
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return
        self.bar.after_commit()
        self.bar.notice.setText(self.tr("Saved at {time}.").format(time=clock(note.offset_seconds)))
        self.context.editor.created(Note, note.id, self.tr("Capture note"))
        self.notes_view.scrollToBottom()

    def _on_bar_draft_due(self, text: capture.CaptureLine) -> None:
        meeting_id = self._shown_meeting
        if meeting_id is None:
            return
        # A meeting deleted meanwhile (undo) has no line to keep.
        with contextlib.suppress(NotFound):
            capture.save_draft(meeting_id, text, self.context.now())

    def flush_draft(self) -> None:
        """Save the line being typed now."""
        self.bar.flush_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        # Another tab, or the window closing: keep what was typed in the last half second.
        self.flush_draft()
        super().hideEvent(event)

    # -- the selected note -------------------------------------------------------------
    @staticmethod
    def _selected(view: QTableView, model: RecordTableModel[Any]) -> Any:
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return model.row(rows[0].row()) if rows else None

    def selected_note(self) -> Note | None:
        note: Note | None = self._selected(self.notes_view, self.notes)
        return note

    def _on_edit_note_clicked(self) -> None:
        index = self.notes_view.currentIndex()
        if not index.isValid():
            return
        if not self.notes.flags(index) & Qt.ItemFlag.ItemIsEditable:
            index = self.notes.index(index.row(), self.notes.column_index(self.tr("Note")))
        self.notes_view.setCurrentIndex(index)
        self.notes_view.edit(index)

    def _on_delete_note(self) -> None:
        note = self.selected_note()
        if note is not None:
            self.context.editor.delete(Note, note.id, self.tr("Delete note"))

    def _people_choices(self) -> list[tuple[int, str]]:
        assert self.project_id is not None
        label = self.context.label
        return [
            (p.id, f"{p.name} — {label(Role(p.role))}") for p in people.list_people(self.project_id)
        ]

    def _on_action_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        note = self.selected_note()
        meeting = meetings.get_meeting(meeting_id)
        held = meeting.starts_at.date() if meeting.starts_at else self.context.now().date()
        base = max(held, self.context.now().date())
        default_due = base + dt.timedelta(days=DEFAULT_ACTION_DAYS)

        def save(values: ActionValues) -> bool:
            try:
                action, _changes = capture.quick_action(
                    meeting_id,
                    values.title,
                    owner_id=values.owner_id,
                    due_date=values.due_date,
                    note_id=note.id if note is not None else None,
                    needs_client_assistance=values.needs_client_assistance,
                )
            except (ValidationProblem, NotFound) as problem:
                self.context.editor.report(str(problem))
                return False
            self.context.editor.created(ActionItem, action.id, self.tr("Add action item"))
            return True

        dialog = ActionItemDialog(
            note.text[:500] if note is not None else "",
            self._people_choices(),
            default_due,
            save,
            self,
            owner_id=note.speaker_id if note is not None else None,
        )
        dialog.exec()

    def _record(self, text: str, change: Reversible) -> None:
        self.context.editor.record(text, redo=change.redo, undo=change.undo, changes=change.changes)

    def _observe(self, person_id: int | None, note: Note | None) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        choices = [
            (a.person_id, a.person.name)
            for a in self._attendees
            if a.person.side == Side.CLIENT.value
        ] or [(a.person_id, a.person.name) for a in self._attendees]
        if not choices:
            self.context.editor.report(self.tr("This meeting has no attendees to observe."))
            return
        current = next((a.person for a in self._attendees if a.person_id == person_id), None)

        def save(values: ObservationValues) -> bool:
            try:
                _assessment, change = capture.record_observation(
                    values.person_id,
                    engagement=values.engagement,
                    cooperation_type=values.cooperation_type,
                    comment=values.comment,
                    meeting_id=meeting_id,
                    note_id=note.id if note is not None else None,
                    now=self.context.now(),
                )
            except (ValidationProblem, NotFound) as problem:
                self.context.editor.report(str(problem))
                return False
            self._record(self.tr("Record attitude"), change)
            return True

        dialog = ObservationDialog(
            choices,
            self.context.language,
            save,
            self,
            person_id=person_id,
            engagement=current.engagement_current if current is not None else None,
            comment=note.text if note is not None else "",
        )
        dialog.exec()

    def _on_observe_note_clicked(self) -> None:
        note = self.selected_note()
        self._observe(note.speaker_id if note is not None else self.bar.speaker_id, note)

    def _on_observe_person_clicked(self) -> None:
        attendee = self._selected(self.attitudes_view, self.attitudes)
        self._observe(attendee.person_id if attendee is not None else None, None)

    def _value_outcome(self, person_id: int | None, note: Note | None) -> None:
        assert self.project_id is not None
        outcomes = [(o.id, o.title) for o in projects.outcomes(self.project_id)]
        if not outcomes:
            self.context.editor.report(
                self.tr("This project lists no outcomes yet: add the project's outcomes first.")
            )
            return
        leaders = [(p.id, p.name) for p in people.list_people(self.project_id, Side.CLIENT)]

        def save(values: OutcomeValues) -> bool:
            try:
                _priority, change = capture.value_outcome(
                    values.person_id,
                    values.outcome_id,
                    note_id=note.id if note is not None and values.link_note else None,
                    rank=values.rank,
                    evidence=values.evidence,
                )
            except (ValidationProblem, NotFound) as problem:
                self.context.editor.report(str(problem))
                return False
            self._record(self.tr("Valued outcome"), change)
            return True

        dialog = ValuedOutcomeDialog(
            leaders,
            outcomes,
            save,
            self,
            person_id=person_id,
            note_text=note.text if note is not None else "",
        )
        dialog.exec()

    def _on_value_clicked(self) -> None:
        note = self.selected_note()
        self._value_outcome(note.speaker_id if note is not None else None, note)

    def _on_add_priority_clicked(self) -> None:
        attendee = self._selected(self.attitudes_view, self.attitudes)
        self._value_outcome(attendee.person_id if attendee is not None else None, None)

    def _on_remove_priority_clicked(self) -> None:
        priority = self._selected(self.priorities_view, self.priorities)
        if priority is not None:
            self.context.editor.delete(
                LeaderPriority, priority.id, self.tr("Remove valued outcome")
            )

    # -- minutes, email and the distribution record ------------------------------------
    @property
    def grouping(self) -> str:
        return "speaker" if self.by_speaker.isChecked() else "agenda"

    def _document_language(self, meeting: Meeting) -> Language:
        return Language(projects.get_project(meeting.project_id).document_language)

    def _on_minutes_triggered(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        meeting = meetings.get_meeting(meeting_id)
        from pmdesk.exports.minutes_docx import export_minutes, minutes_file_name

        name = minutes_file_name(meeting, self._document_language(meeting)).removesuffix(".docx")
        run_export(
            self,
            self.context.settings,
            "minutes",
            meeting_id,
            name,
            function=functools.partial(export_minutes, grouping=self.grouping),
        )

    def _on_email_triggered(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        meeting = meetings.get_meeting(meeting_id)
        language = self._document_language(meeting)
        from pmdesk.exports.email_eml import export_minutes_email
        from pmdesk.exports.minutes_docx import minutes_file_name

        name = minutes_file_name(meeting, language).removesuffix(".docx")
        cc_team = self.cc_team.isChecked()
        written = run_export(
            self,
            self.context.settings,
            "email",
            meeting_id,
            name,
            function=functools.partial(
                export_minutes_email, cc_team=cc_team, grouping=self.grouping
            ),
        )
        if written is None:
            return
        to, team = capture.minutes_recipients(meeting_id)
        recipients = [p for p in to if p.email] + ([p for p in team if p.email] if cc_team else [])
        version = capture.next_version(meeting_id)
        answer = QMessageBox.question(
            self,
            self.tr("Record as sent?"),
            self.tr(
                "The email draft is open in your mail program. Record version {version} of "
                "the minutes as sent now, to {count} recipient(s)? You can add the client's "
                "feedback later."
            ).format(version=version, count=len(recipients)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._save_distribution(
                DistributionValues(
                    version,
                    self.context.now().replace(microsecond=0),
                    capture.address_list(recipients),
                    "",
                    None,
                    "",
                )
            )

    def _save_distribution(self, values: DistributionValues) -> bool:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return False
        try:
            _record, change = capture.record_distribution(
                meeting_id,
                version=values.version,
                sent_at=values.sent_at,
                recipients=values.recipients,
                client_feedback=values.client_feedback,
                revision_needed=values.revision_needed,
                revision_items=values.revision_items,
            )
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return False
        self._record(self.tr("Record minutes sent"), change)
        return True

    def _on_record_sending_clicked(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return
        to, _team = capture.minutes_recipients(meeting_id)
        dialog = DistributionDialog(
            capture.next_version(meeting_id),
            self.context.now().replace(second=0, microsecond=0),
            capture.address_list(to),
            self._save_distribution,
            self,
        )
        dialog.exec()

    def _selected_distribution(self) -> MinutesDistribution | None:
        record: MinutesDistribution | None = self._selected(
            self.distributions_view, self.distributions
        )
        return record

    def _on_delete_sending_clicked(self) -> None:
        record = self._selected_distribution()
        if record is not None:
            self.context.editor.delete(
                MinutesDistribution, record.id, self.tr("Delete distribution record")
            )

    def _on_items_to_actions_clicked(self) -> None:
        self._revise(
            capture.revision_actions,
            self.tr("Items to revise → action items"),
            lambda n: self.tr("%n action item(s) added; see the Progress tab.", "", n),
        )

    def _on_items_to_scope_clicked(self) -> None:
        self._revise(
            capture.revision_scope_items,
            self.tr("Items to revise → project scope"),
            lambda n: self.tr("%n line(s) added to the project scope.", "", n),
        )

    def _revise(
        self,
        make: Callable[[int], tuple[list[Any], Any]],
        undo_text: str,
        done: Callable[[int], str],
    ) -> None:
        """Turn the selected sending's items to revise into records, as one undo step."""
        record = self._selected_distribution()
        if record is None:
            self.context.editor.report(self.tr("Select a sending of the minutes first."))
            return
        try:
            created, change = make(record.id)
        except (ValidationProblem, NotFound) as problem:
            self.context.editor.report(str(problem))
            return
        if created:
            self._record(undo_text, change)
        QMessageBox.information(self, self.tr("Items to revise"), done(len(created)))
