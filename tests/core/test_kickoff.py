"""Preparing the kickoff: planning it, the checklist's relative due times, the change log,
attendees, evidence, ordering and the files kept with materials."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeField,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Language,
    Material,
    Meeting,
    MeetingStatus,
    Note,
    Person,
    Phase,
    Project,
    PurposeNote,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import NotFound, ValidationProblem, kickoff, meetings
from pmdesk.services.projects import create_project

START = dt.datetime(2026, 12, 7, 9, 30)


@pytest.fixture
def planned(database: Path) -> Meeting:
    project, _ = create_project("Data platform", client_org="Hengyuan")
    meeting, _ = kickoff.plan_kickoff(project.id, START, venue="Room 12", time_zone="Asia/Shanghai")
    return meeting


def steps(meeting: Meeting) -> list[ChecklistItem]:
    return meetings.checklist(meeting.id)


def test_planning_creates_the_four_purposes_and_the_methods_checklist(planned: Meeting) -> None:
    meeting = meetings.get_meeting(planned.id)
    assert meeting.kind == "kickoff" and meeting.status == MeetingStatus.PLANNED
    assert meeting.ends_at == START + dt.timedelta(hours=2)
    assert meeting.title == "Project kickoff: Data platform"
    assert [p.purpose for p in meetings.purposes(meeting.id)] == list(KickoffPurpose)
    checklist = steps(meeting)
    assert len(checklist) == len(kickoff.METHOD_CHECKLIST)
    assert [c.phase for c in checklist] == [s.phase for s in kickoff.METHOD_CHECKLIST]
    assert all(c.due_at is None and c.due_offset_minutes is not None for c in checklist)
    agree = checklist[0]
    assert "attendees" in agree.text and agree.due_offset_minutes == -10 * 24 * 60
    # The step "respond with next steps" is due at the meeting's end.
    respond = next(c for c in checklist if "next-step" in c.text)
    assert meetings.checklist_due(respond, meeting) == meeting.ends_at


def test_planning_in_chinese_and_refusals(database: Path) -> None:
    project, _ = create_project("数字化采购", document_language=Language.ZH_CN)
    meeting, _ = kickoff.plan_kickoff(project.id, START, time_zone="")
    assert meeting.title == "数字化采购项目启动会"
    assert "参会人员" in steps(meeting)[0].text
    with pytest.raises(ValidationProblem) as again:
        kickoff.plan_kickoff(project.id, START)
    assert again.value.field == "kind"

    other, _ = create_project("Other")
    with pytest.raises(ValidationProblem) as zone:
        kickoff.plan_kickoff(other.id, START, time_zone="Mars/Olympus")
    assert zone.value.field == "time_zone"
    with pytest.raises(ValidationProblem) as end:
        kickoff.plan_kickoff(other.id, START, ends_at=START - dt.timedelta(hours=1))
    assert end.value.field == "ends_at"
    with pytest.raises(NotFound):
        kickoff.plan_kickoff(999, START)
    assert meetings.kickoff_meeting(other.id) is None, "nothing half-made"


def test_moving_the_meeting_moves_relative_due_times_but_not_fixed_ones(
    planned: Meeting,
) -> None:
    fixed_time = dt.datetime(2026, 12, 1, 17, 0)
    fixed = kickoff.add_checklist_item(
        planned.id, Phase.BEFORE, "Book the projector", due_at=fixed_time
    )
    before = {c.id: meetings.checklist_due(c, planned) for c in steps(planned)}
    assert before[fixed.id] == fixed_time

    later = START + dt.timedelta(days=3, hours=1)
    edit = kickoff.edit(
        Meeting, planned.id, {"starts_at": later, "ends_at": later + dt.timedelta(hours=2)}
    )
    moved = meetings.get_meeting(planned.id)
    for item in steps(moved):
        due = meetings.checklist_due(item, moved)
        if item.id == fixed.id:
            assert due == fixed_time
        else:
            assert due == before[item.id] + dt.timedelta(days=3, hours=1)

    kickoff.edit(Meeting, planned.id, edit.before)  # undo
    back = meetings.get_meeting(planned.id)
    assert {c.id: meetings.checklist_due(c, back) for c in steps(back)} == before


def test_overdue_is_an_undone_step_due_before_now(planned: Meeting) -> None:
    now = START - dt.timedelta(days=6)  # after the -10 and -7 day steps
    overdue = [c for c in steps(planned) if meetings.is_checklist_overdue(c, planned, now)]
    assert [c.due_offset_minutes for c in overdue] == [-10 * 1440, -7 * 1440]
    kickoff.edit(ChecklistItem, overdue[0].id, {"done_at": now})
    assert meetings.overdue_count(meetings.get_meeting(planned.id), now) == 1


def test_a_step_is_due_relative_or_fixed_not_both(planned: Meeting) -> None:
    item = steps(planned)[0]
    with pytest.raises(ValidationProblem) as both:
        kickoff.edit(ChecklistItem, item.id, {"due_at": START})
    assert both.value.field == "due"
    kickoff.edit(ChecklistItem, item.id, {"due_at": START, "due_offset_minutes": None})
    assert ChecklistItem.get_by_id(item.id).due_at == START
    with pytest.raises(ValidationProblem) as blank:
        kickoff.add_checklist_item(planned.id, Phase.AFTER, "   ")
    assert blank.value.field == "text"


def test_steps_move_within_their_phase_and_back(planned: Meeting) -> None:
    before_phase = [c.id for c in steps(planned) if c.phase == Phase.BEFORE]
    reorder = kickoff.move(ChecklistItem, before_phase[1], -1)
    assert reorder is not None
    now = [c.id for c in steps(planned) if c.phase == Phase.BEFORE]
    assert now[:2] == [before_phase[1], before_phase[0]]
    assert kickoff.move(ChecklistItem, now[0], -1) is None, "already first"
    during = [c.id for c in steps(planned) if c.phase == Phase.DURING]
    assert kickoff.move(ChecklistItem, during[0], -1) is None, "not into another phase"
    kickoff.apply_positions(ChecklistItem, reorder.before)
    assert [c.id for c in steps(planned) if c.phase == Phase.BEFORE] == before_phase


def test_the_change_log_records_what_when_and_who(planned: Meeting) -> None:
    lead = kickoff.add_person(
        planned.project_id, "Wang Haifeng", side=Side.CLIENT, role=Role.CLIENT_LEAD
    )
    when = dt.datetime(2026, 12, 6, 16, 20)
    record = kickoff.add_change(
        planned.id,
        ChangeField.VENUE,
        "  Moved to Training Room A  ",
        confirmed_by_id=lead.id,
        changed_at=when,
    )
    logged = meetings.change_records(planned.id)
    assert [(c.field, c.description, c.changed_at, c.confirmed_by.name) for c in logged] == [
        ("venue", "Moved to Training Room A", when, "Wang Haifeng")
    ]
    with pytest.raises(ValidationProblem) as blank:
        kickoff.add_change(planned.id, ChangeField.TIME, " ")
    assert blank.value.field == "description"
    stranger_project, _ = create_project("Elsewhere")
    stranger = Person.create(project=stranger_project, name="Outsider")
    with pytest.raises(ValidationProblem) as other:
        kickoff.add_change(planned.id, ChangeField.TIME, "x", confirmed_by_id=stranger.id)
    assert other.value.field == "confirmed_by"

    snapshot = kickoff.remove(ChangeRecord, record.id)
    assert meetings.change_records(planned.id) == []
    kickoff.put_back(snapshot)
    assert [c.id for c in meetings.change_records(planned.id)] == [record.id]


def test_attendees_from_the_register_or_added_on_the_spot(planned: Meeting) -> None:
    with pytest.raises(ValidationProblem) as role:
        kickoff.add_person(planned.project_id, "Li", side=Side.CLIENT, role=Role.CONSULTANT_MEMBER)
    assert role.value.field == "role"
    with pytest.raises(ValidationProblem) as email:
        kickoff.add_person(
            planned.project_id, "Li", side=Side.CLIENT, role=Role.CLIENT_LEADER, email="li@"
        )
    assert email.value.field == "email"
    person = kickoff.add_person(
        planned.project_id,
        " Li Ming ",
        side=Side.CLIENT,
        role=Role.CLIENT_LEADER,
        email="li.ming@example.cn",
    )
    assert person.name == "Li Ming"
    ids = kickoff.add_attendees(planned.id, [person.id])
    assert Attendee.get_by_id(ids[0]).rsvp == Rsvp.INVITED
    with pytest.raises(ValidationProblem) as twice:
        kickoff.add_attendees(planned.id, [person.id])
    assert twice.value.field == "person"


def test_evidence_links_notes_of_the_projects_meetings(planned: Meeting) -> None:
    purpose = meetings.purposes(planned.id)[2]
    other_meeting = Meeting.create(project=planned.project_id, title="Alignment")
    notes = [Note.create(meeting=other_meeting, text=f"n{i}") for i in range(3)]
    change = kickoff.set_evidence(purpose.id, [notes[0].id, notes[2].id])
    assert [n.id for n in meetings.evidence_notes(purpose.id)] == [notes[0].id, notes[2].id]
    assert meetings.evidence_counts(planned.id) == {purpose.id: 2}
    kickoff.set_evidence(purpose.id, change.before)
    assert PurposeNote.select().count() == 0

    elsewhere, _ = create_project("Elsewhere")
    foreign = Note.create(meeting=Meeting.create(project=elsewhere, title="M"), text="x")
    with pytest.raises(ValidationProblem):
        kickoff.set_evidence(purpose.id, [foreign.id])


def test_a_materials_file_is_kept_in_the_database_and_undone_exactly(
    planned: Meeting, tmp_path: Path
) -> None:
    material = kickoff.add_material(planned.id, "Kickoff deck", version="0.9")
    first = tmp_path / "deck v1.pptx"
    first.write_bytes(b"first deck")
    swap = kickoff.attach_file(material.id, *kickoff.read_file(first))
    stored = Attachment.get_by_id(swap.after["id"])
    assert (stored.file_name, stored.size) == ("deck v1.pptx", 10)
    assert stored.sha256 == hashlib.sha256(b"first deck").hexdigest()
    first.unlink()  # the file lives on in the database
    assert kickoff.material_file(material.id) == ("deck v1.pptx", b"first deck")

    replace = kickoff.attach_file(material.id, "deck v2.pptx", b"second")
    assert Attachment.select().count() == 1, "the replaced file goes"
    kickoff.apply_file_swap(replace.inverse())  # undo
    assert kickoff.material_file(material.id) == ("deck v1.pptx", b"first deck")
    assert Material.get_by_id(material.id).attachment.id == stored.id, "same id back"
    kickoff.apply_file_swap(replace)  # redo
    assert kickoff.material_file(material.id) == ("deck v2.pptx", b"second")

    with pytest.raises(ValidationProblem) as missing:
        kickoff.read_file(tmp_path / "nope.pdf")
    assert missing.value.field == "file"


def test_edits_are_validated_naming_the_field(planned: Meeting) -> None:
    item = kickoff.add_agenda_item(planned.id, "Opening", minutes=10)
    for model, record_id, values, field in (
        (AgendaItem, item.id, {"title": "  "}, "title"),
        (AgendaItem, item.id, {"minutes_allotted": -5}, "minutes_allotted"),
        (Meeting, planned.id, {"time_zone": "Asia/Nowhere"}, "time_zone"),
        (Meeting, planned.id, {"ends_at": START - dt.timedelta(minutes=1)}, "ends_at"),
        (Meeting, planned.id, {"title": ""}, "title"),
    ):
        with pytest.raises(ValidationProblem) as problem:
            kickoff.edit(model, record_id, values)
        assert problem.value.field == field
    assert AgendaItem.get_by_id(item.id).title == "Opening"


def test_the_invite_sequence_rises_on_changes_once_the_invite_went_out(
    planned: Meeting,
) -> None:
    kickoff.edit(Meeting, planned.id, {"venue": "Room 15"})
    assert Meeting.get_by_id(planned.id).ical_sequence == 0, "not sent yet: no revision"
    Meeting.update(ical_uid="abc@pmdesk").where(Meeting.id == planned.id).execute()
    edit = kickoff.edit(Meeting, planned.id, {"venue": "Room 16"})
    assert Meeting.get_by_id(planned.id).ical_sequence == 1
    kickoff.edit(Meeting, planned.id, edit.before)  # undo is a revision too
    assert Meeting.get_by_id(planned.id).ical_sequence == 2
    kickoff.edit(Meeting, planned.id, {"status": MeetingStatus.CONFIRMED.value})
    item = kickoff.add_agenda_item(planned.id, "Opening", minutes=10)
    assert Meeting.get_by_id(planned.id).ical_sequence == 3, "agenda is in the invite"
    kickoff.remove(AgendaItem, item.id)
    assert Meeting.get_by_id(planned.id).ical_sequence == 4
    assert Project.select().count() == 1


def test_the_chinese_kickoff_title_does_not_double_xiangmu(database: object) -> None:
    from pmdesk.models import Language
    from pmdesk.services import kickoff, projects

    named, _ = projects.create_project("仓储管理系统项目")
    plain, _ = projects.create_project("仓储管理系统")
    assert kickoff.default_title(named, Language.ZH_CN) == "仓储管理系统项目启动会"
    assert kickoff.default_title(plain, Language.ZH_CN) == "仓储管理系统项目启动会"
    assert kickoff.default_title(plain, Language.EN) == "Project kickoff: 仓储管理系统"
