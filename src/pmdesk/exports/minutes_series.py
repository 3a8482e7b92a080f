"""The minutes' "Review of open items": what a series meeting took over from earlier ones.

A separate section so the minutes module only calls it: each carried action (owner, due,
from which meeting), each concern or question that waited for an answer, each agenda item
continued, and what the meeting did with it. Internal notes are left out (client file).
"""

from __future__ import annotations

from docx.document import Document

from pmdesk.exports.word import add_table
from pmdesk.models import CarryKind, CarryOutcome, Language
from pmdesk.services import series

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
