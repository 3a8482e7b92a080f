"""Follow up in private (METHOD.md §4): each late person, and the dates they agreed.

Due: a person with an open step past its date and no follow-up with them since it
became late (new follow-up, the step filled in), due the day after the step's date;
a new date agreed in a follow-up falling due while the step is still open.
Done: a follow-up recorded after the step became late; the step finished.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import JOIN, fn

from pmdesk.models import ActionItem, FollowUp, Language, Person
from pmdesk.services.today.item import Days, Hat, TodayItem, Words, in_view, say, short
from pmdesk.services.today.queries import OPEN_VALUES, Projects, Step, ids, open_steps_due

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
    projects: Projects, today: dt.date, actions: list[Step] | None = None
) -> list[TodayItem]:
    """One item per person with a late step not followed up since it became late.

    `actions`: the projects' open_steps_due, if the caller has them already."""
    actions = open_steps_due(projects, today) if actions is None else actions
    talks: Any = (
        FollowUp.select(FollowUp.person, fn.MAX(FollowUp.follow_up_on))
        .where(FollowUp.project.in_(ids(projects)))
        .group_by(FollowUp.person)
        .tuples()
    )
    last_talk: dict[int, dt.date] = dict(talks)
    waiting: dict[int, list[Step]] = {}
    for action in actions:  # open steps, by date (the query says so)
        owner, due = action.owner_id, action.due_date
        if owner is None or due is None or due >= today:
            continue
        if last_talk.get(owner, dt.date.min) > due:
            continue  # talked to them after it became late
        waiting.setdefault(owner, []).append(action)
    items = []
    for steps in waiting.values():
        steps.sort(key=lambda step: (step.due_date, step.id))
        oldest, newest = steps[0], steps[-1]  # a step late since: a new occurrence
        due, name = oldest.due_date, oldest.owner_name or ""
        why = say(
            _WORDS,
            "late" if len(steps) == 1 else "more",
            name=name,
            title=short(oldest.title),
            count=len(steps),
            days=Days((today - due).days),
        )
        items.append(
            TodayItem(
                Hat.FOLLOW_UP,
                "late_person",
                oldest.project_id,
                oldest.id,
                oldest.owner_id,
                name,
                why,
                due + dt.timedelta(days=1),
                "new_follow_up",
                f"{newest.id}-{newest.due_date.isoformat()}",
            )
        )
    return items


def commitments_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """New dates agreed in a follow-up (the latest per step), due while the step is open."""
    wanted = ids(projects)
    agreed: dict[int, tuple[dt.date, int, dt.date]] = {}
    query: Any = (
        FollowUp.select(
            FollowUp.action_item, FollowUp.follow_up_on, FollowUp.id, FollowUp.new_commitment_date
        )
        .where(
            FollowUp.project.in_(wanted)
            & FollowUp.action_item.is_null(False)
            & FollowUp.new_commitment_date.is_null(False)
        )
        .tuples()
    )
    # The latest follow-up's date, per step (as progress.agreed_dates).
    for row in query:
        step: int = row[0]
        key = (row[1], row[2], row[3])
        if step not in agreed or key > agreed[step]:
            agreed[step] = key
    if not agreed:
        return []
    with_dates = FollowUp.select(FollowUp.action_item).where(
        FollowUp.project.in_(wanted) & FollowUp.new_commitment_date.is_null(False)
    )
    actions = (
        ActionItem.select(ActionItem, Person)
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(
            ActionItem.project.in_(wanted)
            & ActionItem.status.in_(OPEN_VALUES)
            & ActionItem.id.in_(with_dates)
        )
    )
    items = []
    for action in actions:
        date = agreed[action.id][2]
        if not in_view(date, today):
            continue
        owner = action.owner
        name = owner.name if owner is not None else ""
        why = say(_WORDS, "commitment", name=name, title=short(action.title), date=date)
        items.append(
            TodayItem(
                Hat.FOLLOW_UP,
                "commitment_due",
                action.__data__["project"],
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
