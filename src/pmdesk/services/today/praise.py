"""Praise in public (METHOD.md §4): who finished on time since the last report.

The report's own rule (services.reports.gather): client-side people with a step
finished on time in the period and no late step. The period runs from the day after
the last saved report (or the last seven days) to today. Due today: thank them now;
they are listed for the next report. Done: a report covering the period is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pmdesk.models import ActionItem, ActionStatus, Language, Person, Side
from pmdesk.services import reports
from pmdesk.services.today.item import Hat, TodayItem, Words, say
from pmdesk.services.today.queries import OPEN_VALUES, Projects, ids, last_report_ends

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
        return reports.default_period(today)[0]
    return min(last + dt.timedelta(days=1), today)


def on_time_people(projects: Projects, today: dt.date) -> list[TodayItem]:
    """One item per person the next report will thank (reports.gather's rule, in two
    queries across every project: who finished on time, and which of them were late)."""
    wanted = ids(projects)
    last = last_report_ends(wanted)
    starts = {pid: _start(last.get(pid), today) for pid in wanted}
    earliest = min(starts.values(), default=today)
    done = ActionItem.status == ActionStatus.DONE.value
    query: Any = (
        ActionItem.select(ActionItem.project, ActionItem.completed_on, Person.id, Person.name)
        .join(Person, on=(ActionItem.owner == Person.id))
        .where(
            ActionItem.project.in_(wanted)
            & done
            & ActionItem.completed_on.between(earliest, today)
            & (ActionItem.completed_on <= ActionItem.due_date)
            & (Person.side == Side.CLIENT.value)
        )
        .tuples()
    )
    punctual: dict[int, tuple[int, str]] = {}
    for project_id, completed_on, person_id, name in query:
        if completed_on >= starts[project_id]:
            punctual[person_id] = (project_id, name)
    if not punctual:
        return []
    # Late in the period: finished late in it, or past due and not finished by today.
    late_rows: Any = (
        ActionItem.select(ActionItem.project, ActionItem.owner, ActionItem.completed_on)
        .join(Person, on=(ActionItem.owner == Person.id))
        .where(
            ActionItem.project.in_(wanted)
            & (Person.side == Side.CLIENT.value)
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
        .tuples()
    )
    late: set[int] = set()
    for project_id, owner_id, completed_on in late_rows:
        outstanding = completed_on is None or completed_on > today
        if outstanding or completed_on >= starts[project_id]:
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
