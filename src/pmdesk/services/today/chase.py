"""The team-member hat: chase the client for the help the project needs (METHOD.md §4).

Due: an open step that needs the client's assistance, overdue or due within
`SOON_DAYS` (a reminder draft to its owner). Done: the step is done or cancelled.
"""

from __future__ import annotations

import datetime as dt

from pmdesk.models import ActionItem, Language
from pmdesk.services import progress
from pmdesk.services.today.item import Days, Hat, TodayItem, Words, say, short

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


def assistance_due(
    project_id: int, today: dt.date, actions: list[ActionItem] | None = None
) -> list[TodayItem]:
    """Client help overdue (progress.chase_list) or due within `SOON_DAYS`."""
    actions = progress.list_actions(project_id) if actions is None else actions
    soon = today + dt.timedelta(days=SOON_DAYS)
    due_soon = [
        a
        for a in actions
        if a.needs_client_assistance
        and progress.is_open(a)
        and a.due_date is not None
        and today <= a.due_date <= soon
    ]
    items = []
    for action in [*progress.chase_list(project_id, today, actions), *due_soon]:
        owner, due = action.owner, action.due_date
        if due is None:  # chased steps have a date (the queries say so)
            continue
        late = due < today
        why = say(
            _WORDS,
            "late" if late else "soon",
            title=short(action.title),
            date=due,
            days=Days((today - due).days),
            owner=lambda language, owner=owner: (
                owner.name if owner is not None else _WORDS[language]["nobody"]
            ),
        )
        items.append(
            TodayItem(
                Hat.CHASE,
                "assistance_due",
                project_id,
                action.id,
                owner.id if owner is not None else None,
                owner.name if owner is not None else "",
                why,
                due,
                "reminder_draft",
                due.isoformat(),
            )
        )
    return items


RULES = (assistance_due,)
