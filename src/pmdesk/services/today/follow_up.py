"""Follow up in private (METHOD.md §4): each late person, and the dates they agreed.

Due: a person with an open step past its date and no follow-up with them since it
became late (new follow-up, the step filled in), due the day after the step's date;
a new date agreed in a follow-up falling due while the step is still open.
Done: a follow-up recorded after the step became late; the step finished.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from operator import itemgetter
from typing import Any

from peewee import JOIN, fn

from pmdesk.models import ActionItem, FollowUp, Language, Person
from pmdesk.services.today.item import Days, Hat, Short, TodayItem, Words, in_view, say
from pmdesk.services.today.queries import (
    OPEN_VALUES,
    Projects,
    as_date,
    id_list,
    ids,
    projects_and_titles,
    rows,
)

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

_ONE_DAY = dt.timedelta(days=1)
_OWNER = itemgetter(0)


def late_people(projects: Projects, today: dt.date) -> list[TodayItem]:
    """One item per person with a late step not followed up since it became late (the
    late steps read from an index, without their rows; only the oldest steps' titles)."""
    wanted = ids(projects)
    # When each person was last talked to (few: follow-ups are written by hand).
    talks: Any = (
        FollowUp.select(FollowUp.person, fn.MAX(FollowUp.follow_up_on))
        .where(FollowUp.project.in_(id_list(wanted)))
        .group_by(FollowUp.person)
    )
    last_talk = dict(rows(talks))
    late: Any = ActionItem.select(ActionItem.owner, ActionItem.due_date, ActionItem.id).where(
        ActionItem.project.in_(id_list(wanted))
        & ActionItem.status.in_(OPEN_VALUES)
        & ActionItem.owner.is_null(False)
        & (ActionItem.due_date < today)
    )
    # By owner, date and id: each owner's first step is their oldest, the last their
    # newest. Dates compare as the driver gives them (ISO text in a file, as SQL does).
    steps = sorted(rows(late))
    if last_talk:  # not talked to them after the step became late
        steps = [s for s in steps if (last := last_talk.get(s[0])) is None or last <= s[1]]
    if not steps:
        return []
    # Per owner: their oldest late step, their newest, and how many.
    waiting = []
    for _, owned in groupby(steps, key=_OWNER):
        run = list(owned)
        waiting.append((run[0], run[-1], len(run)))
    # The oldest steps' projects and titles: read for them only (a step's row is wide).
    oldest_steps = projects_and_titles([oldest[2] for oldest, _, _ in waiting])
    names: Any = Person.select(Person.id, Person.name).where(Person.project.in_(id_list(wanted)))
    name_of = dict(rows(names))
    items = []
    for (owner_id, due_value, step_id), newest, late_count in waiting:
        due, name = as_date(due_value), name_of.get(owner_id, "")
        project_id, title = oldest_steps[step_id]
        why = say(
            _WORDS,
            "late" if late_count == 1 else "more",
            name=name,
            title=Short(title),
            count=late_count,
            days=Days((today - due).days),
        )
        _, last_due, last_id = newest
        items.append(
            TodayItem(
                Hat.FOLLOW_UP,
                "late_person",
                project_id,
                step_id,
                owner_id,
                name,
                why,
                due + _ONE_DAY,
                "new_follow_up",
                # A step late since: a new occurrence (the date in ISO: a file's text as
                # it is, a server's date written so).
                f"{last_id}-{last_due}",
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
            FollowUp.project.in_(id_list(wanted))
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
        FollowUp.project.in_(id_list(wanted)) & FollowUp.new_commitment_date.is_null(False)
    )
    actions = (
        ActionItem.select(ActionItem, Person)
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(
            ActionItem.project.in_(id_list(wanted))
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
        why = say(_WORDS, "commitment", name=name, title=Short(action.title), date=date)
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
