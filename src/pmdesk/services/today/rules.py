"""Every rule of every hat, gathered for one project or all, overdue first (nothing
here writes; state.items leaves out what the user marked)."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import attrgetter

from pmdesk.models import Project, ProjectStatus
from pmdesk.services.common import get_or_fail
from pmdesk.services.today import chase, cooperation, follow_up, gatekeeper, meetings, praise
from pmdesk.services.today.item import Hat, TodayItem, When
from pmdesk.services.today.queries import Projects

_WHEN_ORDER = list(When)
_HAT_ORDER = list(Hat)

#: The rules, by hat, in the method's order.
HATS: dict[Hat, tuple[Callable[..., list[TodayItem]], ...]] = {
    Hat.GATEKEEPER: gatekeeper.RULES,
    Hat.CHASE: chase.RULES,
    Hat.FOLLOW_UP: follow_up.RULES,
    Hat.PRAISE: praise.RULES,
    Hat.COOPERATION: cooperation.RULES,
    Hat.MEETINGS: meetings.RULES,
}


def project_items(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Every rule's items for the projects, by hat: each rule once for all of them."""
    return [item for rules in HATS.values() for rule in rules for item in rule(projects, today)]


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
    if not wanted:
        return []
    # sort_key's order, by attributes (thousands of items): within each hat by project,
    # kind and record; then, keeping that, by date (whose order is also the `When`s').
    found: list[TodayItem] = []
    with _no_collection():
        for rules in HATS.values():
            found.extend(
                sorted(
                    (item for rule in rules for item in rule(wanted, today)),
                    key=_WITHIN_HAT,
                )
            )
    found.sort(key=_DUE)
    return found


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection while the rules run: they make tens of thousands of
    rows and items, none in a cycle, and each collection they would set off walks every
    object of the program (a third of the time on the large data; cycles made meanwhile
    are collected later)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_WITHIN_HAT = attrgetter("project_id", "kind", "record_id")
_DUE = attrgetter("due")


def sort_key(item: TodayItem, today: dt.date) -> tuple[int, dt.date, int, int, str, int]:
    return (
        _WHEN_ORDER.index(item.when(today)),
        item.due,
        _HAT_ORDER.index(item.hat),
        item.project_id,
        item.kind,
        item.record_id,
    )
