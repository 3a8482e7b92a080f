"""The meeting invite (.ics, client-facing): one event a calendar can import and update.

METHOD:REQUEST with a stable UID (made once, kept in `meeting.ical_uid`), so importing a
newer invite updates the event instead of adding a second one. SEQUENCE is
`meeting.ical_sequence`, which the kickoff services raise on every change the invite
shows once it was first exported (see services.kickoff). Times carry the meeting's own
time zone with its VTIMEZONE. Only what the client may see goes in: title, time, venue,
the agenda, and the attendees with their names and replies.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress, vText

from pmdesk import __version__
from pmdesk.db import transaction
from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.models import Attendee, Language, Meeting, MeetingStatus, Rsvp
from pmdesk.services import ValidationProblem, kickoff, meetings, projects, series

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "project": "Project: {name}",
        "agenda": "Agenda:",
        "presenter": "presented by {name}",
        "minutes": "{minutes} min",
        "extras": " ({text})",
        "join": "; ",
    },
    Language.ZH_CN: {
        "project": "项目：{name}",
        "agenda": "会议议程：",
        "presenter": "汇报人：{name}",
        "minutes": "{minutes}分钟",
        "extras": "（{text}）",
        "join": "；",
    },
}

#: How a reply reads in the invite (RFC 5545 PARTSTAT).
PARTSTAT = {
    Rsvp.INVITED: "NEEDS-ACTION",
    Rsvp.CONFIRMED: "ACCEPTED",
    Rsvp.ATTENDED: "ACCEPTED",
    Rsvp.APOLOGIES: "DECLINED",
}


def meeting_zone(meeting: Meeting) -> dt.tzinfo:
    """The meeting's time zone; "" means the computer's own zone."""
    name = meeting.time_zone or kickoff.system_time_zone()
    if name:
        return zoneinfo.ZoneInfo(name)
    local = dt.datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def ensure_uid(meeting_id: int) -> Meeting:
    """The meeting with its invite UID, made (once) if it has none yet."""
    with transaction():
        meeting = meetings.get_meeting(meeting_id)
        if not meeting.ical_uid:
            meeting.ical_uid = f"{uuid.uuid4()}@pmdesk"
            meeting.save(only=[Meeting.ical_uid])
    return meeting


def build_invite(meeting: Meeting, language: Language) -> Calendar:
    """The calendar with one VEVENT for `meeting` (which must have a UID and a start)."""
    if meeting.starts_at is None:
        raise ValidationProblem("starts_at", "the meeting has no date and time yet")
    words = WORDS[language]
    project = projects.get_project(meeting.project_id)
    zone = meeting_zone(meeting)
    agenda = meetings.agenda(meeting.id)
    ends_at = meeting.ends_at or meeting.starts_at + dt.timedelta(
        minutes=sum(item.minutes_allotted for item in agenda) or 60
    )

    calendar = Calendar()
    calendar.add("prodid", f"-//pmdesk//pmdesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")

    event = Event()
    recurrence = series.invite_recurrence(meeting)  # a series meeting: the series' UID
    event.add("uid", recurrence.uid if recurrence else meeting.ical_uid)
    if recurrence and recurrence.rrule:
        event.add("rrule", recurrence.rrule)
    event.add("sequence", meeting.ical_sequence)
    event.add("dtstamp", dt.datetime.now(dt.UTC).replace(microsecond=0))
    event.add("dtstart", meeting.starts_at.replace(tzinfo=zone))
    event.add("dtend", ends_at.replace(tzinfo=zone))
    event.add("summary", meeting.title)
    if meeting.venue:
        event.add("location", meeting.venue)
    event.add("description", _description(meeting, project.name, words))
    tentative = meeting.status == MeetingStatus.PLANNED
    event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    event.add("transp", "OPAQUE")

    organizer = meetings.consultant_pm(meeting.project_id)
    if organizer is not None and organizer.email:
        address = vCalAddress(f"mailto:{organizer.email}")
        address.params["cn"] = vText(organizer.name)
        event.add("organizer", address)
    for attendee in meetings.attendees(meeting.id):
        if attendee.person.email:
            event.add("attendee", _attendee(attendee), encode=False)
    calendar.add_component(event)
    # The zone's rules around the meeting only: enough for any calendar, and short.
    day = meeting.starts_at.date()
    calendar.add_missing_timezones(
        first_date=day - dt.timedelta(days=366), last_date=day + dt.timedelta(days=3 * 366)
    )
    return calendar


def _attendee(attendee: Attendee) -> vCalAddress:
    address = vCalAddress(f"mailto:{attendee.person.email}")
    rsvp = Rsvp(attendee.rsvp)
    address.params["cn"] = vText(attendee.person.name)
    address.params["cutype"] = vText("INDIVIDUAL")
    # Someone who sent apologies is told of changes but not expected.
    role = "OPT-PARTICIPANT" if rsvp == Rsvp.APOLOGIES else "REQ-PARTICIPANT"
    address.params["role"] = vText(role)
    address.params["partstat"] = vText(PARTSTAT[rsvp])
    address.params["rsvp"] = vText("TRUE")
    return address


def _description(meeting: Meeting, project_name: str, words: dict[str, str]) -> str:
    lines = [words["project"].format(name=project_name), "", words["agenda"]]
    schedule = meetings.agenda_schedule(meeting, meetings.agenda(meeting.id))
    for item, start, end in schedule:
        slot = f"{start:%H:%M}–{end:%H:%M} " if start and end else ""
        line = f"{slot}{item.title}"
        extras = []
        if item.presenter is not None:
            extras.append(words["presenter"].format(name=item.presenter.name))
        if not slot and item.minutes_allotted:
            extras.append(words["minutes"].format(minutes=item.minutes_allotted))
        if extras:
            line += words["extras"].format(text=words["join"].join(extras))
        lines.append(line)
    return "\n".join(lines)


def export_invite(meeting_id: int, target: Path, options: ExportOptions) -> Path:
    """Write the meeting's invite; a re-export keeps the UID (the calendar updates)."""
    meeting = meetings.get_meeting(meeting_id)
    if meeting.starts_at is None:
        raise ValidationProblem("starts_at", "the meeting has no date and time yet")
    project = projects.get_project(meeting.project_id)
    language = document_language(project.document_language, options)
    with transaction():
        # The UID is kept only if the file is written: a failed export leaves no trace.
        meeting = ensure_uid(meeting_id)
        data = build_invite(meeting, language).to_ical()
        return write_client_file(
            Path(target), lambda temporary: temporary.write_bytes(data), project.id
        )
