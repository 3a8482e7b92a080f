"""Attacks on a team server, as a member types them into psql.

Three login roles connect with plain psycopg: `alice` is a member of project 1, `bob` of
project 2, `eve` of none (both projects are the administrator's). Each attack is its own
test; each is refused, and no row of any table changes (`unchanged`). Every test runs on
a server pmdesk created at the current schema, and on one created at schema 5 (before
these defences) and then migrated by pmdesk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import select
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from pmdesk import db, db_server
from pmdesk.demo import create_demo_project
from pmdesk.models import ALL_MODELS, Attachment, Language, Material
from tests.postgres import ScratchServer, admin_connection, scratch_server
from tests.server import schema_5

TODAY = dt.date(2026, 11, 27)
TABLES = [m._meta.table_name for m in ALL_MODELS]
#: Every table a member could learn from or change, pmdesk's own included.
EVERY_TABLE = [*TABLES, "project_member", "pmdesk_channel", "pmdesk_schema"]
#: Internal analysis: a client's people, internal notes, private follow-ups.
INTERNAL_COLUMNS = {
    "person": ("cooperation_type", "engagement_current", "causes", "strategy", "cause_factors"),
    "note": ("text", "internal"),
    "follow_up": ("reason", "outcome"),
}

Role = tuple[str, str]


@dataclass
class World:
    server: ScratchServer
    admin: Any  # a plain connection as the tables' owner
    alice: Role
    bob: Role
    eve: Role
    p1: int
    p2: int
    file_of_p2: int  # an attachment used by a material of project 2

    def connect(self, role: Role) -> Any:
        return admin_connection(self.server.url_as(*role))

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.admin.execute(sql, params).fetchone()
        return None if row is None else row[0]


def _populate(server: ScratchServer) -> tuple[int, int]:
    """Two demo projects, as the administrator, and a stored file in each."""
    p1 = create_demo_project(Language.EN, today=TODAY)
    p2 = create_demo_project(Language.ZH_CN, today=TODAY)
    with db.transaction():
        for project, name in ((p1, "p1-charter.pdf"), (p2, "p2-contract.pdf")):
            stored = Attachment.create(file_name=name, size=4, sha256="", data=b"PDF!")
            Material.create(project=project, title=name, attachment=stored)
    return p1, p2


@pytest.fixture(scope="module", params=["created", "migrated"])
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    with scratch_server() as server:
        if request.param == "created":
            db.open_database(server.url)
            p1, p2 = _populate(server)
        else:
            with contextlib.closing(db_server.connect(server.url)) as old, old.atomic():
                schema_5.create(old, TABLES)
            with pytest.MonkeyPatch.context() as patch:  # pmdesk as it was at schema 5
                patch.setattr(db, "SCHEMA_VERSION", 5)
                patch.setattr(db_server, "SERVER_MIGRATIONS", [])
                db.open_database(server.url)
                p1, p2 = _populate(server)
                db.close_database()
            db.open_database(server.url)  # today's pmdesk migrates it
            assert db_server.schema_version(db.database.obj) == db.SCHEMA_VERSION
        alice, bob = server.new_role("alice"), server.new_role("bob")
        eve = server.new_role("eve")
        db_server.add_member(db.database.obj, p1, alice[0])
        db_server.add_member(db.database.obj, p2, bob[0])
        file_of_p2 = db.database.obj.execute_sql(
            "SELECT attachment_id FROM material WHERE project_id = %s "
            "AND attachment_id IS NOT NULL",
            (p2,),
        ).fetchone()[0]
        db.close_database()
        admin = admin_connection(server.url)
        try:
            yield World(server, admin, alice, bob, eve, p1, p2, file_of_p2)
        finally:
            admin.close()


def snapshot(world: World) -> dict[str, str]:
    """A digest of every row of every table, as the owner sees them."""
    return {
        table: world.one(f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                         f"FROM public.{table} t")
        for table in EVERY_TABLE
    }  # fmt: skip


@pytest.fixture
def unchanged(world: World) -> Iterator[None]:
    before = snapshot(world)
    yield
    assert snapshot(world) == before


def refused(con: Any, sql: str, params: tuple[Any, ...] = ()) -> str:
    """Run `sql`, which must fail (or change nothing); the server's message, if any."""
    try:
        with con.transaction():
            cursor = con.execute(sql, params)
    except Exception as exc:
        return str((getattr(exc, "diag", None) and exc.diag.message_primary) or exc)
    assert cursor.rowcount <= 0, f"{sql!r} changed {cursor.rowcount} rows"
    return ""


def visible(con: Any) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM public.{t}").fetchone()[0] for t in TABLES}


def project_rows(world: World, table: str, project: int) -> list[tuple[Any, ...]]:
    """The rows of `table` in `project`, by primary key (or all columns, for links)."""
    where = db_server._project_of(table, "t")
    return list(world.admin.execute(f"SELECT t.* FROM public.{table} t WHERE {where} = %s",
                                    (project,)).fetchall())  # fmt: skip


def first_id(world: World, table: str, project: int) -> int:
    if table == "attachment":
        return world.file_of_p2 if project == world.p2 else -1
    where = db_server._project_of(table, "t")
    found = world.one(f"SELECT min(t.id) FROM public.{table} t WHERE {where} = %s", (project,))
    assert found is not None, f"no {table} in project {project}"
    return int(found)


# --- 1. temporary tables and functions shadowing what a definer function uses --------


def names_used_by_pmdesk_functions(world: World) -> set[str]:
    """Every table and function name in the bodies of pmdesk's functions."""
    import re

    bodies = [r[0] for r in world.admin.execute(
        "SELECT prosrc FROM pg_proc WHERE pronamespace = 'public'::regnamespace "
        "AND proname LIKE 'pmdesk%%'").fetchall()]  # fmt: skip
    words = {w for body in bodies for w in re.findall(r"[a-z_][a-z_0-9]*", body)}
    relations = {r[0] for r in world.admin.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace "
        "AND relkind = 'r'").fetchall()}  # fmt: skip
    return (words & relations) | {w for w in words if w.startswith("pmdesk_")}


def shadow_everything(con: Any, world: World, me: str) -> set[str]:
    """Temp tables holding `me` for every project and every file, under every name a
    pmdesk function uses; temp functions under the functions' and built-ins' names."""
    names = names_used_by_pmdesk_functions(world)
    tables = names & set(EVERY_TABLE)
    for name in sorted(tables):
        con.execute(f"CREATE TEMP TABLE {name} (LIKE public.{name})")
        columns = {r[0] for r in con.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0",
            (f"pg_temp.{name}",)).fetchall()}  # fmt: skip
        for column in columns & {"row_created_by", "role_name", "added_by"}:
            con.execute(f"ALTER TABLE pg_temp.{name} ALTER COLUMN {column} SET DEFAULT '{me}'")
        for column in sorted(columns):
            con.execute(f"ALTER TABLE pg_temp.{name} ALTER COLUMN {column} DROP NOT NULL")
        for project in range(1, 10):
            values = {"project_id": project, "id": project, "attachment_id": project}
            usable = {k: v for k, v in values.items() if k in columns}
            if not usable:
                con.execute(f"INSERT INTO pg_temp.{name} DEFAULT VALUES")
                continue
            con.execute(
                f"INSERT INTO pg_temp.{name} ({', '.join(usable)}) VALUES "
                f"({', '.join(str(v) for v in usable.values())})"
            )
    functions = {w for w in names if w.startswith("pmdesk_")} | {
        "pg_notify", "now", "replace", "gen_random_uuid", "quote_ident", "left",
    }  # fmt: skip
    for name in sorted(functions):
        con.execute(
            f"CREATE FUNCTION pg_temp.{name}() RETURNS SETOF integer "
            f"LANGUAGE sql AS 'SELECT generate_series(1, 9)'"
        )
    con.execute("SET search_path = pg_temp, public")
    return tables


@pytest.mark.parametrize("who", ["eve", "alice"])
def test_temp_tables_named_like_every_table_and_function_a_definer_function_uses(
    world: World, unchanged: None, who: str
) -> None:
    role = getattr(world, who)
    con = world.connect(role)
    try:
        before = visible(con)
        shadowed = shadow_everything(con, world, role[0])
        assert {"project_member", "project", "material", "attachment"} <= shadowed
        # What pmdesk's functions answer, and what the policies show, is unchanged.
        assert visible(con) == before
        assert {r[0] for r in con.execute("SELECT public.pmdesk_projects_of()")} == (
            {world.p1} if who == "alice" else set()
        )
        assert con.execute("SELECT * FROM public.pmdesk_members(%s)", (world.p2,)).fetchall() == []
        assert con.execute(
            "SELECT count(*) FROM public.attachment WHERE id = %s", (world.file_of_p2,)
        ).fetchone() == (0,)
        # Nor can they write through it.
        person = first_id(world, "person", world.p2)
        note = first_id(world, "note", world.p2)
        for sql in (
            f"UPDATE public.person SET causes = 'x' WHERE id = {person}",
            f"DELETE FROM public.note WHERE id = {note}",
            f"INSERT INTO public.project_member (project_id, role_name) "
            f"VALUES ({world.p2}, '{role[0]}')",
            f"UPDATE public.material SET attachment_id = {world.file_of_p2} "
            f"WHERE project_id = {world.p1}",
            f"DELETE FROM public.material WHERE attachment_id = {world.file_of_p2}",
        ):
            refused(con, sql)
    finally:
        con.close()
    # Gone with the session: the real tables show what they showed.
    with contextlib.closing(world.connect(role)) as con:
        assert visible(con) == before


# --- 2. pointing every foreign key at another project's row --------------------------


def every_reference() -> list[tuple[str, str, str]]:
    """(table, column, target) for every foreign key of the models, placement included."""
    from peewee import ForeignKeyField

    return [
        (m._meta.table_name, f.column_name, f.rel_model._meta.table_name)
        for m in ALL_MODELS
        for f in m._meta.sorted_fields
        # Drafts and Today marks are each person's own: the demo has none (see below).
        if isinstance(f, ForeignKeyField) and m._meta.table_name not in ("draft", "today_state")
    ]


@pytest.mark.parametrize(("table", "column", "target"), every_reference())
def test_pointing_a_foreign_key_at_another_projects_row(
    world: World, unchanged: None, table: str, column: str, target: str
) -> None:
    """Alice (project 1) points a row of hers at project 2's row, by insert and update;
    the refusal reads the same as for an id that does not exist (no oracle)."""
    rows = world.admin.execute(
        f"SELECT t.* FROM public.{table} t WHERE {db_server._project_of(table, 't')} = %s LIMIT 1",
        (world.p1,),
    )
    names = [c.name for c in rows.description]
    row = rows.fetchone()
    assert row is not None, f"the demo has no {table} in project 1"
    mine = dict(zip(names, row, strict=True))
    theirs = first_id(world, target, world.p2)
    missing = 10_000_000
    key_columns = ["id"] if "id" in mine else [n for n in names if n.endswith("_id")]
    key = " AND ".join(f"{n} = %s" for n in key_columns)
    key_values = tuple(mine[n] for n in key_columns)
    copied = [n for n in names if n != "id"]
    with contextlib.closing(world.connect(world.alice)) as con:
        answers = {}
        for label, value in (("theirs", theirs), ("missing", missing)):
            select_list = ", ".join("%s" if n == column else n for n in copied)
            answers[f"insert {label}"] = refused(
                con,
                f"INSERT INTO public.{table} ({', '.join(copied)}) "
                f"SELECT {select_list} FROM public.{table} WHERE {key}",
                (value, *key_values),
            )
            answers[f"update {label}"] = refused(
                con, f"UPDATE public.{table} SET {column} = %s WHERE {key}", (value, *key_values)
            )
    assert all(answers.values()), answers
    assert answers["insert theirs"] == answers["insert missing"]
    assert answers["update theirs"] == answers["update missing"]
    assert "violates foreign key" not in " ".join(answers.values())


def copy_of(con: Any, table: str, where: str, **values: Any) -> int:
    """Insert a copy of the first row of `table` matching `where`, with `values`."""
    names = [r[0] for r in con.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
        "AND NOT attisdropped AND attname <> 'id'", (f"public.{table}",)).fetchall()]  # fmt: skip
    select_list = ", ".join("%s" if n in values else n for n in names)
    params = tuple(values[n] for n in names if n in values)
    sql = (
        f"INSERT INTO public.{table} ({', '.join(names)}) SELECT {select_list} "
        f"FROM public.{table} WHERE {where} LIMIT 1 RETURNING id"
    )
    return int(con.execute(sql, params).fetchone()[0])


def test_a_project_creator_may_still_link_within_the_project(world: World) -> None:
    """The checks refuse only what crosses projects: alice's own new project works."""
    with (
        contextlib.closing(world.connect(world.alice)) as con,
        con.transaction(force_rollback=True),
    ):
        project = copy_of(con, "project", f"id = {world.p1}", name="Mine")
        owner = con.execute("SELECT row_created_by FROM project WHERE id = %s", (project,))
        assert owner.fetchone() == (world.alice[0],)
        person = copy_of(con, "person", f"project_id = {world.p1}", project_id=project)
        follow = copy_of(
            con,
            "follow_up",
            f"project_id = {world.p1}",
            project_id=project,
            person_id=person,
            action_item_id=None,
        )
        # …but not at project 1's people, which alice can see too.
        p1_person = first_id(world, "person", world.p1)
        assert "does not name a row" in refused(
            con, "UPDATE follow_up SET person_id = %s WHERE id = %s", (p1_person, follow)
        )


# --- 3. stored files ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["eve", "alice"])
def test_reading_a_file_not_of_ones_projects(world: World, unchanged: None, who: str) -> None:
    with contextlib.closing(world.connect(getattr(world, who))) as con:
        names = {r[0] for r in con.execute("SELECT file_name FROM attachment")}
        assert names == ({"p1-charter.pdf"} if who == "alice" else set())
        for sql in (
            f"SELECT data FROM attachment WHERE id = {world.file_of_p2}",
            f"SELECT data FROM public.attachment a JOIN public.material m "
            f"ON m.attachment_id = a.id WHERE a.id = {world.file_of_p2}",
            "SELECT count(*) FROM attachment WHERE file_name LIKE 'p2%%'",
        ):
            assert con.execute(sql).fetchall() in ([], [(0,)])
        assert refused(con, f"DELETE FROM attachment WHERE id = {world.file_of_p2}") == ""
        assert refused(con, f"UPDATE attachment SET data = 'x' WHERE id = {world.file_of_p2}") == ""


def test_a_file_one_uploaded_is_no_longer_ones_own_once_a_project_uses_it(world: World) -> None:
    """The uploader sees an unlinked file; linked to project 1, it is project 1's, and
    once alice leaves the project she no longer sees it."""
    with contextlib.closing(world.connect(world.alice)) as con:
        with con.transaction():
            stored = con.execute(
                "INSERT INTO attachment (file_name, size, sha256, data, row_version, "
                "row_created_by, row_changed_by) VALUES ('mine.pdf', 1, '', 'x', 1, '', '') "
                "RETURNING id"
            ).fetchone()[0]
        assert (stored,) in con.execute("SELECT id FROM attachment").fetchall()
        # She cannot give it to a project herself (not even to project 2's).
        with con.transaction():
            con.execute(
                "UPDATE attachment SET pmdesk_project_id = %s WHERE id = %s", (world.p2, stored)
            )
        assert (
            world.one("SELECT pmdesk_project_id FROM attachment WHERE id = %s", (stored,)) is None
        )
        with con.transaction():
            material = copy_of(con, "material", f"project_id = {world.p1}", attachment_id=stored)
        assert (
            world.one("SELECT pmdesk_project_id FROM attachment WHERE id = %s", (stored,))
            == world.p1
        )
    try:
        world.admin.execute(
            "DELETE FROM project_member WHERE project_id = %s AND role_name = %s",
            (world.p1, world.alice[0]),
        )
        with contextlib.closing(world.connect(world.alice)) as con:
            assert con.execute("SELECT count(*) FROM attachment").fetchone() == (0,)
            assert con.execute("SELECT count(*) FROM material").fetchone() == (0,)
    finally:
        world.admin.execute("DELETE FROM material WHERE id = %s", (material,))  # and the file
        world.admin.execute(
            "INSERT INTO project_member (project_id, role_name) VALUES (%s, %s)",
            (world.p1, world.alice[0]),
        )
    assert world.one("SELECT count(*) FROM attachment WHERE id = %s", (stored,)) == 0


# --- 4. LISTEN ------------------------------------------------------------------------


def test_listening_on_every_channel_hears_nothing_of_other_projects(world: World) -> None:
    """Eve and alice listen on every channel pmdesk has used or that they can name;
    bob's edit of project 2 reaches only bob's project's channel, whose name only
    project 2's members can read."""
    channels = {r[0] for r in world.admin.execute("SELECT channel FROM pmdesk_channel")}
    assert len(channels) >= 2 and all(len(c) > 30 for c in channels)
    guessable = {"pmdesk_changes", "pmdesk", *(f"pmdesk_{n}" for n in range(1, 10))}
    listeners = {}
    for who in ("eve", "alice", "bob"):
        con = world.connect(getattr(world, who))
        readable = {r[0] for r in con.execute("SELECT channel FROM pmdesk_channel")}
        listeners[who] = (con, readable)
        for channel in sorted(guessable | readable):
            con.execute(f'LISTEN "{channel}"')
    assert listeners["eve"][1] == set()
    assert len(listeners["alice"][1]) == len(listeners["bob"][1]) == 1
    assert listeners["alice"][1] != listeners["bob"][1]
    try:
        person = first_id(world, "person", world.p2)
        with contextlib.closing(world.connect(world.bob)) as bob:
            bob.execute("UPDATE person SET title = title WHERE id = %s", (person,))
            bob.commit()
        bob_con = listeners["bob"][0]
        select.select([bob_con.fileno()], [], [], 5)
        heard = {who: [n.payload for n in con.notifies(timeout=0.2, stop_after=5)]
                 for who, (con, _) in listeners.items()}  # fmt: skip
    finally:
        for con, _ in listeners.values():
            con.close()
    assert any(p.endswith(" person") for p in heard["bob"])
    assert heard["eve"] == [] and heard["alice"] == []


def test_a_temp_table_named_like_the_announcements_changes_cannot_reach_another_project(
    world: World,
) -> None:
    """Alice's own edit, with a temporary `pmdesk_changed` naming project 2 and a
    search_path putting pg_temp first, is announced on project 1's channel only."""
    bob = world.connect(world.bob)
    alice = world.connect(world.alice)
    try:
        db_server.follow_projects(bob)
        alice.execute("CREATE TEMP TABLE pmdesk_changed (project_id integer, id integer)")
        alice.execute("CREATE TEMP TABLE pmdesk_channel (project_id integer, channel text)")
        bobs = bob.execute("SELECT channel FROM pmdesk_channel").fetchone()[0]
        alice.execute("INSERT INTO pg_temp.pmdesk_changed VALUES (%s, 1)", (world.p2,))
        alice.execute("INSERT INTO pg_temp.pmdesk_channel VALUES (%s, %s)", (world.p1, bobs))
        alice.execute("SET search_path = pg_temp, public")
        person = first_id(world, "person", world.p1)
        alice.execute("UPDATE public.person SET title = title WHERE id = %s", (person,))
        alice.commit()
        # Then a change bob must hear: whatever arrives before it came from alice.
        theirs = first_id(world, "person", world.p2)
        world.admin.execute("UPDATE person SET title = title WHERE id = %s", (theirs,))
        select.select([bob.fileno()], [], [], 10)
        payloads = [n.payload for n in bob.notifies(timeout=0.2, stop_after=10)]
        admin_pid = world.admin.info.backend_pid
        assert payloads and all(p.startswith(f"{admin_pid} ") for p in payloads), payloads
    finally:
        alice.close()
        bob.close()


def test_who_leaves_a_project_hears_no_more_of_it(world: World) -> None:
    """Bob follows project 2's channel; taken off the project, he is told once (on the
    old channel), the channel gets a new name he cannot read, and he hears no more."""
    bob = world.connect(world.bob)
    try:
        db_server.follow_projects(bob)
        (old,) = {r[0] for r in bob.execute("SELECT pg_listening_channels()")}
        world.admin.execute(
            "DELETE FROM project_member WHERE project_id = %s AND role_name = %s",
            (world.p2, world.bob[0]),
        )
        select.select([bob.fileno()], [], [], 5)
        assert "project_member" in db_server.heard(bob, own_pid=-1)  # and follows again
        assert bob.execute("SELECT pg_listening_channels()").fetchall() == []
        assert (
            world.one("SELECT channel FROM pmdesk_channel WHERE project_id = %s", (world.p2,))
            != old
        )
        person = first_id(world, "person", world.p2)
        world.admin.execute("UPDATE person SET title = title WHERE id = %s", (person,))
        assert list(bob.notifies(timeout=0.2, stop_after=1)) == []
    finally:
        bob.close()
        world.admin.execute(
            "INSERT INTO project_member (project_id, role_name) VALUES (%s, %s)",
            (world.p2, world.bob[0]),
        )


# --- 5. functions ---------------------------------------------------------------------


def test_calling_every_pmdesk_function_with_another_roles_name(
    world: World, unchanged: None
) -> None:
    functions = [r[0] for r in world.admin.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE pronamespace = "
        "'public'::regnamespace AND proname LIKE 'pmdesk%%' ORDER BY 1").fetchall()]  # fmt: skip
    assert "pmdesk_projects_of()" in functions
    with contextlib.closing(world.connect(world.eve)) as con:
        callable_ = {
            f for f in functions
            if con.execute("SELECT has_function_privilege(%s, 'EXECUTE')", (f,)).fetchone()[0]
        }  # fmt: skip
        assert callable_ == set(db_server.MEMBER_FUNCTIONS)
        # None takes a role; the old one that did is gone.
        assert "does not exist" in refused(con, f"SELECT pmdesk_projects_of('{world.bob[0]}')")
        assert "does not exist" in refused(
            con, f"SELECT pmdesk_projects_of('{world.bob[0]}'::name)"
        )
        for f in sorted(set(functions) - callable_):
            assert "permission denied" in refused(con, f"SELECT public.{f.replace('()', '')}()")
        assert con.execute("SELECT public.pmdesk_projects_of()").fetchall() == []
        for project in (world.p1, world.p2):
            assert (
                con.execute("SELECT * FROM public.pmdesk_members(%s)", (project,)).fetchall() == []
            )
    with contextlib.closing(world.connect(world.alice)) as con:
        assert con.execute("SELECT * FROM public.pmdesk_members(%s)", (world.p2,)).fetchall() == []
        mine = con.execute("SELECT role_name FROM public.pmdesk_members(%s)", (world.p1,))
        assert mine.fetchall() == [(world.alice[0],)]


# --- 6. deleting a project, changing who is on it -------------------------------------


@pytest.mark.parametrize("who", ["alice", "bob", "eve"])
def test_deleting_a_project_one_did_not_create(world: World, unchanged: None, who: str) -> None:
    with contextlib.closing(world.connect(getattr(world, who))) as con:
        for project in (world.p1, world.p2):
            # A member is told why; anyone else sees no such project.
            said = refused(con, f"DELETE FROM project WHERE id = {project}")
            member = (who, project) in (("alice", world.p1), ("bob", world.p2))
            assert ("only its creator" in said) if member else said == ""
            with con.transaction(force_rollback=True):  # an edit, but never of its creator
                con.execute(
                    f"UPDATE project SET row_created_by = current_user WHERE id = {project}"
                )
                owner = con.execute("SELECT row_created_by FROM project WHERE id = %s", (project,))
                assert owner.fetchone() in (None, (world.one("SELECT current_user"),))
            assert refused(
                con,
                f"INSERT INTO project_member (project_id, role_name) "
                f"VALUES ({project}, '{world.eve[0]}')",
            )
            assert refused(con, f"DELETE FROM project_member WHERE project_id = {project}") == ""
            assert "permission denied" in refused(
                con, f"UPDATE project_member SET role_name = 'x' WHERE project_id = {project}"
            )
            assert "permission denied" in refused(con, "TRUNCATE project CASCADE")
            assert "permission denied" in refused(con, "DELETE FROM pmdesk_channel")
    assert world.one("SELECT row_created_by FROM project WHERE id = %s", (world.p1,)) == (
        world.one("SELECT current_user")
    )


def test_the_creator_changes_members_and_deletes_the_project(world: World, unchanged: None) -> None:
    with contextlib.closing(world.connect(world.alice)) as alice:
        with alice.transaction():
            project = copy_of(alice, "project", f"id = {world.p1}", name="Alice's own")
            alice.execute(
                "INSERT INTO project_member (project_id, role_name, added_by) "
                "VALUES (%s, %s, 'somebody_else')",
                (project, world.eve[0]),
            )
        added_by = alice.execute("SELECT added_by FROM project_member WHERE project_id = %s",
                                 (project,)).fetchone()  # fmt: skip
        assert added_by == (world.alice[0],)
        with contextlib.closing(world.connect(world.eve)) as eve:
            assert {r[0] for r in eve.execute("SELECT id FROM project")} == {project}
            assert "only its creator" in refused(eve, f"DELETE FROM project WHERE id = {project}")
            assert refused(eve, f"DELETE FROM project_member WHERE project_id = {project}") == ""
        with alice.transaction():
            assert alice.execute("DELETE FROM project WHERE id = %s", (project,)).rowcount == 1


# --- 7. SET ROLE ----------------------------------------------------------------------


def test_set_role_changes_nothing_about_whom_the_server_sees(world: World, unchanged: None) -> None:
    """To the group (allowed), to a colleague (refused; and when an administrator did
    grant it, the policies still see alice), to the owner (refused)."""
    owner = world.one("SELECT current_user")
    with contextlib.closing(world.connect(world.alice)) as con:
        own = visible(con)
        con.execute(f"SET ROLE {db_server.MEMBER_GROUP}")
        assert visible(con) == own
        with con.transaction(force_rollback=True):
            project = copy_of(con, "project", f"id = {world.p1}", name="As the group")
            stamp = con.execute("SELECT row_created_by FROM project WHERE id = %s", (project,))
            assert stamp.fetchone() == (world.alice[0],)
        con.execute("RESET ROLE")
        for role in (world.bob[0], owner):
            assert "permission denied" in refused(con, f"SET ROLE {role}")
            assert "permission denied" in refused(con, f"SET SESSION AUTHORIZATION {role}")
        assert "permission denied" in refused(con, "SET session_replication_role = replica")
        assert refused(con, "ALTER TABLE person DISABLE ROW LEVEL SECURITY")
        assert refused(con, "ALTER TABLE person DISABLE TRIGGER person_references")
    world.admin.execute(f"GRANT {world.bob[0]} TO {world.alice[0]}")  # a mistaken grant
    try:
        with contextlib.closing(world.connect(world.alice)) as con:
            con.execute(f"SET ROLE {world.bob[0]}")
            assert con.execute("SELECT current_user").fetchone() == (world.bob[0],)
            assert visible(con) == own
            assert con.execute("SELECT public.pmdesk_projects_of()").fetchall() == [(world.p1,)]
            person = first_id(world, "person", world.p2)
            assert refused(con, f"UPDATE person SET causes = 'x' WHERE id = {person}") == ""
    finally:
        world.admin.execute(f"REVOKE {world.bob[0]} FROM {world.alice[0]}")


# --- 8. catalog statistics ------------------------------------------------------------


def test_pg_stats_of_internal_columns_are_hidden(world: World, unchanged: None) -> None:
    world.admin.execute(
        "CREATE STATISTICS IF NOT EXISTS person_analysis (ndistinct, mcv) "
        "ON cooperation_type, engagement_current FROM person"
    )
    world.admin.execute("ANALYZE")
    tables = tuple(INTERNAL_COLUMNS)
    shown = "SELECT count(*) FROM pg_stats WHERE tablename = ANY(%s)"
    assert world.one(shown, (list(tables),)) > 0  # the owner's statistics exist
    assert world.one("SELECT count(*) FROM pg_stats_ext WHERE tablename = 'person'") > 0
    for who in ("eve", "alice", "bob"):
        with contextlib.closing(world.connect(getattr(world, who))) as con:
            for view in ("pg_stats", "pg_stats_ext", "pg_stats_ext_exprs"):
                count = con.execute(
                    f"SELECT count(*) FROM {view} WHERE tablename = ANY(%s)", (list(tables),)
                )
                assert count.fetchone() == (0,), (who, view)
            assert "permission denied" in refused(con, "SELECT * FROM pg_statistic")
            assert "permission denied" in refused(con, "SELECT * FROM pg_statistic_ext_data")
            # What the README says stays visible: how many rows there are in all.
            assert con.execute(
                "SELECT reltuples > 0 FROM pg_class WHERE relname = 'person'"
            ).fetchone() == (True,)


# --- 9. Today's marks: each member's own ----------------------------------------------


def mark(con: Any, project: int, key: str = "late_person:1:2:3:") -> int:
    """A Today mark as a member's pmdesk writes it (plain SQL); its id."""
    row = con.execute(
        "INSERT INTO public.today_state (key, project_id, mark, reason, marked_at, row_uid) "
        "VALUES (%s, %s, 'dismissed', 'private', now(), '') RETURNING id",
        (key, project),
    ).fetchone()
    return int(row[0])


def test_todays_marks_are_each_members_own(world: World) -> None:
    """Alice marks an item of project 1. Bob, on project 1 too for this test, neither
    reads, changes, deletes nor takes over her mark, nor writes one in her name; eve
    (no project) sees and writes nothing; alice cannot move her mark to project 2.
    (Not `unchanged`: putting bob on project 1 and off again gives it a new channel.)"""
    world.admin.execute(
        "INSERT INTO project_member (project_id, role_name) VALUES (%s, %s)",
        (world.p1, world.bob[0]),
    )
    alice = world.connect(world.alice)
    try:
        with alice.transaction():
            hers = mark(alice, world.p1)
        theirs = "SELECT id, key, mark, reason, row_created_by FROM public.today_state"
        before = alice.execute(theirs).fetchall()
        assert [row[4] for row in before] == [world.alice[0]]
        with contextlib.closing(world.connect(world.bob)) as bob:
            assert bob.execute("SELECT count(*) FROM public.today_state").fetchone() == (0,)
            assert bob.execute(
                "SELECT count(*) FROM public.today_state WHERE id = %s", (hers,)
            ).fetchone() == (0,)
            for sql in (
                f"UPDATE public.today_state SET mark = 'done', reason = '' WHERE id = {hers}",
                f"UPDATE public.today_state SET row_created_by = session_user WHERE id = {hers}",
                f"DELETE FROM public.today_state WHERE id = {hers}",
                "DELETE FROM public.today_state",
            ):
                assert refused(bob, sql) == ""
            # A mark "in alice's name" is his own: the stamp is the server's.
            with bob.transaction(force_rollback=True):
                forged = bob.execute(
                    "INSERT INTO public.today_state (key, project_id, mark, reason, marked_at, "
                    "row_uid, row_created_by) VALUES ('late_person:1:2:3:', %s, 'done', '', "
                    "now(), '', %s) RETURNING row_created_by",
                    (world.p1, world.alice[0]),
                ).fetchone()
                assert forged == (world.bob[0],)
            # His own marks of project 1 are fine, and only his.
            with bob.transaction(force_rollback=True):
                mark(bob, world.p1)
                owners = bob.execute("SELECT row_created_by FROM public.today_state")
                assert owners.fetchall() == [(world.bob[0],)]
        with contextlib.closing(world.connect(world.eve)) as eve:
            assert eve.execute("SELECT count(*) FROM public.today_state").fetchone() == (0,)
            for project in (world.p1, world.p2):
                assert "row-level security" in refused(
                    eve,
                    "INSERT INTO public.today_state (key, project_id, mark, reason, marked_at, "
                    f"row_uid) VALUES ('k', {project}, 'done', '', now(), '')",
                )
            assert (
                refused(eve, f"UPDATE public.today_state SET mark = 'done' WHERE id = {hers}") == ""
            )
            assert refused(eve, "DELETE FROM public.today_state") == ""
        assert refused(
            alice, f"UPDATE public.today_state SET project_id = {world.p2} WHERE id = {hers}"
        )
        assert alice.execute(theirs).fetchall() == before
        assert world.one("SELECT count(*) FROM public.today_state") == 1  # hers, as it was
        with alice.transaction():
            alice.execute("DELETE FROM public.today_state WHERE id = %s", (hers,))
    finally:
        alice.close()
        world.admin.execute(
            "DELETE FROM project_member WHERE project_id = %s AND role_name = %s",
            (world.p1, world.bob[0]),
        )


# --- 10. upserts onto a hidden row, ids given on insert -------------------------------


def test_an_upsert_onto_another_projects_id_never_reads_that_row(
    world: World, unchanged: None
) -> None:
    """`INSERT … ON CONFLICT (id) DO UPDATE … WHERE` evaluates its WHERE on the
    conflicting row before that row's policies: with the id of project 2's note, a
    WHERE that casts the note's text to a number made the error echo the text."""
    theirs = first_id(world, "note", world.p2)
    secret = world.one("SELECT text FROM note WHERE id = %s", (theirs,))
    mine = first_id(world, "note", world.p1)
    with contextlib.closing(world.connect(world.alice)) as con:
        columns = [r[0] for r in con.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = 'public.note'::regclass "
            "AND attnum > 0 AND NOT attisdropped AND attname <> 'id'").fetchall()]  # fmt: skip
        upsert = (
            f"INSERT INTO public.note (id, {', '.join(columns)}) SELECT %s, "
            f"{', '.join(columns)} FROM public.note WHERE id = {mine} "
            "ON CONFLICT (id) DO UPDATE SET text = 'mine now' WHERE {where}"
        )
        said = [
            refused(con, upsert.format(where="note.text::integer > 0"), (theirs,)),
            refused(con, upsert.format(where="note.text LIKE '%%'"), (theirs,)),
            refused(con, upsert.format(where="note.text LIKE 'no such text%%'"), (theirs,)),
        ]
        assert all(said) and len(set(said)) == 1, said  # no answer depends on the row
        assert secret not in " ".join(said)
        # Its own note's id is no secret: the upsert works as PostgreSQL says.
        with con.transaction(force_rollback=True):
            con.execute(upsert.format(where="note.text <> ''"), (mine,))
            assert con.execute("SELECT text FROM note WHERE id = %s", (mine,)).fetchone() == (
                "mine now",
            )


def copy_with_id(con: Any, table: str, source: int, wanted: int) -> str:
    """Insert a copy of row `source` of `table` under the id `wanted`; the refusal."""
    names = [r[0] for r in con.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
        "AND NOT attisdropped AND attname <> 'id'", (f"public.{table}",)).fetchall()]  # fmt: skip
    columns = ", ".join(names)
    return refused(
        con,
        f"INSERT INTO public.{table} (id, {columns}) SELECT %s, {columns} "
        f"FROM public.{table} WHERE id = %s",
        (wanted, source),
    )


def test_ids_not_yet_handed_out_cannot_be_taken_ahead(world: World, unchanged: None) -> None:
    """Alice inserting rows with the next ids of the sequence would make everyone
    else's next insert fail on the primary key."""
    mine = first_id(world, "person", world.p1)
    with contextlib.closing(world.connect(world.alice)) as con:
        ahead = con.execute("SELECT last_value + 1 FROM public.person_id_seq").fetchone()[0]
        for wanted in (ahead, ahead + 1000, 2**31 - 1):
            assert "is taken" in copy_with_id(con, "person", mine, wanted)
        # The server's own question answers for pmdesk's tables only.
        for table in ("pg_catalog.pg_authid", "public.pmdesk_schema"):
            said = refused(con, "SELECT public.pmdesk_id_taken(%s, 10)", (table,))
            assert "is not a pmdesk table" in said
        # An id handed out and freed (undo puts a row back with its id) is fine.
        with con.transaction(force_rollback=True):
            freed = copy_of(con, "person", f"project_id = {world.p1}", name="Gone")
            con.execute("DELETE FROM public.person WHERE id = %s", (freed,))
            names = [c.name for c in con.execute("SELECT * FROM person LIMIT 0").description]
            columns = ", ".join(n for n in names if n != "id")
            con.execute(
                f"INSERT INTO public.person (id, {columns}) SELECT %s, {columns} "
                "FROM public.person WHERE id = %s",
                (freed, mine),
            )


# --- 11. locks a member can hold ------------------------------------------------------


def test_a_member_holding_advisory_locks_blocks_no_one(world: World) -> None:
    """Advisory locks are one name space for every role: alice, holding the keys
    pmdesk's own locks are named from, must not stop bob's pmdesk from opening the
    server or numbering a new step of project 2."""
    keys = ["pmdesk schema", *(f"pmdesk step {p}" for p in (world.p1, world.p2))]
    with contextlib.closing(world.connect(world.alice)) as alice:
        for key in keys:
            alice.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
        url = world.server.url_as(*world.bob)
        # Both would wait forever; a second says they do not wait at all.
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PGOPTIONS", "-c lock_timeout=1000")
            db.open_database(url)
        try:
            from pmdesk.models import ActionItem

            step = ActionItem.create(project=world.p2, title="Bob's step")
            assert step.number is not None
            with contextlib.closing(world.connect(world.bob)) as bob:
                bob.execute("SET lock_timeout = 1000")
                new = copy_of(bob, "action_item", f"id = {step.id}", number=None, title="By psql")
                row = bob.execute("SELECT number FROM action_item WHERE id = %s", (new,)).fetchone()
                assert row[0] == step.number + 1
        finally:
            with db.transaction():
                ActionItem.delete().where(ActionItem.title.in_(["Bob's step", "By psql"])).execute()
            db.close_database()
