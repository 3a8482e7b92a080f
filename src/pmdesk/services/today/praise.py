"""Praise in public (METHOD.md §4): who finished on time since the last report.

The report's own rule (services.reports.gather): client-side people with a step
finished on time in the period and no late step. The period runs from the day after
the last saved report (or the last seven days) to today. Due today: thank them now;
they are listed for the next report. Done: a report covering the period is saved.
"""

from __future__ import annotations

import datetime as dt

from pmdesk.models import ActionItem, ActionStatus, Language, Person, Side, StatusReport
from pmdesk.services import reports
from pmdesk.services.today.item import Hat, TodayItem, Words, say

_WORDS: Words = {
    Language.EN: {
        "praise": "{name} finished their steps on time since {date}; thank them now, and "
        "in the next report.",
    },
    Language.ZH_CN: {
        "praise": "{name}自{date}以来按期完成工作，请及时表示感谢，并在下次报告中表扬。",
    },
}


def last_report_end(project_id: int) -> dt.date | None:
    """The end of the last saved report's period, if there is one."""
    last = (
        StatusReport.select(StatusReport.period_end)
        .where(StatusReport.project == project_id)
        .order_by(StatusReport.period_end.desc())
        .first()
    )
    return None if last is None else last.period_end


def _start(last: dt.date | None, today: dt.date) -> dt.date:
    """The day after the last report's period, or the default period's start."""
    if last is None:
        return reports.default_period(today)[0]
    return min(last + dt.timedelta(days=1), today)


def on_time_people(project_id: int, today: dt.date) -> list[TodayItem]:
    """One item per person the next report will thank."""
    last = last_report_end(project_id)
    start = _start(last, today)
    finished_on_time = (
        ActionItem.select(ActionItem.id)
        .join(Person)
        .where(
            (ActionItem.project == project_id)
            & (ActionItem.status == ActionStatus.DONE.value)
            & ActionItem.completed_on.between(start, today)
            & (ActionItem.completed_on <= ActionItem.due_date)
            & (Person.side == Side.CLIENT.value)
        )
    )
    if not finished_on_time.exists():  # nobody to praise: skip reading the whole plan
        return []
    facts = reports.gather(project_id, start, today, Language.EN)
    return [
        TodayItem(
            Hat.PRAISE,
            "on_time",
            project_id,
            person.id,
            person.id,
            person.name,
            say(_WORDS, "praise", name=person.name, date=start),
            today,
            "thank",
            # Thanked once until the next report is saved.
            "" if last is None else last.isoformat(),
        )
        for person in facts.praised
    ]


RULES = (on_time_people,)
