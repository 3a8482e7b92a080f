"""Guide each type of cooperating staff (METHOD.md §4, the three types).

Due, per client person:
- cooperating staff still unclassified `CLASSIFY_DAYS` after first contact (the first
  held meeting they attended, or their first assessment) → classify them;
- passive with no escalation memo → write the memo to the client lead;
- passive whose lead decided "send help" with no help step yet → send help;
- routine with neither a coaching plan nor a session → plan the coaching; a planned
  session not yet held → hold it (due its day);
- active with no success factors recorded → record them;
- a suggested type (from their on-time record) that differs from the PM's choice → review.
Done: the record the action writes exists.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import SQL, fn

from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Assessment,
    Attendee,
    CoachingSession,
    CooperationType,
    EscalationMemo,
    Language,
    LeadDecision,
    Meeting,
    Person,
    Role,
    Side,
)
from pmdesk.services import meetings, stakeholders
from pmdesk.services.stakeholders import OnTimeRecord
from pmdesk.services.today.item import Hat, Label, TodayItem, Why, Words, in_view, say
from pmdesk.services.today.queries import OPEN_VALUES, Projects, as_date, id_list, ids, rows

#: Cooperating staff are classified within this many days of first contact.
CLASSIFY_DAYS = 7

#: The types by stored value (a look-up; calling the enumeration costs more, per person).
_TYPES = {kind.value: kind for kind in CooperationType}

_WORDS: Words = {
    Language.EN: {
        "classify": "{name} is still unclassified, first met on {date}; choose their "
        "cooperation type.",
        "memo": "{name} is passive and no memo has gone to the client lead; write it "
        "(incentive, replace, or send help).",
        "send_help": "The client lead decided on {date} to send {name} help; no helper has "
        "been assigned yet.",
        "plan": "{name} is routine and has no coaching plan; plan the one-on-one talks.",
        "session": "A coaching talk with {name} is planned for {date}: “{topic}”.",
        "factors": "{name} is active and their success factors are not recorded; write down "
        "why, so it can be carried over to others.",
        "differs": "{name} is marked {chosen}, but their on-time record suggests {suggested}; "
        "review the type.",
    },
    Language.ZH_CN: {
        "classify": "{name}自{date}首次接触以来仍未分类，请确定其配合类型。",
        "memo": "{name}为消极配合者，尚未向客户项目负责人提交备忘"
        "（激励、更换或派人协助），请撰写。",
        "send_help": "客户项目负责人已于{date}决定派人协助{name}，尚未安排协助人员。",
        "plan": "{name}为按部就班者，尚无辅导计划，请安排一对一沟通。",
        "session": "已计划于{date}与{name}进行辅导沟通：“{topic}”。",
        "factors": "{name}为积极配合者，尚未记录其成功因素，请记录以便推广。",
        "differs": "{name}被标为{chosen}，但其按期完成记录显示为{suggested}，请复核类型。",
    },
}


def _item(
    project_id: int,
    kind: str,
    record_id: int,
    person: tuple[int, str],
    why: Why,
    due: dt.date,
    action: str,
    occurrence: str = "",
) -> TodayItem:
    return TodayItem(
        Hat.COOPERATION, kind, project_id, record_id, *person, why, due, action, occurrence
    )


def _first_contact(projects: list[int]) -> dict[int, dt.date]:
    """Per person: the first held meeting they attended, or their first assessment."""
    first: dict[int, dt.date] = {}
    attended: Any = (
        Attendee.select(Attendee.person, fn.MIN(Meeting.starts_at))
        .join(Meeting)
        .where(
            Meeting.project.in_(id_list(projects))
            & Meeting.starts_at.is_null(False)
            & Meeting.status.in_(meetings.HELD_STATUSES)
        )
        .group_by(Attendee.person)
        .tuples()
    )
    assessed: Any = (
        Assessment.select(Assessment.person, fn.MIN(Assessment.assessed_at))
        .join(Person)
        .where(Person.project.in_(id_list(projects)))
        .group_by(Assessment.person)
        .tuples()
    )
    for person_id, when in [*attended, *assessed]:
        if when is not None and when.date() < first.get(person_id, dt.date.max):
            first[person_id] = when.date()
    return first


def on_time_records(projects: list[int], today: dt.date) -> dict[int, OnTimeRecord]:
    """Each client step owner's on-time record (stakeholders.suggest_cooperation_type's
    counts) whose type the PM chose, counted in one query across the projects (only
    their suggestion can differ from the PM's choice)."""

    def count(condition: Any) -> Any:
        # COUNT(*) FILTER (WHERE …): in SQLite and PostgreSQL, cheaper than SUM(CASE …).
        return fn.COUNT(SQL("*")).filter(condition)

    status, due, done_on = ActionItem.status, ActionItem.due_date, ActionItem.completed_on
    finished = status == ActionStatus.DONE.value  # a NULL date compares as not true
    kept = status != ActionStatus.CANCELLED.value
    carried = ActionItem.carry_over_count
    query: Any = (
        ActionItem.select(
            ActionItem.owner,
            count(finished & (done_on <= due)),
            count(finished & (done_on > due)),
            count(status.in_(OPEN_VALUES) & (due < today)),
            fn.SUM(carried).filter(kept & (carried > 0)),
            count(kept),
        )
        .where(
            ActionItem.project.in_(id_list(projects))
            & ActionItem.owner.in_(
                Person.select(Person.id).where(
                    Person.project.in_(id_list(projects))
                    & (Person.side == Side.CLIENT.value)
                    & (Person.cooperation_type != CooperationType.UNCLASSIFIED.value)
                )
            )
        )
        .group_by(ActionItem.owner)
    )
    records = {}
    for owner, on_time, late, overdue, carried, judged in rows(query):
        on_time, late, overdue = int(on_time or 0), int(late or 0), int(overdue or 0)
        not_due = int(judged or 0) - on_time - late - overdue
        records[owner] = stakeholders.record_of(on_time, late, overdue, int(carried or 0), not_due)
    return records


def cooperation_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Every cooperation-type item of the projects' client people."""
    wanted = ids(projects)
    client = Person.project.in_(id_list(wanted)) & (Person.side == Side.CLIENT.value)
    people: Any = Person.select(
        Person.id,
        Person.project,
        Person.name,
        Person.role,
        Person.cooperation_type,
        Person.coaching_plan,
        Person.success_factors,
    ).where(client)
    help_asked: dict[int, list[tuple[int, dt.date | None]]] = {}
    with_memo: set[int] = set()
    memos: Any = (
        EscalationMemo.select(
            EscalationMemo.person,
            EscalationMemo.id,
            EscalationMemo.decided_on,
            (EscalationMemo.decision == LeadDecision.SEND_HELP.value)
            & EscalationMemo.help_action.is_null(),
        )
        .join(Person)
        .where(client)
    )
    for person_id, memo_id, decided_on, help_not_sent in rows(memos):
        with_memo.add(person_id)
        if help_not_sent:
            day = None if decided_on is None else as_date(decided_on)
            help_asked.setdefault(person_id, []).append((memo_id, day))
    coached: set[int] = set()
    talks_due: dict[int, list[tuple[int, dt.date, str]]] = {}
    sessions: Any = (
        CoachingSession.select(
            CoachingSession.person,
            CoachingSession.id,
            CoachingSession.planned_on,
            CoachingSession.held_on,
            CoachingSession.topic,
        )
        .join(Person)
        .where(client)
    )
    for person_id, session_id, planned_on, held_on, topic in rows(sessions):
        coached.add(person_id)
        if held_on is None and planned_on is not None:
            talks_due.setdefault(person_id, []).append((session_id, as_date(planned_on), topic))
    records = on_time_records(wanted, today)
    first = _first_contact(wanted)
    items: list[TodayItem] = []
    for person_id, project_id, name, role, chosen, plan, factors in rows(people):
        kind = _TYPES[chosen]
        who = (person_id, name)
        if kind is CooperationType.UNCLASSIFIED:
            if role == Role.COOPERATING_STAFF and person_id in first:
                due = first[person_id] + dt.timedelta(days=CLASSIFY_DAYS)
                if in_view(due, today):
                    why = say(_WORDS, "classify", name=name, date=first[person_id])
                    items.append(
                        _item(project_id, "unclassified", person_id, who, why, due, "classify")
                    )
        elif kind is CooperationType.PASSIVE:
            if person_id not in with_memo:
                why = say(_WORDS, "memo", name=name)
                items.append(
                    _item(project_id, "no_memo", person_id, who, why, today, "escalation_memo")
                )
            for memo_id, decided_on in help_asked.get(person_id, ()):
                day = decided_on or today
                why = say(_WORDS, "send_help", name=name, date=day)
                items.append(
                    _item(project_id, "help_not_sent", memo_id, who, why, day, "send_help")
                )
        elif kind is CooperationType.ROUTINE:
            if not plan.strip() and person_id not in coached:
                why = say(_WORDS, "plan", name=name)
                items.append(
                    _item(
                        project_id, "no_coaching_plan", person_id, who, why, today, "coaching_plan"
                    )
                )
            for session_id, planned, topic in talks_due.get(person_id, ()):
                if in_view(planned, today):
                    why = say(_WORDS, "session", name=name, date=planned, topic=topic)
                    items.append(
                        _item(
                            project_id,
                            "coaching_due",
                            session_id,
                            who,
                            why,
                            planned,
                            "coaching_session",
                            planned.isoformat(),
                        )
                    )
        elif kind is CooperationType.ACTIVE and not factors.strip():
            why = say(_WORDS, "factors", name=name)
            items.append(
                _item(
                    project_id,
                    "no_success_factors",
                    person_id,
                    who,
                    why,
                    today,
                    "success_factors",
                )
            )
        # People without steps have no record: nothing suggested (unclassified).
        record = records.get(person_id)
        suggested = record.suggested if record is not None else CooperationType.UNCLASSIFIED
        if CooperationType.UNCLASSIFIED not in (kind, suggested) and suggested is not kind:
            why = say(_WORDS, "differs", name=name, chosen=Label(kind), suggested=Label(suggested))
            items.append(
                _item(
                    project_id,
                    "type_differs",
                    person_id,
                    who,
                    why,
                    today,
                    "review_type",
                    suggested.value,
                )
            )
    return items


RULES = (cooperation_due,)
