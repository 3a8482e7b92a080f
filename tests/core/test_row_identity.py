"""Every row has an identity that is never reused (`row_uid`): new rows get one, and the
migration gives one to every row already in an older file, without stamping it changed."""

from __future__ import annotations

from pathlib import Path

from pmdesk import db
from pmdesk.models import ALL_MODELS, ActionItem, Note, Project
from tests.postgres import ScratchServer


def _step(description: str) -> db.Migration:
    return next(m for m in db.MIGRATIONS if m.description == description)


def test_new_rows_get_distinct_identities(database: Path) -> None:
    project = Project.create(name="P")
    again = Project.create(name="Q")
    assert len(project.row_uid) == 32 and project.row_uid != again.row_uid
    assert Project.get_by_id(project.id).row_uid == project.row_uid


def test_the_migration_fills_every_row_of_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    db.open_database(path)
    project = Project.create(name="P")
    meeting = project.meetings.model.create(project=project, title="Kickoff")
    for n in range(3):
        Note.create(meeting=meeting, text=f"n{n}", offset_seconds=n)
    step = _step("row identities for undo")
    connection = db.database.obj
    # As the file was before this step: no row_uid column anywhere.
    for model in ALL_MODELS:
        connection.execute_sql(f'ALTER TABLE "{model._meta.table_name}" DROP COLUMN "row_uid"')
    connection.execute_sql(f"PRAGMA user_version = {step.version - 1}")
    versions = [r[0] for r in connection.execute_sql("SELECT row_version FROM note")]
    # This step alone (later steps' changes are already in the file), then the rest.
    db.migrate(connection, [step], target=step.version)
    connection.execute_sql(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    db.close_database()

    db.open_database(path)
    try:
        uids = [n.row_uid for n in Note.select()]
        assert len(set(uids)) == 3 and all(len(u) == 32 for u in uids)
        assert Project.get_by_id(project.id).row_uid
        assert [n.row_version for n in Note.select()] == versions, "no change of the rows"
        assert db.schema_version(db.database.obj) == db.SCHEMA_VERSION
    finally:
        db.close_database()


def test_the_server_migration_fills_every_row(postgres: ScratchServer) -> None:
    from pmdesk import db_server

    from .test_team import fresh_database

    step = next(
        m for m in db_server.SERVER_MIGRATIONS if m.description == "row identities for undo"
    )
    with fresh_database(postgres) as url:
        db.open_database(url)
        server = db.database.obj
        project = Project.create(name="P")
        meeting = project.meetings.model.create(project=project, title="Kickoff")
        for n in range(3):
            Note.create(meeting=meeting, text=f"n{n}", offset_seconds=n)
        for model in ALL_MODELS:
            server.execute_sql(f'ALTER TABLE "{model._meta.table_name}" DROP COLUMN row_uid')
        server.execute_sql("UPDATE pmdesk_schema SET version = %s", (step.version - 1,))
        versions = sorted(r[0] for r in server.execute_sql("SELECT row_version FROM note"))
        db.close_database()

        db.open_database(url)
        try:
            uids = {n.row_uid for n in Note.select()}
            assert len(uids) == 3 and all(len(u) == 32 for u in uids)
            assert sorted(n.row_version for n in Note.select()) == versions
        finally:
            db.close_database()


def test_numbering_the_steps_of_an_older_file_stamps_none_changed(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    db.open_database(path)
    project = Project.create(name="P")
    steps = [ActionItem.create(project=project, title=f"s{n}") for n in range(3)]
    ActionItem.update(title="edited").where(ActionItem.id == steps[1].id).execute()
    step = _step("step numbers per project, tracker row origins")
    connection = db.database.obj
    # As the file was before this step: no step numbers, no tracker origins.
    for statement in (
        'DROP TRIGGER "action_item_number"',
        'DROP INDEX "action_item_project_id_number"',
        'ALTER TABLE "action_item" DROP COLUMN "number"',
        'ALTER TABLE "action_item" DROP COLUMN "tracker_origin"',
        f"PRAGMA user_version = {step.version - 1}",
    ):
        connection.execute_sql(statement)
    stamps = "SELECT id, row_version, row_changed_at FROM action_item ORDER BY id"
    before = list(connection.execute_sql(stamps))
    db.migrate(connection, [step], target=step.version)
    connection.execute_sql(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    assert list(connection.execute_sql(stamps)) == before, "no step stamped as changed"
    db.close_database()

    db.open_database(path)
    try:
        assert [(a.id, a.number) for a in ActionItem.select()] == [(s.id, s.id) for s in steps]
        versions = [a.row_version for a in ActionItem.select().order_by(ActionItem.id)]
        ActionItem.update(title="again").execute()
        after = [a.row_version for a in ActionItem.select().order_by(ActionItem.id)]
        assert after == [v + 1 for v in versions], "the version trigger is back"
    finally:
        db.close_database()


def test_writes_without_stamping_leave_a_table_without_trigger_as_it_was(
    tmp_path: Path,
) -> None:
    db.open_database(tmp_path / "f.db")
    connection = db.database.obj
    try:
        connection.execute_sql('DROP TRIGGER "note_row_version"')
        with db.without_stamping(connection, "note"):
            pass
        triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = ?"
        assert connection.execute_sql(triggers, ("note_row_version",)).fetchone() is None
        with db.without_stamping(connection, "project"):
            assert connection.execute_sql(triggers, ("project_row_version",)).fetchone() is None
        assert connection.execute_sql(triggers, ("project_row_version",)).fetchone()
    finally:
        db.close_database()
