"""Meeting minutes (会议纪要) as a Word document for the client.

Client-facing: it holds what was said and agreed, never the team's analysis. Notes
marked internal, action items made from them, assessments, engagement and cooperation
types are not read at all. Everything is loaded in a handful of queries, so 500 notes
take a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from peewee import JOIN

from pmdesk.exports import ExportOptions, document_language, minutes_series
from pmdesk.exports.kickoff_pack import zone_label
from pmdesk.exports.word import add_key_values, add_table, new_document, save_for_client
from pmdesk.models import (
    ActionItem,
    AgendaItem,
    Attendee,
    Language,
    Meeting,
    MeetingStatus,
    Note,
    NoteKind,
    Person,
    Project,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import capture, kickoff, meetings
from pmdesk.services.common import get_or_fail
from pmdesk.vocabulary import client_date

GROUPINGS = ("agenda", "speaker")

_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "title": "Minutes of Meeting",
        "draft_title": "Minutes of Meeting — DRAFT",
        "draft_note": "Draft: this meeting has not been held yet. These minutes are a "
        "preparation, not a record.",
        "version": "Version",
        "prepared": "Prepared by",
        "project": "Project",
        "meeting": "Meeting",
        "when": "Date and time",
        "venue": "Venue",
        "attendees": "Attendees",
        "present": "Present",
        "absent": "Apologies / absent",
        "client": "Client",
        "consultant": "Consultant team",
        "none": "—",
        "agenda": "Agenda",
        "item": "Item",
        "presenter": "Presenter",
        "key_points": "Key points",
        "by_speaker": "Key points by speaker",
        "other_points": "Other points",
        "no_points": "No points were recorded.",
        "decisions": "Decisions",
        "no_decisions": "No decisions were recorded.",
        "actions": "Action items",
        "action": "Action",
        "owner": "Owner",
        "due": "Due",
        "no_actions": "No action items were agreed.",
        "next_steps": "Next steps",
        "step_actions": "Owners take forward the action items above by their due dates; "
        "progress is reported in the regular status report.",
        "step_next_meeting": "Next meeting: {title}, {when}{venue}.",
        "step_feedback": "Please send any corrections or additions to these minutes to "
        "{pm} within three working days; we will then confirm together whether anything "
        "in the project's implementation needs to be revised.",
        "step_feedback_anyone": "Please send any corrections or additions to these minutes "
        "within three working days; we will then confirm together whether anything in the "
        "project's implementation needs to be revised.",
        "speaker_sep": ": ",
        "said_by": " ({name})",
        "file": "Minutes",
    },
    Language.ZH_CN: {
        "title": "会议纪要",
        "draft_title": "会议纪要（草稿）",
        "draft_note": "草稿：本次会议尚未召开，本文件仅为会前准备，不是会议记录。",
        "version": "版本",
        "prepared": "编制人",
        "project": "项目名称",
        "meeting": "会议名称",
        "when": "会议时间",
        "venue": "会议地点",
        "attendees": "参会人员",
        "present": "出席",
        "absent": "请假 / 缺席",
        "client": "客户方",
        "consultant": "顾问方",
        "none": "—",
        "agenda": "会议议程",
        "item": "议题",
        "presenter": "汇报人",
        "key_points": "会议要点",
        "by_speaker": "发言要点（按发言人）",
        "other_points": "其他事项",
        "no_points": "本次会议未记录要点。",
        "decisions": "会议决定",
        "no_decisions": "本次会议未形成决定。",
        "actions": "待办事项",
        "action": "事项",
        "owner": "负责人",
        "due": "计划完成日期",
        "no_actions": "本次会议未形成待办事项。",
        "next_steps": "下一步工作",
        "step_actions": "请各负责人按上表时间完成待办事项，进展在项目周报中通报。",
        "step_next_meeting": "下次会议：{title}，{when}{venue}。",
        "step_feedback": "如对本纪要有修改或补充意见，请于三个工作日内反馈给{pm}；"
        "届时双方共同确认项目实施相关内容是否需要修正。",
        "step_feedback_anyone": "如对本纪要有修改或补充意见，请于三个工作日内反馈；"
        "届时双方共同确认项目实施相关内容是否需要修正。",
        "speaker_sep": "：",
        "said_by": "（{name}）",
        "file": "会议纪要",
    },
}


def _table_date(day: dt.date, language: Language) -> str:
    # One date format throughout, as the tracker and the report write it.
    return client_date(day, language)


def format_when(meeting: Meeting, language: Language) -> str:
    """The meeting's date and time span, e.g. 30 Nov 2026, 14:00–15:30."""
    if meeting.starts_at is None:
        return ""
    start: dt.datetime = meeting.starts_at
    text = client_date(start.date(), language)
    text += " " if language == Language.ZH_CN else ", "
    text += start.strftime("%H:%M")
    if meeting.ends_at is not None:
        end: dt.datetime = meeting.ends_at
        if end.date() != start.date():
            text += "–" + client_date(end.date(), language) + " " + end.strftime("%H:%M")
        else:
            text += "–" + end.strftime("%H:%M")
    zone = meeting.time_zone or kickoff.system_time_zone()
    if zone:
        name = zone_label(zone, start, language)
        # As the kickoff pack says it; a label with brackets of its own gets none around.
        if language != Language.ZH_CN:
            text += f", {name}"
        else:
            text += f" {name}" if "（" in name else f"（{name}）"
    return text


def is_held(meeting: Meeting, notes: Sequence[Note], now: dt.datetime | None = None) -> bool:
    """Held: marked so (or later), or notes were captured in it once its time had come
    (notes typed before a meeting still to come are preparation, not minutes)."""
    planned = (MeetingStatus.PLANNED.value, MeetingStatus.CONFIRMED.value)
    if meeting.status not in planned:
        return True
    starts = meeting.starts_at
    return bool(notes) and (starts is None or starts <= (now or dt.datetime.now()))


def minutes_file_name(meeting: Meeting, language: Language) -> str:
    """A file name for the minutes: "Minutes - <title> - 2026-11-30.docx" (Chinese: 会议纪要)."""
    title = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", meeting.title)
    title = re.sub(r"\s+", " ", title).strip().rstrip(".")[:80]
    parts = [_WORDS[language]["file"], title]
    if meeting.starts_at is not None:
        parts.append(meeting.starts_at.strftime("%Y-%m-%d"))
    return " - ".join(p for p in parts if p) + ".docx"


@dataclass(frozen=True)
class MinutesContent:
    """Everything the minutes show, loaded at once; nothing internal is in it."""

    project: Project
    meeting: Meeting
    attendees: list[Attendee]
    agenda: list[AgendaItem]
    notes: list[Note]  # client-facing only
    actions: list[ActionItem]
    next_meeting: Meeting | None
    pm: Person | None
    held: bool = True
    version: str = "1"
    speakers: frozenset[int] = frozenset()  # people who spoke (so were present)


def load_minutes(meeting_id: int) -> MinutesContent:
    meeting = get_or_fail(Meeting, meeting_id)
    project = Project.get_by_id(meeting.project_id)
    attendees = meetings.attendees(meeting_id)  # by seniority
    presenter = Person.alias()
    agenda = list(
        AgendaItem.select(AgendaItem, presenter)
        .join(presenter, JOIN.LEFT_OUTER, on=(AgendaItem.presenter == presenter.id))
        .where(AgendaItem.meeting == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    )
    every_note = capture.meeting_notes(meeting_id)
    notes = [n for n in every_note if not n.internal]
    speakers = frozenset(n.speaker_id for n in every_note if n.speaker_id is not None)
    actions = capture.meeting_actions(meeting_id, client_facing=True)
    next_meeting = None
    if meeting.starts_at is not None:
        next_meeting = (
            Meeting.select()
            .where(
                (Meeting.project == project.id)
                & (Meeting.id != meeting.id)
                & (Meeting.starts_at > meeting.starts_at)
            )
            .order_by(Meeting.starts_at, Meeting.id)
            .first()
        )
    pms = [a.person for a in attendees if a.person.role == Role.CONSULTANT_PM.value]
    pm = pms[0] if pms else None
    if pm is None:
        pm = (
            Person.select()
            .where((Person.project == project.id) & (Person.role == Role.CONSULTANT_PM.value))
            .order_by(Person.id)
            .first()
        )
    return MinutesContent(
        project,
        meeting,
        attendees,
        agenda,
        notes,
        actions,
        next_meeting,
        pm,
        held=is_held(meeting, every_note),
        version=capture.next_version(meeting_id),
        speakers=speakers,
    )


def build_minutes(
    meeting_id: int, options: ExportOptions, *, grouping: str = "agenda"
) -> tuple[Document, Language, MinutesContent]:
    """The minutes as a python-docx Document (not yet saved)."""
    if grouping not in GROUPINGS:
        raise ValueError(f"grouping must be one of {', '.join(GROUPINGS)}, not {grouping!r}")
    content = load_minutes(meeting_id)
    language = document_language(content.project.document_language, options)
    words = _WORDS[language]
    meeting = content.meeting
    title = words["title" if content.held else "draft_title"]
    document = new_document(
        language,
        title=f"{title}: {meeting.title}",
        header=f"{content.project.name} · {title}",
    )
    document.add_heading(title, level=0)
    if not content.held:
        document.add_paragraph().add_run(words["draft_note"]).bold = True

    project_text = content.project.name
    if content.project.client_org:
        project_text += _bracket(content.project.client_org, language)
    add_key_values(
        document,
        [
            (words["project"], project_text),
            (words["meeting"], meeting.title),
            (words["when"], format_when(meeting, language) or words["none"]),
            (words["venue"], meeting.venue or words["none"]),
            (words["version"], content.version),
            *([(words["prepared"], content.pm.name)] if content.pm is not None else []),
        ],
    )

    _attendees(document, content, words, language)
    _agenda(document, content, words)
    minutes_series.add_review_of_open_items(document, meeting.id, language)
    points = [n for n in content.notes if n.kind != NoteKind.DECISION.value]
    if grouping == "agenda":
        _points_by_agenda(document, content, points, words)
    else:
        _points_by_speaker(document, content, points, words, language)
    _decisions(document, content, words)
    _actions(document, content, words, language)
    _next_steps(document, content, words, language)
    return document, language, content


def export_minutes(
    meeting_id: int, target: Path, options: ExportOptions, *, grouping: str = "agenda"
) -> Path:
    """Write the minutes of one meeting; key points grouped by "agenda" item or "speaker"."""
    document, _language, content = build_minutes(meeting_id, options, grouping=grouping)
    return save_for_client(document, Path(target), content.project.id)


def minutes_bytes(
    meeting_id: int, options: ExportOptions, *, grouping: str = "agenda"
) -> tuple[bytes, str]:
    """The minutes .docx in memory and its file name (for the email draft)."""
    document, language, content = build_minutes(meeting_id, options, grouping=grouping)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), minutes_file_name(content.meeting, language)


# -- sections --------------------------------------------------------------------------


def _bracket(text: str, language: Language) -> str:
    return f"（{text}）" if language == Language.ZH_CN else f" ({text})"


def _person(person: Person, language: Language) -> str:
    """Name and title (as the kickoff pack gives them: a title with brackets of its own is
    not put in brackets)."""
    if not person.title:
        return person.name
    if language == Language.ZH_CN:
        if "（" in person.title or "(" in person.title:
            return f"{person.name}，{person.title}"
        return f"{person.name}（{person.title}）"
    return f"{person.name}, {person.title}"


def _attendees(
    document: Document, content: MinutesContent, words: dict[str, str], language: Language
) -> None:
    document.add_heading(words["attendees"], level=1)
    # Roll call: "attended" is present. Until the roll is taken (nobody marked attended),
    # those who confirmed count as present.
    # Anyone who spoke was present. "Invited" without a reply is not an apology: such a
    # person is listed only if they spoke; apologies are those who declined, and (once
    # the roll is taken) those who confirmed but did not come.
    roll_taken = any(a.rsvp == Rsvp.ATTENDED.value for a in content.attendees)
    present_states = (
        {Rsvp.ATTENDED.value} if roll_taken else {Rsvp.ATTENDED.value, Rsvp.CONFIRMED.value}
    )
    absent_states = {Rsvp.APOLOGIES.value} | ({Rsvp.CONFIRMED.value} if roll_taken else set())

    def present(attendee: Attendee) -> bool:
        return attendee.rsvp in present_states or attendee.person.id in content.speakers

    rows = []
    for side, heading in ((Side.CLIENT, "client"), (Side.CONSULTANT, "consultant")):
        people = [a for a in content.attendees if a.person.side == side.value]
        if not people:
            continue
        here = [_person(a.person, language) for a in people if present(a)]
        absent = [
            _person(a.person, language)
            for a in people
            if not present(a) and a.rsvp in absent_states
        ]
        label = words[heading]
        if side == Side.CLIENT and content.project.client_org:
            label = f"{label}\n{content.project.client_org}"
        rows.append((label, "\n".join(here) or words["none"], "\n".join(absent) or words["none"]))
    if not rows:
        document.add_paragraph(words["none"])
        return
    add_table(document, ("", words["present"], words["absent"]), rows, (3.6, 7.0, 6.0))


def _agenda(document: Document, content: MinutesContent, words: dict[str, str]) -> None:
    if not content.agenda:
        return
    document.add_heading(words["agenda"], level=1)
    rows = [
        (str(n), item.title, item.presenter.name if item.presenter else "")
        for n, item in enumerate(content.agenda, start=1)
    ]
    add_table(document, ("#", words["item"], words["presenter"]), rows, (1.0, 11.6, 4.0))


def _bullet_paragraph(document: Document) -> Paragraph:
    """A "List Bullet" paragraph. python-docx looks a style up by name by scanning every
    style for each paragraph (half a second for 500 notes); the id is looked up once."""
    style_id = getattr(document, "_pmdesk_bullet_id", None)
    if style_id is None:
        style_id = document.styles["List Bullet"].style_id
        document._pmdesk_bullet_id = style_id  # type: ignore[attr-defined]
    paragraph = document.add_paragraph()
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _bullet(document: Document, speaker: str, text: str, words: dict[str, str]) -> None:
    paragraph = _bullet_paragraph(document)
    if speaker:
        paragraph.add_run(speaker + words["speaker_sep"]).bold = True
    paragraph.add_run(text)
    paragraph.paragraph_format.space_after = Pt(3)


def _points_by_agenda(
    document: Document, content: MinutesContent, points: Sequence[Note], words: dict[str, str]
) -> None:
    document.add_heading(words["key_points"], level=1)
    if not points:
        document.add_paragraph(words["no_points"])
        return
    by_item: dict[int | None, list[Note]] = {}
    for note in points:
        by_item.setdefault(note.__data__.get("agenda_item"), []).append(note)
    for number, item in enumerate(content.agenda, start=1):
        said = by_item.pop(item.id, [])
        if not said:
            continue
        document.add_heading(f"{number}. {item.title}", level=2)
        for note in said:
            _bullet(document, note.speaker.name if note.speaker else "", note.text, words)
    rest = [n for notes in by_item.values() for n in notes]
    if rest:
        rest.sort(key=lambda n: (n.offset_seconds, n.id))
        if content.agenda:
            document.add_heading(words["other_points"], level=2)
        for note in rest:
            _bullet(document, note.speaker.name if note.speaker else "", note.text, words)


def _points_by_speaker(
    document: Document,
    content: MinutesContent,
    points: Sequence[Note],
    words: dict[str, str],
    language: Language,
) -> None:
    document.add_heading(words["by_speaker"], level=1)
    if not points:
        document.add_paragraph(words["no_points"])
        return
    for summary in capture.speaker_summaries(points, content.attendees):
        if not summary.notes:
            continue
        heading = _person(summary.person, language) if summary.person else words["other_points"]
        document.add_heading(heading, level=2)
        for note in summary.notes:
            _bullet(document, "", note.text, words)


def _decisions(document: Document, content: MinutesContent, words: dict[str, str]) -> None:
    document.add_heading(words["decisions"], level=1)
    decisions = [n for n in content.notes if n.kind == NoteKind.DECISION.value]
    if not decisions:
        document.add_paragraph(words["no_decisions"])
        return
    for number, note in enumerate(decisions, start=1):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Pt(18)
        paragraph.paragraph_format.first_line_indent = Pt(-18)
        paragraph.add_run(f"{number}.\t")
        paragraph.add_run(note.text)
        if note.speaker:
            paragraph.add_run(words["said_by"].format(name=note.speaker.name)).italic = True


def _actions(
    document: Document, content: MinutesContent, words: dict[str, str], language: Language
) -> None:
    document.add_heading(words["actions"], level=1)
    if not content.actions:
        document.add_paragraph(words["no_actions"])
        return
    rows = [
        (
            str(n),
            action.title,
            action.owner.name if action.owner else "",
            _table_date(action.due_date, language) if action.due_date else "",
        )
        for n, action in enumerate(content.actions, start=1)
    ]
    add_table(
        document,
        ("#", words["action"], words["owner"], words["due"]),
        rows,
        (1.0, 9.0, 3.4, 3.2),
    )


def _next_steps(
    document: Document, content: MinutesContent, words: dict[str, str], language: Language
) -> None:
    document.add_heading(words["next_steps"], level=1)
    steps = []
    if content.actions:
        steps.append(words["step_actions"])
    following = content.next_meeting
    if following is not None:
        venue = ""
        if following.venue:
            venue = ("，" if language == Language.ZH_CN else ", ") + following.venue
        steps.append(
            words["step_next_meeting"].format(
                title=following.title, when=format_when(following, language), venue=venue
            )
        )
    if content.pm is not None:
        contact = content.pm.name
        if content.pm.email:
            contact += _bracket(content.pm.email, language)
        steps.append(words["step_feedback"].format(pm=contact))
    else:
        steps.append(words["step_feedback_anyone"])
    for step in steps:
        _bullet_paragraph(document).add_run(step)
