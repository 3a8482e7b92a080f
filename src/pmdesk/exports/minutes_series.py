"""Sections of client documents that come from meeting series and the decision log.

The minutes' "Review of open items": each carried action (owner, due, from which
meeting), each concern or question that waited for an answer, each agenda item
continued, and what the meeting did with it. The status report's "Decisions in this
period". Separate functions, so the minutes and the report only call them; internal
notes and decisions are left out (client files).
"""

from __future__ import annotations

import datetime as dt

from docx.document import Document

from pmdesk.exports.word import add_table
from pmdesk.models import CarryKind, CarryOutcome, DecisionStatus, Language
from pmdesk.services import decisions, series

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "heading": "Review of open items",
        "item": "Item",
        "from": "From",
        "owner": "Owner",
        "due": "Due",
        "outcome": "Outcome",
        CarryOutcome.PENDING: "Open",
        CarryOutcome.RESOLVED: "Resolved",
        CarryOutcome.KEPT: "Kept open",
        CarryOutcome.DROPPED: "Dropped",
        CarryKind.NOTE: "Question: {text}",
        CarryKind.AGENDA_ITEM: "Continued: {text}",
        "decisions": "Decisions in this period",
        "date": "Date",
        "decision": "Decision",
        "status": "Status",
        DecisionStatus.ACTIVE: "Active",
        DecisionStatus.SUPERSEDED: "Superseded",
        DecisionStatus.REVOKED: "Revoked",
    },
    Language.ZH_CN: {
        "heading": "遗留事项回顾",
        "item": "事项",
        "from": "来源会议",
        "owner": "负责人",
        "due": "计划完成",
        "outcome": "处理结果",
        CarryOutcome.PENDING: "待处理",
        CarryOutcome.RESOLVED: "已解决",
        CarryOutcome.KEPT: "继续跟踪",
        CarryOutcome.DROPPED: "不再跟踪",
        CarryKind.NOTE: "问题：{text}",
        CarryKind.AGENDA_ITEM: "续议：{text}",
        "decisions": "本期决策",
        "date": "日期",
        "decision": "决策内容",
        "status": "状态",
        DecisionStatus.ACTIVE: "有效",
        DecisionStatus.SUPERSEDED: "已被取代",
        DecisionStatus.REVOKED: "已撤销",
    },
}


def add_review_of_open_items(document: Document, meeting_id: int, language: Language) -> None:
    """The section, if the meeting carried anything over (else nothing is added)."""
    items = [i for i in series.carried_items(meeting_id) if not i.internal]
    if not items:
        return
    words = WORDS[language]
    document.add_heading(words["heading"], level=1)
    rows = []
    for n, item in enumerate(items, start=1):
        text = (
            item.text if item.kind == CarryKind.ACTION else words[item.kind].format(text=item.text)
        )
        source = item.from_meeting_title
        if item.from_meeting_date is not None:
            source = f"{source} {item.from_meeting_date.isoformat()}".strip()
        owner = item.owner or item.speaker
        due = item.due_date.isoformat() if item.due_date else ""
        rows.append((str(n), text, source, owner, due, words[item.outcome]))
    add_table(
        document,
        ("#", words["item"], words["from"], words["owner"], words["due"], words["outcome"]),
        rows,
        (0.8, 6.4, 3.6, 2.4, 2.2, 2.2),
    )


def add_decisions_in_period(
    document: Document, project_id: int, start: dt.date, end: dt.date, language: Language
) -> None:
    """The client-facing decisions taken from `start` to `end` (nothing if none)."""
    entries = [
        e
        for e in decisions.decisions_since(project_id, start)
        if e.decided_on is not None and e.decided_on <= end
    ]
    if not entries:
        return
    words = WORDS[language]
    document.add_heading(words["decisions"], level=2)
    entries.sort(key=lambda e: (e.decided_on or start, e.note_id))
    rows = [
        (e.decided_on.isoformat() if e.decided_on else "", e.text, words[e.status]) for e in entries
    ]
    add_table(document, (words["date"], words["decision"], words["status"]), rows, (2.6, 11.4, 2.6))
