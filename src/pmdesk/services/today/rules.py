"""Every rule of every hat, gathered for one project or all, overdue first (nothing
here writes; state.items leaves out what the user marked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pmdesk.models import Project, ProjectStatus
from pmdesk.services.common import get_or_fail
from pmdesk.services.today import chase, cooperation, follow_up, gatekeeper, meetings, praise
from pmdesk.services.today.item import Hat, TodayItem, When
from pmdesk.services.today.queries import Projects, open_steps_due

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


def project_items(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Every rule's items for the projects, unsorted: each rule once for all of them."""
    actions = open_steps_due(projects, today)
    found: list[TodayItem] = []
    for rules in HATS.values():
        for rule in rules:
            if rule in _TAKE_ACTIONS:
                found.extend(rule(projects, today, actions))
            else:
                found.extend(rule(projects, today))
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
    wanted = project_ids(project_id)
    found = project_items(wanted, today) if wanted else []
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
