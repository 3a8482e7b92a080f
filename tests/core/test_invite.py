"""The meeting invite (.ics): parses, carries attendees and the local time zone, updates
rather than duplicates, and holds nothing internal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from pmdesk.exports import ExportOptions
from pmdesk.exports.invite_ics import export_invite
from pmdesk.models import Attendee, Language, Meeting, Person, Rsvp
from pmdesk.services import NotFound, ValidationProblem, kickoff, meetings
from pmdesk.services.projects import create_project
from tests.demo_copy import demo_project

from .test_kickoff_pack import MARK, plant_markers

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo_kickoff(database: Path) -> Meeting:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = meetings.kickoff_meeting(project_id)
    assert meeting is not None
    return meeting


def read(path: Path) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_the_invite_parses_with_attendees_and_the_meetings_time_zone(
    demo_kickoff: Meeting, tmp_path: Path
) -> None:
    calendar, event = read(export_invite(demo_kickoff.id, tmp_path / "k.ics", ExportOptions()))
    assert str(calendar["METHOD"]) == "REQUEST"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 30, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTEND") - start == dt.timedelta(hours=2)
    assert str(event["SUMMARY"]) == demo_kickoff.title
    assert str(event["LOCATION"]) == demo_kickoff.venue
    assert "09:30–09:40 Opening: why this project, why now" in str(event["DESCRIPTION"])
    organizer = event["ORGANIZER"]
    assert str(organizer).lower() == "mailto:alex.morgan@meridian-advisory.example.com"
    assert organizer.params["CN"] == "Alex Morgan"

    attendees = {str(a).removeprefix("mailto:"): a.params for a in event["ATTENDEE"]}
    expected = {a.person.email: a for a in meetings.attendees(demo_kickoff.id) if a.person.email}
    assert set(attendees) == set(expected)
    for email, params in attendees.items():
        rsvp = Rsvp(expected[email].rsvp)
        assert params["CN"] == expected[email].person.name
        assert params["RSVP"] == "TRUE"
        assert (
            params["PARTSTAT"]
            == {
                Rsvp.INVITED: "NEEDS-ACTION",
                Rsvp.CONFIRMED: "ACCEPTED",
                Rsvp.ATTENDED: "ACCEPTED",
                Rsvp.APOLOGIES: "DECLINED",
            }[rsvp]
        )
        assert params["ROLE"] == (
            "OPT-PARTICIPANT" if rsvp == Rsvp.APOLOGIES else "REQ-PARTICIPANT"
        )


def test_attendees_without_email_are_left_out(demo_kickoff: Meeting, tmp_path: Path) -> None:
    attendee = meetings.attendees(demo_kickoff.id)[0]
    Person.update(email="").where(Person.id == attendee.person_id).execute()
    _, event = read(export_invite(demo_kickoff.id, tmp_path / "k.ics", ExportOptions()))
    names = [a.params["CN"] for a in event["ATTENDEE"]]
    assert attendee.person.name not in names
    assert len(names) == Attendee.select().where(Attendee.meeting == demo_kickoff.id).count() - 1


def test_a_re_export_keeps_the_uid_and_raises_the_sequence_after_a_change(
    demo_kickoff: Meeting, tmp_path: Path
) -> None:
    _, first = read(export_invite(demo_kickoff.id, tmp_path / "1.ics", ExportOptions()))
    uid = str(first["UID"])
    assert uid.endswith("@pmdesk") and Meeting.get_by_id(demo_kickoff.id).ical_uid == uid
    assert first["SEQUENCE"] == 0

    _, same = read(export_invite(demo_kickoff.id, tmp_path / "2.ics", ExportOptions()))
    assert (str(same["UID"]), same["SEQUENCE"]) == (uid, 0), "nothing changed"

    later = demo_kickoff.starts_at + dt.timedelta(days=1)
    kickoff.edit(
        Meeting, demo_kickoff.id, {"starts_at": later, "ends_at": later + dt.timedelta(hours=2)}
    )
    _, moved = read(export_invite(demo_kickoff.id, tmp_path / "3.ics", ExportOptions()))
    assert str(moved["UID"]) == uid
    assert moved["SEQUENCE"] == 1
    assert moved.decoded("DTSTART").date() == dt.date(2026, 12, 1)


def test_the_invite_holds_nothing_internal(demo_kickoff: Meeting, tmp_path: Path) -> None:
    plant_markers(demo_kickoff.project_id)
    path = export_invite(demo_kickoff.id, tmp_path / "k.ics", ExportOptions())
    assert MARK not in path.read_text(encoding="utf-8")


def test_chinese_invite_and_refusals(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    meeting = meetings.kickoff_meeting(project_id)
    assert meeting is not None
    _, event = read(export_invite(meeting.id, tmp_path / "启动会.ics", ExportOptions()))
    assert event["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert "会议议程：" in str(event["DESCRIPTION"])

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound, match="No meeting with id 999"):
        export_invite(999, out / "x.ics", ExportOptions())
    project, _ = create_project("No time yet")
    unscheduled = Meeting.create(project=project, title="Kickoff", kind="kickoff")
    with pytest.raises(ValidationProblem) as problem:
        export_invite(unscheduled.id, out / "x.ics", ExportOptions())
    assert problem.value.field == "starts_at"
    assert list(out.iterdir()) == []
    assert Meeting.get_by_id(unscheduled.id).ical_uid == ""
