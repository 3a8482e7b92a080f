"""The data layer: what a PM relies on when pmdesk opens, saves, upgrades and backs up.

Every test works on its own temporary file. Files are compared as full table dumps (every
column of every row), so "kept" means kept with the same values, not just the same count.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import random
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from peewee import IntegrityError, SqliteDatabase

from pmdesk import db
from pmdesk.models import (
    ALL_MODELS,
    ActionItem,
    AgendaItem,
    Assessment,
    Attachment,
    Attendee,
    CarryOver,
    ChangeRecord,
    ChecklistItem,
    CoachingSession,
    Decision,
    Draft,
    EscalationMemo,
    FollowUp,
    LeaderPriority,
    LeaderPriorityNote,
    LeadRequest,
    Material,
    Meeting,
    MeetingSeries,
    MilestoneReview,
    MinutesDistribution,
    Note,
    Outcome,
    Person,
    Project,
    Purpose,
    PurposeNote,
    ScopeItem,
    StatusReport,
    TodayState,
    database,
)

DATA = Path(__file__).resolve().parent.parent / "data"
SCHEMA_V1 = DATA / "schema_v1.sql"
SAMPLE_V1_ROWS = DATA / "db_v1_sample_rows.sql"

MODEL_TABLES = {m._meta.table_name for m in ALL_MODELS}
#: Tables of the first schema (later versions added the rest).
V1_TABLES = set(re.findall(r'CREATE TABLE "(\w+)"', SCHEMA_V1.read_text(encoding="utf-8")))

Dump = dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]]


# --- helpers -------------------------------------------------------------------------


@contextlib.contextmanager
def sqlite_file(path: Path, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection, as another tool would open the file.

    Read-write on purpose: a read-only connection to a WAL file leaves -wal/-shm behind.
    """
    assert create or path.is_file(), path
    con = sqlite3.connect(path)
    try:
        yield con
    finally:
        con.close()


def table_names(con: sqlite3.Connection) -> list[str]:
    rows = con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name"  # the index is derived (db_series)
    ).fetchall()
    return [name for (name,) in rows]


def column_names(con: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in con.execute(f'PRAGMA table_info("{table}")'))


def dump(con: sqlite3.Connection, columns: dict[str, tuple[str, ...]] | None = None) -> Dump:
    """Every row of every table, in a stable order; optionally only the given tables' columns."""
    out: Dump = {}
    for table in table_names(con):
        if columns is not None and table not in columns:
            continue
        cols = columns[table] if columns is not None else column_names(con, table)
        col_sql = ", ".join(f'"{c}"' for c in cols)
        order = ", ".join(str(i + 1) for i in range(len(cols)))
        rows = con.execute(f'SELECT {col_sql} FROM "{table}" ORDER BY {order}').fetchall()
        out[table] = (cols, rows)
    return out


def row_counts(con: sqlite3.Connection) -> dict[str, int]:
    return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in table_names(con)}


def pragma(con: sqlite3.Connection | SqliteDatabase, name: str) -> Any:
    if isinstance(con, SqliteDatabase):
        con = con.connection()
    return con.execute(f"PRAGMA {name}").fetchone()[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_v1_file(path: Path) -> None:
    """A version-1 pmdesk file as the first release left it, with rows in every table."""
    with sqlite_file(path, create=True) as con:
        con.executescript(SCHEMA_V1.read_text(encoding="utf-8"))
        con.executescript(SAMPLE_V1_ROWS.read_text(encoding="utf-8"))
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []


def make_foreign_sqlite_file(path: Path, *, application_id: int = 0, wal: bool = False) -> None:
    """An SQLite file that belongs to some other program."""
    with sqlite_file(path, create=True) as con:
        if wal:
            con.execute("PRAGMA journal_mode = wal")
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        con.execute("INSERT INTO invoices (amount) VALUES (12.5)")
        con.execute(f"PRAGMA application_id = {application_id}")
        con.commit()


def build_project(name: str = "华东电网数字化转型咨询") -> dict[str, Any]:
    """One project with a row in every table, linked the way the app links them."""
    project = Project.create(
        name=name,
        client_org="华东电网有限公司",
        start_date=dt.date(2025, 3, 3),
        end_date=dt.date(2025, 9, 30),
        document_language="zh_CN",
    )
    lead = Person.create(
        project=project,
        name="王建国",
        side="client",
        role="client_lead",
        influence=5,
        interest=4,
        engagement_current="neutral",
        engagement_desired="supportive",
        cooperation_type="passive",
    )
    pm = Person.create(project=project, name="Alice Chen", side="consultant", role="consultant_pm")
    ScopeItem.create(project=project, text="总部及三个地市公司的业务流程诊断")
    outcome = Outcome.create(project=project, title="数字化转型蓝图")
    kickoff = Meeting.create(
        project=project,
        kind="kickoff",
        title="项目启动会",
        starts_at=dt.datetime(2025, 3, 5, 9, 30),
        ends_at=dt.datetime(2025, 3, 5, 11, 30),
        venue="总部 12 楼第一会议室",
        time_zone="Asia/Shanghai",
    )
    agenda = AgendaItem.create(meeting=kickoff, title="项目背景与目标", presenter=lead)
    Attendee.create(meeting=kickoff, person=lead, responsibility="开场致辞", rsvp="attended")
    Attendee.create(meeting=kickoff, person=pm, rsvp="attended", position=1)
    purpose = Purpose.create(meeting=kickoff, purpose="valued_outcomes", state="partly")
    payload = b"%PDF-1.4\n% kickoff deck\n"
    attachment = Attachment.create(
        file_name="启动会材料.pdf",
        size=len(payload),
        sha256=hashlib.sha256(payload).hexdigest(),
        data=payload,
    )
    material = Material.create(
        project=project,
        meeting=kickoff,
        title="启动会汇报材料",
        kind="presentation",
        attachment=attachment,
    )
    ChecklistItem.create(meeting=kickoff, text="提前一天确认会议室", due_offset_minutes=-1440)
    ChangeRecord.create(meeting=kickoff, field="venue", description="改到 15 楼", confirmed_by=lead)
    note = Note.create(
        meeting=kickoff,
        speaker=lead,
        kind="valued_outcome",
        text="领导最看重的是路线图能落地",
        agenda_item=agenda,
        offset_seconds=420,
    )
    PurposeNote.insert(purpose=purpose, note=note).execute()
    assessment = Assessment.create(
        person=lead, engagement="neutral", cooperation_type="passive", note=note
    )
    priority = LeaderPriority.create(person=lead, outcome=outcome, rank=1)
    LeaderPriorityNote.insert(priority=priority, note=note).execute()
    request = LeadRequest.create(project=project, raised_by=lead, owner=pm, text="能否提前访谈？")
    action = ActionItem.create(
        project=project,
        title="提供组织架构图",
        owner=lead,
        start_date=dt.date(2025, 3, 6),
        due_date=dt.date(2025, 3, 12),
        source="meeting",
        meeting=kickoff,
        note=note,
        lead_request=request,
    )
    review = MilestoneReview.create(
        project=project, title="现状诊断报告", kind="deliverable", reviewer=lead
    )
    FollowUp.create(project=project, person=lead, action_item=action, reason="领导未审批")
    MinutesDistribution.create(meeting=kickoff, recipients="wang@example.cn")
    StatusReport.create(
        project=project, period_start=dt.date(2025, 3, 3), period_end=dt.date(2025, 3, 9)
    )
    EscalationMemo.create(person=lead, cause="Overloaded at month end", help_action=action)
    CoachingSession.create(person=lead, planned_on=dt.date(2025, 3, 12), topic="Rapport")
    Draft.create(key=f"capture:{kickoff.id}", project=project, text="The CFO said")
    TodayState.create(
        key=f"late_person:{project.id}:{action.id}:{lead.id}:", project=project, mark="done"
    )
    series = MeetingSeries.create(project=project, title="周例会")
    Meeting.update(series=series).where(Meeting.id == kickoff.id).execute()
    Decision.create(project=project, note=note, decided_by=lead)
    CarryOver.create(
        project=project, meeting=kickoff, kind="action", action_item=action, from_meeting=kickoff
    )
    return {
        "project": project,
        "lead": lead,
        "pm": pm,
        "meeting": kickoff,
        "agenda": agenda,
        "note": note,
        "assessment": assessment,
        "request": request,
        "action": action,
        "review": review,
        "material": material,
        "attachment": attachment,
    }


def current(model: Any, row: Any) -> Any:
    """The row as it is in the file now."""
    return model.get_by_id(row.id)


# --- fixtures ------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "x.db"


@pytest.fixture
def pmdb(db_path: Path) -> Iterator[SqliteDatabase]:
    """A fresh, empty pmdesk database, open and bound to the models."""
    opened = db.open_database(db_path)
    yield opened
    db.close_database()


@pytest.fixture
def world(pmdb: SqliteDatabase) -> dict[str, Any]:
    return build_project()


@pytest.fixture
def close_after() -> Iterator[None]:
    """For tests that open the database themselves."""
    yield
    db.close_database()


# --- 1. opening: pragmas -------------------------------------------------------------


def _open_new(path: Path) -> SqliteDatabase:
    return db.open_database(path)


def _open_migrated(path: Path) -> SqliteDatabase:
    make_v1_file(path)
    return db.open_database(path)


@pytest.mark.usefixtures("close_after")
@pytest.mark.parametrize("opener", [_open_new, _open_migrated], ids=["new", "migrated-v1"])
def test_open_sets_durability_and_integrity_pragmas(
    db_path: Path, opener: Callable[[Path], SqliteDatabase]
) -> None:
    """A committed note survives a power cut and references are enforced, on every open."""
    opened = opener(db_path)
    assert pragma(opened, "journal_mode") == "wal"
    assert pragma(opened, "foreign_keys") == 1
    assert pragma(opened, "synchronous") == 2  # FULL
    assert pragma(opened, "busy_timeout") == 5000
    assert pragma(opened, "application_id") == db.APPLICATION_ID
    assert pragma(opened, "user_version") == db.SCHEMA_VERSION
    assert db.schema_version(opened) == db.SCHEMA_VERSION


def test_new_file_has_every_model_table(pmdb: SqliteDatabase) -> None:
    """A new file is complete: every kind of record has its table."""
    assert set(table_names(pmdb.connection())) == MODEL_TABLES
    assert pmdb.connection().execute("SELECT count(*) FROM search_index").fetchone() == (0,)
    assert database.obj is pmdb


def test_reopening_keeps_what_was_saved(db_path: Path, close_after: None) -> None:
    """What a PM saved is there the next time pmdesk starts."""
    db.open_database(db_path)
    build_project()
    before = dump(database.obj.connection())
    db.close_database()

    db.open_database(db_path)
    assert dump(database.obj.connection()) == before
    assert not list(db_path.parent.glob("*-backups")), "no backup when nothing is migrated"


def test_open_creates_missing_parent_folders(tmp_path: Path, close_after: None) -> None:
    """`--db` may point into a folder that does not exist yet."""
    path = tmp_path / "clients" / "华东电网" / "pm.db"
    db.open_database(path)
    assert path.is_file()


# --- 2. constraints ------------------------------------------------------------------

BadWrite = Callable[[dict[str, Any]], Any]

BAD_WRITES: dict[str, BadWrite] = {
    "person cooperation type 'lazy'": lambda w: Person.create(
        project=w["project"], name="张三", cooperation_type="lazy"
    ),
    "person side 'vendor'": lambda w: Person.create(
        project=w["project"], name="张三", side="vendor"
    ),
    "person role 'boss'": lambda w: Person.create(project=w["project"], name="张三", role="boss"),
    "person engagement 'angry'": lambda w: Person.create(
        project=w["project"], name="张三", engagement_current="angry"
    ),
    "person influence 0": lambda w: Person.create(project=w["project"], name="张三", influence=0),
    "person influence 6": lambda w: Person.create(project=w["project"], name="张三", influence=6),
    "person interest 9": lambda w: Person.create(project=w["project"], name="张三", interest=9),
    "person blank name": lambda w: Person.create(project=w["project"], name="  "),
    "project empty name": lambda w: Project.create(name=""),
    "project blank name": lambda w: Project.create(name="   "),
    "project status 'done'": lambda w: Project.create(name="P", status="done"),
    "project language 'fr'": lambda w: Project.create(name="P", document_language="fr"),
    "project ends before it starts": lambda w: Project.create(
        name="P", start_date=dt.date(2025, 5, 1), end_date=dt.date(2025, 4, 30)
    ),
    "action blank title": lambda w: ActionItem.create(project=w["project"], title="   "),
    "action due before start": lambda w: ActionItem.create(
        project=w["project"],
        title="交付蓝图",
        start_date=dt.date(2025, 3, 10),
        due_date=dt.date(2025, 3, 9),
    ),
    "action status 'finished'": lambda w: ActionItem.create(
        project=w["project"], title="交付蓝图", status="finished"
    ),
    "action priority 'urgent'": lambda w: ActionItem.create(
        project=w["project"], title="交付蓝图", priority="urgent"
    ),
    "action negative carry-over": lambda w: ActionItem.create(
        project=w["project"], title="交付蓝图", carry_over_count=-1
    ),
    "meeting blank title": lambda w: Meeting.create(project=w["project"], title=""),
    "meeting ends before it starts": lambda w: Meeting.create(
        project=w["project"],
        title="周例会",
        starts_at=dt.datetime(2025, 3, 12, 14, 0),
        ends_at=dt.datetime(2025, 3, 12, 13, 59),
    ),
    "meeting kind 'party'": lambda w: Meeting.create(
        project=w["project"], title="周例会", kind="party"
    ),
    "meeting status 'done'": lambda w: Meeting.create(
        project=w["project"], title="周例会", status="done"
    ),
    "note kind 'gossip'": lambda w: Note.create(meeting=w["meeting"], text="x", kind="gossip"),
    "note negative offset": lambda w: Note.create(
        meeting=w["meeting"], text="x", offset_seconds=-1
    ),
    "attendee rsvp 'maybe'": lambda w: Attendee.update(rsvp="maybe").execute(),
    "agenda negative minutes": lambda w: AgendaItem.create(
        meeting=w["meeting"], title="Q&A", minutes_allotted=-5
    ),
    "leader priority rank 0": lambda w: LeaderPriority.create(
        person=w["pm"], outcome=Outcome.get(), rank=0
    ),
    "status report period backwards": lambda w: StatusReport.create(
        project=w["project"], period_start=dt.date(2025, 3, 9), period_end=dt.date(2025, 3, 3)
    ),
    "attendee twice in one meeting": lambda w: Attendee.create(
        meeting=w["meeting"], person=w["lead"]
    ),
    "kickoff purpose twice": lambda w: Purpose.create(
        meeting=w["meeting"], purpose="valued_outcomes"
    ),
    "leader priority twice for one outcome": lambda w: LeaderPriority.create(
        person=w["lead"], outcome=Outcome.get(), rank=2
    ),
    "person without project": lambda w: Person.create(project=None, name="张三"),
    "meeting without project": lambda w: Meeting.create(project=None, title="周例会"),
    "note without meeting": lambda w: Note.create(meeting=None, text="x"),
    "attendee without person": lambda w: Attendee.create(meeting=w["meeting"], person=None),
    "action without project": lambda w: ActionItem.create(project=None, title="交付蓝图"),
    "person in a missing project": lambda w: Person.create(project=9999, name="张三"),
    "note in a missing meeting": lambda w: Note.create(meeting=9999, text="x"),
    "action owned by a missing person": lambda w: ActionItem.create(
        project=w["project"], title="交付蓝图", owner=9999
    ),
}


@pytest.mark.parametrize("bad_write", list(BAD_WRITES.values()), ids=list(BAD_WRITES))
def test_invalid_record_is_rejected_and_nothing_changes(
    pmdb: SqliteDatabase, world: dict[str, Any], bad_write: BadWrite
) -> None:
    """The file never holds a record the app could not show; a refused save changes nothing."""
    before = dump(pmdb.connection())
    with pytest.raises(IntegrityError):
        bad_write(world)
    assert dump(pmdb.connection()) == before
    # The connection is still usable for the PM's next, valid edit.
    Person.create(project=world["project"], name="李娜")
    assert Person.select().count() == 3


def test_names_made_of_other_blank_characters_are_rejected(pmdb: SqliteDatabase) -> None:
    """A name of tabs, line breaks or full-width spaces (Chinese IME) is just as blank."""
    project = Project.create(name="P")
    blanks = ["\t", "\n", " \r\n ", "\u3000", "\u3000\u3000"]
    writes = {
        "project": lambda text: Project.create(name=text),
        "person": lambda text: Person.create(project=project, name=text),
        "meeting": lambda text: Meeting.create(project=project, title=text),
        "action": lambda text: ActionItem.create(project=project, title=text),
    }
    accepted = []
    for what, write in writes.items():
        for text in blanks:
            with contextlib.suppress(IntegrityError):
                write(text)
                accepted.append((what, text))
    assert accepted == [], "blank names were stored"


def test_invalid_update_is_rejected_and_old_value_kept(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """Editing a stakeholder's influence to 9 is refused; the stored 5 stays."""
    lead = world["lead"]
    lead.influence = 9
    with pytest.raises(IntegrityError):
        lead.save()
    assert current(Person, lead).influence == 5


def test_constraints_also_bind_other_tools(pmdb: SqliteDatabase, db_path: Path) -> None:
    """CHECKs live in the file, so a script writing with plain sqlite3 cannot corrupt it."""
    project = Project.create(name="P")
    with sqlite_file(db_path, create=True) as con, pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO person (project_id, name, side, role, org_unit, title, email, phone,"
            " influence, interest, cooperation_type, causes, strategy, next_action)"
            " VALUES (?, '张三', 'client', 'cooperating_staff', '', '', '', '', 3, 3, 'lazy',"
            " '', '', '')",
            (project.id,),
        )
    assert Person.select().count() == 0


def test_valid_values_of_every_enum_are_accepted(pmdb: SqliteDatabase) -> None:
    """The CHECKs do not refuse anything the app offers (guards against a typo in them)."""
    from pmdesk import models

    project = Project.create(name="P")
    for status in models.ProjectStatus:
        Project.create(name=f"P {status}", status=status.value)
    for ctype in models.CooperationType:
        for engagement in models.Engagement:
            Person.create(
                project=project,
                name=f"{ctype}-{engagement}",
                cooperation_type=ctype.value,
                engagement_current=engagement.value,
                engagement_desired=engagement.value,
            )
    for kind in models.MeetingKind:
        for mstatus in models.MeetingStatus:
            Meeting.create(project=project, title="m", kind=kind.value, status=mstatus.value)
    for astatus in models.ActionStatus:
        for source in models.ActionSource:
            for prio in models.Priority:
                ActionItem.create(
                    project=project, title="a", status=astatus.value, source=source, priority=prio
                )
    assert ActionItem.select().count() == (
        len(models.ActionStatus) * len(models.ActionSource) * len(models.Priority)
    )


# --- 3. cascades ---------------------------------------------------------------------


def test_sample_world_covers_every_table(pmdb: SqliteDatabase, world: dict[str, Any]) -> None:
    """The cascade tests below are only meaningful if every table has rows to lose."""
    counts = row_counts(pmdb.connection())
    assert set(counts) == MODEL_TABLES
    assert all(counts.values()), counts


def test_deleting_a_project_removes_everything_it_owns(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """Deleting a finished client project leaves none of its people, notes or actions."""
    world["project"].delete_instance()
    counts = row_counts(pmdb.connection())
    counts.pop("attachment")  # see test_deleting_a_project_leaves_no_orphaned_attachment
    assert counts == dict.fromkeys(counts, 0)
    assert pmdb.connection().execute("PRAGMA foreign_key_check").fetchall() == []


def test_deleting_a_project_leaves_no_orphaned_attachment(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """The client's files stored in the database go with the project that holds them."""
    world["project"].delete_instance()
    assert Material.select().count() == 0
    assert Attachment.select().count() == 0, "the deleted project's file is still stored"


def test_deleting_a_project_leaves_other_projects_alone(pmdb: SqliteDatabase) -> None:
    """Deleting one client's project never touches another client's records."""
    build_project("Ops review for Nordwind AG")
    keep = dump(pmdb.connection())
    doomed = build_project("华东电网数字化转型咨询")
    doomed["project"].delete_instance()
    after = dump(pmdb.connection())
    # Attachments are not owned by a project (see the orphan test); compare the rest.
    keep.pop("attachment")
    after.pop("attachment")
    assert after == keep


def test_deleting_a_person_keeps_their_words_but_not_their_seats(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """Removing a stakeholder keeps the notes and actions, unattributed; their own records go."""
    lead = world["lead"]
    lead.delete_instance()

    note = current(Note, world["note"])
    assert note.speaker_id is None
    assert note.text == "领导最看重的是路线图能落地"
    action = current(ActionItem, world["action"])
    assert action.owner_id is None
    assert action.title == "提供组织架构图"
    assert current(AgendaItem, world["agenda"]).presenter_id is None
    assert ChangeRecord.get().confirmed_by_id is None
    request = current(LeadRequest, world["request"])
    assert (request.raised_by_id, request.owner_id) == (None, world["pm"].id)
    assert current(MilestoneReview, world["review"]).reviewer_id is None

    assert [a.person_id for a in Attendee.select()] == [world["pm"].id]
    assert Assessment.select().count() == 0
    assert LeaderPriority.select().count() == 0
    assert LeaderPriorityNote.select().count() == 0
    assert FollowUp.select().count() == 0
    assert Person.select().count() == 1
    assert Meeting.select().count() == 1
    assert PurposeNote.select().count() == 1


def test_deleting_a_meeting_keeps_its_actions(pmdb: SqliteDatabase, world: dict[str, Any]) -> None:
    """A cancelled meeting takes its notes and prep with it; the actions agreed there stay."""
    world["meeting"].delete_instance()

    for model in (
        Note,
        AgendaItem,
        ChecklistItem,
        Attendee,
        Purpose,
        PurposeNote,
        ChangeRecord,
        MinutesDistribution,
        LeaderPriorityNote,
    ):
        assert model.select().count() == 0, model.__name__
    action = current(ActionItem, world["action"])
    assert (action.meeting_id, action.note_id) == (None, None)
    assert action.title == "提供组织架构图"
    assert current(Material, world["material"]).meeting_id is None
    assert current(Assessment, world["assessment"]).note_id is None
    assert Person.select().count() == 2
    assert LeaderPriority.select().count() == 1


# --- 4. transactions -----------------------------------------------------------------


def test_failed_action_saves_nothing(pmdb: SqliteDatabase) -> None:
    """One user action is all or nothing: a crash halfway leaves no half-made project."""
    with pytest.raises(RuntimeError), db.transaction():
        project = Project.create(name="新项目")
        Person.create(project=project, name="王建国")
        Meeting.create(project=project, title="启动会")
        raise RuntimeError("disk full")
    assert all(count == 0 for count in row_counts(pmdb.connection()).values())


def test_rejected_write_midway_rolls_back_earlier_writes(pmdb: SqliteDatabase) -> None:
    """If the last step of an action is refused, the first steps are undone too."""
    with pytest.raises(IntegrityError), db.transaction():
        project = Project.create(name="新项目")
        Person.create(project=project, name="王建国", influence=7)
    assert Project.select().count() == 0


def test_nested_work_commits_all_together(pmdb: SqliteDatabase, db_path: Path) -> None:
    """Nested steps become visible together, when the outer action finishes."""
    with sqlite_file(db_path) as observer:
        with db.transaction():
            project = Project.create(name="新项目")
            with db.transaction():
                meeting = Meeting.create(project=project, title="启动会")
                with db.transaction():
                    Note.create(meeting=meeting, text="开场")
            assert observer.execute("SELECT count(*) FROM project").fetchone()[0] == 0
        counts = row_counts(observer)
    assert (counts["project"], counts["meeting"], counts["note"]) == (1, 1, 1)


def test_failed_inner_step_rolls_back_only_itself(pmdb: SqliteDatabase) -> None:
    """A caught failure in a nested step undoes that step, the rest of the action is saved."""
    with db.transaction():
        project = Project.create(name="新项目")
        with pytest.raises(IntegrityError), db.transaction():
            Meeting.create(project=project, title="启动会")
            Meeting.create(project=project, title="")
        Person.create(project=project, name="王建国")
    assert (Project.select().count(), Meeting.select().count(), Person.select().count()) == (
        1,
        0,
        1,
    )


def test_outer_failure_undoes_finished_inner_steps(pmdb: SqliteDatabase) -> None:
    with pytest.raises(RuntimeError), db.transaction():
        project = Project.create(name="新项目")
        with db.transaction():
            Meeting.create(project=project, title="启动会")
        raise RuntimeError("cancelled")
    assert (Project.select().count(), Meeting.select().count()) == (0, 0)


# --- 5. migration v1 -> v2 -----------------------------------------------------------


def test_v1_sample_covers_every_table(db_path: Path) -> None:
    """The v1 sample is a fair test: every table of the schema has rows."""
    make_v1_file(db_path)
    with sqlite_file(db_path) as con:
        counts = row_counts(con)
        assert pragma(con, "user_version") == 1
        assert pragma(con, "application_id") == db.APPLICATION_ID
    assert set(counts) == V1_TABLES
    assert all(counts.values()), counts


def test_upgrade_from_v1_keeps_every_row(
    db_path: Path, close_after: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upgrading pmdesk never loses a note: every value of every row is kept, after a backup."""
    make_v1_file(db_path)
    with sqlite_file(db_path) as con:
        v1_columns = {t: column_names(con, t) for t in table_names(con)}
        before = dump(con)
    assert "time_zone" not in v1_columns["meeting"]

    seen_at_migration: list[tuple[Path, int, Dump]] = []
    real_migrate = db.migrate

    def spy(database_obj: SqliteDatabase, migrations: list[db.Migration], *, target: int) -> None:
        folder = db.backup_folder(db_path)
        assert folder.is_dir(), "no backup was made before migrating"
        assert all(p.suffix == ".db" for p in folder.iterdir()), "temp file left behind"
        for backup in sorted(folder.glob("*.db")):
            with sqlite_file(backup) as con:
                seen_at_migration.append((backup, pragma(con, "user_version"), dump(con)))
        real_migrate(database_obj, migrations, target=target)

    monkeypatch.setattr(db, "migrate", spy)
    opened = db.open_database(db_path)

    assert db.SCHEMA_VERSION >= 2
    assert db.schema_version(opened) == db.SCHEMA_VERSION
    con = opened.connection()
    meeting_columns = {row[1]: row for row in con.execute("PRAGMA table_info(meeting)")}
    assert meeting_columns["time_zone"][3] == 1  # NOT NULL
    assert con.execute("SELECT DISTINCT time_zone FROM meeting").fetchall() == [("",)]
    assert dump(con, v1_columns) == before
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # The backup existed before the migration ran, and is the untouched v1 data.
    assert len(seen_at_migration) == 1
    backup_path, backup_version, backup_rows = seen_at_migration[0]
    assert backup_version == 1
    assert backup_rows == before
    assert backup_path.parent == db.backup_folder(db_path)
    assert backup_path.name.startswith(f"{db_path.stem}-before-v{db.SCHEMA_VERSION}-")
    assert sorted(p.name for p in db.backup_folder(db_path).iterdir()) == [backup_path.name]
    with sqlite_file(backup_path) as con:
        assert pragma(con, "user_version") == 1
        assert dump(con) == before


def test_upgraded_file_works_with_the_models(db_path: Path, close_after: None) -> None:
    """After the upgrade the PM's old records load and the new time zone can be set."""
    make_v1_file(db_path)
    db.open_database(db_path)
    kickoff = Meeting.get(Meeting.title == "项目启动会")
    assert kickoff.time_zone == ""
    assert kickoff.starts_at == dt.datetime(2025, 3, 5, 9, 30)
    kickoff.time_zone = "Asia/Shanghai"
    kickoff.save()
    assert Meeting.get_by_id(kickoff.id).time_zone == "Asia/Shanghai"
    assert Person.get(Person.name == "王建国").cooperation_type == "passive"
    assert Attachment.get_by_id(1).data[-4:] == b"\x00\x01\x02\xff"
    Meeting.create(project=kickoff.project, title="Intro", time_zone="Europe/London")


def _schema_shape(path: Path) -> dict[str, Any]:
    with sqlite_file(path) as con:
        # Columns by name: ALTER TABLE appends, so an upgraded file may order them
        # differently, which nothing depends on (every statement names its columns).
        tables = {
            t: sorted(row[1:4] + row[5:] for row in con.execute(f'PRAGMA table_info("{t}")'))
            for t in table_names(con)
        }
        others = sorted(
            con.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE type <> 'table'")
        )
    return {"tables": tables, "indexes_and_triggers": others}


def test_upgraded_file_has_the_same_schema_as_a_new_one(tmp_path: Path) -> None:
    """Upgraded or new, a file has the same tables, columns, indexes and triggers."""
    old, new = tmp_path / "old.db", tmp_path / "new.db"
    make_v1_file(old)
    for path in (old, new):
        db.open_database(path)
        db.close_database()
    assert _schema_shape(old) == _schema_shape(new)


def test_failed_upgrade_leaves_the_file_as_it_was(
    db_path: Path, close_after: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If an upgrade step fails, the file is still a working v1 file and a backup exists."""
    make_v1_file(db_path)
    with sqlite_file(db_path) as con:
        before = dump(con)

    def half_done(database_obj: SqliteDatabase) -> None:
        db._add_meeting_time_zone(database_obj)
        database_obj.execute_sql("DELETE FROM person WHERE id = 1")  # leaves dangling refs

    monkeypatch.setattr(db, "MIGRATIONS", [db.Migration(2, "broken step", half_done)])
    with pytest.raises(db.DatabaseProblem, match="schema 2"):
        db.open_database(db_path)

    with sqlite_file(db_path) as con:
        assert pragma(con, "user_version") == 1
        assert "time_zone" not in column_names(con, "meeting")
        assert dump(con) == before
    assert len(list(db.backup_folder(db_path).glob("*.db"))) == 1

    monkeypatch.undo()
    opened = db.open_database(db_path)
    assert db.schema_version(opened) == db.SCHEMA_VERSION


# --- 6. the cascade trap -------------------------------------------------------------


def _rebuild_project_table(database_obj: SqliteDatabase, *, keep_where: str = "1") -> None:
    """SQLite's way to change a column: new table, copy, drop old, rename (widens `code`)."""
    (create_sql,) = database_obj.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'project'"
    ).fetchone()
    assert '"code" VARCHAR(40)' in create_sql
    new_sql = create_sql.replace('CREATE TABLE "project"', 'CREATE TABLE "project_new"', 1)
    new_sql = new_sql.replace('"code" VARCHAR(40)', '"code" VARCHAR(80)')
    columns = ", ".join(f'"{c}"' for c in column_names(database_obj.connection(), "project"))
    database_obj.execute_sql(new_sql)
    database_obj.execute_sql(
        f"INSERT INTO project_new ({columns}) SELECT {columns} FROM project WHERE {keep_where}"
    )
    database_obj.execute_sql("DROP TABLE project")
    database_obj.execute_sql("ALTER TABLE project_new RENAME TO project")


def _pretend_one_version_older(database_obj: SqliteDatabase) -> None:
    database_obj.execute_sql(f"PRAGMA user_version = {db.SCHEMA_VERSION - 1}")


def test_rebuilding_a_parent_table_with_foreign_keys_on_loses_children(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """The trap itself (why migrate() exists): done naively, the rebuild wipes every child."""
    with pmdb.atomic():
        _rebuild_project_table(pmdb)
    assert Project.select().count() == 1
    assert (Person.select().count(), Meeting.select().count(), Note.select().count()) == (0, 0, 0)


def test_migration_rebuilding_project_table_keeps_all_children(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """A future upgrade that rebuilds `project` keeps every person, meeting, note and action."""
    con = pmdb.connection()
    before = dump(con)
    _pretend_one_version_older(pmdb)

    step = db.Migration(db.SCHEMA_VERSION, "widen project code", _rebuild_project_table)
    db.migrate(pmdb, [step], target=db.SCHEMA_VERSION)

    assert dump(con) == before
    assert Person.select().count() == 2
    assert Meeting.select().count() == 1
    assert Note.select().count() == 1
    assert ActionItem.select().count() == 1
    assert pragma(pmdb, "foreign_keys") == 1
    assert db.schema_version(pmdb) == db.SCHEMA_VERSION
    (create_sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'project'").fetchone()
    assert '"code" VARCHAR(80)' in create_sql
    # The children now point at the rebuilt table: deleting the project still cascades.
    world["project"].delete_instance()
    assert (Person.select().count(), Note.select().count()) == (0, 0)


def test_migration_leaving_dangling_references_is_refused(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """An upgrade that would orphan records is rolled back whole, with a clear message."""
    second = Project.create(name="Ops review for Nordwind AG")
    Person.create(project=second, name="Jonas Weber")
    con = pmdb.connection()
    _pretend_one_version_older(pmdb)
    before = dump(con)

    def drop_second_project(database_obj: SqliteDatabase) -> None:
        _rebuild_project_table(database_obj, keep_where=f"id <> {second.id}")

    step = db.Migration(db.SCHEMA_VERSION, "widen project code", drop_second_project)
    with pytest.raises(db.DatabaseProblem, match="would break 1 references"):
        db.migrate(pmdb, [step], target=db.SCHEMA_VERSION)

    assert db.schema_version(pmdb) == db.SCHEMA_VERSION - 1
    assert dump(con) == before
    (create_sql,) = con.execute("SELECT sql FROM sqlite_master WHERE name = 'project'").fetchone()
    assert '"code" VARCHAR(40)' in create_sql
    assert "project_new" not in table_names(con)
    assert pragma(pmdb, "foreign_keys") == 1


def test_migration_failing_midway_changes_nothing(
    pmdb: SqliteDatabase, world: dict[str, Any]
) -> None:
    """A step that errors halfway leaves no half-built table and the old version number."""
    con = pmdb.connection()
    _pretend_one_version_older(pmdb)
    before = dump(con)

    def broken(database_obj: SqliteDatabase) -> None:
        database_obj.execute_sql("CREATE TABLE project_new (id INTEGER PRIMARY KEY)")
        database_obj.execute_sql("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(Exception, match="no_such_table"):
        db.migrate(pmdb, [db.Migration(db.SCHEMA_VERSION, "broken", broken)], target=99)
    assert db.schema_version(pmdb) == db.SCHEMA_VERSION - 1
    assert "project_new" not in table_names(con)
    assert dump(con) == before
    assert pragma(pmdb, "foreign_keys") == 1


def test_migrate_skips_steps_already_applied_and_beyond_target(pmdb: SqliteDatabase) -> None:
    calls: list[int] = []

    def record(version: int) -> Callable[[SqliteDatabase], None]:
        return lambda _db: calls.append(version)

    steps = [db.Migration(v, f"step {v}", record(v)) for v in (5, 2, 4, 3)]
    pmdb.execute_sql("PRAGMA user_version = 2")
    db.migrate(pmdb, steps, target=4)
    assert calls == [3, 4]
    assert db.schema_version(pmdb) == 4
    assert pragma(pmdb, "foreign_keys") == 1


# --- 7. refusals ---------------------------------------------------------------------


def _folder_state(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


def _newer_pmdesk_file_wal(path: Path) -> None:
    """What a newer pmdesk leaves behind: its own file, WAL mode, a higher schema number."""
    db.open_database(path)
    build_project()
    database.obj.execute_sql(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    db.close_database()


def _newer_pmdesk_file_rollback_journal(path: Path) -> None:
    """A newer pmdesk file that is not in WAL mode (e.g. written by a tool or a later
    pmdesk that uses a rollback journal on a network share)."""
    _newer_pmdesk_file_wal(path)
    with sqlite_file(path) as con:
        con.execute("PRAGMA journal_mode = delete")


@pytest.mark.parametrize(
    "make_file",
    [_newer_pmdesk_file_wal, _newer_pmdesk_file_rollback_journal],
    ids=["wal", "rollback-journal"],
)
def test_file_from_newer_pmdesk_is_refused_untouched(
    db_path: Path, close_after: None, make_file: Callable[[Path], None]
) -> None:
    """pmdesk never downgrades or even touches a file written by a newer version."""
    make_file(db_path)
    folder_before = _folder_state(db_path.parent)

    with pytest.raises(db.SchemaTooNew) as caught:
        db.open_database(db_path)

    assert isinstance(caught.value, db.DatabaseProblem)
    assert str(db_path) in str(caught.value)
    assert f"schema {db.SCHEMA_VERSION + 1}" in str(caught.value)
    assert _folder_state(db_path.parent) == folder_before
    assert not db.backup_folder(db_path).exists()


NOT_SQLITE = {
    "text": b"hello",
    "random bytes": random.Random(20250305).randbytes(8192),
    "docx-like zip": b"PK\x03\x04" + bytes(200),
    "truncated sqlite header": b"SQLite format 3\x00" + bytes(50),
}


@pytest.mark.parametrize("content", list(NOT_SQLITE.values()), ids=list(NOT_SQLITE))
def test_non_sqlite_file_is_refused_untouched(
    db_path: Path, close_after: None, content: bytes
) -> None:
    """Pointing pmdesk at the wrong file (a Word file, say) never damages that file."""
    db_path.write_bytes(content)
    with pytest.raises(db.DatabaseProblem) as caught:
        db.open_database(db_path)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


@pytest.mark.parametrize("application_id", [0, 0x12345678], ids=["no-id", "other-id"])
def test_another_programs_sqlite_file_is_refused_untouched(
    db_path: Path, close_after: None, application_id: int
) -> None:
    """Another program's database is never turned into a pmdesk file."""
    make_foreign_sqlite_file(db_path, application_id=application_id)
    folder_before = _folder_state(db_path.parent)
    with pytest.raises(db.DatabaseProblem, match="another program") as caught:
        db.open_database(db_path)
    assert str(db_path) in str(caught.value)
    assert _folder_state(db_path.parent) == folder_before


def test_another_programs_wal_file_is_refused_untouched(db_path: Path, close_after: None) -> None:
    """Same for a WAL-mode file. (The read-only probe leaves empty -wal/-shm files next to
    it; harmless to SQLite, so only the file itself is compared here.)"""
    make_foreign_sqlite_file(db_path, wal=True)
    before = sha256(db_path)
    with pytest.raises(db.DatabaseProblem, match="another program"):
        db.open_database(db_path)
    assert sha256(db_path) == before


def test_missing_file_without_create_is_refused_and_nothing_made(
    tmp_path: Path, close_after: None
) -> None:
    """Opening a file that has gone away says so, and does not make an empty one instead."""
    missing = tmp_path / "moved" / "pm.db"
    with pytest.raises(db.DatabaseProblem) as caught:
        db.open_database(missing, create=False)
    assert str(missing) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_folder_is_refused(tmp_path: Path, close_after: None) -> None:
    folder = tmp_path / "pm.db"
    folder.mkdir()
    with pytest.raises(db.DatabaseProblem) as caught:
        db.open_database(folder)
    assert str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []


def test_an_existing_empty_file_is_never_made_a_database(db_path: Path, close_after: None) -> None:
    """Only a missing path is a new database: a 0-byte file (a truncated database, or
    "New file" in a file manager) is refused untouched, with or without backups."""
    db_path.touch()
    with pytest.raises(db.CorruptDatabase, match="0 bytes"):
        db.open_database(db_path)
    assert db_path.stat().st_size == 0
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_an_empty_sqlite_file_is_refused_untouched(db_path: Path, close_after: None) -> None:
    with contextlib.closing(sqlite3.connect(db_path)) as con:
        con.execute("PRAGMA user_version = 0")
        con.execute("VACUUM")  # a valid SQLite header, no tables
    before = db_path.read_bytes()
    with pytest.raises(db.DatabaseProblem, match="an empty SQLite file, not a pmdesk database"):
        db.open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_new_database_is_built_whole_beside_its_name(db_path: Path, close_after: None) -> None:
    """A new file gets its name only once its schema is complete: nothing half-made is
    left under the name, and no temporary file stays beside it."""
    opened = db.open_database(db_path)
    assert pragma(opened, "application_id") == db.APPLICATION_ID
    assert set(table_names(opened.connection())) == MODEL_TABLES
    db.close_database()
    leftovers = [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="permissions are not enforced here",
)
def test_unreadable_file_is_refused(db_path: Path, close_after: None) -> None:
    db_path.write_bytes(b"")
    db_path.chmod(0)
    try:
        with pytest.raises(db.DatabaseProblem, match="permission"):
            db.open_database(db_path)
    finally:
        db_path.chmod(0o600)


# --- 8. backups ----------------------------------------------------------------------


def test_backup_is_a_complete_copy(pmdb: SqliteDatabase, world: dict[str, Any], tmp_path: Path):
    """A backup holds every record and can be opened by any SQLite tool."""
    build_project("Ops review for Nordwind AG")
    before = dump(pmdb.connection())
    dest = tmp_path / "备份" / "pm-2025-03-05.db"

    assert db.backup_database(pmdb, dest) == dest

    assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]
    with sqlite_file(dest) as con:
        assert row_counts(con) == row_counts(pmdb.connection())
        assert dump(con) == before
        assert pragma(con, "application_id") == db.APPLICATION_ID
        assert pragma(con, "user_version") == db.SCHEMA_VERSION
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_includes_uncheckpointed_commits(pmdb: SqliteDatabase, tmp_path: Path) -> None:
    """A note saved a second ago (still in the WAL) is in the backup."""
    project = Project.create(name="P")
    meeting = Meeting.create(project=project, title="启动会")
    Note.create(meeting=meeting, text="刚记下的一句话")
    dest = db.backup_database(pmdb, tmp_path / "b" / "copy.db")
    with sqlite_file(dest) as con:
        assert con.execute("SELECT text FROM note").fetchall() == [("刚记下的一句话",)]


def test_backup_replaces_an_older_backup_of_the_same_name(
    pmdb: SqliteDatabase, tmp_path: Path
) -> None:
    dest = tmp_path / "b" / "copy.db"
    db.backup_database(pmdb, dest)
    Project.create(name="P")
    db.backup_database(pmdb, dest)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.db"]
    with sqlite_file(dest) as con:
        assert row_counts(con)["project"] == 1


def test_failed_backup_leaves_no_temp_file_and_keeps_old_backup(tmp_path: Path) -> None:
    """A backup that fails halfway never replaces a good backup with a broken one."""
    dest = tmp_path / "b" / "copy.db"
    dest.parent.mkdir()
    dest.write_bytes(b"previous good backup")

    class FailingConnection:
        def backup(self, target: sqlite3.Connection) -> None:
            target.execute("CREATE TABLE partial (x)")
            raise sqlite3.OperationalError("disk I/O error")

    class FailingDatabase:
        def connection(self) -> FailingConnection:
            return FailingConnection()

    with pytest.raises(db.DatabaseProblem, match="disk is full"):
        db.backup_database(FailingDatabase(), dest)  # type: ignore[arg-type]
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.db"]
    assert dest.read_bytes() == b"previous good backup"


def test_backup_folder_sits_next_to_the_database(tmp_path: Path) -> None:
    assert db.backup_folder(tmp_path / "pm.db") == tmp_path / "pm-backups"


# --- 9. default location -------------------------------------------------------------


def test_default_database_path_is_in_the_user_data_folder() -> None:
    """The PM's data lives in the platform's per-user data folder, not the install folder."""
    path = db.default_database_path()
    assert path.name == "pmdesk.db"
    assert path.parent == Path(platformdirs.user_data_dir("pmdesk", appauthor=False))
    if sys.platform.startswith("linux"):
        assert path.parent == Path(platformdirs.user_data_dir("pmdesk"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is Linux-specific")
def test_default_database_path_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert db.default_database_path() == tmp_path / "pmdesk" / "pmdesk.db"
    assert list(tmp_path.iterdir()) == [], "asking for the path creates nothing"


@pytest.fixture
def backend() -> str:
    """This module is about the database file; db_server has tests/core/test_team.py."""
    return "sqlite"


def test_a_link_to_a_missing_file_is_refused_and_nothing_is_made(
    tmp_path: Path, close_after: None
) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(tmp_path / "gone" / "missing.db")
    with pytest.raises(db.DatabaseProblem, match=r"a link to .*missing\.db, which does not"):
        db.open_database(link)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.db"]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs a /proc (Linux)")
def test_a_folder_that_cannot_be_made_is_one_problem(close_after: None) -> None:
    with pytest.raises(db.DatabaseProblem, match=r"Cannot create /proc/none/x\.db"):
        db.open_database(Path("/proc/none/x.db"))
