"""Stakeholder analysis: the register, the grid, cooperation types and the method's playbook.

Everything here is internal (METHOD.md §1, §4): who the client's people are, how they
engage, which cooperation type each staff member is and why, and what the PM does about
it — success factors for the active, an escalation memo for the passive, one-on-one
coaching for the routine — plus the private follow-up log.

Changing a person's engagement or cooperation type writes a dated `Assessment` in the
same transaction, so the analysis is a history and not only a value. Each write returns
enough to undo and redo it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from peewee import JOIN, IntegrityError, Model

from pmdesk.db import transaction
from pmdesk.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionSource,
    ActionStatus,
    Assessment,
    CoachingSession,
    CooperationType,
    Engagement,
    EscalationMemo,
    EscalationOption,
    FollowUp,
    Language,
    LeadDecision,
    Person,
    Priority,
    Role,
    Side,
)
from pmdesk.services.common import (
    Changes,
    EditConflict,
    FieldEdit,
    ValidationProblem,
    edit_fields,
    get_or_fail,
    update_as_read,
)
from pmdesk.services.people import next_seniority
from pmdesk.services.validation import clean_values
from pmdesk.vocabulary import label

#: The marking every internal file carries, in both languages whatever the file's own.
CONFIDENTIAL = "Internal — confidential / 内部资料 严禁外传"


def _ref(record: Model, name: str) -> int:
    """The id a foreign key holds, without loading the record it points at."""
    return int(record.__data__[name])


# --- Common causes -------------------------------------------------------------------


class CauseFactor(NamedTuple):
    """A common reason behind a cooperation type; `helps` if it makes people willing."""

    key: str
    english: str
    chinese: str
    helps: bool


#: The short list offered as checkboxes; anything else goes in the free-text causes.
CAUSE_FACTORS: tuple[CauseFactor, ...] = (
    CauseFactor(
        "sees_benefit", "Sees the benefit for their own work", "看到项目对本职工作的好处", True
    ),
    CauseFactor("personal_recognition", "Values personal recognition", "看重个人认可", True),
    CauseFactor("leader_backing", "Backed by their own leader", "直属领导重视支持", True),
    CauseFactor(
        "clear_instructions", "Clear instructions and deadlines", "任务和时间节点清晰", True
    ),
    CauseFactor("good_rapport", "Good rapport with the team", "与顾问组关系融洽", True),
    CauseFactor("workload", "Too much day-to-day work", "本职工作繁忙", False),
    CauseFactor("unclear_role", "Unclear role or task", "职责或任务不清楚", False),
    CauseFactor("no_incentive", "No incentive or recognition", "缺少激励", False),
    CauseFactor("skills_gap", "Lacks the skills or system access", "技能或系统权限不足", False),
    CauseFactor("leader_priority", "Not a priority for their leader", "直属领导不重视", False),
    CauseFactor("change_resistance", "Worried by or resists the change", "担心或抵触变革", False),
    CauseFactor("timing_conflict", "Clashes with their busy periods", "与业务高峰期冲突", False),
)
_FACTORS = {factor.key: factor for factor in CAUSE_FACTORS}


def cause_factor_label(key: str, language: Language | str = Language.EN) -> str:
    """How a cause factor reads; an unknown key (from a newer version) reads as itself."""
    factor = _FACTORS.get(key)
    if factor is None:
        return key
    return factor.chinese if Language(language) is Language.ZH_CN else factor.english


def parse_cause_factors(stored: str) -> list[str]:
    """The factor keys stored on a person (a JSON list); bad or empty text gives []."""
    if not stored.strip():
        return []
    try:
        keys = json.loads(stored)
    except ValueError:
        return []
    return [k for k in keys if isinstance(k, str)] if isinstance(keys, list) else []


def dump_cause_factors(keys: Iterable[str]) -> str:
    """Store factor keys in the list's order; unknown keys are refused."""
    chosen = set(keys)
    unknown = sorted(chosen - set(_FACTORS))
    if unknown:
        raise ValidationProblem("cause_factors", f"unknown factor {', '.join(unknown)}")
    return json.dumps([f.key for f in CAUSE_FACTORS if f.key in chosen]) if chosen else ""


# --- The on-time record and the suggested type -----------------------------------------

#: Fewer judged deadlines than this: too little history to suggest a type.
MIN_HISTORY = 3
#: At least this share met on time (with enough history): active.
ACTIVE_RATE = 0.8
#: At most this share met on time, or this many overdue items: passive.
PASSIVE_RATE = 0.5
PASSIVE_OVERDUE = 2


class ActionHistory(NamedTuple):
    """What the suggestion needs of one action item."""

    due: dt.date | None
    completed_on: dt.date | None
    status: str
    carried_over: int = 0


class OnTimeRecord(NamedTuple):
    """A person's record on their deadlines and the cooperation type it suggests."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    carried_over: int = 0
    not_due: int = 0
    suggested: CooperationType = CooperationType.UNCLASSIFIED

    @property
    def judged(self) -> int:
        """Deadlines that have passed: met on time, met late, missed (still open or moved)."""
        return self.on_time + self.late + self.overdue + self.carried_over

    @property
    def rate(self) -> float | None:
        return self.on_time / self.judged if self.judged else None

    @property
    def enough_history(self) -> bool:
        return self.judged >= MIN_HISTORY


def suggest_cooperation_type(
    items: Iterable[ActionHistory | tuple[Any, ...]], today: dt.date
) -> OnTimeRecord:
    """Suggest a cooperation type from a person's on-time record on their action items.

    Each item is (due, completed_on, status[, times carried over]). Counted as deadlines:
    done on or before the due date (on time), done after it (late), still open past it
    (overdue), and every carry-over (a deadline missed and moved). Items not yet due,
    without a due date, or cancelled are not judged. The rule:

    - fewer than 3 judged deadlines: unclassified (not enough history);
    - 2 or more overdue items, or at most 50% on time: passive;
    - at least 80% on time: active;
    - otherwise: routine.
    """
    on_time = late = overdue = carried = not_due = 0
    for raw in items:
        item = ActionHistory(*raw)
        status = ActionStatus(item.status)
        if status is ActionStatus.CANCELLED:
            continue
        carried += max(item.carried_over, 0)
        if status is ActionStatus.DONE:
            if item.due is None or item.completed_on is None:
                not_due += 1
            elif item.completed_on <= item.due:
                on_time += 1
            else:
                late += 1
        elif item.due is not None and item.due < today:
            overdue += 1
        else:
            not_due += 1
    return record_of(on_time, late, overdue, carried, not_due)


def record_of(on_time: int, late: int, overdue: int, carried: int, not_due: int) -> OnTimeRecord:
    """The record of these counts and the type it suggests (the rule above); for callers
    that count in SQL."""
    record = OnTimeRecord(on_time, late, overdue, carried, not_due)
    rate = record.rate
    if not record.enough_history or rate is None:
        suggested = CooperationType.UNCLASSIFIED
    elif overdue >= PASSIVE_OVERDUE or rate <= PASSIVE_RATE:
        suggested = CooperationType.PASSIVE
    elif rate >= ACTIVE_RATE:
        suggested = CooperationType.ACTIVE
    else:
        suggested = CooperationType.ROUTINE
    return OnTimeRecord(on_time, late, overdue, carried, not_due, suggested)


#: What the suggestion reads of a step: the columns of `ActionHistory`, nothing else
#: (a whole step is 28 values; on 1,000 steps most of opening the register, issue #20).
_HISTORY = (
    ActionItem.due_date,
    ActionItem.completed_on,
    ActionItem.status,
    ActionItem.carry_over_count,
)


def on_time_record(person_id: int, today: dt.date) -> OnTimeRecord:
    rows: Any = ActionItem.select(*_HISTORY).where(ActionItem.owner == person_id).tuples()
    return suggest_cooperation_type((ActionHistory(*row) for row in rows), today)


def on_time_records(project_id: int, today: dt.date) -> dict[int, OnTimeRecord]:
    """Every person's record in the project, in one query (people without items: empty)."""
    owned: dict[int, list[ActionHistory]] = {}
    rows: Any = (
        ActionItem.select(ActionItem.owner, *_HISTORY)
        .where((ActionItem.project == project_id) & ActionItem.owner.is_null(False))
        .tuples()
    )
    for owner, *history in rows:
        owned.setdefault(owner, []).append(ActionHistory(*history))
    people: Any = Person.select(Person.id).where(Person.project == project_id).tuples()
    return {pid: suggest_cooperation_type(owned.get(pid, []), today) for (pid,) in people}


# --- Engagement and the power/interest grid -----------------------------------------

ENGAGEMENT_ORDER = list(Engagement)


def engagement_gap(person: Person) -> int | None:
    """Steps from current to desired engagement (positive: must move up); None if unset."""
    if not person.engagement_current or not person.engagement_desired:
        return None
    current = ENGAGEMENT_ORDER.index(Engagement(person.engagement_current))
    return ENGAGEMENT_ORDER.index(Engagement(person.engagement_desired)) - current


def engagement_matrix(
    people: Iterable[Person],
) -> dict[tuple[Engagement, Engagement], list[Person]]:
    """People by (current, desired) engagement; those without both are left out."""
    cells: dict[tuple[Engagement, Engagement], list[Person]] = {}
    for person in people:
        if person.engagement_current and person.engagement_desired:
            key = (Engagement(person.engagement_current), Engagement(person.engagement_desired))
            cells.setdefault(key, []).append(person)
    return cells


class Quadrant(StrEnum):
    MANAGE_CLOSELY = "manage_closely"
    KEEP_SATISFIED = "keep_satisfied"
    KEEP_INFORMED = "keep_informed"
    MONITOR = "monitor"


#: Influence or interest from this score up counts as high.
HIGH_SCORE = 4

QUADRANT_WORDS: dict[Quadrant, tuple[str, str]] = {
    Quadrant.MANAGE_CLOSELY: ("Manage closely", "重点管理"),
    Quadrant.KEEP_SATISFIED: ("Keep satisfied", "令其满意"),
    Quadrant.KEEP_INFORMED: ("Keep informed", "随时告知"),
    Quadrant.MONITOR: ("Monitor", "持续关注"),
}


def quadrant(influence: int, interest: int) -> Quadrant:
    high_influence, high_interest = influence >= HIGH_SCORE, interest >= HIGH_SCORE
    if high_influence:
        return Quadrant.MANAGE_CLOSELY if high_interest else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if high_interest else Quadrant.MONITOR


def quadrant_label(value: Quadrant, language: Language | str = Language.EN) -> str:
    english, chinese = QUADRANT_WORDS[value]
    return chinese if Language(language) is Language.ZH_CN else english


# --- The register --------------------------------------------------------------------

_TEXT_FIELDS = (
    "name",
    "org_unit",
    "title",
    "email",
    "phone",
    "causes",
    "strategy",
    "next_action",
    "success_factors",
    "coaching_plan",
)
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "side": Side,
    "role": Role,
    "engagement_current": Engagement,
    "engagement_desired": Engagement,
    "cooperation_type": CooperationType,
}
_SCORE_FIELDS = ("influence", "interest")
PERSON_FIELDS = (*_TEXT_FIELDS, *_ENUM_FIELDS, *_SCORE_FIELDS, "cause_factors")
#: A change of one of these is kept as a dated assessment.
ASSESSED_FIELDS = ("engagement_current", "cooperation_type")
_ROLE_SIDE = {
    Role.CLIENT_LEAD: Side.CLIENT,
    Role.CLIENT_LEADER: Side.CLIENT,
    Role.COOPERATING_STAFF: Side.CLIENT,
    Role.CONSULTANT_PM: Side.CONSULTANT,
    Role.CONSULTANT_MEMBER: Side.CONSULTANT,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def side_of(role: Role | str) -> Side:
    """The side a project role belongs to."""
    return _ROLE_SIDE[Role(role)]


def clean_person_values(values: dict[str, Any]) -> dict[str, Any]:
    """Checked, normalised field values; ValidationProblem names the first bad field."""
    clean: dict[str, Any] = {}
    for name, value in values.items():
        if name not in PERSON_FIELDS:
            raise ValidationProblem(name, "no such field")
        if name in _TEXT_FIELDS:
            text = clean_values(Person, {name: str(value or "")})[name]
            if name == "email" and text and not _EMAIL.match(text):
                raise ValidationProblem(name, "not an email address")
            clean[name] = text
        elif name in _ENUM_FIELDS:
            enum = _ENUM_FIELDS[name]
            if value in (None, "") and name.startswith("engagement"):
                clean[name] = None
                continue
            try:
                clean[name] = enum(value).value
            except ValueError:
                raise ValidationProblem(name, "not one of the allowed values") from None
        elif name in _SCORE_FIELDS:
            try:
                score = int(value)
            except (TypeError, ValueError):
                raise ValidationProblem(name, "must be a whole number from 1 to 5") from None
            if not 1 <= score <= 5:
                raise ValidationProblem(name, "must be between 1 and 5")
            clean[name] = score
        else:  # cause_factors: a list of keys, or their stored JSON
            keys = parse_cause_factors(value) if isinstance(value, str) else list(value or [])
            clean[name] = dump_cause_factors(keys)
    return clean


def _check_side(values: dict[str, Any]) -> None:
    if "role" in values and "side" in values and side_of(values["role"]) != values["side"]:
        raise ValidationProblem("role", "belongs to the other side")


def _assessment_row(
    person: Person, when: dt.datetime, source: str, comment: str, note_id: int | None
) -> Assessment:
    cooperation = person.cooperation_type
    staff = person.role == Role.COOPERATING_STAFF
    return Assessment.create(
        person=person.id,
        assessed_at=when,
        engagement=person.engagement_current,
        cooperation_type=cooperation
        if staff or cooperation != CooperationType.UNCLASSIFIED
        else None,
        note=note_id,
        **clean_values(Assessment, {"source": source.strip()[:300], "comment": comment}),
    )


def add_person(
    project_id: int,
    values: dict[str, Any],
    *,
    when: dt.datetime | None = None,
    source: str = "",
) -> tuple[Person, Changes]:
    """Add someone to the register; their first engagement/type starts their history."""
    clean = clean_person_values(values)
    if "name" not in clean:
        raise ValidationProblem("name", "cannot be empty")
    if "role" in clean and "side" not in clean:
        clean["side"] = side_of(clean["role"]).value
    _check_side(clean)
    try:
        with transaction():
            clean.setdefault("seniority", next_seniority(project_id))
            person = Person.create(project=project_id, **clean)
            if person.engagement_current or person.cooperation_type != CooperationType.UNCLASSIFIED:
                _assessment_row(person, when or dt.datetime.now(), source, "", None)
    except IntegrityError as exc:
        raise ValidationProblem("person", f"not saved ({exc})") from exc
    return person, Changes.of(Person, Assessment, project_id=project_id)


class PersonChange(NamedTuple):
    """One edit of a person: field values before and after, and the assessment it wrote."""

    person_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    assessment: dict[str, Any] | None = None

    @property
    def changes(self) -> Changes:
        return Changes.of(Person, Assessment)


def update_person(
    person_id: int,
    values: dict[str, Any],
    *,
    when: dt.datetime | None = None,
    source: str = "",
    comment: str = "",
    note_id: int | None = None,
    version: int | None = None,
) -> PersonChange | None:
    """Change a person's fields; a new engagement or type is kept as an assessment.

    Returns None when nothing actually changed (no edit, no history row). `version`:
    the person's row_version as the user saw it (see common.EditConflict).
    """
    clean = clean_person_values(values)
    try:
        with transaction():
            person = get_or_fail(Person, person_id)
            if version is not None and person.row_version != version:
                raise EditConflict(Person, person)
            changed = {n: v for n, v in clean.items() if getattr(person, n) != v}
            if not changed:
                return None
            merged = {"side": person.side, "role": person.role} | changed
            _check_side(merged)
            if "role" in changed:  # a new role: last of its people, until the PM moves them
                changed["seniority"] = next_seniority(person.__data__["project"])
            before = {n: getattr(person, n) for n in changed}
            update_as_read(Person, person, changed)
            for name, value in changed.items():
                setattr(person, name, value)
            row = None
            if any(n in changed for n in ASSESSED_FIELDS):
                assessment = _assessment_row(
                    person, when or dt.datetime.now(), source, comment, note_id
                )
                row = dict(assessment.__data__)
    except IntegrityError as exc:
        raise ValidationProblem(", ".join(clean), f"not saved ({exc})") from exc
    return PersonChange(person_id, before, changed, row)


def redo_person_change(change: PersonChange) -> None:
    with transaction():
        Person.update(change.after).where(Person.id == change.person_id).execute()
        if change.assessment is not None:
            Assessment.insert(**change.assessment).execute()


def undo_person_change(change: PersonChange) -> None:
    with transaction():
        Person.update(change.before).where(Person.id == change.person_id).execute()
        if change.assessment is not None:
            Assessment.delete().where(Assessment.id == change.assessment["id"]).execute()


def people_in(project_id: int, ids: Sequence[int]) -> list[Person]:
    return list(Person.select().where((Person.project == project_id) & Person.id.in_(ids)))


# --- Active: success factors and where to carry them over ------------------------------

#: Marks a line in a person's strategy that carries over another person's success factors.
CARRY_OVER_MARK = "↳"


def carry_over_line(source: Person) -> str:
    factors = " ".join(source.success_factors.split())
    return f"{CARRY_OVER_MARK} {source.name}: {factors}"


def carried_over_to(source: Person) -> list[Person]:
    """People whose strategy already carries over `source`'s success factors."""
    mark = f"{CARRY_OVER_MARK} {source.name}:"
    return [
        p
        for p in Person.select().where(
            (Person.project == _ref(source, "project")) & (Person.id != source.id)
        )
        if any(line.startswith(mark) for line in p.strategy.splitlines())
    ]


def carry_over_success_factors(
    source_id: int, target_ids: Sequence[int], *, when: dt.datetime | None = None
) -> list[PersonChange]:
    """Add (or refresh) a line in each target's strategy with the source's success factors."""
    source = get_or_fail(Person, source_id)
    if not source.success_factors.strip():
        raise ValidationProblem("success_factors", "record the success factors first")
    if not target_ids:
        raise ValidationProblem("carry_over_to", "choose at least one person")
    line = carry_over_line(source)
    mark = f"{CARRY_OVER_MARK} {source.name}:"
    out: list[PersonChange] = []
    with transaction():
        for target in people_in(_ref(source, "project"), target_ids):
            if target.id == source.id:
                continue
            kept = [ln for ln in target.strategy.splitlines() if not ln.startswith(mark)]
            strategy = "\n".join([*([ln for ln in kept if ln.strip()]), line])
            change = update_person(target.id, {"strategy": strategy}, when=when)
            if change is not None:
                out.append(change)
    return out


# --- Passive: the escalation memo to the client lead ----------------------------------

_MEMO_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "greeting": "Dear {lead},",
        "opening": (
            "I would like your view on how {name} ({title}) can best be supported on the project."
        ),
        "record": (
            "Deadlines so far: {judged}; met on time: {on_time}, late: {late}, missed or "
            "moved: {missed}. Overdue now: {overdue}."
        ),
        "no_record": "There is not yet enough history on deadlines to judge.",
        "causes": "What we see behind it: {causes}",
        "incentive": (
            "Proposal: could {name}'s contribution be recognised — for example in their "
            "objectives or by their manager — so the project work counts for them?"
        ),
        "replace": (
            "Proposal: could another colleague with the same knowledge take over {name}'s "
            "project tasks, so the plan can be kept?"
        ),
        "send_help": (
            "Proposal: one of our consultants works alongside {name} at the key steps, so the "
            "next deadlines are met without adding to their load."
        ),
        "closing": "I would be glad to discuss it at your convenience. Kind regards,",
        "sep": "; ",
    },
    Language.ZH_CN: {
        "greeting": "{lead}：",
        "opening": "关于{name}（{title}）在项目中的配合情况，想听听您的意见。",
        "record": (
            "截至目前共有{judged}个时间节点，按时完成{on_time}个，延期完成{late}个，"
            "未按期完成或改期{missed}个；当前有{overdue}项已逾期。"
        ),
        "no_record": "目前时间节点记录还不多，暂不足以判断。",
        "causes": "我们了解到的原因：{causes}",
        "incentive": (
            "建议：能否对{name}的投入给予认可或激励（如纳入绩效考核、由部门领导肯定），"
            "让项目工作对其也有价值？"
        ),
        "replace": "建议：能否安排一位熟悉业务的同事接手{name}的项目任务，以保证计划按期推进？",
        "send_help": (
            "建议：由我方顾问在关键环节协助{name}完成工作，"
            "在不增加其负担的前提下保证后续节点按期完成。"
        ),
        "closing": "以上想法供您参考，方便时当面沟通。谢谢！",
        "sep": "；",
    },
}


def draft_memo_text(
    person: Person,
    proposal: EscalationOption,
    record: OnTimeRecord,
    language: Language,
    lead_name: str = "",
) -> str:
    """The memo's text, prefilled from the person's causes and on-time record."""
    words = _MEMO_WORDS[Language(language)]
    name, title = person.name, person.title or label(Role(person.role), language)
    factors = [
        cause_factor_label(k, language)
        for k in parse_cause_factors(person.cause_factors)
        if not _FACTORS.get(k, CauseFactor(k, k, k, False)).helps
    ]
    causes = words["sep"].join(
        [*factors, *([person.causes.strip()] if person.causes.strip() else [])]
    )
    if record.judged:
        numbers = words["record"].format(
            judged=record.judged,
            on_time=record.on_time,
            late=record.late,
            missed=record.overdue + record.carried_over,
            overdue=record.overdue,
        )
    else:
        numbers = words["no_record"]
    parts = [
        words["greeting"].format(lead=lead_name) if lead_name else "",
        words["opening"].format(name=name, title=title),
        numbers,
        words["causes"].format(causes=causes) if causes else "",
        words[EscalationOption(proposal).value].format(name=name),
        words["closing"],
    ]
    return "\n\n".join(p for p in parts if p)


def memo_cause(person: Person, language: Language) -> str:
    """A one-line cause for the memo list: the hindering factors, else the free text."""
    words = _MEMO_WORDS[Language(language)]
    factors = [
        cause_factor_label(k, language)
        for k in parse_cause_factors(person.cause_factors)
        if k in _FACTORS and not _FACTORS[k].helps
    ]
    return words["sep"].join(factors) or person.causes.strip()


def client_lead(project_id: int) -> Person | None:
    return (
        Person.select()
        .where((Person.project == project_id) & (Person.role == Role.CLIENT_LEAD))
        .order_by(Person.id)
        .first()
    )


def escalations(person_id: int) -> list[EscalationMemo]:
    return list(
        EscalationMemo.select(EscalationMemo, ActionItem)
        .join(ActionItem, JOIN.LEFT_OUTER, on=(EscalationMemo.help_action == ActionItem.id))
        .where(EscalationMemo.person == person_id)
        .order_by(EscalationMemo.written_on.desc(), EscalationMemo.id.desc())
    )


def create_escalation(
    person_id: int,
    *,
    proposal: EscalationOption | str,
    cause: str,
    text: str,
    written_on: dt.date,
    sent_on: dt.date | None = None,
) -> EscalationMemo:
    """Write a memo to the client lead about a passive staff member."""
    try:
        option = EscalationOption(proposal)
    except ValueError:
        raise ValidationProblem("proposal", "not one of the allowed values") from None
    if not text.strip():
        raise ValidationProblem("text", "the memo needs a text")
    if sent_on is not None and sent_on < written_on:
        raise ValidationProblem("sent_on", "cannot be before the memo was written")
    texts = clean_values(EscalationMemo, {"cause": cause, "text": text})
    with transaction():
        get_or_fail(Person, person_id)
        return EscalationMemo.create(
            person=person_id,
            proposal=option.value,
            **texts,
            written_on=written_on,
            sent_on=sent_on,
        )


def decide_escalation(
    memo_id: int, decision: LeadDecision | str, decided_on: dt.date | None, note: str = ""
) -> FieldEdit:
    """Record the client lead's decision on a memo (pending clears the date)."""
    try:
        chosen = LeadDecision(decision)
    except ValueError:
        raise ValidationProblem("decision", "not one of the allowed values") from None
    memo = get_or_fail(EscalationMemo, memo_id)
    if chosen is LeadDecision.PENDING:
        decided_on = None
    elif decided_on is None:
        raise ValidationProblem("decided_on", "give the date of the lead's decision")
    elif decided_on < memo.written_on:
        raise ValidationProblem("decided_on", "cannot be before the memo was written")
    values = {"decision": chosen.value, "decided_on": decided_on, "decision_note": note.strip()}
    return edit_fields(EscalationMemo, memo_id, values)


def help_title(person: Person, language: Language) -> str:
    """A default title for the send-help action: 'Help X with …' their open work."""
    open_items = [
        a.title
        for a in ActionItem.select()
        .where((ActionItem.owner == person.id) & ActionItem.status.in_(OPEN_ACTION_STATUSES))
        .order_by(ActionItem.due_date.asc(nulls="LAST"))
    ]
    if Language(language) is Language.ZH_CN:
        return f"协助{person.name}完成：{open_items[0]}" if open_items else f"协助{person.name}"
    return f"Help {person.name} with: {open_items[0]}" if open_items else f"Help {person.name}"


def send_help(memo_id: int, helper_id: int, title: str, due: dt.date | None) -> ActionItem:
    """Create the action for a consultant to help the memo's person, linked to the memo."""
    title = title.strip()
    if not title:
        raise ValidationProblem("title", "the help action needs a title")
    if due is None:
        raise ValidationProblem("due_date", "give the date the help is due")
    title = clean_values(ActionItem, {"title": title})["title"]
    with transaction():
        memo = get_or_fail(EscalationMemo, memo_id)
        person = get_or_fail(Person, _ref(memo, "person"))
        helper = get_or_fail(Person, helper_id)
        if _ref(helper, "project") != _ref(person, "project") or helper.side != Side.CONSULTANT:
            raise ValidationProblem("owner", "choose a consultant of this project")
        action = ActionItem.create(
            project=_ref(person, "project"),
            title=title,
            owner=helper.id,
            start_date=memo.decided_on or memo.written_on,
            due_date=due,
            status=ActionStatus.OPEN.value,
            source=ActionSource.MANUAL.value,
            priority=Priority.HIGH.value,
        )
        memo.help_action = action
        memo.save(only=[EscalationMemo.help_action])
    return action


# --- Routine: one-on-one coaching ------------------------------------------------------


def coaching_sessions(person_id: int) -> list[CoachingSession]:
    sessions = list(CoachingSession.select().where(CoachingSession.person == person_id))
    sessions.sort(key=lambda s: (s.held_on or s.planned_on or dt.date.max, s.id))
    return sessions


def _check_session(planned_on: dt.date | None, held_on: dt.date | None, topic: str) -> None:
    if not topic.strip():
        raise ValidationProblem("topic", "say what the talk is about")
    if planned_on is None and held_on is None:
        raise ValidationProblem("planned_on", "give a planned or a held date")


def add_coaching_session(
    person_id: int,
    *,
    topic: str,
    planned_on: dt.date | None = None,
    held_on: dt.date | None = None,
    notes: str = "",
) -> CoachingSession:
    _check_session(planned_on, held_on, topic)
    texts = clean_values(CoachingSession, {"topic": topic, "notes": notes})
    with transaction():
        get_or_fail(Person, person_id)
        return CoachingSession.create(
            person=person_id, planned_on=planned_on, held_on=held_on, **texts
        )


def update_coaching_session(session_id: int, values: dict[str, Any]) -> FieldEdit:
    session = get_or_fail(CoachingSession, session_id)
    merged = {
        "planned_on": session.planned_on,
        "held_on": session.held_on,
        "topic": session.topic,
    } | values
    _check_session(merged["planned_on"], merged["held_on"], str(merged["topic"]))
    if "topic" in values:
        values = values | {"topic": str(values["topic"]).strip()}
    return edit_fields(CoachingSession, session_id, values)


# --- The private follow-up log ---------------------------------------------------------


def follow_ups(project_id: int, person_id: int | None = None) -> list[FollowUp]:
    query = (
        FollowUp.select(FollowUp, Person)
        .join(Person)
        .where(FollowUp.project == project_id)
        .order_by(FollowUp.follow_up_on.desc(), FollowUp.id.desc())
    )
    if person_id is not None:
        query = query.where(FollowUp.person == person_id)
    return list(query)


def _check_follow_up(values: dict[str, Any]) -> None:
    if values.get("follow_up_on") is None:
        raise ValidationProblem("follow_up_on", "give the date of the follow-up")
    if not str(values.get("reason", "")).strip():
        raise ValidationProblem("reason", "say why you followed up")
    new_date = values.get("new_commitment_date")
    if new_date is not None and new_date < values["follow_up_on"]:
        raise ValidationProblem("new_commitment_date", "cannot be before the follow-up")


def add_follow_up(
    project_id: int,
    person_id: int,
    *,
    follow_up_on: dt.date,
    reason: str,
    outcome: str = "",
    new_commitment_date: dt.date | None = None,
    action_item_id: int | None = None,
) -> FollowUp:
    """Log a private follow-up with someone: why, what came of it, the new date agreed."""
    values = {
        "follow_up_on": follow_up_on,
        "reason": reason,
        "new_commitment_date": new_commitment_date,
    }
    _check_follow_up(values)
    texts = clean_values(FollowUp, {"reason": reason, "outcome": outcome})
    with transaction():
        person = get_or_fail(Person, person_id)
        if _ref(person, "project") != project_id:
            raise ValidationProblem("person", "not in this project")
        if action_item_id is not None:
            action = get_or_fail(ActionItem, action_item_id)
            if _ref(action, "project") != project_id:
                raise ValidationProblem("action_item", "not in this project")
        return FollowUp.create(
            project=project_id,
            person=person_id,
            action_item=action_item_id,
            follow_up_on=follow_up_on,
            **texts,
            new_commitment_date=new_commitment_date,
        )


def update_follow_up(follow_up_id: int, values: dict[str, Any]) -> FieldEdit:
    record = get_or_fail(FollowUp, follow_up_id)
    merged = {
        "follow_up_on": record.follow_up_on,
        "reason": record.reason,
        "new_commitment_date": record.new_commitment_date,
    } | values
    _check_follow_up(merged)
    if "person" in values:
        person = get_or_fail(Person, int(values["person"]))
        if _ref(person, "project") != _ref(record, "project"):
            raise ValidationProblem("person", "not in this project")
    stripped = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    return edit_fields(FollowUp, follow_up_id, stripped)
