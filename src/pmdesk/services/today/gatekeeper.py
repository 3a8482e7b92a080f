"""The gatekeeper hat: report to the client lead before they have to ask (METHOD.md §4).

Due: a milestone or deliverable submitted for the lead's review and not reviewed
`NUDGE_DAYS` after submission (nudge); a request the lead raised, still open
`ANSWER_DAYS` after it was raised (answer it). Done: reviewed; request resolved.
"""

from __future__ import annotations

import datetime as dt

from pmdesk.models import Language, LeadRequest, Person, RequestStatus
from pmdesk.services import progress
from pmdesk.services.today.item import Days, Hat, TodayItem, Words, in_view, say, short

#: A submitted milestone is nudged when the lead has not reviewed it in this many days.
NUDGE_DAYS = 3
#: A lead's request is answered within this many days of being raised.
ANSWER_DAYS = 2

_WORDS: Words = {
    Language.EN: {
        "review": "“{title}” was submitted to {reviewer} on {date} and is waiting for review "
        "({days}); send a nudge.",
        "request": "{lead} asked on {date}: “{text}”; still unanswered after {days}.",
        "the_lead": "the client lead",
    },
    Language.ZH_CN: {
        "review": "“{title}”已于{date}提交{reviewer}审阅，已等待{days}，请发提醒。",
        "request": "{lead}于{date}提出：“{text}”，已{days}尚未答复。",
        "the_lead": "客户项目负责人",
    },
}


def _name(person: Person | None, language: Language) -> str:
    return person.name if person is not None else _WORDS[language]["the_lead"]


def reviews_waiting(project_id: int, today: dt.date) -> list[TodayItem]:
    """Milestones and deliverables the lead has had for `NUDGE_DAYS` without reviewing."""
    items = []
    for review in progress.awaiting_review(project_id):
        submitted = review.submitted_on or today
        due = submitted + dt.timedelta(days=NUDGE_DAYS)
        if not in_view(due, today):
            continue
        reviewer = review.reviewer
        why = say(
            _WORDS,
            "review",
            title=review.title,
            reviewer=lambda language, reviewer=reviewer: _name(reviewer, language),
            date=submitted,
            days=Days((today - submitted).days),
        )
        items.append(
            TodayItem(
                Hat.GATEKEEPER,
                "review_waiting",
                project_id,
                review.id,
                reviewer.id if reviewer is not None else None,
                reviewer.name if reviewer is not None else "",
                why,
                due,
                "nudge_draft",
                submitted.isoformat(),
            )
        )
    return items


def requests_unanswered(project_id: int, today: dt.date) -> list[TodayItem]:
    """The lead's open requests, due `ANSWER_DAYS` after they were raised."""
    items = []
    people = {p.id: p for p in Person.select().where(Person.project == project_id)}
    query = LeadRequest.select().where(
        (LeadRequest.project == project_id) & (LeadRequest.status == RequestStatus.OPEN.value)
    )
    for request in query:
        due = request.raised_on + dt.timedelta(days=ANSWER_DAYS)
        if not in_view(due, today):
            continue
        lead = people.get(request.__data__["raised_by"])
        owner = people.get(request.__data__["owner"])
        why = say(
            _WORDS,
            "request",
            lead=lambda language, lead=lead: _name(lead, language),
            date=request.raised_on,
            text=short(request.text),
            days=Days((today - request.raised_on).days),
        )
        items.append(
            TodayItem(
                Hat.GATEKEEPER,
                "request_unanswered",
                project_id,
                request.id,
                owner.id if owner is not None else None,
                owner.name if owner is not None else "",
                why,
                due,
                "answer_request",
            )
        )
    return items


RULES = (reviews_waiting, requests_unanswered)
