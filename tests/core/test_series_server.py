"""Series, decisions and search on a team server: row-level security and the migration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pmdesk import db, db_server
from pmdesk.demo import create_demo_project
from pmdesk.models import Language, Note
from pmdesk.services import decisions, search, series
from tests.core.test_team import app_as, fresh_database
from tests.postgres import ScratchServer

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def backend() -> str:
    return "postgresql"


def test_a_member_finds_only_what_row_level_security_lets_them_see(
    database: Path, postgres: ScratchServer
) -> None:
    demo = create_demo_project(Language.EN, today=TODAY)
    member, outsider = postgres.new_role("pm"), postgres.new_role("consultant")
    db_server.add_member(db.database.obj, demo, member[0])
    with app_as(postgres, member):
        hits = search.search("go-live")
        assert {h.kind for h in hits} == {search.HitKind.DECISION}
        assert decisions.list_decisions(demo)
        (weekly,) = series.list_series(demo)
        meeting, _ = series.plan_next_meeting(weekly.id)
        assert series.carried_items(meeting.id)
        # What the member adds is found at once, in their own transaction.
        note = Note.create(meeting=meeting.id, text="Steering committee moves to Shanghai")
        assert [h.record_id for h in search.search("Shanghai")] == [note.id]
    with app_as(postgres, outsider):
        assert search.search("go-live") == []
        assert search.search("预算") == []
        assert series.list_series(demo) == []


def test_a_schema_5_server_is_migrated_with_policies_and_search(
    postgres: ScratchServer,
) -> None:
    with fresh_database(postgres) as url:
        db.open_database(url)
        server = db.database.obj
        # Take the schema back to 5: what step 6 adds is gone.
        for statement in (
            "DROP TABLE carry_over, decision CASCADE",
            "ALTER TABLE meeting DROP COLUMN series_id",
            "DROP TABLE meeting_series",
            "ALTER TABLE agenda_item DROP COLUMN continue_next_time, DROP COLUMN seconds_used",
            "ALTER TABLE minutes_distribution DROP COLUMN approval, DROP COLUMN approved_by, "
            "DROP COLUMN approved_at, DROP COLUMN approval_comments",
            "DROP INDEX note_text_trgm",
            "UPDATE pmdesk_schema SET version = 5",
        ):
            server.execute_sql(statement)
        db.close_database()
        db.open_database(url)
        server = db.database.obj
        assert db_server.schema_version(server) == db.SCHEMA_VERSION
        policies = {
            row[0]
            for row in server.execute_sql(
                "SELECT tablename FROM pg_policies WHERE policyname = 'project_access'"
            ).fetchall()
        }
        assert {"meeting_series", "decision", "carry_over"} <= policies
        assert server.execute_sql("SELECT to_regclass('note_text_trgm')").fetchone()[0]
        demo = create_demo_project(Language.ZH_CN, today=TODAY)
        assert search.search("预算", project_id=demo)
        db.close_database()
