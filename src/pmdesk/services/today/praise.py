"""Praise in public (METHOD.md §4): who finished on time since the last report.

The report's own rule (services.reports.gather): client-side people with a step
finished on time in the period and no late step. The period runs from the day after
the last saved report (or the last seven days) to today. Due today: thank them now;
they are listed for the next report. Done: a report covering the period is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import Case, fn

from pmdesk.models import ActionItem, ActionStatus, Language, Person, Side
from pmdesk.services.report_period import default_period
from pmdesk.services.today.item import Hat, TodayItem, Words, say
from pmdesk.services.today.queries import (
    OPEN_VALUES,
    Projects,
    as_date,
    id_list,
    ids,
    last_report_ends,
    rows,
)

_WORDS: Words = {
    Language.EN: {
        "praise": "{name} finished their steps on time since {date}; thank them now, and "
        "in the next report.",
    },
    Language.ZH_CN: {
        "praise": "{name}自{date}以来按期完成工作，请及时表示感谢，并在下次报告中表扬。",
    },
}


def _start(last: dt.date | None, today: dt.date) -> dt.date:
    """The day after the last report's period, or the default period's start."""
    if last is None:
        return default_period(today)[0]
    return min(last + dt.timedelta(days=1), today)


def on_time_people(projects: Projects, today: dt.date) -> list[TodayItem]:
    """One item per person the next report will thank (reports.gather's rule, in two
    queries across every project: who finished on time, and which of them were late)."""
    wanted = ids(projects)
    last = last_report_ends(wanted)
    starts = {pid: _start(last.get(pid), today) for pid in wanted}
    earliest = min(starts.values(), default=today)
    done = ActionItem.status == ActionStatus.DONE.value
    # Per person: their last step finished on time (from `earliest`, today included).
    query: Any = (
        ActionItem.select(
            ActionItem.project, fn.MAX(ActionItem.completed_on), Person.id, Person.name
        )
        .join(Person, on=(ActionItem.owner == Person.id))
        .where(
            ActionItem.project.in_(id_list(wanted))
            & done
            & ActionItem.completed_on.between(earliest, today)
            & (ActionItem.completed_on <= ActionItem.due_date)
            & (Person.side == Side.CLIENT.value)
        )
        .group_by(ActionItem.project, Person.id, Person.name)
    )
    punctual: dict[int, tuple[int, str]] = {}
    for project_id, completed_on, person_id, name in rows(query):
        if as_date(completed_on) >= starts[project_id]:
            punctual[person_id] = (project_id, name)
    if not punctual:
        return []
    # Late in the period: finished late in it, or past due and not finished by today.
    # Per person: whether a late step is still outstanding (not finished by today), and
    # the last day they finished one late (if none is outstanding, all finished late).
    outstanding = (ActionItem.completed_on > today) | ActionItem.completed_on.is_null()
    late_rows: Any = (
        ActionItem.select(
            ActionItem.project,
            ActionItem.owner,
            fn.SUM(Case(None, [(outstanding, 1)], 0)),
            fn.MAX(ActionItem.completed_on),
        )
        .where(
            # Of those who finished on time only: a few, their steps read by owner (each
            # their project's: progress checks a step's owner is of its project).
            ActionItem.owner.in_(id_list(punctual))
            & ActionItem.due_date.is_null(False)
            & (
                (
                    done
                    & ActionItem.completed_on.between(earliest, today)
                    & (ActionItem.completed_on > ActionItem.due_date)
                )
                | (
                    (ActionItem.due_date < today)
                    & (ActionItem.status != ActionStatus.CANCELLED.value)
                    & (
                        (ActionItem.completed_on > today)
                        | (ActionItem.completed_on.is_null() & ActionItem.status.in_(OPEN_VALUES))
                    )
                )
            )
        )
        .group_by(ActionItem.project, ActionItem.owner)
    )
    late: set[int] = set()
    for project_id, owner_id, still_late, completed_on in rows(late_rows):
        if still_late or as_date(completed_on) >= starts[project_id]:
            late.add(owner_id)
    items = []
    for person_id, (project_id, name) in punctual.items():
        if person_id in late:
            continue
        previous = last.get(project_id)
        items.append(
            TodayItem(
                Hat.PRAISE,
                "on_time",
                project_id,
                person_id,
                person_id,
                name,
                say(_WORDS, "praise", name=name, date=starts[project_id]),
                today,
                "thank",
                # Thanked once until the next report is saved.
                "" if previous is None else previous.isoformat(),
            )
        )
    return items


RULES = (on_time_people,)
