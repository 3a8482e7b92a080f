"""Minutes approval and the 24-hour norm (会议纪要 within a day).

Each sending of the minutes (a `MinutesDistribution`) is approved by the client — who,
when, with what comments; approvers may be outside the team — or returned with changes.
A new version is a new distribution (`capture.record_distribution`). Approval moves the
meeting from "minutes sent" to "minutes confirmed". Until the minutes are sent, a held
meeting shows as a due item (`minutes_due`), for the views that list what is due today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pmdesk.db import transaction
from pmdesk.models import Approval, Meeting, MeetingStatus, MinutesDistribution
from pmdesk.services.capture import Reversible
from pmdesk.services.common import Changes, ValidationProblem, edit_fields, get_or_fail
from pmdesk.services.validation import clean_values

#: The norm: minutes out within a day of the meeting's end.
MINUTES_NORM = dt.timedelta(hours=24)
_BEFORE_SENT = (
    MeetingStatus.PLANNED.value,
    MeetingStatus.CONFIRMED.value,
    MeetingStatus.HELD.value,
)


def record_approval(
    distribution_id: int,
    *,
    approved_by: str,
    approved_at: dt.datetime | None = None,
    comments: str = "",
) -> Reversible:
    """The client approved this version of the minutes: the meeting's minutes are
    confirmed."""
    values = clean_values(
        MinutesDistribution,
        {"approved_by": approved_by.strip(), "approval_comments": comments.strip()},
    )
    if not values["approved_by"]:
        raise ValidationProblem("approved_by", "say who approved the minutes")
    with transaction():
        record = get_or_fail(MinutesDistribution, distribution_id)
        if record.sent_at is None:
            raise ValidationProblem("approval", "these minutes were not sent yet")
        meeting = get_or_fail(Meeting, record.meeting_id)
        when = (approved_at or dt.datetime.now()).replace(microsecond=0)
        edits = [
            edit_fields(
                MinutesDistribution,
                distribution_id,
                {"approval": Approval.APPROVED.value, "approved_at": when, **values},
                check=False,
            )
        ]
        if meeting.status != MeetingStatus.MINUTES_CONFIRMED.value:
            edits.append(
                edit_fields(
                    Meeting,
                    meeting.id,
                    {"status": MeetingStatus.MINUTES_CONFIRMED.value},
                    check=False,
                )
            )
    return Reversible(
        Changes.of(MinutesDistribution, Meeting, project_id=meeting.project_id), edits=edits
    )


def return_with_changes(
    distribution_id: int,
    *,
    returned_by: str,
    comments: str,
    returned_at: dt.datetime | None = None,
) -> Reversible:
    """The client sent this version back with changes: a revision is needed (the next
    version is a new distribution); the meeting's minutes stay "sent"."""
    values = clean_values(
        MinutesDistribution,
        {"approved_by": returned_by.strip(), "approval_comments": comments.strip()},
    )
    if not values["approval_comments"]:
        raise ValidationProblem("approval_comments", "say which changes the client asked for")
    with transaction():
        record = get_or_fail(MinutesDistribution, distribution_id)
        meeting = get_or_fail(Meeting, record.meeting_id)
        when = (returned_at or dt.datetime.now()).replace(microsecond=0)
        items = record.revision_items or values["approval_comments"]
        edits = [
            edit_fields(
                MinutesDistribution,
                distribution_id,
                {
                    "approval": Approval.RETURNED.value,
                    "approved_at": when,
                    "revision_needed": True,
                    "revision_items": items,
                    **values,
                },
                check=False,
            )
        ]
        if meeting.status == MeetingStatus.MINUTES_CONFIRMED.value:
            edits.append(
                edit_fields(
                    Meeting, meeting.id, {"status": MeetingStatus.MINUTES_SENT.value}, check=False
                )
            )
    return Reversible(
        Changes.of(MinutesDistribution, Meeting, project_id=meeting.project_id), edits=edits
    )


@dataclass(frozen=True)
class MinutesDue:
    """A meeting whose minutes are not out yet, and by when they should be."""

    meeting_id: int
    project_id: int
    title: str
    ended_at: dt.datetime
    due_at: dt.datetime
    overdue: bool


def minutes_due(project_id: int | None, now: dt.datetime) -> list[MinutesDue]:
    """Meetings that have ended without their minutes sent, soonest due first."""
    sent = MinutesDistribution.select(MinutesDistribution.meeting).where(
        MinutesDistribution.sent_at.is_null(False)
    )
    query = Meeting.select().where(
        Meeting.starts_at.is_null(False)
        & (Meeting.starts_at <= now)
        & Meeting.status.in_(_BEFORE_SENT)
        & Meeting.id.not_in(sent)
    )
    if project_id is not None:
        query = query.where(Meeting.project == project_id)
    out = []
    meeting: Any
    for meeting in query:
        ended: dt.datetime = meeting.ends_at or meeting.starts_at + dt.timedelta(hours=1)
        if ended > now:
            continue
        due = ended + MINUTES_NORM
        out.append(MinutesDue(meeting.id, meeting.project_id, meeting.title, ended, due, due < now))
    out.sort(key=lambda d: (d.due_at, d.meeting_id))
    return out
