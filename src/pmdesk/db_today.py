"""Schema for the Today marks (done, snoozed, dismissed), each person's own.

Frozen DDL of the step that added them: a file's migration and the server's must not
follow later models. The server's policy (your own rows only) is db_server's.
"""

from __future__ import annotations

TABLE = "today_state"

_DDL = (
    'CREATE TABLE "today_state" ("id" {serial} NOT NULL PRIMARY KEY, '
    '"row_version" INTEGER NOT NULL DEFAULT 1, "row_uid" VARCHAR(32) NOT NULL DEFAULT \'\', '
    "\"row_created_by\" VARCHAR(120) NOT NULL DEFAULT '', "
    '"row_changed_by" VARCHAR(120) NOT NULL DEFAULT \'\', "row_changed_at" {datetime}, '
    '"key" VARCHAR(300) NOT NULL, "project_id" INTEGER NOT NULL, "mark" VARCHAR(32) NOT NULL, '
    '"until" DATE, "reason" TEXT NOT NULL, "marked_at" {datetime} NOT NULL, '
    'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, '
    "CHECK (\"mark\" IS NULL OR \"mark\" IN ('done', 'snoozed', 'dismissed')))",
    'CREATE INDEX "today_state_project_id" ON "today_state" ("project_id")',
    'CREATE UNIQUE INDEX "today_state_key_row_created_by" '
    'ON "today_state" ("key", "row_created_by")',
)


def file_statements() -> list[str]:
    """The step's DDL for a file."""
    return [s.format(serial="INTEGER", datetime="DATETIME") for s in _DDL]


def server_statements() -> list[str]:
    """The step's DDL for a server; repeatable (a server whose tables were made from
    newer models has them already)."""
    out = []
    for statement in _DDL:
        statement = statement.format(serial="SERIAL", datetime="TIMESTAMP")
        for plain, guarded in (
            ("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "),
            ("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS "),
            ("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "),
        ):
            if statement.startswith(plain):
                statement = guarded + statement[len(plain) :]
                break
        out.append(statement)
    return out
