"""The demo project for fixtures: made once per session and backend, copied after.

Creating the demo takes most of a second (more on PostgreSQL, whose triggers check and
stamp every row), and some 250 tests start from it. The fixtures that only need it as
data call `demo_project`: the first call on a backend creates it with
`create_demo_project`, later calls into an empty database put the same rows back — on
SQLite the file's pages through the backup API, on PostgreSQL every table's rows through
COPY with triggers off (as a data-only restore does), sequences included. The tests of
the demo itself call `create_demo_project`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.models import Language, Project


@dataclass
class _Rows:
    """One backend's demo: the project id and what puts its rows back."""

    project_id: int
    pages: sqlite3.Connection | None = None
    tables: dict[str, bytes] = field(default_factory=dict)
    sequences: dict[str, tuple[int, bool]] = field(default_factory=dict)


_MADE: dict[tuple[str, str, dt.date], _Rows] = {}


def demo_project(language: Language = Language.EN, *, today: dt.date) -> int:
    """`create_demo_project(language, today=today)` in the open database; its id."""
    connection = db.database.obj
    server = db.is_server()
    key = (
        f"postgresql/{connection.database}" if server else "sqlite",
        Language(language).value,
        today,
    )
    if Project.select().exists():  # not an empty database: nothing to copy over
        return create_demo_project(language, today=today)
    made = _MADE.get(key)
    if made is None:
        project_id = create_demo_project(language, today=today)
        _MADE[key] = _server_rows(project_id) if server else _file_pages(project_id)
        return project_id
    if server:
        _put_back_server_rows(made)
    else:
        assert made.pages is not None
        made.pages.backup(connection.connection())
    return made.project_id


def _file_pages(project_id: int) -> _Rows:
    pages = sqlite3.connect(":memory:")
    db.database.obj.connection().backup(pages)
    return _Rows(project_id, pages=pages)


def _tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
        "AND table_type = 'BASE TABLE' AND table_name <> 'pmdesk_schema' ORDER BY 1"
    )
    return [row[0] for row in cursor.fetchall()]


def _server_rows(project_id: int) -> _Rows:
    rows = _Rows(project_id)
    with db.database.obj.connection().cursor() as cursor:
        for table in _tables(cursor):
            with cursor.copy(f'COPY public."{table}" TO STDOUT (FORMAT binary)') as copy:
                rows.tables[table] = b"".join(bytes(chunk) for chunk in copy)
        cursor.execute(
            "SELECT schemaname || '.' || sequencename, last_value, last_value IS NOT NULL "
            "FROM pg_sequences WHERE schemaname = 'public'"
        )
        for name, last_value, called in cursor.fetchall():
            rows.sequences[name] = (int(last_value or 1), bool(called))
    db.database.obj.connection().commit()
    return rows


def _put_back_server_rows(rows: _Rows) -> None:
    with db.database.obj.atomic():
        cursor = db.database.obj.connection().cursor()
        cursor.execute("SET LOCAL session_replication_role = replica")  # no triggers
        for table, data in rows.tables.items():
            cursor.execute(f'DELETE FROM public."{table}"')
            with cursor.copy(f'COPY public."{table}" FROM STDIN (FORMAT binary)') as copy:
                copy.write(data)
        for name, (last_value, called) in rows.sequences.items():
            cursor.execute("SELECT setval(%s, %s, %s)", (name, last_value, called))
