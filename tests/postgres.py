"""A throwaway pmdesk database on the PostgreSQL server named by PMDESK_TEST_POSTGRES."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

ADMIN_ENV = "PMDESK_TEST_POSTGRES"
REQUIRE_ENV = "PMDESK_REQUIRE_POSTGRES"


def admin_url() -> str:
    url = os.environ.get(ADMIN_ENV, "")
    if not url:
        message = f"no PostgreSQL server for tests ({ADMIN_ENV} is not set)"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(message)
        pytest.skip(message)
    return url


def with_database(url: str, name: str, user: str | None = None, password: str = "") -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    if user is not None:
        netloc = f"{user}:{password}@{netloc}" if password else f"{user}@{netloc}"
    else:
        netloc = parts.netloc
    return urlunsplit((parts.scheme, netloc, f"/{name}", parts.query, ""))


def admin_connection(url: str) -> object:
    from pmdesk.db_server import load_driver

    return load_driver().connect(url, autocommit=True)


@dataclass
class ScratchServer:
    """One database for the whole session; `url` connects as the admin (its owner)."""

    admin: str
    name: str
    roles: list[str] = field(default_factory=list)
    _admin_connection: object = None

    @property
    def url(self) -> str:
        return with_database(self.admin, self.name)

    def empty(self) -> None:
        """Remove every row and restart the ids (DELETE: TRUNCATE takes 0.2 s a time)."""
        from pmdesk.models import ALL_MODELS

        statements = ["SET LOCAL session_replication_role = replica"]  # no FK triggers
        for table in [
            "project_member",
            "pmdesk_channel",
            *(m._meta.table_name for m in ALL_MODELS),
        ]:
            statements.append(f'DELETE FROM "{table}"')
        for model in ALL_MODELS:
            if model._meta.primary_key is not False:
                table = model._meta.table_name
                statements.append(f"ALTER SEQUENCE {table}_id_seq RESTART")
        con = self._connection()
        with con.transaction():  # type: ignore[attr-defined]
            for statement in statements:
                con.execute(statement)  # type: ignore[attr-defined]

    def empty_if_created(self) -> None:
        """Empty the tables, if a test has created them yet."""
        con: Any = self._connection()
        if con.execute("SELECT to_regclass('pmdesk_schema')").fetchone()[0] is not None:
            self.empty()

    def _connection(self) -> object:
        if self._admin_connection is None:
            self._admin_connection = admin_connection(self.url)
        return self._admin_connection

    def close(self) -> None:
        if self._admin_connection is not None:
            self._admin_connection.close()  # type: ignore[attr-defined]
            self._admin_connection = None

    def new_role(self, prefix: str, *, member: bool = True) -> tuple[str, str]:
        """A login role, in the pmdesk member group unless `member` is False:
        (name, password); dropped at the end."""
        name = f"{prefix}_{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(12)
        group = " IN ROLE pmdesk_member" if member else ""
        with contextlib.closing(admin_connection(self.admin)) as con:  # type: ignore[type-var]
            con.execute(  # type: ignore[attr-defined]
                f"CREATE ROLE {name} LOGIN PASSWORD '{password}'{group}"
            )
        self.roles.append(name)
        return name, password

    @contextlib.contextmanager
    def connected_as(self, role: tuple[str, str]) -> Iterator[Any]:
        """A plain psycopg connection under `role`: what psql would see."""
        con: Any = admin_connection(self.url_as(*role))
        try:
            yield con
        finally:
            con.close()

    def url_as(self, role: str, password: str) -> str:
        return with_database(self.admin, self.name, role, password)


@contextlib.contextmanager
def scratch_server() -> Iterator[ScratchServer]:
    admin = admin_url()
    name = f"pmdesk_test_{os.getpid()}_{secrets.token_hex(3)}"
    with contextlib.closing(admin_connection(admin)) as con:  # type: ignore[type-var]
        con.execute(  # type: ignore[attr-defined]
            "DO $$ BEGIN CREATE ROLE pmdesk_member NOLOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
        con.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
        # Throwaway data: no need to wait for the disk on every commit.
        con.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')  # type: ignore[attr-defined]
    server = ScratchServer(admin, name)
    try:
        yield server
    finally:
        from pmdesk import db

        db.close_database()
        server.close()
        with contextlib.closing(admin_connection(admin)) as con:  # type: ignore[type-var]
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
            for role in server.roles:
                con.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[attr-defined]
