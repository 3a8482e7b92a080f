"""The playbook of the selected person's cooperation type (METHOD.md §4): carry an active
person's success factors over, ask the client lead about a passive one (escalation memos,
sending help), coach a routine one toward active."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.models import (
    ActionItem,
    CoachingSession,
    CooperationType,
    EscalationMemo,
    EscalationOption,
    LeadDecision,
    Person,
    Role,
    Side,
)
from pmdesk.services import NotFound, ValidationProblem, people
from pmdesk.services import stakeholders as sh
from pmdesk.ui.dialogs.playbook_dialogs import (
    CoachingDialog,
    DecisionDialog,
    MemoDialog,
    SendHelpDialog,
    text_box,
)
from pmdesk.ui.models.records import Column, RecordTableModel
from pmdesk.ui.stakeholders.common import PersonPage, keep_typing, record_field_edit, save_person
from pmdesk.ui.stakeholders.cooperation import CooperationBox, is_staff
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.autosave import DraftKeeper
from pmdesk.ui.widgets.forms import problem_text
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


def _help_title(memo: EscalationMemo) -> str:
    action = memo.help_action if memo.__data__.get("help_action") else None
    return action.title if action is not None else ""


class ActivePage(PersonPage):
    """Active: why so willing, and carry it over to others."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.success_factors = text_box(self.tr("Success factors"), "", self, lines=3)
        self.keeper = DraftKeeper(
            self.success_factors,
            lambda: f"person:{self.person.id}:success_factors" if self.person else None,
            self._project_id,
        )
        self.save_success = QPushButton(self.tr("Save success factors"), self)
        self.carry_targets = QListWidget(self)
        self.carry_targets.setAccessibleName(self.tr("Carry the success factors over to"))
        self.carry_targets.setMaximumHeight(90)
        self.carry_over = QPushButton(self.tr("Carry over to the ticked people"), self)
        self.carried_label = QLabel(self)
        self.carried_label.setWordWrap(True)
        box = QGroupBox(self.tr("Active: why so willing, and carry it over to others"), self)
        grid = QGridLayout(box)
        success_label = QLabel(self.tr("Success factors:"), self)
        success_label.setBuddy(self.success_factors)
        carry_label = QLabel(self.tr("Carry over to:"), self)
        carry_label.setBuddy(self.carry_targets)
        grid.addWidget(success_label, 0, 0)
        grid.addWidget(self.success_factors, 1, 0)
        grid.addWidget(self.save_success, 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(carry_label, 0, 1)
        grid.addWidget(self.carry_targets, 1, 1)
        grid.addWidget(self.carry_over, 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.carried_label, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.save_success.clicked.connect(self._on_save_success_clicked)
        self.carry_over.clicked.connect(self._on_carry_over_clicked)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        keep_typing(self.keeper, self.success_factors)
        super().show_person(person, record)
        self.success_factors.setPlainText(person.success_factors if person else "")
        self.keeper.restore()
        self._fill_carry_targets()

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

    def _on_save_success_clicked(self) -> None:
        if self.person is None:
            return
        values = {"success_factors": self.success_factors.toPlainText()}
        problem = save_person(self.context, self.person.id, values, self.tr("Edit success factors"))
        if problem is None:
            self.keeper.discard()
        self._report(problem)

    def _on_carry_over_clicked(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        targets = [
            int(self.carry_targets.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.carry_targets.count())
            if self.carry_targets.item(i).checkState() == Qt.CheckState.Checked
        ]
        # Unsaved success factors are saved first, as part of the same undo step.
        with self.context.editor.macro(self.tr("Carry over success factors")):
            problem = save_person(
                self.context,
                person_id,
                {"success_factors": self.success_factors.toPlainText()},
                self.tr("Edit success factors"),
            )
            if problem is None:
                try:
                    changes = sh.carry_over_success_factors(
                        person_id, targets, when=self.context.now()
                    )
                except ValidationProblem as exc:
                    problem = problem_text(exc)
                else:
                    for change in changes:
                        self.context.editor.record(
                            self.tr("Carry over success factors"),
                            redo=functools.partial(sh.redo_person_change, change),
                            undo=functools.partial(sh.undo_person_change, change),
                            changes=change.changes,
                        )
        self._report(problem)


class PassivePage(PersonPage):
    """Passive: escalation memos to the client lead (incentive, replace, help?)."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        label = context.label
        self.memos = RecordTableModel[EscalationMemo](
            [
                Column(self.tr("Written"), lambda m: m.written_on),
                Column(self.tr("Proposal"), lambda m: label(EscalationOption(m.proposal))),
                Column(self.tr("Sent"), lambda m: m.sent_on),
                Column(self.tr("Lead's decision"), lambda m: label(LeadDecision(m.decision))),
                Column(self.tr("Decided"), lambda m: m.decided_on),
                Column(self.tr("Help action"), _help_title),
                Column(self.tr("Cause"), lambda m: m.cause, stretch=True),
            ],
            self,
        )
        self.memos.tooltip = lambda m: (
            m.text + (f"\n\n{m.decision_note}" if m.decision_note else "")
        )
        self.memos_view = record_table(self.memos, self.tr("Escalation memos"), self)
        self.new_memo = QPushButton(self.tr("New memo…"), self)
        self.decide = QPushButton(self.tr("Lead's decision…"), self)
        self.send_help = QPushButton(self.tr("Send help…"), self)
        self.copy_memo = QPushButton(self.tr("Copy memo text"), self)
        box = QGroupBox(self.tr("Passive: ask the client lead — incentive, replace, help?"), self)
        row = QHBoxLayout(box)
        row.addWidget(self.memos_view, 1)
        buttons = QVBoxLayout()
        for button in (self.new_memo, self.decide, self.send_help, self.copy_memo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.new_memo.clicked.connect(self._on_new_memo_clicked)
        self.decide.clicked.connect(self._on_decide_clicked)
        self.send_help.clicked.connect(self._on_send_help_clicked)
        self.copy_memo.clicked.connect(self._on_copy_memo_clicked)
        self.memos_view.selectionModel().currentChanged.connect(self._update_buttons)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        super().show_person(person, record)
        self.memos.set_rows(sh.escalations(person.id) if person else [])
        fit_columns(self.memos_view)
        self._update_buttons()

    def _selected_memo(self) -> EscalationMemo | None:
        return current_record(self.memos_view, self.memos)

    def _update_buttons(self, *_args: object) -> None:
        memo = self._selected_memo()
        self.decide.setEnabled(memo is not None)
        self.copy_memo.setEnabled(memo is not None)
        self.send_help.setEnabled(memo is not None and not memo.__data__.get("help_action"))

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
                return problem_text(problem)
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
        memo = self._selected_memo()
        if memo is None:
            return
        memo_id = memo.id

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.decide_escalation(memo_id, **values)
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
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
        memo = self._selected_memo()
        person = self.person
        if memo is None or person is None:
            return
        memo_id = memo.id
        consultants = [
            (p.id, p.name) for p in people.list_people(person.__data__["project"], Side.CONSULTANT)
        ]
        if not consultants:
            self.context.editor.report(self.tr("Add a consultant to the register first."))
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                action = sh.send_help(
                    memo_id, int(values["helper"]), str(values["title"]), values["due"]
                )
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
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
        memo = self._selected_memo()
        if memo is not None:
            QGuiApplication.clipboard().setText(memo.text)


class RoutinePage(PersonPage):
    """Routine: a coaching plan and the log of one-on-one talks toward active."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.coaching_plan = text_box(self.tr("One-on-one coaching plan"), "", self, lines=2)
        self.keeper = DraftKeeper(
            self.coaching_plan,
            lambda: f"person:{self.person.id}:coaching_plan" if self.person else None,
            self._project_id,
        )
        self.save_plan = QPushButton(self.tr("Save plan"), self)
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
        self.add_session = QPushButton(self.tr("Plan a talk…"), self)
        self.edit_session = QPushButton(self.tr("Edit talk…"), self)
        self.delete_session = QPushButton(self.tr("Delete talk"), self)
        box = QGroupBox(self.tr("Routine: one-on-one talks toward active"), self)
        grid = QGridLayout(box)
        plan_label = QLabel(self.tr("Coaching plan:"), self)
        plan_label.setBuddy(self.coaching_plan)
        grid.addWidget(plan_label, 0, 0)
        grid.addWidget(self.coaching_plan, 1, 0)
        grid.addWidget(self.save_plan, 2, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLabel(self.tr("One-on-one talks:"), self), 0, 1)
        grid.addWidget(self.sessions_view, 1, 1, 2, 1)
        session_buttons = QHBoxLayout()
        for button in (self.add_session, self.edit_session, self.delete_session):
            session_buttons.addWidget(button)
        session_buttons.addStretch(1)
        grid.addLayout(session_buttons, 3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        self.save_plan.clicked.connect(self._on_save_plan_clicked)
        self.sessions_view.doubleClicked.connect(self._on_edit_session_clicked)
        self.add_session.clicked.connect(self._on_add_session_clicked)
        self.edit_session.clicked.connect(self._on_edit_session_clicked)
        self.delete_session.clicked.connect(self._on_delete_session_clicked)
        self.sessions_view.selectionModel().currentChanged.connect(self._update_buttons)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        keep_typing(self.keeper, self.coaching_plan)
        super().show_person(person, record)
        self.coaching_plan.setPlainText(person.coaching_plan if person else "")
        self.keeper.restore()
        self.sessions.set_rows(sh.coaching_sessions(person.id) if person else [])
        fit_columns(self.sessions_view)
        self._update_buttons()

    def _selected_session(self) -> CoachingSession | None:
        return current_record(self.sessions_view, self.sessions)

    def _update_buttons(self, *_args: object) -> None:
        session = self._selected_session()
        self.edit_session.setEnabled(session is not None)
        self.delete_session.setEnabled(session is not None)

    def _on_save_plan_clicked(self) -> None:
        if self.person is None:
            return
        values = {"coaching_plan": self.coaching_plan.toPlainText()}
        problem = save_person(self.context, self.person.id, values, self.tr("Edit coaching plan"))
        if problem is None:
            self.keeper.discard()
        self._report(problem)

    def _on_add_session_clicked(self) -> None:
        person = self.person
        if person is None:
            return

        def save(values: dict[str, Any]) -> str | None:
            try:
                session = sh.add_coaching_session(person.id, **values)
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
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
        session = self._selected_session()
        if session is None:
            return
        session_id = session.id

        def save(values: dict[str, Any]) -> str | None:
            try:
                edit = sh.update_coaching_session(session_id, values)
            except (ValidationProblem, NotFound) as problem:
                return problem_text(problem)
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
        session = self._selected_session()
        if session is not None:
            self.context.editor.delete(CoachingSession, session.id, self.tr("Delete talk"))


class PlaybookPage(PersonPage):
    """The cooperation type beside the page of that type's playbook."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.cooperation = CooperationBox(context, self)
        self.active = ActivePage(context, self)
        self.passive = PassivePage(context, self)
        self.routine = RoutinePage(context, self)
        self.other = QLabel(self)
        self.other.setWordWrap(True)
        self.other.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget(self)
        self.pages = {
            CooperationType.ACTIVE: self.stack.addWidget(self.active),
            CooperationType.PASSIVE: self.stack.addWidget(self.passive),
            CooperationType.ROUTINE: self.stack.addWidget(self.routine),
        }
        self.other_page = self.stack.addWidget(self.other)
        layout = QHBoxLayout(self)
        layout.addWidget(self.cooperation, 1)
        layout.addWidget(self.stack, 3)

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        super().show_person(person, record)
        for page in (self.cooperation, self.active, self.passive, self.routine):
            page.show_person(person, record)
        kind = CooperationType(person.cooperation_type) if person else CooperationType.UNCLASSIFIED
        if is_staff(person) and kind in self.pages:
            self.stack.setCurrentIndex(self.pages[kind])
            return
        self.stack.setCurrentIndex(self.other_page)
        if person is None:
            self.other.setText("")
        elif person.side == Side.CONSULTANT:
            self.other.setText(
                self.tr(
                    "Consultants are not classified: their actions and "
                    "follow-ups are in the other tabs here."
                )
            )
        elif not is_staff(person):
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
