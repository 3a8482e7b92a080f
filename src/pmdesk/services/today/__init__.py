"""Today: what the method says to do today, across every project (issue #19).

Each hat of the method (METHOD.md §4) is a module of plain rules over the data, each
returning `TodayItem`s: why the item is due (in English and Chinese), by when, and the
one action that does it. `items` gathers them for one project or all, overdue first,
leaving out what the user marked done, snoozed or dismissed (`state`). The rules never
write; `state` writes only the user's marks.
"""

from __future__ import annotations

from pmdesk.services.today.item import WEEK_DAYS, Hat, TodayItem, When
from pmdesk.services.today.queries import open_steps_due
from pmdesk.services.today.rules import HATS, project_items
from pmdesk.services.today.state import (
    Disposition,
    closed,
    dismiss,
    done,
    find,
    items,
    reopen,
    snooze,
)

__all__ = [
    "HATS",
    "WEEK_DAYS",
    "Disposition",
    "Hat",
    "TodayItem",
    "When",
    "closed",
    "dismiss",
    "done",
    "find",
    "items",
    "open_steps_due",
    "project_items",
    "reopen",
    "snooze",
]
