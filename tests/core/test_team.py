"""Team mode on a real PostgreSQL server: access by membership, conflicts, announcements,
moving a file's projects to the server. Each person connects with their own role."""

from __future__ import annotations

import contextlib
import datetime as dt
import select
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from peewee import ProgrammingError

from pmdesk import db, db_server, transfer
from pmdesk.demo import create_demo_project
from pmdesk.models import ALL_MODELS, Language, Meeting, Note, Person, Project
from pmdesk.services import capture, drafts, people, projects, stakeholders
from pmdesk.services.common import EditConflict, apply_edit, edit_fields
from tests.postgres import ScratchServer, admin_connection, with_database

TODAY = dt.date(2026, 11, 27)
#: Everything internal about a client's people, and what was said in their meetings.
PRIVATE_TABLES = ("project", "person", "note", "assessment", "meeting", "escalation_memo")


@pytest.fixture
def backend() -> str:
    return "postgresql"


@pytest.fixture
def demo(database: Path) -> int:
    """The demo project, created by the administrator (the tables' owner)."""
    return create_demo_project(Language.EN, today=TODAY)


def counts(con: Any) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PRIVATE_TABLES}


@pytest.fixture
def colleagues(demo: int, postgres: ScratchServer) -> tuple[tuple[str, str], tuple[str, str]]:
    """Alice and Bob, both members of the demo project: (name, password) each."""
    alice, bob = postgres.new_role("alice"), postgres.new_role("bob")
    for role in (alice, bob):
        db_server.add_member(db.database.obj, demo, role[0])
    return alice, bob


@contextlib.contextmanager
def app_as(server: ScratchServer, role: tuple[str, str]) -> Iterator[None]:
    """pmdesk itself, connected under `role` (the admin's connection is put back after)."""
    db.close_database()
    db.open_database(server.url_as(*role))
    try:
        yield
    finally:
        db.close_database()
        db.open_database(server.url)


def test_a_consultant_not_on_the_project_cannot_read_its_people_or_notes(
    demo: int, postgres: ScratchServer
) -> None:
    member, outsider = postgres.new_role("pm"), postgres.new_role("consultant")
    db_server.add_member(db.database.obj, demo, member[0])
    with postgres.connected_as(member) as con:
        seen = counts(con)
    assert all(seen[t] > 0 for t in PRIVATE_TABLES if t != "escalation_memo")
    with postgres.connected_as(outsider) as con:
        assert counts(con) == dict.fromkeys(PRIVATE_TABLES, 0)
        # Nor can they write into it, or make themselves a member.
        for statement in (
            f"INSERT INTO person (project_id, name, side, role, influence, interest) "
            f"VALUES ({demo}, 'Intruder', 'client', 'client_leader', 3, 3)",
            f"INSERT INTO project_member (project_id, role_name) VALUES ({demo}, current_user)",
            f"UPDATE person SET name = 'x' WHERE project_id = {demo}",
        ):
            with pytest.raises(Exception, match=r"row-level security|0 rows") as caught:
                cur = con.execute(statement)
                if cur.rowcount == 0:
                    raise RuntimeError("0 rows")
            assert caught.value is not None
            con.rollback()
    with app_as(postgres, outsider):
        assert projects.list_projects() == []
        assert db.user() == outsider[0]
    with app_as(postgres, member):
        assert [p.id for p in projects.list_projects()] == [demo]


def test_a_project_belongs_to_its_creator_who_adds_colleagues(
    database: Path, postgres: ScratchServer
) -> None:
    pm, colleague = postgres.new_role("pm"), postgres.new_role("consultant")
    with app_as(postgres, pm):
        project, _ = projects.create_project(name="Supplier portal", client_org="Acme")
        stakeholders.add_person(project.id, {"name": "Dana Li"})
        assert Project.get_by_id(project.id).row_created_by == pm[0]
    with app_as(postgres, colleague):
        assert projects.list_projects() == []
    with app_as(postgres, pm):
        with db.transaction():
            assert db_server.add_member(db.database.obj, project.id, colleague[0])
        assert [m.role_name for m in db_server.members(db.database.obj, project.id)] == [
            colleague[0]
        ]
    with app_as(postgres, colleague):
        assert [p.name for p in projects.list_projects()] == ["Supplier portal"]
        assert [p.name for p in people.list_people(project.id)] == ["Dana Li"]


def test_the_second_save_is_told_who_changed_the_record_and_can_overwrite(
    demo: int,
    postgres: ScratchServer,
    colleagues: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    alice, bob = colleagues
    with app_as(postgres, alice):
        person = Person.select().where(Person.project == demo).first()
        seen = person.row_version  # Alice opens the person…
        with postgres.connected_as(bob) as con:  # …Bob saves a change meanwhile
            con.execute("UPDATE person SET title = 'Group CFO' WHERE id = %s", (person.id,))
            con.commit()
        with pytest.raises(EditConflict) as caught:
            edit_fields(Person, person.id, {"title": "CFO (acting)"}, version=seen)
        conflict = caught.value
        assert conflict.changed_by == bob[0] and bob[0] in str(conflict)
        assert conflict.changed_at is not None
        assert Person.get_by_id(person.id).title == "Group CFO"  # nothing lost
        edit_fields(Person, person.id, {"title": "CFO (acting)"}, version=conflict.version)
        saved = Person.get_by_id(person.id)
        assert saved.title == "CFO (acting)" and saved.row_changed_by == alice[0]


def test_every_change_is_announced_to_other_sessions(demo: int, postgres: ScratchServer) -> None:
    meeting = Meeting.select().where(Meeting.project == demo).first()
    listener: Any = admin_connection(postgres.url)
    try:
        db_server.follow_projects(listener)  # the project's own channel
        capture.commit_note(meeting.id, "Announced to everyone", now=dt.datetime(2026, 11, 27))
        select.select([listener.fileno()], [], [], 5)
        payloads = [n.payload for n in listener.notifies(timeout=0.5, stop_after=10)]
    finally:
        listener.close()
    own_pid = db.database.obj.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    assert f"{own_pid} note" in payloads


def test_drafts_are_each_persons_own(
    demo: int,
    postgres: ScratchServer,
    colleagues: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    alice, bob = colleagues
    key = "capture:1"
    with app_as(postgres, alice):
        drafts.save(key, "Alice is typing", demo)
    with app_as(postgres, bob):
        assert drafts.load(key) is None
        drafts.save(key, "Bob too", demo)
        assert drafts.load(key).text == "Bob too"
    with app_as(postgres, alice):
        assert drafts.load(key).text == "Alice is typing"


def test_migrate_to_copies_projects_with_new_ids_and_checks_the_counts(
    tmp_path: Path, postgres: ScratchServer
) -> None:
    source = tmp_path / "laptop.db"
    db.open_database(source)
    first = create_demo_project(Language.EN, today=TODAY)
    second = create_demo_project(Language.ZH_CN, today=TODAY)
    expected = {m: m.select().count() for m in ALL_MODELS}
    db.close_database()

    db.open_database(postgres.url)  # the server already holds a project of its own
    projects.create_project(name="Already there")
    db.close_database()

    report = transfer.write_to_server(postgres.url, transfer.read_projects(source, [second]))
    assert all(c.read == c.written for c in report)
    db.open_database(postgres.url)
    try:
        names = [p.name for p in projects.list_projects()]
        assert "Already there" in names and len(names) == 2
        moved = Project.get(Project.name != "Already there")
        notes = Note.select().join(Meeting).where(Meeting.project == moved.id).count()
        assert notes == next(c.read for c in report if c.table == "note") > 0
        # Every reference points inside the moved project.
        for person in Person.select().where(Person.project == moved.id):
            assert person.project_id == moved.id
    finally:
        db.close_database()
    db.open_database(source)  # the file is left as it was
    try:
        assert {m: m.select().count() for m in ALL_MODELS} == expected
        assert first != second
    finally:
        db.close_database()


def test_undo_does_not_take_back_a_colleagues_later_change(
    demo: int,
    postgres: ScratchServer,
    colleagues: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    alice, bob = colleagues
    with app_as(postgres, alice):
        person = Person.select().where(Person.project == demo).first()
        edit = edit_fields(Person, person.id, {"title": "Alice's title", "org_unit": "Finance"})
        with postgres.connected_as(bob) as con:  # Bob changes the title, not the unit
            con.execute("UPDATE person SET title = 'Bob''s title' WHERE id = %s", (person.id,))
            con.commit()
        with pytest.raises(EditConflict):
            apply_edit(edit.inverse())
        assert Person.get_by_id(person.id).title == "Bob's title"
        unit_only = edit_fields(Person, person.id, {"org_unit": "Group Finance"})
        apply_edit(unit_only.inverse())  # nobody else touched the unit: undo works
        assert Person.get_by_id(person.id).org_unit == "Finance"


@contextlib.contextmanager
def fresh_database(server: ScratchServer) -> Iterator[str]:
    """A database of its own (for tests that change its schema), as the admin."""
    name = f"{server.name}_own"
    admin: Any = admin_connection(server.admin)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(server.admin, name)
    finally:
        db.close_database()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_the_server_schema_is_versioned_and_migrated_like_a_file(
    postgres: ScratchServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fresh_database(postgres) as url:
        db.open_database(url)
        assert db_server.schema_version(db.database.obj) == db.SCHEMA_VERSION
        db.close_database()
        step = db_server.ServerMigration(
            db.SCHEMA_VERSION + 1,
            "a later schema",
            ("ALTER TABLE project ADD COLUMN later_field integer NOT NULL DEFAULT 7",),
        )
        monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
        monkeypatch.setattr(db_server, "SERVER_MIGRATIONS", [step])
        db.open_database(url)
        server = db.database.obj
        assert db_server.schema_version(server) == db.SCHEMA_VERSION
        assert server.execute_sql("SELECT count(later_field) FROM project").fetchone() == (0,)
        server.execute_sql("UPDATE pmdesk_schema SET version = 99")
        db.close_database()
        with pytest.raises(db.SchemaTooNew, match="schema 99"):
            db.open_database(url)


def test_a_member_attaches_a_file_removes_it_and_undo_puts_it_back(
    demo: int,
    postgres: ScratchServer,
    colleagues: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    """A stored file is the project's once a material uses it: the member who uploaded it
    and the colleague both see it; undo of its removal puts it back with its id."""
    from pmdesk.models import Attachment, Material
    from pmdesk.services import kickoff

    alice, bob = colleagues
    material = Material.select().where(Material.project == demo).first()
    with app_as(postgres, alice):
        swap = kickoff.attach_file(material.id, "plan.pdf", b"%PDF plan")
        removed = kickoff.remove_file(material.id)
        assert not Attachment.select().where(Attachment.id == swap.after["id"]).exists()
        kickoff.apply_file_swap(removed.inverse())  # undo
    with app_as(postgres, bob):
        assert Material.get_by_id(material.id).attachment.data == b"%PDF plan"
    owner = db.database.obj.execute_sql(
        "SELECT pmdesk_project_id FROM attachment WHERE id = %s", (swap.after["id"],)
    ).fetchone()
    assert owner == (demo,)


def test_only_the_creator_deletes_a_project_with_all_it_holds(
    postgres: ScratchServer, database: Path
) -> None:
    """Alice's own demo project: bob, a member, cannot delete it; alice can, and every
    row and file of it goes (the cascades pass the reference checks)."""
    alice, bob = postgres.new_role("alice"), postgres.new_role("bob")
    with app_as(postgres, alice):
        project = create_demo_project(Language.EN, today=TODAY)
        db_server.add_member(db.database.obj, project, bob[0])
    with app_as(postgres, bob):
        with pytest.raises(ProgrammingError, match="only its creator or the administrator"):
            projects.delete_project(project)
        assert Project.select().where(Project.id == project).exists()
    with app_as(postgres, alice):
        projects.delete_project(project)
    for model in ALL_MODELS:
        assert model.select().count() == 0, model._meta.table_name
    assert db.database.obj.execute_sql("SELECT count(*) FROM pmdesk_channel").fetchone() == (0,)


def test_the_listener_follows_the_projects_one_joins_and_leaves(
    demo: int,
    postgres: ScratchServer,
    colleagues: tuple[tuple[str, str], tuple[str, str]],
) -> None:
    alice, _bob = colleagues
    with postgres.connected_as(alice) as listener:
        listener.autocommit = True

        def channels() -> set[str]:
            db_server.follow_projects(listener)
            return {r[0] for r in listener.execute("SELECT pg_listening_channels()")}

        first = channels()
        assert len(first) == 1
        other = create_demo_project(Language.EN, today=TODAY)
        db_server.add_member(db.database.obj, other, alice[0])
        assert len(channels()) == 2 and first < channels()
        db_server.remove_member(db.database.obj, other, alice[0])
        assert channels() == first
