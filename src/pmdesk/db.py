"""The database: opening it, its schema version, migrations and backups.

This is the one seam that knows it talks to SQLite (pragmas, `user_version`, the online
backup API); `db_server` is its counterpart for a team's PostgreSQL server, chosen by a
`postgresql://` address. Everything above uses the Peewee models and `transaction()`.

Durability: WAL with `synchronous=FULL`. NORMAL survives a killed process but a power cut
can roll back every commit since the last checkpoint — minutes of meeting notes. FULL
syncs the WAL on each commit (about 0.4 ms, measured in ENGINEERING.md), which keeps the
promise that a committed note is never lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

from peewee import Database, SqliteDatabase

from pmdesk import db_series, db_today
from pmdesk.models import ALL_MODELS, TODAY_STEP_INDEXES, database
from pmdesk.paths import Location as Location
from pmdesk.paths import default_database_path as default_database_path

APP_NAME = "pmdesk"
#: Written to PRAGMA application_id so a pmdesk file can be told from any SQLite file.
APPLICATION_ID = 0x706D646B  # "pmdk"
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 5000,
}


class DatabaseProblem(Exception):
    """A database file that cannot be used as asked; the message says why, for the user."""


class SchemaTooNew(DatabaseProblem):
    """The file was written by a newer pmdesk; we never downgrade it."""


class CorruptDatabase(DatabaseProblem):
    """SQLite reports the file damaged; it is left as it is (see backups.recover)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is damaged ({detail}). It was not changed; restore the latest backup "
            f"to go on working."
        )
        self.path = path
        self.detail = detail


class PasswordNeeded(DatabaseProblem):
    """The server wants a password (none was given, or the one given was refused)."""

    def __init__(self, address: str, detail: str) -> None:
        self.address = address
        #: A password was given and the server did not accept it.
        self.refused = "authentication failed" in detail
        super().__init__(f"{address} needs a password ({detail})")


class OpenState(NamedTuple):
    """How the open database is being used, for the window to tell the user.

    A file has a `path`; a team server has a `server` address (without its password) and
    the database `user` pmdesk acts as (the name on every row it stamps).
    """

    path: Path | None
    read_only: bool = False
    read_only_reason: str = ""
    network_share: bool = False
    server: str = ""
    user: str = ""
    #: Read from a private copy of the file and its -wal (a read-only folder after a crash).
    private_copy: Path | None = None

    @property
    def location(self) -> str:
        return self.server or str(self.path)


#: Set by open_database: what the UI should say about the open file.
state: OpenState | None = None

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs"}


class Migration(NamedTuple):
    """One step from `version - 1` to `version`; `apply` runs inside a transaction."""

    version: int
    description: str
    apply: Callable[[SqliteDatabase], None]


def _add_meeting_time_zone(db: SqliteDatabase) -> None:
    # Invites need the meeting's own zone: a PM may plan a Shanghai kickoff from London.
    db.execute_sql("ALTER TABLE meeting ADD COLUMN time_zone VARCHAR(64) NOT NULL DEFAULT ''")


#: Triggers of the current schema; a new file gets them all, older files by migration.
#: A step inserted without its number (by a bulk insert or another tool) gets the next one
#: of its project; pmdesk's own inserts number the step themselves (models.ActionItem).
STEP_NUMBER_TRIGGER = """CREATE TRIGGER IF NOT EXISTS action_item_number AFTER INSERT ON action_item
    WHEN NEW.number IS NULL BEGIN
        UPDATE action_item SET number = (SELECT COALESCE(MAX(number), 0) + 1 FROM action_item
            WHERE project_id = NEW.project_id) WHERE id = NEW.id;
    END"""

TRIGGERS = (
    # A material's file goes with the last material that uses it (and so with its
    # project): a deleted client project must not leave its documents in the file.
    """CREATE TRIGGER IF NOT EXISTS material_attachment_cleanup AFTER DELETE ON material
    WHEN OLD.attachment_id IS NOT NULL BEGIN
        DELETE FROM attachment WHERE id = OLD.attachment_id
        AND NOT EXISTS (SELECT 1 FROM material WHERE attachment_id = OLD.attachment_id);
    END""",
    STEP_NUMBER_TRIGGER,
    # The search index (FTS5, trigram) and the triggers that keep it in each edit's
    # transaction: see db_series.
    db_series.SEARCH_TABLE,
    *db_series.search_triggers(),
)


def _clean_up_attachments(db: SqliteDatabase) -> None:
    db.execute_sql(TRIGGERS[0])
    db.execute_sql(
        "DELETE FROM attachment WHERE id NOT IN "
        "(SELECT attachment_id FROM material WHERE attachment_id IS NOT NULL)"
    )


def _add_playbook_and_drafts(db: SqliteDatabase) -> None:
    # Frozen DDL, as the models of schema 4 create it: later model changes must not
    # change what this step builds.
    for statement in (
        "ALTER TABLE person ADD COLUMN cause_factors TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE person ADD COLUMN success_factors TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE person ADD COLUMN coaching_plan TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE action_item ADD COLUMN next_step TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE meeting ADD COLUMN ical_uid VARCHAR(120) NOT NULL DEFAULT ''",
        "ALTER TABLE meeting ADD COLUMN ical_sequence INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE status_report ADD COLUMN praise_text TEXT NOT NULL DEFAULT ''",
        'CREATE TABLE "escalation_memo" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"person_id" INTEGER NOT NULL, "written_on" DATE NOT NULL, "cause" TEXT NOT NULL, '
        '"proposal" VARCHAR(32) NOT NULL, "text" TEXT NOT NULL, "sent_on" DATE, '
        '"decision" VARCHAR(32) NOT NULL, "decided_on" DATE, "decision_note" TEXT NOT NULL, '
        '"help_action_id" INTEGER, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE, '
        'FOREIGN KEY ("help_action_id") REFERENCES "action_item" ("id") ON DELETE SET NULL, '
        "CHECK (\"proposal\" IS NULL OR \"proposal\" IN ('incentive', 'replace', 'send_help')), "
        'CHECK ("decision" IS NULL OR "decision" IN '
        "('pending', 'incentive', 'replace', 'send_help', 'no_action')))",
        'CREATE INDEX "escalation_memo_person_id" ON "escalation_memo" ("person_id")',
        'CREATE INDEX "escalation_memo_help_action_id" ON "escalation_memo" ("help_action_id")',
        'CREATE TABLE "coaching_session" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"person_id" INTEGER NOT NULL, "planned_on" DATE, "held_on" DATE, '
        '"topic" TEXT NOT NULL, "notes" TEXT NOT NULL, '
        'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE CASCADE)',
        'CREATE INDEX "coaching_session_person_id" ON "coaching_session" ("person_id")',
        'CREATE TABLE "draft" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(200) NOT NULL, '
        '"project_id" INTEGER, "text" TEXT NOT NULL, "saved_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE)',
        'CREATE UNIQUE INDEX "draft_key" ON "draft" ("key")',
        'CREATE INDEX "draft_project_id" ON "draft" ("project_id")',
    ):
        db.execute_sql(statement)


#: The tables of schema 5, frozen: its migration must not follow later models.
_SCHEMA_5_TABLES = (
    "project", "scope_item", "outcome", "person", "meeting", "agenda_item", "attendee",
    "purpose", "attachment", "material", "checklist_item", "change_record", "note",
    "purpose_note", "assessment", "leader_priority", "leader_priority_note", "lead_request",
    "action_item", "milestone_review", "follow_up", "minutes_distribution", "status_report",
    "escalation_memo", "coaching_session", "draft",
)  # fmt: skip


def row_version_trigger(table: str) -> str:
    """Every update of a row raises its version (see models.BaseModel), whoever wrote it."""
    return f"""CREATE TRIGGER IF NOT EXISTS {table}_row_version AFTER UPDATE ON {table}
    WHEN NEW.row_version = OLD.row_version BEGIN
        UPDATE {table} SET row_version = OLD.row_version + 1,
            row_changed_at = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE rowid = NEW.rowid;
    END"""


@contextlib.contextmanager
def without_stamping(db: SqliteDatabase, table: str) -> Iterator[None]:
    """Writes to `table` inside this are no user's edit: its version trigger is lifted
    meanwhile (row versions and row_changed_at stay as they were), then put back if the
    table had one. For migrations, inside their transaction."""
    trigger = f"{table}_row_version"
    had_trigger = db.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
    ).fetchone()
    if had_trigger:
        db.execute_sql(f'DROP TRIGGER "{trigger}"')
    yield
    if had_trigger:
        db.execute_sql(row_version_trigger(table))


def _add_row_bookkeeping(db: SqliteDatabase) -> None:
    for table in _SCHEMA_5_TABLES:
        for column in (
            "row_version INTEGER NOT NULL DEFAULT 1",
            "row_created_by VARCHAR(120) NOT NULL DEFAULT ''",
            "row_changed_by VARCHAR(120) NOT NULL DEFAULT ''",
            "row_changed_at DATETIME",
        ):
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column}')
        db.execute_sql(row_version_trigger(table))
    # Drafts are each person's own (on a team server, row_created_by is their role).
    db.execute_sql('DROP INDEX "draft_key"')
    db.execute_sql(
        'CREATE UNIQUE INDEX "draft_key_row_created_by" ON "draft" ("key", "row_created_by")'
    )


def _add_project_archived(db: SqliteDatabase) -> None:
    db.execute_sql('ALTER TABLE "project" ADD COLUMN "archived" INTEGER NOT NULL DEFAULT FALSE')


def _add_row_uids(db: SqliteDatabase) -> None:
    # Every table with row bookkeeping (whichever branch of the schema created it) gets a
    # row identity, filled at random for the rows already there: giving a row its
    # identity is no change of the row.
    tables = [
        row[0]
        for row in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    for table in tables:
        columns = {c[1] for c in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        if "row_version" not in columns or "row_uid" in columns:
            continue
        db.execute_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "row_uid" VARCHAR(32) NOT NULL DEFAULT \'\''
        )
        with without_stamping(db, table):
            db.execute_sql(f'UPDATE "{table}" SET "row_uid" = lower(hex(randomblob(16)))')


def _add_step_numbers(db: SqliteDatabase) -> None:
    """Steps numbered per project. An existing step keeps the number its tracker ID always
    showed (its id, unique in the file), so IDs already sent to clients stay valid."""
    db.execute_sql('ALTER TABLE "action_item" ADD COLUMN "number" INTEGER')
    db.execute_sql(
        """ALTER TABLE "action_item" ADD COLUMN "tracker_origin" TEXT NOT NULL DEFAULT ''"""
    )
    # Not a user's edit: the row versions (and who changed a row) stay as they were.
    with without_stamping(db, "action_item"):
        db.execute_sql('UPDATE "action_item" SET "number" = "id"')
    db.execute_sql(
        'CREATE UNIQUE INDEX "action_item_project_id_number" '
        'ON "action_item" ("project_id", "number")'
    )
    db.execute_sql(STEP_NUMBER_TRIGGER)


def _add_series_and_search(db: SqliteDatabase) -> None:
    for statement in db_series.file_statements():
        db.execute_sql(statement)
    for table in db_series.NEW_TABLES:
        # The row identity every table has since schema 7 (the new tables are empty).
        db.execute_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "row_uid" VARCHAR(32) NOT NULL DEFAULT \'\''
        )
        db.execute_sql(row_version_trigger(table))
    for statement in (
        db_series.SEARCH_TABLE,
        *db_series.search_triggers(),
        *db_series.build_search_index(),
    ):
        db.execute_sql(statement)


def _add_today_state(db: SqliteDatabase) -> None:
    for statement in db_today.file_statements():
        db.execute_sql(statement)
    db.execute_sql(row_version_trigger(db_today.TABLE))


def _add_report_weekday(db: SqliteDatabase) -> None:
    db.execute_sql(
        'ALTER TABLE "project" ADD COLUMN "report_weekday" INTEGER '
        "CHECK (report_weekday IS NULL OR report_weekday BETWEEN 0 AND 6)"
    )


def _add_seniority_and_choices(db: SqliteDatabase) -> None:
    """People keep the register's entry order as their first seniority; steps get room
    for the PM's remembered conflict choices. Neither is a user's edit: row versions stay."""
    db.execute_sql('ALTER TABLE "person" ADD COLUMN "seniority" INTEGER NOT NULL DEFAULT 0')
    db.execute_sql(
        """ALTER TABLE "action_item" ADD COLUMN "tracker_choices" TEXT NOT NULL DEFAULT ''"""
    )
    with without_stamping(db, "person"):
        db.execute_sql(
            'UPDATE "person" SET "seniority" = (SELECT count(*) FROM "person" AS "other" '
            'WHERE "other"."project_id" = "person"."project_id" AND "other"."id" < "person"."id")'
        )


def _add_today_step_indexes(db: SqliteDatabase) -> None:
    """Today reads the steps from two covering indexes (models.TODAY_STEP_INDEXES)."""
    for name, columns in TODAY_STEP_INDEXES.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "action_item" ({listed})')


#: The schema's history. Version 1 is the first schema, created from the models of that
#: day; each later entry must keep every row (tests migrate a populated v1 file).
MIGRATIONS: list[Migration] = [
    Migration(2, "meeting time zone", _add_meeting_time_zone),
    Migration(3, "attachments go with their materials", _clean_up_attachments),
    Migration(4, "cooperation playbook, invite identity, drafts", _add_playbook_and_drafts),
    Migration(5, "row versions for team editing", _add_row_bookkeeping),
    # A team server's security (db_server.SERVER_MIGRATIONS); nothing in a file.
    Migration(6, "team server: no way past row-level security", lambda _db: None),
    Migration(7, "row identities for undo", _add_row_uids),
    Migration(8, "step numbers per project, tracker row origins", _add_step_numbers),
    Migration(9, "archived projects", _add_project_archived),
    Migration(10, "meeting series, decisions, minutes approval, search", _add_series_and_search),
    Migration(11, "Today: done, snoozed, dismissed, each person's own", _add_today_state),
    Migration(12, "seniority set by the PM, tracker choices", _add_seniority_and_choices),
    Migration(13, "the project's reporting weekday", _add_report_weekday),
    Migration(14, "Today reads steps from covering indexes", _add_today_step_indexes),
    # The server's policies only (db_server.SERVER_MIGRATIONS); a file has none.
    Migration(15, "team server: ids given on insert, step number locks", lambda _db: None),
]
SCHEMA_VERSION = 1 + len(MIGRATIONS)


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def on_network_share(path: Path) -> bool:
    """True when `path` is on a network file system, where SQLite's WAL is unsafe."""
    target = str(path.resolve())
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(target)[0] + "\\"
        return target.startswith("\\\\") or ctypes.windll.kernel32.GetDriveTypeW(drive) == 4
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, kind = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and target.startswith(fields[1]) and len(fields[1]) > len(best):
            best, kind = fields[1], fields[2]
    return kind in NETWORK_FILESYSTEMS


def _why_read_only(path: Path) -> str:
    """'' if pmdesk can write the file and its folder (WAL needs files beside it). The
    folder first: on a read-only file system SQLite can make no -shm beside the file."""
    if not os.access(path.parent, os.W_OK):
        return "its folder is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only"
    return ""


def user() -> str:
    """Who pmdesk acts as: the server role, or "" for a local file (one user)."""
    return state.user if state is not None else ""


def is_server() -> bool:
    return state is not None and bool(state.server)


def open_database(
    path: Location,
    *,
    create: bool = True,
    password: str | None = None,
    health_check: bool = False,
) -> Database:
    """Open (and if needed create or migrate) the database at `path` and bind the models.

    `path` is a file, or a `postgresql://` address (see `db_server`; `password` is for
    that). Only a path that does not exist becomes a new database, built whole beside it
    and moved into place (a crash leaves no half-made file). An empty (0-byte), zeroed
    or damaged file raises CorruptDatabase, an empty SQLite file of no program a
    DatabaseProblem: no schema is ever written into an existing file. A file pmdesk may
    not write is opened read-only (see `state`); in a read-only folder with a `-wal`, a
    private copy of both is read, so every committed change is shown. A file on a
    network share uses a rollback journal instead of WAL. `health_check` runs `PRAGMA
    quick_check` (through the WAL) before anything is written, unless the file is
    unchanged since it last passed (see `record_sound`). Raises DatabaseProblem with a
    message naming the file when it cannot be used, and never changes a file it refuses.
    """
    global state
    from pmdesk.paths import is_server_url  # db_server (psycopg's seam) for a server only

    if is_server_url(path):
        return _open_server(str(path), password=password)
    path = Path(path)
    if not _exists(path) and not path.is_symlink():
        if not create:
            raise DatabaseProblem(f"Database file not found: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem(f"Cannot create {path}: {exc.strerror or exc}") from exc
        if _why_read_only(path):
            raise DatabaseProblem(f"Cannot create {path}: {_why_read_only(path)}")
        _create_new_file(path)
    _refuse_unusable_file(path)
    _check_is_pmdesk_file(path)

    read_only = _why_read_only(path)
    network = on_network_share(path)
    private_copy: Path | None = None
    if read_only:
        source = path
        if "folder" in read_only and _has_journal(path):
            # SQLite cannot read a -wal in a folder it may not write (and immutable would
            # ignore it, hiding committed work): read a private copy of both instead.
            private_copy = _private_copy(path)
            source = private_copy
            read_only = f"{read_only}; showing a private copy with every saved change"
        immutable = "folder" in read_only and private_copy is None
        uri = source.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
        db = SqliteDatabase(uri, uri=True, pragmas={"foreign_keys": 1, "busy_timeout": 5000})
    else:
        db = SqliteDatabase(None, lock_type="IMMEDIATE")
        pragmas = dict(PRAGMAS, journal_mode="delete") if network else PRAGMAS
        db.init(str(path), pragmas=pragmas)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        if health_check and path.exists() and path.stat().st_size:
            _check_health(db, path)
        if read_only:
            _check_readable_schema(db, path, read_only)
        else:
            _prepare_schema(db, path)
    except DatabaseProblem:
        db.close()
        _remove_private_copy(private_copy)
        raise
    except Exception as exc:
        db.close()
        _remove_private_copy(private_copy)
        if isinstance(exc, sqlite3.DatabaseError) or exc.__class__.__module__ == "peewee":
            if _is_damage(exc):
                raise CorruptDatabase(path, str(exc)) from exc
            raise DatabaseProblem(f"Cannot open database file {path}: {_plain(exc)}") from exc
        raise
    state = OpenState(path, bool(read_only), read_only, network, private_copy=private_copy)
    return db


def _create_new_file(path: Path) -> None:
    """This version's schema in a file built beside `path`, then moved to that name
    unless a file took it meanwhile (that one is then opened, and checked, instead)."""
    from pmdesk.temporaries import temporary_beside

    try:
        with temporary_beside(path, TEMPORARY_SUFFIX) as temporary:
            scratch = SqliteDatabase(str(temporary), pragmas={"synchronous": "full"})
            try:
                with (
                    scratch.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False),
                    scratch.atomic(),
                ):
                    _create_schema(scratch)
            finally:
                scratch.close()
            os.chmod(temporary, _ordinary_mode())  # mkstemp makes it private (0600)
            _move_without_replacing(temporary, path)
    except FileExistsError:
        return
    except (OSError, sqlite3.Error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else _plain(exc)
        raise DatabaseProblem(f"Cannot create {path}: {detail}") from exc


def remove_empty_placeholder(path: Path) -> bool:
    """Make room for a new database the user asked for at `path` where a save dialog
    left an empty file (some do, e.g. a sandbox's file portal): True if `path` is free
    now. A 0-byte file with backups beside it keeps its name (it was a pmdesk database;
    opening it offers them); any other file is never removed."""
    if not _exists(path):
        return True
    if not path.is_file() or path.stat().st_size or _has_journal(path):
        return False
    folder = backup_folder(path)
    if folder.is_dir() and any(folder.glob(f"{path.stem}-*.db")):
        return False
    path.unlink()
    for companion in companions(path):  # empty ones, if any
        with contextlib.suppress(OSError):
            companion.unlink()
    return True


def _move_without_replacing(source: Path, target: Path) -> None:
    """Give `source` the name `target`; FileExistsError if that name is taken."""
    if sys.platform == "win32":
        os.rename(source, target)  # refuses an existing name
        return
    try:
        os.link(source, target)  # refuses an existing name, atomically
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if _exists(target):
            raise FileExistsError(target) from None
        os.replace(source, target)


def _refuse_unusable_file(path: Path) -> None:
    """A folder, an unreadable file or a special file (a FIFO would block the open)."""
    if path.is_dir():
        raise DatabaseProblem(f"{path} is a folder, not a database file")
    if path.is_symlink() and not _exists(path):
        raise DatabaseProblem(f"{path} is a link to {os.readlink(path)}, which does not exist")
    if not path.is_file():
        raise DatabaseProblem(f"{path} is not a regular file (a pipe or a device?)")
    if not os.access(path, os.R_OK):
        raise DatabaseProblem(f"Cannot read database file {path}: permission denied")


def _is_damage(exc: BaseException) -> bool:
    text = str(exc)
    return "malformed" in text or "not a database" in text or "disk image" in text


def _check_health(db: SqliteDatabase, path: Path) -> None:
    """`PRAGMA quick_check` on the open connection (which reads through the WAL), unless
    the file is unchanged since it last passed."""
    key = sound_check_key(path)
    if key and _last_sound_key(path) == key:
        return
    detail = health_problem(db.connection())
    if detail:
        raise CorruptDatabase(path, detail)
    record_sound(path, key)


#: Beside the backups: what the file looked like when it last passed `quick_check`.
SOUND_CHECK_FILE = "last-sound-check.txt"


def sound_check_key(path: Path) -> str:
    """The file and its -wal as the file system sees them (device, inode, size, change
    and modification times): any write by any program changes it. '' if unreadable."""
    parts = []
    for file in (path, path.with_name(path.name + "-wal")):
        try:
            info = os.stat(file)
        except OSError:
            if file == path:
                return ""
            continue
        if file != path and info.st_size == 0:
            continue  # an empty -wal (one just opened, or just checkpointed) adds nothing
        parts.append(
            f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"
        )
    return " ".join(parts)


def record_sound(path: Path, key: str) -> None:
    """Note that the file, as `key` describes it, passed `quick_check` (best effort: a
    folder pmdesk cannot write in only means the next command checks again)."""
    if not key:
        return
    from pmdesk.temporaries import temporary_beside

    marker = backup_folder(path) / SOUND_CHECK_FILE
    with contextlib.suppress(OSError):
        marker.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(marker, TEMPORARY_SUFFIX) as temporary:
            temporary.write_text(key + "\n", encoding="utf-8")
            os.replace(temporary, marker)


def _last_sound_key(path: Path) -> str:
    try:
        text = (backup_folder(path) / SOUND_CHECK_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    return text.strip()


def health_problem(con: sqlite3.Connection) -> str:
    """'' if `PRAGMA quick_check` passes on `con`, else what it found (first line)."""
    try:
        rows = con.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        if not _is_damage(exc):
            raise  # e.g. "unable to open database file": not damage, and not said to be
        return str(exc)
    found = [str(row[0]) for row in rows]
    return "" if found == ["ok"] else "; ".join(found)


def check_open_file() -> str:
    """`PRAGMA quick_check` of the open file on a connection of its own (any thread may
    call it; a worker thread is given way to, see `yield_to_window`), read as the models
    read it; '' if sound (or no file is open)."""
    yield_to_window()
    with contextlib.closing(open_file_connection()) as con:
        return health_problem(con)


def yield_to_window() -> None:
    """Lower the calling worker thread's priority (nice 19 on Linux, "lowest" on
    Windows), so a check or backup on it takes the CPU the window leaves: tabs opened
    meanwhile are not slowed by it. Nothing on the main thread, nor where the system
    has no per-thread priority (macOS: the process's)."""
    import threading

    if threading.current_thread() is threading.main_thread():
        return
    with contextlib.suppress(OSError, AttributeError):
        if sys.platform.startswith("linux"):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        elif sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -2)  # LOWEST


def open_file_connection(opened: OpenState | None = None) -> sqlite3.Connection:
    """A new connection to the open file (through its WAL), for a worker thread; or to
    the file `opened` describes (the open one when the worker began)."""
    opened = opened or state
    if opened is None or opened.path is None:
        raise DatabaseProblem("No database file is open")
    source = opened.private_copy or opened.path
    if not opened.read_only:
        return sqlite3.connect(source, timeout=5)
    immutable = "folder" in opened.read_only_reason and opened.private_copy is None
    uri = source.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, timeout=5)


def companions(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: its -wal, -shm and -journal."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _has_journal(path: Path) -> bool:
    """True if a non-empty -wal or -journal holds changes not yet in the file itself."""
    wal, _shm, journal = companions(path)
    return any(f.is_file() and f.stat().st_size > 0 for f in (wal, journal))


def _private_copy(path: Path) -> Path:
    """Copy the file and its -wal/-journal into a private temporary folder."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="pmdesk-copy-"))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    for companion in companions(path):
        if companion.is_file() and not companion.name.endswith("-shm"):
            shutil.copyfile(companion, folder / companion.name)
    return copy


def _remove_private_copy(copy: Path | None) -> None:
    if copy is not None:
        import shutil

        shutil.rmtree(copy.parent, ignore_errors=True)


def _set_up_server(server: Any, shown: str) -> None:
    """Create or migrate pmdesk's schema on a server, one pmdesk at a time."""
    from pmdesk import db_server

    with db_server.schema_lock(server):
        version = db_server.schema_version(server)
        if version == 0:
            # Unlike a file, the database itself already exists (a mistyped name
            # does not connect), so its first user with the right creates the tables.
            db_server.create_schema(server, SCHEMA_VERSION)
        else:
            _refuse_newer(shown, version)
            for step in db_server.SERVER_MIGRATIONS:
                if version < step.version <= SCHEMA_VERSION:
                    for statement in step.statements:
                        server.execute_sql(statement)
                    server.execute_sql("UPDATE pmdesk_schema SET version = %s", (step.version,))


def _open_server(url: str, *, password: str | None) -> Database:
    """Connect to a team server, create or migrate pmdesk's schema there, bind the models."""
    global state
    from pmdesk import db_server

    shown = db_server.display_url(url)
    try:
        server = db_server.connect(url, password)
    except Exception as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if db_server.needs_password(exc):
            raise PasswordNeeded(shown, detail) from exc
        raise DatabaseProblem(f"Cannot connect to {shown}: {detail}") from exc
    database.initialize(server)
    try:
        # Only a creation or a migration takes the schema's lock: any role can hold an
        # advisory lock, so a member holding it must not keep everyone from opening.
        if db_server.schema_version(server) != SCHEMA_VERSION:
            _set_up_server(server, shown)
        who = db_server.current_role(server)
    except DatabaseProblem:
        server.close()
        raise
    except Exception as exc:
        server.close()
        if "permission denied for table" in str(exc):
            raise DatabaseProblem(
                f"{shown}: this role may not use pmdesk's tables; the administrator "
                f"makes it a pmdesk user (GRANT pmdesk_member TO the role)"
            ) from exc
        if "permission denied for schema" in str(exc):
            raise DatabaseProblem(
                f"{shown} has no pmdesk tables yet, and this role may not create them: "
                f"the database's owner creates them by opening it once (see the README, "
                f"team server)"
            ) from exc
        if exc.__class__.__module__ == "peewee" or "psycopg" in exc.__class__.__module__:
            raise DatabaseProblem(
                f"Cannot use {shown}: {exc}. The database's owner must create pmdesk's "
                f"tables first (see the README, team server)."
            ) from exc
        raise
    state = OpenState(None, server=shown, user=who)
    return server


def _check_readable_schema(db: SqliteDatabase, path: Path, reason: str) -> None:
    version = schema_version(db)
    _refuse_newer(path, version)
    if version < SCHEMA_VERSION:
        raise DatabaseProblem(
            f"{path} was written by an older pmdesk and must be upgraded, but {reason}. "
            f"Copy it somewhere you can write to, then open the copy."
        )


def close_database() -> None:
    global state
    copy = state.private_copy if state is not None else None
    state = None
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    _remove_private_copy(copy)


def _check_is_pmdesk_file(path: Path) -> int:
    """Refuse, before writing a byte, a file that is not pmdesk's or is from a newer pmdesk.

    `immutable=1` reads the header without creating files beside it or taking locks
    (opening for real would switch a foreign file to WAL). It ignores a -wal, though, so
    when one holds changes and that read finds anything amiss, a private copy of the
    file and its -wal is read instead: a file is never called damaged, or another
    program's, for want of its WAL. Returns the number of schema objects. A 0-byte, a
    zeroed or a damaged file raises CorruptDatabase (its backups are the way back); an
    SQLite file with no tables, DatabaseProblem (CorruptDatabase if it has backups).
    """
    journal = _has_journal(path)
    if path.stat().st_size == 0 and not journal:
        raise CorruptDatabase(path, "the file is empty: 0 bytes")
    try:
        app_id, tables, version = _read_header(path.resolve().as_uri() + "?mode=ro&immutable=1")
        if journal and (app_id != APPLICATION_ID or not tables):
            raise sqlite3.DatabaseError("read without its WAL")
    except sqlite3.DatabaseError as exc:
        if not journal:
            _refuse_unreadable(path, exc)
        copy = _private_copy(path)
        try:
            app_id, tables, version = _read_header(copy.as_uri())
        except sqlite3.DatabaseError as exc_with_wal:
            _refuse_unreadable(path, exc_with_wal)
        finally:
            _remove_private_copy(copy)
    if app_id == APPLICATION_ID and not tables:
        raise CorruptDatabase(path, "it is marked as pmdesk's but holds no tables")
    if not tables:
        if _was_pmdesk_file(path):
            raise CorruptDatabase(path, "it holds no tables")
        raise DatabaseProblem(f"{path} is an empty SQLite file, not a pmdesk database")
    if app_id != APPLICATION_ID and tables:
        raise DatabaseProblem(f"{path} is an SQLite file of another program, not pmdesk's")
    _refuse_newer(path, version)
    return tables


def _read_header(uri: str) -> tuple[int, int, int]:
    """application_id, number of schema objects and user_version, read through `uri`."""
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as con:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
    return int(app_id), int(tables), int(version)


def _refuse_unreadable(path: Path, exc: sqlite3.DatabaseError) -> NoReturn:
    if "malformed" in str(exc) or _was_pmdesk_file(path):
        raise CorruptDatabase(path, str(exc)) from exc
    raise DatabaseProblem(f"{path} is not a pmdesk database ({exc})") from exc


def _was_pmdesk_file(path: Path) -> bool:
    """A file SQLite cannot read was pmdesk's if its header is zeroed or it has backups."""
    with open(path, "rb") as file:
        header = file.read(100)
    if header and not header.strip(b"\0"):
        return True
    folder = backup_folder(path)
    return folder.is_dir() and any(folder.glob(f"{path.stem}-*.db"))


def _refuse_newer(path: Path | str, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path} was written by a newer pmdesk (schema {version}; this version reads up "
            f"to {SCHEMA_VERSION}). Update pmdesk to open it; the file was not changed."
        )


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def _prepare_schema(db: SqliteDatabase, path: Path) -> None:
    version = schema_version(db)
    if version == 0:  # a new file is made whole (see _create_new_file), never here
        raise CorruptDatabase(path, "it has pmdesk's mark but no schema version")
    _refuse_newer(path, version)
    if version < SCHEMA_VERSION:
        backup_database(
            db, backup_folder(path) / f"{path.stem}-before-v{SCHEMA_VERSION}-{_stamp()}.db"
        )
        migrate(db, MIGRATIONS, target=SCHEMA_VERSION)


def _create_schema(db: SqliteDatabase) -> None:
    """This version's tables, indexes and triggers in an empty file (inside a transaction)."""
    db.create_tables(ALL_MODELS)
    for statement in TRIGGERS:
        db.execute_sql(statement)
    for model in ALL_MODELS:
        db.execute_sql(row_version_trigger(model._meta.table_name))
    db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


SchemaShape = dict[str, dict[str, object]]


def schema_shape(con: sqlite3.Connection) -> SchemaShape:
    """What `sqlite_master` holds, by kind and name, in a form an upgraded file and a new
    one share: columns by name (ALTER TABLE appends), indexes by their columns, triggers
    and views by their SQL."""
    shape: SchemaShape = {"table": {}, "index": {}, "trigger": {}, "view": {}}
    rows = con.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for kind, name, table, sql in rows:
        if kind == "table":
            columns = sorted(r[1:4] + r[5:] for r in con.execute(f'PRAGMA table_info("{name}")'))
            keys = sorted(
                r[2:5] + r[6:7] for r in con.execute(f'PRAGMA foreign_key_list("{name}")')
            )
            shape["table"][name] = (columns, keys)
        elif kind == "index":
            info = [r[2] for r in con.execute(f'PRAGMA index_info("{name}")')]
            unique = "UNIQUE" in (sql or "").upper().split("(")[0]
            shape["index"][name] = (table, info, unique)
        else:
            shape.setdefault(kind, {})[name] = (table, " ".join((sql or "").split()))
    return shape


_fresh_shape: SchemaShape | None = None


def fresh_schema_shape() -> SchemaShape:
    """The schema this version creates in a new file (built once, in memory)."""
    global _fresh_shape
    if _fresh_shape is None:
        scratch = SqliteDatabase(":memory:")
        with scratch.bind_ctx(ALL_MODELS, bind_refs=False, bind_backrefs=False):
            _create_schema(scratch)
        _fresh_shape = schema_shape(scratch.connection())
        scratch.close()
    return _fresh_shape


def schema_differences(shape: SchemaShape) -> list[str]:
    """How `shape` differs from what this version creates, in words (empty if not at all)."""
    expected = fresh_schema_shape()
    found: list[str] = []
    for kind in ("table", "index", "trigger", "view"):
        have, want = shape.get(kind, {}), expected.get(kind, {})
        found += [f"an extra {kind} {name}" for name in sorted(set(have) - set(want))]
        found += [f"no {kind} {name}" for name in sorted(set(want) - set(have))]
        found += [
            f"a changed {kind} {name}"
            for name in sorted(set(have) & set(want))
            if have[name] != want[name]
        ]
    return found


def migrate(db: SqliteDatabase, migrations: list[Migration], *, target: int) -> None:
    """Run each pending migration in its own transaction with foreign keys off.

    With foreign_keys on, rebuilding a parent table (create new, copy, drop old) would
    cascade-delete every child row; SQLite's documented procedure turns enforcement off
    outside the transaction and checks the keys before committing.
    """
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for step in sorted(migrations, key=lambda m: m.version):
            if not schema_version(db) < step.version <= target:
                continue
            with db.atomic():
                step.apply(db)
                broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseProblem(
                        f"Migration to schema {step.version} ({step.description}) would "
                        f"break {len(broken)} references; nothing was changed."
                    )
                db.execute_sql(f"PRAGMA user_version = {step.version}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


#: How pmdesk names its own temporary files (see exports.files.remove_stale_temporaries).
TEMPORARY_SUFFIX = ".tmp"


def backup_database(
    db: SqliteDatabase, dest: Path, *, connection: sqlite3.Connection | None = None
) -> Path:
    """Copy the open database to `dest` with SQLite's online backup; atomic on disk.

    The copy is checked (`PRAGMA quick_check`) before it takes its name: a damaged
    database is never backed up (CorruptDatabase), so a rotation never keeps only
    damaged copies. A full disk or a folder that cannot be written is a DatabaseProblem.
    `connection` reads the file instead of the models' connection (a worker thread's).
    """
    from pmdesk.temporaries import temporary_beside

    source = state.path if state is not None and state.path is not None else dest
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with temporary_beside(dest, TEMPORARY_SUFFIX) as temporary:
            try:
                with contextlib.closing(sqlite3.connect(temporary)) as target:
                    (connection or db.connection()).backup(target)
                    detail = health_problem(target)
            except sqlite3.Error as exc:
                raise DatabaseProblem(f"Cannot write the backup {dest}: {_plain(exc)}") from exc
            if detail:
                raise CorruptDatabase(source, f"{detail}; no backup was made of it")
            os.chmod(temporary, _ordinary_mode())  # mkstemp makes it private (0600)
            os.replace(temporary, dest)
    except OSError as exc:
        raise DatabaseProblem(f"Cannot write the backup {dest}: {exc.strerror or exc}") from exc
    return dest


def backup_to_file(dest: Path, *, replace: bool = False) -> Path:
    """A backup the user asked for (`backup -o`, File → Back up to a file): never onto
    the open database, its companions or its backup folder, nor over a folder; an
    existing file only with `replace`."""
    if dest.is_dir():
        raise DatabaseProblem(f"{dest} is a folder: give the backup a file name")
    refuse_protected_target(dest)
    if dest.exists() and not replace:
        raise DatabaseProblem(f"{dest} already exists; give another name, or --force to replace it")
    return backup_database(database.obj, dest)


def _ordinary_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _plain(exc: BaseException) -> str:
    """SQLite's message, said plainly where it misleads (a full disk)."""
    text = str(exc)
    if "full" in text or "cannot rollback" in text or "disk I/O" in text:
        return "the disk is full or cannot be written; nothing was saved"
    return text


def refuse_protected_target(target: Path) -> None:
    """Raise DatabaseProblem if writing `target` would replace the open database, its
    -wal/-shm/-journal, or anything in its backup folder.

    Compared by device and inode (`os.path.samefile`), not by spelling: `./x/../t.db`,
    an absolute path, a hard link or a symlink are all the same file; a name that does
    not exist yet is compared through its folder.
    """
    if state is None or state.path is None:
        return
    problem = protected_target_problem(Path(target), state.path)
    if problem:
        raise DatabaseProblem(problem)


def protected_target_problem(target: Path, db_path: Path) -> str:
    """Why `target` must not be written while `db_path` is open, or ''."""
    protected = [db_path, *companions(db_path)]
    if state is not None and state.private_copy is not None:
        protected += [state.private_copy, *companions(state.private_copy)]
    refusal = (
        f"{target} is the open database {db_path.name} or one of its own files; choose another file"
    )
    if _exists(target) and any(_exists(f) and os.path.samefile(target, f) for f in protected):
        return refusal
    folder = target.parent
    if _exists(folder):
        for file in protected:
            if (
                _exists(file.parent)
                and os.path.samefile(folder, file.parent)
                and os.path.normcase(target.name) == os.path.normcase(file.name)
            ):
                return refusal
    backups = backup_folder(db_path)
    if _exists(backups):
        for ancestor in (target, *target.absolute().parents):
            if _exists(ancestor) and os.path.samefile(ancestor, backups):
                return (
                    f"{target} is in the backup folder {backups}, which is kept for "
                    f"pmdesk's own backups; choose another folder"
                )
    return ""


def _exists(path: Path) -> bool:
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


@contextlib.contextmanager
def transaction() -> Iterator[None]:
    """One user action = one transaction: all of it is saved, or none of it."""
    with database.atomic():
        yield
