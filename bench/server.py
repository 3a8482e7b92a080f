"""The team server for the benchmarks: a PostgreSQL database holding the generated data.

The server is given as an admin address (a role that may create databases and roles),
in PMDESK_BENCH_POSTGRES or else PMDESK_TEST_POSTGRES, for example
`postgresql://pmdesk_admin:…@127.0.0.1/postgres`. The benchmark creates its own
database there (`pmdesk_bench_<size>`), fills it with the same deterministic data as
the file (bench/generate.py through pmdesk's own schema) and keeps it: a later run that
finds it with the expected rows uses it as it is, like bench/data/ for the file.

pmdesk hides psycopg from Peewee (pmdesk/__init__); `db_server.load_driver()` gives it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench.generate import SIZES, Size, generate

ENV_NAMES = ("PMDESK_BENCH_POSTGRES", "PMDESK_TEST_POSTGRES")


def admin_url_from_env() -> tuple[str, str]:
    """(the admin address, "") or ("", why the PostgreSQL figures are skipped)."""
    for name in ENV_NAMES:
        if os.environ.get(name):
            return os.environ[name], ""
    return "", f"no PostgreSQL server given ({' or '.join(ENV_NAMES)} is not set)"


def with_database(url: str, name: str, user: str | None = None, password: str = "") -> str:
    """`url` pointed at database `name`, optionally as another role."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if user is not None:
        host = netloc.rsplit("@", 1)[-1]
        netloc = f"{user}:{password}@{host}" if password else f"{user}@{host}"
    return urlunsplit((parts.scheme, netloc, f"/{name}", parts.query, ""))


def _admin(url: str) -> Any:
    from pmdesk.db_server import load_driver

    return load_driver().connect(url, autocommit=True)


def _expected(size: Size) -> dict[str, int]:
    return {
        "project": size.projects,
        "person": size.people,
        "meeting": size.meetings,
        "note": size.notes,
        "action_item": size.actions,
    }


def _holds(admin: str, name: str, size: Size) -> bool:
    """Whether database `name` exists with pmdesk's current schema and `size`'s rows."""
    from pmdesk.db import SCHEMA_VERSION

    with contextlib.closing(_admin(admin)) as con:
        found = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if not found:
        return False
    with contextlib.closing(_admin(with_database(admin, name))) as con:
        if not con.execute("SELECT to_regclass('pmdesk_schema') IS NOT NULL").fetchone()[0]:
            return False
        if con.execute("SELECT version FROM pmdesk_schema").fetchone()[0] != SCHEMA_VERSION:
            return False
        for table, rows in _expected(size).items():
            if con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] != rows:
                return False
    return True


def drop_database(admin: str, name: str) -> None:
    with contextlib.closing(_admin(admin)) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database(admin: str, size_name: str, name: str | None = None) -> str:
    """The address (as the admin) of a database holding `size_name`'s data, built if it
    is not there yet with the expected rows."""
    from pmdesk import db, db_server

    size = SIZES[size_name]
    name = name or f"pmdesk_bench_{size_name}"
    url = with_database(admin, name)
    if _holds(admin, name, size):
        return url
    print(f"generating the {size_name} database on the PostgreSQL server ({name})…", flush=True)
    start = time.perf_counter()
    drop_database(admin, name)
    with contextlib.closing(_admin(admin)) as con:
        # The group of ordinary members; pmdesk grants it the tables when it creates them.
        con.execute(
            f"DO $$ BEGIN CREATE ROLE {db_server.MEMBER_GROUP} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        con.execute(f'CREATE DATABASE "{name}"')
    db.open_database(url)  # pmdesk's schema, policies and triggers, as the admin
    try:
        generate(size)
        db_server.reset_sequences(db.database.obj)
    finally:
        db.close_database()
    with contextlib.closing(_admin(url)) as con:
        con.execute("VACUUM ANALYZE")  # as autovacuum would have by the time anyone opens it
    print(f"  {time.perf_counter() - start:.0f} s", flush=True)
    return url


@contextlib.contextmanager
def member(admin: str, url: str) -> Iterator[str]:
    """A throwaway login role in pmdesk's member group, on every project of the database
    at `url` (so row-level security applies, as for anyone but the tables' owner);
    yields its address, and removes the role afterwards."""
    from pmdesk import db_server

    role = f"pmdesk_bench_{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(16)
    with contextlib.closing(_admin(admin)) as con:
        con.execute(
            f"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {db_server.MEMBER_GROUP}"
        )
    owner = db_server.connect(url)
    try:
        with owner.atomic():
            for (project_id,) in owner.execute_sql("SELECT id FROM project ORDER BY id").fetchall():
                db_server.add_member(owner, project_id, role)
        yield with_database(url, urlsplit(url).path.lstrip("/"), role, password)
    finally:
        with owner.atomic():
            owner.execute_sql("DELETE FROM project_member WHERE role_name = %s", (role,))
            owner.execute_sql("DELETE FROM draft WHERE row_created_by = %s", (role,))
        owner.close()
        with contextlib.closing(_admin(admin)) as con:
            # Its sessions (the app's, the change listener's) may still be closing.
            con.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (role,),
            )
            con.execute(f"DROP ROLE IF EXISTS {role}")


def server_version(url: str) -> str:
    with contextlib.closing(_admin(url)) as con:
        return str(con.execute("SHOW server_version").fetchone()[0])
