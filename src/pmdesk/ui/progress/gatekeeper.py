"""The gatekeeper queue: the milestones and deliverables the client lead reviews."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from pmdesk.models import MilestoneReview, ReviewKind, ReviewState
from pmdesk.services import progress
from pmdesk.ui.dialogs.progress_forms import ReviewDialog
from pmdesk.ui.models.records import DONE_BRUSH, OVERDUE_BRUSH, Column, RecordTableModel
from pmdesk.ui.progress.common import PlanShown, ProgressSection, bar, button, field_value
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.widgets.selection import current_record
from pmdesk.ui.widgets.tables import fit_columns, record_table


class GatekeeperSection(ProgressSection):
    """Reviews by state: not submitted, submitted, approved, sent back."""

    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("gatekeeperSection")
        label = context.label
        self.reviews = RecordTableModel[MilestoneReview](
            [
                Column(
                    self.tr("Milestone or deliverable"),
                    lambda m: m.title,
                    stretch=True,
                    edit=lambda m, v: self._edit_record(
                        m, {"title": " ".join(str(v).split())}, self.tr("Edit review")
                    ),
                ),
                Column(self.tr("Kind"), lambda m: label(ReviewKind(m.kind))),
                Column(self.tr("Due"), lambda m: m.due_date),
                Column(self.tr("Reviewer"), lambda m: m.reviewer.name if m.reviewer else ""),
                Column(
                    self.tr("State"),
                    lambda m: m.state,
                    display=lambda m: label(ReviewState(m.state)),
                    choices=context.choices(ReviewState),
                    edit=self._set_review_state,
                ),
                Column(self.tr("Submitted"), lambda m: m.submitted_on),
                Column(self.tr("Reviewed"), lambda m: m.reviewed_on),
                Column(self.tr("Comment"), lambda m: m.comment),
            ],
            self,
        )
        self.reviews.background = self._review_brush
        self.reviews_view = record_table(self.reviews, self.tr("Gatekeeper queue"), self)
        self.reviews_view.doubleClicked.connect(self._on_reviews_view_double_clicked)
        self.layout_.addLayout(
            bar(
                button(self.tr("&Add review…"), self, self._on_add_review),
                button(self.tr("&Edit…"), self, self._on_edit_review),
                button(self.tr("De&lete"), self, self._on_delete_review),
            )
        )
        self.layout_.addWidget(self.reviews_view, 1)

    def show_plan(self, shown: PlanShown | None) -> None:
        self.shown = shown
        self.reviews.set_rows(progress.milestone_reviews(shown.project_id) if shown else [])
        fit_columns(self.reviews_view)

    def waiting(self) -> int:
        """Reviews submitted and awaiting the lead."""
        return sum(r.state == ReviewState.SUBMITTED for r in self.reviews.all_rows())

    def _review_brush(self, review: MilestoneReview) -> QBrush | None:
        if review.state == ReviewState.APPROVED:
            return DONE_BRUSH
        late = review.due_date is not None and review.due_date < self._today()
        return OVERDUE_BRUSH if late else None

    def _set_review_state(self, review: MilestoneReview, state: str) -> None:
        values = progress.review_state_values(review, state, self._today())
        self._edit_record(review, values, self.tr("Change review state"))

    def _on_add_review(self) -> None:
        if self.project_id is None:
            return
        dialog = ReviewDialog(self.context, self.people, None, self._default_lead(), self)
        if dialog.exec() != ReviewDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        project_id = self.project_id
        self.context.editor.create(
            MilestoneReview,
            lambda: progress.create_review(
                project_id,
                v["title"],
                kind=ReviewKind(v["kind"]),
                due_date=v["due_date"],
                reviewer_id=v["reviewer"],
                comment=v["comment"],
            ),
            self.tr("Add review"),
        )

    def _on_edit_review(self) -> None:
        review = current_record(self.reviews_view, self.reviews)
        if review is None:
            return
        dialog = ReviewDialog(self.context, self.people, review, None, self)
        if dialog.exec() != ReviewDialog.DialogCode.Accepted:
            return
        values = {k: v for k, v in dialog.values().items() if v != field_value(review, k)}
        if values.get("title") == "":
            self.context.editor.report(self.tr("title: cannot be empty"))
        elif values:
            self._edit_record(review, values, self.tr("Edit review"))

    def _on_reviews_view_double_clicked(self, index: Any) -> None:
        if not self.reviews.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self._on_edit_review()

    def _on_delete_review(self) -> None:
        review = current_record(self.reviews_view, self.reviews)
        if review is not None:
            self.context.editor.delete(MilestoneReview, review.id, self.tr("Delete review"))
