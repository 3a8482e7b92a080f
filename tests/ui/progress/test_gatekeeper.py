"""The gatekeeper queue: review states set their dates."""

from __future__ import annotations

from pmdesk.models import (
    MilestoneReview,
    ReviewState,
)
from pmdesk.ui.progress.tab import ProgressTab

from ..conftest import TODAY
from .conftest import row_where


def test_review_state_sets_dates_and_undoes(tab: ProgressTab) -> None:
    reviews = tab.gatekeeper.reviews
    row = row_where(reviews, lambda r: r.state == ReviewState.NOT_SUBMITTED)
    review_id = reviews.row(row).id
    reviews.setData(reviews.index(row, reviews.column_index("State")), "submitted")
    saved = MilestoneReview.get_by_id(review_id)
    assert (saved.state, saved.submitted_on) == ("submitted", TODAY)
    row = row_where(reviews, lambda r: r.id == review_id)
    reviews.setData(reviews.index(row, reviews.column_index("State")), "approved")
    assert MilestoneReview.get_by_id(review_id).reviewed_on == TODAY
    tab.context.editor.stack.undo()
    tab.context.editor.stack.undo()
    saved = MilestoneReview.get_by_id(review_id)
    assert (saved.state, saved.submitted_on, saved.reviewed_on) == ("not_submitted", None, None)
