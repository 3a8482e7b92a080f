"""What a Today rule returns: one thing the method says to do, why, by when, and how."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pmdesk.models import Language
from pmdesk.services.reports import client_date

#: Items due within this many days after today are "this week"; later ones are not listed.
WEEK_DAYS = 6


class Hat(StrEnum):
    """The method's hats (METHOD.md §4), in the order Today lists them."""

    GATEKEEPER = "gatekeeper"
    CHASE = "chase"
    FOLLOW_UP = "follow_up"
    PRAISE = "praise"
    COOPERATION = "cooperation"
    MEETINGS = "meetings"


class When(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"


@dataclass(frozen=True)
class TodayItem:
    """One thing to do: `kind` names the rule, `action` the one step that does it.

    `record_id` is the record the action works on (a step, a review, a person, a
    meeting…, as `kind` says); `why` is the reason in each language. `occurrence` tells
    apart the times the same fact falls due (the step's date, the report's day…): it
    is part of `key`, so a mark on this time does not hide the next."""

    hat: Hat
    kind: str
    project_id: int
    record_id: int
    person_id: int | None
    person: str
    why: dict[Language, str]
    due: dt.date
    action: str
    occurrence: str = ""

    @property
    def key(self) -> str:
        """The item's identity, stable from day to day while it is the same occurrence:
        kind, project, record, person and occurrence ("assistance_due:3:41:7:2026-03-07")."""
        person = "" if self.person_id is None else str(self.person_id)
        return f"{self.kind}:{self.project_id}:{self.record_id}:{person}:{self.occurrence}"

    def when(self, today: dt.date) -> When:
        if self.due < today:
            return When.OVERDUE
        return When.TODAY if self.due == today else When.THIS_WEEK

    def reason(self, language: Language | str) -> str:
        return self.why[Language(language)]


def in_view(due: dt.date, today: dt.date) -> bool:
    """Whether an item due on `due` is listed today: overdue, today or this week."""
    return due <= today + dt.timedelta(days=WEEK_DAYS)


@dataclass(frozen=True)
class Days:
    """A number of days, written per language."""

    count: int

    def text(self, language: Language) -> str:
        if language == Language.ZH_CN:
            return f"{self.count}天"
        return "1 day" if self.count == 1 else f"{self.count} days"


Words = dict[Language, dict[str, str]]


def say(words: Words, key: str, **values: object) -> dict[Language, str]:
    """The reason `key` in each language: dates, `Days` and callables written per language."""
    return {
        language: table[key].format(**_written(values, language))
        for language, table in words.items()
    }


def _written(values: dict[str, object], language: Language) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            out[name] = client_date(value, language)
        elif isinstance(value, Days):
            out[name] = value.text(language)
        elif callable(value):  # a text that depends on the language
            out[name] = value(language)
        else:
            out[name] = value
    return out


def short(text: str, limit: int = 80) -> str:
    """A record's text on one line, cut to `limit` characters for a reason."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
