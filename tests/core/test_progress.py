"""The step plan, the gatekeeper queue, lead requests and the chase list (METHOD.md §4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk.models import (
    ActionItem,
    ActionSource,
    ActionStatus,
    Language,
    LeadRequest,
    MilestoneReview,
    Person,
    Project,
    RequestStatus,
    ReviewState,
    Role,
    Side,
)
from pmdesk.services import ValidationProblem, progress
from pmdesk.services.common import apply_edit
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


@pytest.fixture
def project(database: Path) -> Project:
    return Project.create(name="P")


def test_create_action_validates_fields(project: Project) -> None:
    other = Project.create(name="Other")
    stranger = Person.create(project=other, name="Stranger")
    with pytest.raises(ValidationProblem) as problem:
        progress.create_action(project.id, "   ")
    assert problem.value.field == "title"
    with pytest.raises(ValidationProblem) as problem:
        progress.create_action(project.id, "Step", owner_id=stranger.id)
    assert problem.value.field == "owner"
    with pytest.raises(ValidationProblem) as problem:
        progress.create_action(
            project.id, "Step", start_date=dt.date(2026, 5, 2), due_date=dt.date(2026, 5, 1)
        )
    assert problem.value.field == "due_date"
    assert ActionItem.select().count() == 0

    step = progress.create_action(project.id, "  Send   the extract ", due_date=TODAY)
    assert step.title == "Send the extract"
    assert step.source == ActionSource.MANUAL


def test_update_action_refuses_a_completion_before_the_start(project: Project) -> None:
    step = progress.create_action(project.id, "Step", start_date=dt.date(2026, 11, 20))
    with pytest.raises(ValidationProblem) as problem:
        progress.update_action(step.id, {"completed_on": dt.date(2026, 11, 1)})
    assert problem.value.field == "completed_on"
    edit = progress.update_action(step.id, {"title": "New title"})
    apply_edit(edit.inverse())
    assert ActionItem.get_by_id(step.id).title == "Step"


def test_status_values_date_the_completion(project: Project) -> None:
    step = progress.create_action(project.id, "Step")
    assert progress.status_values(step, ActionStatus.DONE, TODAY) == {
        "status": "done",
        "completed_on": TODAY,
    }
    step.completed_on = TODAY
    assert progress.status_values(step, ActionStatus.OPEN, TODAY) == {
        "status": "open",
        "completed_on": None,
    }


def test_overdue_and_flags(demo: int) -> None:
    actions = progress.list_actions(demo)
    overdue = {a.title for a in actions if progress.is_overdue(a, TODAY)}
    assert "Provide the active supplier master data extract" in overdue
    assert not any(progress.is_overdue(a, TODAY) for a in actions if a.status == "done")
    flagged = [a for a in actions if progress.is_flagged(a)]
    assert [a.carry_over_count for a in flagged] == [3]


def test_per_person_view_groups_open_items_by_owner(demo: int) -> None:
    plans = progress.per_person(demo, TODAY)
    by_name = {p.person.name: p for p in plans}
    owners = {a.owner.name for a in progress.list_actions(demo) if a.owner}
    assert set(by_name) == owners
    for plan in plans:
        assert all(progress.is_open(a) for a in plan.open_items)
        assert all(a.owner_id == plan.person.id for a in plan.open_items)
    sides = [p.person.side for p in plans]
    assert sides == sorted(sides, key=lambda s: s != Side.CLIENT), "client side first"
    mark = next(p for p in plans if p.flagged)
    assert mark.overdue >= 1 and mark.next_due is not None and mark.next_due < TODAY


def test_roll_over_counts_open_overdue_items_only_and_undoes(demo: int) -> None:
    before = {a.id: a.carry_over_count for a in progress.list_actions(demo)}
    edits = progress.roll_over(demo, TODAY)
    after = {a.id: a for a in progress.list_actions(demo)}
    rolled = {e.record_id for e in edits}
    assert rolled == {a.id for a in after.values() if progress.is_overdue(a, TODAY)}
    assert len(rolled) == 4
    for action_id, count in before.items():
        expected = count + 1 if action_id in rolled else count
        assert after[action_id].carry_over_count == expected
    assert sum(progress.is_flagged(a) for a in after.values()) == 1
    for edit in edits:
        apply_edit(edit.inverse())
    assert {a.id: a.carry_over_count for a in progress.list_actions(demo)} == before


def test_review_states_set_their_dates(demo: int) -> None:
    review = progress.create_review(demo, "Design sign-off", due_date=TODAY)
    lead = Person.get(Person.role == Role.CLIENT_LEAD)
    assert review.reviewer_id == lead.id, "the client lead is the gatekeeper by default"
    values = progress.review_state_values(review, ReviewState.SUBMITTED, TODAY)
    assert values == {"state": "submitted", "submitted_on": TODAY, "reviewed_on": None}
    review.submitted_on = TODAY - dt.timedelta(days=2)
    later = TODAY + dt.timedelta(days=1)
    assert progress.review_state_values(review, ReviewState.REVISION_REQUESTED, later) == {
        "state": "revision_requested",
        "reviewed_on": later,
    }
    assert progress.review_state_values(review, ReviewState.NOT_SUBMITTED, later) == {
        "state": "not_submitted",
        "submitted_on": None,
        "reviewed_on": None,
    }
    fresh = MilestoneReview(submitted_on=None)
    assert progress.review_state_values(fresh, ReviewState.APPROVED, TODAY)["submitted_on"] == (
        TODAY
    )
    waiting = progress.awaiting_review(demo)
    assert waiting and all(r.state == ReviewState.SUBMITTED for r in waiting)


def test_lead_request_becomes_an_action_item(demo: int) -> None:
    owner = Person.get(Person.role == Role.CONSULTANT_PM)
    request = progress.create_request(demo, "Can the dashboard show Derby?", owner_id=owner.id)
    assert request.raised_by.role == Role.CLIENT_LEAD
    step = progress.action_from_request(request.id, due_date=TODAY, today=TODAY)
    assert step.source == ActionSource.LEAD_REQUEST
    assert step.lead_request_id == request.id and step.owner_id == owner.id
    assert progress.request_status_values(RequestStatus.RESOLVED, TODAY) == {
        "status": "resolved",
        "resolved_on": TODAY,
    }
    assert progress.request_status_values(RequestStatus.OPEN, TODAY)["resolved_on"] is None
    with pytest.raises(ValidationProblem):
        progress.create_request(demo, "  ")
    assert LeadRequest.select().where(LeadRequest.text == "").count() == 0


def test_chase_list_is_overdue_client_assistance(demo: int) -> None:
    chase = progress.chase_list(demo, TODAY)
    assert [a.title for a in chase] == [
        "Provide the active supplier master data extract",
        "Approve SAP sandbox access for the consultant team",
    ]
    assert all(a.needs_client_assistance and progress.is_overdue(a, TODAY) for a in chase)
    edit = progress.record_reminder(chase[0].id)
    assert edit.after == {"reminders_sent": 1}
    assert ActionItem.get_by_id(chase[0].id).reminders_sent == 1
