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
from pmdesk.services.today.item import Hat, TodayItem, Words, in_view, say, short
from pmdesk.services.today.queries import Projects, ids

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
    why: dict[Language, str],
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
        .where(Meeting.project.in_(ids(projects)) & ChecklistItem.done_at.is_null())
    )
    for step in query:
        project_id = step.meeting.__data__["project"]
        due_at = meetings.checklist_due(step, step.meeting)
        if due_at is None or not in_view(due_at.date(), today):
            continue
        why = say(
            _WORDS,
            "checklist",
            meeting=short(step.meeting.title),
            text=short(step.text),
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
    sent: dict[int, MinutesDistribution] = {}
    query = (
        MinutesDistribution.select(MinutesDistribution)
        .join(Meeting)
        .where(Meeting.project.in_(wanted) & MinutesDistribution.sent_at.is_null(False))
    )
    for distribution in query:
        meeting_id = distribution.__data__["meeting"]
        if meeting_id not in sent or (distribution.sent_at, distribution.id) > (
            sent[meeting_id].sent_at,
            sent[meeting_id].id,
        ):
            sent[meeting_id] = distribution
    items = []
    waiting = (MeetingStatus.HELD.value, MeetingStatus.MINUTES_SENT.value)  # held, not confirmed
    for meeting in Meeting.select().where(
        Meeting.project.in_(wanted) & Meeting.status.in_(waiting)
    ):
        project_id = meeting.__data__["project"]
        title = short(meeting.title)
        latest = sent.get(meeting.id)
        sent_on = latest.sent_at.date() if latest is not None and latest.sent_at else today
        if latest is None:
            ended = meeting.ends_at or meeting.starts_at
            if ended is None or meeting.status != MeetingStatus.HELD:
                continue
            due = (ended + dt.timedelta(hours=24)).date()
            why = say(_WORDS, "minutes", meeting=title, date=ended.date())
            items.append(_item(project_id, "minutes_unsent", meeting.id, why, due, "send_minutes"))
        elif latest.revision_needed is None and not latest.client_feedback.strip():
            due = sent_on + dt.timedelta(days=FEEDBACK_DAYS)
            if in_view(due, today):
                why = say(_WORDS, "feedback", meeting=title, date=sent_on)
                items.append(
                    _item(project_id, "minutes_feedback", latest.id, why, due, "record_feedback")
                )
        elif latest.revision_needed:
            due = sent_on + dt.timedelta(days=FEEDBACK_DAYS)
            why = say(_WORDS, "revision", meeting=title)
            items.append(
                _item(
                    project_id, "minutes_revision", latest.id, why, min(due, today), "send_revision"
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
        .where(Material.project.in_(ids(projects)) & (Material.status == MaterialStatus.SENT.value))
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
        why = say(_WORDS, "material", title=short(material.title), date=material.sent_on)
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
