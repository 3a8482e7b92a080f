"""Meetings as a series: cadence, agenda template, "Plan next meeting", carry-over.

A weekly progress review is one series; planning its next meeting copies the template's
agenda, the attendees and the venue, and opens the "Review of open items": every open
action of the series' earlier meetings, every concern and question nobody has answered,
every agenda item marked "continue next time". In the meeting the PM resolves, keeps or
drops each one; kept items come back next time, and each carry raises the action's
`carry_over_count` (the "carried over 3+ times" flag in progress).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from pmdesk.db import transaction
from pmdesk.models import (
    OPEN_ACTION_STATUSES,
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendee,
    Cadence,
    CarryKind,
    CarryOutcome,
    CarryOver,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Note,
    NoteKind,
    Person,
    Rsvp,
)
from pmdesk.services.capture import Reversible
from pmdesk.services.common import Changes, ValidationProblem, edit_fields, get_or_fail
from pmdesk.services.validation import clean_values

#: How far apart a regular series' meetings are (monthly: the same day next month).
_STEP_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14}
#: The calendar's rule for a regular series (RFC 5545 RRULE).
RRULES: dict[Cadence, dict[str, Any]] = {
    Cadence.WEEKLY: {"freq": "weekly"},
    Cadence.FORTNIGHTLY: {"freq": "weekly", "interval": 2},
    Cadence.MONTHLY: {"freq": "monthly"},
}
#: Notes that wait for an answer until a meeting resolves or drops them.
_QUESTION_KINDS = (NoteKind.CONCERN.value, NoteKind.QUESTION.value)
_CLOSED = (CarryOutcome.RESOLVED.value, CarryOutcome.DROPPED.value)


@dataclass(frozen=True)
class TemplateItem:
    title: str
    minutes: int = 0


def template(series: MeetingSeries) -> list[TemplateItem]:
    """The series' agenda template (an unreadable one reads as empty)."""
    try:
        rows = json.loads(series.agenda_template or "[]")
        return [TemplateItem(str(r["title"]), int(r.get("minutes", 0))) for r in rows]
    except (ValueError, TypeError, KeyError):
        return []


def _template_json(items: list[TemplateItem]) -> str:
    rows = [{"title": i.title, "minutes": i.minutes} for i in items if i.title.strip()]
    return json.dumps(rows, ensure_ascii=False)


def list_series(project_id: int) -> list[MeetingSeries]:
    return list(
        MeetingSeries.select().where(MeetingSeries.project == project_id).order_by(MeetingSeries.id)
    )


def list_meetings(project_id: int) -> list[Meeting]:
    """The project's meetings, latest first, each with its series (joined, for listing)."""
    return list(
        Meeting.select(Meeting, MeetingSeries)
        .join(MeetingSeries, JOIN.LEFT_OUTER, on=(Meeting.series == MeetingSeries.id))
        .where(Meeting.project == project_id)
        .order_by(Meeting.starts_at.desc(nulls="LAST"), Meeting.id.desc())
    )


def series_meetings(series_id: int) -> list[Meeting]:
    """The series' meetings, earliest first."""
    return list(
        Meeting.select()
        .where(Meeting.series == series_id)
        .order_by(Meeting.starts_at.asc(nulls="LAST"), Meeting.id)
    )


def start_series(
    meeting_id: int,
    *,
    cadence: Cadence = Cadence.WEEKLY,
    title: str | None = None,
    agenda_template: list[TemplateItem] | None = None,
) -> tuple[MeetingSeries, Reversible]:
    """Make `meeting` the first of a new series; the template defaults to its agenda."""
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        if meeting.series_id is not None:
            raise ValidationProblem("series", "this meeting is already part of a series")
        items = agenda_template
        if items is None:
            items = [
                TemplateItem(a.title, a.minutes_allotted)
                for a in AgendaItem.select()
                .where(AgendaItem.meeting == meeting_id)
                .order_by(AgendaItem.position, AgendaItem.id)
            ]
        values = clean_values(MeetingSeries, {"title": (title or meeting.title).strip()})
        if not values["title"]:
            raise ValidationProblem("title", "a series needs a title")
        series = MeetingSeries.create(
            project=meeting.project_id,
            kind=meeting.kind,
            cadence=Cadence(cadence).value,
            agenda_template=_template_json(items),
            ical_uid=f"{uuid.uuid4()}@pmdesk",
            **values,
        )
        undo = Reversible(
            Changes.of(MeetingSeries, Meeting, project_id=meeting.project_id),
            created=[(MeetingSeries, series.id)],
        )
        undo.edits.append(edit_fields(Meeting, meeting_id, {"series": series.id}, check=False))
    return series, undo


def join_series(meeting_id: int, series_id: int) -> Reversible:
    """Put an existing meeting into a series of its project."""
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        series = get_or_fail(MeetingSeries, series_id)
        if series.project_id != meeting.project_id:
            raise ValidationProblem("series", "not a series of this meeting's project")
        edit = edit_fields(Meeting, meeting_id, {"series": series_id}, check=False)
    return Reversible(Changes.of(Meeting, project_id=meeting.project_id), edits=[edit])


def next_start(series: MeetingSeries, last: dt.datetime | None) -> dt.datetime | None:
    """When the next meeting of a regular series falls, from the latest one."""
    if last is None:
        return None
    cadence = Cadence(series.cadence)
    if cadence in _STEP_DAYS:
        return last + dt.timedelta(days=_STEP_DAYS[cadence])
    if cadence == Cadence.MONTHLY:
        year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
        day = min(last.day, calendar.monthrange(year, month)[1])
        return last.replace(year=year, month=month, day=day)
    return None


def plan_next_meeting(
    series_id: int, *, starts_at: dt.datetime | None = None
) -> tuple[Meeting, Reversible]:
    """The series' next meeting, planned: template agenda, same attendees and venue, and
    its review of open items. A series planned by hand needs `starts_at`."""
    with transaction():
        series = get_or_fail(MeetingSeries, series_id)
        earlier = series_meetings(series_id)
        last = earlier[-1] if earlier else None
        if starts_at is None:
            starts_at = next_start(series, last.starts_at if last else None)
        if starts_at is None:
            raise ValidationProblem("starts_at", "say when the next meeting is")
        length = (
            last.ends_at - last.starts_at
            if last and last.starts_at and last.ends_at
            else dt.timedelta(minutes=sum(i.minutes for i in template(series)) or 60)
        )
        meeting = Meeting.create(
            project=series.project_id,
            kind=series.kind,
            title=series.title,
            starts_at=starts_at,
            ends_at=starts_at + length,
            venue=last.venue if last else "",
            time_zone=last.time_zone if last else "",
            status=MeetingStatus.PLANNED.value,
            series=series_id,
            ical_uid=f"{uuid.uuid4()}@pmdesk",
        )
        for position, item in enumerate(template(series)):
            AgendaItem.create(
                meeting=meeting, position=position, title=item.title, minutes_allotted=item.minutes
            )
        if last is not None:
            for attendee in Attendee.select().where(Attendee.meeting == last.id):
                Attendee.create(
                    meeting=meeting,
                    person=attendee.person_id,
                    responsibility=attendee.responsibility,
                    position=attendee.position,
                    rsvp=Rsvp.INVITED.value,
                )
        undo = Reversible(
            Changes.of(
                Meeting, AgendaItem, Attendee, CarryOver, ActionItem, project_id=series.project_id
            ),
            created=[(Meeting, meeting.id)],
        )
        undo.edits += _carry_into(meeting, [m.id for m in earlier])
    return meeting, undo


def open_review(meeting_id: int) -> Reversible:
    """Open the review of open items of a series meeting that already exists (one that
    joined the series, say), from the series' earlier meetings; items already in its
    review are not added twice."""
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        if meeting.series_id is None:
            raise ValidationProblem("series", "this meeting is not part of a series")
        earlier = [
            m.id
            for m in series_meetings(meeting.series_id)
            if m.id != meeting.id
            and (
                meeting.starts_at is None
                or (m.starts_at is not None and m.starts_at < meeting.starts_at)
            )
        ]
        before = CarryOver.select().where(CarryOver.meeting == meeting_id).count()
        edits = _carry_into(meeting, earlier)
        created = CarryOver.select(CarryOver.id).where(CarryOver.meeting == meeting_id)
        new_ids = [c.id for c in created.order_by(CarryOver.id)][before:]
    return Reversible(
        Changes.of(CarryOver, ActionItem, project_id=meeting.project_id),
        created=[(CarryOver, i) for i in new_ids],
        edits=edits,
    )


def _carry_into(meeting: Meeting, earlier_ids: list[int]) -> list[Any]:
    """Open the meeting's review of open items; returns the carry counts' edits."""
    if not earlier_ids:
        return []
    project_id = meeting.project_id
    already = CarryOver.select().where(CarryOver.meeting == meeting.id)
    seen = {(c.action_item_id, c.note_id, c.agenda_item_id) for c in already}
    closed_notes = _closed(CarryOver.note)
    closed_items = _closed(CarryOver.agenda_item)
    actions = list(
        ActionItem.select()
        .where(
            ActionItem.meeting.in_(earlier_ids)
            & ActionItem.status.in_([s.value for s in OPEN_ACTION_STATUSES])
        )
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id)
    )
    notes = list(
        Note.select()
        .where(
            Note.meeting.in_(earlier_ids)
            & Note.kind.in_(_QUESTION_KINDS)
            & Note.id.not_in(closed_notes)
        )
        .order_by(Note.meeting, Note.offset_seconds, Note.id)
    )
    items = list(
        AgendaItem.select()
        .where(
            AgendaItem.meeting.in_(earlier_ids)
            & (AgendaItem.continue_next_time == True)  # noqa: E712 (SQL, not Python)
            & AgendaItem.id.not_in(closed_items)
        )
        .order_by(AgendaItem.meeting, AgendaItem.position, AgendaItem.id)
    )
    actions = [a for a in actions if (a.id, None, None) not in seen]
    notes = [n for n in notes if (None, n.id, None) not in seen]
    items = [i for i in items if (None, None, i.id) not in seen]
    carried: list[tuple[CarryKind, str, Any]] = [
        *((CarryKind.ACTION, "action_item", a) for a in actions),
        *((CarryKind.NOTE, "note", n) for n in notes),
        *((CarryKind.AGENDA_ITEM, "agenda_item", i) for i in items),
    ]
    for position, (kind, column, record) in enumerate(carried):
        CarryOver.create(
            project=project_id,
            meeting=meeting.id,
            kind=kind.value,
            from_meeting=record.meeting_id,
            position=position,
            **{column: record.id},
        )
    return [
        edit_fields(ActionItem, a.id, {"carry_over_count": a.carry_over_count + 1}, check=False)
        for a in actions
    ]


def _closed(column: Any) -> Any:
    """The ids in `column` of the carries a meeting resolved or dropped (a subquery)."""
    return CarryOver.select(column).where(column.is_null(False) & CarryOver.outcome.in_(_CLOSED))


@dataclass(frozen=True)
class CarriedItem:
    """One line of a meeting's review of open items, as the PM and the minutes show it."""

    id: int
    kind: CarryKind
    text: str
    outcome: CarryOutcome
    from_meeting_id: int | None
    from_meeting_title: str
    from_meeting_date: dt.date | None
    owner: str = ""
    due_date: dt.date | None = None
    status: str = ""  # an action's status
    speaker: str = ""  # who raised a concern or question
    note_kind: str = ""
    internal: bool = False
    record_id: int = 0  # the action, note or agenda item carried


def carried_items(meeting_id: int) -> list[CarriedItem]:
    """The meeting's review of open items, in order."""
    source = Meeting.alias("source")
    owner = Person.alias("owner")
    speaker = Person.alias("speaker")
    rows = (
        CarryOver.select(CarryOver, ActionItem, Note, AgendaItem, source, owner, speaker)
        .join(ActionItem, JOIN.LEFT_OUTER, on=(CarryOver.action_item == ActionItem.id))
        .join(owner, JOIN.LEFT_OUTER, on=(ActionItem.owner == owner.id))
        .switch(CarryOver)
        .join(Note, JOIN.LEFT_OUTER, on=(CarryOver.note == Note.id))
        .join(speaker, JOIN.LEFT_OUTER, on=(Note.speaker == speaker.id))
        .switch(CarryOver)
        .join(AgendaItem, JOIN.LEFT_OUTER, on=(CarryOver.agenda_item == AgendaItem.id))
        .switch(CarryOver)
        .join(source, JOIN.LEFT_OUTER, on=(CarryOver.from_meeting == source.id))
        .where(CarryOver.meeting == meeting_id)
        .order_by(CarryOver.position, CarryOver.id)
    )
    out = []
    row: Any
    for row in rows:
        kind = CarryKind(row.kind)
        meeting = row.from_meeting if row.from_meeting_id is not None else None
        common: dict[str, Any] = {
            "id": row.id,
            "kind": kind,
            "outcome": CarryOutcome(row.outcome),
            "from_meeting_id": row.from_meeting_id,
            "from_meeting_title": meeting.title if meeting else "",
            "from_meeting_date": meeting.starts_at.date()
            if meeting and meeting.starts_at
            else None,
        }
        if kind == CarryKind.ACTION:
            action = row.action_item
            person = action.owner if action.owner_id is not None else None
            out.append(
                CarriedItem(
                    text=action.title,
                    owner=person.name if person else "",
                    due_date=action.due_date,
                    status=action.status,
                    record_id=action.id,
                    **common,
                )
            )
        elif kind == CarryKind.NOTE:
            note = row.note
            person = note.speaker if note.speaker_id is not None else None
            out.append(
                CarriedItem(
                    text=note.text,
                    speaker=person.name if person else "",
                    note_kind=note.kind,
                    internal=bool(note.internal),
                    record_id=note.id,
                    **common,
                )
            )
        else:
            out.append(
                CarriedItem(text=row.agenda_item.title, record_id=row.agenda_item.id, **common)
            )
    return out


def settle(carry_id: int, outcome: CarryOutcome) -> Reversible:
    """Resolve, keep or drop one carried item. A resolved action is done, a dropped one
    cancelled; a kept item comes back at the next meeting."""
    outcome = CarryOutcome(outcome)
    with transaction():
        carry = get_or_fail(CarryOver, carry_id)
        edits = [edit_fields(CarryOver, carry_id, {"outcome": outcome.value}, check=False)]
        if carry.action_item_id is not None:
            action = get_or_fail(ActionItem, carry.action_item_id)
            values: dict[str, Any] = {}
            if outcome == CarryOutcome.RESOLVED:
                values = {"status": ActionStatus.DONE.value, "completed_on": dt.date.today()}
            elif outcome == CarryOutcome.DROPPED:
                values = {"status": ActionStatus.CANCELLED.value}
            if values:
                edits.append(edit_fields(ActionItem, action.id, values, check=False))
        if carry.agenda_item_id is not None and outcome in _CLOSED:
            edits.append(
                edit_fields(
                    AgendaItem, carry.agenda_item_id, {"continue_next_time": False}, check=False
                )
            )
    return Reversible(
        Changes.of(CarryOver, ActionItem, AgendaItem, project_id=carry.project_id), edits=edits
    )


def mark_continue_next_time(agenda_item_id: int, value: bool = True) -> Reversible:
    """Mark an agenda item to come back at the series' next meeting (or not)."""
    with transaction():
        item = get_or_fail(AgendaItem, agenda_item_id)
        project_id = Meeting.select(Meeting.project).where(Meeting.id == item.meeting_id).scalar()
        edit = edit_fields(AgendaItem, agenda_item_id, {"continue_next_time": value}, check=False)
    return Reversible(Changes.of(AgendaItem, project_id=project_id), edits=[edit])


def record_time_used(agenda_item_id: int, seconds: int) -> Reversible:
    """The agenda timer's measure of one item (the minutes may show it, internal)."""
    with transaction():
        item = get_or_fail(AgendaItem, agenda_item_id)
        project_id = Meeting.select(Meeting.project).where(Meeting.id == item.meeting_id).scalar()
        edit = edit_fields(
            AgendaItem, agenda_item_id, {"seconds_used": max(0, seconds)}, check=False
        )
    return Reversible(Changes.of(AgendaItem, project_id=project_id), edits=[edit])


@dataclass(frozen=True)
class Recurrence:
    """What a series meeting's invite carries: the series' UID and, if regular, its rule."""

    uid: str
    rrule: dict[str, Any] | None


def invite_recurrence(meeting: Meeting) -> Recurrence | None:
    """The series identity for the meeting's .ics, or None for a meeting on its own."""
    if meeting.series_id is None:
        return None
    series = MeetingSeries.get_or_none(MeetingSeries.id == meeting.series_id)
    if series is None:
        return None
    return Recurrence(series.ical_uid or meeting.ical_uid, RRULES.get(Cadence(series.cadence)))
