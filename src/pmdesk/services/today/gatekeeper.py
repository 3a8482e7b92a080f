"""The gatekeeper hat: report to the client lead before they have to ask (METHOD.md §4).

Due: a milestone or deliverable submitted for the lead's review and not reviewed
`NUDGE_DAYS` after submission (nudge); a request the lead raised, still open
`ANSWER_DAYS` after it was raised (answer it); the status report, on the project's
reporting weekday (or, without one, a week after the last report). Done: reviewed;
request resolved; a report saved for that reporting day.
"""

from __future__ import annotations

import datetime as dt

from peewee import JOIN

from pmdesk.models import (
    Language,
    LeadRequest,
    MilestoneReview,
    Person,
    Project,
    RequestStatus,
    ReviewState,
    Role,
)
from pmdesk.services.today.item import (
    WEEK_DAYS,
    Days,
    Hat,
    Short,
    TodayItem,
    Word,
    Words,
    in_view,
    say,
)
from pmdesk.services.today.queries import Projects, id_list, ids, last_report_ends

#: A submitted milestone is nudged when the lead has not reviewed it in this many days.
NUDGE_DAYS = 3
#: A lead's request is answered within this many days of being raised.
ANSWER_DAYS = 2
#: Without a reporting weekday, the next report is due this many days after the last.
REPORT_DAYS = 7
#: A report whose period ends up to this many days after a reporting day is that day's
#: (a late one); one ending later is the next reporting day's (an early one).
REPORT_GRACE_DAYS = 3

WEEKDAYS: dict[Language, tuple[str, ...]] = {
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    Language.ZH_CN: ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}

_WORDS: Words = {
    Language.EN: {
        "review": "“{title}” was submitted to {reviewer} on {date} and is waiting for review "
        "({days}); send a nudge.",
        "request": "{lead} asked on {date}: “{text}”; still unanswered after {days}.",
        "report": "The status report to {lead} is due on {date} ({rhythm}); write it in "
        "the report builder.",
        "report_late": "The status report to {lead} was due on {date} ({rhythm}), {days} "
        "ago; write it in the report builder.",
        "every": "every {weekday}",
        "weekly": "a week after the last one",
        "the_lead": "the client lead",
    },
    Language.ZH_CN: {
        "review": "“{title}”已于{date}提交{reviewer}审阅，已等待{days}，请发提醒。",
        "request": "{lead}于{date}提出：“{text}”，已{days}尚未答复。",
        "report": "应于{date}向{lead}提交状态报告（{rhythm}），请在报告生成器中撰写。",
        "report_late": "应于{date}向{lead}提交的状态报告（{rhythm}）已逾期{days}，"
        "请在报告生成器中撰写。",
        "every": "每{weekday}",
        "weekly": "距上次报告一周",
        "the_lead": "客户项目负责人",
    },
}


_WEEKDAY_WORDS: Words = {
    language: {str(number): name for number, name in enumerate(names)}
    for language, names in WEEKDAYS.items()
}


def _name(person: Person | None) -> str | Word:
    """The person's name, or "the client lead" in the reason's language."""
    return person.name if person is not None else Word(_WORDS, "the_lead")


def _rhythm(weekday: int | None) -> Word:
    """The project's reporting rhythm: every (weekday), or a week after the last report."""
    if weekday is None:
        return Word(_WORDS, "weekly")
    return Word(_WORDS, "every", (("weekday", Word(_WEEKDAY_WORDS, str(weekday))),))


def reviews_waiting(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Milestones and deliverables the lead has had for `NUDGE_DAYS` without reviewing."""
    latest = today + dt.timedelta(days=WEEK_DAYS - NUDGE_DAYS)  # submitted by then: in view
    query = (
        MilestoneReview.select(MilestoneReview, Person)
        .join(Person, JOIN.LEFT_OUTER, on=(MilestoneReview.reviewer == Person.id))
        .where(
            MilestoneReview.project.in_(id_list(projects))
            & (MilestoneReview.state == ReviewState.SUBMITTED.value)
            & (MilestoneReview.submitted_on.is_null() | (MilestoneReview.submitted_on <= latest))
        )
    )
    items = []
    for review in query:
        submitted = review.submitted_on or today
        due = submitted + dt.timedelta(days=NUDGE_DAYS)
        reviewer = review.reviewer
        why = say(
            _WORDS,
            "review",
            title=review.title,
            reviewer=_name(reviewer),
            date=submitted,
            days=Days((today - submitted).days),
        )
        items.append(
            TodayItem(
                Hat.GATEKEEPER,
                "review_waiting",
                review.__data__["project"],
                review.id,
                *_who(reviewer),
                why,
                due,
                "nudge_draft",
                submitted.isoformat(),
            )
        )
    return items


def _who(person: Person | None) -> tuple[int | None, str]:
    """An item's person: id and name, or none."""
    return (None, "") if person is None else (person.id, person.name)


def requests_unanswered(projects: Projects, today: dt.date) -> list[TodayItem]:
    """The lead's open requests, due `ANSWER_DAYS` after they were raised."""
    latest = today + dt.timedelta(days=WEEK_DAYS - ANSWER_DAYS)  # raised by then: in view
    requests = list(
        LeadRequest.select().where(
            LeadRequest.project.in_(id_list(projects))
            & (LeadRequest.status == RequestStatus.OPEN.value)
            & (LeadRequest.raised_on <= latest)
        )
    )
    named = {r.__data__[f] for r in requests for f in ("raised_by", "owner")} - {None}
    people = (
        {p.id: p for p in Person.select().where(Person.id.in_(id_list(named)))} if named else {}
    )
    items = []
    for request in requests:
        due = request.raised_on + dt.timedelta(days=ANSWER_DAYS)
        lead = people.get(request.__data__["raised_by"])
        owner = people.get(request.__data__["owner"])
        why = say(
            _WORDS,
            "request",
            lead=_name(lead),
            date=request.raised_on,
            text=Short(request.text),
            days=Days((today - request.raised_on).days),
        )
        items.append(
            TodayItem(
                Hat.GATEKEEPER,
                "request_unanswered",
                request.__data__["project"],
                request.id,
                *_who(owner),
                why,
                due,
                "answer_request",
            )
        )
    return items


def next_report_day(weekday: int | None, last: dt.date | None, start: dt.date) -> dt.date:
    """The day the next status report is due: the first reporting `weekday` the last
    report (its period's end) does not answer for, or `REPORT_DAYS` after it; with no
    report yet, counted from the project's `start`."""
    if weekday is None:
        return (start if last is None else last) + dt.timedelta(days=REPORT_DAYS)
    after = start if last is None else last + dt.timedelta(days=REPORT_GRACE_DAYS + 1)
    return after + dt.timedelta(days=(weekday - after.weekday()) % 7)


def report_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Each project's next status report to the client lead, when due this week or overdue."""
    wanted = ids(projects)
    last = last_report_ends(wanted)
    leads: dict[int, Person] = {}
    query = (
        Person.select(Person.id, Person.name, Person.project)
        .where(Person.project.in_(id_list(wanted)) & (Person.role == Role.CLIENT_LEAD.value))
        .order_by(Person.id)
    )
    for person in query:
        leads.setdefault(person.__data__["project"], person)
    rows = Project.select(
        Project.id, Project.start_date, Project.created_at, Project.report_weekday
    ).where(Project.id.in_(id_list(wanted)))
    items = []
    for project in rows:
        start = project.start_date or project.created_at.date()
        weekday = project.report_weekday
        due = next_report_day(weekday, last.get(project.id), start)
        if not in_view(due, today):
            continue
        lead = leads.get(project.id)

        why = say(
            _WORDS,
            "report_late" if due < today else "report",
            lead=_name(lead),
            date=due,
            rhythm=_rhythm(weekday),
            days=Days((today - due).days),
        )
        items.append(
            TodayItem(
                Hat.GATEKEEPER,
                "report_due",
                project.id,
                project.id,
                *_who(lead),
                why,
                due,
                "report_builder",
                due.isoformat(),  # next week's report is another item
            )
        )
    return items


RULES = (reviews_waiting, requests_unanswered, report_due)
