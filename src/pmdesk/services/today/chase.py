"""The team-member hat: chase the client for the help the project needs (METHOD.md §4).

Due: an open step that needs the client's assistance, overdue or due within
`SOON_DAYS` (a reminder draft to its owner). Done: the step is done or cancelled.
"""

from __future__ import annotations

import datetime as dt

from pmdesk.models import ActionItem, Language
from pmdesk.services.today.item import Days, Hat, Short, TodayItem, Word, Words, say
from pmdesk.services.today.queries import Projects, open_steps

#: Steps needing the client's help are chased from this many days before their date.
SOON_DAYS = 2

_WORDS: Words = {
    Language.EN: {
        "late": "“{title}” needs the client's help and was due {date} ({days} late); "
        "send {owner} a reminder.",
        "soon": "“{title}” needs the client's help by {date}; remind {owner} in time.",
        "nobody": "its owner",
    },
    Language.ZH_CN: {
        "late": "“{title}”需要客户协助，原定{date}完成，已超期{days}，请提醒{owner}。",
        "soon": "“{title}”需要客户协助，计划{date}完成，请提前提醒{owner}。",
        "nobody": "负责人",
    },
}


def assistance_due(projects: Projects, today: dt.date) -> list[TodayItem]:
    """Client help overdue (as progress.chase_list) or due within `SOON_DAYS`."""
    soon = today + dt.timedelta(days=SOON_DAYS)
    nobody = Word(_WORDS, "nobody")
    items = []
    needed = (ActionItem.needs_client_assistance == True) & (ActionItem.due_date <= soon)  # noqa: E712 (SQL)
    for action in open_steps(projects, needed):
        due, owner = action.due_date, action.owner_name
        why = say(
            _WORDS,
            "late" if due < today else "soon",
            title=Short(action.title),
            date=due,
            days=Days((today - due).days),
            owner=nobody if owner is None else owner,
        )
        items.append(
            TodayItem(
                Hat.CHASE,
                "assistance_due",
                action.project_id,
                action.id,
                action.owner_id,
                owner or "",
                why,
                due,
                "reminder_draft",
                due.isoformat(),
            )
        )
    return items


RULES = (assistance_due,)
