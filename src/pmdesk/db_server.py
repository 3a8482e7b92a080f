"""The PostgreSQL seam: a team's shared pmdesk database on a server.

The same models run on the server; what only PostgreSQL has lives here: the connection
(psycopg 3, loaded on first use), the schema's version table, the triggers that stamp
each row, keep its references inside its project and tell the project's other windows
about changes (LISTEN/NOTIFY on a channel per project), and row-level security, so that
a person sees and changes only the projects they are a member of — enforced by the
server under their own database role, whatever program they use (see the README, "What
the server guarantees", and tests/server/test_attacks.py).

Roles: the role that creates the schema owns the tables (setup, `migrate-to`); a
project's creator, or that owner, adds and removes its members and deletes it; everyone
else connects with their own login role, a member of the group role `pmdesk_member`,
and is bound by the policies below.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from peewee import PostgresqlDatabase, Psycopg3Adapter

from pmdesk import db_series, db_today, deferred_imports
from pmdesk.models import ALL_MODELS, TODAY_STEP_INDEXES
from pmdesk.paths import display_url as display_url
from pmdesk.paths import hide_passwords
from pmdesk.paths import is_server_url as is_server_url

#: The group role whose members may use pmdesk's tables (within their projects).
MEMBER_GROUP = "pmdesk_member"
#: Application name in pg_stat_activity, and the key of the password in the keyring.
APPLICATION = "pmdesk"


def load_driver() -> ModuleType:
    """psycopg, imported on first use (`deferred_imports` hides it from Peewee's import)."""
    deferred_imports.reveal_driver("psycopg")
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
    try:
        database.connect()
    except Exception as exc:  # libpq may quote the address back, password and all
        hidden = _without_password(str(exc), url, password)
        if hidden == str(exc):
            raise
        raise type(exc)(hidden) from None
    return database


def _without_password(text: str, url: str, password: str | None) -> str:
    from urllib.parse import unquote

    try:
        typed = urlsplit(url).password
    except ValueError:
        typed = url.partition("://")[2].rpartition("@")[0].partition(":")[2] or None
    for secret in {password, typed, unquote(typed) if typed else None} - {None, ""}:
        text = text.replace(str(secret), "***")
    return hide_passwords(text)


def needs_password(exc: BaseException) -> bool:
    """Whether a failed connection was refused for want of a (right) password."""
    text = str(exc)
    return "password" in text and ("no password supplied" in text or "authentication" in text)


def current_role(db: PostgresqlDatabase) -> str:
    """The login role, whom the policies see (`SET ROLE` does not change it)."""
    return str(db.execute_sql("SELECT session_user").fetchone()[0])


# --- schema -------------------------------------------------------------------------
#
# Every function below runs with `search_path = pg_catalog, pg_temp` and names every
# table `public.…`, so a member's temporary table or function cannot stand in for ours:
# pg_temp, searched first when not named, comes last, where it is never searched for
# functions or operators; `public` is left out (every name in it is written out), as
# before PostgreSQL 15 anyone could create functions there. Only two functions answer
# members (EXECUTE is revoked from PUBLIC on all), each only for the caller
# (`session_user`), never for a role given as an argument. Trigger functions run
# whatever the caller's rights, and are named `public.…` by their triggers.
#
# Policies and stamps key on `session_user`, the login role, not `current_user`: a
# member may `SET ROLE pmdesk_member` (or any role granted to them), which must not make
# them someone else.

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
    " role_name name NOT NULL, added_by name NOT NULL DEFAULT session_user,"
    " added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),"
    " PRIMARY KEY (project_id, role_name))"
)

#: Each project's change channel: a name only its members can read (anyone may LISTEN
#: on any channel, so the name is the secret). 122 random bits from gen_random_uuid().
_CHANNEL_TABLE = (
    "CREATE TABLE IF NOT EXISTS public.pmdesk_channel ("
    " project_id integer PRIMARY KEY REFERENCES public.project (id) ON DELETE CASCADE,"
    " channel text NOT NULL DEFAULT "
    "('pmdesk_' || pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '')))"
)

#: Which project a stored file is of (server only: the models do not read it).
_ATTACHMENT_PROJECT = (
    "ALTER TABLE public.attachment ADD COLUMN IF NOT EXISTS pmdesk_project_id integer "
    "REFERENCES public.project (id) ON DELETE CASCADE"
)

_SAFE_PATH = "SET search_path = pg_catalog, pg_temp"
#: The functions members may call (EXECUTE is revoked from PUBLIC on every other).
MEMBER_FUNCTIONS = (
    "pmdesk_projects_of()",
    "pmdesk_members(integer)",
    "pmdesk_id_taken(regclass,integer)",
)
#: Functions of earlier schemas, dropped by the migration (their policies first).
_OLD_FUNCTIONS = ("pmdesk_projects_of(name)",)

_FUNCTIONS = (
    # The projects the caller may use: those they created and those they are a member
    # of. SECURITY DEFINER reads the tables without their policies (no recursion).
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_projects_of() RETURNS SETOF integer
    LANGUAGE sql STABLE SECURITY DEFINER {_SAFE_PATH} AS $$
        SELECT m.project_id FROM public.project_member m
        WHERE m.role_name = session_user
        UNION SELECT p.id FROM public.project p
        WHERE p.row_created_by = session_user::text
    $$""",
    # Who is on a project, for anyone on it (the member table shows it too; this keeps
    # the order and the columns in one place).
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_members(pid integer)
    RETURNS TABLE (role_name name, added_by name, added_at timestamp)
    LANGUAGE sql STABLE SECURITY DEFINER {_SAFE_PATH} AS $$
        SELECT m.role_name, m.added_by, m.added_at FROM public.project_member m
        WHERE m.project_id = pid
        AND pid IN (SELECT public.pmdesk_projects_of())
        ORDER BY m.role_name
    $$""",
    # Whether a row of `tbl` has id `wanted`, or the id is not yet handed out (a
    # reference check asks before an insert, see _check_function); never for the
    # tables' owner, who copies rows with their ids. Says no more than the primary
    # key's "already exists" does, for pmdesk's tables only.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_id_taken(tbl regclass, wanted integer)
    RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER {_SAFE_PATH} AS $$
    DECLARE
        found boolean;
        sequence text;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = tbl
                AND c.relnamespace = 'public'::regnamespace AND c.relrowsecurity) THEN
            RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
                MESSAGE = tbl::text || ' is not a pmdesk table';
        END IF;
        IF pg_catalog.pg_has_role(session_user,
                (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = tbl), 'MEMBER') THEN
            RETURN false;
        END IF;
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM ' || tbl::text || ' t WHERE t.id = $1)'
            INTO found USING wanted;
        sequence := pg_catalog.pg_get_serial_sequence(tbl::text, 'id');
        IF NOT found AND sequence IS NOT NULL THEN
            EXECUTE 'SELECT $1 > CASE WHEN s.is_called THEN s.last_value '
                || 'ELSE s.last_value - 1 END FROM ' || sequence || ' s'
                INTO found USING wanted;
        END IF;
        RETURN found;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_row_stamp() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.row_version := 1;
            NEW.row_created_by := session_user;
        ELSE
            NEW.row_version := OLD.row_version + 1;
            NEW.row_created_by := OLD.row_created_by;
        END IF;
        NEW.row_changed_by := session_user;
        NEW.row_changed_at := now() AT TIME ZONE 'utc';
        RETURN NEW;
    END $$""",
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_member_stamp() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    BEGIN
        NEW.added_by := session_user;
        NEW.added_at := now() AT TIME ZONE 'utc';
        RETURN NEW;
    END $$""",
    # Announces a statement's changes on the channel of each project it touched
    # (payload "<backend pid> <table>"). TG_ARGV[0], written by create_schema, selects
    # those projects from the transition table `pmdesk_changed`. The caller's rights:
    # they changed the rows, so they can read those projects' channels.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_notify() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    DECLARE
        target text;
    BEGIN
        FOR target IN EXECUTE 'SELECT c.channel FROM public.pmdesk_channel c '
            || 'WHERE c.project_id IN (' || TG_ARGV[0] || ')'
        LOOP
            PERFORM pg_notify(target, pg_backend_pid() || ' ' || TG_TABLE_NAME);
        END LOOP;
        RETURN NULL;
    END $$""",
    # Only its creator or the tables' owner deletes a project (members are told so;
    # others do not see it). Its channel goes with it (cascade): announce first.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_project_deleted() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    BEGIN
        IF OLD.row_created_by IS DISTINCT FROM session_user::text AND NOT pg_has_role(
            (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER'
        ) THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = 'only its creator or the administrator may delete project '
                    || OLD.id || ' (created by ' || OLD.row_created_by || ')';
        END IF;
        PERFORM pg_notify(c.channel, pg_backend_pid() || ' project')
        FROM public.pmdesk_channel c WHERE c.project_id = OLD.id;
        RETURN OLD;
    END $$""",
    # A new project's channel (definer's rights: members may not write channels).
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_project_channel() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SAFE_PATH} AS $$
    BEGIN
        INSERT INTO public.pmdesk_channel AS c (project_id) VALUES (NEW.id)
        ON CONFLICT (project_id) DO UPDATE SET channel = DEFAULT;
        RETURN NULL;
    END $$""",
    # Someone left a project: tell its windows on the old channel, then change it, so
    # the one who left hears no more (the others read the new name; see `heard`).
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_member_removed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SAFE_PATH} AS $$
    BEGIN
        PERFORM pg_notify(c.channel, '0 project_member')
        FROM public.pmdesk_channel c WHERE c.project_id = OLD.project_id;
        UPDATE public.pmdesk_channel SET channel = DEFAULT WHERE project_id = OLD.project_id;
        RETURN NULL;
    END $$""",
    # A stored file belongs to the project of the first material that uses it, for
    # good (a server-only column, `pmdesk_project_id`; definer's rights, as the caller
    # may not set it). Until then only its uploader sees it.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_attachment_linked() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SAFE_PATH} AS $$
    BEGIN
        UPDATE public.attachment SET pmdesk_project_id = NEW.project_id
        WHERE id = NEW.attachment_id AND pmdesk_project_id IS NULL;
        RETURN NULL;
    END $$""",
    # …and nobody else sets it: a new file is nobody's, a file's project never changes.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_attachment_owner() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.pmdesk_project_id := NULL;
        ELSIF OLD.pmdesk_project_id IS NOT NULL THEN
            NEW.pmdesk_project_id := OLD.pmdesk_project_id;
        ELSIF NEW.pmdesk_project_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM public.material m
            WHERE m.attachment_id = NEW.id AND m.project_id = NEW.pmdesk_project_id
        ) THEN
            NEW.pmdesk_project_id := NULL;
        END IF;
        RETURN NEW;
    END $$""",
    # A material's file goes with the last material that uses it (as in the file's
    # trigger); definer's rights, as the file is no longer visible once unused.
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_attachment_cleanup() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SAFE_PATH} AS $$
    BEGIN
        IF OLD.attachment_id IS NOT NULL THEN
            DELETE FROM public.attachment a WHERE a.id = OLD.attachment_id
            AND NOT EXISTS (SELECT 1 FROM public.material m
                            WHERE m.attachment_id = OLD.attachment_id);
        END IF;
        RETURN NULL;
    END $$""",
)


def _project_of(table: str, row: str, prefix: str = "p", depth: int = 0) -> str:
    """SQL for the project of the row `row` of `table` (NULL where the caller cannot
    see its parent, as policies apply inside)."""
    if table == "project":
        return f"{row}.id"
    if table in _THROUGH_PARENT:
        column, parent = _THROUGH_PARENT[table]
        alias = f"{prefix}{depth}"
        inner = _project_of(parent, alias, prefix, depth + 1)
        return f"(SELECT {inner} FROM public.{parent} {alias} WHERE {alias}.id = {row}.{column})"
    return f"{row}.project_id"


def _placement(table: str) -> str:
    """The column that puts a row in its project (directly or through its parent)."""
    if table in _THROUGH_PARENT:
        return _THROUGH_PARENT[table][0]
    return "id" if table == "project" else "project_id"


def references(tables: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Every foreign key between pmdesk's tables, from the models, by table: (column,
    target table), without the column that places the row (policies check that)."""
    from peewee import ForeignKeyField

    out: dict[str, list[tuple[str, str]]] = {}
    for model in ALL_MODELS:
        table = model._meta.table_name
        if table not in tables:
            continue
        out[table] = [
            (f.column_name, f.rel_model._meta.table_name)
            for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField) and f.column_name != _placement(table)
        ]
    return out


def _refuse(message: str) -> str:
    return f"RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', MESSAGE = '{message}';"


def _check_function(table: str, targets: list[tuple[str, str]], has_id: bool) -> str:
    """A row may point only at rows of its own project, and never moves to another.

    The check runs before the foreign keys, under the caller's policies, and says the
    same for a row of another project and for no row at all (no existence oracle)."""
    body = []
    if has_id:
        # An id given on insert names no row the caller cannot see, and none the
        # server has not handed out: `ON CONFLICT (id) DO UPDATE … WHERE` evaluates
        # its WHERE on the conflicting row before its policies, so a hidden row's
        # values would show in what the WHERE does (an error echoing them); and ids
        # taken ahead would make others' inserts fail.
        body.append(
            f"IF TG_OP = 'INSERT' AND public.pmdesk_id_taken('public.{table}', NEW.id) "
            f"AND NOT EXISTS (SELECT 1 FROM public.{table} x WHERE x.id = NEW.id) THEN "
            f"RAISE EXCEPTION USING ERRCODE = 'unique_violation', "
            f"MESSAGE = '{table}: id ' || NEW.id || ' is taken'; END IF;"
        )
        body.append(
            f"IF TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id THEN "
            f"{_refuse(f'{table}: a row keeps its id')} END IF;"
        )
    if table != "attachment":
        placement = _placement(table)
        moved = f"NEW.{placement} IS DISTINCT FROM OLD.{placement}"
        if table in _THROUGH_PARENT:  # another parent, perhaps of another project
            moved += (
                f" AND {_project_of(table, 'NEW')} IS DISTINCT FROM {_project_of(table, 'OLD')}"
            )
        if table != "project":
            body.append(
                f"IF TG_OP = 'UPDATE' AND {moved} THEN "
                f"{_refuse(f'{table}: a row stays in its project')} END IF;"
            )
        body.append(f"here := {_project_of(table, 'NEW')};")
        if table in _THROUGH_PARENT:  # on insert (an update's row is visible, or the
            # owner's: a cascade's SET NULL may run after the parent has gone)
            body.append(
                f"IF TG_OP = 'INSERT' AND here IS NULL THEN "
                f"{_refuse(f'{table}.{placement} does not name a row of this project')} END IF;"
            )
    for column, target in targets:
        changed = f"(TG_OP = 'INSERT' OR NEW.{column} IS DISTINCT FROM OLD.{column})"
        refusal = _refuse(f"{table}.{column} does not name a row of this project")
        if target == "attachment":
            # The caller's own upload not yet used, or a file of this project.
            wrong = (
                f"NOT EXISTS (SELECT 1 FROM public.attachment a WHERE a.id = NEW.{column} "
                f"AND (a.pmdesk_project_id IS NULL OR a.pmdesk_project_id = here))"
            )
        else:
            found = _project_of(target, "t", "q")
            wrong = f"(SELECT {found} FROM public.{target} t WHERE t.id = NEW.{column}) "
            wrong += "IS DISTINCT FROM here"
        body.append(
            f"IF NEW.{column} IS NOT NULL AND {changed} AND (here IS NULL OR {wrong}) "
            f"THEN {refusal} END IF;"
        )
    lines = "\n        ".join(body)
    return f"""CREATE OR REPLACE FUNCTION public.pmdesk_check_{table}() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    DECLARE
        here integer;
    BEGIN
        {lines}
        RETURN NEW;
    END $$"""


def _changed_projects(table: str) -> str:
    """SQL selecting the projects of the rows in `pmdesk_changed` (see pmdesk_notify)."""
    if table == "attachment":
        return "SELECT r.pmdesk_project_id FROM pmdesk_changed r"
    return f"SELECT {_project_of(table, 'r')} FROM pmdesk_changed r"


def access_statements(tables: list[str]) -> list[str]:
    """Row-level security, reference checks, stamps and announcements for `tables`, the
    member and channel tables, and the group's rights. Repeatable (each object is
    dropped first or replaced): a later schema's server step runs it again with its
    tables."""
    mine = "(SELECT public.pmdesk_projects_of())"
    owned = (
        "EXISTS (SELECT 1 FROM public.project p WHERE p.id = project_member.project_id "
        "AND p.row_created_by = session_user)"
    )
    has_id = {m._meta.table_name: m._meta.primary_key is not False for m in ALL_MODELS}
    out = [
        _CHANNEL_TABLE,
        _ATTACHMENT_PROJECT,
        # Files of schema 5 go to the project of the first material using them.
        "UPDATE public.attachment a SET pmdesk_project_id = (SELECT min(m.project_id) "
        "FROM public.material m WHERE m.attachment_id = a.id) WHERE a.pmdesk_project_id IS NULL",
        *_FUNCTIONS,
        """DO $$ DECLARE r record; BEGIN
            FOR r IN SELECT p.policyname, p.tablename FROM pg_catalog.pg_policies p
                WHERE p.schemaname = 'public' AND p.policyname IN
                ('project_access', 'project_read', 'project_create', 'project_change',
                 'project_delete', 'member_access', 'member_read', 'member_add',
                 'member_remove', 'channel_read')
            LOOP
                EXECUTE 'DROP POLICY ' || pg_catalog.quote_ident(r.policyname)
                    || ' ON public.' || pg_catalog.quote_ident(r.tablename);
            END LOOP;
        END $$""",
        *(f"DROP FUNCTION IF EXISTS public.{signature}" for signature in _OLD_FUNCTIONS),
        "ALTER TABLE public.project_member ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY member_read ON public.project_member FOR SELECT "
        f"USING (project_id IN {mine})",
        # Only the project's creator (or the tables' owner, not bound by policies)
        # changes who is on it.
        f"CREATE POLICY member_add ON public.project_member FOR INSERT WITH CHECK ({owned})",
        f"CREATE POLICY member_remove ON public.project_member FOR DELETE USING ({owned})",
        "DROP TRIGGER IF EXISTS project_member_stamp ON public.project_member",
        "CREATE TRIGGER project_member_stamp BEFORE INSERT OR UPDATE ON public.project_member "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_member_stamp()",
        "DROP TRIGGER IF EXISTS project_member_removed ON public.project_member",
        "CREATE TRIGGER project_member_removed AFTER DELETE ON public.project_member "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_member_removed()",
        "ALTER TABLE public.pmdesk_channel ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY channel_read ON public.pmdesk_channel FOR SELECT "
        f"USING (project_id IN {mine})",
        "INSERT INTO public.pmdesk_channel (project_id) SELECT id FROM public.project "
        "ON CONFLICT (project_id) DO NOTHING",
        "DROP TRIGGER IF EXISTS project_channel ON public.project",
        "CREATE TRIGGER project_channel AFTER INSERT ON public.project "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_project_channel()",
        "DROP TRIGGER IF EXISTS project_deleted ON public.project",
        "CREATE TRIGGER project_deleted BEFORE DELETE ON public.project "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_project_deleted()",
    ]
    targets = references(tables)
    for table in [*tables, "project_member"]:
        changed = _changed_projects(table).replace("'", "''")
        # Before 16, transition tables need a trigger per event.
        out.append(f"DROP TRIGGER IF EXISTS {table}_notify ON public.{table}")
        for event, kind in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
            out += [
                f"DROP TRIGGER IF EXISTS {table}_notify_{event} ON public.{table}",
                f"CREATE TRIGGER {table}_notify_{event} AFTER {event.upper()} ON "
                f"public.{table} REFERENCING {kind} TABLE AS pmdesk_changed FOR EACH STATEMENT "
                f"EXECUTE FUNCTION public.pmdesk_notify('{changed}')",
            ]
        if table == "project_member":
            continue
        if table == "project":
            visible = f"row_created_by = session_user OR id IN {mine}"
            out += [
                f"CREATE POLICY project_read ON public.{table} FOR SELECT USING ({visible})",
                f"CREATE POLICY project_create ON public.{table} FOR INSERT "
                f"WITH CHECK (row_created_by = session_user)",
                f"CREATE POLICY project_change ON public.{table} FOR UPDATE "
                f"USING ({visible}) WITH CHECK ({visible})",
                # Only its creator (or the tables' owner) deletes a project: the
                # trigger pmdesk_project_deleted refuses other members, saying why.
                f"CREATE POLICY project_delete ON public.{table} FOR DELETE USING ({visible})",
            ]
        else:
            if table == "attachment":
                # A stored file is its project's (see pmdesk_attachment_linked); its
                # uploader sees it until a material uses it.
                rule = check = (
                    f"pmdesk_project_id IN {mine} "
                    "OR (pmdesk_project_id IS NULL AND row_created_by = session_user)"
                )
            elif table == db_today.TABLE:
                # Each person's own marks, of their projects (like drafts).
                rule = check = f"row_created_by = session_user AND project_id IN {mine}"
            elif table == "draft":
                rule = check = (
                    "row_created_by = session_user "
                    f"AND (project_id IS NULL OR project_id IN {mine})"
                )
            elif table in _THROUGH_PARENT:
                column, parent = _THROUGH_PARENT[table]
                # EXISTS looks up the one parent row (an index probe); `IN (SELECT id …)`
                # made the server read every visible parent to insert one note.
                rule = f"EXISTS (SELECT 1 FROM public.{parent} p WHERE p.id = {table}.{column})"
                check = rule
            else:
                rule = check = f"project_id IN {mine}"
            out.append(
                f"CREATE POLICY project_access ON public.{table} USING ({rule}) "
                f"WITH CHECK ({check})"
            )
        out += [
            f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY",
            _check_function(table, targets[table], has_id[table]),
            f"DROP TRIGGER IF EXISTS {table}_references ON public.{table}",
            f"CREATE TRIGGER {table}_references BEFORE INSERT OR UPDATE ON public.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION public.pmdesk_check_{table}()",
            f"DROP TRIGGER IF EXISTS {table}_row_stamp ON public.{table}",
            f"CREATE TRIGGER {table}_row_stamp BEFORE INSERT OR UPDATE ON public.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION public.pmdesk_row_stamp()",
        ]
    member_functions = ", ".join(f"public.{f}" for f in MEMBER_FUNCTIONS)
    out += [
        "DROP TRIGGER IF EXISTS material_attachment_linked ON public.material",
        "CREATE TRIGGER material_attachment_linked AFTER INSERT OR UPDATE OF attachment_id "
        "ON public.material FOR EACH ROW WHEN (NEW.attachment_id IS NOT NULL) "
        "EXECUTE FUNCTION public.pmdesk_attachment_linked()",
        "DROP TRIGGER IF EXISTS attachment_owner ON public.attachment",
        "CREATE TRIGGER attachment_owner BEFORE INSERT OR UPDATE ON public.attachment "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_attachment_owner()",
        "DROP TRIGGER IF EXISTS material_attachment_cleanup ON public.material",
        "CREATE TRIGGER material_attachment_cleanup AFTER DELETE ON public.material "
        "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_attachment_cleanup()",
        # Nobody but the owner runs pmdesk's functions, except the three that answer
        # members (for themselves); triggers run whatever the caller's rights.
        """DO $$ DECLARE f regprocedure; BEGIN
            FOR f IN SELECT p.oid FROM pg_catalog.pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace
                AND pg_catalog.left(p.proname, 7) = 'pmdesk_'
            LOOP
                EXECUTE 'REVOKE ALL ON FUNCTION ' || f::text || ' FROM PUBLIC';
            END LOOP;
        END $$""",
        # Members may not create objects in public (PostgreSQL 15 does not let them by
        # default; earlier versions did). A warning only, where the schema is not ours.
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '{MEMBER_GROUP}')
            THEN
                BEGIN
                    CREATE ROLE {MEMBER_GROUP} NOLOGIN;
                EXCEPTION WHEN insufficient_privilege THEN
                    RAISE WARNING 'create the role {MEMBER_GROUP}, then grant it the tables';
                END;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '{MEMBER_GROUP}') THEN
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public
                    TO {MEMBER_GROUP};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {MEMBER_GROUP};
                REVOKE INSERT, UPDATE, DELETE ON public.pmdesk_schema, public.pmdesk_channel
                    FROM {MEMBER_GROUP};
                REVOKE UPDATE ON public.project_member FROM {MEMBER_GROUP};
                GRANT EXECUTE ON FUNCTION {member_functions} TO {MEMBER_GROUP};
            END IF;
        END $$""",
    ]
    return out


#: The tables whose security schema 6 set up on a server (frozen: a later schema's new
#: tables get theirs in their own step).
_SCHEMA_6_TABLES = (
    "project", "scope_item", "outcome", "person", "meeting", "agenda_item", "attendee",
    "purpose", "attachment", "material", "checklist_item", "change_record", "note",
    "purpose_note", "assessment", "leader_priority", "leader_priority_note", "lead_request",
    "action_item", "milestone_review", "follow_up", "minutes_distribution", "status_report",
    "escalation_memo", "coaching_session", "draft",
)  # fmt: skip


@dataclass(frozen=True)
class ServerMigration:
    """One step of the server's schema from `version - 1` to `version`."""

    version: int
    description: str
    statements: tuple[str, ...]


#: A step inserted without its number gets the next one of its project (as the file's
#: trigger, db.STEP_NUMBER_TRIGGER).
_STEP_NUMBERS = (
    f"""CREATE OR REPLACE FUNCTION public.pmdesk_step_number() RETURNS trigger
    LANGUAGE plpgsql {_SAFE_PATH} AS $$
    BEGIN
        IF NEW.number IS NULL THEN
            -- The project's row (visible to its members only), not an advisory lock:
            -- any role may hold any of those, a member of another project too.
            PERFORM 1 FROM public.project p WHERE p.id = NEW.project_id FOR NO KEY UPDATE;
            NEW.number := (SELECT COALESCE(pg_catalog.max(a.number), 0) + 1
                FROM public.action_item a WHERE a.project_id = NEW.project_id);
        END IF;
        RETURN NEW;
    END $$""",
    "CREATE TRIGGER action_item_number BEFORE INSERT ON public.action_item "
    "FOR EACH ROW EXECUTE FUNCTION public.pmdesk_step_number()",
)


def without_stamping(table: str, *statements: str) -> tuple[str, ...]:
    """`statements` on `table` as no user's edit: its row stamp trigger is lifted meanwhile
    (row versions and who changed a row stay as they were); the server's counterpart of
    db.without_stamping, for migrations (inside their transaction)."""
    return (
        f"ALTER TABLE public.{table} DISABLE TRIGGER {table}_row_stamp",
        *statements,
        f"ALTER TABLE public.{table} ENABLE TRIGGER {table}_row_stamp",
    )


#: Server schemas begin at the file's schema 5 (the first with row bookkeeping); each
#: later file migration gets its server counterpart here.
FIRST_SERVER_SCHEMA = 5
SERVER_MIGRATIONS: list[ServerMigration] = [
    ServerMigration(
        6,
        "no way past row-level security (functions, policies, references, channels)",
        tuple(access_statements(list(_SCHEMA_6_TABLES))),
    ),
    ServerMigration(
        7,
        "row identities for undo",
        (
            # Every pmdesk table (those with row bookkeeping) gets a row identity, filled
            # at random for the rows already there, without stamping them as changed
            # (%% is a literal % for the driver).
            """DO $$
            DECLARE t text;
            BEGIN
                FOR t IN SELECT table_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND column_name = 'row_version'
                LOOP
                    EXECUTE format('ALTER TABLE %%I ADD COLUMN IF NOT EXISTS row_uid '
                        'varchar(32) NOT NULL DEFAULT %%L', t, '');
                    EXECUTE format('ALTER TABLE %%I DISABLE TRIGGER USER', t);
                    EXECUTE format('UPDATE %%I SET row_uid = md5(random()::text || '
                        'clock_timestamp()::text) WHERE row_uid = %%L', t, '');
                    EXECUTE format('ALTER TABLE %%I ENABLE TRIGGER USER', t);
                END LOOP;
            END $$""",
        ),
    ),
    ServerMigration(
        8,
        "step numbers per project, tracker row origins",
        (
            # IF NOT EXISTS: a server whose tables came from newer models keeps them.
            "ALTER TABLE public.action_item ADD COLUMN IF NOT EXISTS number integer",
            "ALTER TABLE public.action_item "
            "ADD COLUMN IF NOT EXISTS tracker_origin text NOT NULL DEFAULT ''",
            # Not a user's edit: row versions and who changed a row stay as they were.
            *without_stamping(
                "action_item", "UPDATE public.action_item SET number = id WHERE number IS NULL"
            ),
            "CREATE UNIQUE INDEX IF NOT EXISTS action_item_project_id_number "
            "ON public.action_item (project_id, number)",
            "DROP TRIGGER IF EXISTS action_item_number ON public.action_item",
            *_STEP_NUMBERS,
            "REVOKE ALL ON FUNCTION public.pmdesk_step_number() FROM PUBLIC",
        ),
    ),
    ServerMigration(
        9,
        "archived projects",
        ("ALTER TABLE project ADD COLUMN IF NOT EXISTS archived boolean NOT NULL DEFAULT FALSE",),
    ),
    ServerMigration(
        10,
        "meeting series, decisions, minutes approval, search",
        (
            *db_series.server_statements(),
            # The row identity every table has since schema 7 (the new tables are empty).
            *(
                f"ALTER TABLE public.{table} ADD COLUMN IF NOT EXISTS row_uid varchar(32) "
                "NOT NULL DEFAULT ''"
                for table in db_series.NEW_TABLES
            ),
            *access_statements([*_SCHEMA_6_TABLES, *db_series.NEW_TABLES]),
            *db_series.SERVER_SEARCH,
        ),
    ),
    ServerMigration(
        11,
        "Today: done, snoozed, dismissed, each person's own",
        (
            *db_today.server_statements(),
            *access_statements([*_SCHEMA_6_TABLES, *db_series.NEW_TABLES, db_today.TABLE]),
        ),
    ),
    ServerMigration(
        12,
        "seniority set by the PM, remembered tracker choices",
        (
            "ALTER TABLE public.person ADD COLUMN IF NOT EXISTS seniority integer "
            "NOT NULL DEFAULT 0",
            "ALTER TABLE public.action_item ADD COLUMN IF NOT EXISTS tracker_choices text "
            "NOT NULL DEFAULT ''",
            # The register's entry order; not a user's edit (row versions stay).
            *without_stamping(
                "person",
                "UPDATE public.person p SET seniority = (SELECT count(*) FROM public.person o "
                "WHERE o.project_id = p.project_id AND o.id < p.id)",
            ),
        ),
    ),
    ServerMigration(
        13,
        "the project's reporting weekday",
        (
            "ALTER TABLE public.project ADD COLUMN IF NOT EXISTS report_weekday integer "
            "CHECK (report_weekday IS NULL OR report_weekday BETWEEN 0 AND 6)",
        ),
    ),
    ServerMigration(
        14,
        "Today reads steps from covering indexes",
        tuple(
            f"CREATE INDEX IF NOT EXISTS {name} ON public.action_item ({', '.join(columns)})"
            for name, columns in TODAY_STEP_INDEXES.items()
        ),
    ),
    ServerMigration(
        15,
        "team server: an id given on insert names no hidden row, steps numbered under "
        "the project's row lock",
        (
            _STEP_NUMBERS[0],
            *access_statements([*_SCHEMA_6_TABLES, *db_series.NEW_TABLES, db_today.TABLE]),
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
    # The step numbers first: access_statements then revokes EXECUTE on every function.
    for statement in (*_STEP_NUMBERS, *access_statements(tables), *db_series.SERVER_SEARCH):
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


def may_change_members(db: PostgresqlDatabase, project_id: int) -> bool:
    """Whether the caller is the project's creator or the tables' owner (the server
    refuses anyone else; this only lets the caller say so first)."""
    row = db.execute_sql(
        "SELECT p.row_created_by = session_user OR pg_has_role(c.relowner, 'MEMBER') "
        "FROM public.project p, pg_class c WHERE p.id = %s AND c.oid = 'public.project'::regclass",
        (project_id,),
    ).fetchone()
    return bool(row and row[0])


def add_member(db: PostgresqlDatabase, project_id: int, role: str) -> bool:
    """Put `role` on the project; False if it already was. The server checks the caller
    may (the owner of the tables, or the project's creator)."""
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
    rows = db.execute_sql("SELECT * FROM public.pmdesk_members(%s)", (project_id,)).fetchall()
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
    """A second connection that hears committed changes to the caller's projects (on
    each project's channel, see `pmdesk_channel`), and the backend pid of `server`'s own
    connection, whose announcements are our own."""
    own = int(server.execute_sql("SELECT pg_backend_pid()").fetchone()[0])
    params = {k: v for k, v in server.connect_params.items() if k != "connect_timeout"}
    connection = load_driver().connect(server.database, autocommit=True, **params)
    follow_projects(connection)
    return connection, own


def follow_projects(connection: Any) -> None:
    """LISTEN on the channels of the projects the role is on now, and on no other."""
    sql = load_driver().sql
    wanted = {row[0] for row in connection.execute("SELECT channel FROM public.pmdesk_channel")}
    now = {row[0] for row in connection.execute("SELECT pg_listening_channels()")}
    for channel in sorted(now - wanted):
        connection.execute(sql.SQL("UNLISTEN {}").format(sql.Identifier(channel)))
    for channel in sorted(wanted - now):
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))


def heard(connection: Any, own_pid: int) -> set[str]:
    """Tables other sessions changed, from what has arrived (never waits). When who is
    on a project changed, the channels are read again (one may have been renamed)."""
    tables = set()
    every = set()
    for notice in connection.notifies(timeout=0, stop_after=10_000):
        pid, _, table = notice.payload.partition(" ")
        every.add(table)
        if pid != str(own_pid):
            tables.add(table)
    if every & {"project", "project_member"}:
        follow_projects(connection)
    return tables
