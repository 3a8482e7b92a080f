"""Meetings and what hangs off them: purposes, attendees, agenda, checklist, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from peewee import JOIN, fn

from pmdesk.models import (
    AgendaItem,
    Attachment,
    Attendee,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Material,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MilestoneReview,
    Note,
    Person,
    Phase,
    Purpose,
    PurposeNote,
    Role,
    Rsvp,
)
from pmdesk.services import people
from pmdesk.services.common import get_or_fail

PURPOSE_ORDER = list(KickoffPurpose)
PHASE_ORDER = list(Phase)


def list_meetings(project_id: int) -> list[Meeting]:
    return list(
        Meeting.select()
        .where(Meeting.project == project_id)
        .order_by(Meeting.starts_at.desc(nulls="LAST"), Meeting.id.desc())
    )


def get_meeting(meeting_id: int) -> Meeting:
    return get_or_fail(Meeting, meeting_id)


def kickoff_meeting(project_id: int) -> Meeting | None:
    return (
        Meeting.select()
        .where((Meeting.project == project_id) & (Meeting.kind == MeetingKind.KICKOFF.value))
        .order_by(Meeting.starts_at, Meeting.id)
        .first()
    )


def purposes(meeting_id: int) -> list[Purpose]:
    rows = list(Purpose.select().where(Purpose.meeting == meeting_id))
    rows.sort(key=lambda p: PURPOSE_ORDER.index(KickoffPurpose(p.purpose)))
    return rows


def attendees(meeting_id: int) -> list[Attendee]:
    """The meeting's attendees by seniority (services.people), with their people loaded."""
    rows = (
        Attendee.select(Attendee, Person)
        .join(Person)
        .where(Attendee.meeting == meeting_id)
        .order_by(Attendee.position, Attendee.id)
    )
    return people.by_person_seniority(rows, lambda attendee: attendee.person)


def agenda(meeting_id: int) -> list[AgendaItem]:
    return list(
        AgendaItem.select()
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )


def materials(project_id: int) -> list[Material]:
    return list(Material.select().where(Material.project == project_id).order_by(Material.id))


def meeting_materials(meeting: Meeting) -> list[Material]:
    """The meeting's materials, and the project's materials not tied to any meeting."""
    return list(
        Material.select(
            Material.id,
            Material.project,
            Material.meeting,
            Material.title,
            Material.kind,
            Material.attachment,
            Material.version,
            Material.sent_on,
            Material.client_feedback,
            Material.status,
            Attachment.id,
            Attachment.file_name,
            Attachment.size,
        )  # everything but the file's bytes, which stay in the database until opened
        .join(Attachment, JOIN.LEFT_OUTER)
        .where(
            (Material.meeting == meeting.id)
            | ((Material.project == meeting.project_id) & Material.meeting.is_null())
        )
        .order_by(Material.id)
    )


def attachment(attachment_id: int) -> Attachment:
    return get_or_fail(Attachment, attachment_id)


def checklist(meeting_id: int) -> list[ChecklistItem]:
    rows = list(ChecklistItem.select().where(ChecklistItem.meeting == meeting_id))
    rows.sort(key=lambda c: (PHASE_ORDER.index(Phase(c.phase)), c.position, c.id))
    return rows


def checklist_due(item: ChecklistItem, meeting: Meeting) -> dt.datetime | None:
    """When the step is due: its fixed time, or its offset from the meeting start."""
    if item.due_at is not None:
        return item.due_at
    if item.due_offset_minutes is None or meeting.starts_at is None:
        return None
    return meeting.starts_at + dt.timedelta(minutes=item.due_offset_minutes)


def is_checklist_overdue(item: ChecklistItem, meeting: Meeting, now: dt.datetime) -> bool:
    due = checklist_due(item, meeting)
    return item.done_at is None and due is not None and due < now


def overdue_count(meeting: Meeting, now: dt.datetime) -> int:
    return sum(is_checklist_overdue(item, meeting, now) for item in checklist(meeting.id))


def agenda_schedule(
    meeting: Meeting, items: list[AgendaItem]
) -> list[tuple[AgendaItem, dt.datetime | None, dt.datetime | None]]:
    """Each agenda item with its start and end, one after the other from the meeting start."""
    if meeting.starts_at is None:
        return [(item, None, None) for item in items]
    out: list[tuple[AgendaItem, dt.datetime | None, dt.datetime | None]] = []
    start = meeting.starts_at
    for item in items:
        end = start + dt.timedelta(minutes=item.minutes_allotted)
        out.append((item, start, end))
        start = end
    return out


def meeting_minutes(meeting: Meeting) -> int | None:
    """The meeting's length in minutes, if its start and end are known."""
    if meeting.starts_at is None or meeting.ends_at is None:
        return None
    return int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)


def evidence_notes(purpose_id: int) -> list[Note]:
    """The notes linked to a purpose as its evidence, in the order they were said."""
    return list(
        Note.select(Note, Meeting, Person)
        .join(PurposeNote, on=(PurposeNote.note == Note.id))
        .switch(Note)
        .join(Meeting)
        .switch(Note)
        .join(Person, on=(Note.speaker == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(PurposeNote.purpose == purpose_id)
        .order_by(Meeting.starts_at, Note.offset_seconds, Note.id)
    )


def evidence_counts(meeting_id: int) -> dict[int, int]:
    """How many notes each purpose of the meeting has as evidence."""
    query = (
        PurposeNote.select(PurposeNote.purpose, fn.COUNT(PurposeNote.note))
        .join(Purpose)
        .where(Purpose.meeting == meeting_id)
        .group_by(PurposeNote.purpose)
        .tuples()
    )
    return dict(cast(Iterable[tuple[int, int]], query))


def project_notes(project_id: int) -> list[Note]:
    """Every note of the project's meetings (the evidence a purpose can cite)."""
    return list(
        Note.select(Note, Meeting, Person)
        .join(Meeting)
        .switch(Note)
        .join(Person, on=(Note.speaker == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(Meeting.project == project_id)
        .order_by(Meeting.starts_at.desc(nulls="LAST"), Meeting.id, Note.offset_seconds, Note.id)
    )


def consultant_pm(project_id: int) -> Person | None:
    return (
        Person.select()
        .where((Person.project == project_id) & (Person.role == Role.CONSULTANT_PM.value))
        .order_by(Person.id)
        .first()
    )


def upcoming_reviews(project_id: int, since: dt.date) -> list[MilestoneReview]:
    """Milestones and deliverables due on or after `since`, soonest first."""
    return list(
        MilestoneReview.select()
        .where(
            (MilestoneReview.project == project_id)
            & MilestoneReview.due_date.is_null(False)
            & (MilestoneReview.due_date >= since)
        )
        .order_by(MilestoneReview.due_date, MilestoneReview.id)
    )


def change_records(meeting_id: int) -> list[ChangeRecord]:
    return list(
        ChangeRecord.select()
        .where(ChangeRecord.meeting == meeting_id)
        .order_by(ChangeRecord.changed_at, ChangeRecord.id)
    )


def notes(meeting_id: int) -> list[Note]:
    return list(
        Note.select(Note, Person)
        .join(Person, on=(Note.speaker == Person.id), join_type=JOIN.LEFT_OUTER)
        .where(Note.meeting == meeting_id)
        .order_by(Note.offset_seconds, Note.id)
    )


def note_counts(project_id: int) -> dict[int, int]:
    """How many notes each of the project's meetings has, in one query."""
    query = (
        Note.select(Note.meeting, fn.COUNT(Note.id).alias("n"))
        .join(Meeting)
        .where(Meeting.project == project_id)
        .group_by(Note.meeting)
        .tuples()
    )
    return dict(cast(Iterable[tuple[int, int]], query))


# -- attendance at the meeting (issue #16 item 4) ----------------------------------------
HELD_STATUSES = (
    MeetingStatus.HELD.value,
    MeetingStatus.MINUTES_SENT.value,
    MeetingStatus.MINUTES_CONFIRMED.value,
)


def is_held(meeting: Meeting) -> bool:
    """Whether the meeting has taken place (its clock ran, or minutes went out)."""
    return meeting.status in HELD_STATUSES


@dataclass
class Attendance:
    """Who was at a meeting, by the rule: anyone who spoke at a held meeting was present."""

    present: list[Person] = field(default_factory=list)
    #: Declined or marked absent, and did not speak: the only ones minutes list as apologies.
    apologies: list[Person] = field(default_factory=list)
    #: Invited or confirmed, never marked and silent: neither present nor apologies.
    unrecorded: list[Person] = field(default_factory=list)


def speaker_ids(meeting_id: int) -> set[int]:
    """The people who have a note at this meeting."""
    rows = (
        Note.select(Note.speaker)
        .where((Note.meeting == meeting_id) & Note.speaker.is_null(False))
        .distinct()
    )
    return {int(row.__data__["speaker"]) for row in rows}


def attendance(meeting_id: int) -> Attendance:
    """The meeting's attendance for the minutes: before it is held nobody is present."""
    meeting = get_or_fail(Meeting, meeting_id)
    held = is_held(meeting)
    spoke = speaker_ids(meeting_id) if held else set()
    result = Attendance()
    for attendee in attendees(meeting_id):
        person = attendee.person
        if held and (attendee.rsvp == Rsvp.ATTENDED.value or person.id in spoke):
            result.present.append(person)
        elif attendee.rsvp == Rsvp.APOLOGIES.value:
            result.apologies.append(person)
        else:
            result.unrecorded.append(person)
    return result
