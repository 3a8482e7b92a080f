"""Live capture and what follows a meeting: notes, drafts, observations, valued outcomes,
quick action items and the minutes' distribution record.

Each use case is one transaction. Those that write more than one row return a
`Reversible`, which the UI puts on the undo stack: undo takes back all of it in one
transaction, redo puts it back with the same ids.

The meeting clock: "Start meeting clock" stores when the meeting really started (a
`Draft` row keyed "clock:<meeting id>", so the planned `starts_at` of the invite is
kept); a note's `offset_seconds` counts from it. Without a started clock the first note
starts it, so the first note is at 0:00.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, Model, fn

from pmdesk import db
from pmdesk.db import transaction
from pmdesk.models import (
    ActionItem,
    ActionSource,
    ActionStatus,
    AgendaItem,
    Assessment,
    Attendee,
    CooperationType,
    Draft,
    Engagement,
    LeaderPriority,
    LeaderPriorityNote,
    Meeting,
    MeetingStatus,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
    Role,
    Rsvp,
    ScopeItem,
    Side,
    database,
)
from pmdesk.services import audience, drafts, meetings, people
from pmdesk.services.common import (
    Changes,
    FieldEdit,
    NotFound,
    ValidationProblem,
    apply_edit,
    edit_fields,
    get_or_fail,
)
from pmdesk.services.snapshots import Snapshot, delete_with_snapshot, restore
from pmdesk.services.validation import clean_text, clean_values

#: Longest note text accepted in one go (a pasted page, not a stuck key).
MAX_NOTE_LENGTH = 10_000
#: The roles whose remarks the method asks to record (记录下各位领导的发言).
LEADER_ROLES = (Role.CLIENT_LEAD, Role.CLIENT_LEADER)


def draft_key(meeting_id: int) -> str:
    """The Draft row holding the capture line of a meeting."""
    return f"capture:{meeting_id}"


def clock_key(meeting_id: int) -> str:
    """The Draft row holding when the meeting's clock was started (ISO time)."""
    return f"clock:{meeting_id}"


def clock_stop_key(meeting_id: int) -> str:
    """The Draft row holding when the meeting's clock was stopped (ISO time)."""
    return f"clock-stop:{meeting_id}"


def _ref(record: Model, name: str) -> Any:
    """The id a foreign key holds, without loading the record it points at."""
    return record.__data__.get(name)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# -- undo data -------------------------------------------------------------------------


@dataclass
class Reversible:
    """Rows one action created, links it made and fields it changed: enough to undo it.

    `links` are rows of the key-less link table (LeaderPriorityNote) as (priority, note).
    """

    changes: Changes
    created: list[tuple[type[Model], int]] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    edits: list[FieldEdit] = field(default_factory=list)
    _snapshots: list[Snapshot] = field(default_factory=list, repr=False)

    def undo(self) -> None:
        with transaction():
            for edit in reversed(self.edits):
                apply_edit(edit.inverse())
            for priority_id, note_id in self.links:
                LeaderPriorityNote.delete().where(
                    (LeaderPriorityNote.priority == priority_id)
                    & (LeaderPriorityNote.note == note_id)
                ).execute()
            self._snapshots = [
                delete_with_snapshot(model, record_id)
                for model, record_id in reversed(self.created)
            ]

    def redo(self) -> None:
        with transaction():
            for snapshot in reversed(self._snapshots):
                restore(snapshot)
            for priority_id, note_id in self.links:
                LeaderPriorityNote.insert(
                    priority=priority_id, note=note_id
                ).on_conflict_ignore().execute()
            for edit in self.edits:
                apply_edit(edit)


# -- reading ---------------------------------------------------------------------------


def meeting_notes(meeting_id: int) -> list[Note]:
    """The meeting's notes in time order, with speaker and agenda item in one query."""
    speaker = Person.alias()
    return list(
        Note.select(Note, speaker, AgendaItem)
        .join(speaker, JOIN.LEFT_OUTER, on=(Note.speaker == speaker.id))
        .switch(Note)
        .join(AgendaItem, JOIN.LEFT_OUTER, on=(Note.agenda_item == AgendaItem.id))
        .where(Note.meeting == meeting_id)
        .order_by(Note.offset_seconds, Note.id)
    )


@dataclass(frozen=True)
class SpeakerSummary:
    """Everything one person said in a meeting, in order, with counts by kind."""

    person: Person | None
    notes: tuple[Note, ...]

    @property
    def kinds(self) -> Counter[NoteKind]:
        return Counter(NoteKind(n.kind) for n in self.notes)


def speaker_summaries(notes: Sequence[Note], attendees: Iterable[Attendee]) -> list[SpeakerSummary]:
    """Notes grouped by speaker: attendees in their order (even silent ones), then others.

    Works on rows already loaded (`meeting_notes`, `meetings.attendees`): no queries.
    """
    by_speaker: dict[int | None, list[Note]] = {}
    for note in notes:
        by_speaker.setdefault(note.speaker_id, []).append(note)
    out: list[SpeakerSummary] = []
    seen: set[int | None] = set()
    for attendee in attendees:
        seen.add(attendee.person_id)
        out.append(SpeakerSummary(attendee.person, tuple(by_speaker.get(attendee.person_id, ()))))
    for speaker_id, said in by_speaker.items():
        if speaker_id not in seen:
            out.append(SpeakerSummary(said[0].speaker if speaker_id else None, tuple(said)))
    return out


def clock_start(meeting_id: int) -> dt.datetime | None:
    """When the meeting's clock started: as recorded, else as the notes imply, else None."""
    row = drafts.load(clock_key(meeting_id))
    if row is not None:
        try:
            return dt.datetime.fromisoformat(row.text)
        except ValueError:
            pass
    first = (
        Note.select(Note.created_at, Note.offset_seconds)
        .where(Note.meeting == meeting_id)
        .order_by(Note.offset_seconds, Note.id)
        .first()
    )
    if first is None:
        return None
    return first.created_at - dt.timedelta(seconds=first.offset_seconds)


def elapsed_seconds(start: dt.datetime | None, now: dt.datetime) -> int:
    """Seconds since `start` (0 before it or without one)."""
    if start is None:
        return 0
    return max(0, int((now - start).total_seconds()))


@dataclass(frozen=True)
class CaptureLine:
    """The capture line as it stands: the text and who said it, what kind, where, and
    whether it is internal — so a line brought back after a crash saves as it was meant."""

    text: str
    kind: NoteKind = NoteKind.REMARK
    speaker_id: int | None = None
    agenda_item_id: int | None = None
    internal: bool = False
    #: When it was saved as a draft (made now, for a line being typed).
    saved_at: dt.datetime = field(default_factory=lambda: _now())

    def to_json(self) -> str:
        return json.dumps(
            {
                "line": self.text,
                "kind": NoteKind(self.kind).value,
                "speaker": self.speaker_id,
                "agenda_item": self.agenda_item_id,
                "internal": self.internal,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_draft(cls, text: str, saved_at: dt.datetime) -> CaptureLine:
        """Read back a saved line (a plain text from before attribution was kept, too)."""
        try:
            saved = json.loads(text)
        except ValueError:
            saved = None
        if not isinstance(saved, dict) or not isinstance(saved.get("line"), str):
            return cls(text, saved_at=saved_at)
        kind = saved.get("kind")

        def whole(value: object) -> int | None:
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        return cls(
            saved["line"],
            kind=NoteKind(kind) if kind in set(NoteKind) else NoteKind.REMARK,
            speaker_id=whole(saved.get("speaker")),
            agenda_item_id=whole(saved.get("agenda_item")),
            internal=saved.get("internal") is True,
            saved_at=saved_at,
        )


def load_draft(meeting_id: int) -> CaptureLine | None:
    """The capture line left from last time (after a crash), if it holds any text."""
    row = drafts.load(draft_key(meeting_id))
    if row is None:
        return None
    line = CaptureLine.from_draft(row.text, row.saved_at)
    return line if line.text.strip() else None


# -- the capture line ------------------------------------------------------------------


def start_clock(meeting_id: int, now: dt.datetime | None = None) -> tuple[dt.datetime, Changes]:
    """Record that the meeting started now; a planned or confirmed meeting becomes held."""
    now = (now or _now()).replace(microsecond=0)
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        drafts.save(clock_key(meeting_id), now.isoformat(), meeting.project_id, now)
        drafts.discard(clock_stop_key(meeting_id))
        if MeetingStatus(meeting.status) in (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED):
            meeting.status = MeetingStatus.HELD.value
            meeting.save(only=[Meeting.status])
    return now, Changes.of(Meeting, Draft, project_id=meeting.project_id)


def clock_stopped(meeting_id: int) -> dt.datetime | None:
    """When the meeting's clock was stopped, or None while it runs (or never ran)."""
    row = drafts.load(clock_stop_key(meeting_id))
    if row is None:
        return None
    try:
        return dt.datetime.fromisoformat(row.text)
    except ValueError:
        return None


def stop_clock(meeting_id: int, now: dt.datetime | None = None) -> tuple[dt.datetime, Changes]:
    """Stop the meeting's clock now (the meeting is over, or paused)."""
    now = (now or _now()).replace(microsecond=0)
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        drafts.save(clock_stop_key(meeting_id), now.isoformat(), meeting.project_id, now)
    return now, Changes.of(Draft, project_id=meeting.project_id)


def resume_clock(meeting_id: int) -> Changes:
    """Start a stopped clock again: note times keep counting from the meeting's start."""
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        drafts.discard(clock_stop_key(meeting_id))
    return Changes.of(Draft, project_id=meeting.project_id)


def save_draft(meeting_id: int, line: CaptureLine | str, now: dt.datetime | None = None) -> None:
    """Keep the line being typed, with its attribution; an empty line removes the draft.

    A database that refuses the write (locked, full) keeps it in the fallback file
    (see `drafts`)."""
    if isinstance(line, str):
        line = CaptureLine(line)
    if not line.text.strip():
        drafts.discard(draft_key(meeting_id))
        return
    project_id = Meeting.select(Meeting.project).where(Meeting.id == meeting_id).scalar()
    if project_id is None:
        raise NotFound(f"No meeting with id {meeting_id}")
    drafts.save(draft_key(meeting_id), line.to_json(), project_id, now or _now())


def commit_note(
    meeting_id: int,
    text: str,
    *,
    kind: NoteKind = NoteKind.REMARK,
    speaker_id: int | None = None,
    agenda_item_id: int | None = None,
    internal: bool = False,
    now: dt.datetime | None = None,
) -> tuple[Note, Changes]:
    """Save one captured note and clear the capture draft, in one transaction.

    The offset counts from the meeting clock; without a started clock this note starts
    it (offset 0).
    """
    text = text.strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationProblem("text", f"at most {MAX_NOTE_LENGTH} characters")
    text = clean_text("text", text, max_length=MAX_NOTE_LENGTH, multiline=True)
    if not text:  # checked after cleaning: a lone byte-order mark is no note either
        raise ValidationProblem("text", "type what was said before saving the note")
    now = (now or _now()).replace(microsecond=0)
    with transaction():
        # This runs on every Enter during a meeting: the checks are one round trip.
        project_id, speaker_project, item_meeting, clock = _commit_context(
            meeting_id, speaker_id, agenda_item_id
        )
        if speaker_id is not None and speaker_project != project_id:
            raise ValidationProblem("speaker", "not a person of this meeting's project")
        if agenda_item_id is not None and item_meeting != meeting_id:
            raise ValidationProblem("agenda_item", "not an agenda item of this meeting")
        start = _parse_clock(clock) if clock is not None else None
        if start is None:
            # Recorded now (as the notes imply, or this note starts it), so the next
            # Enter finds it in the one query above. On a team server each person has
            # their own clock: a colleague's meeting is timed from its notes, once.
            start = clock_start(meeting_id) or now
            drafts.save(clock_key(meeting_id), start.isoformat(), project_id, now)
        note = Note(
            meeting=meeting_id,
            offset_seconds=elapsed_seconds(start, now),
            speaker=speaker_id,
            kind=NoteKind(kind).value,
            text=text,
            internal=bool(internal),
            agenda_item=agenda_item_id,
            created_at=now,
        )
        note.id = _insert_note(note)
        _delete_draft(draft_key(meeting_id))
        if speaker_id is not None:
            record_present(meeting_id, speaker_id)
    drafts.forget_fallback(draft_key(meeting_id))
    return note, Changes.of(Note, Draft, Attendee, project_id=project_id)


def record_present(meeting_id: int, person_id: int) -> None:
    """Whoever speaks at a meeting was there: their attendance becomes Attended."""
    Attendee.update(rsvp=Rsvp.ATTENDED.value).where(
        (Attendee.meeting == meeting_id)
        & (Attendee.person == person_id)
        & (Attendee.rsvp != Rsvp.ATTENDED.value)
    ).execute()


# Statements run on every Enter in a meeting, built once per database by Peewee (so in
# that database's SQL and parameter style) and then only executed: building a query
# costs more than running it.
_prepared: dict[tuple[str, str], str] = {}


def _statement(name: str, build: Callable[[], Any]) -> str:
    key = (type(database.obj).__name__, name)  # the SQL depends only on the dialect
    if key not in _prepared:
        _prepared[key] = build().sql()[0]
    return _prepared[key]


@functools.cache
def _note_fields() -> tuple[Any, ...]:
    """Every column but the id, in the model's order (the order Peewee writes them in)."""
    return tuple(f for f in Note._meta.sorted_fields if not f.primary_key)


def _insert_note(note: Note) -> int:
    fields = _note_fields()
    sql = _statement("insert note", lambda: Note.insert({f: None for f in fields}))
    params = [f.db_value(note.__data__.get(f.name)) for f in fields]
    cursor = database.execute_sql(sql, params)
    if database.obj.returning_clause:  # PostgreSQL: the statement ends RETURNING "id"
        return int(cursor.fetchone()[0])
    return int(cursor.lastrowid)


def _delete_draft(key: str) -> None:
    sql = _statement(
        "delete draft",
        lambda: Draft.delete().where((Draft.key == "") & (Draft.row_created_by == "")),
    )
    database.execute_sql(sql, [key, db.user()])


def _commit_context(
    meeting_id: int, speaker_id: int | None, agenda_item_id: int | None
) -> tuple[int, int | None, int | None, str | None]:
    """The meeting's project, the speaker's project, the agenda item's meeting and the
    recorded clock start, in one query (NotFound when the meeting is gone)."""

    def build() -> Any:
        # Placeholder values; the parameters below follow in the same order.
        meeting = Meeting.alias("m")
        return meeting.select(
            meeting.project,
            Person.select(Person.project).where(Person.id == 0),
            AgendaItem.select(AgendaItem.meeting).where(AgendaItem.id == 0),
            Draft.select(Draft.text).where((Draft.key == "") & (Draft.row_created_by == "")),
        ).where(meeting.id == 0)

    sql = _statement("commit context", build)
    params = [speaker_id, agenda_item_id, clock_key(meeting_id), db.user(), meeting_id]
    row = database.execute_sql(sql, params).fetchone()
    if row is None:
        raise NotFound(f"No meeting with id {meeting_id}")
    return tuple(row)


def _parse_clock(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


# -- attitude observations -------------------------------------------------------------


def record_observation(
    person_id: int,
    *,
    engagement: Engagement,
    cooperation_type: CooperationType | None = None,
    comment: str = "",
    meeting_id: int | None = None,
    note_id: int | None = None,
    now: dt.datetime | None = None,
) -> tuple[Assessment, Reversible]:
    """A dated assessment in the person's history, and their current engagement (and type,
    if given) updated to match. Source: "meeting <title>"."""
    now = (now or _now()).replace(microsecond=0)
    comment = clean_values(Assessment, {"comment": comment})["comment"]
    with transaction():
        person = get_or_fail(Person, person_id)
        source = ""
        if meeting_id is not None:
            meeting = get_or_fail(Meeting, meeting_id)
            if meeting.project_id != _ref(person, "project"):
                raise ValidationProblem("meeting", "not a meeting of this person's project")
            source = f"meeting {meeting.title}"[:300]
        if note_id is not None:
            note = get_or_fail(Note, note_id)
            if meeting_id is not None and _ref(note, "meeting") != meeting_id:
                raise ValidationProblem("note", "not a note of this meeting")
        assessment = Assessment.create(
            person=person_id,
            assessed_at=now,
            engagement=Engagement(engagement).value,
            cooperation_type=CooperationType(cooperation_type).value if cooperation_type else None,
            source=source,
            note=note_id,
            comment=comment,
        )
        values: dict[str, Any] = {"engagement_current": Engagement(engagement).value}
        if cooperation_type is not None:
            values["cooperation_type"] = CooperationType(cooperation_type).value
        edit = edit_fields(Person, person_id, values)
    return assessment, Reversible(
        Changes.of(Assessment, Person, project_id=_ref(person, "project")),
        created=[(Assessment, assessment.id)],
        edits=[edit],
    )


def latest_assessments(person_ids: Iterable[int]) -> dict[int, Assessment]:
    """Each person's most recent assessment, in one query."""
    latest: dict[int, Assessment] = {}
    rows = (
        Assessment.select()
        .where(Assessment.person.in_(list(person_ids)))
        .order_by(Assessment.assessed_at, Assessment.id)
    )
    for row in rows:
        latest[_ref(row, "person")] = row
    return latest


# -- valued outcomes -------------------------------------------------------------------


def leader_priorities(project_id: int) -> list[LeaderPriority]:
    """Every leader's valued outcomes (leaders by seniority, then by the outcome's rank),
    with person and outcome loaded."""
    rows = (
        LeaderPriority.select(LeaderPriority, Person, Outcome)
        .join(Person, on=(LeaderPriority.person == Person.id))
        .switch(LeaderPriority)
        .join(Outcome, on=(LeaderPriority.outcome == Outcome.id))
        .where(Person.project == project_id)
        .order_by(LeaderPriority.rank, LeaderPriority.id)
    )
    return people.by_person_seniority(rows, lambda priority: priority.person)


def priority_notes(project_id: int) -> dict[int, list[Note]]:
    """The notes that show each priority (its evidence), keyed by priority id."""
    rows = (
        LeaderPriorityNote.select(LeaderPriorityNote.priority, Note)
        .join(Note, on=(LeaderPriorityNote.note == Note.id))
        .switch(LeaderPriorityNote)
        .join(LeaderPriority, on=(LeaderPriorityNote.priority == LeaderPriority.id))
        .join(Person, on=(LeaderPriority.person == Person.id))
        .where(Person.project == project_id)
        .order_by(Note.meeting, Note.offset_seconds, Note.id)
    )
    out: dict[int, list[Note]] = {}
    for link in rows:
        out.setdefault(link.__data__["priority"], []).append(link.note)
    return out


def value_outcome(
    person_id: int,
    outcome_id: int,
    *,
    note_id: int | None = None,
    rank: int | None = None,
    evidence: str = "",
) -> tuple[LeaderPriority, Reversible]:
    """Record that a leader values an outcome (and the note that shows it).

    A new priority goes after the leader's others unless `rank` says where; an existing
    one gets the note linked (and the rank or evidence changed, if given).
    """
    if rank is not None and rank < 1:
        raise ValidationProblem("rank", "1 is the outcome valued most; ranks start at 1")
    with transaction():
        person = get_or_fail(Person, person_id)
        outcome = get_or_fail(Outcome, outcome_id)
        if _ref(outcome, "project") != _ref(person, "project"):
            raise ValidationProblem("outcome", "not an outcome of this person's project")
        if note_id is not None:
            note = get_or_fail(Note, note_id)
            if _ref(note.meeting, "project") != _ref(person, "project"):
                raise ValidationProblem("note", "not a note of this person's project")
        changes = Changes.of(LeaderPriority, LeaderPriorityNote, project_id=_ref(person, "project"))
        undo = Reversible(changes)
        priority = LeaderPriority.get_or_none(
            (LeaderPriority.person == person_id) & (LeaderPriority.outcome == outcome_id)
        )
        if priority is None:
            if rank is None:
                highest = (
                    LeaderPriority.select(fn.MAX(LeaderPriority.rank))
                    .where(LeaderPriority.person == person_id)
                    .scalar()
                )
                rank = (highest or 0) + 1
            priority = LeaderPriority.create(
                person=person_id, outcome=outcome_id, rank=rank, evidence=evidence.strip()
            )
            undo.created.append((LeaderPriority, priority.id))
        else:
            values: dict[str, Any] = {}
            if rank is not None and rank != priority.rank:
                values["rank"] = rank
            if evidence.strip() and evidence.strip() != priority.evidence:
                values["evidence"] = evidence.strip()
            if values:
                undo.edits.append(edit_fields(LeaderPriority, priority.id, values))
        if note_id is not None:
            added = (
                LeaderPriorityNote.insert(priority=priority.id, note=note_id)
                .on_conflict_ignore()
                .as_rowcount()  # the same answer on every backend: 0 when already linked
                .execute()
            )
            if added and not undo.created:  # a new priority takes its links with it
                undo.links.append((priority.id, note_id))
    return LeaderPriority.get_by_id(priority.id), undo


# -- action items ----------------------------------------------------------------------


def quick_action(
    meeting_id: int,
    title: str,
    *,
    owner_id: int | None,
    due_date: dt.date | None,
    note_id: int | None = None,
    needs_client_assistance: bool = False,
) -> tuple[ActionItem, Changes]:
    """An action item agreed in the meeting, from one of its notes if given."""
    title = " ".join(title.split())
    if not title:
        raise ValidationProblem("title", "an action item needs a title")
    if len(title) > 500:
        raise ValidationProblem("title", "at most 500 characters")
    title = clean_values(ActionItem, {"title": title})["title"]
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        if owner_id is not None:
            owner = Person.get_or_none(Person.id == owner_id)
            if owner is None or _ref(owner, "project") != meeting.project_id:
                raise ValidationProblem("owner", "not a person of this project")
        if note_id is not None:
            note = get_or_fail(Note, note_id)
            if _ref(note, "meeting") != meeting_id:
                raise ValidationProblem("note", "not a note of this meeting")
        held_on = meeting.starts_at.date() if meeting.starts_at else None
        action = ActionItem.create(
            project=meeting.project_id,
            title=title,
            owner=owner_id,
            # Started at the meeting, unless it was due even earlier (captured afterwards).
            start_date=held_on if due_date is None or (held_on and due_date >= held_on) else None,
            due_date=due_date,
            source=(ActionSource.NOTE if note_id is not None else ActionSource.MEETING).value,
            meeting=meeting_id,
            note=note_id,
            needs_client_assistance=needs_client_assistance,
        )
    return action, Changes.of(ActionItem, project_id=meeting.project_id)


def meeting_actions(meeting_id: int, *, client_facing: bool = False) -> list[ActionItem]:
    """Action items from this meeting or its notes, by due date, with their owners.

    `client_facing` leaves out cancelled items and those internal by provenance (made
    from an internal note and still quoting it: services.audience).
    """
    owner = Person.alias()
    source_note = Note.alias()
    query = (
        ActionItem.select(ActionItem, owner)
        .join(owner, JOIN.LEFT_OUTER, on=(ActionItem.owner == owner.id))
        .switch(ActionItem)
        .join(source_note, JOIN.LEFT_OUTER, on=(ActionItem.note == source_note.id))
        .where((ActionItem.meeting == meeting_id) | (source_note.meeting == meeting_id))
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id)
    )
    if not client_facing:
        return list(query)
    query = query.where(ActionItem.status != ActionStatus.CANCELLED.value)
    actions = list(query)
    if not actions:
        return actions
    return audience.client_actions(actions, actions[0].project_id)


# -- minutes distribution --------------------------------------------------------------


def distributions(meeting_id: int) -> list[MinutesDistribution]:
    return list(
        MinutesDistribution.select()
        .where(MinutesDistribution.meeting == meeting_id)
        .order_by(MinutesDistribution.sent_at.asc(nulls="LAST"), MinutesDistribution.id)
    )


def next_version(meeting_id: int) -> str:
    """The version the next sending of the minutes carries: one more than the highest."""
    versions: list[str] = [
        row.version
        for row in MinutesDistribution.select(MinutesDistribution.version).where(
            MinutesDistribution.meeting == meeting_id
        )
    ]
    numbers = [int(m.group()) for v in versions if (m := re.match(r"\d+", v or ""))]
    return str(max(numbers, default=0) + 1)


def minutes_recipients(meeting_id: int) -> tuple[list[Person], list[Person]]:
    """Who the minutes go to: client attendees (To) and the consultant team (Cc).

    Everyone invited gets them, those who sent apologies too; people without an email
    address are left out (the UI says who).
    """
    to: list[Person] = []
    cc: list[Person] = []
    for attendee in meetings.attendees(meeting_id):
        person = attendee.person
        (to if person.side == Side.CLIENT.value else cc).append(person)
    return to, cc


@dataclass(frozen=True)
class LeftOut:
    """Who the minutes e-mail would miss: client attendees without an address (not in To)
    and, when the team is copied, team members without one (not in Cc)."""

    clients: tuple[Person, ...] = ()
    team: tuple[Person, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clients or self.team)


def left_out_of_email(meeting_id: int, *, cc_team: bool) -> LeftOut:
    """The people `minutes_recipients` gives who get no copy of the draft. The sender (the
    project's PM) is never copied, so is not missed."""
    to, team = minutes_recipients(meeting_id)
    sender = meetings.consultant_pm(get_or_fail(Meeting, meeting_id).project_id)
    return LeftOut(
        tuple(p for p in to if not p.email),
        tuple(p for p in team if cc_team and not p.email and (sender is None or p.id != sender.id)),
    )


def address_list(people: Iterable[Person]) -> str:
    """People as "Name <email>; …" (those without an email by name only)."""
    return "; ".join(f"{p.name} <{p.email}>" if p.email else p.name for p in people)


def record_distribution(
    meeting_id: int,
    *,
    version: str,
    sent_at: dt.datetime | None,
    recipients: str,
    client_feedback: str = "",
    revision_needed: bool | None = None,
    revision_items: str = "",
) -> tuple[MinutesDistribution, Reversible]:
    """One sending of the minutes; the meeting's status becomes "minutes sent" if earlier."""
    version = version.strip()
    if not version:
        raise ValidationProblem("version", "say which version of the minutes was sent")
    if len(version) > 40:
        raise ValidationProblem("version", "at most 40 characters")
    texts = clean_values(
        MinutesDistribution,
        {
            "version": version,
            "recipients": recipients,
            "client_feedback": client_feedback,
            "revision_items": revision_items,
        },
    )
    with transaction():
        meeting = get_or_fail(Meeting, meeting_id)
        record = MinutesDistribution.create(
            meeting=meeting_id,
            sent_at=sent_at.replace(microsecond=0) if sent_at else None,
            revision_needed=revision_needed,
            **texts,
        )
        undo = Reversible(
            Changes.of(MinutesDistribution, Meeting, project_id=meeting.project_id),
            created=[(MinutesDistribution, record.id)],
        )
        early = (MeetingStatus.PLANNED, MeetingStatus.CONFIRMED, MeetingStatus.HELD)
        if sent_at is not None and MeetingStatus(meeting.status) in early:
            undo.edits.append(
                edit_fields(Meeting, meeting_id, {"status": MeetingStatus.MINUTES_SENT.value})
            )
    return record, undo


def revision_lines(text: str) -> list[str]:
    """The items of a revision decision: one a line, or separated by semicolons."""
    parts = re.split(r"[\n;；]+", text)
    return [" ".join(p.split()).strip(" -•*·") for p in parts if p.strip(" -•*·\t\r\n")]


def revision_actions(
    distribution_id: int,
    *,
    owner_id: int | None = None,
    due_date: dt.date | None = None,
) -> tuple[list[ActionItem], Reversible]:
    """Each revision item becomes an action item of the meeting (once: repeats skipped)."""
    with transaction():
        record = get_or_fail(MinutesDistribution, distribution_id)
        meeting = record.meeting
        items = revision_lines(record.revision_items)
        if not items:
            raise ValidationProblem("revision_items", "list the items to revise first")
        existing = {
            a.title
            for a in ActionItem.select(ActionItem.title).where(ActionItem.meeting == meeting.id)
        }
        created: list[ActionItem] = []
        for title in items:
            if title[:500] in existing:
                continue
            action, _ = quick_action(meeting.id, title, owner_id=owner_id, due_date=due_date)
            created.append(action)
    return created, Reversible(
        Changes.of(ActionItem, project_id=meeting.project_id),
        created=[(ActionItem, a.id) for a in created],
    )


def revision_scope_items(distribution_id: int) -> tuple[list[ScopeItem], Reversible]:
    """Each revision item becomes an in-scope line of the project boundary (once)."""
    with transaction():
        record = get_or_fail(MinutesDistribution, distribution_id)
        project_id = _ref(record.meeting, "project")
        items = revision_lines(record.revision_items)
        if not items:
            raise ValidationProblem("revision_items", "list the items to revise first")
        existing = {
            s.text for s in ScopeItem.select(ScopeItem.text).where(ScopeItem.project == project_id)
        }
        last = (
            ScopeItem.select(fn.MAX(ScopeItem.position))
            .where(ScopeItem.project == project_id)
            .scalar()
        ) or 0
        created = []
        for offset, text in enumerate((t for t in items if t not in existing), start=1):
            created.append(
                ScopeItem.create(
                    project=project_id, text=text, in_scope=True, position=last + offset
                )
            )
    return created, Reversible(
        Changes.of(ScopeItem, project_id=project_id),
        created=[(ScopeItem, s.id) for s in created],
    )
