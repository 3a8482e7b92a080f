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
import tempfile
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

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


def make_backup(
    reason: str,
    *,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
    connection: sqlite3.Connection | None = None,
    path: Path | None = None,
) -> Path:
    """Back up the open database now, then keep only the newest `keep` automatic ones.

    `connection`: read the file through it (a worker thread's own connection), and
    `path`: the file it reads (the window may have opened another since the worker began)."""
    path = path or _open_file()
    now = now or dt.datetime.now()
    folder = db.backup_folder(path)
    target = folder / f"{path.stem}-{reason}-{_stamp(now)}.db"
    counter = 1
    while target.exists():  # two backups in one second
        counter += 1
        target = folder / f"{path.stem}-{reason}-{_stamp(now)}-{counter}.db"
    # Checked: a damaged file is not copied.
    db.backup_database(db.database.obj, target, connection=connection)
    rotate(path, keep, newest_checked=True)
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


def rotate(db_path: Path, keep: int, *, newest_checked: bool = False) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; returns what was deleted.

    The newest backup that passes `check_backup` is always kept, even beyond `keep`:
    if the kept ones were all damaged, the last sound copy would otherwise go.
    `newest_checked`: the newest was checked just now (a backup just made).
    """
    found = list_backups(db_path)
    kept, beyond = found[: max(keep, 1)], found[max(keep, 1) :]
    if beyond and not newest_checked and not any(not backup_problem(b.path) for b in kept):
        sound = next((b for b in beyond if not backup_problem(b.path)), None)
        if sound is not None:
            beyond.remove(sound)
    removed = []
    for backup in beyond:
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def backup_if_due(
    reason: str,
    *,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
    connection: sqlite3.Connection | None = None,
    path: Path | None = None,
) -> Path | None:
    """A start or daily backup, unless the newest backup is recent and the file unchanged.

    `connection` and `path`: a worker thread's connection and the writable file it reads
    (the start check's, which another file opened meanwhile must not take for its own)."""
    if path is None:
        if db.state is None:  # closed meanwhile
            return None
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
    return make_backup(reason, keep=keep, now=now, connection=connection, path=path)


def _last_change(path: Path) -> float:
    times = [path.stat().st_mtime]
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        times.append(wal.stat().st_mtime)
    return max(times)


def check_backup(source: Path) -> None:
    """Refuse a file that is not exactly a sound pmdesk database this version can read.

    Sound means: pmdesk's application id, a schema version this pmdesk knows, no damage
    (`integrity_check`), no broken reference (`foreign_key_check`) and, once upgraded as
    opening it would, exactly the tables, indexes, triggers and views this version
    creates. The checks run on a private copy; `source` is never changed.
    """
    problem = backup_problem(source)
    if problem:
        error = db.SchemaTooNew if "newer pmdesk" in problem else db.DatabaseProblem
        raise error(f"{source} cannot be restored: {problem}")


def backup_problem(source: Path) -> str:
    """What is wrong with `source` as a backup, in words; '' if nothing."""
    if not source.is_file():
        return "the file does not exist" if not source.exists() else "it is not a file"
    if source.stat().st_size == 0:
        return "the file is empty (0 bytes)"
    folder = Path(tempfile.mkdtemp(prefix="pmdesk-check-"))
    try:
        copy = folder / "backup.db"
        shutil.copyfile(source, copy)
        wal = source.with_name(source.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, folder / "backup.db-wal")
        return _copy_problem(copy)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_problem(copy: Path) -> str:
    try:
        with contextlib.closing(sqlite3.connect(copy)) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            health = [row[0] for row in con.execute("PRAGMA integrity_check(5)")]
            broken = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"it is not a readable SQLite database ({exc})"
    if app_id != db.APPLICATION_ID:
        return "it is not a pmdesk database (another program's file, or no pmdesk mark)"
    if version > db.SCHEMA_VERSION:
        return (
            f"it was made by a newer pmdesk (schema {version}; this one reads up to "
            f"{db.SCHEMA_VERSION})"
        )
    if version < 1:
        return "it has pmdesk's mark but no schema version"
    if health != ["ok"]:
        return f"it is damaged ({'; '.join(map(str, health))})"
    if broken:
        first = broken[0]
        return (
            f"{len(broken)} rows refer to rows that do not exist (the first: a {first[0]} "
            f"row pointing at a missing {first[2]})"
        )
    if version < db.SCHEMA_VERSION:
        scratch = SqliteDatabase(str(copy))
        try:
            db.migrate(scratch, db.MIGRATIONS, target=db.SCHEMA_VERSION)
        except (db.DatabaseProblem, sqlite3.Error) as exc:
            return f"it cannot be upgraded from schema {version} ({exc})"
        finally:
            scratch.close()
    with contextlib.closing(sqlite3.connect(copy)) as con:
        differences = db.schema_differences(db.schema_shape(con))
    if differences:
        more = f" and {len(differences) - 3} more" if len(differences) > 3 else ""
        return f"its tables are not the ones pmdesk makes: {', '.join(differences[:3])}{more}"
    return ""


def restore(source: Path, db_path: Path) -> Path:
    """Replace the database at `db_path` with the backup `source`; returns the copy made
    of what was replaced. The database is open again afterwards (migrated if needed)."""
    if source.exists() and db_path.exists() and os.path.samefile(source, db_path):
        raise db.DatabaseProblem(f"{source} is the database itself, not a backup of it")
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


def damage_report(problem: db.CorruptDatabase) -> str:
    """One line for a damaged file: its latest sound backup and how to put it back, or
    that it has none (then nothing is restored and the file stays as it is)."""
    latest = latest_backup(problem.path)
    if latest is None:
        return (
            f"{problem.path} is damaged ({problem.detail}) and has no sound backup. It was "
            f"not changed; move it away to start a new database under its name"
        )
    return (
        f"{problem.path} is damaged ({problem.detail}). It was not changed; its latest "
        f"sound backup is {latest} (pmdesk restore {latest} --db {problem.path} puts it back)"
    )


def recover(db_path: Path, source: Path, *, now: dt.datetime | None = None) -> Path:
    """A damaged database: move it aside (never overwrite it) and put `source` in its place.

    Returns where the damaged file now is.
    """
    check_backup(source)
    db.close_database()
    stamp = _stamp(now or dt.datetime.now())
    aside = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    shutil.copyfile(source, db_path)
    db.open_database(db_path)
    return aside
