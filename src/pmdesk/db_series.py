"""Schema for meeting series, carry-over, the decision log, approval and search.

Frozen DDL of the step that added them (a file's migration and the server's must not
follow later models), and the search index: in a file an FTS5 table with the trigram
tokenizer kept by triggers in the same transaction as each edit; on a team server
trigram indexes (`pg_trgm`) over the tables themselves, so row-level security applies to
search as to everything else.
"""

from __future__ import annotations

#: Search kinds and their code in the index's rowid (`record id * 16 + code`), so an
#: edit replaces its entry by rowid instead of scanning the index.
SEARCH_CODES = {
    "note": 1,
    "meeting": 2,
    "agenda_item": 3,
    "action_item": 4,
    "person": 5,
    "follow_up": 6,
}

_TABLES = (
    'CREATE TABLE "meeting_series" ("id" {serial} NOT NULL PRIMARY KEY, '
    '"row_version" INTEGER NOT NULL DEFAULT 1, '
    "\"row_created_by\" VARCHAR(120) NOT NULL DEFAULT '', "
    '"row_changed_by" VARCHAR(120) NOT NULL DEFAULT \'\', "row_changed_at" {datetime}, '
    '"project_id" INTEGER NOT NULL, "title" VARCHAR(300) NOT NULL, '
    '"kind" VARCHAR(32) NOT NULL, "cadence" VARCHAR(32) NOT NULL, '
    '"agenda_template" TEXT NOT NULL, "ical_uid" VARCHAR(120) NOT NULL, '
    '"created_at" {datetime} NOT NULL, '
    'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, '
    "CHECK (length(trim(\"title\", ' \t\n\r\u3000')) > 0), "
    "CHECK (\"kind\" IS NULL OR \"kind\" IN ('kickoff', 'progress_review', "
    "'deliverable_review', 'one_on_one', 'other')), "
    "CHECK (\"cadence\" IS NULL OR \"cadence\" IN ('weekly', 'fortnightly', 'monthly', "
    "'manual')))",
    'CREATE INDEX "meeting_series_project_id" ON "meeting_series" ("project_id")',
    'CREATE TABLE "decision" ("id" {serial} NOT NULL PRIMARY KEY, '
    '"row_version" INTEGER NOT NULL DEFAULT 1, '
    "\"row_created_by\" VARCHAR(120) NOT NULL DEFAULT '', "
    '"row_changed_by" VARCHAR(120) NOT NULL DEFAULT \'\', "row_changed_at" {datetime}, '
    '"project_id" INTEGER NOT NULL, "note_id" INTEGER NOT NULL, '
    '"status" VARCHAR(32) NOT NULL, "superseded_by_id" INTEGER, "decided_by_id" INTEGER, '
    '"changed_on" DATE, "comment" TEXT NOT NULL, '
    'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("note_id") REFERENCES "note" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("superseded_by_id") REFERENCES "note" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("decided_by_id") REFERENCES "person" ("id") ON DELETE SET NULL, '
    "CHECK (\"status\" IS NULL OR \"status\" IN ('active', 'superseded', 'revoked')))",
    'CREATE INDEX "decision_project_id" ON "decision" ("project_id")',
    'CREATE UNIQUE INDEX "decision_note_id" ON "decision" ("note_id")',
    'CREATE INDEX "decision_superseded_by_id" ON "decision" ("superseded_by_id")',
    'CREATE INDEX "decision_decided_by_id" ON "decision" ("decided_by_id")',
    'CREATE TABLE "carry_over" ("id" {serial} NOT NULL PRIMARY KEY, '
    '"row_version" INTEGER NOT NULL DEFAULT 1, '
    "\"row_created_by\" VARCHAR(120) NOT NULL DEFAULT '', "
    '"row_changed_by" VARCHAR(120) NOT NULL DEFAULT \'\', "row_changed_at" {datetime}, '
    '"project_id" INTEGER NOT NULL, "meeting_id" INTEGER NOT NULL, '
    '"kind" VARCHAR(32) NOT NULL, "action_item_id" INTEGER, "note_id" INTEGER, '
    '"agenda_item_id" INTEGER, "from_meeting_id" INTEGER, "outcome" VARCHAR(32) NOT NULL, '
    '"position" INTEGER NOT NULL, '
    'FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("action_item_id") REFERENCES "action_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("note_id") REFERENCES "note" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("from_meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL, '
    "CHECK (\"kind\" IS NULL OR \"kind\" IN ('action', 'note', 'agenda_item')), "
    "CHECK (\"outcome\" IS NULL OR \"outcome\" IN ('pending', 'resolved', 'kept', "
    "'dropped')))",
    'CREATE INDEX "carry_over_project_id" ON "carry_over" ("project_id")',
    'CREATE INDEX "carry_over_meeting_id" ON "carry_over" ("meeting_id")',
    'CREATE INDEX "carry_over_action_item_id" ON "carry_over" ("action_item_id")',
    'CREATE INDEX "carry_over_note_id" ON "carry_over" ("note_id")',
    'CREATE INDEX "carry_over_agenda_item_id" ON "carry_over" ("agenda_item_id")',
    'CREATE INDEX "carry_over_from_meeting_id" ON "carry_over" ("from_meeting_id")',
    'ALTER TABLE "meeting" ADD COLUMN "series_id" INTEGER '
    'REFERENCES "meeting_series" ("id") ON DELETE SET NULL',
    'CREATE INDEX "meeting_series_id" ON "meeting" ("series_id")',
    'ALTER TABLE "agenda_item" ADD COLUMN "continue_next_time" {boolean} NOT NULL DEFAULT {false}',
    'ALTER TABLE "agenda_item" ADD COLUMN "seconds_used" INTEGER NOT NULL DEFAULT 0 '
    'CHECK ("seconds_used" >= 0)',
    'ALTER TABLE "minutes_distribution" ADD COLUMN "approval" VARCHAR(32) NOT NULL '
    'DEFAULT \'pending\' CHECK ("approval" IS NULL OR "approval" IN '
    "('pending', 'approved', 'returned'))",
    'ALTER TABLE "minutes_distribution" ADD COLUMN "approved_by" VARCHAR(200) NOT NULL '
    "DEFAULT ''",
    'ALTER TABLE "minutes_distribution" ADD COLUMN "approved_at" {datetime}',
    'ALTER TABLE "minutes_distribution" ADD COLUMN "approval_comments" TEXT NOT NULL DEFAULT \'\'',
)

NEW_TABLES = ("meeting_series", "decision", "carry_over")


def file_statements() -> list[str]:
    """The step's DDL for a file."""
    words = {"serial": "INTEGER", "datetime": "DATETIME", "boolean": "INTEGER", "false": "0"}
    return [s.format(**words) for s in _TABLES]


def server_statements() -> list[str]:
    """The step's DDL for a server (policies and triggers are added by db_server)."""
    words = {"serial": "SERIAL", "datetime": "TIMESTAMP", "boolean": "BOOLEAN", "false": "false"}
    # Repeatable: a server whose tables were made from newer models has them already.
    out = []
    for statement in _TABLES:
        for plain, guarded in (
            ("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "),
            ("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "),
            ("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS "),
            ("ADD COLUMN ", "ADD COLUMN IF NOT EXISTS "),
        ):
            if statement.startswith(plain) or plain == "ADD COLUMN ":
                statement = statement.replace(plain, guarded, 1)
        out.append(statement.format(**words))
    return out


# -- the file's search index ----------------------------------------------------------

#: For each indexed table: its text, its project, whether it is internal, its kind.
_SOURCES = {
    "note": (
        "NEW.text",
        "(SELECT project_id FROM meeting WHERE id = NEW.meeting_id)",
        "NEW.internal",
        "CASE NEW.kind WHEN 'decision' THEN 'decision' ELSE 'note' END",
        ("text", "kind", "internal", "meeting_id"),
    ),
    "meeting": (
        "NEW.title || ' ' || NEW.venue",
        "NEW.project_id",
        "0",
        "'meeting'",
        ("title", "venue", "project_id"),
    ),
    "agenda_item": (
        "NEW.title",
        "(SELECT project_id FROM meeting WHERE id = NEW.meeting_id)",
        "0",
        "'agenda_item'",
        ("title", "meeting_id"),
    ),
    "action_item": (
        "NEW.title || ' ' || NEW.next_step || ' ' || NEW.client_comment",
        "NEW.project_id",
        "0",
        "'action_item'",
        ("title", "next_step", "client_comment", "project_id"),
    ),
    "person": (
        "NEW.name || ' ' || NEW.title || ' ' || NEW.org_unit || ' ' || NEW.email",
        "NEW.project_id",
        "0",
        "'person'",
        ("name", "title", "org_unit", "email", "project_id"),
    ),
    # Private follow-ups (表扬在公开, 跟进在私下): always internal.
    "follow_up": (
        "NEW.reason || ' ' || NEW.outcome",
        "NEW.project_id",
        "1",
        "'follow_up'",
        ("reason", "outcome", "project_id"),
    ),
}

SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5("
    "body, kind UNINDEXED, record_id UNINDEXED, project_id UNINDEXED, internal UNINDEXED, "
    "tokenize = 'trigram')"
)


def _insert(table: str, new: str = "NEW") -> str:
    body, project, internal, kind, _ = _SOURCES[table]
    code = SEARCH_CODES[table]
    values = ", ".join(
        part.replace("NEW.", f"{new}.")
        for part in (f"NEW.id * 16 + {code}", body, kind, "NEW.id", project, internal)
    )
    return (
        "INSERT INTO search_index (rowid, body, kind, record_id, project_id, internal) "
        f"VALUES ({values});"
    )


def search_triggers() -> list[str]:
    """Triggers that keep `search_index` in step with every insert, edit and delete."""
    out = []
    for table, (*_, columns) in _SOURCES.items():
        code = SEARCH_CODES[table]
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 16 + {code};"
        out += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_search_insert AFTER INSERT ON {table} "
            f"BEGIN {_insert(table)} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_search_update "
            f"AFTER UPDATE OF {', '.join(columns)} ON {table} BEGIN {delete} {_insert(table)} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_search_delete AFTER DELETE ON {table} "
            f"BEGIN {delete} END",
        ]
    return out


def build_search_index() -> list[str]:
    """Statements that index every existing row (the migration runs them once)."""
    out = ["DELETE FROM search_index"]
    for table in _SOURCES:
        insert = _insert(table, new="t")
        columns, _, values = insert.partition(" VALUES (")
        out.append(f"{columns} SELECT {values.rstrip(');')} FROM {table} t")
    return out


# -- the server's search ----------------------------------------------------------------

#: Trigram indexes for the server's ILIKE search, created only where pg_trgm is installed.
SERVER_SEARCH = (
    """DO $$ BEGIN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
            RAISE WARNING 'pg_trgm is not available: search reads the tables without it';
        END;
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX IF NOT EXISTS note_text_trgm ON note USING gin (text gin_trgm_ops);
            CREATE INDEX IF NOT EXISTS action_item_title_trgm ON action_item
                USING gin (title gin_trgm_ops);
        END IF;
    END $$""",
)
