"""Meeting series, carry-over, the decision log, minutes approval and search (#18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk import db
from pmdesk.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendee,
    Cadence,
    CarryKind,
    CarryOutcome,
    DecisionStatus,
    Meeting,
    MeetingStatus,
    MinutesDistribution,
    Note,
    NoteKind,
    Person,
    Project,
)
from pmdesk.services import approval, capture, decisions, progress, search, series
from pmdesk.services.search import HitKind

MONDAY = dt.datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def project(database: Path) -> Project:
    project = Project.create(name="华东电网数字化转型咨询", client_org="华东电网")
    return project


def first_meeting(project: Project) -> Meeting:
    meeting = Meeting.create(
        project=project,
        kind="progress_review",
        title="Weekly progress review",
        starts_at=MONDAY,
        ends_at=MONDAY + dt.timedelta(hours=1),
        venue="Room 12",
        status="held",
    )
    lead = Person.create(project=project, name="王建国", role="client_lead")
    pm = Person.create(project=project, name="Alice Chen", side="consultant", role="consultant_pm")
    Attendee.create(meeting=meeting, person=lead, responsibility="chair")
    Attendee.create(meeting=meeting, person=pm, position=1)
    AgendaItem.create(meeting=meeting, title="Status", minutes_allotted=20, position=0)
    AgendaItem.create(meeting=meeting, title="Risks", minutes_allotted=10, position=1)
    return meeting


def test_four_weekly_meetings_carry_and_resolve_actions_and_questions(project: Project) -> None:
    """Open actions and unanswered questions come back each week until settled."""
    m1 = first_meeting(project)
    s, _ = series.start_series(m1.id, cadence=Cadence.WEEKLY)
    assert [t.title for t in series.template(s)] == ["Status", "Risks"]
    lead = Person.get(Person.name == "王建国")
    action, _ = capture.quick_action(m1.id, "Send the org chart", owner_id=lead.id, due_date=None)
    capture.commit_note(m1.id, "Who signs off phase 2?", kind=NoteKind.QUESTION)
    capture.commit_note(m1.id, "A plain remark", kind=NoteKind.REMARK)

    m2, _ = series.plan_next_meeting(s.id)
    assert m2.starts_at == MONDAY + dt.timedelta(days=7)
    assert (m2.venue, m2.status, m2.series_id) == ("Room 12", "planned", s.id)
    assert [a.title for a in AgendaItem.select().where(AgendaItem.meeting == m2.id)] == [
        "Status",
        "Risks",
    ]
    assert {a.person_id for a in Attendee.select().where(Attendee.meeting == m2.id)} == {
        a.person_id for a in Attendee.select().where(Attendee.meeting == m1.id)
    }
    carried = series.carried_items(m2.id)
    assert [(c.kind, c.text) for c in carried] == [
        (CarryKind.ACTION, "Send the org chart"),
        (CarryKind.NOTE, "Who signs off phase 2?"),
    ]
    assert carried[0].owner == "王建国" and carried[0].from_meeting_id == m1.id
    # Kept: both come back next week; an agenda item marked continues too.
    for item in carried:
        series.settle(item.id, CarryOutcome.KEPT)
    risks = AgendaItem.get((AgendaItem.meeting == m2.id) & (AgendaItem.title == "Risks"))
    series.mark_continue_next_time(risks.id)

    m3, _ = series.plan_next_meeting(s.id)
    carried3 = series.carried_items(m3.id)
    assert [c.kind for c in carried3] == [CarryKind.ACTION, CarryKind.NOTE, CarryKind.AGENDA_ITEM]
    # The question is answered, the agenda item dropped; the action stays open.
    series.settle(carried3[1].id, CarryOutcome.RESOLVED)
    series.settle(carried3[2].id, CarryOutcome.DROPPED)

    m4, _ = series.plan_next_meeting(s.id)
    carried4 = series.carried_items(m4.id)
    assert [(c.kind, c.record_id) for c in carried4] == [(CarryKind.ACTION, action.id)]
    refreshed = ActionItem.get_by_id(action.id)
    assert refreshed.carry_over_count == 3
    assert progress.is_flagged(refreshed)  # the existing "carried over 3+ times" flag
    series.settle(carried4[0].id, CarryOutcome.RESOLVED)
    assert ActionItem.get_by_id(action.id).status == ActionStatus.DONE.value
    assert [m.id for m in series.series_meetings(s.id)] == [m1.id, m2.id, m3.id, m4.id]


def test_plan_next_meeting_undo_removes_it_and_the_carry_counts(project: Project) -> None:
    m1 = first_meeting(project)
    s, _ = series.start_series(m1.id)
    action, _ = capture.quick_action(m1.id, "Book the room", owner_id=None, due_date=None)
    m2, undo = series.plan_next_meeting(s.id)
    undo.undo()
    assert Meeting.get_or_none(Meeting.id == m2.id) is None
    assert ActionItem.get_by_id(action.id).carry_over_count == 0
    undo.redo()
    assert len(series.carried_items(m2.id)) == 1


def test_monthly_series_and_one_planned_by_hand(project: Project) -> None:
    m1 = first_meeting(project)
    Meeting.update(
        starts_at=dt.datetime(2026, 1, 31, 9), ends_at=dt.datetime(2026, 1, 31, 10)
    ).where(Meeting.id == m1.id).execute()
    s, _ = series.start_series(m1.id, cadence=Cadence.MONTHLY)
    m2, _ = series.plan_next_meeting(s.id)
    assert m2.starts_at == dt.datetime(2026, 2, 28, 9)
    manual, _ = series.start_series(
        Meeting.create(project=project, title="Steering committee").id, cadence=Cadence.MANUAL
    )
    with pytest.raises(capture.ValidationProblem):
        series.plan_next_meeting(manual.id)
    when = dt.datetime(2026, 4, 1, 14)
    planned, _ = series.plan_next_meeting(manual.id, starts_at=when)
    assert planned.starts_at == when
    assert series.invite_recurrence(planned) == series.Recurrence(manual.ical_uid, None)
    assert series.invite_recurrence(m2) == series.Recurrence(s.ical_uid, {"freq": "monthly"})


def test_superseding_a_decision(project: Project) -> None:
    """A later decision supersedes an earlier one; the log says by which, and undo works."""
    m1 = first_meeting(project)
    s, _ = series.start_series(m1.id)
    lead = Person.get(Person.name == "王建国")
    old, _ = capture.commit_note(
        m1.id, "Go live on 1 June", kind=NoteKind.DECISION, speaker_id=lead.id
    )
    capture.quick_action(
        m1.id, "Plan the cut-over", owner_id=lead.id, due_date=None, note_id=old.id
    )
    m2, _ = series.plan_next_meeting(s.id)
    new, _ = capture.commit_note(m2.id, "Go live on 1 July", kind=NoteKind.DECISION)
    capture.commit_note(
        m2.id, "Budget reserve kept internal", kind=NoteKind.DECISION, internal=True
    )

    undo = decisions.supersede(old.id, new.id, comment="Data migration needs a month more")
    log = {e.note_id: e for e in decisions.list_decisions(project.id)}
    assert log[old.id].status == DecisionStatus.SUPERSEDED
    assert (log[old.id].superseded_by, log[old.id].superseded_by_text) == (new.id, new.text)
    assert log[old.id].decided_by == "王建国"
    assert [a.title for a in log[old.id].actions] == ["Plan the cut-over"]
    assert log[new.id].status == DecisionStatus.ACTIVE
    client = decisions.list_decisions(project.id, client_facing=True)
    assert "Budget reserve kept internal" not in [e.text for e in client]
    assert [e.text for e in decisions.list_decisions(project.id, status=DecisionStatus.ACTIVE)] == [
        "Budget reserve kept internal",
        "Go live on 1 July",
    ]
    undo.undo()
    assert {e.note_id: e for e in decisions.list_decisions(project.id)}[old.id].status == (
        DecisionStatus.ACTIVE
    )
    decisions.revoke(new.id, comment="Board said no")
    assert {e.note_id: e.status for e in decisions.list_decisions(project.id)}[new.id] == (
        DecisionStatus.REVOKED
    )
    since = decisions.decisions_since(project.id, m2.starts_at.date())
    assert [e.text for e in since] == ["Go live on 1 July"]
    with pytest.raises(capture.ValidationProblem):
        decisions.supersede(old.id, old.id)


def test_approval_and_reissue_of_minutes(project: Project) -> None:
    """Returned with changes, re-issued as version 2, approved: minutes confirmed."""
    meeting = first_meeting(project)
    ended = meeting.ends_at
    assert [
        d.meeting_id for d in approval.minutes_due(project.id, ended + dt.timedelta(hours=2))
    ] == [meeting.id]
    late = approval.minutes_due(None, ended + dt.timedelta(hours=25))
    assert late[0].overdue and late[0].due_at == ended + dt.timedelta(hours=24)

    v1, _ = capture.record_distribution(
        meeting.id, version="1", sent_at=ended + dt.timedelta(hours=3), recipients="wang@example.cn"
    )
    assert approval.minutes_due(project.id, ended + dt.timedelta(hours=30)) == []
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.MINUTES_SENT.value
    approval.return_with_changes(v1.id, returned_by="王建国", comments="Correct the go-live date")
    record = MinutesDistribution.get_by_id(v1.id)
    assert (record.approval, record.revision_needed) == ("returned", True)
    assert record.revision_items == "Correct the go-live date"
    assert capture.next_version(meeting.id) == "2"

    v2, _ = capture.record_distribution(
        meeting.id, version="2", sent_at=ended + dt.timedelta(days=1), recipients="wang@example.cn"
    )
    undo = approval.record_approval(
        v2.id,
        approved_by="Dr. Li (client PMO)",
        comments="OK",
        approved_at=ended + dt.timedelta(days=2),
    )
    record = MinutesDistribution.get_by_id(v2.id)
    assert (record.approval, record.approved_by) == ("approved", "Dr. Li (client PMO)")
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.MINUTES_CONFIRMED.value
    undo.undo()
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.MINUTES_SENT.value
    with pytest.raises(capture.ValidationProblem):
        approval.record_approval(v2.id, approved_by="  ")


def test_search_english_chinese_short_chinese_ranked(project: Project) -> None:
    meeting = first_meeting(project)
    capture.commit_note(meeting.id, "项目预算需要追加，预算评审下周进行", kind=NoteKind.CONCERN)
    capture.commit_note(meeting.id, "预算评审", kind=NoteKind.DECISION)
    capture.commit_note(meeting.id, "The budget review moves to Friday")
    capture.commit_note(meeting.id, "内部：王总对预算态度消极", internal=True)
    other = Project.create(name="Other client")
    Meeting.create(project=other, title="Budget kickoff")

    english = search.search("budget", project_id=project.id)
    assert [(h.kind, h.text) for h in english] == [
        (HitKind.NOTE, "The budget review moves to Friday")
    ]
    assert english[0].meeting_id == meeting.id
    everywhere = {h.text for h in search.search("BUDGET")}
    assert "Budget kickoff " in everywhere or "Budget kickoff" in {t.strip() for t in everywhere}

    three = search.search("预算评审", project_id=project.id)
    assert three[0].text == "预算评审"  # the shortest, closest text first
    assert {h.kind for h in three} == {HitKind.DECISION, HitKind.NOTE}

    two = search.search("预算", project_id=project.id)
    assert len(two) == 3
    internal = [h for h in two if h.internal]
    assert [h.text for h in internal] == ["内部：王总对预算态度消极"]
    assert search.search("王建国")[0].kind == HitKind.PERSON
    assert search.search("budget friday", project_id=project.id)[0].text.startswith("The budget")
    assert search.search("   ") == []
    assert search.search('"; DROP TABLE note; --') == []
    groups = search.grouped(three)
    assert [kind for kind, _ in groups] == [HitKind.DECISION, HitKind.NOTE]


def test_search_index_follows_edits_in_the_same_transaction_and_undo(project: Project) -> None:
    meeting = first_meeting(project)
    note, _ = capture.commit_note(meeting.id, "Steering committee in Shanghai")
    assert [h.record_id for h in search.search("Shanghai")] == [note.id]

    # Inside a transaction the index already has the edit; a rollback takes both back.
    with pytest.raises(RuntimeError), db.transaction():
        Note.update(text="Steering committee in Beijing").where(Note.id == note.id).execute()
        assert [h.record_id for h in search.search("Beijing")] == [note.id]
        assert search.search("Shanghai") == []
        raise RuntimeError("roll back")
    assert search.search("Beijing") == []
    assert [h.record_id for h in search.search("Shanghai")] == [note.id]

    edit = capture.edit_fields(Note, note.id, {"text": "Steering committee in 北京市"})
    assert [h.record_id for h in search.search("北京市")] == [note.id]
    capture.apply_edit(edit.inverse())  # what undo does
    assert search.search("北京市") == []
    assert [h.record_id for h in search.search("Shanghai")] == [note.id]

    # A note kept as a decision is found as a decision; deleting the meeting removes all.
    capture.edit_fields(Note, note.id, {"kind": NoteKind.DECISION.value})
    assert search.search("Shanghai")[0].kind == HitKind.DECISION
    snapshot = capture.delete_with_snapshot(Meeting, meeting.id)
    assert search.search("Shanghai") == [] and search.search("Room 12") == []
    capture.restore(snapshot)
    assert {h.kind for h in search.search("Shanghai")} == {HitKind.DECISION}
    assert search.search("Room 12")[0].kind == HitKind.MEETING


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_demo_has_a_weekly_review_series(database: Path, language: str) -> None:
    """Three held weekly reviews, items carried, decisions (one superseded), minutes
    approved, and next week's review planned with its open items."""
    from pmdesk.demo import create_demo_project
    from pmdesk.models import Language

    today = dt.date(2026, 3, 18)
    pid = create_demo_project(Language(language), today=today)
    (weekly,) = series.list_series(pid)
    assert weekly.cadence == Cadence.WEEKLY.value
    meetings = series.series_meetings(weekly.id)
    held = [m for m in meetings if m.starts_at.date() < today]
    assert len(held) == 3 and len(meetings) == 4
    assert all(m.starts_at.date() - today > dt.timedelta(days=-28) for m in held)
    assert [m.status for m in held] == ["minutes_confirmed", "minutes_confirmed", "minutes_sent"]
    approved = MinutesDistribution.select().where(
        MinutesDistribution.meeting.in_([m.id for m in held])
        & (MinutesDistribution.approval == "approved")
    )
    assert approved.count() == 2
    assert any(series.carried_items(m.id) for m in held[1:])
    planned = meetings[-1]
    assert planned.status == "planned"
    carried = series.carried_items(planned.id)
    assert {c.kind for c in carried} >= {CarryKind.ACTION, CarryKind.NOTE}
    log = decisions.list_decisions(pid)
    assert [e.status for e in log].count(DecisionStatus.SUPERSEDED) == 1


def test_minutes_print_the_review_of_open_items_and_the_invite_the_series(
    project: Project, tmp_path: Path
) -> None:
    from docx import Document
    from icalendar import Calendar

    from pmdesk.exports import ExportOptions
    from pmdesk.exports.invite_ics import export_invite
    from pmdesk.exports.minutes_docx import export_minutes

    m1 = first_meeting(project)
    s, _ = series.start_series(m1.id, cadence=Cadence.FORTNIGHTLY)
    capture.quick_action(m1.id, "Send the org chart", owner_id=None, due_date=dt.date(2026, 3, 6))
    capture.commit_note(m1.id, "Who signs off phase 2?", kind=NoteKind.QUESTION)
    capture.commit_note(
        m1.id, "Is the CFO on board? (team only)", kind=NoteKind.CONCERN, internal=True
    )
    m2, _ = series.plan_next_meeting(s.id)
    first, *_ = series.carried_items(m2.id)
    series.settle(first.id, CarryOutcome.RESOLVED)

    target = export_minutes(m2.id, tmp_path / "m.docx", ExportOptions())
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Review of open items" in headings
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Send the org chart" in cells and "Resolved" in cells
    assert "Question: Who signs off phase 2?" in cells
    assert not any("CFO" in c for c in cells)
    first_minutes = Document(str(export_minutes(m1.id, tmp_path / "m1.docx", ExportOptions())))
    assert "Review of open items" not in [p.text for p in first_minutes.paragraphs]

    invite = Calendar.from_ical(
        export_invite(m2.id, tmp_path / "i.ics", ExportOptions()).read_bytes()
    )
    (event,) = invite.walk("VEVENT")
    assert str(event["uid"]) == s.ical_uid
    assert event["rrule"]["FREQ"] == ["WEEKLY"] and event["rrule"]["INTERVAL"] == [2]


def test_status_report_lists_the_decisions_of_its_period(project: Project, tmp_path: Path) -> None:
    from docx import Document

    from pmdesk.exports import ExportOptions
    from pmdesk.exports.status_report_docx import export_status_report

    m1 = first_meeting(project)
    s, _ = series.start_series(m1.id)
    capture.commit_note(m1.id, "Go live on 1 June", kind=NoteKind.DECISION)
    m2, _ = series.plan_next_meeting(s.id)
    capture.commit_note(m2.id, "Go live on 1 July", kind=NoteKind.DECISION)
    capture.commit_note(m2.id, "Reserve kept internal", kind=NoteKind.DECISION, internal=True)
    day = m2.starts_at.date()
    target = export_status_report(
        project.id, tmp_path / "r.docx", ExportOptions(period_start=day, period_end=day)
    )
    document = Document(str(target))
    assert "Decisions in this period" in [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Go live on 1 July" in cells
    assert "Go live on 1 June" not in cells and "Reserve kept internal" not in cells
