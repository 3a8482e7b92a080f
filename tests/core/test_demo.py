"""The demo project: what PRODUCT.md promises someone who opens it, in both languages.

Every test uses its own temporary database and a fixed `today`, so "overdue" and "ahead"
are checked against that date, never against the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import (
    ALL_MODELS,
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Assessment,
    Attendee,
    ChangeRecord,
    ChecklistItem,
    CooperationType,
    FollowUp,
    KickoffPurpose,
    Language,
    LeaderPriority,
    LeaderPriorityNote,
    LeadRequest,
    Material,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneReview,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
    Phase,
    Project,
    ProjectStatus,
    Purpose,
    PurposeNote,
    RequestStatus,
    ReviewState,
    Role,
    Rsvp,
    ScopeItem,
    Side,
    StatusReport,
)
from pmdesk.services import reports, stakeholders

TODAY = dt.date(2025, 3, 12)  # a Wednesday: the kickoff (today + 3) falls on a Saturday
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[None]:
    db.open_database(tmp_path / "t.db")
    yield
    db.close_database()


def _kickoff(project_id: int) -> Meeting:
    return Meeting.get((Meeting.project == project_id) & (Meeting.kind == MeetingKind.KICKOFF))


def _people(project_id: int, role: Role) -> list[Person]:
    return list(Person.select().where((Person.project == project_id) & (Person.role == role)))


def _actions(project_id: int) -> list[ActionItem]:
    return list(ActionItem.select().where(ActionItem.project == project_id))


def _counts(project_id: int) -> dict[str, int]:
    """Rows per model that belong to the project (directly or through a parent)."""
    meetings = Meeting.select(Meeting.id).where(Meeting.project == project_id)
    people = Person.select(Person.id).where(Person.project == project_id)
    notes = Note.select(Note.id).where(Note.meeting.in_(meetings))
    priorities = LeaderPriority.select(LeaderPriority.id).where(LeaderPriority.person.in_(people))
    by_project: list[Any] = [
        ScopeItem,
        Outcome,
        Person,
        Meeting,
        Material,
        LeadRequest,
        ActionItem,
        MilestoneReview,
        FollowUp,
        StatusReport,
    ]
    by_meeting: list[Any] = [
        AgendaItem,
        Attendee,
        Purpose,
        ChecklistItem,
        ChangeRecord,
        Note,
        MinutesDistribution,
    ]
    counts = {m.__name__: m.select().where(m.project == project_id).count() for m in by_project}
    counts |= {m.__name__: m.select().where(m.meeting.in_(meetings)).count() for m in by_meeting}
    counts["Assessment"] = Assessment.select().where(Assessment.person.in_(people)).count()
    counts["LeaderPriority"] = priorities.count()
    counts["LeaderPriorityNote"] = (
        LeaderPriorityNote.select().where(LeaderPriorityNote.priority.in_(priorities)).count()
    )
    counts["PurposeNote"] = PurposeNote.select().where(PurposeNote.note.in_(notes)).count()
    return counts


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize("language", list(Language))
def test_demo_has_what_product_md_promises(language: Language) -> None:
    pid = create_demo_project(language, today=TODAY)
    project = Project.get_by_id(pid)
    assert project.status == ProjectStatus.ACTIVE
    assert project.document_language == language
    assert project.client_org and project.code and project.description
    assert project.start_date <= TODAY <= project.end_date

    scope = list(ScopeItem.select().where(ScopeItem.project == pid))
    assert sum(s.in_scope for s in scope) >= 3
    assert sum(not s.in_scope for s in scope) >= 2
    assert 4 <= Outcome.select().where(Outcome.project == pid).count() <= 5

    # People: one lead, three leaders, six staff (two of each type), four consultants.
    assert len(_people(pid, Role.CLIENT_LEAD)) == 1
    leaders = _people(pid, Role.CLIENT_LEADER)
    assert len(leaders) == 3
    staff = _people(pid, Role.COOPERATING_STAFF)
    assert Counter(p.cooperation_type for p in staff) == {
        CooperationType.ACTIVE: 2,
        CooperationType.PASSIVE: 2,
        CooperationType.ROUTINE: 2,
    }
    assert all(p.causes and p.strategy and p.next_action for p in staff)
    consultants = list(
        Person.select().where((Person.project == pid) & (Person.side == Side.CONSULTANT))
    )
    assert Counter(p.role for p in consultants) == {
        Role.CONSULTANT_PM: 1,
        Role.CONSULTANT_MEMBER: 3,
    }
    client = list(Person.select().where((Person.project == pid) & (Person.side == Side.CLIENT)))
    assert len(client) == 10
    assert all(p.email.endswith((".example.com", ".example.cn")) and p.phone for p in client)
    assert all(p.engagement_current and p.engagement_desired for p in client)
    quadrants = {(p.influence >= 4, p.interest >= 4) for p in client}
    assert len(quadrants) == 4, "the power/interest grid has people in every quadrant"

    # The kickoff: a few days ahead, four purposes, a half-done checklist.
    kickoff = _kickoff(pid)
    assert kickoff.status == MeetingStatus.CONFIRMED
    assert TODAY < kickoff.starts_at.date() <= TODAY + dt.timedelta(days=7)
    assert kickoff.starts_at.weekday() < 5
    assert kickoff.starts_at.time() == dt.time(9, 30)
    assert kickoff.ends_at - kickoff.starts_at == dt.timedelta(hours=2)
    assert kickoff.time_zone == ("Asia/Shanghai" if language == Language.ZH_CN else "Europe/London")
    purposes = list(kickoff.purposes)
    assert {p.purpose for p in purposes} == set(KickoffPurpose)
    assert len({p.state for p in purposes}) >= 2 and all(p.evidence for p in purposes)
    assert sum(a.minutes_allotted for a in kickoff.agenda_items) == 120
    assert {a.rsvp for a in kickoff.attendees} >= {Rsvp.CONFIRMED, Rsvp.APOLOGIES}
    assert {a.person.side for a in kickoff.attendees} == {Side.CLIENT, Side.CONSULTANT}
    materials = list(kickoff.materials)
    assert Counter(m.kind for m in materials) == {"presentation": 1, "document": 2}
    assert any(m.sent_on and m.client_feedback for m in materials)
    checklist = list(kickoff.checklist_items)
    assert {c.phase for c in checklist} == set(Phase)
    done = [c for c in checklist if c.done_at]
    assert 0.4 <= len(done) / len(checklist) <= 0.6
    start_of_today = dt.datetime.combine(TODAY, dt.time.min)
    overdue_before = [
        c
        for c in checklist
        if c.phase == Phase.BEFORE
        and not c.done_at
        and kickoff.starts_at + dt.timedelta(minutes=c.due_offset_minutes) < start_of_today
    ]
    assert len(overdue_before) >= 2
    assert all(c.done_at.date() <= TODAY for c in done)
    lead = _people(pid, Role.CLIENT_LEAD)[0]
    changes = list(kickoff.change_records)
    assert len(changes) >= 2 and all(c.confirmed_by == lead for c in changes)

    # The earlier meeting: the leaders' notes, their priorities, the minutes sent.
    held = Meeting.get((Meeting.project == pid) & (Meeting.kind != MeetingKind.KICKOFF))
    assert held.ends_at.date() < TODAY
    notes = list(held.notes.order_by(Note.offset_seconds))
    assert len(notes) >= 12
    assert {n.kind for n in notes} == set(NoteKind)
    offsets = [n.offset_seconds for n in notes]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    assert 2 <= sum(n.internal for n in notes) < len(notes)
    assert any(n.agenda_item for n in notes)
    assert {n.speaker for n in notes if n.kind == NoteKind.VALUED_OUTCOME} == set(leaders)
    priorities = list(LeaderPriority.select().where(LeaderPriority.person.in_(leaders)))
    assert {p.person for p in priorities} == set(leaders)
    assert all(
        LeaderPriorityNote.select().where(LeaderPriorityNote.priority == p).exists()
        for p in priorities
    )
    assert held.distributions.count() == 1

    # Progress: overdue actions, on-time and late ones, a chase list, the gatekeeper queue.
    actions = _actions(pid)
    assert 15 <= len(actions) <= 30
    open_overdue = [a for a in actions if a.status in OPEN_ACTION_STATUSES and a.due_date < TODAY]
    on_time = [a for a in actions if a.status == ActionStatus.DONE and a.completed_on <= a.due_date]
    late = [a for a in actions if a.status == ActionStatus.DONE and a.completed_on > a.due_date]
    future = [a for a in actions if a.status in OPEN_ACTION_STATUSES and a.due_date > TODAY]
    assert len(open_overdue) >= 3 and len(on_time) >= 3 and late and future
    assert {a.owner.side for a in actions} == {Side.CLIENT, Side.CONSULTANT}
    assert len([a for a in open_overdue if a.needs_client_assistance]) >= 2
    assert any(a.carry_over_count == 3 for a in actions)
    assert {a.source for a in actions} >= {"manual", "meeting", "note", "lead_request"}
    assert all(a.completed_on is None for a in actions if a.status != ActionStatus.DONE)
    reviews = list(MilestoneReview.select().where(MilestoneReview.project == pid))
    assert 4 <= len(reviews) <= 5 and all(r.reviewer == lead for r in reviews)
    states = Counter(r.state for r in reviews)
    assert states[ReviewState.SUBMITTED] >= 1 and states[ReviewState.REVISION_REQUESTED] >= 1
    requests = list(LeadRequest.select().where(LeadRequest.project == pid))
    assert 3 <= len(requests) <= 4
    assert {r.status for r in requests} == {RequestStatus.OPEN, RequestStatus.RESOLVED}
    follow_ups = list(FollowUp.select().where(FollowUp.project == pid))
    assert len(follow_ups) == 2
    late_owners = {a.owner for a in open_overdue + late}
    assert all(f.person in late_owners for f in follow_ups)
    report = StatusReport.get(StatusReport.project == pid)
    assert report.period_end < TODAY and report.file_name == ""


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize("language", list(Language))
def test_assessments_are_a_history_that_ends_in_the_current_analysis(language: Language) -> None:
    pid = create_demo_project(language, today=TODAY)
    client = Person.select().where((Person.project == pid) & (Person.side == Side.CLIENT))
    for person in client:
        history = list(person.assessments.order_by(Assessment.assessed_at))
        assert history, f"{person.name} has no assessment"
        assert all(a.assessed_at.date() <= TODAY for a in history)
        assert history[-1].engagement == person.engagement_current
        if history[-1].cooperation_type is not None:
            assert history[-1].cooperation_type == person.cooperation_type
    became_active = [
        p
        for p in client
        if [a.cooperation_type for a in p.assessments.order_by(Assessment.assessed_at)]
        == [CooperationType.ROUTINE, CooperationType.ACTIVE]
    ]
    assert len(became_active) == 1
    assert (
        Assessment.select()
        .where(Assessment.person.in_(client) & Assessment.note.is_null(False))
        .exists()
    )


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize("language", list(Language))
def test_status_report_does_not_name_late_people(language: Language) -> None:
    """The demo obeys the method's rule: praise in public, follow up in private."""
    pid = create_demo_project(language, today=TODAY)
    report = StatusReport.get(StatusReport.project == pid)
    text = report.status_text + report.problems_text + report.help_needed_text
    late = {
        a.owner.name
        for a in _actions(pid)
        if a.due_date < TODAY
        and (
            (a.status in OPEN_ACTION_STATUSES)
            or (a.status == ActionStatus.DONE and a.completed_on > a.due_date)
        )
    }
    assert late
    assert not [name for name in late if name in text]
    on_time = {a.owner.name for a in _actions(pid) if a.status == ActionStatus.DONE} - late
    assert any(name in text for name in on_time), "on-time people are praised by name"


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize("language", list(Language))
def test_each_staff_members_record_suggests_their_type(language: Language) -> None:
    """Enough history for every suggestion, and each one agrees with the classification."""
    pid = create_demo_project(language, today=TODAY)
    staff = _people(pid, Role.COOPERATING_STAFF)
    records = {p.id: stakeholders.on_time_record(p.id, TODAY) for p in staff}
    assert all(r.enough_history for r in records.values())
    assert {p.name: records[p.id].suggested for p in staff} == {
        p.name: p.cooperation_type for p in staff
    }
    active = [records[p.id] for p in staff if p.cooperation_type == CooperationType.ACTIVE]
    assert all(r.on_time >= 3 for r in active)
    routine = [records[p.id] for p in staff if p.cooperation_type == CooperationType.ROUTINE]
    assert all(r.late + r.overdue + r.carried_over for r in routine), "a mix, not a clean sheet"


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize("language", list(Language))
def test_every_late_step_has_its_next_step(language: Language) -> None:
    """The report states an arrangement for each late step, and still names nobody late."""
    pid = create_demo_project(language, today=TODAY)
    open_overdue = [
        a for a in _actions(pid) if a.status in OPEN_ACTION_STATUSES and a.due_date < TODAY
    ]
    with_new_date = {f.action_item_id for f in FollowUp.select().where(FollowUp.project == pid)}
    assert all(a.next_step or a.id in with_new_date for a in open_overdue)
    assert [a for a in open_overdue if a.next_step]
    assert all(not a.next_step for a in _actions(pid) if a not in open_overdue)
    start, end = reports.default_period(TODAY)
    facts = reports.gather(pid, start, end, language)
    assert facts.late_items and reports.missing_next_steps(facts) == []
    texts = reports.prefill(facts, language)
    assert reports.naming_problems(texts, facts, language) == [], "next steps name no one late"


@pytest.mark.usefixtures("fresh_db")
def test_chinese_demo_is_written_in_chinese_and_english_demo_in_english() -> None:
    zh = create_demo_project(Language.ZH_CN, today=TODAY)
    en = create_demo_project(Language.EN, today=TODAY)
    zh_project, en_project = Project.get_by_id(zh), Project.get_by_id(en)
    assert CJK.search(zh_project.name) and CJK.search(zh_project.client_org)
    assert all(CJK.search(p.name) for p in Person.select().where(Person.project == zh))
    zh_notes = Note.select().join(Meeting).where(Meeting.project == zh)
    assert all(CJK.search(n.text) for n in zh_notes)
    assert all(CJK.search(c.text) for c in _kickoff(zh).checklist_items)
    assert all(CJK.search(a.title) for a in _actions(zh))
    assert not CJK.search(en_project.name + en_project.description)
    en_notes = Note.select().join(Meeting).where(Meeting.project == en)
    assert not any(CJK.search(n.text) for n in en_notes)
    assert all(CJK.search(a.next_step) for a in _actions(zh) if a.next_step)
    assert not any(CJK.search(a.title + a.notes + a.next_step) for a in _actions(en))


@pytest.mark.usefixtures("fresh_db")
def test_both_languages_have_the_same_structure() -> None:
    en = create_demo_project(Language.EN, today=TODAY)
    zh = create_demo_project(Language.ZH_CN, today=TODAY)
    assert _counts(en) == _counts(zh)
    en_dates = [(a.start_date, a.due_date, a.status) for a in _actions(en)]
    zh_dates = [(a.start_date, a.due_date, a.status) for a in _actions(zh)]
    assert en_dates == zh_dates
    en_steps = [bool(a.next_step) for a in _actions(en)]
    assert en_steps == [bool(a.next_step) for a in _actions(zh)] and any(en_steps)


@pytest.mark.usefixtures("fresh_db")
def test_two_demos_are_independent_projects() -> None:
    first = create_demo_project(today=TODAY)
    second = create_demo_project(today=TODAY)
    assert first != second
    expected = _counts(second)
    Project.delete().where(Project.id == first).execute()
    assert Project.select().count() == 1
    assert _counts(second) == expected


@pytest.mark.usefixtures("fresh_db")
@pytest.mark.parametrize(
    "today", [TODAY + dt.timedelta(days=n) for n in range(7)], ids=lambda d: d.strftime("%a")
)
def test_dates_stay_consistent_whatever_the_weekday(today: dt.date) -> None:
    pid = create_demo_project(Language.EN, today=today)
    kickoff = _kickoff(pid)
    assert kickoff.starts_at.weekday() < 5 and today < kickoff.starts_at.date()
    held = Meeting.get((Meeting.project == pid) & (Meeting.kind != MeetingKind.KICKOFF))
    assert held.starts_at.weekday() < 5 and held.starts_at.date() < today
    start_of_today = dt.datetime.combine(today, dt.time.min)
    overdue = [
        c
        for c in kickoff.checklist_items
        if not c.done_at
        and kickoff.starts_at + dt.timedelta(minutes=c.due_offset_minutes) < start_of_today
    ]
    assert len(overdue) >= 2
    for item in kickoff.checklist_items:
        if item.done_at:
            assert item.done_at.date() < today
    for note in held.notes:
        assert held.starts_at <= note.created_at <= held.ends_at


@pytest.mark.usefixtures("fresh_db")
def test_default_today_and_language() -> None:
    pid = create_demo_project()
    assert Project.get_by_id(pid).document_language == Language.EN
    assert _kickoff(pid).starts_at.date() > dt.date.today()


@pytest.mark.usefixtures("fresh_db")
def test_a_failure_midway_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = create_demo_project(today=TODAY)
    before = {m.__name__: m.select().count() for m in ALL_MODELS}

    def fail(cls: type, **_: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(StatusReport, "create", classmethod(fail))  # the last row written
    with pytest.raises(RuntimeError, match="disk full"):
        create_demo_project(Language.ZH_CN, today=TODAY)
    assert {m.__name__: m.select().count() for m in ALL_MODELS} == before
    assert [p.id for p in Project.select()] == [kept]
