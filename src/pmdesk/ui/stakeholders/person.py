"""The selected person, one click away: the playbook of their cooperation type, the
causes, their assessment timeline, what they said, what they own, the follow-ups.

Each page shows the person the register's current row names, and saves to that person.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from pmdesk.models import ActionItem, ActionStatus, FollowUp, Note, NoteKind, Person
from pmdesk.services import people, progress
from pmdesk.services import stakeholders as sh
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.stakeholders.cooperation import CausesPage
from pmdesk.ui.stakeholders.playbook import PlaybookPage
from pmdesk.ui.stakeholders.timeline import HistoryPage
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.tables import fit_columns, record_table


def _scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    # Tab goes to the fields on the page, not to the frame around them (it scrolls to
    # the field in focus).
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


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
        self.setObjectName("personDetail")
        self.setDocumentMode(True)
        label = context.label

        self.playbook = PlaybookPage(context, self)
        self.causes = CausesPage(context, self)
        self.history_page = HistoryPage(context, self)
        self.addTab(_scrolled(self.playbook, self), self.tr("Play&book"))
        self.addTab(_scrolled(self.causes, self), self.tr("&Causes"))
        self.addTab(self.history_page, self.tr("Histor&y"))

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
        self.add_follow_up_button.clicked.connect(self._on_add_follow_up_clicked)
        follow_page = QWidget(self)
        follow_layout = QVBoxLayout(follow_page)
        follow_layout.addWidget(self.follow_ups_view)
        follow_layout.addWidget(self.add_follow_up_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.addTab(follow_page, self.tr("Follow-&ups"))
        self.show_person(None, sh.OnTimeRecord())

    def show_person(self, person: Person | None, record: sh.OnTimeRecord) -> None:
        self.person = person
        self.setEnabled(person is not None)
        pid = person.id if person else None
        for page in (self.playbook, self.causes, self.history_page):
            page.show_person(person, record)
        self.notes.set_rows(people.notes_said(pid) if pid else [])
        self.owned_actions.set_rows(people.actions_owned(pid) if pid else [])
        project_id = int(person.__data__["project"]) if person else 0
        self.follow_ups.set_rows(sh.follow_ups(project_id, pid) if pid else [])
        for view in (self.notes_view, self.actions_view, self.follow_ups_view):
            fit_columns(view)

    def _action_brush(self, action: ActionItem) -> QBrush | None:
        if action.status == ActionStatus.DONE:
            return DONE_BRUSH
        return OVERDUE_BRUSH if progress.is_overdue(action, self.context.now().date()) else None

    def _on_add_follow_up_clicked(self) -> None:
        self._add_follow_up(self.person.id if self.person else None)
