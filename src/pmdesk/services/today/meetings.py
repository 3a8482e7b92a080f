"""Kickoff and meetings: prepare, confirm, send the minutes, confirm revisions (METHOD.md §3, §5).

Due:
- a checklist step not done by its time (re-confirm one day / half a day before…);
- a held meeting whose minutes have not gone out, due 24 hours after it ended;
- minutes sent with no client feedback recorded `FEEDBACK_DAYS` after sending (is a
  revision needed?);
- minutes the client asked to revise, not yet confirmed (send the revised version);
- material sent to the client with their additions not yet in, before its meeting.
Done: the checklist step ticked; minutes sent; feedback recorded; minutes confirmed;
the material's feedback recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN

from pmdesk.models import (
    ChecklistItem,
    Language,
    Material,
    MaterialStatus,
    Meeting,
    MeetingStatus,
    MinutesDistribution,
)
from pmdesk.services import meetings
from pmdesk.services.today.item import Hat, Short, TodayItem, Why, Words, in_view, say
from pmdesk.services.today.queries import Projects, as_datetime, id_list, ids, rows

#: The client's reply to the minutes is recorded within this many days of sending.
FEEDBACK_DAYS = 2
#: Material sent without a meeting is due back this many days after it was sent.
MATERIAL_DAYS = 3

_WORDS: Words = {
    Language.EN: {
        "checklist": "“{meeting}”: {text} (by {date}).",
        "minutes": "“{meeting}” was held on {date}; send the minutes within 24 hours.",
        "feedback": "Minutes of “{meeting}” went out on {date}; record the client's reply "
        "and whether a revision is needed.",
        "revision": "The client asked to revise the minutes of “{meeting}”; send the revised "
        "version and get it confirmed.",
        "material": "“{title}” was sent on {date}; the client's additions are not in yet.",
    },
    Language.ZH_CN: {
        "checklist": "“{meeting}”：{text}（{date}前）。",
        "minutes": "“{meeting}”已于{date}召开，请在24小时内发送会议纪要。",
        "feedback": "“{meeting}”的会议纪要已于{date}发出，请记录客户反馈及是否需要修改。",
        "revision": "客户要求修改“{meeting}”的会议纪要，请发送修改稿并请客户确认。",
        "material": "“{title}”已于{date}发出，尚未收到客户的补充意见。",
    },
}


def _item(
    project_id: int,
    kind: str,
    record_id: int,
    why: Why,
    due: dt.date,
    action: str,
    occurrence: str = "",
) -> TodayItem:
    return TodayItem(
        Hat.MEETINGS, kind, project_id, record_id, None, "", why, due, action, occurrence
    )


def checklist_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Checklist steps not done, due by the end of this week (re-confirmation and others)."""
    items = []
    query = (
        ChecklistItem.select(ChecklistItem, Meeting)
        .join(Meeting)
        .where(Meeting.project.in_(id_list(projects)) & ChecklistItem.done_at.is_null())
    )
    for step in query:
        project_id = step.meeting.__data__["project"]
        due_at = meetings.checklist_due(step, step.meeting)
        if due_at is None or not in_view(due_at.date(), today):
            continue
        why = say(
            _WORDS,
            "checklist",
            meeting=Short(step.meeting.title),
            text=Short(step.text),
            date=due_at.date(),
        )
        items.append(
            _item(
                project_id,
                "checklist_step",
                step.id,
                why,
                due_at.date(),
                "tick_checklist",
                due_at.date().isoformat(),
            )
        )
    return items


def minutes_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Held meetings without minutes sent; sent minutes without the client's reply or
    with a revision asked for and not yet confirmed."""
    wanted = ids(projects)
    # The latest sending per meeting: (sent at, id, revision needed, feedback given).
    sent: dict[int, tuple[dt.datetime, int, bool | None, bool]] = {}
    query: Any = (
        MinutesDistribution.select(
            MinutesDistribution.meeting,
            MinutesDistribution.sent_at,
            MinutesDistribution.id,
            MinutesDistribution.revision_needed,
            MinutesDistribution.client_feedback,
        )
        .join(Meeting)
        .where(Meeting.project.in_(id_list(wanted)) & MinutesDistribution.sent_at.is_null(False))
    )
    for meeting_id, sent_at, distribution_id, revision, feedback in rows(query):
        when = as_datetime(sent_at)
        assert when is not None  # the query asks for sent minutes only
        if meeting_id not in sent or (when, distribution_id) > sent[meeting_id][:2]:
            sent[meeting_id] = (when, distribution_id, revision, bool(feedback.strip()))
    items = []
    waiting = (MeetingStatus.HELD.value, MeetingStatus.MINUTES_SENT.value)  # held, not confirmed
    held: Any = Meeting.select(
        Meeting.id,
        Meeting.project,
        Meeting.title,
        Meeting.status,
        Meeting.starts_at,
        Meeting.ends_at,
    ).where(Meeting.project.in_(id_list(wanted)) & Meeting.status.in_(waiting))
    for meeting_id, project_id, title, status, starts_at, ends_at in rows(held):
        last_sent = sent.get(meeting_id)
        if last_sent is None:
            ended = as_datetime(ends_at) or as_datetime(starts_at)
            if ended is None or status != MeetingStatus.HELD:
                continue
            due = (ended + dt.timedelta(hours=24)).date()
            why = say(_WORDS, "minutes", meeting=Short(title), date=ended.date())
            items.append(_item(project_id, "minutes_unsent", meeting_id, why, due, "send_minutes"))
            continue
        sent_at, distribution_id, revision, has_feedback = last_sent
        sent_on = sent_at.date()
        if revision is None and not has_feedback:
            due = sent_on + dt.timedelta(days=FEEDBACK_DAYS)
            if in_view(due, today):
                why = say(_WORDS, "feedback", meeting=Short(title), date=sent_on)
                items.append(
                    _item(
                        project_id, "minutes_feedback", distribution_id, why, due, "record_feedback"
                    )
                )
        elif revision:
            due = sent_on + dt.timedelta(days=FEEDBACK_DAYS)
            why = say(_WORDS, "revision", meeting=Short(title))
            items.append(
                _item(
                    project_id,
                    "minutes_revision",
                    distribution_id,
                    why,
                    min(due, today),
                    "send_revision",
                )
            )
    return items


def materials_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Material sent to the client without their additions, due the day before its
    meeting (or `MATERIAL_DAYS` after sending); none once the meeting is held."""
    items = []
    query = (
        Material.select(Material, Meeting)
        .join(Meeting, on=(Material.meeting == Meeting.id), join_type=JOIN.LEFT_OUTER)
        .where(
            Material.project.in_(id_list(projects)) & (Material.status == MaterialStatus.SENT.value)
        )
    )
    for material in query:
        project_id = material.__data__["project"]
        if material.client_feedback.strip() or material.sent_on is None:
            continue
        meeting = material.meeting
        if meeting is not None and meetings.is_held(meeting):
            continue
        if meeting is not None and meeting.starts_at is not None:
            due = meeting.starts_at.date() - dt.timedelta(days=1)
        else:
            due = material.sent_on + dt.timedelta(days=MATERIAL_DAYS)
        if not in_view(due, today):
            continue
        why = say(_WORDS, "material", title=Short(material.title), date=material.sent_on)
        items.append(
            _item(
                project_id,
                "material_feedback",
                material.id,
                why,
                due,
                "record_material_feedback",
                due.isoformat(),
            )
        )
    return items


RULES = (checklist_due, minutes_due, materials_due)
