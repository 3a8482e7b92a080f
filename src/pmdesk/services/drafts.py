"""Text being typed, kept in the database within a second of the last key.

A draft is keyed by where it was typed ("evidence:12", "capture:3"…) and deleted once
the text is saved for real, so after a crash whatever is left here is exactly what
was typed and not yet saved: the screen offers it back.
"""

from __future__ import annotations

import datetime as dt

from pmdesk import db
from pmdesk.db import transaction
from pmdesk.models import Draft


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
        Draft.insert(key=key, project=project_id, text=text, saved_at=now).on_conflict(
            conflict_target=[Draft.key],
            update={Draft.text: text, Draft.saved_at: now, Draft.project: project_id},
        ).execute()


def load(key: str) -> Draft | None:
    return Draft.get_or_none(Draft.key == key)


def discard(key: str) -> None:
    with transaction():
        Draft.delete().where(Draft.key == key).execute()
