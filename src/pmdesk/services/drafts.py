"""Text being typed, kept in the database within a second of the last key.

A draft is keyed by where it was typed ("evidence:12", "capture:3"…) and deleted once
the text is saved for real, so after a crash whatever is left here is exactly what
was typed and not yet saved: the screen offers it back. Drafts are each person's own:
on a team server `row_created_by` is their database role (in a file it is "").
"""

from __future__ import annotations

import datetime as dt

from peewee import Expression

from pmdesk import db
from pmdesk.db import transaction
from pmdesk.models import Draft


def mine() -> Expression:
    """The condition for this user's drafts (see db.user())."""
    return Draft.row_created_by == db.user()


def at(key: str) -> Expression:
    return (Draft.key == key) & mine()


def save(
    key: str, text: str, project_id: int | None = None, now: dt.datetime | None = None
) -> None:
    """Keep `text` as the draft at `key` (an empty text too: the box was emptied).

    A database opened read-only keeps no drafts (nothing typed there can be saved).
    """
    if db.state is not None and db.state.read_only:
        return
    now = (now or dt.datetime.now()).replace(microsecond=0)
    with transaction():
        Draft.insert(
            key=key, project=project_id, text=text, saved_at=now, row_created_by=db.user()
        ).on_conflict(
            conflict_target=[Draft.key, Draft.row_created_by],
            update={Draft.text: text, Draft.saved_at: now, Draft.project: project_id},
        ).execute()


def load(key: str) -> Draft | None:
    return Draft.get_or_none(at(key))


def discard(key: str) -> None:
    with transaction():
        Draft.delete().where(at(key)).execute()
