"""Text being typed, kept in the database within a second of the last key.

A draft is keyed by where it was typed ("evidence:12", "capture:3"…) and deleted once
the text is saved for real, so after a crash whatever is left here is exactly what
was typed and not yet saved: the screen offers it back. Drafts are each person's own:
on a team server `row_created_by` is their database role (in a file it is "").

When the database cannot take a draft (locked by another program, disk full, opened
read-only, server gone) the draft goes to a fallback file in pmdesk's data folder,
written atomically, one per database. `load` reads it first; `recover` (at start, and
after the next draft the database does take) moves its drafts into the database and
removes the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peewee import Expression, PeeweeException, SqliteDatabase

from pmdesk import db, paths
from pmdesk.db import transaction
from pmdesk.models import Draft, database

#: How long a draft write waits for another program's write lock before it goes to the
#: fallback file (the GUI waits this long at most; a user action waits the usual 5 s).
DRAFT_BUSY_MS = 200


def mine() -> Expression:
    """The condition for this user's drafts (see db.user())."""
    return Draft.row_created_by == db.user()


def at(key: str) -> Expression:
    return (Draft.key == key) & mine()


def save(
    key: str, text: str, project_id: int | None = None, now: dt.datetime | None = None
) -> None:
    """Keep `text` as the draft at `key` (an empty text too: the box was emptied).

    Inside a caller's transaction the write is part of it (and fails with it); on its
    own, a write the database refuses goes to the fallback file instead.
    """
    now = (now or dt.datetime.now()).replace(microsecond=0)
    if database.in_transaction():
        _write(key, text, project_id, now)
        return
    try:
        if _read_only():
            raise PermissionError("read-only database")
        with _short_wait(), transaction():
            _write(key, text, project_id, now)
    except (PeeweeException, PermissionError):
        _fallback().put(key, {"text": text, "project_id": project_id, "saved_at": now})
        return
    fallback = _fallback()
    if fallback.drafts:
        fallback.drop(key)
        recover()


def _write(key: str, text: str, project_id: int | None, now: dt.datetime) -> None:
    Draft.insert(
        key=key, project=project_id, text=text, saved_at=now, row_created_by=db.user()
    ).on_conflict(
        conflict_target=[Draft.key, Draft.row_created_by],
        update={Draft.text: text, Draft.saved_at: now, Draft.project: project_id},
    ).execute()


def load(key: str) -> Draft | None:
    """The draft at `key`: the fallback file's if it has one (it is the newer), else the
    database's."""
    kept = _fallback().drafts.get(key)
    if kept is not None:
        if kept.get("discarded"):
            return None
        return Draft(
            key=key,
            text=kept["text"],
            project=kept.get("project_id"),
            saved_at=dt.datetime.fromisoformat(kept["saved_at"]),
            row_created_by=db.user(),
        )
    return Draft.get_or_none(at(key))


def discard(key: str) -> None:
    """The text at `key` was saved or given up: forget its draft (wherever it is)."""
    fallback = _fallback()
    try:
        if _read_only():
            raise PermissionError("read-only database")
        with _short_wait(), transaction():
            Draft.delete().where(at(key)).execute()
    except (PeeweeException, PermissionError):
        if database.in_transaction():
            raise
        # Remembered as discarded, so the database's older draft is not offered back.
        fallback.put(key, {"discarded": True})
        return
    fallback.drop(key)


def forget_fallback(key: str) -> None:
    """The draft at `key` was deleted with the text's save: drop its fallback copy too."""
    fallback = _fallback()
    if fallback.drafts:
        fallback.drop(key)


def recover() -> int:
    """Move the fallback file's drafts into the database and remove the file; the number
    moved (0 if the database still refuses them: the file stays)."""
    fallback = _fallback()
    if not fallback.drafts or _read_only():
        return 0
    kept = dict(fallback.drafts)
    try:
        with _short_wait(), transaction():
            for key, entry in kept.items():
                if entry.get("discarded"):
                    Draft.delete().where(at(key)).execute()
                else:
                    saved_at = dt.datetime.fromisoformat(entry["saved_at"])
                    _write(key, entry["text"], _project(entry.get("project_id")), saved_at)
    except PeeweeException:
        return 0
    fallback.clear()
    return len(kept)


def fallback_path() -> Path | None:
    """The fallback file of the open database (None when none is open)."""
    state = db.state
    if state is None:
        return None
    where = state.server or (str(state.path.resolve()) if state.path else "")
    if not where:
        return None
    digest = hashlib.sha256(f"{where}\0{state.user}".encode()).hexdigest()[:16]
    return paths.default_database_path().parent / "unsaved-drafts" / f"drafts-{digest}.json"


# -- the fallback file -------------------------------------------------------------------


class _Fallback:
    """The fallback file of one database, cached: the usual case (no file) costs nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.drafts: dict[str, dict[str, Any]] = {}
        if path is not None and path.exists():
            try:
                saved = json.loads(path.read_text(encoding="utf-8"))
                self.drafts = dict(saved.get("drafts", {}))
            except (OSError, ValueError, AttributeError):
                self.drafts = {}

    def put(self, key: str, entry: dict[str, Any]) -> None:
        if "saved_at" in entry:
            entry = dict(entry, saved_at=entry["saved_at"].isoformat())
        self.drafts[key] = entry
        self._write()

    def drop(self, key: str) -> None:
        if self.drafts.pop(key, None) is not None:
            self._write()

    def clear(self) -> None:
        self.drafts.clear()
        self._write()

    def _write(self) -> None:
        if self.path is None:
            return
        if not self.drafts:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"drafts": self.drafts}, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


_cache: dict[Path | None, _Fallback] = {}


def _fallback() -> _Fallback:
    path = fallback_path()
    if path not in _cache:
        _cache[path] = _Fallback(path)
    return _cache[path]


def forget_cache() -> None:
    """Read the fallback files afresh (another process may have written them)."""
    _cache.clear()


def _read_only() -> bool:
    return db.state is not None and db.state.read_only


def _project(project_id: Any) -> int | None:
    """The draft's project if it still exists (it may be gone since the crash)."""
    from pmdesk.models import Project

    if project_id is None:
        return None
    return int(project_id) if Project.get_or_none(Project.id == project_id) else None


@contextlib.contextmanager
def _short_wait() -> Iterator[None]:
    """A draft write gives up on a locked file quickly (see DRAFT_BUSY_MS)."""
    target = database.obj
    if not isinstance(target, SqliteDatabase):
        yield
        return
    connection = target.connection()
    before = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute(f"PRAGMA busy_timeout = {DRAFT_BUSY_MS}")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(before)}")
