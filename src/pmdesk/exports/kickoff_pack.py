"""The kickoff pack (.docx, client-facing): what the client reads before the kickoff.

Project, the meeting's objectives (the four purposes as the client should read them),
agenda with times, attendees and division of labour, project structure and consultant
team, plan summary and the materials. Never the team's own view: no purpose states or
evidence, no notes, no stakeholder analysis, no checklist or change log.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.shared import Pt, RGBColor
from docx.table import Table

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.word import add_key_values, add_table, new_document, save_for_client
from pmdesk.models import (
    Attendee,
    KickoffPurpose,
    Language,
    Meeting,
    MeetingKind,
    Person,
    Project,
    Role,
    Rsvp,
    Side,
)
from pmdesk.services import meetings, people, projects

#: The four purposes as the client reads them: the third and fourth are the team's own
#: aims (attitudes, what leaders value), so they are worded as what the meeting offers.
OBJECTIVES: dict[Language, dict[KickoffPurpose, str]] = {
    Language.EN: {
        KickoffPurpose.KNOW_PROJECT: "Present the project: its objectives, plan and the "
        "coordination resources it needs from both sides",
        KickoffPurpose.KNOW_TEAM: "Introduce the project structure and the members of both teams",
        KickoffPurpose.ATTITUDES: "Hear how you see the project and agree how we will work "
        "together",
        KickoffPurpose.VALUED_OUTCOMES: "Hear each leader's priorities and expectations: the "
        "outcomes that matter most to you",
    },
    Language.ZH_CN: {
        KickoffPurpose.KNOW_PROJECT: "介绍项目目标、推进计划及需要双方协调的资源",
        KickoffPurpose.KNOW_TEAM: "介绍项目组织架构及双方项目组成员",
        KickoffPurpose.ATTITUDES: "听取各位领导和同事对项目的意见和建议，明确双方的配合方式",
        KickoffPurpose.VALUED_OUTCOMES: "了解各位领导的重点关注和期望，明确最看重的项目成果",
    },
}

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "pack": "Kickoff pack",
        "meeting_pack": "Meeting pack",
        "pre_read": "Pre-read",
        "meeting": "The meeting",
        "project": "Project",
        "client": "Client",
        "code": "Project code",
        "period": "Project period",
        "date": "Date",
        "time": "Time",
        "venue": "Venue",
        "about": "About the project",
        "objectives": "Objectives of this meeting",
        "agenda": "Agenda",
        "slot": "Time",
        "item": "Item",
        "presenter": "Presenter",
        "minutes": "Minutes",
        "total": "Total: {minutes} minutes",
        "attendees": "Attendees and division of labour",
        "client_side": "Client: {org}",
        "client_side_plain": "Client",
        "consultant_side": "Consultant team",
        "name": "Name",
        "unit": "Organisation / unit",
        "title": "Title",
        "responsibility": "Responsibility in the meeting",
        "apologies": "Apologies: {names}",
        "structure": "Project structure and consultant team",
        "structure_table": "Project structure",
        "level": "Level",
        "steering": "Leadership",
        "leads": "Project leads",
        "team": "Project team",
        "consultant": "Consultant",
        "team_table": "Consultant team",
        "role": "Role on the project",
        "contact": "Contact",
        "plan": "Plan summary",
        "in_scope": "In scope",
        "out_scope": "Out of scope",
        "outcomes": "Outcomes and deliverables",
        "milestones": "Upcoming milestones",
        "milestone": "Milestone / deliverable",
        "due": "Due",
        "materials": "Materials",
        "material": "Material",
        "version": "Version",
        "sent": "Sent to you",
        "not_sent": "to follow",
        "none": "—",
        "sep": ", ",
        "person": "{name}, {title}",
        "person_nested": "{name}, {title}",
        "outcome_sep": " — ",
    },
    Language.ZH_CN: {
        "pack": "项目启动会资料",
        "meeting_pack": "会议资料",
        "pre_read": "会前阅读材料",
        "meeting": "会议信息",
        "project": "项目名称",
        "client": "客户单位",
        "code": "项目编号",
        "period": "项目周期",
        "date": "会议日期",
        "time": "会议时间",
        "venue": "会议地点",
        "about": "项目简介",
        "objectives": "会议目标",
        "agenda": "会议议程",
        "slot": "时间",
        "item": "议题",
        "presenter": "汇报人",
        "minutes": "分钟",
        "total": "合计：{minutes}分钟",
        "attendees": "参会人员及分工",
        "client_side": "客户方：{org}",
        "client_side_plain": "客户方",
        "consultant_side": "顾问方",
        "name": "姓名",
        "unit": "单位 / 部门",
        "title": "职务",
        "responsibility": "会议分工",
        "apologies": "请假：{names}",
        "structure": "项目组织架构及顾问组成员",
        "structure_table": "项目组织架构",
        "level": "层级",
        "steering": "领导层",
        "leads": "项目负责人",
        "team": "项目组成员",
        "consultant": "顾问方",
        "team_table": "顾问组成员",
        "role": "项目角色",
        "contact": "联系方式",
        "plan": "项目计划概要",
        "in_scope": "项目范围",
        "out_scope": "不在本项目范围内",
        "outcomes": "项目成果及交付物",
        "milestones": "近期里程碑",
        "milestone": "里程碑 / 交付物",
        "due": "计划完成日期",
        "materials": "会议材料",
        "material": "材料",
        "version": "版本",
        "sent": "发送日期",
        "not_sent": "待发送",
        "none": "—",
        "sep": "、",
        "person": "{name}（{title}）",
        "person_nested": "{name}，{title}",
        "outcome_sep": "：",
    },
}

_ROLE_WORDS: dict[Language, dict[Role, str]] = {
    Language.EN: {
        Role.CLIENT_LEAD: "Client project lead",
        Role.CLIENT_LEADER: "Client leader",
        Role.COOPERATING_STAFF: "Client project team",
        Role.CONSULTANT_PM: "Project manager",
        Role.CONSULTANT_MEMBER: "Consultant",
    },
    Language.ZH_CN: {
        Role.CLIENT_LEAD: "客户方项目负责人",
        Role.CLIENT_LEADER: "客户方领导",
        Role.COOPERATING_STAFF: "客户方项目组成员",
        Role.CONSULTANT_PM: "项目经理",
        Role.CONSULTANT_MEMBER: "顾问组成员",
    },
}

_WEEKDAYS_ZH = "一二三四五六日"
_CHINESE_NUMBERS = "一二三四五六七八九十"
#: Zone names a Chinese reader knows by another name.
_ZONE_NAMES = {Language.ZH_CN: {"Asia/Shanghai": "北京时间", "Asia/Hong_Kong": "香港时间"}}


def zone_label(zone: str, when: dt.datetime | None, language: Language) -> str:
    """A readable time zone: 北京时间, "London time (UTC+0)", never a raw "Europe/London"."""
    known = _ZONE_NAMES.get(language, {}).get(zone)
    if known:
        return known
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    offset = ""
    try:
        moment = (when or dt.datetime.now()).replace(tzinfo=zoneinfo.ZoneInfo(zone))
        delta = moment.utcoffset() or dt.timedelta()
        minutes = int(delta.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        offset = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        pass
    if language == Language.ZH_CN:
        return f"{city}时间" + (f"（{offset}）" if offset else "")
    return f"{city} time" + (f" ({offset})" if offset else "")


class _Sections:
    """Numbered level-1 headings that stay consecutive when a section is left out."""

    def __init__(self, document: Document, language: Language) -> None:
        self.document, self.language, self.count = document, language, 0

    def add(self, text: str) -> None:
        self.count += 1
        if self.language == Language.ZH_CN:
            number = _CHINESE_NUMBERS[self.count - 1] if self.count <= 10 else str(self.count)
            self.document.add_heading(f"{number}、{text}", level=1)
        else:
            self.document.add_heading(f"{self.count}. {text}", level=1)


def long_date(day: dt.date, language: Language) -> str:
    """The client's date format: 30 Nov 2026 / 2026年11月30日."""
    if language == Language.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%b %Y}"


def _weekday_date(day: dt.date, language: Language) -> str:
    if language == Language.ZH_CN:
        return f"{long_date(day, language)}（星期{_WEEKDAYS_ZH[day.weekday()]}）"
    return f"{day:%A} {long_date(day, language)}"


def _meeting_time(meeting: Meeting, language: Language) -> str:
    if meeting.starts_at is None:
        return WORDS[language]["none"]
    text = f"{meeting.starts_at:%H:%M}"
    if meeting.ends_at is not None:
        text += f"–{meeting.ends_at:%H:%M}"
    if meeting.time_zone:
        name = zone_label(meeting.time_zone, meeting.starts_at, language)
        if language != Language.ZH_CN:
            text += f", {name}"
        else:  # a label with brackets of its own gets none around it
            text += f" {name}" if "（" in name else f"（{name}）"
    return text


def _person(person: Person, words: dict[str, str]) -> str:
    """Name and title; a title with brackets of its own is not put in brackets."""
    if not person.title:
        return person.name
    nested = any(bracket in person.title for bracket in "(（")
    return words["person_nested" if nested else "person"].format(
        name=person.name, title=person.title
    )


def _table(
    document: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
) -> Table:
    """A bordered table whose rows are not split across pages (exports.word)."""
    return add_table(document, headers, rows, widths_cm)


def export_kickoff_pack(meeting_id: int, target: Path, options: ExportOptions) -> Path:
    """Write the pack of a meeting: the kickoff pack for the kickoff (objectives from
    the four purposes, project structure, plan), for any other meeting its own pack
    (meeting, agenda, attendees, pre-read) without the kickoff's purposes."""
    meeting = meetings.get_meeting(meeting_id)
    project = projects.get_project(meeting.project_id)
    language = document_language(project.document_language, options)
    words = WORDS[language]
    kickoff = meeting.kind == MeetingKind.KICKOFF
    kind = words["pack" if kickoff else "meeting_pack"]
    document = new_document(language, title=meeting.title, header=f"{project.name} · {kind}")

    document.add_paragraph(meeting.title, style="Title")
    subtitle = document.add_paragraph()
    run = subtitle.add_run(kind + (f" · {project.client_org}" if project.client_org else ""))
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    prepared = prepared_by(meeting.project_id, language)
    if prepared:
        document.add_paragraph(prepared).runs[0].font.size = Pt(9)

    sections = _Sections(document, language)
    _meeting_section(document, sections, meeting, project, language)
    if kickoff:
        sections.add(words["objectives"])
        for purpose in KickoffPurpose:
            document.add_paragraph(OBJECTIVES[language][purpose], style="List Number")
    _agenda_section(document, sections, meeting, words)
    attendees = meetings.attendees(meeting.id)
    _attendee_section(document, sections, attendees, project.client_org, words)
    if kickoff:
        register = people.list_people(project.id)
        _structure_section(document, sections, register, language)
        _plan_section(document, sections, meeting, project.id, language)
    _materials_section(document, sections, meeting, language, pre_read=not kickoff)
    return save_for_client(document, target, project.id)


def prepared_by(project_id: int, language: Language) -> str:
    """ "Prepared by <PM>, <date>" (the consultant PM of the project), or ""."""
    pm = meetings.consultant_pm(project_id)
    today = long_date(dt.date.today(), language)
    if pm is None:
        return ""
    if language == Language.ZH_CN:
        return f"编制：{pm.name}　{today}"
    return f"Prepared by {pm.name}, {today}"


def _meeting_section(
    document: Document, sections: _Sections, meeting: Meeting, project: Project, language: Language
) -> None:
    words = WORDS[language]
    sections.add(words["meeting"])
    pairs = [(words["project"], project.name)]
    if project.client_org:
        pairs.append((words["client"], project.client_org))
    if project.code:
        pairs.append((words["code"], project.code))
    if project.start_date or project.end_date:
        pairs.append((words["period"], _period(project.start_date, project.end_date, language)))
    if meeting.starts_at is not None:
        pairs.append((words["date"], _weekday_date(meeting.starts_at.date(), language)))
    pairs.append((words["time"], _meeting_time(meeting, language)))
    pairs.append((words["venue"], meeting.venue or words["none"]))
    add_key_values(document, pairs)
    if project.description.strip():
        document.add_heading(words["about"], level=2)
        for paragraph in project.description.strip().split("\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())


def _period(start: dt.date | None, end: dt.date | None, language: Language) -> str:
    parts = [long_date(d, language) if d else "…" for d in (start, end)]
    return " – ".join(parts) if language == Language.EN else " 至 ".join(parts)


def _agenda_section(
    document: Document, sections: _Sections, meeting: Meeting, words: dict[str, str]
) -> None:
    items = meetings.agenda(meeting.id)
    sections.add(words["agenda"])
    if not items:
        document.add_paragraph(words["none"])
        return
    rows = []
    for item, start, end in meetings.agenda_schedule(meeting, items):
        slot = f"{start:%H:%M}–{end:%H:%M}" if start and end else ""
        presenter = item.presenter.name if item.presenter is not None else ""
        rows.append([slot, item.title, presenter, str(item.minutes_allotted or "")])
    _table(
        document,
        [words["slot"], words["item"], words["presenter"], words["minutes"]],
        rows,
        (2.9, 8.0, 3.7, 2.0),
    )
    total = sum(item.minutes_allotted for item in items)
    document.add_paragraph(words["total"].format(minutes=total))


def _attendee_section(
    document: Document,
    sections: _Sections,
    attendees: Sequence[Attendee],
    client_org: str,
    words: dict[str, str],
) -> None:
    sections.add(words["attendees"])
    coming = [a for a in attendees if a.rsvp != Rsvp.APOLOGIES]
    headers = [words["name"], words["unit"], words["title"], words["responsibility"]]
    for side, heading in (
        (
            Side.CLIENT,
            words["client_side"].format(org=client_org)
            if client_org
            else words["client_side_plain"],
        ),
        (Side.CONSULTANT, words["consultant_side"]),
    ):
        rows = [
            [a.person.name, a.person.org_unit, a.person.title, a.responsibility]
            for a in coming
            if a.person.side == side
        ]
        if not rows:
            continue
        document.add_heading(heading, level=2)
        _table(document, headers, rows, (2.8, 3.8, 3.8, 6.2))
    apologies = [_person(a.person, words) for a in attendees if a.rsvp == Rsvp.APOLOGIES]
    if apologies:
        document.add_paragraph(words["apologies"].format(names=words["sep"].join(apologies)))


def _structure_section(
    document: Document, sections: _Sections, register: Sequence[Person], language: Language
) -> None:
    words = WORDS[language]
    roles = _ROLE_WORDS[language]
    sections.add(words["structure"])

    def names(role: Role) -> str:
        return "\n".join(_person(p, words) for p in register if p.role == role)

    levels = [
        (words["steering"], names(Role.CLIENT_LEADER), ""),
        (words["leads"], names(Role.CLIENT_LEAD), names(Role.CONSULTANT_PM)),
        (words["team"], names(Role.COOPERATING_STAFF), names(Role.CONSULTANT_MEMBER)),
    ]
    rows = [
        [level, client or words["none"], consultant or words["none"]]
        for level, client, consultant in levels
        if client or consultant
    ]
    if rows:
        document.add_heading(words["structure_table"], level=2)
        _table(
            document,
            [words["level"], words["client_side_plain"], words["consultant"]],
            rows,
            (3.0, 6.8, 6.8),
        )
    team = [p for p in register if p.side == Side.CONSULTANT]
    if team:
        document.add_heading(words["team_table"], level=2)
        _table(
            document,
            [words["name"], words["role"], words["title"], words["contact"]],
            [
                [
                    p.name,
                    roles[Role(p.role)],
                    p.title,
                    "\n".join(x for x in (p.email, p.phone) if x),
                ]
                for p in team
            ],
            (2.8, 3.2, 4.4, 6.2),
        )


def _plan_section(
    document: Document, sections: _Sections, meeting: Meeting, project_id: int, language: Language
) -> None:
    words = WORDS[language]
    scope = projects.scope_items(project_id)
    outcomes = projects.outcomes(project_id)
    since = meeting.starts_at.date() if meeting.starts_at else dt.date.today()
    reviews = meetings.upcoming_reviews(project_id, since)
    if not (scope or outcomes or reviews):
        return
    sections.add(words["plan"])
    for heading, items in (
        (words["in_scope"], [s.text for s in scope if s.in_scope]),
        (words["out_scope"], [s.text for s in scope if not s.in_scope]),
    ):
        if items:
            document.add_heading(heading, level=2)
            for text in items:
                document.add_paragraph(text, style="List Bullet")
    if outcomes:
        document.add_heading(words["outcomes"], level=2)
        for outcome in outcomes:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(outcome.title).bold = True
            if outcome.description:
                paragraph.add_run(words["outcome_sep"] + outcome.description)
    if reviews:
        document.add_heading(words["milestones"], level=2)
        _table(
            document,
            [words["milestone"], words["due"]],
            [[r.title, long_date(r.due_date, language) if r.due_date else ""] for r in reviews],
            (12.2, 4.4),
        )


def _materials_section(
    document: Document,
    sections: _Sections,
    meeting: Meeting,
    language: Language,
    *,
    pre_read: bool = False,
) -> None:
    words = WORDS[language]
    materials = meetings.meeting_materials(meeting)
    if not materials:
        return
    sections.add(words["pre_read" if pre_read else "materials"])
    _table(
        document,
        [words["material"], words["version"], words["sent"]],
        [
            [
                m.title,
                m.version,
                long_date(m.sent_on, language) if m.sent_on else words["not_sent"],
            ]
            for m in materials
        ],
        (10.6, 2.2, 3.8),
    )
