"""Attitudes and valued outcomes: how each attendee engages, what each leader values.

Internal to the consultant team: never in the minutes or the email.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from pmdesk.models import (
    Assessment,
    Attendee,
    CooperationType,
    Engagement,
    LeaderPriority,
    Note,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import NotFound, ValidationProblem, capture, people, projects
from pmdesk.ui.dialogs.capture_dialogs import (
    ObservationDialog,
    ObservationValues,
    OutcomeValues,
    ValuedOutcomeDialog,
)
from pmdesk.ui.live_meeting.common import MARK_ATTENDED_KEY, MeetingSection, MeetingShown
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext, group
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class AttitudesSection(MeetingSection):
    """Attendees' attitudes (with the roll call) and the outcomes each leader values."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("attitudesSection")
        label = context.label
        label_of = context.label_of
        edit = context.editor.edit_record
        warning = QLabel(
            self.tr(
                "Internal — confidential: attitudes, and your judgement of which outcomes "
                "each leader values, are for the consultant team only and never appear in "
                "the minutes or the email. What a leader says (F8 notes too) is minuted as "
                "said, unless the note is marked internal."
            ),
            self,
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
                    choices=context.choices(Rsvp),
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
                Column(self.tr("Last observed"), self._last_observed, stretch=True),
            ],
            self,
        )
        self._latest: dict[int, Assessment] = {}
        self.attitudes_view = record_table(self.attitudes, self.tr("Attendees' attitudes"), self)
        self.observe_person_button = QPushButton(self.tr("Record &observation…"), self)
        self.observe_person_button.setAccessibleName(self.tr("Record observation"))
        self.mark_attended_button = QPushButton(self.tr("Mark &attended"), self)
        self.mark_attended_button.setAccessibleName(self.tr("Mark attended"))
        self.mark_attended_button.setToolTip(
            self.tr("Record the chosen attendee as present ({key})").format(
                key=MARK_ATTENDED_KEY.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.mark_attended_action = QAction(self.tr("Mark attended"), self)
        self.mark_attended_action.setShortcut(MARK_ATTENDED_KEY)
        self.mark_attended_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.attitudes_view.addAction(self.mark_attended_action)

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
            self.priorities, self.tr("Outcomes each leader values"), self
        )
        self.add_priority_button = QPushButton(self.tr("Add valued ou&tcome…"), self)
        self.add_priority_button.setAccessibleName(self.tr("Add valued outcome"))
        self.remove_priority_button = QPushButton(self.tr("Remove"), self)
        self.remove_priority_button.setAccessibleName(self.tr("Remove valued outcome"))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.attitudes_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.observe_person_button)
        row.addWidget(self.mark_attended_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.priorities_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_priority_button)
        row.addWidget(self.remove_priority_button)
        row.addStretch(1)
        bottom_layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("liveMeetingAttitudesSplitter")
        self.splitter.addWidget(group(self.tr("Attitudes observed"), top))
        self.splitter.addWidget(group(self.tr("Outcomes each leader values most"), bottom))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(warning)
        layout.addWidget(self.splitter, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.observe_person_button.clicked.connect(self._on_observe_person_clicked)
        self.mark_attended_button.clicked.connect(self._on_mark_attended_triggered)
        self.mark_attended_action.triggered.connect(self._on_mark_attended_triggered)
        self.add_priority_button.clicked.connect(self._on_add_priority_clicked)
        self.remove_priority_button.clicked.connect(self._on_remove_priority_clicked)

    # -- showing -----------------------------------------------------------------------
    def show_meeting(self, shown: MeetingShown | None) -> None:
        self.shown = shown
        if shown is None:
            self.attitudes.set_rows([])
            self.priorities.set_rows([])
            return
        self._latest = capture.latest_assessments(a.person_id for a in shown.attendees)
        self.attitudes.set_rows(shown.attendees)
        fit_columns(self.attitudes_view)
        self._priority_notes = capture.priority_notes(shown.project_id)
        self.priorities.set_rows(capture.leader_priorities(shown.project_id))
        fit_columns(self.priorities_view)

    def _last_observed(self, attendee: Attendee) -> str:
        latest = self._latest.get(attendee.person_id)
        if latest is None:
            return ""
        when = latest.assessed_at.strftime("%Y-%m-%d")
        return f"{when} · {latest.comment}" if latest.comment else when

    def selected_attendee(self) -> Attendee | None:
        return current_record(self.attitudes_view, self.attitudes)

    # -- observing and valuing -----------------------------------------------------------
    def observe(self, person_id: int | None, note: Note | None) -> None:
        """Record an attendee's attitude (from `note`, if given) in their history."""
        shown = self.shown
        if shown is None:
            return
        meeting_id = shown.meeting_id
        attendees = shown.attendees
        choices = [
            (a.person_id, a.person.name) for a in attendees if a.person.side == Side.CLIENT.value
        ] or [(a.person_id, a.person.name) for a in attendees]
        if not choices:
            self.context.editor.report(self.tr("This meeting has no attendees to observe."))
            return
        current = next((a.person for a in attendees if a.person_id == person_id), None)
        note_id = note.id if note is not None else None

        def save(values: ObservationValues) -> bool:
            try:
                _assessment, change = capture.record_observation(
                    values.person_id,
                    engagement=values.engagement,
                    cooperation_type=values.cooperation_type,
                    comment=values.comment,
                    meeting_id=meeting_id,
                    note_id=note_id,
                    now=self.context.now(),
                )
            except (ValidationProblem, NotFound) as problem:
                self.context.editor.report(problem_text(problem))
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

    def value_outcome(self, person_id: int | None, note: Note | None) -> None:
        """Record which outcome a leader values (shown by `note`, if given)."""
        if self.shown is None:
            return
        project_id = self.shown.project_id
        outcomes = [(o.id, o.title) for o in projects.outcomes(project_id)]
        if not outcomes:
            self.context.editor.report(
                self.tr("This project lists no outcomes yet: add the project's outcomes first.")
            )
            return
        leaders = [(p.id, p.name) for p in people.list_people(project_id, Side.CLIENT)]
        note_id = note.id if note is not None else None

        def save(values: OutcomeValues) -> bool:
            try:
                _priority, change = capture.value_outcome(
                    values.person_id,
                    values.outcome_id,
                    note_id=note_id if values.link_note else None,
                    rank=values.rank,
                    evidence=values.evidence,
                )
            except (ValidationProblem, NotFound) as problem:
                self.context.editor.report(problem_text(problem))
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

    def _on_observe_person_clicked(self) -> None:
        attendee = self.selected_attendee()
        self.observe(attendee.person_id if attendee is not None else None, None)

    def _on_mark_attended_triggered(self) -> None:
        attendee = self.selected_attendee()
        self.mark_attended(attendee.person_id if attendee is not None else None)

    def _on_add_priority_clicked(self) -> None:
        attendee = self.selected_attendee()
        self.value_outcome(attendee.person_id if attendee is not None else None, None)

    def _on_remove_priority_clicked(self) -> None:
        priority = current_record(self.priorities_view, self.priorities)
        if priority is not None:
            self.context.editor.delete(
                LeaderPriority, priority.id, self.tr("Remove valued outcome")
            )
