"""Live meeting's "Review of open items": what the series' earlier meetings left open
(actions, unanswered concerns and questions, agenda items continued), one key each:
R resolve, K keep, D drop."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pmdesk.ui.live_meeting.common import MeetingSection, MeetingShown
from pmdesk.ui.series.carry_over import CarryOverSection
from pmdesk.ui.tabs.base import TabContext


class OpenItemsSection(MeetingSection):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("openItemsSection")
        self.review = CarryOverSection(context, self)
        self.empty = QLabel(
            self.tr(
                "Nothing carried over. A meeting of a series (Series tab) starts with the "
                "open items of the earlier ones."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review, 1)
        layout.addWidget(self.empty)

    def show_meeting(self, shown: MeetingShown | None) -> None:
        self.shown = shown
        self.review.set_meeting(self.meeting_id)
        self.empty.setVisible(self.review.model.rowCount() == 0)
