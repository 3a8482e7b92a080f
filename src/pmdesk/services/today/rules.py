"""Every rule of every hat, gathered for one project or all, overdue first (nothing
here writes; state.items leaves out what the user marked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peewee import JOIN

from pmdesk.models import OPEN_ACTION_STATUSES, ActionItem, Person, Project, ProjectStatus
from pmdesk.services.common import get_or_fail
from pmdesk.services.today import chase, cooperation, follow_up, gatekeeper, meetings, praise
from pmdesk.services.today.item import WEEK_DAYS, Hat, TodayItem, When

_WHEN_ORDER = list(When)
_HAT_ORDER = list(Hat)

#: The rules, by hat, in the method's order. Rules taking `actions` share one query.
HATS: dict[Hat, tuple[Callable[..., list[TodayItem]], ...]] = {
    Hat.GATEKEEPER: gatekeeper.RULES,
    Hat.CHASE: chase.RULES,
    Hat.FOLLOW_UP: follow_up.RULES,
    Hat.PRAISE: praise.RULES,
    Hat.COOPERATION: cooperation.RULES,
    Hat.MEETINGS: meetings.RULES,
}
_TAKE_ACTIONS = {chase.assistance_due, follow_up.late_people}


def open_steps_due(project_id: int, today: dt.date) -> list[ActionItem]:
    """The project's open steps due by the end of this week, owners joined: all that the
    chase and follow-up rules look at (one query, not the whole plan)."""
    horizon = today + dt.timedelta(days=WEEK_DAYS)
    return list(
        ActionItem.select(ActionItem, Person)
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(
            (ActionItem.project == project_id)
            & ActionItem.status.in_([s.value for s in OPEN_ACTION_STATUSES])
            & (ActionItem.due_date <= horizon)
        )
        .order_by(ActionItem.due_date, ActionItem.id)
    )


def project_items(project_id: int, today: dt.date) -> list[TodayItem]:
    """Every rule's items for one project, unsorted."""
    actions = open_steps_due(project_id, today)
    found: list[TodayItem] = []
    for rules in HATS.values():
        for rule in rules:
            if rule in _TAKE_ACTIONS:
                found.extend(rule(project_id, today, actions))
            else:
                found.extend(rule(project_id, today))
    return found


def project_ids(project_id: int | None) -> list[int]:
    """[project_id] (NotFound if there is none), or every project neither closed nor
    archived."""
    if project_id is not None:
        get_or_fail(Project, project_id)
        return [project_id]
    return [
        p.id
        for p in Project.select(Project.id)
        .where(
            (Project.status != ProjectStatus.CLOSED.value) & (Project.archived == False)  # noqa: E712 (SQL, not Python)
        )
        .order_by(Project.id)
    ]


def every_item(project_id: int | None, today: dt.date) -> list[TodayItem]:
    """Every rule's items, marked or not: overdue, then today, then this week; by date,
    then by hat, within each."""
    found = [item for pid in project_ids(project_id) for item in project_items(pid, today)]
    return sorted(found, key=lambda i: sort_key(i, today))


def sort_key(item: TodayItem, today: dt.date) -> tuple[int, dt.date, int, int, str, int]:
    return (
        _WHEN_ORDER.index(item.when(today)),
        item.due,
        _HAT_ORDER.index(item.hat),
        item.project_id,
        item.kind,
        item.record_id,
    )
