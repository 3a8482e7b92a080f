"""Today marks: each rule's item done, snoozed (and back on its date) and dismissed, by
its key, in both languages; a fact that recurs is a new item (issue #19)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pmdesk import db
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    Attendee,
    ChecklistItem,
    CoachingSession,
    CooperationType,
    EscalationMemo,
    FollowUp,
    Language,
    LeadDecision,
    LeadRequest,
    Material,
    MaterialStatus,
    Meeting,
    MeetingStatus,
    MilestoneReview,
    MinutesDistribution,
    Person,
    ReviewState,
    StatusReport,
    TodayMark,
    TodayState,
)
from pmdesk.services import NotFound, ValidationProblem, today
from pmdesk.services.today import TodayItem, state
from tests.core.test_today import TODAY, Data, at, day


@pytest.fixture
def data(database: Path) -> Data:
    return Data()


def _type(data: Data, kind: CooperationType, **values: object) -> None:
    Person.update(cooperation_type=kind, **values).where(Person.id == data.staff.id).execute()


def _held(data: Data) -> Meeting:
    return Meeting.create(
        project=data.project.id,
        title="Progress review",
        starts_at=at(-1, 9),
        ends_at=at(-1, 11),
        status=MeetingStatus.HELD,
    )


def _sent(data: Data, **values: object) -> None:
    meeting = _held(data)
    MinutesDistribution.create(meeting=meeting.id, sent_at=at(0, 9), **values)
    Meeting.update(status=MeetingStatus.MINUTES_SENT).where(Meeting.id == meeting.id).execute()


def _late_steps(data: Data) -> None:
    for n in range(3):
        data.step(f"Late {n}", -5 - n)


#: For each rule's kind: data that makes one item of that kind due on TODAY.
SETUPS: dict[str, Callable[[Data], object]] = {
    "review_waiting": lambda d: MilestoneReview.create(
        project=d.project.id,
        title="Options paper",
        reviewer=d.lead.id,
        state=ReviewState.SUBMITTED,
        submitted_on=day(-5),
    ),
    "request_unanswered": lambda d: LeadRequest.create(
        project=d.project.id, text="What does IT need?", raised_on=day(-3), raised_by=d.lead.id
    ),
    "assistance_due": lambda d: d.step("Supplier extract", -4, needs_client_assistance=True),
    "late_person": lambda d: d.step("Master data", -3),
    "commitment_due": lambda d: FollowUp.create(
        project=d.project.id,
        person=d.staff.id,
        action_item=d.step("Master data", -3).id,
        follow_up_on=day(-2),
        new_commitment_date=day(1),
    ),
    "on_time": lambda d: d.step("Extract", -2, status=ActionStatus.DONE, completed_on=day(-3)),
    "unclassified": lambda d: Attendee.create(
        meeting=Meeting.create(
            project=d.project.id, title="Alignment", starts_at=at(-8), status=MeetingStatus.HELD
        ).id,
        person=d.staff.id,
    ),
    "no_memo": lambda d: _type(d, CooperationType.PASSIVE),
    "help_not_sent": lambda d: (
        _type(d, CooperationType.PASSIVE),
        EscalationMemo.create(
            person=d.staff.id,
            text="Send help?",
            written_on=day(-5),
            decision=LeadDecision.SEND_HELP,
            decided_on=day(-2),
        ),
    ),
    "no_coaching_plan": lambda d: _type(d, CooperationType.ROUTINE),
    "coaching_due": lambda d: (
        _type(d, CooperationType.ROUTINE),
        CoachingSession.create(person=d.staff.id, planned_on=day(2), topic="AP test cases"),
    ),
    "no_success_factors": lambda d: _type(d, CooperationType.ACTIVE),
    "type_differs": lambda d: (
        _type(d, CooperationType.ACTIVE, success_factors="Keen"),
        _late_steps(d),
    ),
    "checklist_step": lambda d: ChecklistItem.create(
        meeting=Meeting.create(project=d.project.id, title="Kickoff", starts_at=at(2, 9)).id,
        text="Re-confirm attendees and venue",
        due_offset_minutes=-24 * 60,
    ),
    "minutes_unsent": _held,
    "minutes_feedback": _sent,
    "minutes_revision": lambda d: _sent(d, revision_needed=True, client_feedback="Fix 3"),
    "material_feedback": lambda d: Material.create(
        project=d.project.id,
        meeting=Meeting.create(project=d.project.id, title="Kickoff", starts_at=at(3)).id,
        title="Charter",
        status=MaterialStatus.SENT,
        sent_on=day(-4),
    ),
}


CJK = re.compile("[\u4e00-\u9fff]")


def keys(found: list[TodayItem]) -> set[str]:
    return {item.key for item in found}


def the_item(data: Data, kind: str, on: int = 0) -> TodayItem:
    [item] = [i for i in today.items(data.project.id, day(on)) if i.kind == kind]
    return item


@pytest.mark.parametrize("kind", list(SETUPS))
def test_each_rules_item_is_done_snoozed_and_dismissed_by_its_key(data: Data, kind: str) -> None:
    SETUPS[kind](data)
    pid = data.project.id
    item = the_item(data, kind)
    assert item.key.startswith(f"{kind}:{pid}:{item.record_id}:")
    assert the_item(data, kind, on=2).key == item.key  # the same item on a later day
    english, chinese = item.reason(Language.EN), item.reason(Language.ZH_CN)
    assert not CJK.search(english) and CJK.search(chinese)

    # Not due before: nothing marked, nothing closed.
    assert state.closed(pid, TODAY) == []

    # Done: off the list, on the closed list, still there with include_closed.
    today.done(item)
    assert item.key not in keys(today.items(pid, TODAY))
    assert item.key not in keys(today.items(None, TODAY))
    assert item.key not in keys(today.items(pid, day(3)))  # done stays done
    [(closed, disposition)] = today.closed(pid, TODAY)
    assert closed == item and disposition.mark is TodayMark.DONE
    assert (closed.reason("en"), closed.reason("zh_CN")) == (english, chinese)
    assert item in today.items(pid, TODAY, include_closed=True)
    today.reopen(item.key)
    assert item in today.items(pid, TODAY)
    with pytest.raises(NotFound):
        today.reopen(item.key)

    # Snoozed to a date: hidden until then, back on it.
    today.snooze(item, day(2))
    assert item.key not in keys(today.items(pid, TODAY))
    assert item.key not in keys(today.items(pid, day(1)))
    assert item.key in keys(today.items(pid, day(2)))
    [(_, disposition)] = today.closed(pid, TODAY)
    assert (disposition.mark, disposition.until) == (TodayMark.SNOOZED, day(2))
    assert today.closed(pid, day(2)) == []

    # Dismissed: a reason is required; blank changes nothing.
    for blank in ("", "  \n"):
        with pytest.raises(ValidationProblem) as refused:
            today.dismiss(item, blank)
        assert refused.value.field == "reason"
    assert today.closed(pid, TODAY)[0][1].mark is TodayMark.SNOOZED
    today.dismiss(item, "  Settled on the phone  ")
    assert item.key not in keys(today.items(pid, day(2)))
    [(_, disposition)] = today.closed(pid, day(2))
    assert (disposition.mark, disposition.reason) == (TodayMark.DISMISSED, "Settled on the phone")
    assert TodayState.select().count() == 1  # one mark per item, changed in place

    # The database keeps it: closed and opened again.
    path = db.state.path if db.state is not None else None
    if path is not None:
        db.close_database()
        db.open_database(path)
        assert item.key not in keys(today.items(pid, TODAY))
    assert today.find(item.key, TODAY) == item


def test_a_mark_is_for_that_occurrence_a_recurring_fact_is_a_new_item(data: Data) -> None:
    pid = data.project.id
    step = data.step("Supplier extract", -4, needs_client_assistance=True)
    chased = the_item(data, "assistance_due")
    late = the_item(data, "late_person")
    today.done(chased)
    today.dismiss(late, "Talked in the corridor")
    assert keys(today.items(pid, TODAY)) & {chased.key, late.key} == set()
    # The step is moved to a new date and is late again: chase it again.
    ActionItem.update(due_date=day(-1)).where(ActionItem.id == step.id).execute()
    again = the_item(data, "assistance_due")
    assert again.key != chased.key
    # Another step of the same person falls late: follow them up again.
    data.step("Vendor list", -1)
    assert the_item(data, "late_person").key != late.key
    # Praise: thanked once until the next report, then again for the next period.
    data.step("Extract", -2, owner=data.lead, status=ActionStatus.DONE, completed_on=day(-3))
    thanked = the_item(data, "on_time")
    today.done(thanked)
    assert not [i for i in today.items(pid, day(1)) if i.kind == "on_time"]
    StatusReport.create(project=pid, period_start=day(-9), period_end=day(-4))
    assert the_item(data, "on_time").key != thanked.key


def test_find_names_a_missing_or_malformed_key(data: Data) -> None:
    for key in ("nonsense", "late_person:x:1::", f"late_person:{data.project.id}:1::"):
        with pytest.raises(NotFound):
            today.find(key, TODAY)
    with pytest.raises(NotFound):
        today.find("late_person:999:1::", TODAY)


def test_marks_go_with_their_project(data: Data) -> None:
    data.step("Master data", -3)
    today.done(the_item(data, "late_person"))
    assert TodayState.select().count() == 1
    from pmdesk.services import projects

    projects.delete_project(data.project.id)
    assert TodayState.select().count() == 0


def test_every_project_at_once_is_each_project_on_its_own(database: Path) -> None:
    """The rules read all projects in one query each: nothing crosses between them."""
    first, second = Data(), Data()
    for kind, setup in SETUPS.items():
        setup(first)
        if kind not in ("no_memo", "no_coaching_plan"):  # one cooperation type per person
            setup(second)
    together = today.items(None, TODAY)
    alone = [today.items(d.project.id, TODAY) for d in (first, second)]
    assert len(together) == sum(len(found) for found in alone) > 2 * 10
    assert sorted(together, key=lambda i: i.key) == sorted(
        [*alone[0], *alone[1]], key=lambda i: i.key
    )
    for data, found in zip((first, second), alone, strict=True):
        people = {p.id for p in Person.select().where(Person.project == data.project.id)}
        assert {i.project_id for i in found} == {data.project.id}
        assert {i.person_id for i in found} - {None} <= people
