"""The kickoff pack (.docx): what the client reads, read back; nothing internal in it."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.kickoff_pack import export_kickoff_pack
from pmdesk.models import (
    ActionItem,
    Assessment,
    ChangeRecord,
    ChecklistItem,
    CoachingSession,
    Draft,
    EscalationMemo,
    FollowUp,
    Language,
    LeaderPriority,
    LeadRequest,
    Material,
    MilestoneReview,
    MinutesDistribution,
    Note,
    Person,
    Purpose,
    StatusReport,
)
from pmdesk.services import NotFound, meetings
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)
MARK = "LEAKCHECK-7f3a"

#: Every internal text field, or one a client file must leave out, and its marker.
INTERNAL_FIELDS = {
    Person: ("causes", "strategy", "next_action", "cause_factors", "success_factors",
             "coaching_plan"),
    Purpose: ("evidence",),
    Material: ("client_feedback",),
    ChecklistItem: ("text",),
    ChangeRecord: ("description",),
    Assessment: ("source", "comment"),
    LeaderPriority: ("evidence",),
    LeadRequest: ("text", "resolution"),
    ActionItem: ("notes", "next_step", "client_comment"),
    MilestoneReview: ("comment",),
    FollowUp: ("reason", "outcome"),
    EscalationMemo: ("cause", "text", "decision_note"),
    CoachingSession: ("topic", "notes"),
    MinutesDistribution: ("client_feedback", "revision_items"),
    StatusReport: ("status_text", "problems_text", "help_needed_text", "praise_text"),
}  # fmt: skip


def plant_markers(project_id: int) -> None:
    """Put MARK into every internal field of the project and into every note."""
    for model, fields in INTERNAL_FIELDS.items():
        for record in model.select():
            for name in fields:
                setattr(record, name, f"{getattr(record, name) or ''} {MARK}-{name}")
            record.save()
    # Every note: captured remarks are the team's raw record, internal or not.
    for note in Note.select():
        note.text = f"{note.text} {MARK}-note"
        note.save()
    Draft.create(key="capture:1", project=project_id, text=f"{MARK}-draft")
    assert Person.select().where(Person.causes.contains(MARK)).exists()


def every_part(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


def document_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def demo_kickoff(database: Path) -> int:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = meetings.kickoff_meeting(project_id)
    assert meeting is not None
    return int(meeting.id)


def test_the_pack_has_what_the_client_needs(demo_kickoff: int, tmp_path: Path) -> None:
    target = export_kickoff_pack(demo_kickoff, tmp_path / "pack.docx", ExportOptions())
    text = document_text(target)
    for expected in (
        "Procure-to-Pay Transformation (Phase 1)",  # project
        "Northbridge Manufacturing Group plc",  # client
        "NMG-P2P-01",
        "Monday 30 Nov 2026",  # the client's date format
        "09:30–11:30, London time (UTC+0)",  # a readable zone, not its id
        "Objectives of this meeting",
        "Hear each leader's priorities and expectations",  # purpose 4, for the client
        "09:30–09:40",  # agenda slots from the start and the minutes
        "11:20–11:30",
        "Opening: why this project, why now",
        "Co-chair; confirms the division of labour",  # division of labour
        "Apologies: Rajesh Patel, Chief Information Officer",
        "Consultant team",
        "alex.morgan@meridian-advisory.example.com",
        "Out of scope",
        "Future-state process design sign-off",  # an upcoming milestone
        "Kickoff presentation",  # materials with version and sent date
        "22 Nov 2026",
        "to follow",
    ):
        assert expected in text, expected
    # The team's own wording of purposes 3 and 4 stays inside.
    assert "Find out" not in text and "attitude" not in text.lower()
    document = docx.Document(str(target))
    assert document.core_properties.title == "Project kickoff: Procure-to-Pay Transformation"
    assert document.core_properties.author == ""
    assert all(t.style.name == "Table Grid" for t in document.tables), "bordered tables"
    footer = every_part(target)["word/footer1.xml"]
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_no_internal_analysis_reaches_any_part_of_the_file(
    demo_kickoff: int, tmp_path: Path
) -> None:
    meeting = meetings.get_meeting(demo_kickoff)
    plant_markers(meeting.project_id)
    target = export_kickoff_pack(demo_kickoff, tmp_path / "pack.docx", ExportOptions())
    parts = every_part(target)
    assert "word/document.xml" in parts and "docProps/core.xml" in parts
    leaked = {name: part.count(MARK) for name, part in parts.items() if MARK in part}
    assert leaked == {}
    text = document_text(target)
    for internal_word in ("Resistant", "Passive", "Routine", "Partly", "Not yet", "Sceptical"):
        assert internal_word not in text, internal_word


def test_the_pack_in_chinese_and_in_another_language(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    meeting = meetings.kickoff_meeting(project_id)
    assert meeting is not None
    target = export_kickoff_pack(meeting.id, tmp_path / "启动会.docx", ExportOptions())
    text = document_text(target)
    for expected in ("二、会议目标", "2026年11月30日（星期一）", "09:30–11:30（北京时间）",
                     "请假：赵志强", "了解各位领导的重点关注和期望", "七、会议材料"):  # fmt: skip
        assert expected in text, expected
    styles = every_part(target)["word/styles.xml"]
    assert 'w:eastAsia="Microsoft YaHei"' in styles

    english = export_kickoff_pack(
        meeting.id, tmp_path / "en.docx", ExportOptions(language=Language.EN)
    )
    assert "Objectives of this meeting" in document_text(english)


def test_an_unknown_meeting_writes_nothing(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound, match="No meeting with id 42"):
        export_kickoff_pack(42, out / "pack.docx", ExportOptions())
    assert list(out.iterdir()) == []
