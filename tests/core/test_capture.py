"""Capture use cases: notes and the meeting clock, drafts, observations, valued outcomes,
quick action items and the minutes' distribution record, with their undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk.models import (
    ActionItem,
    ActionSource,
    AgendaItem,
    Assessment,
    Attendee,
    CooperationType,
    Draft,
    Engagement,
    Language,
    LeaderPriority,
    LeaderPriorityNote,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
    Project,
    Role,
    ScopeItem,
)
from pmdesk.services import ValidationProblem, capture, drafts, progress
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
START = dt.datetime(2026, 11, 30, 9, 30)


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


@pytest.fixture
def kickoff(demo: int) -> Meeting:
    return Meeting.get((Meeting.project == demo) & (Meeting.kind == MeetingKind.KICKOFF.value))


def person(project_id: int, role: Role) -> Person:
    return Person.select().where((Person.project == project_id) & (Person.role == role.value)).get()


def test_notes_count_from_the_started_clock(kickoff: Meeting) -> None:
    sponsor = Attendee.select().where(Attendee.meeting == kickoff).order_by(Attendee.position)[1]
    item = AgendaItem.select().where(AgendaItem.meeting == kickoff).first()
    started, _ = capture.start_clock(kickoff.id, START)
    assert capture.clock_start(kickoff.id) == started == START
    assert Meeting.get_by_id(kickoff.id).status == MeetingStatus.HELD.value

    note, changes = capture.commit_note(
        kickoff.id,
        "  We need results this year.  ",
        kind=NoteKind.OPINION,
        speaker_id=sponsor.person_id,
        agenda_item_id=item.id,
        internal=True,
        now=START + dt.timedelta(minutes=12, seconds=5),
    )
    saved = Note.get_by_id(note.id)
    assert (saved.offset_seconds, saved.text, saved.kind) == (
        725,
        "We need results this year.",
        "opinion",
    )
    assert saved.speaker_id == sponsor.person_id and saved.internal
    assert saved.agenda_item.id == item.id
    assert changes.touches(Note)


def test_without_a_clock_the_first_note_starts_it(database: Path) -> None:
    project = Project.create(name="P")
    meeting = Meeting.create(project=project, title="Weekly")
    first, _ = capture.commit_note(meeting.id, "one", now=START)
    second, _ = capture.commit_note(meeting.id, "two", now=START + dt.timedelta(seconds=90))
    assert (first.offset_seconds, second.offset_seconds) == (0, 90)
    assert [n.text for n in capture.meeting_notes(meeting.id)] == ["one", "two"]


def test_without_my_clock_notes_count_from_the_first_note_and_the_clock_is_kept(
    database: Path,
) -> None:
    """A colleague's meeting on a team server (their clock is theirs), or an old file."""
    project = Project.create(name="P")
    meeting = Meeting.create(project=project, title="Weekly")
    Note.create(meeting=meeting, text="earlier", offset_seconds=60, created_at=START)
    note, _ = capture.commit_note(meeting.id, "now", now=START + dt.timedelta(minutes=2))
    assert note.offset_seconds == 180  # the clock started a minute before the first note
    assert capture.clock_start(meeting.id) == START - dt.timedelta(minutes=1)
    assert drafts.load(capture.clock_key(meeting.id)) is not None  # recorded, not re-derived


def test_a_note_needs_text_and_people_of_the_project(kickoff: Meeting) -> None:
    with pytest.raises(ValidationProblem) as problem:
        capture.commit_note(kickoff.id, "  \n ", now=START)
    assert problem.value.field == "text"
    stranger = Person.create(project=Project.create(name="Other"), name="Stranger")
    with pytest.raises(ValidationProblem) as problem:
        capture.commit_note(kickoff.id, "hello", speaker_id=stranger.id, now=START)
    assert problem.value.field == "speaker"
    other_item = AgendaItem.select().where(AgendaItem.meeting != kickoff).first()
    with pytest.raises(ValidationProblem) as problem:
        capture.commit_note(kickoff.id, "hello", agenda_item_id=other_item.id, now=START)
    assert problem.value.field == "agenda_item"
    assert Note.select().where(Note.meeting == kickoff).count() == 0


def test_the_draft_is_kept_until_the_note_is_committed(kickoff: Meeting) -> None:
    capture.save_draft(kickoff.id, "The CFO wants a base", START)
    capture.save_draft(kickoff.id, "The CFO wants a baseline", START)
    draft = capture.load_draft(kickoff.id)
    assert draft is not None and draft.text == "The CFO wants a baseline"
    assert Draft.select().where(Draft.key == capture.draft_key(kickoff.id)).count() == 1
    capture.commit_note(kickoff.id, draft.text, now=START)
    assert capture.load_draft(kickoff.id) is None
    capture.save_draft(kickoff.id, "x", START)
    capture.save_draft(kickoff.id, "", START)  # the user emptied the line
    assert capture.load_draft(kickoff.id) is None


def test_speaker_summaries_list_everything_each_person_said_in_order(demo: int) -> None:
    alignment = Meeting.get((Meeting.project == demo) & (Meeting.kind == MeetingKind.OTHER.value))
    notes = capture.meeting_notes(alignment.id)
    attendees = list(
        Attendee.select().where(Attendee.meeting == alignment).order_by(Attendee.position)
    )
    summaries = capture.speaker_summaries(notes, attendees)
    assert [s.person.id for s in summaries if s.person] == [a.person_id for a in attendees]
    cfo = next(s for s in summaries if s.person and s.person.title == "Chief Financial Officer")
    assert [n.offset_seconds for n in cfo.notes] == sorted(n.offset_seconds for n in cfo.notes)
    assert cfo.kinds[NoteKind.VALUED_OUTCOME] == 1 and cfo.kinds[NoteKind.QUESTION] == 1
    assert sum(len(s.notes) for s in summaries) == len(notes)


def test_an_observation_is_a_dated_assessment_and_undoes_completely(kickoff: Meeting) -> None:
    cfo = Person.get(Person.title == "Chief Financial Officer")
    before = (cfo.engagement_current, cfo.cooperation_type)
    history = Assessment.select().where(Assessment.person == cfo).count()
    note, _ = capture.commit_note(kickoff.id, "Nodded at the baseline slide", now=START)
    assessment, change = capture.record_observation(
        cfo.id,
        engagement=Engagement.SUPPORTIVE,
        cooperation_type=CooperationType.ACTIVE,
        comment="Warmer once the baseline workshop was agreed",
        meeting_id=kickoff.id,
        note_id=note.id,
        now=START + dt.timedelta(hours=1),
    )
    saved = Assessment.get_by_id(assessment.id)
    assert saved.source == f"meeting {kickoff.title}"
    assert saved.note.id == note.id and saved.assessed_at == START + dt.timedelta(hours=1)
    assert Person.get_by_id(cfo.id).engagement_current == "supportive"
    assert Person.get_by_id(cfo.id).cooperation_type == "active"

    change.undo()
    reverted = Person.get_by_id(cfo.id)
    assert (reverted.engagement_current, reverted.cooperation_type) == before
    assert Assessment.select().where(Assessment.person == cfo).count() == history
    change.redo()
    assert Assessment.get_by_id(assessment.id).comment.startswith("Warmer")
    assert Person.get_by_id(cfo.id).engagement_current == "supportive"


def test_valued_outcomes_rank_and_link_the_notes_that_show_them(kickoff: Meeting) -> None:
    cio = Person.get(Person.title == "Chief Information Officer")
    spend = Outcome.get(Outcome.title.contains("spend"))
    note, _ = capture.commit_note(
        kickoff.id, "A spend report I can trust", kind=NoteKind.VALUED_OUTCOME, now=START
    )
    ranks = [p.rank for p in LeaderPriority.select().where(LeaderPriority.person == cio)]
    priority, created = capture.value_outcome(cio.id, spend.id, note_id=note.id)
    assert priority.rank == max(ranks) + 1  # after the outcomes already known
    assert capture.priority_notes(kickoff.project_id)[priority.id][-1].id == note.id

    second, _ = capture.commit_note(kickoff.id, "Monthly, by supplier", now=START)
    again, linked = capture.value_outcome(cio.id, spend.id, note_id=second.id, rank=1)
    assert again.id == priority.id and again.rank == 1
    assert [n.id for n in capture.priority_notes(kickoff.project_id)[priority.id]] == [
        note.id,
        second.id,
    ]
    linked.undo()  # only the second link and the rank change are taken back
    assert LeaderPriority.get_by_id(priority.id).rank == max(ranks) + 1
    assert [n.id for n in capture.priority_notes(kickoff.project_id)[priority.id]] == [note.id]
    created.undo()
    assert LeaderPriority.get_or_none(LeaderPriority.id == priority.id) is None
    assert LeaderPriorityNote.select().where(LeaderPriorityNote.note == note.id).count() == 0
    created.redo()
    assert [n.id for n in capture.priority_notes(kickoff.project_id)[priority.id]] == [note.id]
    with pytest.raises(ValidationProblem):
        capture.value_outcome(cio.id, spend.id, rank=0)


def test_a_quick_action_from_a_note_appears_in_the_step_plan(kickoff: Meeting) -> None:
    lead = person(kickoff.project_id, Role.CLIENT_LEAD)
    note, _ = capture.commit_note(kickoff.id, "Send the plant list by Friday", now=START)
    action, _ = capture.quick_action(
        kickoff.id, note.text, owner_id=lead.id, due_date=dt.date(2026, 12, 4), note_id=note.id
    )
    assert action.source == ActionSource.NOTE.value
    assert (action.meeting.id, action.note.id) == (kickoff.id, note.id)
    assert action.id in {a.id for a in progress.list_actions(kickoff.project_id)}
    assert action.id in {a.id for a in capture.meeting_actions(kickoff.id)}
    with pytest.raises(ValidationProblem) as problem:
        capture.quick_action(kickoff.id, "  ", owner_id=None, due_date=None)
    assert problem.value.field == "title"


def test_client_facing_actions_leave_out_those_from_internal_notes(kickoff: Meeting) -> None:
    private, _ = capture.commit_note(
        kickoff.id, "Book a 1:1 with the CFO", internal=True, now=START
    )
    public, _ = capture.commit_note(kickoff.id, "Share the plan", now=START)
    hidden, _ = capture.quick_action(
        kickoff.id, private.text, owner_id=None, due_date=None, note_id=private.id
    )
    shown, _ = capture.quick_action(
        kickoff.id, public.text, owner_id=None, due_date=None, note_id=public.id
    )
    client = {a.id for a in capture.meeting_actions(kickoff.id, client_facing=True)}
    assert shown.id in client and hidden.id not in client


def test_distribution_record_revision_items_become_actions_once(kickoff: Meeting) -> None:
    record, change = capture.record_distribution(
        kickoff.id,
        version=capture.next_version(kickoff.id),
        sent_at=START + dt.timedelta(days=1),
        recipients="Sarah Mitchell <sarah@example.com>",
        client_feedback="Fine, one correction",
        revision_needed=True,
        revision_items="Add onboarding assessment to phase 1\n- Baseline workshop with Finance",
    )
    assert record.version == "1" and capture.next_version(kickoff.id) == "2"
    assert Meeting.get_by_id(kickoff.id).status == MeetingStatus.MINUTES_SENT.value
    created, actions_change = capture.revision_actions(record.id)
    assert [a.title for a in created] == [
        "Add onboarding assessment to phase 1",
        "Baseline workshop with Finance",
    ]
    again, _ = capture.revision_actions(record.id)
    assert again == []  # one click twice does not duplicate the plan
    actions_change.undo()
    assert ActionItem.select().where(ActionItem.id.in_([a.id for a in created])).count() == 0
    scope, _ = capture.revision_scope_items(record.id)
    assert {s.text for s in scope} <= {s.text for s in ScopeItem.select()}

    change.undo()
    assert MinutesDistribution.get_or_none(MinutesDistribution.id == record.id) is None
    assert Meeting.get_by_id(kickoff.id).status == MeetingStatus.CONFIRMED.value
    change.redo()
    assert MinutesDistribution.get_by_id(record.id).revision_needed is True
    with pytest.raises(ValidationProblem) as problem:
        capture.record_distribution(kickoff.id, version=" ", sent_at=None, recipients="")
    assert problem.value.field == "version"


def test_revision_lines_split_lines_and_semicolons() -> None:
    assert capture.revision_lines("a; b\n\n• c；d ") == ["a", "b", "c", "d"]


def test_minutes_recipients_are_client_attendees_and_team(kickoff: Meeting) -> None:
    to, team = capture.minutes_recipients(kickoff.id)
    assert to and all(p.side == "client" for p in to)
    assert team and all(p.side == "consultant" for p in team)
    assert capture.address_list(to[:1]) == f"{to[0].name} <{to[0].email}>"


def test_a_note_names_a_speaker_and_agenda_item_of_its_own_meeting(kickoff: Meeting) -> None:
    """Every Enter checks its references; a wrong one is refused and nothing is saved."""
    from pmdesk.models import AgendaItem, Project
    from pmdesk.services import NotFound

    other = Project.create(name="Another client")
    stranger = Person.create(project=other, name="Not in this project")
    other_meeting = Meeting.create(project=other, title="Their meeting")
    foreign_item = AgendaItem.create(meeting=other_meeting, title="Their agenda")
    before = Note.select().count()
    with pytest.raises(ValidationProblem) as speaker:
        capture.commit_note(kickoff.id, "Hello", speaker_id=stranger.id)
    assert speaker.value.field == "speaker"
    with pytest.raises(ValidationProblem) as item:
        capture.commit_note(kickoff.id, "Hello", agenda_item_id=foreign_item.id)
    assert item.value.field == "agenda_item"
    with pytest.raises(NotFound, match="No meeting with id 99999"):
        capture.commit_note(99999, "Hello")
    assert Note.select().count() == before
    own_item = AgendaItem.select().where(AgendaItem.meeting == kickoff.id).first()
    note, _ = capture.commit_note(kickoff.id, "Fine", agenda_item_id=own_item.id)
    assert Note.get_by_id(note.id).agenda_item_id == own_item.id
