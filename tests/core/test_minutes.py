"""The minutes .docx: content in English and Chinese, grouping, the leak rule, speed."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from pmdesk.exports import ExportOptions, export
from pmdesk.exports.minutes_docx import build_minutes, export_minutes, minutes_file_name
from pmdesk.models import (
    ActionItem,
    Assessment,
    Attendee,
    CoachingSession,
    Draft,
    EscalationMemo,
    FollowUp,
    Language,
    LeaderPriority,
    Meeting,
    MeetingKind,
    Note,
    NoteKind,
    Person,
    Purpose,
    Rsvp,
    database,
)
from pmdesk.services import capture
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
MARK = "LEAKCHECK"


def alignment(project_id: int) -> Meeting:
    return Meeting.get((Meeting.project == project_id) & (Meeting.kind == MeetingKind.OTHER.value))


def text_of(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def all_parts(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()
        )


def plant_markers(project_id: int, meeting: Meeting) -> None:
    """Put a marker into every internal field, and an internal note with its action."""
    for number, person in enumerate(Person.select().where(Person.project == project_id)):
        for field in ("causes", "strategy", "next_action", "success_factors", "coaching_plan"):
            setattr(person, field, f"{MARK}-{field}-{number}")
        person.save()
        Assessment.create(person=person, comment=f"{MARK}-assessment", source=f"{MARK}-source")
        FollowUp.create(project=project_id, person=person, reason=f"{MARK}-follow-up")
        EscalationMemo.create(person=person, text=f"{MARK}-escalation", cause=f"{MARK}-cause")
        CoachingSession.create(person=person, topic=f"{MARK}-coaching")
    for priority in LeaderPriority.select():
        priority.evidence = f"{MARK}-valued-outcome"
        priority.save()
    Purpose.update(evidence=f"{MARK}-purpose").execute()
    note, _ = capture.commit_note(meeting.id, f"{MARK}-internal-note", internal=True)
    # Made from the note as Live meeting → Action… makes it: the title quotes the note.
    capture.quick_action(meeting.id, note.text, owner_id=None, due_date=None, note_id=note.id)
    ActionItem.update(notes=f"{MARK}-action-notes").execute()
    capture.save_draft(meeting.id, f"{MARK}-draft")


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_minutes_hold_what_the_client_should_read(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project_id = demo_project(language, today=TODAY)
    meeting = alignment(project_id)
    target = export_minutes(meeting.id, tmp_path / "minutes.docx", ExportOptions())
    text = text_of(target)
    words = {
        Language.EN: (
            "Minutes of Meeting",
            "Attendees",
            "Agenda",
            "Key points",
            "Decisions",
            "Action items",
            "Next steps",
            "13 Nov 2026, 14:00–15:30",
        ),
        Language.ZH_CN: (
            "会议纪要",
            "参会人员",
            "会议议程",
            "会议要点",
            "会议决定",
            "待办事项",
            "下一步工作",
            "2026年11月13日 14:00–15:30",
        ),
    }[language]
    for word in words:
        assert word in text
    assert meeting.title in text and meeting.venue in text
    client_notes = Note.select().where((Note.meeting == meeting) & ~Note.internal)
    for note in client_notes:
        assert note.text in text
    for note in Note.select().where((Note.meeting == meeting) & Note.internal):
        assert note.text not in text
    actions = capture.meeting_actions(meeting.id, client_facing=True)
    assert actions
    table = Document(str(target)).tables[-1]
    assert [c.text for c in table.rows[1].cells][1:3] == [actions[0].title, actions[0].owner.name]
    if language == Language.ZH_CN:
        styles = all_parts(target)
        assert 'w:eastAsia="Microsoft YaHei"' in styles and "NUMPAGES" in styles


def test_english_project_minutes_can_be_written_in_chinese(demo_en: int, tmp_path: Path) -> None:
    meeting = alignment(demo_en)
    target = export("minutes", meeting.id, tmp_path / "m.docx", ExportOptions(Language.ZH_CN))
    assert "会议纪要" in text_of(target)


@pytest.fixture
def demo_en(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


def test_attendees_present_and_absent_by_side(demo_en: int, tmp_path: Path) -> None:
    meeting = alignment(demo_en)
    cfo = (
        Attendee.select()
        .join(Person)
        .where((Attendee.meeting == meeting) & (Person.title == "Chief Financial Officer"))
        .get()
    )
    cfo.rsvp = Rsvp.APOLOGIES.value
    cfo.save()
    # Anyone who spoke was present: the CFO is an apology only without notes of theirs.
    Note.delete().where((Note.meeting == meeting) & (Note.speaker == cfo.person)).execute()
    target = export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions())
    attendees = Document(str(target)).tables[1]
    header = [c.text for c in attendees.rows[0].cells]
    assert header[1:] == ["Present", "Apologies / absent"]
    client = [c.text for c in attendees.rows[1].cells]
    assert client[0].startswith("Client")
    assert "Helen Brooks" in client[2] and "Helen Brooks" not in client[1]
    assert "Sarah Mitchell" in client[1]
    assert "Alex Morgan" in attendees.rows[2].cells[1].text


def test_key_points_grouped_by_speaker(demo_en: int, tmp_path: Path) -> None:
    meeting = alignment(demo_en)
    by_agenda = text_of(export_minutes(meeting.id, tmp_path / "a.docx", ExportOptions()))
    by_speaker = text_of(
        export_minutes(meeting.id, tmp_path / "s.docx", ExportOptions(), grouping="speaker")
    )
    assert "Key points by speaker" in by_speaker and "Key points by speaker" not in by_agenda
    document = Document(str(tmp_path / "s.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[0].startswith("David Harrington")  # by seniority: the sponsor first
    with pytest.raises(ValueError):
        build_minutes(meeting.id, ExportOptions(), grouping="mood")


def test_decisions_are_listed_once_under_decisions(demo_en: int, tmp_path: Path) -> None:
    meeting = alignment(demo_en)
    document = Document(str(export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions())))
    decisions = Note.select().where(
        (Note.meeting == meeting) & (Note.kind == NoteKind.DECISION.value)
    )
    body = "\n".join(p.text for p in document.paragraphs)
    for decision in decisions:
        assert body.count(decision.text) == 1


@pytest.mark.parametrize("grouping", ["agenda", "speaker"])
def test_minutes_never_contain_internal_facts(demo_en: int, tmp_path: Path, grouping: str) -> None:
    meeting = alignment(demo_en)
    plant_markers(demo_en, meeting)
    assert Draft.select().count() >= 1
    target = export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions(), grouping=grouping)
    everything = all_parts(target)
    assert "Key points" in everything  # the file was read
    assert MARK not in everything
    # Vocabulary of the analysis ("Engagement Manager" is a job title, so not that word).
    for word in ("Supportive", "Resistant", "Passive", "Routine", "Valued outcome", "Internal"):
        assert word not in everything


def test_minutes_of_500_notes_take_the_same_queries_as_of_5(demo_en: int, tmp_path: Path) -> None:
    """No query per note: the export stays fast however long the meeting was."""
    meeting = alignment(demo_en)
    speakers = [a.person_id for a in Attendee.select().where(Attendee.meeting == meeting)]

    def queries(count: int) -> int:
        Note.delete().where(Note.meeting == meeting).execute()
        with database.atomic():
            for n in range(count):
                Note.create(
                    meeting=meeting,
                    offset_seconds=n,
                    speaker=speakers[n % len(speakers)],
                    text=f"point {n}",
                )
        executed = []
        db = database.obj
        original = db.execute_sql

        def counting(sql, params=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            executed.append(sql)
            return original(sql, params, *args, **kwargs)

        db.execute_sql = counting  # type: ignore[method-assign]
        try:
            export_minutes(meeting.id, tmp_path / f"{count}.docx", ExportOptions())
        finally:
            del db.execute_sql
        return len(executed)

    assert queries(500) == queries(5)
    assert "point 499" in text_of(tmp_path / "500.docx")


def test_file_name_says_minutes_and_date(demo_en: int) -> None:
    meeting = alignment(demo_en)
    assert minutes_file_name(meeting, Language.EN) == (
        "Minutes - Pre-kickoff alignment with the leadership team - 2026-11-13.docx"
    )
    assert minutes_file_name(meeting, Language.ZH_CN).startswith("会议纪要 - ")


def test_invited_people_are_not_apologies_and_speakers_are_present(
    demo_en: int, tmp_path: Path
) -> None:
    meeting = alignment(demo_en)
    rows = list(Attendee.select().join(Person).where(Attendee.meeting == meeting))
    spoke = {n.speaker_id for n in Note.select().where(Note.meeting == meeting)}
    speaker = next(a for a in rows if a.person_id in spoke)
    silent = next(a for a in rows if a.person_id not in spoke)
    Attendee.update(rsvp=Rsvp.INVITED.value).where(
        Attendee.id.in_([speaker.id, silent.id])
    ).execute()
    target = export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions())
    table = Document(str(target)).tables[1]
    present = "\n".join(row.cells[1].text for row in table.rows[1:])
    absent = "\n".join(row.cells[2].text for row in table.rows[1:])
    assert speaker.person.name in present and speaker.person.name not in absent
    assert silent.person.name not in absent


def test_minutes_of_a_meeting_not_yet_held_are_a_draft(demo_en: int, tmp_path: Path) -> None:
    meeting = alignment(demo_en)
    Note.delete().where(Note.meeting == meeting).execute()
    Meeting.update(status="planned").where(Meeting.id == meeting.id).execute()
    text = text_of(export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions()))
    assert "Minutes of Meeting — DRAFT" in text and "has not been held yet" in text


def test_minutes_of_a_meeting_still_to_come_with_preparation_notes_are_a_draft(
    demo_en: int, tmp_path: Path
) -> None:
    meeting = alignment(demo_en)
    assert Note.select().where(Note.meeting == meeting).exists()
    later = dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=3)
    Meeting.update(status="planned", starts_at=later, ends_at=None).where(
        Meeting.id == meeting.id
    ).execute()
    text = text_of(export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions()))
    assert "Minutes of Meeting — DRAFT" in text and "has not been held yet" in text
    Meeting.update(starts_at=later - dt.timedelta(days=6)).where(Meeting.id == meeting.id).execute()
    text = text_of(export_minutes(meeting.id, tmp_path / "m2.docx", ExportOptions()))
    assert "DRAFT" not in text  # notes at a meeting whose time has come: it was held


def test_minutes_show_the_time_zone_version_and_one_date_format(
    database: Path, tmp_path: Path
) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    meeting = alignment(project_id)
    target = export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions())
    text = text_of(target)
    assert "北京时间" in text and "版本" in text and "计划完成日期" in text
    assert "完成时间" not in text
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # no ISO date beside 年月日
    header = all_parts(target)
    assert "会议纪要" in header and "Macintosh" not in header


@pytest.mark.parametrize(
    ("language", "when"),
    [
        (Language.EN, "14:00–15:30, London time (UTC+0)"),
        (Language.ZH_CN, "14:00–15:30（北京时间）"),
    ],
)
def test_the_meeting_time_names_its_zone_once_and_no_bracket_is_doubled(
    database: Path, tmp_path: Path, language: Language, when: str
) -> None:
    meeting = alignment(demo_project(language, today=TODAY))
    text = text_of(export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions()))
    assert when in text
    assert "))" not in text and "））" not in text  # a title with brackets of its own


def test_a_title_longer_than_the_properties_hold_still_exports(
    demo_en: int, tmp_path: Path
) -> None:
    """A valid 300-character title: the .docx title property holds 255 characters."""
    meeting = alignment(demo_en)
    Meeting.update(title="Weekly alignment " * 17 + "end").where(Meeting.id == meeting.id).execute()
    target = export_minutes(meeting.id, tmp_path / "m.docx", ExportOptions())
    title = Document(str(target)).core_properties.title
    assert len(title) <= 255 and title.endswith("…")
