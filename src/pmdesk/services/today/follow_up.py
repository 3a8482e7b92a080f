"""Follow up in private (METHOD.md §4): each late person, and the dates they agreed.

Due: a person with an open step past its date and no follow-up with them since it
became late (new follow-up, the step filled in), due the day after the step's date;
a new date agreed in a follow-up falling due while the step is still open.
Done: a follow-up recorded after the step became late; the step finished.
"""

from __future__ import annotations

import datetime as dt

from peewee import JOIN

from pmdesk.models import ActionItem, FollowUp, Language, Person
from pmdesk.services import progress
from pmdesk.services.today.item import Days, Hat, TodayItem, Words, in_view, say, short

_WORDS: Words = {
    Language.EN: {
        "late": "{name} has “{title}” {days} late and has not been followed up since; "
        "talk to them in private.",
        "more": "{name} has {count} late steps, the oldest “{title}” {days} late, and has "
        "not been followed up since; talk to them in private.",
        "commitment": "{name} agreed to finish “{title}” by {date}; check it is done.",
    },
    Language.ZH_CN: {
        "late": "{name}负责的“{title}”已超期{days}，之后尚未私下沟通，请私下跟进。",
        "more": "{name}有{count}项工作超期，最早的“{title}”已超期{days}，之后尚未私下沟通，"
        "请私下跟进。",
        "commitment": "{name}承诺于{date}前完成“{title}”，请确认是否完成。",
    },
}


def late_people(
    project_id: int, today: dt.date, actions: list[ActionItem] | None = None
) -> list[TodayItem]:
    """One item per person with a late step not followed up since it became late."""
    actions = progress.list_actions(project_id) if actions is None else actions
    last_talk: dict[int, dt.date] = {}
    for follow_up in FollowUp.select().where(FollowUp.project == project_id):
        person_id = follow_up.__data__["person"]
        if follow_up.follow_up_on > last_talk.get(person_id, dt.date.min):
            last_talk[person_id] = follow_up.follow_up_on
    waiting: dict[int, list[tuple[dt.date, int, ActionItem, Person]]] = {}
    for action in actions:
        owner, due = action.owner, action.due_date
        if owner is None or due is None or not progress.is_overdue(action, today):
            continue
        if last_talk.get(owner.id, dt.date.min) > due:
            continue  # talked to them after it became late
        waiting.setdefault(owner.id, []).append((due, action.id, action, owner))
    items = []
    for steps in waiting.values():
        steps.sort(key=lambda step: step[:2])
        due, _, oldest, owner = steps[0]
        newest_due, newest_id, _, _ = steps[-1]  # a step late since: a new occurrence
        why = say(
            _WORDS,
            "late" if len(steps) == 1 else "more",
            name=owner.name,
            title=short(oldest.title),
            count=len(steps),
            days=Days((today - due).days),
        )
        items.append(
            TodayItem(
                Hat.FOLLOW_UP,
                "late_person",
                project_id,
                oldest.id,
                owner.id,
                owner.name,
                why,
                due + dt.timedelta(days=1),
                "new_follow_up",
                f"{newest_id}-{newest_due.isoformat()}",
            )
        )
    return items


def commitments_due(project_id: int, today: dt.date) -> list[TodayItem]:
    """New dates agreed in a follow-up (the latest per step), due while the step is open."""
    agreed = progress.agreed_dates(project_id)
    actions = list(
        ActionItem.select(ActionItem, Person)
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(ActionItem.id.in_(list(agreed)))
        .order_by(ActionItem.id)
    )
    items = []
    for action in actions:
        date = agreed.get(action.id)
        if date is None or not progress.is_open(action) or not in_view(date, today):
            continue
        owner = action.owner
        name = owner.name if owner is not None else ""
        why = say(_WORDS, "commitment", name=name, title=short(action.title), date=date)
        items.append(
            TodayItem(
                Hat.FOLLOW_UP,
                "commitment_due",
                project_id,
                action.id,
                owner.id if owner is not None else None,
                name,
                why,
                date,
                "check_step",
                date.isoformat(),
            )
        )
    return items


RULES = (late_people, commitments_due)
