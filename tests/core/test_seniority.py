"""Seniority the PM sets: people are listed by it within their role, in the window's lists
and in every client file that lists people (kickoff pack, minutes, invite, email)."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import docx
import icalendar

from pmdesk import db
from pmdesk.demo import create_demo_project
from pmdesk.exports import ExportOptions, export
from pmdesk.models import Language, Meeting, MeetingKind, Person, Project, Role, Side
from pmdesk.services import capture, people, stakeholders
from tests.postgres import ScratchServer

TODAY = dt.date(2026, 11, 27)


def leaders(project_id: int) -> list[str]:
    return [p.name for p in people.list_people(project_id) if p.role == Role.CLIENT_LEADER]


def person(project_id: int, name: str) -> Person:
    return Person.get((Person.project == project_id) & (Person.name == name))


def test_the_pm_sets_the_order_of_the_leaders_and_takes_it_back(database: Path) -> None:
    project_id = create_demo_project(Language.EN, today=TODAY)
    assert leaders(project_id) == ["David Harrington", "Helen Brooks", "Rajesh Patel"]
    rajesh = person(project_id, "Rajesh Patel")
    version = rajesh.row_version
    first = people.move(rajesh.id, -1)
    second = people.move(rajesh.id, -1)
    assert first is not None and second is not None
    assert leaders(project_id) == ["Rajesh Patel", "David Harrington", "Helen Brooks"]
    assert people.move(rajesh.id, -1) is None, "already the most senior"
    assert Person.get_by_id(rajesh.id).row_version > version, "a change like any other"
    # The leaders come first, then the client's project lead; other roles keep their order.
    everyone = [p.name for p in people.list_people(project_id)]
    assert everyone[:4] == ["Rajesh Patel", "David Harrington", "Helen Brooks", "Sarah Mitchell"]
    people.apply_seniority(second.before)
    people.apply_seniority(first.before)
    assert leaders(project_id) == ["David Harrington", "Helen Brooks", "Rajesh Patel"]


def test_a_move_passes_the_next_person_shown(database: Path) -> None:
    project_id = create_demo_project(Language.EN, today=TODAY)
    david, rajesh = person(project_id, "David Harrington"), person(project_id, "Rajesh Patel")
    # A filtered list (or a meeting's attendees) shows David and Rajesh only.
    assert people.move(rajesh.id, -1, among=[david.id, rajesh.id]) is not None
    assert leaders(project_id) == ["Rajesh Patel", "David Harrington", "Helen Brooks"]
    assert people.move(rajesh.id, 1, among=[rajesh.id]) is None


def test_a_new_person_comes_last_of_their_role(database: Path) -> None:
    project_id = create_demo_project(Language.EN, today=TODAY)
    rajesh = person(project_id, "Rajesh Patel")
    people.move(rajesh.id, -2)
    new, _changes = stakeholders.add_person(
        project_id, {"name": "Anne Quinn", "role": Role.CLIENT_LEADER.value}
    )
    assert leaders(project_id)[-1] == "Anne Quinn"
    assert new.side == Side.CLIENT


def test_client_files_list_people_by_seniority(database: Path, tmp_path: Path) -> None:
    project_id = create_demo_project(Language.EN, today=TODAY)
    people.move(person(project_id, "Helen Brooks").id, -1)
    order = ["Helen Brooks", "David Harrington", "Rajesh Patel"]

    def in_order(text: str) -> bool:
        """Helen first, then David, then Rajesh, of those the text names (two at least)."""
        positions = [text.find(name) for name in order if name in text]
        return len(positions) >= 2 and text.find(order[0]) >= 0 and positions == sorted(positions)

    kickoff = Meeting.get((Meeting.project == project_id) & (Meeting.kind == MeetingKind.KICKOFF))
    alignment = Meeting.get((Meeting.project == project_id) & (Meeting.kind == MeetingKind.OTHER))
    options = ExportOptions(Language.EN)

    pack = docx.Document(str(export("kickoff-pack", kickoff.id, tmp_path / "pack.docx", options)))
    tables = ["\n".join(c.text for r in t.rows for c in r.cells) for t in pack.tables]
    steering = [t for t in tables if "Leadership" in t]
    assert steering and in_order(steering[0]), "the project structure, sponsor first"
    attendees = [t for t in tables if "Responsibility in the meeting" in t]
    assert attendees and in_order(attendees[0]), "the attendee table"

    minutes = docx.Document(str(export("minutes", alignment.id, tmp_path / "m.docx", options)))
    table = "\n".join(c.text for t in minutes.tables for r in t.rows for c in r.cells)
    assert in_order(table), "the minutes' attendance"

    invite = icalendar.Calendar.from_ical(
        export("invite", kickoff.id, tmp_path / "i.ics", options).read_bytes()
    )
    event = next(iter(invite.walk("VEVENT")))
    names = [str(a.params["cn"]) for a in event.get("attendee")]
    assert in_order("\n".join(names)), "the invite's attendees"

    draft = email.message_from_bytes(
        export("email", alignment.id, tmp_path / "e.eml", options).read_bytes(),
        policy=policy.default,
    )
    assert in_order(str(draft["To"])), "the e-mail's recipients"
    to, _team = capture.minutes_recipients(alignment.id)
    assert [p.name for p in to if p.role == Role.CLIENT_LEADER] == order


def test_an_older_file_keeps_the_register_entry_order(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    db.open_database(path)
    project_id = create_demo_project(Language.EN, today=TODAY)
    step = next(m for m in db.MIGRATIONS if m.description.startswith("seniority set by the PM"))
    connection = db.database.obj
    versions = connection.execute_sql("SELECT id, row_version FROM person ORDER BY id").fetchall()
    # As the file was before this step; then this step alone (later steps' changes are
    # in the file already).
    connection.execute_sql('ALTER TABLE "person" DROP COLUMN "seniority"')
    connection.execute_sql('ALTER TABLE "action_item" DROP COLUMN "tracker_choices"')
    connection.execute_sql(f"PRAGMA user_version = {step.version - 1}")
    db.migrate(connection, [step], target=step.version)
    connection.execute_sql(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    db.close_database()
    db.open_database(path)
    try:
        assert db.schema_version(db.database.obj) == db.SCHEMA_VERSION
        assert leaders(project_id) == ["David Harrington", "Helen Brooks", "Rajesh Patel"]
        ranks = [p.seniority for p in Person.select().order_by(Person.id)]
        assert ranks == list(range(len(ranks))), "the entry order, per project"
        after = [(p.id, p.row_version) for p in Person.select().order_by(Person.id)]
        assert after == [tuple(v) for v in versions], "not a user's change: row versions stay"
    finally:
        db.close_database()


def test_a_person_given_another_role_comes_last_of_it_and_undo_puts_them_back(
    database: Path,
) -> None:
    project_id = create_demo_project(Language.EN, today=TODAY)
    sarah = person(project_id, "Sarah Mitchell")  # the client's project lead
    change = stakeholders.update_person(sarah.id, {"role": Role.CLIENT_LEADER.value})
    assert change is not None
    assert leaders(project_id)[-1] == "Sarah Mitchell"
    stakeholders.undo_person_change(change)
    assert Person.get_by_id(sarah.id).seniority == sarah.seniority
    assert "Sarah Mitchell" not in leaders(project_id)


def test_an_older_team_server_keeps_the_register_entry_order(postgres: ScratchServer) -> None:
    from pmdesk import db_server

    from .test_team import fresh_database

    step = next(
        m for m in db_server.SERVER_MIGRATIONS if m.description.startswith("seniority set by")
    )
    with fresh_database(postgres) as url:
        db.open_database(url)
        server = db.database.obj
        project = Project.create(name="P")
        for name in ("Sponsor", "Lead", "Staff"):
            Person.create(project=project, name=name)
        server.execute_sql("ALTER TABLE person DROP COLUMN seniority")
        server.execute_sql("ALTER TABLE action_item DROP COLUMN tracker_choices")
        server.execute_sql("UPDATE pmdesk_schema SET version = %s", (step.version - 1,))
        versions = [p.row_version for p in Person.select(Person.id, Person.row_version)]
        db.close_database()

        db.open_database(url)
        try:
            people_now = list(Person.select().order_by(Person.id))
            assert [p.seniority for p in people_now] == [0, 1, 2]
            assert sorted(p.row_version for p in people_now) == sorted(versions)
        finally:
            db.close_database()
