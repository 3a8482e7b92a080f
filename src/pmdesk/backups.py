"""Automatic and manual backups of the database, rotation, restore and recovery.

Backups are whole copies made with SQLite's online backup (consistent even while the app
writes), kept beside the database in `<name>-backups/`. Automatic ones are named by
why they were made (start, daily, before-import, before-migration, before-restore) and
rotated: the newest `keep` of them stay. A restore first backs up what it replaces; a
damaged file is never overwritten, only moved aside.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pmdesk import db

DEFAULT_KEEP = 10
DAILY = dt.timedelta(days=1)
AUTOMATIC_REASONS = ("start", "daily", "before-import", "before-migration", "before-restore")


@dataclass(frozen=True)
class Backup:
    path: Path
    reason: str
    made_at: dt.datetime
    size: int


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y%m%d-%H%M%S")


def list_backups(db_path: Path) -> list[Backup]:
    """The automatic backups of `db_path`, newest first."""
    folder = db.backup_folder(db_path)
    name = re.compile(
        re.escape(db_path.stem) + r"-(?P<reason>[a-z-]+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)\.db$"
    )
    found = []
    for file in folder.glob("*.db") if folder.is_dir() else ():
        match = name.match(file.name)
        if not match or match["reason"] not in AUTOMATIC_REASONS:
            continue
        made_at = dt.datetime.strptime(match["stamp"][:15], "%Y%m%d-%H%M%S")
        found.append(Backup(file, match["reason"], made_at, file.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def make_backup(reason: str, *, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None) -> Path:
    """Back up the open database now, then keep only the newest `keep` automatic ones."""
    path = _open_file()
    now = now or dt.datetime.now()
    folder = db.backup_folder(path)
    target = folder / f"{path.stem}-{reason}-{_stamp(now)}.db"
    counter = 1
    while target.exists():  # two backups in one second
        counter += 1
        target = folder / f"{path.stem}-{reason}-{_stamp(now)}-{counter}.db"
    db.backup_database(db.database.obj, target)
    rotate(path, keep)
    return target


def _open_file() -> Path:
    """The open database file; a team server's backups are its administrator's (pg_dump)."""
    if db.state is None or db.state.path is None:
        raise db.DatabaseProblem(
            "A team server is backed up on the server (pg_dump), not by pmdesk"
            if db.state is not None
            else "No database is open"
        )
    return db.state.path


def rotate(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; returns what was deleted."""
    removed = []
    for backup in list_backups(db_path)[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def backup_if_due(
    reason: str, *, keep: int = DEFAULT_KEEP, now: dt.datetime | None = None
) -> Path | None:
    """A start or daily backup, unless the newest backup is recent and the file unchanged."""
    assert db.state is not None, "no database is open"
    if db.state.read_only or db.state.path is None:  # a server is backed up on the server
        return None
    path = db.state.path
    now = now or dt.datetime.now()
    backups = list_backups(path)
    if backups:
        newest = backups[0]
        changed = _last_change(path) > newest.path.stat().st_mtime
        if reason == "daily" and now - newest.made_at < DAILY:
            return None
        if reason == "start" and not changed:
            return None
    return make_backup(reason, keep=keep, now=now)


def _last_change(path: Path) -> float:
    times = [path.stat().st_mtime]
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        times.append(wal.stat().st_mtime)
    return max(times)


def check_backup(source: Path) -> None:
    """Refuse a file that is not a sound pmdesk database this version can read."""
    if not source.is_file():
        raise db.DatabaseProblem(f"Backup file not found: {source}")
    uri = source.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            health = con.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise db.DatabaseProblem(f"{source} is not a pmdesk backup ({exc})") from exc
    if app_id != db.APPLICATION_ID:
        raise db.DatabaseProblem(f"{source} is not a pmdesk backup")
    if version > db.SCHEMA_VERSION:
        raise db.SchemaTooNew(f"{source} was made by a newer pmdesk (schema {version})")
    if health != "ok":
        raise db.DatabaseProblem(f"{source} is damaged too ({health})")


def restore(source: Path, db_path: Path) -> Path:
    """Replace the database at `db_path` with the backup `source`; returns the copy made
    of what was replaced. The database is open again afterwards (migrated if needed)."""
    check_backup(source)
    if db.state is None or db.state.path != db_path:
        db.close_database()
        db.open_database(db_path)
    saved = make_backup("before-restore", keep=max(DEFAULT_KEEP, len(list_backups(db_path)) + 1))
    live = db.database.obj
    with contextlib.closing(
        sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    ) as src:
        src.backup(live.connection())
    db.close_database()
    db.open_database(db_path)
    return saved


def latest_backup(db_path: Path) -> Path | None:
    """The newest automatic backup that is itself sound, or None."""
    for backup in list_backups(db_path):
        try:
            check_backup(backup.path)
        except db.DatabaseProblem:
            continue
        return backup.path
    return None


def recover(db_path: Path, source: Path, *, now: dt.datetime | None = None) -> Path:
    """A damaged database: move it aside (never overwrite it) and put `source` in its place.

    Returns where the damaged file now is.
    """
    check_backup(source)
    db.close_database()
    stamp = _stamp(now or dt.datetime.now())
    aside = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    shutil.copyfile(source, db_path)
    db.open_database(db_path)
    return aside
