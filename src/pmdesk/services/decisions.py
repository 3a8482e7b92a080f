"""The decision log: every note of kind "decision", across the project's meetings.

The entry is the note itself (what was decided, in which meeting, said by whom), so the
log can never miss a decision or disagree with the minutes; a `Decision` row adds what
happened to it later: superseded by a later decision, or revoked. Linked actions are the
action items created from the decision's note.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, Model

from pmdesk.db import transaction
from pmdesk.models import (
    ActionItem,
    Decision,
    DecisionStatus,
    Meeting,
    Note,
    NoteKind,
    Person,
)
from pmdesk.services.capture import Reversible
from pmdesk.services.common import Changes, ValidationProblem, edit_fields, get_or_fail


@dataclass(frozen=True)
class LinkedAction:
    id: int
    title: str
    status: str
    owner: str
    due_date: dt.date | None


@dataclass(frozen=True)
class DecisionEntry:
    """One line of the decision log."""

    note_id: int
    project_id: int
    text: str
    decided_on: dt.date | None
    meeting_id: int
    meeting_title: str
    decided_by: str
    status: DecisionStatus
    superseded_by: int | None  # the later decision's note
    superseded_by_text: str
    internal: bool
    comment: str = ""
    actions: tuple[LinkedAction, ...] = field(default_factory=tuple)


def list_decisions(
    project_id: int,
    *,
    status: DecisionStatus | None = None,
    client_facing: bool = False,
    since: dt.date | None = None,
) -> list[DecisionEntry]:
    """The project's decisions, latest first; `client_facing` leaves out internal ones."""
    speaker = Person.alias("speaker")
    decider = Person.alias("decider")
    later = Note.alias("later")
    # The columns the log shows, not six whole records a row (issue #20).
    query = (
        Note.select(
            Note.id,
            Note.text,
            Note.internal,
            speaker.name,
            Meeting.id,
            Meeting.project,
            Meeting.title,
            Meeting.starts_at,
            Decision.id,
            Decision.status,
            Decision.comment,
            Decision.decided_by,
            decider.name,
            Decision.superseded_by,
            later.text,
        )
        .join(Meeting)
        .switch(Note)
        .join(speaker, JOIN.LEFT_OUTER, on=(Note.speaker == speaker.id))
        .switch(Note)
        .join(Decision, JOIN.LEFT_OUTER, on=(Decision.note == Note.id))
        .join(decider, JOIN.LEFT_OUTER, on=(Decision.decided_by == decider.id))
        .switch(Decision)
        .join(later, JOIN.LEFT_OUTER, on=(Decision.superseded_by == later.id))
        .where((Meeting.project == project_id) & (Note.kind == NoteKind.DECISION.value))
        .order_by(Meeting.starts_at.desc(nulls="LAST"), Note.offset_seconds.desc(), Note.id.desc())
    )
    if client_facing:
        query = query.where(Note.internal == False)  # noqa: E712 (SQL)
    rows: Any = list(query.tuples())
    actions = _linked_actions([row[0] for row in rows])
    out = []
    for (
        note_id,
        text,
        internal,
        speaker_name,
        meeting_id,
        meeting_project,
        meeting_title,
        starts_at,
        entry_id,
        entry_status,
        comment,
        decided_by_id,
        decider_name,
        superseded_by,
        later_text,
    ) in rows:
        has_entry = entry_id is not None
        decided_by = ""
        if has_entry and decided_by_id is not None:
            decided_by = decider_name or ""
        elif speaker_name is not None:
            decided_by = speaker_name
        state = DecisionStatus(entry_status) if has_entry else DecisionStatus.ACTIVE
        later_id = superseded_by if has_entry else None
        day = starts_at.date() if starts_at else None
        if status is not None and state != status:
            continue
        if since is not None and (day is None or day < since):
            continue
        out.append(
            DecisionEntry(
                note_id=note_id,
                project_id=meeting_project,
                text=text,
                decided_on=day,
                meeting_id=meeting_id,
                meeting_title=meeting_title,
                decided_by=decided_by,
                status=state,
                superseded_by=later_id,
                superseded_by_text=(later_text or "") if later_id else "",
                internal=bool(internal),
                comment=comment if has_entry else "",
                actions=tuple(actions.get(note_id, ())),
            )
        )
    return out


def _linked_actions(note_ids: list[int]) -> dict[int, list[LinkedAction]]:
    out: dict[int, list[LinkedAction]] = defaultdict(list)
    if not note_ids:
        return out
    rows: Any = (
        ActionItem.select(
            ActionItem.note,
            ActionItem.id,
            ActionItem.title,
            ActionItem.status,
            Person.name,
            ActionItem.due_date,
        )
        .join(Person, JOIN.LEFT_OUTER, on=(ActionItem.owner == Person.id))
        .where(ActionItem.note.in_(note_ids))
        .order_by(ActionItem.id)
        .tuples()
    )
    for note_id, action_id, title, status, owner, due_date in rows:
        out[note_id].append(LinkedAction(action_id, title, status, owner or "", due_date))
    return out


def decisions_since(project_id: int, since: dt.date) -> list[DecisionEntry]:
    """Client-facing decisions taken on or after `since` ("since the last report")."""
    return list_decisions(project_id, client_facing=True, since=since)


def _decision_note(note_id: int) -> Note:
    note = get_or_fail(Note, note_id)
    if note.kind != NoteKind.DECISION.value:
        raise ValidationProblem("note", "not a decision")
    return note


def _entry(note: Note) -> tuple[Decision, list[tuple[type[Model], int]]]:
    """The note's log row, made if it has none yet (returned as created, for undo)."""
    entry = Decision.get_or_none(Decision.note == note.id)
    if entry is not None:
        return entry, []
    project_id = Meeting.select(Meeting.project).where(Meeting.id == note.meeting_id).scalar()
    entry = Decision.create(project=project_id, note=note.id)
    return entry, [(Decision, entry.id)]


def supersede(note_id: int, by_note_id: int, *, comment: str = "") -> Reversible:
    """Mark a decision superseded by a later one of the same project."""
    if note_id == by_note_id:
        raise ValidationProblem("superseded_by", "a decision cannot supersede itself")
    with transaction():
        note = _decision_note(note_id)
        later = _decision_note(by_note_id)
        projects = {
            m.project_id
            for m in Meeting.select(Meeting.project).where(
                Meeting.id.in_([note.meeting_id, later.meeting_id])
            )
        }
        if len(projects) != 1:
            raise ValidationProblem("superseded_by", "not a decision of the same project")
        entry, created = _entry(note)
        edit = edit_fields(
            Decision,
            entry.id,
            {
                "status": DecisionStatus.SUPERSEDED.value,
                "superseded_by": by_note_id,
                "changed_on": dt.date.today(),
                "comment": comment.strip(),
            },
            check=False,
        )
    return Reversible(
        Changes.of(Decision, project_id=entry.project_id), created=created, edits=[edit]
    )


def revoke(note_id: int, *, comment: str = "") -> Reversible:
    with transaction():
        entry, created = _entry(_decision_note(note_id))
        edit = edit_fields(
            Decision,
            entry.id,
            {
                "status": DecisionStatus.REVOKED.value,
                "superseded_by": None,
                "changed_on": dt.date.today(),
                "comment": comment.strip(),
            },
            check=False,
        )
    return Reversible(
        Changes.of(Decision, project_id=entry.project_id), created=created, edits=[edit]
    )


def reactivate(note_id: int) -> Reversible:
    """Take back a supersede or revoke."""
    with transaction():
        entry, created = _entry(_decision_note(note_id))
        edit = edit_fields(
            Decision,
            entry.id,
            {"status": DecisionStatus.ACTIVE.value, "superseded_by": None, "changed_on": None},
            check=False,
        )
    return Reversible(
        Changes.of(Decision, project_id=entry.project_id), created=created, edits=[edit]
    )
