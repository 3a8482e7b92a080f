"""The Today rules: for each, due / not due / done, and its reason in both languages."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

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
    Project,
    ProjectStatus,
    RequestStatus,
    ReviewState,
    Role,
    Side,
    StatusReport,
)
from pmdesk.services import NotFound, today
from pmdesk.services.today import (
    Hat,
    TodayItem,
    When,
    chase,
    cooperation,
    follow_up,
    gatekeeper,
    meetings,
    praise,
    queries,
    rules,
)

TODAY = dt.date(2026, 3, 11)  # a Wednesday


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def at(offset: int, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day(offset), dt.time(hour))


class Data:
    def __init__(self) -> None:
        self.project = Project.create(name="P2P")
        pid = self.project.id
        self.lead = Person.create(project=pid, name="Sarah Mitchell", role=Role.CLIENT_LEAD)
        self.staff = Person.create(project=pid, name="Mark Davies", role=Role.COOPERATING_STAFF)
        self.pm = Person.create(
            project=pid, name="Alex Morgan", side=Side.CONSULTANT, role=Role.CONSULTANT_PM
        )

    def step(
        self, title: str, due: int | None, owner: Person | None = None, **kw: object
    ) -> ActionItem:
        return ActionItem.create(
            project=self.project.id,
            title=title,
            owner=(owner or self.staff).id,
            due_date=None if due is None else day(due),
            **kw,
        )


@pytest.fixture
def data(database: Path) -> Data:
    return Data()


def of(rule_items: list[TodayItem], kind: str) -> list[TodayItem]:
    return [item for item in rule_items if item.kind == kind]


# -- gatekeeper ----------------------------------------------------------------------------


def test_review_waiting_is_due_after_the_nudge_days(data: Data) -> None:
    def review(title: str, submitted: int, state: ReviewState = ReviewState.SUBMITTED) -> None:
        MilestoneReview.create(
            project=data.project.id,
            title=title,
            reviewer=data.lead.id,
            state=state,
            submitted_on=day(submitted),
        )

    review("Options paper", -5)
    review("Fresh paper", 0)  # due in three days: this week
    review("Approved paper", -9, ReviewState.APPROVED)  # done
    review("Long ago", -20)
    found = gatekeeper.reviews_waiting(data.project.id, TODAY)
    titles = {item.reason(Language.EN).split("”")[0].lstrip("“") for item in found}
    assert titles == {"Options paper", "Fresh paper", "Long ago"}
    [item] = [i for i in found if "Options" in i.reason("en")]
    assert item.due == day(-2) and item.when(TODAY) is When.OVERDUE
    assert (item.hat, item.action, item.person_id) == (Hat.GATEKEEPER, "nudge_draft", data.lead.id)
    assert item.reason(Language.EN) == (
        "“Options paper” was submitted to Sarah Mitchell on 6 Mar 2026 and is waiting for "
        "review (5 days); send a nudge."
    )
    assert item.reason(Language.ZH_CN) == (
        "“Options paper”已于2026年3月6日提交Sarah Mitchell审阅，已等待5天，请发提醒。"
    )
    [fresh] = [i for i in found if "Fresh" in i.reason("en")]
    assert fresh.when(TODAY) is When.THIS_WEEK


def test_unanswered_request_is_due_until_resolved(data: Data) -> None:
    def request(text: str, raised: int, status: RequestStatus = RequestStatus.OPEN) -> None:
        LeadRequest.create(
            project=data.project.id,
            text=text,
            raised_on=day(raised),
            raised_by=data.lead.id,
            owner=data.pm.id,
            status=status,
        )

    request("What does IT need?", -3)
    request("Shorter slides", -2, RequestStatus.RESOLVED)  # done
    request("Later", 20)  # not due this week
    [item] = gatekeeper.requests_unanswered(data.project.id, TODAY)
    assert (item.due, item.person, item.action) == (day(-1), "Alex Morgan", "answer_request")
    assert item.reason("en") == (
        "Sarah Mitchell asked on 8 Mar 2026: “What does IT need?”; still unanswered after 3 days."
    )
    assert (
        item.reason("zh_CN")
        == "Sarah Mitchell于2026年3月8日提出：“What does IT need?”，已3天尚未答复。"
    )


def test_the_status_report_is_due_on_the_projects_reporting_weekday(data: Data) -> None:
    pid = data.project.id
    Project.update(start_date=day(-20), report_weekday=4).execute()  # Fridays

    def due() -> list[TodayItem]:
        return gatekeeper.report_due(pid, TODAY)

    # No report yet: due on the first Friday of the project (20 Feb), long overdue.
    [item] = due()
    assert (item.due, item.action, item.person_id) == (day(-19), "report_builder", data.lead.id)
    assert (item.kind, item.record_id, item.when(TODAY)) == ("report_due", pid, When.OVERDUE)
    assert item.reason("en") == (
        "The status report to Sarah Mitchell was due on 20 Feb 2026 (every Friday), 19 days "
        "ago; write it in the report builder."
    )
    assert item.reason("zh_CN") == (
        "应于2026年2月20日向Sarah Mitchell提交的状态报告（每周五）已逾期19天，"
        "请在报告生成器中撰写。"
    )
    # Last Friday's report was saved: this Friday's is due, this week.
    StatusReport.create(project=pid, period_start=day(-11), period_end=day(-5))
    [item] = due()
    assert (item.due, item.when(TODAY)) == (day(2), When.THIS_WEEK)
    assert item.reason("en") == (
        "The status report to Sarah Mitchell is due on 13 Mar 2026 (every Friday); write it "
        "in the report builder."
    )
    assert (
        item.reason("zh_CN")
        == "应于2026年3月13日向Sarah Mitchell提交状态报告（每周五），请在报告生成器中撰写。"
    )
    # Done: a report for this Friday, even written a few days early; then next Friday's
    # is another item (not this week).
    StatusReport.create(project=pid, period_start=day(-4), period_end=day(-1))
    assert due() == []
    assert gatekeeper.next_report_day(4, day(-1), day(-20)) == day(9)
    # A report a day late still answers for its Friday.
    assert gatekeeper.next_report_day(4, day(-4), day(-20)) == day(2)


def test_without_a_reporting_weekday_the_report_is_due_a_week_after_the_last(data: Data) -> None:
    pid = data.project.id
    Project.update(start_date=day(-20)).execute()
    [item] = gatekeeper.report_due(pid, TODAY)
    assert item.due == day(-13)
    assert "(a week after the last one)" in item.reason("en")
    assert "（距上次报告一周）" in item.reason("zh_CN")
    StatusReport.create(project=pid, period_start=day(-11), period_end=day(-5))
    [item] = gatekeeper.report_due(pid, TODAY)
    assert item.due == day(2)
    StatusReport.create(project=pid, period_start=day(-4), period_end=day(0))
    assert gatekeeper.report_due(pid, TODAY) == []


# -- chase ---------------------------------------------------------------------------------


def test_client_help_is_chased_when_late_or_due_in_two_days(data: Data) -> None:
    data.step("Supplier extract", -4, needs_client_assistance=True)
    data.step("Sandbox access", 2, needs_client_assistance=True)
    data.step("Far away", 3, needs_client_assistance=True)  # not due yet
    data.step("Our own work", -4)  # no client help
    data.step("Delivered", -4, needs_client_assistance=True, status=ActionStatus.DONE)
    found = chase.assistance_due(data.project.id, TODAY)
    assert [i.due for i in found] == [day(-4), day(2)]
    late, soon = found
    assert (late.hat, late.action, late.person) == (Hat.CHASE, "reminder_draft", "Mark Davies")
    assert late.reason("en") == (
        "“Supplier extract” needs the client's help and was due 7 Mar 2026 (4 days late); "
        "send Mark Davies a reminder."
    )
    assert late.reason("zh_CN") == (
        "“Supplier extract”需要客户协助，原定2026年3月7日完成，已超期4天，请提醒Mark Davies。"
    )
    assert soon.reason("en") == (
        "“Sandbox access” needs the client's help by 13 Mar 2026; remind Mark Davies in time."
    )
    assert (
        soon.reason("zh_CN")
        == "“Sandbox access”需要客户协助，计划2026年3月13日完成，请提前提醒Mark Davies。"
    )


# -- private follow-up --------------------------------------------------------------------


def test_late_person_is_due_until_followed_up_after_the_step_became_late(data: Data) -> None:
    step = data.step("Master data", -3)
    data.step("Also late", -1)
    data.step("On plan", 2, owner=data.lead)
    [item] = follow_up.late_people(data.project.id, TODAY)
    assert (item.person_id, item.record_id, item.due) == (data.staff.id, step.id, day(-2))
    assert item.action == "new_follow_up"
    assert item.reason("en") == (
        "Mark Davies has 2 late steps, the oldest “Master data” 3 days late, and has not been "
        "followed up since; talk to them in private."
    )
    assert item.reason("zh_CN") == (
        "Mark Davies有2项工作超期，最早的“Master data”已超期3天，之后尚未私下沟通，请私下跟进。"
    )
    # A talk before the step became late does not count; one after it does.
    FollowUp.create(project=data.project.id, person=data.staff.id, follow_up_on=day(-3))
    assert len(follow_up.late_people(data.project.id, TODAY)) == 1
    FollowUp.create(project=data.project.id, person=data.staff.id, follow_up_on=day(-2))
    [item] = follow_up.late_people(data.project.id, TODAY)  # "Also late" is newer
    assert item.reason("en").startswith("Mark Davies has “Also late” 1 day late")
    assert item.reason("zh_CN").startswith("Mark Davies负责的“Also late”已超期1天")
    FollowUp.create(project=data.project.id, person=data.staff.id, follow_up_on=TODAY)
    assert follow_up.late_people(data.project.id, TODAY) == []


def test_items_leave_the_collector_as_found_and_make_no_cycles(database: Path) -> None:
    """The rules run with the cyclic collector off: it has nothing to miss while they
    make no cycles, and it is on again afterwards (unless it was off before)."""
    from pmdesk.demo import create_demo_project

    create_demo_project(Language.EN, today=TODAY)  # items of every hat
    assert gc.isenabled()
    assert {item.hat for item in today.items(None, TODAY)} == set(Hat)
    assert gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        found = today.items(None, TODAY)
        assert not gc.isenabled()
        del found
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_titles_are_read_for_more_steps_than_a_query_may_bind(data: Data) -> None:
    """The late people's oldest steps: one query, whatever the number of late people."""
    step = data.step("Master data", -3)
    asked = [step.id, *range(10**6, 10**6 + 40_000)]  # SQLite binds at most 32,766
    assert queries.projects_and_titles(asked) == {step.id: (data.project.id, "Master data")}
    assert queries.projects_and_titles([]) == {}


def test_agreed_date_falls_due_while_the_step_is_open(data: Data) -> None:
    step = data.step("Master data", -3)
    done = data.step("Finished", -3, status=ActionStatus.DONE, completed_on=day(-1))
    for action, agreed in ((step, 1), (done, 1)):
        FollowUp.create(
            project=data.project.id,
            person=data.staff.id,
            action_item=action.id,
            follow_up_on=day(-2),
            new_commitment_date=day(agreed),
        )
    [item] = follow_up.commitments_due(data.project.id, TODAY)
    assert (item.record_id, item.due, item.action) == (step.id, day(1), "check_step")
    assert (
        item.reason("en")
        == "Mark Davies agreed to finish “Master data” by 12 Mar 2026; check it is done."
    )
    assert (
        item.reason("zh_CN")
        == "Mark Davies承诺于2026年3月12日前完成“Master data”，请确认是否完成。"
    )
    FollowUp.update(new_commitment_date=day(30)).execute()
    assert follow_up.commitments_due(data.project.id, TODAY) == []  # not due this week


# -- praise --------------------------------------------------------------------------------


def test_people_on_time_since_the_last_report_are_praised(data: Data) -> None:
    data.step("Extract", -2, status=ActionStatus.DONE, completed_on=day(-3))
    late_one = Person.create(project=data.project.id, name="Lucy Evans")
    data.step("On time", -2, owner=late_one, status=ActionStatus.DONE, completed_on=day(-2))
    data.step("Late", -1, owner=late_one)  # late: not praised
    data.step("Team work", -2, owner=data.pm, status=ActionStatus.DONE, completed_on=day(-2))
    [item] = praise.on_time_people(data.project.id, TODAY)
    assert (item.person, item.due, item.action, item.hat) == (
        "Mark Davies",
        TODAY,
        "thank",
        Hat.PRAISE,
    )
    assert item.reason("en") == (
        "Mark Davies finished their steps on time since 5 Mar 2026; thank them now, and in "
        "the next report."
    )
    assert (
        item.reason("zh_CN")
        == "Mark Davies自2026年3月5日以来按期完成工作，请及时表示感谢，并在下次报告中表扬。"
    )
    # Done: a report covering the period was saved.
    StatusReport.create(project=data.project.id, period_start=day(-6), period_end=day(-1))
    assert praise.on_time_people(data.project.id, TODAY) == []


# -- cooperation types ---------------------------------------------------------------------


def _kinds(data: Data) -> dict[str, TodayItem]:
    return {i.kind: i for i in cooperation.cooperation_due(data.project.id, TODAY)}


def test_unclassified_staff_are_due_a_week_after_first_contact(data: Data) -> None:
    assert "unclassified" not in _kinds(data)  # never met: not due
    meeting = Meeting.create(
        project=data.project.id, title="Alignment", starts_at=at(-8), status=MeetingStatus.HELD
    )
    Attendee.create(meeting=meeting.id, person=data.staff.id)
    item = _kinds(data)["unclassified"]
    assert (item.person_id, item.due, item.action) == (data.staff.id, day(-1), "classify")
    assert item.reason("en") == (
        "Mark Davies is still unclassified, first met on 3 Mar 2026; choose their cooperation type."
    )
    assert (
        item.reason("zh_CN") == "Mark Davies自2026年3月3日首次接触以来仍未分类，请确定其配合类型。"
    )
    Person.update(cooperation_type=CooperationType.ROUTINE).where(
        Person.id == data.staff.id
    ).execute()
    assert "unclassified" not in _kinds(data)


def test_passive_staff_need_a_memo_and_the_help_the_lead_decided(data: Data) -> None:
    Person.update(cooperation_type=CooperationType.PASSIVE).where(
        Person.id == data.staff.id
    ).execute()
    item = _kinds(data)["no_memo"]
    assert (item.action, item.due) == ("escalation_memo", TODAY)
    assert item.reason("en").startswith("Mark Davies is passive and no memo has gone")
    assert item.reason("zh_CN").startswith("Mark Davies为消极配合者，尚未向客户项目负责人提交备忘")
    memo = EscalationMemo.create(person=data.staff.id, text="Send help?", written_on=day(-5))
    assert "no_memo" not in _kinds(data)
    assert "help_not_sent" not in _kinds(data)  # the lead has not decided
    EscalationMemo.update(decision=LeadDecision.SEND_HELP, decided_on=day(-2)).execute()
    item = _kinds(data)["help_not_sent"]
    assert (item.record_id, item.due, item.action) == (memo.id, day(-2), "send_help")
    assert item.reason("en") == (
        "The client lead decided on 9 Mar 2026 to send Mark Davies help; no helper has been "
        "assigned yet."
    )
    assert (
        item.reason("zh_CN")
        == "客户项目负责人已于2026年3月9日决定派人协助Mark Davies，尚未安排协助人员。"
    )
    helper = data.step("Help Mark", 3, owner=data.pm)
    EscalationMemo.update(help_action=helper.id).execute()
    assert "help_not_sent" not in _kinds(data)


def test_routine_staff_need_a_plan_and_their_coaching_sessions(data: Data) -> None:
    Person.update(cooperation_type=CooperationType.ROUTINE).where(
        Person.id == data.staff.id
    ).execute()
    item = _kinds(data)["no_coaching_plan"]
    assert (
        item.reason("en")
        == "Mark Davies is routine and has no coaching plan; plan the one-on-one talks."
    )
    assert item.reason("zh_CN") == "Mark Davies为按部就班者，尚无辅导计划，请安排一对一沟通。"
    session = CoachingSession.create(person=data.staff.id, planned_on=day(2), topic="AP test cases")
    kinds = _kinds(data)
    assert "no_coaching_plan" not in kinds
    item = kinds["coaching_due"]
    assert (item.record_id, item.due, item.action) == (session.id, day(2), "coaching_session")
    assert (
        item.reason("en")
        == "A coaching talk with Mark Davies is planned for 13 Mar 2026: “AP test cases”."
    )
    assert (
        item.reason("zh_CN") == "已计划于2026年3月13日与Mark Davies进行辅导沟通：“AP test cases”。"
    )
    CoachingSession.update(planned_on=day(20)).execute()
    assert "coaching_due" not in _kinds(data)  # not this week
    CoachingSession.update(planned_on=day(-1), held_on=day(-1)).execute()
    assert "coaching_due" not in _kinds(data)  # held


def test_active_staff_need_their_success_factors(data: Data) -> None:
    Person.update(cooperation_type=CooperationType.ACTIVE).where(
        Person.id == data.staff.id
    ).execute()
    item = _kinds(data)["no_success_factors"]
    assert item.action == "success_factors"
    assert item.reason("en").startswith("Mark Davies is active and their success factors")
    assert item.reason("zh_CN").startswith("Mark Davies为积极配合者，尚未记录其成功因素")
    Person.update(success_factors="Owns the data").execute()
    assert "no_success_factors" not in _kinds(data)


def test_a_suggested_type_that_differs_is_reviewed(data: Data) -> None:
    Person.update(cooperation_type=CooperationType.ACTIVE, success_factors="Keen").where(
        Person.id == data.staff.id
    ).execute()
    for n in range(3):
        data.step(f"Late {n}", -5 - n)
    item = _kinds(data)["type_differs"]
    assert item.action == "review_type"
    assert item.reason("en") == (
        "Mark Davies is marked Active, but their on-time record suggests Passive; review the type."
    )
    assert (
        item.reason("zh_CN")
        == "Mark Davies被标为积极配合者，但其按期完成记录显示为消极配合者，请复核类型。"
    )
    Person.update(cooperation_type=CooperationType.PASSIVE).execute()
    assert "type_differs" not in _kinds(data)


def test_on_time_records_counted_in_sql_match_the_suggestion_rule(database: Path) -> None:
    """cooperation.on_time_records counts in one query what
    stakeholders.suggest_cooperation_type counts step by step: the same records, for
    every classified client owner, over steps of every status, with and without dates
    and carry-overs (and none for people it leaves out)."""
    from itertools import cycle

    from pmdesk.services import stakeholders

    projects = [Project.create(name=f"P{n}").id for n in range(2)]
    kinds = cycle([*CooperationType, CooperationType.ROUTINE])
    sides = cycle([Side.CLIENT, Side.CLIENT, Side.CONSULTANT])
    people = [
        Person.create(project=pid, name=f"Person {n}", side=next(sides), cooperation_type=kind)
        for pid in projects
        for n, kind in zip(range(9), kinds, strict=False)
    ]
    # Each person's steps: a record of their own (on time, late, overdue, not due,
    # cancelled, without dates, carried over), so the suggestions differ.
    shapes = [
        (ActionStatus.DONE, -5, -6, 0),  # on time
        (ActionStatus.DONE, -5, -2, 0),  # late
        (ActionStatus.OPEN, -3, None, 1),  # overdue, carried over once
        (ActionStatus.IN_PROGRESS, 4, None, 0),  # not due
        (ActionStatus.CANCELLED, -8, None, 2),  # not judged
        (ActionStatus.DONE, None, -1, 0),  # no date: not judged
        (ActionStatus.BLOCKED, None, None, 3),  # carried over three times
    ]
    for n, owner in enumerate(people):
        for k in range(n % 8):
            status, due, done_at, carried = shapes[(n * k + k) % len(shapes)]
            ActionItem.create(
                project=owner.project_id,
                title=f"Step {n}.{k}",
                owner=owner.id,
                status=status,
                due_date=None if due is None else day(due),
                completed_on=None if done_at is None else day(done_at),
                carry_over_count=carried,
            )
    expected = {}
    for person in people:
        if person.side != Side.CLIENT or person.cooperation_type == CooperationType.UNCLASSIFIED:
            continue
        steps = [
            (s.due_date, s.completed_on, s.status, s.carry_over_count)
            for s in ActionItem.select().where(ActionItem.owner == person.id)
        ]
        if steps:
            expected[person.id] = stakeholders.suggest_cooperation_type(steps, TODAY)
    found = cooperation.on_time_records(projects, TODAY)
    assert found == expected
    assert len({record.suggested for record in found.values()}) >= 3


# -- meetings ------------------------------------------------------------------------------


def test_checklist_steps_are_due_until_ticked(data: Data) -> None:
    meeting = Meeting.create(project=data.project.id, title="Kickoff", starts_at=at(2, 9))
    step = ChecklistItem.create(
        meeting=meeting.id, text="Re-confirm attendees and venue", due_offset_minutes=-24 * 60
    )
    ChecklistItem.create(meeting=meeting.id, text="Later", due_at=at(30))  # not this week
    [item] = meetings.checklist_due(data.project.id, TODAY)
    assert (item.record_id, item.due, item.action) == (step.id, day(1), "tick_checklist")
    assert item.reason("en") == "“Kickoff”: Re-confirm attendees and venue (by 12 Mar 2026)."
    assert item.reason("zh_CN") == "“Kickoff”：Re-confirm attendees and venue（2026年3月12日前）。"
    ChecklistItem.update(done_at=at(0)).where(ChecklistItem.id == step.id).execute()
    assert meetings.checklist_due(data.project.id, TODAY) == []


def test_minutes_are_due_24_hours_after_the_meeting(data: Data) -> None:
    Meeting.create(project=data.project.id, title="Planned", starts_at=at(-1))  # not held
    meeting = Meeting.create(
        project=data.project.id,
        title="Progress review",
        starts_at=at(-1, 9),
        ends_at=at(-1, 11),
        status=MeetingStatus.HELD,
    )
    [item] = meetings.minutes_due(data.project.id, TODAY)
    assert (item.kind, item.record_id, item.due) == ("minutes_unsent", meeting.id, TODAY)
    assert (
        item.reason("en")
        == "“Progress review” was held on 10 Mar 2026; send the minutes within 24 hours."
    )
    assert (
        item.reason("zh_CN") == "“Progress review”已于2026年3月10日召开，请在24小时内发送会议纪要。"
    )
    # Sent: the client's reply is due two days later.
    sent = MinutesDistribution.create(meeting=meeting.id, sent_at=at(0, 9))
    Meeting.update(status=MeetingStatus.MINUTES_SENT).where(Meeting.id == meeting.id).execute()
    [item] = meetings.minutes_due(data.project.id, TODAY)
    assert (item.kind, item.record_id, item.due) == ("minutes_feedback", sent.id, day(2))
    assert item.reason("en").startswith("Minutes of “Progress review” went out on 11 Mar 2026;")
    assert item.reason("zh_CN").startswith("“Progress review”的会议纪要已于2026年3月11日发出")
    # A revision asked for: send it.
    MinutesDistribution.update(revision_needed=True, client_feedback="Fix 3").execute()
    [item] = meetings.minutes_due(data.project.id, TODAY)
    assert (item.kind, item.action) == ("minutes_revision", "send_revision")
    assert (
        item.reason("zh_CN")
        == "客户要求修改“Progress review”的会议纪要，请发送修改稿并请客户确认。"
    )
    # Confirmed: done.
    Meeting.update(status=MeetingStatus.MINUTES_CONFIRMED).execute()
    assert meetings.minutes_due(data.project.id, TODAY) == []


def test_sent_material_waits_for_the_clients_additions(data: Data) -> None:
    meeting = Meeting.create(project=data.project.id, title="Kickoff", starts_at=at(3))
    material = Material.create(
        project=data.project.id,
        meeting=meeting.id,
        title="Charter",
        status=MaterialStatus.SENT,
        sent_on=day(-4),
    )
    Material.create(project=data.project.id, title="Draft", status=MaterialStatus.DRAFT)
    [item] = meetings.materials_due(data.project.id, TODAY)
    assert (item.record_id, item.due) == (material.id, day(2))
    assert (
        item.reason("en")
        == "“Charter” was sent on 7 Mar 2026; the client's additions are not in yet."
    )
    assert item.reason("zh_CN") == "“Charter”已于2026年3月7日发出，尚未收到客户的补充意见。"
    Material.update(client_feedback="Add the plants").execute()
    assert meetings.materials_due(data.project.id, TODAY) == []


# -- all of them -----------------------------------------------------------------------------


def test_items_are_sorted_overdue_today_this_week_and_skip_closed_or_archived_projects(
    data: Data,
) -> None:
    data.step("Late help", -4, needs_client_assistance=True)
    data.step("Help soon", 2, needs_client_assistance=True)
    LeadRequest.create(project=data.project.id, text="Q", raised_on=day(-2), raised_by=data.lead.id)
    found = today.items(None, TODAY)
    order = [item.when(TODAY) for item in found]
    assert order == sorted(order, key=list(When).index)
    assert {When.OVERDUE, When.TODAY, When.THIS_WEEK} <= set(order)
    assert today.items(data.project.id, TODAY) == found
    Project.update(archived=True).execute()
    assert today.items(None, TODAY) == []
    assert today.items(data.project.id, TODAY) == found  # asked for by its id: still shown
    Project.update(archived=False, status=ProjectStatus.CLOSED).execute()
    assert today.items(None, TODAY) == []
    with pytest.raises(NotFound):
        today.items(data.project.id + 1, TODAY)


@pytest.mark.parametrize("offset", range(7))
def test_the_demo_shows_items_of_every_hat_on_any_weekday(database: Path, offset: int) -> None:
    from pmdesk.demo import create_demo_project

    on = day(offset)
    for language in Language:
        project_id = create_demo_project(language, today=on)
        found = today.items(project_id, on)
        assert {item.hat for item in found} == set(Hat)
        assert {"report_due", "on_time"} <= {item.kind for item in found}
        assert all(item.reason(lang) for item in found for lang in Language)
    # Every project at once, in the documented order (the rules sort by attributes).
    together = today.items(None, on)
    assert together == sorted(together, key=lambda item: rules.sort_key(item, on))
    assert len({item.project_id for item in together}) == 2
