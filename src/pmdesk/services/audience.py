"""Who may read what: the team's internal texts, and records internal by provenance.

The team's analysis never goes to the client: attitudes and their history, cooperation
types with their causes and playbooks, private follow-ups, escalation memos, coaching,
notes marked internal, the PM's judgement of what each leader values, and the team's own
step notes. A record made from an internal record is internal too until the PM rewrites
it: an action whose title still quotes the internal note it was made from.

`internal_texts` lists every such text of a project with the record it belongs to; the
export layer's last gate (exports.leak_gate) refuses a client file that contains one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from pmdesk.models import (
    ActionItem,
    Assessment,
    CoachingSession,
    EscalationMemo,
    FollowUp,
    LeaderPriority,
    Meeting,
    Note,
    Person,
    Purpose,
)
from pmdesk.services.progress import tracker_id

#: A whole internal text shorter than this (letters and digits; CJK characters count
#: double) is too common to mean a leak ("OK", "see above").
MIN_TEXT = 12
#: A sentence or line of a longer text must be longer still: letters start and end
#: with lines like "Kind regards," or "Dear Sarah Mitchell," that any e-mail holds.
MIN_FRAGMENT = 20

_SPLIT = re.compile(r"[\n\r]+|(?<=[.!?;。！？；])\s*")


@dataclass(frozen=True)
class InternalText:
    """One internal text and the record it comes from, as the PM would find it."""

    record: str  # e.g. "internal note #12", "causes of 王磊"
    text: str


def squeeze(text: str) -> str:
    """Text reduced for comparison: NFKC, case-folded, without whitespace."""
    return "".join(nfkc(text).casefold().split())


#: Pieces `nfkc` normalises one at a time (characters).
NFKC_PIECE = 1 << 16
_ASCII = re.compile(r"[\x00-\x7f]")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, normalising only the pieces that need it.

    Python normalises the whole of a text that has one character to change (a
    full-width letter in a tracker of 10,000 steps: 0.14 s for its 2.8 million
    characters, issue #20). Pieces are cut before an ASCII character, which never
    combines with the character before it (ccc 0, NFC_QC Yes: a normalisation boundary,
    UAX #15), so each piece normalises on its own to the same text."""
    if len(text) <= NFKC_PIECE or unicodedata.is_normalized("NFKC", text):
        return unicodedata.normalize("NFKC", text)
    pieces = []
    start = 0
    while start < len(text):
        boundary = _ASCII.search(text, start + NFKC_PIECE)
        end = boundary.start() if boundary else len(text)
        pieces.append(unicodedata.normalize("NFKC", text[start:end]))
        start = end
    return "".join(pieces)


def _weight(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text if ch.isalnum())


def fragments(text: str) -> list[str]:
    """The squeezed text, and its sentences and lines long enough to count as a quote."""
    whole = squeeze(text)
    out = [whole] if _weight(whole) >= MIN_TEXT else []
    for piece in _SPLIT.split(text):
        squeezed = squeeze(piece)
        if _weight(squeezed) >= MIN_FRAGMENT:
            out.append(squeezed)
    return list(dict.fromkeys(out))


def quotes(title: str, source: str) -> bool:
    """Whether `title` still quotes `source` (a fragment of one appears in the other)."""
    squeezed_title, squeezed_source = squeeze(title), squeeze(source)
    if not squeezed_title or not squeezed_source:
        return False
    if squeezed_title in squeezed_source or squeezed_source in squeezed_title:
        return True
    return any(f in squeezed_title for f in fragments(source))


def is_internal_action(action: ActionItem, source_note: Note | None) -> bool:
    """An action made from an internal note is internal while its title quotes the note."""
    if source_note is None or not source_note.internal:
        return False
    return quotes(action.title, source_note.text)


def internal_action_ids(project_id: int) -> set[int]:
    """The ids of the project's actions that are internal by provenance."""
    rows = (
        ActionItem.select(ActionItem.id, ActionItem.title, Note.text)
        .join(Note, on=(ActionItem.note == Note.id))
        .where((ActionItem.project == project_id) & Note.internal)
        .tuples()
    )
    pairs = cast(Iterable[tuple[int, str, str]], rows)
    return {action_id for action_id, title, text in pairs if quotes(title, text)}


def client_actions(actions: Iterable[ActionItem], project_id: int) -> list[ActionItem]:
    """`actions` without those internal by provenance (for a client file)."""
    hidden = internal_action_ids(project_id)
    return [a for a in actions if a.id not in hidden]


def _person_label(person: Person, field: str) -> str:
    return f"{field} of {person.name}"


def internal_texts(project_id: int) -> list[InternalText]:
    """Every internal text of the project, with the record it belongs to."""
    found: list[InternalText] = []

    def add(record: str, text: str | None) -> None:
        if text and text.strip():
            found.append(InternalText(record, text.strip()))

    people = list(Person.select().where(Person.project == project_id))
    by_id = {p.id: p for p in people}
    for person in people:
        for field, label in (
            ("causes", "causes"),
            ("strategy", "strategy"),
            ("next_action", "next action"),
            ("success_factors", "success factors"),
            ("coaching_plan", "coaching plan"),
        ):
            add(_person_label(person, label), getattr(person, field))
    ids = list(by_id)
    if ids:
        for row in Assessment.select().where(Assessment.person.in_(ids)):
            person = by_id[row.person_id]
            add(_person_label(person, "attitude observation"), row.comment)
        for priority in LeaderPriority.select().where(LeaderPriority.person.in_(ids)):
            add(
                _person_label(by_id[priority.__data__["person"]], "valued-outcome judgement"),
                priority.evidence,
            )
        for memo in EscalationMemo.select().where(EscalationMemo.person.in_(ids)):
            person = by_id[memo.person_id]
            add(_person_label(person, "escalation memo"), memo.text)
            add(_person_label(person, "escalation cause"), memo.cause)
            add(_person_label(person, "escalation decision note"), memo.decision_note)
        for session in CoachingSession.select().where(CoachingSession.person.in_(ids)):
            person = by_id[session.person_id]
            add(_person_label(person, "coaching topic"), session.topic)
            add(_person_label(person, "coaching notes"), session.notes)
    purposes = (
        Purpose.select(Purpose.evidence, Meeting.title)
        .join(Meeting, on=(Purpose.meeting == Meeting.id))
        .where(Meeting.project == project_id)
        .tuples()
    )
    for evidence, title in cast(Iterable[tuple[str, str]], purposes):
        add(f"evidence of a purpose of “{title}”", evidence)
    for follow_up in FollowUp.select().where(FollowUp.project == project_id):
        followed = by_id.get(follow_up.__data__["person"])
        who = followed.name if followed is not None else "?"
        add(f"private follow-up with {who}", follow_up.reason)
        add(f"private follow-up outcome with {who}", follow_up.outcome)
    notes = (
        Note.select(Note.id, Note.text)
        .join(Meeting, on=(Note.meeting == Meeting.id))
        .where((Meeting.project == project_id) & Note.internal)
    )
    for note in notes:
        add(f"internal note #{note.id}", note.text)
    steps = (
        ActionItem.select(ActionItem.number, ActionItem.notes)
        .where((ActionItem.project == project_id) & (ActionItem.notes != ""))
        .tuples()
    )
    for number, step_notes in cast(Iterable[tuple[int, str]], steps):
        add(f"internal notes of step {tracker_id(number)}", step_notes)
    return found


def client_texts(project_id: int) -> list[str]:
    """Texts the client may read that an internal text may quote (a leader's own words
    quoted as the evidence of what they value): their fragments are not leaks."""
    notes = (
        Note.select(Note.text)
        .join(Meeting, on=(Note.meeting == Meeting.id))
        .where((Meeting.project == project_id) & ~Note.internal)
    )
    return [note.text for note in notes]
