"""What a Today rule returns: one thing the method says to do, why, by when, and how."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from pmdesk.models import Language
from pmdesk.vocabulary import client_date, label

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


Words = dict[Language, dict[str, str]]


class Why(NamedTuple):
    """Why an item is due, written only when asked: the phrase `key` of a rule's `words`
    with its values (dates, `Days`, `Word`s… are written per language then). A tuple,
    and its values' types below tuples, ints and strs: thousands are made on each
    reload, few are read."""

    words: Words
    key: str
    values: dict[str, object]

    def text(self, language: Language | str) -> str:
        language = Language(language)
        return self.words[language][self.key].format(**_written(self.values, language))


class TodayItem(NamedTuple):
    """One thing to do: `kind` names the rule, `action` the one step that does it.

    `record_id` is the record the action works on (a step, a review, a person, a
    meeting…, as `kind` says); `why` is the reason, written in a language by `reason`.
    `occurrence` tells apart the times the same fact falls due (the step's date, the
    report's day…): it is part of `key`, so a mark on this time does not hide the next.
    A tuple, not a dataclass: Today builds thousands of them on each reload."""

    hat: Hat
    kind: str
    project_id: int
    record_id: int
    person_id: int | None
    person: str
    why: Why
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
        """Why it is due, in `language` (written now, not when the rules ran)."""
        return self.why.text(language)


def in_view(due: dt.date, today: dt.date) -> bool:
    """Whether an item due on `due` is listed today: overdue, today or this week."""
    return due <= today + dt.timedelta(days=WEEK_DAYS)


class Days(int):
    """A number of days, written per language (an int: made in C, thousands a reload)."""

    __slots__ = ()

    def text(self, language: Language) -> str:
        number = int(self)
        if language == Language.ZH_CN:
            return f"{number}天"
        return "1 day" if number == 1 else f"{number} days"


class Word(NamedTuple):
    """A phrase of a rule's `words` used inside another ("the client lead"…)."""

    words: Words
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def text(self, language: Language) -> str:
        return self.words[language][self.key].format(**_written(dict(self.values), language))


class Label(NamedTuple):
    """An enumeration value as it reads in each language (vocabulary.label)."""

    value: StrEnum

    def text(self, language: Language) -> str:
        return label(self.value, language)


class Short(str):
    """A record's text on one line, cut for a reason (`short`) when written (a str, as
    `Days` is an int)."""

    __slots__ = ()


def say(words: Words, key: str, **values: object) -> Why:
    """The reason `key` of `words` with its values, written in a language when asked."""
    return Why(words, key, values)


def _written(values: dict[str, object], language: Language) -> dict[str, object]:
    """The values as the phrase shows them in `language`: dates as the client reads them,
    `Days`, `Word`s and `Label`s in that language, `Short` texts cut."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            out[name] = client_date(value, language)
        elif isinstance(value, Days | Word | Label):
            out[name] = value.text(language)
        elif isinstance(value, Short):
            out[name] = short(value)
        else:
            out[name] = value
    return out


def short(text: str, limit: int = 80) -> str:
    """A record's text on one line, cut to `limit` characters for a reason."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
