"""Project health at a glance (issue #19): the figures Today's chart draws.

Three things a PM reads in a second: steps done on time, late or still open, week by week
over the last `WEEKS` weeks (by the week each step was due); how long the client lead takes
to review what is submitted; and how far each client person's engagement is from where the
project needs it. Plain functions over SQL aggregates; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from peewee import Case, fn

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Engagement,
    MilestoneReview,
    Person,
    Project,
    Side,
)
from pmdesk.services.common import get_or_fail
from pmdesk.services.stakeholders import ENGAGEMENT_ORDER

#: How many weeks the steps chart goes back, this week included.
WEEKS = 8


# The records are named tuples: as immutable as frozen dataclasses, and a fifth of their
# cost to define (Today's chart imports this module before its data is on screen).
class WeekSteps(NamedTuple):
    """The steps due in the week starting `monday`: done by their date, done after it,
    and not done (for a past week, those are overdue)."""

    monday: dt.date
    on_time: int
    late: int
    open: int

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.open


class Turnaround(NamedTuple):
    """The client lead's reviews: how many were reviewed and in how many days (median and
    longest), and how many wait now, the oldest for `waiting_days`."""

    reviewed: int
    median_days: float | None
    longest_days: int | None
    waiting: int
    waiting_days: int | None


class EngagementGap(NamedTuple):
    """One client person's engagement now and where the project needs it (0 = unaware …
    4 = leading); `gap` > 0: must move up."""

    person_id: int
    name: str
    current: int
    desired: int

    @property
    def gap(self) -> int:
        return self.desired - self.current


class ProjectHealth(NamedTuple):
    project_id: int
    name: str
    weeks: list[WeekSteps]
    turnaround: Turnaround
    gaps: list[EngagementGap]


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def step_weeks(project_id: int, today: dt.date, weeks: int = WEEKS) -> list[WeekSteps]:
    """Steps due in each of the last `weeks` weeks (oldest first), cancelled ones left out:
    one query counting per due date, summed per week here."""
    first = monday_of(today) - dt.timedelta(weeks=weeks - 1)
    last = monday_of(today) + dt.timedelta(days=6)
    done = ActionItem.status == ActionStatus.DONE.value
    by_date = ActionItem.completed_on.is_null() | (ActionItem.completed_on <= ActionItem.due_date)
    on_time = done & by_date
    query: Any = (
        ActionItem.select(
            ActionItem.due_date,
            fn.SUM(Case(None, [(on_time, 1)], 0)).alias("on_time"),
            fn.SUM(Case(None, [(done & ~on_time, 1)], 0)).alias("late"),
            fn.SUM(Case(None, [(done, 0)], 1)).alias("open"),
        )
        .where(
            (ActionItem.project == project_id)
            & (ActionItem.status != ActionStatus.CANCELLED.value)
            & ActionItem.due_date.between(first, last)
        )
        .group_by(ActionItem.due_date)
        .tuples()
    )
    counts = {first + dt.timedelta(weeks=n): [0, 0, 0] for n in range(weeks)}
    for due, *figures in query:
        week = counts[monday_of(_as_date(due))]
        for position, figure in enumerate(figures):
            week[position] += int(figure or 0)
    return [WeekSteps(monday, *figures) for monday, figures in counts.items()]


def review_turnaround(project_id: int, today: dt.date) -> Turnaround:
    """Days from submission to review of the lead's reviews, and those still waiting."""
    query: Any = (
        MilestoneReview.select(MilestoneReview.submitted_on, MilestoneReview.reviewed_on)
        .where(
            (MilestoneReview.project == project_id) & MilestoneReview.submitted_on.is_null(False)
        )
        .tuples()
    )
    taken: list[int] = []
    waiting: list[int] = []
    for submitted, reviewed in query:
        start = _as_date(submitted)
        if reviewed is None:
            waiting.append(max(0, (today - start).days))
        else:
            taken.append(max(0, (_as_date(reviewed) - start).days))
    return Turnaround(
        reviewed=len(taken),
        median_days=median(taken) if taken else None,
        longest_days=max(taken) if taken else None,
        waiting=len(waiting),
        waiting_days=max(waiting) if waiting else None,
    )


def engagement_gaps(project_id: int) -> list[EngagementGap]:
    """Client people with both engagements set, the widest gap first."""
    query: Any = (
        Person.select(Person.id, Person.name, Person.engagement_current, Person.engagement_desired)
        .where(
            (Person.project == project_id)
            & (Person.side == Side.CLIENT.value)
            & Person.engagement_current.is_null(False)
            & Person.engagement_desired.is_null(False)
        )
        .tuples()
    )
    gaps = [
        EngagementGap(
            person_id,
            name,
            ENGAGEMENT_ORDER.index(Engagement(current)),
            ENGAGEMENT_ORDER.index(Engagement(desired)),
        )
        for person_id, name, current, desired in query
    ]
    return sorted(gaps, key=lambda g: (-abs(g.gap), g.name))


def project_health(project_id: int, today: dt.date) -> ProjectHealth:
    """All three figures of one project (NotFound if there is none)."""
    project = get_or_fail(Project, project_id)
    return ProjectHealth(
        project_id,
        project.name,
        step_weeks(project_id, today),
        review_turnaround(project_id, today),
        engagement_gaps(project_id),
    )


def _as_date(value: object) -> dt.date:
    """A date column's value (SQLite returns text from a tuple query)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def median(values: list[int]) -> float:
    """The middle value (of the two middle ones, their mean), as `statistics.median`
    gives it: that module imports `fractions` too, before Today's data is on screen."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
