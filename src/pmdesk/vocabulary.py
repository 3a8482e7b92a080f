"""The method's words in English and Simplified Chinese, for the UI and for exports.

Enumerations are stored as English keys; this is the one place that says how each key
reads to a person in each language. The Chinese follows METHOD.md's own terms.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pmdesk import models
from pmdesk.models import (
    ActionSource,
    ActionStatus,
    Approval,
    Cadence,
    CarryKind,
    CarryOutcome,
    ChangeField,
    CooperationType,
    DecisionStatus,
    Engagement,
    EscalationOption,
    KickoffPurpose,
    Language,
    LeadDecision,
    MaterialKind,
    MaterialStatus,
    MeetingKind,
    MeetingStatus,
    NoteKind,
    Phase,
    Priority,
    ProjectStatus,
    PurposeState,
    RequestKind,
    RequestStatus,
    ReviewKind,
    ReviewState,
    Role,
    Rsvp,
    Side,
    TodayMark,
)

_WORDS: list[tuple[StrEnum, str, str]] = [
    (ProjectStatus.PLANNED, "Planned", "计划中"),
    (ProjectStatus.ACTIVE, "Active", "进行中"),
    (ProjectStatus.ON_HOLD, "On hold", "暂停"),
    (ProjectStatus.CLOSED, "Closed", "已结束"),
    (Language.EN, "English", "英文"),
    (Language.ZH_CN, "Simplified Chinese", "简体中文"),
    (Side.CLIENT, "Client", "客户方"),
    (Side.CONSULTANT, "Consultant", "顾问方"),
    (Role.CLIENT_LEAD, "Client project lead", "客户方项目负责人"),
    (Role.CLIENT_LEADER, "Client leader", "客户领导"),
    (Role.COOPERATING_STAFF, "Cooperating staff", "客户方配合人员"),
    (Role.CONSULTANT_PM, "Project manager", "项目经理"),
    (Role.CONSULTANT_MEMBER, "Consultant", "顾问组成员"),
    (Engagement.UNAWARE, "Unaware", "不了解"),
    (Engagement.RESISTANT, "Resistant", "抵触"),
    (Engagement.NEUTRAL, "Neutral", "中立"),
    (Engagement.SUPPORTIVE, "Supportive", "支持"),
    (Engagement.LEADING, "Leading", "主导"),
    (CooperationType.ACTIVE, "Active", "积极配合者"),
    (CooperationType.PASSIVE, "Passive", "消极配合者"),
    (CooperationType.ROUTINE, "Routine", "按部就班者"),
    (CooperationType.UNCLASSIFIED, "Unclassified", "未分类"),
    (MeetingKind.KICKOFF, "Kickoff", "项目启动会"),
    (MeetingKind.PROGRESS_REVIEW, "Progress review", "进度例会"),
    (MeetingKind.DELIVERABLE_REVIEW, "Deliverable review", "成果评审会"),
    (MeetingKind.ONE_ON_ONE, "One-on-one", "一对一沟通"),
    (MeetingKind.OTHER, "Other", "其他"),
    (MeetingStatus.PLANNED, "Planned", "计划中"),
    (MeetingStatus.CONFIRMED, "Confirmed", "已确认"),
    (MeetingStatus.HELD, "Held", "已召开"),
    (MeetingStatus.MINUTES_SENT, "Minutes sent", "纪要已发送"),
    (MeetingStatus.MINUTES_CONFIRMED, "Minutes confirmed", "纪要已确认"),
    (Cadence.WEEKLY, "Weekly", "每周"),
    (Cadence.FORTNIGHTLY, "Fortnightly", "每两周"),
    (Cadence.MONTHLY, "Monthly", "每月"),
    (Cadence.MANUAL, "Planned by hand", "手动安排"),
    (CarryKind.ACTION, "Action", "待办事项"),
    (CarryKind.NOTE, "Open question", "待答复问题"),
    (CarryKind.AGENDA_ITEM, "Agenda item", "议程事项"),
    (CarryOutcome.PENDING, "Open", "待处理"),
    (CarryOutcome.RESOLVED, "Resolved", "已解决"),
    (CarryOutcome.KEPT, "Kept open", "继续跟踪"),
    (CarryOutcome.DROPPED, "Dropped", "不再跟踪"),
    (DecisionStatus.ACTIVE, "Active", "有效"),
    (DecisionStatus.SUPERSEDED, "Superseded", "已被取代"),
    (DecisionStatus.REVOKED, "Revoked", "已撤销"),
    (Approval.PENDING, "Awaiting approval", "待确认"),
    (Approval.APPROVED, "Approved", "已确认"),
    (Approval.RETURNED, "Returned with changes", "退回修改"),
    (TodayMark.DONE, "Done", "已完成"),
    (TodayMark.SNOOZED, "Snoozed", "已推迟"),
    (TodayMark.DISMISSED, "Dismissed", "已忽略"),
    (Rsvp.INVITED, "Invited", "已邀请"),
    (Rsvp.CONFIRMED, "Confirmed", "已确认"),
    (Rsvp.ATTENDED, "Attended", "已出席"),
    (Rsvp.APOLOGIES, "Apologies", "请假"),
    (
        KickoffPurpose.KNOW_PROJECT,
        "The client knows the project, its plan and the resources it needs",
        "让客户知晓项目，明确项目推进计划、需要的协调资源",
    ),
    (
        KickoffPurpose.KNOW_TEAM,
        "The client knows the project structure and the consultant team",
        "认识项目架构，了解顾问组成员",
    ),
    (
        KickoffPurpose.ATTITUDES,
        "Find out the attitude of the client, its leaders and cooperating staff",
        "摸清客户、领导及配合人员对项目的态度",
    ),
    (
        KickoffPurpose.VALUED_OUTCOMES,
        "Find out which outcomes the leaders value most",
        "了解领导最看重的成果",
    ),
    (PurposeState.NOT_YET, "Not yet", "未达成"),
    (PurposeState.PARTLY, "Partly", "部分达成"),
    (PurposeState.MET, "Met", "已达成"),
    (MaterialKind.PRESENTATION, "Presentation", "汇报PPT"),
    (MaterialKind.DOCUMENT, "Document", "文档"),
    (MaterialKind.OTHER, "Other", "其他"),
    (MaterialStatus.DRAFT, "Draft", "草稿"),
    (MaterialStatus.SENT, "Sent to client", "已发客户"),
    (MaterialStatus.FEEDBACK_RECEIVED, "Feedback received", "已收到反馈"),
    (MaterialStatus.FINAL, "Final", "定稿"),
    (Phase.BEFORE, "Before the meeting", "启动会前"),
    (Phase.DURING, "During the meeting", "启动会中"),
    (Phase.AFTER, "After the meeting", "启动会后"),
    (ChangeField.ATTENDEE, "Attendee", "参会人员"),
    (ChangeField.TIME, "Time", "时间"),
    (ChangeField.VENUE, "Venue", "地点"),
    (ChangeField.AGENDA, "Agenda", "议程"),
    (ChangeField.OTHER, "Other", "其他"),
    (NoteKind.REMARK, "Remark", "发言"),
    (NoteKind.OPINION, "Opinion", "意见"),
    (NoteKind.IDEA, "Idea", "想法"),
    (NoteKind.CONCERN, "Concern", "顾虑"),
    (NoteKind.QUESTION, "Question", "问题"),
    (NoteKind.DECISION, "Decision", "决定"),
    (NoteKind.VALUED_OUTCOME, "Valued outcome", "看重的成果"),
    (ActionStatus.OPEN, "Open", "未开始"),
    (ActionStatus.IN_PROGRESS, "In progress", "进行中"),
    (ActionStatus.DONE, "Done", "已完成"),
    (ActionStatus.BLOCKED, "Blocked", "受阻"),
    (ActionStatus.CANCELLED, "Cancelled", "已取消"),
    (ActionSource.MANUAL, "Entered", "手工录入"),
    (ActionSource.MEETING, "Meeting", "会议"),
    (ActionSource.NOTE, "Meeting note", "会议记录"),
    (ActionSource.LEAD_REQUEST, "Lead request", "负责人提出"),
    (ActionSource.TRACKER, "Tracker", "跟踪表"),
    (Priority.LOW, "Low", "低"),
    (Priority.NORMAL, "Normal", "中"),
    (Priority.HIGH, "High", "高"),
    (ReviewKind.MILESTONE, "Milestone", "里程碑"),
    (ReviewKind.DELIVERABLE, "Deliverable", "交付成果"),
    (ReviewState.NOT_SUBMITTED, "Not submitted", "未提交"),
    (ReviewState.SUBMITTED, "Submitted", "已提交待审"),
    (ReviewState.APPROVED, "Approved", "已通过"),
    (ReviewState.REVISION_REQUESTED, "Revision requested", "需修改"),
    (RequestKind.OPINION, "Opinion", "意见"),
    (RequestKind.QUESTION, "Question", "问题"),
    (RequestStatus.OPEN, "Open", "待解决"),
    (RequestStatus.RESOLVED, "Resolved", "已解决"),
    (EscalationOption.INCENTIVE, "An incentive", "给予激励"),
    (EscalationOption.REPLACE, "Replace the person", "更换人员"),
    (EscalationOption.SEND_HELP, "Send a team member to help", "派顾问协助"),
    (LeadDecision.PENDING, "Awaiting the lead's decision", "待负责人决定"),
    (LeadDecision.INCENTIVE, "Incentive agreed", "同意激励"),
    (LeadDecision.REPLACE, "Person replaced", "同意更换人员"),
    (LeadDecision.SEND_HELP, "Help agreed", "同意派人协助"),
    (LeadDecision.NO_ACTION, "No action", "暂不处理"),
]

# Keyed by (enumeration, value): ActionStatus.OPEN and RequestStatus.OPEN are equal
# strings, so keying by the members themselves would let one overwrite the other.
_LABELS: dict[tuple[type[StrEnum], str], tuple[str, str]] = {
    (type(member), member.value): (english, chinese) for member, english, chinese in _WORDS
}


#: The months as an English-speaking client reads them in a date ("30 Nov 2026").
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def client_date(day: dt.date | None, language: Language | str) -> str:
    """A date as the client reads it: 30 Nov 2026, or 2026年11月30日 ("" for none)."""
    if day is None:
        return ""
    if Language(language) == Language.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def label(value: StrEnum | None, language: Language | str = Language.EN) -> str:
    """How an enumeration value reads to a person; '' for None."""
    if value is None:
        return ""
    english, chinese = _LABELS[(type(value), value.value)]
    return chinese if Language(language) is Language.ZH_CN else english


def label_of(enum: type[StrEnum], key: str | None, language: Language | str = Language.EN) -> str:
    """Like `label`, for a key as stored in the database."""
    return label(enum(key), language) if key else ""


def missing_labels() -> list[StrEnum]:
    """Enumeration values of the models without words (a test keeps this empty)."""
    enums = [
        v
        for v in vars(models).values()
        if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum
    ]
    return [member for enum in enums for member in enum if (enum, member.value) not in _LABELS]
