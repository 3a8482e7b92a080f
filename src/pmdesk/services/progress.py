"""The step plan and the gatekeeper: action items, milestone reviews, lead requests."""

from __future__ import annotations

import datetime as dt

from peewee import JOIN

from pmdesk.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    FollowUp,
    LeadRequest,
    MilestoneReview,
    Person,
)


def list_actions(project_id: int) -> list[ActionItem]:
    return list(
        ActionItem.select(ActionItem, Person)
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(ActionItem.project == project_id)
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id)
    )


def is_overdue(action: ActionItem, today: dt.date) -> bool:
    """Open past its due date. Done or cancelled items are never overdue."""
    return (
        action.due_date is not None
        and action.due_date < today
        and ActionStatus(action.status) in OPEN_ACTION_STATUSES
    )


def milestone_reviews(project_id: int) -> list[MilestoneReview]:
    return list(
        MilestoneReview.select(MilestoneReview, Person)
        .join(Person, on=(MilestoneReview.reviewer == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(MilestoneReview.project == project_id)
        .order_by(MilestoneReview.due_date.asc(nulls="LAST"), MilestoneReview.id)
    )


def lead_requests(project_id: int) -> list[LeadRequest]:
    return list(
        LeadRequest.select()
        .where(LeadRequest.project == project_id)
        .order_by(LeadRequest.raised_on.desc(), LeadRequest.id.desc())
    )


def follow_ups(project_id: int) -> list[FollowUp]:
    return list(
        FollowUp.select()
        .where(FollowUp.project == project_id)
        .order_by(FollowUp.follow_up_on.desc(), FollowUp.id.desc())
    )
