"""Meetings and what hangs off them: purposes, attendees, agenda, checklist, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

from peewee import JOIN, fn

from pmdesk.models import (
    AgendaItem,
    Attendee,
    ChangeRecord,
    ChecklistItem,
    KickoffPurpose,
    Material,
    Meeting,
    MeetingKind,
    Note,
    Person,
    Phase,
    Purpose,
)
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
    return list(
        Attendee.select(Attendee, Person)
        .join(Person)
        .where(Attendee.meeting == meeting_id)
        .order_by(Attendee.position, Attendee.id)
    )


def agenda(meeting_id: int) -> list[AgendaItem]:
    return list(
        AgendaItem.select()
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )


def materials(project_id: int) -> list[Material]:
    return list(Material.select().where(Material.project == project_id).order_by(Material.id))


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
