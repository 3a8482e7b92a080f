"""The PostgreSQL seam: a team's shared pmdesk database on a server.

The same models run on the server; what only PostgreSQL has lives here: the connection
(psycopg 3, loaded on first use), the schema's version table, the triggers that stamp
each row and tell other pmdesk windows about changes (LISTEN/NOTIFY), and row-level
security, so that a person sees and changes only the projects they are a member of —
enforced by the server under their own database role, whatever program they use.

Roles: the role that creates the schema owns the tables (setup, `migrate-to`, adding
members); everyone else connects with their own login role, a member of the group role
`pmdesk_member`, and is bound by the policies below.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from peewee import PostgresqlDatabase, Psycopg3Adapter

from pmdesk import db_series
from pmdesk.models import ALL_MODELS
from pmdesk.paths import display_url as display_url
from pmdesk.paths import is_server_url as is_server_url

#: The group role whose members may use pmdesk's tables (within their projects).
MEMBER_GROUP = "pmdesk_member"
#: The channel on which every change is announced (payload: "<backend pid> <table>").
CHANGES_CHANNEL = "pmdesk_changes"
#: Application name in pg_stat_activity, and the key of the password in the keyring.
APPLICATION = "pmdesk"


def load_driver() -> ModuleType:
    """psycopg, imported on first use (pmdesk/__init__ hides it from Peewee's import)."""
    for name in ("psycopg",):
        if name in sys.modules and sys.modules[name] is None:
            del sys.modules[name]
    import psycopg

    return psycopg


class _Adapter(Psycopg3Adapter):
    """Peewee's psycopg 3 adapter with the driver loaded when the first connection opens."""

    def __init__(self) -> None:
        super().__init__()
        self._driver: ModuleType | None = None

    def _load(self) -> ModuleType:
        if self._driver is None:
            self._driver = load_driver()
            status = self._driver.pq.TransactionStatus
            self.txn_idle = status.IDLE
            self.txn_inerror = status.INERROR
            self.txn_unknown = status.UNKNOWN
        return self._driver

    def check_driver(self) -> None:
        self._load()

    def get_binary_type(self) -> Any:
        return self._load().Binary

    def connect(self, db: Any, **params: Any) -> Any:
        params.setdefault("conninfo", db.database)
        params.setdefault("application_name", APPLICATION)
        return self._load().connect(**params)


class ServerDatabase(PostgresqlDatabase):
    """PostgreSQL through psycopg 3 (see `_Adapter`)."""

    psycopg2_adapter = _Adapter
    psycopg3_adapter = _Adapter


def connect(url: str, password: str | None = None) -> ServerDatabase:
    """An open connection to the server at `url` (libpq reads ~/.pgpass and PG* too)."""
    params: dict[str, Any] = {"connect_timeout": 10}
    if password:
        params["password"] = password
    database = ServerDatabase(url, **params)
    database.connect()
    return database


def needs_password(exc: BaseException) -> bool:
    """Whether a failed connection was refused for want of a (right) password."""
    text = str(exc)
    return "password" in text and ("no password supplied" in text or "authentication" in text)


def current_role(db: PostgresqlDatabase) -> str:
    return str(db.execute_sql("SELECT current_user").fetchone()[0])


# --- schema -------------------------------------------------------------------------

#: Tables reached through a parent rather than a project column: (table, column, parent).
_THROUGH_PARENT = {
    "agenda_item": ("meeting_id", "meeting"),
    "attendee": ("meeting_id", "meeting"),
    "purpose": ("meeting_id", "meeting"),
    "checklist_item": ("meeting_id", "meeting"),
    "change_record": ("meeting_id", "meeting"),
    "note": ("meeting_id", "meeting"),
    "minutes_distribution": ("meeting_id", "meeting"),
    "purpose_note": ("purpose_id", "purpose"),
    "assessment": ("person_id", "person"),
    "leader_priority": ("person_id", "person"),
    "leader_priority_note": ("priority_id", "leader_priority"),
    "escalation_memo": ("person_id", "person"),
    "coaching_session": ("person_id", "person"),
}

_MEMBER_TABLE = (
    "CREATE TABLE project_member ("
    " project_id integer NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    " role_name name NOT NULL, added_by name NOT NULL DEFAULT current_user,"
    " added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),"
    " PRIMARY KEY (project_id, role_name))"
)

_FUNCTIONS = (
    # The projects a role may use: those it created and those it is a member of.
    # SECURITY DEFINER reads the tables without their policies (no recursion); the
    # role is an argument because inside it current_user is the owner.
    """CREATE OR REPLACE FUNCTION pmdesk_projects_of(who name) RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT project_id FROM project_member WHERE role_name = who
        UNION SELECT id FROM project WHERE row_created_by = who
    $$""",
    """CREATE OR REPLACE FUNCTION pmdesk_row_stamp() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.row_version := 1;
            NEW.row_created_by := current_user;
        ELSE
            NEW.row_version := OLD.row_version + 1;
            NEW.row_created_by := OLD.row_created_by;
        END IF;
        NEW.row_changed_by := current_user;
        NEW.row_changed_at := now() AT TIME ZONE 'utc';
        RETURN NEW;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION pmdesk_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('{CHANGES_CHANNEL}', pg_backend_pid() || ' ' || TG_TABLE_NAME);
        RETURN NULL;
    END $$""",
    # A material's file goes with the last material that uses it (as in the file's
    # trigger); definer's rights, as the file is no longer visible once unused.
    """CREATE OR REPLACE FUNCTION pmdesk_attachment_cleanup() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        IF OLD.attachment_id IS NOT NULL THEN
            DELETE FROM attachment WHERE id = OLD.attachment_id
            AND NOT EXISTS (SELECT 1 FROM material WHERE attachment_id = OLD.attachment_id);
        END IF;
        RETURN NULL;
    END $$""",
    # Who is on a project, for anyone on it (the member table shows each role only its
    # own rows).
    """CREATE OR REPLACE FUNCTION pmdesk_members(pid integer)
    RETURNS TABLE (role_name name, added_by name, added_at timestamp)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT m.role_name, m.added_by, m.added_at FROM project_member m
        WHERE m.project_id = pid AND pid IN (SELECT pmdesk_projects_of(session_user))
        ORDER BY m.role_name
    $$""",
)


def _table_access(table: str) -> list[str]:
    """The policy, row stamp and change announcement of one table."""
    mine = "(SELECT pmdesk_projects_of(current_user))"
    if table == "project":
        rule = f"row_created_by = current_user OR id IN {mine}"
    elif table == "attachment":
        # A stored file is reached through a material of a visible project; the
        # uploader sees it between upload and linking.
        rule = "row_created_by = current_user OR id IN (SELECT attachment_id FROM material)"
    elif table == "draft":
        rule = f"row_created_by = current_user AND (project_id IS NULL OR project_id IN {mine})"
    elif table in _THROUGH_PARENT:
        column, parent = _THROUGH_PARENT[table]
        # EXISTS looks up the one parent row (an index probe); `IN (SELECT id …)`
        # made the server read every visible parent to insert one note.
        rule = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{column})"
    else:
        rule = f"project_id IN {mine}"
    return [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY project_access ON {table} USING ({rule}) WITH CHECK ({rule})",
        f"CREATE TRIGGER {table}_row_stamp BEFORE INSERT OR UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION pmdesk_row_stamp()",
        f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION pmdesk_notify()",
    ]


def _access_statements(tables: list[str]) -> list[str]:
    """Row-level security for every table, the member table, and the group's rights."""
    mine = "(SELECT pmdesk_projects_of(current_user))"
    out = [
        *_FUNCTIONS,
        "ALTER TABLE project_member ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY member_access ON project_member USING (project_id IN {mine})",
    ]
    for table in tables:
        out += _table_access(table)
    out += [
        "CREATE TRIGGER material_attachment_cleanup AFTER DELETE ON material "
        "FOR EACH ROW EXECUTE FUNCTION pmdesk_attachment_cleanup()",
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MEMBER_GROUP}') THEN
                BEGIN
                    CREATE ROLE {MEMBER_GROUP} NOLOGIN;
                EXCEPTION WHEN insufficient_privilege THEN
                    RAISE WARNING 'create the role {MEMBER_GROUP}, then grant it the tables';
                END;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MEMBER_GROUP}') THEN
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public
                    TO {MEMBER_GROUP};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MEMBER_GROUP};
                GRANT SELECT ON pmdesk_schema TO {MEMBER_GROUP};
                REVOKE INSERT, UPDATE, DELETE ON pmdesk_schema FROM {MEMBER_GROUP};
            END IF;
        END $$""",
    ]
    return out


@dataclass(frozen=True)
class ServerMigration:
    """One step of the server's schema from `version - 1` to `version`."""

    version: int
    description: str
    statements: tuple[str, ...]


#: Server schemas begin at the file's schema 5 (the first with row bookkeeping); each
#: later file migration gets its server counterpart here.
FIRST_SERVER_SCHEMA = 5


def _grant_new_tables() -> str:
    return f"""DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{MEMBER_GROUP}') THEN
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public
                TO {MEMBER_GROUP};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MEMBER_GROUP};
            REVOKE INSERT, UPDATE, DELETE ON pmdesk_schema FROM {MEMBER_GROUP};
        END IF;
    END $$"""


SERVER_MIGRATIONS: list[ServerMigration] = [
    ServerMigration(
        6,
        "meeting series, decisions, minutes approval, search",
        (
            *db_series.server_statements(),
            *(s for table in db_series.NEW_TABLES for s in _table_access(table)),
            _grant_new_tables(),
            *db_series.SERVER_SEARCH,
        ),
    ),
]


def schema_version(db: PostgresqlDatabase) -> int:
    """0 for a database without pmdesk's tables."""
    exists = db.execute_sql("SELECT to_regclass('pmdesk_schema') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    return int(db.execute_sql("SELECT version FROM pmdesk_schema").fetchone()[0])


def create_schema(db: PostgresqlDatabase, version: int) -> None:
    """Every table, trigger, function and policy of schema `version`, in one transaction."""
    tables = [m._meta.table_name for m in ALL_MODELS]
    db.create_tables(ALL_MODELS, safe=False)
    db.execute_sql(
        "CREATE TABLE pmdesk_schema (version integer NOT NULL, application text NOT NULL)"
    )
    db.execute_sql("INSERT INTO pmdesk_schema VALUES (%s, %s)", (version, APPLICATION))
    db.execute_sql(_MEMBER_TABLE)
    for statement in (*_access_statements(tables), *db_series.SERVER_SEARCH):
        db.execute_sql(statement)


@contextlib.contextmanager
def schema_lock(db: PostgresqlDatabase) -> Iterator[None]:
    """One pmdesk at a time creates or migrates the schema (others wait, then see it)."""
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(hashtext('pmdesk schema'))")
        yield


# --- members ------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    role_name: str
    added_by: str
    added_at: Any


def role_exists(db: PostgresqlDatabase, role: str) -> bool:
    sql = "SELECT 1 FROM pg_roles WHERE rolname = %s"
    return db.execute_sql(sql, (role,)).fetchone() is not None


def add_member(db: PostgresqlDatabase, project_id: int, role: str) -> bool:
    """Put `role` on the project; False if it already was. The server checks the caller
    may (owner of the tables, or on the project)."""
    cursor = db.execute_sql(
        "INSERT INTO project_member (project_id, role_name) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (project_id, role),
    )
    return bool(cursor.rowcount)


def remove_member(db: PostgresqlDatabase, project_id: int, role: str) -> bool:
    cursor = db.execute_sql(
        "DELETE FROM project_member WHERE project_id = %s AND role_name = %s", (project_id, role)
    )
    return bool(cursor.rowcount)


def members(db: PostgresqlDatabase, project_id: int) -> list[Member]:
    rows = db.execute_sql("SELECT * FROM pmdesk_members(%s)", (project_id,)).fetchall()
    return [Member(*row) for row in rows]


def reset_sequences(db: PostgresqlDatabase) -> None:
    """After rows were copied with their ids, new rows must get ids after them."""
    for model in ALL_MODELS:
        pk = model._meta.primary_key
        if pk is None or not getattr(pk, "auto_increment", False):
            continue
        table = model._meta.table_name
        db.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)"
        )


def listen(server: PostgresqlDatabase) -> tuple[Any, int]:
    """A second connection that hears every committed change (see `CHANGES_CHANNEL`), and
    the backend pid of `server`'s own connection, whose announcements are our own."""
    own = int(server.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    params = {k: v for k, v in server.connect_params.items() if k != "connect_timeout"}
    connection = load_driver().connect(server.database, autocommit=True, **params)
    connection.execute(f"LISTEN {CHANGES_CHANNEL}")
    return connection, own


def heard(connection: Any, own_pid: int) -> set[str]:
    """Tables other sessions changed, from what has arrived (never waits)."""
    tables = set()
    for notice in connection.notifies(timeout=0, stop_after=10_000):
        pid, _, table = notice.payload.partition(" ")
        if pid != str(own_pid):
            tables.add(table)
    return tables
