"""What several rules read, for any number of projects at once: a rule runs one query
per kind of record across every project asked for, never one per project."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NamedTuple

from peewee import JOIN, SQL, Expression, fn

from pmdesk.models import OPEN_ACTION_STATUSES, ActionItem, Person, StatusReport, database
from pmdesk.services.today.item import WEEK_DAYS

#: One project's id, or several.
Projects = int | Sequence[int]

OPEN_VALUES = [s.value for s in OPEN_ACTION_STATUSES]


def ids(records: int | Iterable[int]) -> list[int]:
    """One record id or several, as a list."""
    return [records] if isinstance(records, int) else list(records)


class Step(NamedTuple):
    """What the chase and follow-up rules need of an open step (not the whole record)."""

    id: int
    project_id: int
    title: str
    due_date: dt.date
    needs_client_assistance: bool
    owner_id: int | None
    owner_name: str | None


def open_steps(projects: Projects, condition: Expression) -> list[Step]:
    """The projects' open steps meeting `condition`, by date, with their owners' names."""
    query: Any = (
        ActionItem.select(
            ActionItem.id,
            ActionItem.project,
            ActionItem.title,
            ActionItem.due_date,
            ActionItem.needs_client_assistance,
            Person.id,
            Person.name,
        )
        .join(Person, on=(ActionItem.owner == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(
            ActionItem.project.in_(id_list(projects))
            & ActionItem.status.in_(OPEN_VALUES)
            & condition
        )
        .order_by(ActionItem.due_date, ActionItem.id)
    )
    return [
        Step(row[0], row[1], row[2], as_date(row[3]), bool(row[4]), row[5], row[6])
        for row in rows(query)
    ]


def open_steps_due(projects: Projects, today: dt.date) -> list[Step]:
    """The projects' open steps due by the end of this week, with their owners' names."""
    return open_steps(projects, ActionItem.due_date <= today + dt.timedelta(days=WEEK_DAYS))


def id_list(record_ids: int | Iterable[int]) -> SQL:
    """Record ids (one or several) for `IN`, written into the SQL as numbers: Peewee
    binding a parameter each costs more than many a query takes to run (~0.13 ms for
    50 projects), and SQLite caps how many (an empty list is `(NULL)`: nothing is in it)."""
    listed = ",".join(str(int(record_id)) for record_id in ids(record_ids))
    return SQL(f"({listed or 'NULL'})")


def projects_and_titles(step_ids: Collection[int]) -> dict[int, tuple[int, str]]:
    """The steps' projects and titles, by id, in one query."""
    if not step_ids:
        return {}
    query: Any = ActionItem.select(ActionItem.id, ActionItem.project, ActionItem.title).where(
        ActionItem.id.in_(id_list(step_ids))
    )
    return {step_id: (project_id, title) for step_id, project_id, title in rows(query)}


def rows(query: Any) -> list[tuple[Any, ...]]:
    """A query's rows as the driver gives them: no model instances, no converters (only
    a date, text in a file, needs converting: `as_date`)."""
    sql, params = query.sql()
    return database.execute_sql(sql, params).fetchall()


def as_date(value: Any) -> dt.date:
    """A date column's value as the driver gives it (a date, or ISO text in a file)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def as_datetime(value: Any) -> dt.datetime | None:
    """A date-and-time column's value as the driver gives it (or None)."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def last_report_ends(projects: Projects) -> dict[int, dt.date]:
    """The end of each project's last saved report period (projects with none: absent)."""
    query: Any = (
        StatusReport.select(StatusReport.project, fn.MAX(StatusReport.period_end).alias("end"))
        .where(StatusReport.project.in_(id_list(projects)))
        .group_by(StatusReport.project)
        .tuples()
    )
    return {project: end for project, end in query}
