"""Attendance at a meeting: whoever spoke was there; apologies only for those who declined;
a meeting not yet held has nobody present."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pmdesk.models import Attendee, Language, Meeting, MeetingStatus, Rsvp
from pmdesk.services import capture, meetings
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


def _kickoff(database: Path) -> Meeting:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = meetings.kickoff_meeting(project_id)
    assert meeting is not None
    return meeting


def test_a_speaker_is_recorded_present_and_the_silent_invited_are_not_apologies(
    database: Path,
) -> None:
    meeting = _kickoff(database)
    Meeting.update(status=MeetingStatus.PLANNED.value).where(Meeting.id == meeting.id).execute()
    invited = [a for a in meetings.attendees(meeting.id) if a.rsvp == Rsvp.INVITED.value]
    declined = [a for a in meetings.attendees(meeting.id) if a.rsvp == Rsvp.APOLOGIES.value]
    speaker, silent = invited[0], invited[1]
    assert meetings.attendance(meeting.id).present == [], "not held yet: nobody was there"

    capture.start_clock(meeting.id, dt.datetime(2026, 11, 30, 9, 30))
    capture.commit_note(meeting.id, "We need the extract by Friday", speaker_id=speaker.person_id)

    assert Attendee.get_by_id(speaker.id).rsvp == Rsvp.ATTENDED.value
    seen = meetings.attendance(meeting.id)
    present = {p.id for p in seen.present}
    assert speaker.person_id in present
    assert silent.person_id not in present
    assert {p.id for p in seen.apologies} == {a.person_id for a in declined}
    assert silent.person_id in {p.id for p in seen.unrecorded}


def test_someone_who_sent_apologies_but_spoke_was_present(database: Path) -> None:
    meeting = _kickoff(database)
    declined = next(a for a in meetings.attendees(meeting.id) if a.rsvp == Rsvp.APOLOGIES.value)
    capture.start_clock(meeting.id, dt.datetime(2026, 11, 30, 9, 30))
    capture.commit_note(meeting.id, "Joined by phone after all", speaker_id=declined.person_id)
    seen = meetings.attendance(meeting.id)
    assert declined.person_id in {p.id for p in seen.present}
    assert declined.person_id not in {p.id for p in seen.apologies}
