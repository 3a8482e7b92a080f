"""Stakeholders tab: the PM's private analysis of the client's people (METHOD.md §1, §4).

This module lays the sections out and keeps them on one person: the register's current
row is the person the grid marks and the detail below shows. Each section (register,
grid, engagement matrix, follow-up log, the person's detail) owns its table and actions.
All internal: the banner says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from pmdesk.models import (
    ActionItem,
    Assessment,
    CoachingSession,
    EscalationMemo,
    FollowUp,
    Note,
    Person,
    Role,
)
from pmdesk.services import people
from pmdesk.services import stakeholders as sh
from pmdesk.ui.stakeholders.engagement import EngagementSection
from pmdesk.ui.stakeholders.follow_ups import FollowUpSection
from pmdesk.ui.stakeholders.grid import GridSection
from pmdesk.ui.stakeholders.person import PersonDetail
from pmdesk.ui.stakeholders.register import RegisterSection
from pmdesk.ui.tabs.base import ProjectTab, TabContext, group
from pmdesk.ui.widgets.forms import in_tab_order


class StakeholdersTab(ProjectTab):
    """Who the client's people are, how they engage, which cooperation type each is."""

    watches = (Person, Assessment, EscalationMemo, CoachingSession, FollowUp, ActionItem, Note)

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.internal_note = QLabel(
            self.tr("Internal analysis: for the consultant team only, never sent to the client."),
            self,
        )
        self.internal_note.setObjectName("internalBanner")
        self.internal_note.setStyleSheet("color: #8a1c1c; font-weight: bold;")

        self.register_section = RegisterSection(context, self)
        self.overview = QTabWidget(self)
        self.grid_section = GridSection(context, self)
        self.engagement = EngagementSection(context, self)
        self.follow_up_section = FollowUpSection(context, self.register_section.person_id, self)
        self.overview.setObjectName("stakeholderOverview")
        self.overview.addTab(self.grid_section, self.tr("Power/interest &grid"))
        self.overview.addTab(self.engagement, self.tr("Engagement ma&trix"))
        self.overview.addTab(self.follow_up_section, self.tr("Follo&w-up log"))

        self.history_title = QLabel(self)
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.detail = PersonDetail(context, self.follow_up_section.add_follow_up, self)
        detail_box = QWidget(self)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.history_title)
        detail_layout.addWidget(self.detail, 1)

        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.setObjectName("stakeholdersTopSplitter")
        top.addWidget(group(self.tr("Register"), self.register_section))
        top.addWidget(self.overview)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([760, 500])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setObjectName("stakeholdersSplitter")
        split.addWidget(top)
        split.addWidget(detail_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        # The person's detail gets the larger half: at 1280×800 its pages fit unscrolled.
        split.setSizes([390, 410])
        self.splitters = [split, top]

        layout = QVBoxLayout(self)
        layout.addWidget(self.internal_note)
        layout.addWidget(split, 1)
        # Tab in reading order: the register (its group box moved it last), then the
        # overview's tabs and pages, then the person's detail. (Moving a tab bar in the
        # focus chain breaks the chain: the overview is made before its pages instead.)
        in_tab_order(self.register_section.tab_chain[-1], self.overview, self.detail)
        self._connect_signals()
        self._show_person(None)

    def _connect_signals(self) -> None:
        self.register_section.person_changed.connect(self._on_register_person_changed)
        self.register_section.filtered.connect(self._on_register_filtered)
        self.grid_section.selected.connect(self._on_grid_selected)

    def export_actions(self) -> list[QAction]:
        return [self.register_section.export_action]

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        project_id = self.project_id
        today = self.context.now().date()
        rows = people.list_people(project_id) if project_id else []
        records = sh.on_time_records(project_id, today) if project_id else {}
        self.grid_section.project_id = project_id
        self.engagement.show_people(rows)
        self.follow_up_section.show_project(project_id)
        self.register_section.show_people(project_id, rows, records)
        self._refresh_grid()  # the register's current row has shown its person meanwhile

    def _refresh_grid(self) -> None:
        self.grid_section.show_people(
            self.register_section.register.rows(), self.register_section.person_id()
        )

    def _on_register_filtered(self) -> None:
        self._refresh_grid()

    def _on_register_person_changed(self, person: Person | None) -> None:
        self.grid_section.grid.select(person.id if person else None)
        self._show_person(person)

    def _on_grid_selected(self, person_id: int) -> None:
        self.register_section.select(person_id)

    def _show_person(self, person: Person | None) -> None:
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
        self.detail.show_person(person, self.register_section.record_of(person))
