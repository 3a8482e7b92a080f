"""The step plan and the gatekeeper: action items, milestone reviews, lead requests, chasing.

METHOD.md §4: plan every step and every person's deadline; treat the client lead as the
gatekeeper of milestones and deliverables and as a team member whose requests are
resolved as they come; chase the client for the assistance the project needs.

Creating records returns the record (the UI records it with `Editor.created`); field
changes go through `common.edit_fields` (the UI's `Editor.edit`), so each is one
transaction and undoable. The `*_values` helpers say which fields a state change sets,
so the UI and the tracker import apply the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN

from pmdesk.db import transaction
from pmdesk.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionSource,
    ActionStatus,
    FollowUp,
    Language,
    LeadRequest,
    MilestoneReview,
    Person,
    Priority,
    Project,
    RequestKind,
    RequestStatus,
    ReviewKind,
    ReviewState,
    Role,
    Side,
)
from pmdesk.services.common import (
    FieldEdit,
    ValidationProblem,
    edit_fields,
    get_or_fail,
    read_records,
)
from pmdesk.services.validation import clean_values

#: Open items carried over from this many meetings are flagged: raise them with the lead.
CARRY_OVER_FLAG = 3
_TITLE_LIMIT = 500


# -- the step plan ---------------------------------------------------------------------


def list_actions(project_id: int, people: Sequence[Person] | None = None) -> list[ActionItem]:
    """The project's steps by due date, each with its owner (no query per row).

    The owners come from `people` (the project's people, if the caller has them) or one
    query of their own: a join would build a Person for every step, 40 % of the time."""
    actions = read_records(
        ActionItem,
        ActionItem.select()
        .where(ActionItem.project == project_id)
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id),
    )
    if people is None:
        people = read_records(Person, Person.select().where(Person.project == project_id))
    owners = {person.id: person for person in people}
    for action in actions:
        owner = owners.get(action.owner_id) if action.owner_id is not None else None
        if owner is not None:  # what `action.owner` returns, as a join would have set it
            action.__rel__["owner"] = owner
    return actions


def is_open(action: ActionItem) -> bool:
    return action.status in OPEN_ACTION_STATUSES  # StrEnum members equal their text


def is_overdue(action: ActionItem, today: dt.date) -> bool:
    """Open past its due date. Done or cancelled items are never overdue."""
    return action.due_date is not None and action.due_date < today and is_open(action)


def is_flagged(action: ActionItem) -> bool:
    """Still open after being carried over `CARRY_OVER_FLAG` times."""
    return is_open(action) and action.carry_over_count >= CARRY_OVER_FLAG


def _check_owner(project_id: int, owner_id: int | None, field_name: str = "owner") -> None:
    if owner_id is None:
        return
    person = Person.get_or_none(Person.id == owner_id)
    if person is None or person.__data__["project"] != project_id:
        raise ValidationProblem(field_name, "not a person of this project")


def _check_dates(start: dt.date | None, due: dt.date | None, done: dt.date | None) -> None:
    if start is not None and due is not None and due < start:
        raise ValidationProblem("due_date", "the due date cannot be before the start")
    if start is not None and done is not None and done < start:
        raise ValidationProblem("completed_on", "the completion date cannot be before the start")


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationProblem("title", "cannot be empty")
    if len(title) > _TITLE_LIMIT:
        raise ValidationProblem("title", f"at most {_TITLE_LIMIT} characters")
    return title


def create_action(
    project_id: int,
    title: str,
    *,
    owner_id: int | None = None,
    start_date: dt.date | None = None,
    due_date: dt.date | None = None,
    status: ActionStatus = ActionStatus.OPEN,
    completed_on: dt.date | None = None,
    priority: Priority = Priority.NORMAL,
    needs_client_assistance: bool = False,
    source: ActionSource = ActionSource.MANUAL,
    lead_request_id: int | None = None,
    notes: str = "",
    next_step: str = "",
    client_comment: str = "",
    tracker_origin: str = "",
) -> ActionItem:
    """A new step in the plan, numbered next in its project (its tracker ID).

    ValidationProblem names the field that is wrong."""
    texts = clean_values(
        ActionItem,
        {
            "title": _clean_title(title),
            "notes": notes,
            "next_step": next_step,
            "client_comment": client_comment,
        },
    )
    _check_dates(start_date, due_date, completed_on)
    if completed_on is not None and ActionStatus(status) != ActionStatus.DONE:
        raise ValidationProblem("completed_on", "only a done step has a completion date")
    with transaction():
        get_or_fail(Project, project_id)
        _check_owner(project_id, owner_id)
        return ActionItem.create(
            project=project_id,
            owner=owner_id,
            start_date=start_date,
            due_date=due_date,
            status=ActionStatus(status).value,
            completed_on=completed_on,
            priority=Priority(priority).value,
            needs_client_assistance=needs_client_assistance,
            source=ActionSource(source).value,
            lead_request=lead_request_id,
            tracker_origin=tracker_origin,
            **texts,
        )


def update_action(
    action_id: int, values: dict[str, Any], *, version: int | None = None
) -> FieldEdit:
    """Change fields of a step after checking what the database cannot (owner, dates).

    `version`: the step's row_version as the user saw it (see common.EditConflict)."""
    action = get_or_fail(ActionItem, action_id)
    if "title" in values:
        values = {**values, "title": _clean_title(str(values["title"]))}
    if "owner" in values:
        _check_owner(action.__data__["project"], values["owner"])
    merged = {
        name: values.get(name, getattr(action, name))
        for name in ("start_date", "due_date", "completed_on")
    }
    _check_dates(merged["start_date"], merged["due_date"], merged["completed_on"])
    return edit_fields(ActionItem, action_id, values, version=version)


def status_values(action: ActionItem, status: str, today: dt.date) -> dict[str, Any]:
    """Fields a status change sets: done gets today's completion date, other states none."""
    values: dict[str, Any] = {"status": ActionStatus(status).value}
    if status == ActionStatus.DONE and action.completed_on is None:
        values["completed_on"] = today
    elif status != ActionStatus.DONE and action.completed_on is not None:
        values["completed_on"] = None
    return values


@dataclass
class PersonPlan:
    """One person's deadlines: what they still owe and by when (每一个人的时间节点)."""

    person: Person
    open_items: list[ActionItem] = field(default_factory=list)
    overdue: int = 0
    flagged: int = 0
    done: int = 0

    @property
    def next_due(self) -> dt.date | None:
        dates = [a.due_date for a in self.open_items if a.due_date is not None]
        return min(dates) if dates else None


def per_person(
    project_id: int, today: dt.date, actions: list[ActionItem] | None = None
) -> list[PersonPlan]:
    """Everyone who owns a step, client side first, with their open items by due date.

    One query for the steps (owners joined), or none when the caller has `actions`
    (the project's list_actions) already; people without any step are left out.
    """
    plans: dict[int, PersonPlan] = {}
    for action in list_actions(project_id) if actions is None else actions:
        if action.owner is None:
            continue
        plan = plans.setdefault(action.owner.id, PersonPlan(action.owner))
        if is_open(action):
            plan.open_items.append(action)
            plan.overdue += is_overdue(action, today)
            plan.flagged += is_flagged(action)
        elif action.status == ActionStatus.DONE:
            plan.done += 1
    return sorted(
        plans.values(),
        key=lambda p: (
            p.person.side != Side.CLIENT,
            -p.overdue,
            p.next_due or dt.date.max,
            p.person.name,
        ),
    )


def roll_over_candidates(project_id: int, as_of: dt.date) -> list[ActionItem]:
    """Open steps due before `as_of`: the ones a progress meeting carries over."""
    return [a for a in list_actions(project_id) if is_overdue(a, as_of)]


def roll_over(project_id: int, as_of: dt.date) -> list[FieldEdit]:
    """After a progress meeting: count one more carry-over for every open overdue step.

    A step is carried over when a meeting reviews it and it is still open past its due
    date; items not yet due are not carried over (they are on plan). One transaction;
    the returned edits undo it.
    """
    with transaction():
        return [
            edit_fields(ActionItem, a.id, {"carry_over_count": a.carry_over_count + 1})
            for a in roll_over_candidates(project_id, as_of)
        ]


# -- the chase list ----------------------------------------------------------------------


def chase_list(
    project_id: int, today: dt.date, actions: list[ActionItem] | None = None
) -> list[ActionItem]:
    """Client assistance the project is waiting for past its date, longest overdue first.

    `actions`: the project's list_actions, if the caller has them already."""
    return sorted(
        (
            a
            for a in (list_actions(project_id) if actions is None else actions)
            if a.needs_client_assistance and is_overdue(a, today)
        ),
        key=lambda a: (a.due_date, a.id),
    )


def record_reminder(action_id: int) -> FieldEdit:
    """Count one more reminder sent for a step (a reminder draft was written)."""
    action = get_or_fail(ActionItem, action_id)
    return edit_fields(ActionItem, action_id, {"reminders_sent": action.reminders_sent + 1})


# -- the gatekeeper queue ----------------------------------------------------------------


def milestone_reviews(project_id: int) -> list[MilestoneReview]:
    return list(
        MilestoneReview.select(MilestoneReview, Person)
        .join(Person, on=(MilestoneReview.reviewer == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(MilestoneReview.project == project_id)
        .order_by(MilestoneReview.due_date.asc(nulls="LAST"), MilestoneReview.id)
    )


def client_lead(project_id: int) -> Person | None:
    """The client's project lead: the default reviewer of milestones and deliverables."""
    return (
        Person.select()
        .where((Person.project == project_id) & (Person.role == Role.CLIENT_LEAD.value))
        .order_by(Person.id)
        .first()
    )


def create_review(
    project_id: int,
    title: str,
    *,
    kind: ReviewKind = ReviewKind.DELIVERABLE,
    due_date: dt.date | None = None,
    reviewer_id: int | None = None,
    comment: str = "",
) -> MilestoneReview:
    """A milestone or deliverable for the lead's review; the reviewer defaults to the lead."""
    title = " ".join(title.split())
    if not title:
        raise ValidationProblem("title", "cannot be empty")
    texts = clean_values(MilestoneReview, {"title": title, "comment": comment})
    with transaction():
        get_or_fail(Project, project_id)
        if reviewer_id is None:
            lead = client_lead(project_id)
            reviewer_id = lead.id if lead is not None else None
        _check_owner(project_id, reviewer_id, "reviewer")
        return MilestoneReview.create(
            project=project_id,
            kind=ReviewKind(kind).value,
            due_date=due_date,
            reviewer=reviewer_id,
            **texts,
        )


def review_state_values(review: MilestoneReview, state: str, today: dt.date) -> dict[str, Any]:
    """Fields a review state change sets.

    Submitting (or resubmitting after a revision) dates the submission and clears the
    last review; approving or asking for a revision dates the review; back to "not
    submitted" clears both.
    """
    state = ReviewState(state)
    values: dict[str, Any] = {"state": state.value}
    if state == ReviewState.NOT_SUBMITTED:
        values.update(submitted_on=None, reviewed_on=None)
    elif state == ReviewState.SUBMITTED:
        values.update(submitted_on=today, reviewed_on=None)
    else:
        values["reviewed_on"] = today
        if review.submitted_on is None:
            values["submitted_on"] = today
    return values


def awaiting_review(project_id: int) -> list[MilestoneReview]:
    """Submitted to the lead and not yet reviewed."""
    return [r for r in milestone_reviews(project_id) if r.state == ReviewState.SUBMITTED]


# -- lead requests (the team-member hat) -------------------------------------------------


def lead_requests(project_id: int) -> list[LeadRequest]:
    return list(
        LeadRequest.select()
        .where(LeadRequest.project == project_id)
        .order_by(LeadRequest.raised_on.desc(), LeadRequest.id.desc())
    )


def create_request(
    project_id: int,
    text: str,
    *,
    kind: RequestKind = RequestKind.QUESTION,
    raised_on: dt.date | None = None,
    raised_by_id: int | None = None,
    owner_id: int | None = None,
) -> LeadRequest:
    """An opinion or question the lead raised; raised by the lead unless said otherwise."""
    text = clean_values(LeadRequest, {"text": text}, required=["text"])["text"]
    with transaction():
        get_or_fail(Project, project_id)
        if raised_by_id is None:
            lead = client_lead(project_id)
            raised_by_id = lead.id if lead is not None else None
        _check_owner(project_id, raised_by_id, "raised_by")
        _check_owner(project_id, owner_id)
        return LeadRequest.create(
            project=project_id,
            text=text,
            kind=RequestKind(kind).value,
            raised_on=raised_on or dt.date.today(),
            raised_by=raised_by_id,
            owner=owner_id,
        )


def request_status_values(status: str, today: dt.date) -> dict[str, Any]:
    """Resolving dates the resolution; reopening clears the date."""
    status = RequestStatus(status)
    return {
        "status": status.value,
        "resolved_on": today if status == RequestStatus.RESOLVED else None,
    }


def action_from_request(
    request_id: int, *, due_date: dt.date | None = None, today: dt.date | None = None
) -> ActionItem:
    """A step to resolve a lead's request: its owner, its text, source "lead request"."""
    request = get_or_fail(LeadRequest, request_id)
    title = " ".join(request.text.split())
    if len(title) > _TITLE_LIMIT:
        title = title[: _TITLE_LIMIT - 1] + "…"
    return create_action(
        request.__data__["project"],
        title,
        owner_id=request.__data__["owner"],
        start_date=today,
        due_date=due_date,
        source=ActionSource.LEAD_REQUEST,
        lead_request_id=request.id,
        priority=Priority.HIGH,
    )


# -- private follow-ups ------------------------------------------------------------------


def follow_ups(project_id: int) -> list[FollowUp]:
    return list(
        FollowUp.select()
        .where(FollowUp.project == project_id)
        .order_by(FollowUp.follow_up_on.desc(), FollowUp.id.desc())
    )


def agreed_dates(project_id: int) -> dict[int, dt.date]:
    """The latest new commitment date agreed in a follow-up, per step."""
    dates: dict[int, tuple[dt.date, int, Any]] = {}
    # Only follow-ups with a step and a new date (the query says so).
    for follow_up in FollowUp.select().where(
        (FollowUp.project == project_id)
        & FollowUp.action_item.is_null(False)
        & FollowUp.new_commitment_date.is_null(False)
    ):
        key = (follow_up.follow_up_on, follow_up.id, follow_up.new_commitment_date)
        action_id = follow_up.__data__["action_item"]
        if action_id not in dates or key > dates[action_id]:
            dates[action_id] = key
    return {action_id: key[2] for action_id, key in dates.items()}


# -- the tracker's columns -----------------------------------------------------------------
# The client-facing tracker (.xlsx) is exported and read back; its export and its import
# must agree on the columns, so they live here. Internal fields (notes, next step, carry
# overs, reminders, source) are not among them.

TRACKER_MARK = "pmdesk-tracker"  # custom property (and defined name) holding the project id
TRACKER_NAME = "pmdesk_tracker"  # the defined name (names cannot contain "-")
#: The header row of the tracker sheet (a title row is above it); the import looks for
#: the headers in the first rows, so older trackers (headers in row 1) read the same.
HEADER_ROW = 2
#: The very hidden sheet holding the export's baseline, and the mark in its first cell.
BASELINE_SHEET = "pmdesk"
BASELINE_MARK = "pmdesk-baseline"
TRACKER_COLUMNS = (
    *("id", "title", "owner", "start", "due"),
    *("status", "completed", "priority", "comment"),
)
TRACKER_HEADERS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "id": "ID",
        "title": "Step",
        "owner": "Owner",
        "start": "Start",
        "due": "Due",
        "status": "Status",
        "completed": "Completed on",
        "priority": "Priority",
        "comment": "Client comment",
    },
    Language.ZH_CN: {
        "id": "编号",
        "title": "工作事项",
        "owner": "负责人",
        "start": "开始日期",
        "due": "计划完成日期",
        "status": "状态",
        "completed": "实际完成日期",
        "priority": "优先级",
        "comment": "客户意见",
    },
}
#: Other headers a client (or their spreadsheet program) may have typed for a column.
TRACKER_HEADER_ALIASES = {
    "no.": "id",
    "title": "title",
    "task": "title",
    "action": "title",
    "事项": "title",
    "任务": "title",
    "due date": "due",
    "完成日期": "completed",
    "completed": "completed",
    "completion date": "completed",
    "comment": "comment",
    "comments": "comment",
    "意见": "comment",
    "备注": "comment",
    "start date": "start",
}
TRACKER_SHEETS: dict[Language, tuple[str, str]] = {
    Language.EN: ("Tracker", "Instructions"),
    Language.ZH_CN: ("跟踪表", "填写说明"),
}


def tracker_id(number: int | None) -> str:
    """The stable ID a tracker row carries: A-0012, from the step's number in its project."""
    return f"A-{number or 0:04d}"
