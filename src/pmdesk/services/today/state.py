"""The user's marks on Today items: done, snoozed to a date, or dismissed with a reason.

A mark is stored per item key (`TodayItem.key`) and per person: in a file the one user's,
on a team server the login role's own rows (row-level security shows each member only
theirs). Done and dismissed hold for that occurrence of the item; when the fact recurs
(a new late step, next week's report) the item has a new key and is listed again. A
snoozed item comes back on its date. Each write is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import Expression

from pmdesk import db
from pmdesk.db import transaction
from pmdesk.models import TodayMark, TodayState
from pmdesk.services.common import NotFound, ValidationProblem
from pmdesk.services.today import rules
from pmdesk.services.today.item import TodayItem

#: Longest dismissal reason kept (a sentence or two; a stray paste is refused).
REASON_LIMIT = 2000


@dataclass(frozen=True)
class Disposition:
    """What the user did with an item: `mark`, until when (snoozed), why (dismissed)."""

    mark: TodayMark
    until: dt.date | None
    reason: str
    marked_at: dt.datetime

    def closes(self, today: dt.date) -> bool:
        """Whether the item is off today's list: done, dismissed, or snoozed past today."""
        if self.mark is TodayMark.SNOOZED:
            return self.until is not None and self.until > today
        return True


def _mine() -> Expression:
    """This user's marks (on a server the policies also allow no others)."""
    return TodayState.row_created_by == db.user()


def _write(item: TodayItem, mark: TodayMark, until: dt.date | None, reason: str) -> None:
    now = dt.datetime.now().replace(microsecond=0)
    values = {"mark": mark.value, "until": until, "reason": reason, "marked_at": now}
    with transaction():
        row = TodayState.get_or_none((TodayState.key == item.key) & _mine())
        if row is None:
            TodayState.create(key=item.key, project=item.project_id, **values)
        else:
            TodayState.update(**values).where(TodayState.id == row.id).execute()


def done(item: TodayItem) -> None:
    """Mark the item done (this occurrence of it)."""
    _write(item, TodayMark.DONE, None, "")


def snooze(item: TodayItem, until: dt.date) -> None:
    """Hide the item until `until`, when it is listed again."""
    if not isinstance(until, dt.date):
        raise ValidationProblem("until", "give the date to snooze it until")
    _write(item, TodayMark.SNOOZED, until, "")


def dismiss(item: TodayItem, reason: str) -> None:
    """Drop the item (this occurrence of it) for `reason`, which may not be blank."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationProblem("reason", "give a reason for dismissing it")
    if len(reason) > REASON_LIMIT:
        raise ValidationProblem("reason", f"at most {REASON_LIMIT} characters")
    _write(item, TodayMark.DISMISSED, None, reason)


def reopen(key: str) -> None:
    """Remove the mark on item `key`: it is listed again when due (NotFound if unmarked)."""
    with transaction():
        removed = TodayState.delete().where((TodayState.key == key) & _mine()).execute()
    if not removed:
        raise NotFound(f"No marked Today item {key}")


def marks(project_id: int | None = None) -> dict[str, Disposition]:
    """This user's marks, by item key: of one project, or of all (one query)."""
    query = TodayState.select().where(_mine())
    if project_id is not None:
        query = query.where(TodayState.project == project_id)
    return {
        row.key: Disposition(TodayMark(row.mark), row.until, row.reason, row.marked_at)
        for row in query
    }


def items(
    project_id: int | None, today: dt.date, *, include_closed: bool = False
) -> list[TodayItem]:
    """Today's items for one project (NotFound if none) or every project neither closed
    nor archived: overdue, then today, then this week; by date, then by hat, within each.
    Without `include_closed`, those done, dismissed or snoozed past `today` are left out."""
    found = rules.every_item(project_id, today)
    if include_closed:
        return found
    marked = marks(project_id)
    if not marked:
        return found
    hidden = {key for key, disposition in marked.items() if disposition.closes(today)}
    return [i for i in found if i.key not in hidden]


def closed(project_id: int | None, today: dt.date) -> list[tuple[TodayItem, Disposition]]:
    """The items the user took off today's list, with what they did: for a "done /
    snoozed" list, in the same order as `items`."""
    marked = marks(project_id)
    if not marked:
        return []
    return [
        (i, marked[i.key])
        for i in rules.every_item(project_id, today)
        if i.key in marked and marked[i.key].closes(today)
    ]


def find(key: str, today: dt.date) -> TodayItem:
    """The item with `key` listed (or marked) today; NotFound if there is none."""
    parts = key.split(":")
    if len(parts) != 5 or not parts[1].isdigit():
        raise NotFound(f"No Today item {key}")
    for item in rules.every_item(int(parts[1]), today):
        if item.key == key:
            return item
    raise NotFound(f"No Today item {key}")
