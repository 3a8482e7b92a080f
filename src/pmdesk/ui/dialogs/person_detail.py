"""One person of the register, one click away: the playbook for their cooperation type,
their assessment timeline, what they said, what they own and the private follow-ups.

Every change is saved through `services.stakeholders` and recorded on the undo stack.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk import vocabulary
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Assessment,
    CoachingSession,
    CooperationType,
    Engagement,
    EscalationMemo,
    EscalationOption,
    FollowUp,
    Language,
    LeadDecision,
    Note,
    NoteKind,
    Person,
    Role,
    Side,
)
from pmdesk.services import Changes, NotFound, ValidationProblem, people, progress
from pmdesk.services import stakeholders as sh
from pmdesk.services.common import FieldEdit, apply_edit
from pmdesk.ui.dialogs.person_dialog import cause_checkboxes
from pmdesk.ui.dialogs.playbook_dialogs import (
    CoachingDialog,
    DecisionDialog,
    MemoDialog,
    SendHelpDialog,
    choice_box,
    text_box,
)
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.power_grid import TYPE_COLOURS
from pmdesk.ui.widgets.tables import fit_columns, record_table

R = TypeVar("R")

# --- saving through the undo stack -------------------------------------------------------


def save_person(
    context: TabContext,
    person_id: int,
    values: dict[str, Any],
    text: str,
    *,
    source: str = "",
    comment: str = "",
    version: int | None = None,
) -> str | None:
    """Save a person's fields (and the assessment a new engagement/type writes) with undo.

    Returns the problem to show, or None once saved (or when nothing changed, or the user
    kept a colleague's newer change: `version` is the person's row_version as shown).
    """
    try:
        change = context.editor.attempt(
            lambda v: sh.update_person(
                person_id, values, when=context.now(), source=source, comment=comment, version=v
            ),
            version,
        )
    except (ValidationProblem, NotFound) as problem:
        return str(problem)
    if change is not None:
        context.editor.record(
            text,
            redo=lambda: sh.redo_person_change(change),
            undo=lambda: sh.undo_person_change(change),
            changes=change.changes,
        )
    return None


def record_field_edit(context: TabContext, edit: FieldEdit, text: str) -> None:
    context.editor.record(
        text,
        redo=lambda: apply_edit(edit),
        undo=lambda: apply_edit(edit.inverse()),
        changes=Changes.of(edit.model),
    )


# --- the assessment timeline ---------------------------------------------------------


class AssessmentTimeline(QWidget):
    """A person's assessments over time: engagement as height, cooperation type as colour.

    A routine person turning active shows as the marker changing from amber to green.
    """

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Assessment] = []
        self.setMinimumHeight(90)
        self.setAccessibleName(self.tr("Assessment timeline"))

    def sizeHint(self) -> QSize:
        return QSize(520, 190)

    def set_history(self, rows: list[Assessment]) -> None:
        self._rows = list(rows)
        self.setAccessibleDescription(
            "; ".join(f"{r.assessed_at:%Y-%m-%d}: {self._describe(r)}" for r in self._rows)
        )
        self.update()

    def _describe(self, row: Assessment) -> str:
        words = []
        if row.engagement:
            words.append(vocabulary.label(Engagement(row.engagement), self.language))
        if row.cooperation_type:
            words.append(vocabulary.label(CooperationType(row.cooperation_type), self.language))
        return ", ".join(words)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetrics(self.font())
        levels = list(Engagement)
        label_width = max(
            metrics.horizontalAdvance(vocabulary.label(e, self.language)) for e in levels
        )
        left, right = label_width + 16, self.width() - 24
        top, bottom = 22, self.height() - 34
        step = (bottom - top) / (len(levels) - 1)

        def y_of(engagement: Engagement) -> float:
            return bottom - levels.index(engagement) * step

        painter.setPen(QPen(QColor("#e0e0e0"), 1))
        for level in levels:
            painter.drawLine(QPointF(left, y_of(level)), QPointF(right, y_of(level)))
        painter.setPen(self.palette().text().color())
        for level in levels:
            painter.drawText(
                QRectF(4, y_of(level) - 9, label_width + 4, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                vocabulary.label(level, self.language),
            )
        if not self._rows:
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No assessments yet."),
            )
            painter.end()
            return
        first = self._rows[0].assessed_at
        span = max((self._rows[-1].assessed_at - first).total_seconds(), 1.0)
        width = right - left - 60

        def x_of(when: dt.datetime) -> float:
            if len(self._rows) == 1:
                return left + (right - left) / 2
            return left + 30 + (when - first).total_seconds() / span * width

        # Engagement and type carry forward when an assessment records only one of them.
        engagement: Engagement | None = None
        kind: CooperationType | None = None
        points: list[tuple[QPointF, CooperationType | None, bool, Assessment]] = []
        for row in self._rows:
            engagement = Engagement(row.engagement) if row.engagement else engagement
            changed = row.cooperation_type is not None and row.cooperation_type != kind
            kind = CooperationType(row.cooperation_type) if row.cooperation_type else kind
            y = y_of(engagement) if engagement else bottom + 10
            points.append((QPointF(x_of(row.assessed_at), y), kind, changed, row))
        painter.setPen(QPen(QColor("#1f3a5f"), 2))
        for (a, *_), (b, *_) in itertools.pairwise(points):
            painter.drawLine(a, QPointF(b.x(), a.y()))
            painter.drawLine(QPointF(b.x(), a.y()), b)
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() - 1, 7))
        last_date_right = -1e9
        for centre, point_kind, changed, row in points:
            colour = TYPE_COLOURS[point_kind] if point_kind else QColor("white")
            painter.setPen(QPen(QColor("#1f3a5f"), 1.5))
            painter.setBrush(QBrush(colour))
            painter.drawEllipse(centre, 7, 7)
            painter.setFont(small)
            if changed and point_kind is not None:
                painter.setPen(TYPE_COLOURS[point_kind].darker(130))
                text = vocabulary.label(point_kind, self.language)
                painter.drawText(
                    QRectF(centre.x() - 60, centre.y() - 24, 120, 14),
                    int(Qt.AlignmentFlag.AlignCenter),
                    text,
                )
            date_text = row.assessed_at.strftime("%m-%d")
            if centre.x() - 20 > last_date_right:  # skip dates that would overlap
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(centre.x() - 20, self.height() - 20, 40, 16),
                    int(Qt.AlignmentFlag.AlignCenter),
                    date_text,
                )
                last_date_right = centre.x() + 20
            painter.setFont(self.font())
        painter.end()


def _help_title(memo: EscalationMemo) -> str:
    action = memo.help_action if memo.__data__.get("help_action") else None
    return action.title if action is not None else ""


def _note_text(assessment: Assessment) -> str:
    note = assessment.note if assessment.__data__.get("note") else None
    return note.text if note is not None else ""


# --- the detail panel --------------------------------------------------------------------


class PersonDetail(QTabWidget):
    """Tabs about the selected person; `add_follow_up(person_id)` is the tab's dialog."""

    def __init__(
        self,
        context: TabContext,
        add_follow_up: Callable[[int | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._add_follow_up = add_follow_up
        self.person: Person | None = None
        self.record = sh.OnTimeRecord()
        self.setObjectName("personDetail")
        label = context.label
        self.setDocumentMode(True)

        # -- playbook: type, suggestion, causes ---------------------------------------------
        self.type_box = choice_box(
            self.tr("Cooperation type"), context.choices(CooperationType), None, self
        )
        self.type_box.activated.connect(self._on_type_box_activated)
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setToolTip(self._rule_text())
        self.use_suggestion = QPushButton(self.tr("Use suggestion"), self)
        self.use_suggestion.clicked.connect(self._on_use_suggestion_clicked)
        causes_grid, self.cause_boxes = cause_checkboxes(context.language, [], self, columns=3)
        self.causes = text_box(self.tr("Causes in your own words"), "", self, lines=2)
        self.save_causes = QPushButton(self.tr("Save causes"), self)
        self.save_causes.clicked.connect(self._on_save_causes_clicked)
        type_box_label = QLabel(self.tr("Cooperation type:"), self)
        type_box_label.setBuddy(self.type_box)
        classify = QGroupBox(self.tr("Cooperation type"), self)
        classify_layout = QGridLayout(classify)
        classify_layout.addWidget(type_box_label, 0, 0)
        classify_layout.addWidget(self.type_box, 0, 1)
        classify_layout.addWidget(self.suggestion, 1, 0, 1, 2)
        classify_layout.addWidget(self.use_suggestion, 2, 1)
        classify_layout.setRowStretch(3, 1)
        causes_page = QWidget(self)
        causes_layout = QGridLayout(causes_page)
        causes_layout.addWidget(QLabel(self.tr("Common causes:"), self), 0, 0, 1, 2)
        causes_layout.addLayout(causes_grid, 1, 0, 1, 2)
        causes_label = QLabel(self.tr("In your own words:"), self)
        causes_label.setBuddy(self.causes)
        causes_layout.addWidget(causes_label, 2, 0, 1, 2)
        causes_layout.addWidget(self.causes, 3, 0, 1, 2)
        causes_layout.addWidget(self.save_causes, 4, 1)
        causes_layout.setColumnStretch(0, 1)
        causes_layout.setRowStretch(5, 1)

        # -- active: success factors and where to carry them over -----------------------------
        self.success_factors = text_box(self.tr("Success factors"), "", self, lines=3)
        self.save_success = QPushButton(self.tr("Save success factors"), self)
        self.save_success.clicked.connect(self._on_save_success_clicked)
        self.carry_targets = QListWidget(self)
        self.carry_targets.setAccessibleName(self.tr("Carry the success factors over to"))
        self.carry_targets.setMaximumHeight(90)
        self.carry_over = QPushButton(self.tr("Carry over to the ticked people"), self)
        self.carry_over.clicked.connect(self._on_carry_over_clicked)
        self.carried_label = QLabel(self)
        self.carried_label.setWordWrap(True)
        active = QGroupBox(self.tr("Active: why so willing, and carry it over to others"), self)
        active_layout = QGridLayout(active)
        success_label = QLabel(self.tr("Success factors:"), self)
        success_label.setBuddy(self.success_factors)
        carry_label = QLabel(self.tr("Carry over to:"), self)
        carry_label.setBuddy(self.carry_targets)
        active_layout.addWidget(success_label, 0, 0)
        active_layout.addWidget(self.success_factors, 1, 0)
        active_layout.addWidget(self.save_success, 2, 0, Qt.AlignmentFlag.AlignRight)
        active_layout.addWidget(carry_label, 0, 1)
        active_layout.addWidget(self.carry_targets, 1, 1)
        active_layout.addWidget(self.carry_over, 2, 1, Qt.AlignmentFlag.AlignRight)
        active_layout.addWidget(self.carried_label, 3, 0, 1, 2)
        active_layout.setRowStretch(4, 1)

        # -- passive: escalation memos -----------------------------------------------------------
        self.memos = RecordTableModel[EscalationMemo](
            [
                Column(self.tr("Written"), lambda m: m.written_on),
                Column(self.tr("Proposal"), lambda m: label(EscalationOption(m.proposal))),
                Column(self.tr("Sent"), lambda m: m.sent_on),
                Column(self.tr("Lead's decision"), lambda m: label(LeadDecision(m.decision))),
                Column(self.tr("Decided"), lambda m: m.decided_on),
                Column(
                    self.tr("Help action"),
                    _help_title,
                ),
                Column(self.tr("Cause"), lambda m: m.cause, stretch=True),
            ],
            self,
        )
        self.memos.tooltip = lambda m: (
            m.text + (f"\n\n{m.decision_note}" if m.decision_note else "")
        )
        self.memos_view = record_table(self.memos, self.tr("Escalation memos"), self)
        self.new_memo = QPushButton(self.tr("New memo…"), self)
        self.new_memo.clicked.connect(self._on_new_memo_clicked)
        self.decide = QPushButton(self.tr("Lead's decision…"), self)
        self.decide.clicked.connect(self._on_decide_clicked)
        self.send_help = QPushButton(self.tr("Send help…"), self)
        self.send_help.clicked.connect(self._on_send_help_clicked)
        self.copy_memo = QPushButton(self.tr("Copy memo text"), self)
        self.copy_memo.clicked.connect(self._on_copy_memo_clicked)
        self.memos_view.selectionModel().selectionChanged.connect(self._update_buttons)
        passive = QGroupBox(
            self.tr("Passive: ask the client lead — incentive, replace, help?"), self
        )
        passive_layout = QHBoxLayout(passive)
        passive_layout.addWidget(self.memos_view, 1)
        memo_buttons = QVBoxLayout()
        for button in (self.new_memo, self.decide, self.send_help, self.copy_memo):
            memo_buttons.addWidget(button)
        memo_buttons.addStretch(1)
        passive_layout.addLayout(memo_buttons)

        # -- routine: coaching plan and log ------------------------------------------------------
        self.coaching_plan = text_box(self.tr("One-on-one coaching plan"), "", self, lines=2)
        self.keepers = {
            field: DraftKeeper(box, functools.partial(self._draft_key, field), self._project_id)
            for field, box in (
                ("causes", self.causes),
                ("success_factors", self.success_factors),
                ("coaching_plan", self.coaching_plan),
            )
        }
        self.save_plan = QPushButton(self.tr("Save plan"), self)
        self.save_plan.clicked.connect(self._on_save_plan_clicked)
        self.sessions = RecordTableModel[CoachingSession](
            [
                Column(self.tr("Planned"), lambda s: s.planned_on),
                Column(self.tr("Held"), lambda s: s.held_on),
                Column(self.tr("Topic"), lambda s: s.topic),
                Column(self.tr("Notes"), lambda s: s.notes, stretch=True),
            ],
            self,
        )
        self.sessions_view = record_table(self.sessions, self.tr("Coaching log"), self)
        self.sessions_view.doubleClicked.connect(self._on_edit_session_clicked)
        self.add_session = QPushButton(self.tr("Plan a talk…"), self)
        self.add_session.clicked.connect(self._on_add_session_clicked)
        self.edit_session = QPushButton(self.tr("Edit talk…"), self)
        self.edit_session.clicked.connect(self._on_edit_session_clicked)
        self.delete_session = QPushButton(self.tr("Delete talk"), self)
        self.delete_session.clicked.connect(self._on_delete_session_clicked)
        self.sessions_view.selectionModel().selectionChanged.connect(self._update_buttons)
        routine = QGroupBox(self.tr("Routine: one-on-one talks toward active"), self)
        routine_layout = QGridLayout(routine)
        plan_label = QLabel(self.tr("Coaching plan:"), self)
        plan_label.setBuddy(self.coaching_plan)
        routine_layout.addWidget(plan_label, 0, 0)
        routine_layout.addWidget(self.coaching_plan, 1, 0)
        routine_layout.addWidget(self.save_plan, 2, 0, Qt.AlignmentFlag.AlignRight)
        routine_layout.addWidget(QLabel(self.tr("One-on-one talks:"), self), 0, 1)
        routine_layout.addWidget(self.sessions_view, 1, 1, 2, 1)
        session_buttons = QHBoxLayout()
        for button in (self.add_session, self.edit_session, self.delete_session):
            session_buttons.addWidget(button)
        session_buttons.addStretch(1)
        routine_layout.addLayout(session_buttons, 3, 1)
        routine_layout.setColumnStretch(0, 2)
        routine_layout.setColumnStretch(1, 3)

        self.other = QLabel(self)
        self.other.setWordWrap(True)
        self.other.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.playbook = QStackedWidget(self)
        self.pages = {
            CooperationType.ACTIVE: self.playbook.addWidget(active),
            CooperationType.PASSIVE: self.playbook.addWidget(passive),
            CooperationType.ROUTINE: self.playbook.addWidget(routine),
        }
        self.other_page = self.playbook.addWidget(self.other)

        playbook_page = QWidget(self)
        playbook_layout = QHBoxLayout(playbook_page)
        playbook_layout.addWidget(classify, 1)
        playbook_layout.addWidget(self.playbook, 3)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(playbook_page)
        self.addTab(scroll, self.tr("Play&book"))
        causes_scroll = QScrollArea(self)
        causes_scroll.setWidgetResizable(True)
        causes_scroll.setWidget(causes_page)
        self.addTab(causes_scroll, self.tr("&Causes"))

        # -- history ------------------------------------------------------------------------
        self.timeline = AssessmentTimeline(context.language, self)
        self.history = RecordTableModel[Assessment](
            [
                Column(self.tr("Date"), lambda a: a.assessed_at),
                Column(
                    self.tr("Engagement"),
                    lambda a: context.label_of(Engagement, a.engagement),
                ),
                Column(
                    self.tr("Cooperation type"),
                    lambda a: context.label_of(CooperationType, a.cooperation_type),
                ),
                Column(self.tr("Source"), lambda a: a.source),
                Column(self.tr("Comment"), lambda a: a.comment, stretch=True),
            ],
            self,
        )
        self.history.tooltip = _note_text
        self.history_view = record_table(self.history, self.tr("Assessment history"), self)
        history_page = QWidget(self)
        history_layout = QHBoxLayout(history_page)
        history_layout.addWidget(self.timeline, 1)
        history_layout.addWidget(self.history_view, 1)
        self.addTab(history_page, self.tr("Histor&y"))

        # -- notes, actions, follow-ups ------------------------------------------------------
        self.notes = RecordTableModel[Note](
            [
                Column(self.tr("Meeting"), lambda n: n.meeting.title),
                Column(self.tr("Kind"), lambda n: label(NoteKind(n.kind))),
                Column(self.tr("Said"), lambda n: n.text, stretch=True),
                Column(
                    self.tr("Internal"),
                    lambda n: n.internal,
                    display=lambda n: self.tr("internal") if n.internal else "",
                ),
            ],
            self,
        )
        self.notes_view = record_table(self.notes, self.tr("Notes said"), self)
        self.addTab(self.notes_view, self.tr("N&otes said"))
        self.owned_actions = RecordTableModel[ActionItem](
            [
                Column(self.tr("Step"), lambda a: a.title, stretch=True),
                Column(self.tr("Due"), lambda a: a.due_date),
                Column(self.tr("Status"), lambda a: label(ActionStatus(a.status))),
                Column(self.tr("Completed"), lambda a: a.completed_on),
                Column(self.tr("Carried over"), lambda a: a.carry_over_count, align_right=True),
            ],
            self,
        )
        self.owned_actions.background = self._action_brush
        self.actions_view = record_table(self.owned_actions, self.tr("Actions owned"), self)
        self.addTab(self.actions_view, self.tr("Actions owne&d"))
        self.follow_ups = RecordTableModel[FollowUp](
            [
                Column(self.tr("Date"), lambda f: f.follow_up_on),
                Column(self.tr("Reason"), lambda f: f.reason),
                Column(self.tr("Outcome"), lambda f: f.outcome, stretch=True),
                Column(self.tr("New commitment"), lambda f: f.new_commitment_date),
            ],
            self,
        )
        self.follow_ups_view = record_table(self.follow_ups, self.tr("Follow-ups"), self)
        self.add_follow_up_button = QPushButton(self.tr("Add follow-up…"), self)
        self.add_follow_up_button.clicked.connect(
            lambda: self._add_follow_up(self.person.id if self.person else None)
        )
        follow_page = QWidget(self)
        follow_layout = QVBoxLayout(follow_page)
        follow_layout.addWidget(self.follow_ups_view)
        follow_layout.addWidget(self.add_follow_up_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.addTab(follow_page, self.tr("Follow-&ups"))
        self.show_person(None, sh.OnTimeRecord())

    # -- showing ------------------------------------------------------------------------
    def _draft_key(self, field: str) -> str | None:
        return f"person:{self.person.id}:{field}" if self.person is not None else None

    def _project_id(self) -> int | None:
        return int(self.person.__data__["project"]) if self.person is not None else None

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        self.person = person
        self.record = record
        self.setEnabled(person is not None)
        pid = person.id if person else None
        self.history.set_rows(people.assessments(pid) if pid else [])
        self.timeline.set_history(self.history.all_rows())
        self.notes.set_rows(people.notes_said(pid) if pid else [])
        self.owned_actions.set_rows(people.actions_owned(pid) if pid else [])
        project_id = int(person.__data__["project"]) if person else 0
        self.follow_ups.set_rows(sh.follow_ups(project_id, pid) if pid else [])
        self.memos.set_rows(sh.escalations(pid) if pid else [])
        self.sessions.set_rows(sh.coaching_sessions(pid) if pid else [])
        self._show_playbook()
        for view in (
            self.history_view,
            self.notes_view,
            self.actions_view,
            self.follow_ups_view,
            self.memos_view,
            self.sessions_view,
        ):
            fit_columns(view)
        self._update_buttons()

    def _show_playbook(self) -> None:
        person = self.person
        staff = person is not None and person.role == Role.COOPERATING_STAFF
        kind = CooperationType(person.cooperation_type) if person else CooperationType.UNCLASSIFIED
        self.type_box.setEnabled(staff)
        self.type_box.setCurrentIndex(max(self.type_box.findData(kind.value), 0))
        self.suggestion.setText(self._suggestion_text() if staff else "")
        enough = staff and self.record.enough_history and self.record.suggested != kind
        self.use_suggestion.setEnabled(enough)
        chosen = sh.parse_cause_factors(person.cause_factors) if person else []
        for key, box in self.cause_boxes.items():
            box.setChecked(key in chosen)
        self.causes.setPlainText(person.causes if person else "")
        self.success_factors.setPlainText(person.success_factors if person else "")
        self.coaching_plan.setPlainText(person.coaching_plan if person else "")
        for keeper in self.keepers.values():  # what was typed and not saved before a crash
            keeper.restore()
        self._fill_carry_targets()
        if staff and kind in self.pages:
            self.playbook.setCurrentIndex(self.pages[kind])
            return
        self.playbook.setCurrentIndex(self.other_page)
        if person is None:
            self.other.setText("")
        elif person.side == Side.CONSULTANT:
            self.other.setText(
                self.tr(
                    "Consultants are not classified: their actions and "
                    "follow-ups are in the other tabs here."
                )
            )
        elif not staff:
            self.other.setText(
                self.tr(
                    "The client lead and the leaders are not classified by cooperation type: "
                    "track their engagement, influence and interest, and what they value most."
                )
            )
        else:
            self.other.setText(
                self.tr(
                    "Unclassified. After the first contact, classify them as active, passive or "
                    "routine; the suggestion on the left is based on their deadlines so far."
                )
            )

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

    def _fill_carry_targets(self) -> None:
        self.carry_targets.clear()
        person = self.person
        if person is None or person.role != Role.COOPERATING_STAFF:
            self.carried_label.setText("")
            return
        already = {p.id for p in sh.carried_over_to(person)}
        project_id = person.__data__["project"]
        for other in people.list_people(project_id, Side.CLIENT):
            if other.id == person.id or other.role != Role.COOPERATING_STAFF:
                continue
            item = QListWidgetItem(
                f"{other.name} · {self.context.label(CooperationType(other.cooperation_type))}"
            )
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            wanted = other.cooperation_type != CooperationType.ACTIVE and other.id not in already
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.carry_targets.addItem(item)
        names = [p.name for p in sh.carried_over_to(person)]
        self.carried_label.setText(
            self.tr("Carried over to: {names}").format(names=", ".join(names)) if names else ""
        )

    def _update_buttons(self, *_args: object) -> None:
        memo = self._selected(self.memos_view, self.memos)
        self.decide.setEnabled(memo is not None)
        self.copy_memo.setEnabled(memo is not None)
        self.send_help.setEnabled(memo is not None and not memo.__data__.get("help_action"))
        session = self._selected(self.sessions_view, self.sessions)
        self.edit_session.setEnabled(session is not None)
        self.delete_session.setEnabled(session is not None)

    @staticmethod
    def _selected(view: QTableView, model: RecordTableModel[R]) -> R | None:
        rows = view.selectionModel().selectedRows()
        return model.row(rows[0].row()) if rows else None

    def _action_brush(self, action: ActionItem) -> QBrush | None:
        if action.status == ActionStatus.DONE:
            return DONE_BRUSH
        return OVERDUE_BRUSH if progress.is_overdue(action, self.context.now().date()) else None

    def _report(self, problem: str | None) -> None:
        if problem:
            self.context.editor.report(problem)

    # -- playbook actions -----------------------------------------------------------------
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

    def _on_save_causes_clicked(self) -> None:
        if self.person is None:
            return
        values = {
            "cause_factors": [k for k, box in self.cause_boxes.items() if box.isChecked()],
            "causes": self.causes.toPlainText(),
        }
        self._saved(
            "causes", save_person(self.context, self.person.id, values, self.tr("Edit causes"))
        )

    def _on_save_success_clicked(self) -> None:
        if self.person is None:
            return
        values = {"success_factors": self.success_factors.toPlainText()}
        self._saved(
            "success_factors",
            save_person(self.context, self.person.id, values, self.tr("Edit success factors")),
        )

    def _on_carry_over_clicked(self) -> None:
        if self.person is None:
            return
        targets = [
            int(self.carry_targets.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.carry_targets.count())
            if self.carry_targets.item(i).checkState() == Qt.CheckState.Checked
        ]
        # Unsaved success factors are saved first, as part of the same undo step.
        with self.context.editor.macro(self.tr("Carry over success factors")):
            problem = save_person(
                self.context,
                self.person.id,
                {"success_factors": self.success_factors.toPlainText()},
                self.tr("Edit success factors"),
            )
            if problem is None:
                try:
                    changes = sh.carry_over_success_factors(
                        self.person.id, targets, when=self.context.now()
                    )
                except ValidationProblem as exc:
                    problem = str(exc)
                else:
                    for change in changes:
                        self.context.editor.record(
                            self.tr("Carry over success factors"),
                            redo=functools.partial(sh.redo_person_change, change),
                            undo=functools.partial(sh.undo_person_change, change),
                            changes=change.changes,
                        )
        self._report(problem)

    def _on_save_plan_clicked(self) -> None:
        if self.person is None:
            return
        values = {"coaching_plan": self.coaching_plan.toPlainText()}
        self._saved(
            "coaching_plan",
            save_person(self.context, self.person.id, values, self.tr("Edit coaching plan")),
        )

    def _saved(self, field: str, problem: str | None) -> None:
        """Report a refused save; once saved, the draft of that box is no longer needed."""
        if problem is None:
            self.keepers[field].discard()
        self._report(problem)

    def _document_language(self) -> Language:
        from pmdesk.services import projects

        assert self.person is not None
        return Language(projects.get_project(self.person.__data__["project"]).document_language)

    def _on_new_memo_clicked(self) -> None:
        person = self.person
        if person is None:
            return
        language = self._document_language()
        lead = sh.client_lead(person.__data__["project"])
        record = self.record

        def draft(proposal: str) -> str:
            return sh.draft_memo_text(
                person, EscalationOption(proposal), record, language, lead.name if lead else ""
            )

        def save(values: dict[str, Any]) -> str | None:
            try:
                memo = sh.create_escalation(person.id, **values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            self.context.editor.created(EscalationMemo, memo.id, self.tr("Write escalation memo"))
            return None

        MemoDialog(
            person_name=person.name,
            proposals=self.context.choices(EscalationOption),
            proposal=EscalationOption.SEND_HELP.value,
            cause=sh.memo_cause(person, language),
            draft=draft,
            today=self.context.now().date(),
            save=save,
            parent=self,
        ).exec()

    def _on_decide_clicked(self) -> None:
        memo = self._selected(self.memos_view, self.memos)
        if not isinstance(memo, EscalationMemo):
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.decide_escalation(memo.id, **values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            record_field_edit(self.context, edit, self.tr("Record the lead's decision"))
            return None

        DecisionDialog(
            decisions=self.context.choices(LeadDecision),
            decision=memo.decision if memo.decision != LeadDecision.PENDING else memo.proposal,
            decided_on=memo.decided_on,
            note=memo.decision_note,
            today=self.context.now().date(),
            save=save,
            parent=self,
        ).exec()

    def _on_send_help_clicked(self) -> None:
        memo = self._selected(self.memos_view, self.memos)
        person = self.person
        if not isinstance(memo, EscalationMemo) or person is None:
            return
        consultants = [
            (p.id, p.name) for p in people.list_people(person.__data__["project"], Side.CONSULTANT)
        ]
        if not consultants:
            self.context.editor.report(self.tr("Add a consultant to the register first."))
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                action = sh.send_help(
                    memo.id,
                    int(values["helper"]),
                    str(values["title"]),
                    values["due"],
                )
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            self.context.editor.created(ActionItem, action.id, self.tr("Send help"))
            return None

        today = self.context.now().date()
        SendHelpDialog(
            consultants=consultants,
            title=sh.help_title(person, self._document_language()),
            due=today + dt.timedelta(days=7),
            save=save,
            parent=self,
        ).exec()

    def _on_copy_memo_clicked(self) -> None:
        memo = self._selected(self.memos_view, self.memos)
        if isinstance(memo, EscalationMemo):
            QGuiApplication.clipboard().setText(memo.text)

    def _on_add_session_clicked(self) -> None:
        person = self.person
        if person is None:
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                session = sh.add_coaching_session(person.id, **values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            self.context.editor.created(CoachingSession, session.id, self.tr("Plan a talk"))
            return None

        CoachingDialog(
            title=self.tr("One-on-one with {name}").format(name=person.name),
            planned_on=self.context.now().date() + dt.timedelta(days=2),
            held_on=None,
            today=self.context.now().date(),
            save=save,
            parent=self,
        ).exec()

    def _on_edit_session_clicked(self, *_args: object) -> None:
        session = self._selected(self.sessions_view, self.sessions)
        if not isinstance(session, CoachingSession):
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.update_coaching_session(session.id, values)
            except (ValidationProblem, NotFound) as problem:
                return str(problem)
            record_field_edit(self.context, edit, self.tr("Edit talk"))
            return None

        CoachingDialog(
            title=self.tr("Edit talk"),
            topic=session.topic,
            planned_on=session.planned_on,
            held_on=session.held_on,
            notes=session.notes,
            today=self.context.now().date(),
            save=save,
            parent=self,
        ).exec()

    def _on_delete_session_clicked(self) -> None:
        session = self._selected(self.sessions_view, self.sessions)
        if isinstance(session, CoachingSession):
            self.context.editor.delete(CoachingSession, session.id, self.tr("Delete talk"))
