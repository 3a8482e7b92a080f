"""The database file at its edges: odd write targets, damaged pages, files without their
WAL, bad backups, read-only folders, and the temporary files a killed pmdesk leaves."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk import backups, db, temporaries
from pmdesk.exports.files import ExportProblem, write_atomically
from pmdesk.models import Meeting, Note, Project


@pytest.fixture
def opened(db_path: Path) -> Iterator[Path]:
    db.open_database(db_path)
    Project.create(name="Original")
    try:
        yield db_path
    finally:
        db.close_database()


def _notes_file(path: Path, count: int = 400) -> None:
    """A closed pmdesk file with `count` notes over many pages."""
    db.open_database(path)
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    with db.transaction():
        for n in range(count):
            Note.create(meeting=meeting, offset_seconds=n, text=f"note {n} " + "x" * 300)
    db.close_database()


def _damage_a_leaf_page(path: Path, table: str = "note") -> None:
    """Overwrite one leaf page of `table` (a bad sector that start-up never reads)."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        leaves = [
            row[0]
            for row in con.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
            )
        ]
    page = leaves[len(leaves) // 2]
    with open(path, "r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(b"\xff" * page_size)


# -- no write replaces the database, its companions or its backups ---------------------


def _write(target: Path) -> Path:
    return write_atomically(target, lambda temporary: temporary.write_bytes(b"a Word file"))


def test_an_export_onto_the_database_under_any_spelling_is_refused(
    opened: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(opened.parent)
    (opened.parent / "x").mkdir()
    os.link(opened, opened.parent / "hard-link.db")
    (opened.parent / "symlink.db").symlink_to(opened)
    before = opened.read_bytes()
    for target in (
        opened,
        Path("x/../pmdesk.db"),
        Path("./pmdesk.db"),
        opened.absolute(),
        opened.parent / "hard-link.db",
        opened.parent / "symlink.db",
        opened.with_name("pmdesk.db-wal"),
        opened.with_name("pmdesk.db-shm"),
        opened.with_name("pmdesk.db-journal"),  # does not exist: still refused
    ):
        with pytest.raises(ExportProblem, match="open database"):
            _write(target)
    assert opened.read_bytes() == before
    assert [p.name for p in Project.select()] == ["Original"]


def test_an_export_into_the_backup_folder_is_refused(opened: Path) -> None:
    made = backups.make_backup("start")
    kept = made.read_bytes()
    for target in (made, db.backup_folder(opened) / "new.docx"):
        with pytest.raises(ExportProblem, match="backup folder"):
            _write(target)
    assert made.read_bytes() == kept
    assert not (db.backup_folder(opened) / "new.docx").exists()


def test_an_ordinary_export_beside_the_database_is_written(opened: Path) -> None:
    assert _write(opened.with_name("minutes.docx")).read_bytes() == b"a Word file"


def test_a_backup_to_a_file_keeps_ordinary_permissions_and_never_replaces_the_database(
    opened: Path,
) -> None:
    umask = os.umask(0o022)
    try:
        written = db.backup_to_file(opened.with_name("copy.db"))
    finally:
        os.umask(umask)
    assert oct(written.stat().st_mode & 0o777) == oct(0o644)
    with pytest.raises(db.DatabaseProblem, match="already exists"):
        db.backup_to_file(written)
    db.backup_to_file(written, replace=True)
    for target in (opened, opened.with_name("pmdesk.db-wal")):
        with pytest.raises(db.DatabaseProblem, match="open database"):
            db.backup_to_file(target, replace=True)
    with pytest.raises(db.DatabaseProblem, match="folder"):
        db.backup_to_file(opened.parent, replace=True)
    assert [p.name for p in Project.select()] == ["Original"]


# -- health check on open and before each backup ---------------------------------------


def test_a_damaged_leaf_page_is_found_on_open_and_never_backed_up(db_path: Path) -> None:
    _notes_file(db_path)
    db.open_database(db_path)
    sound = backups.make_backup("start")
    db.close_database()
    _damage_a_leaf_page(db_path)
    damaged = db_path.read_bytes()

    db.open_database(db_path)  # without the check, start-up reads nothing of the notes
    try:
        with pytest.raises(db.CorruptDatabase, match="no backup was made"):
            backups.make_backup("start")
    finally:
        db.close_database()
    with pytest.raises(db.CorruptDatabase):
        db.open_database(db_path, health_check=True)
    assert db_path.read_bytes() == damaged, "a damaged file is left as it is"
    assert [b.path for b in backups.list_backups(db_path)] == [sound]
    assert backups.latest_backup(db_path) == sound


def test_rotation_keeps_the_newest_sound_backup_even_beyond_the_number_kept(
    opened: Path,
) -> None:
    sound = backups.make_backup("start")
    for n in range(3):
        broken = db.backup_folder(opened) / f"pmdesk-daily-2099010{n + 1}-000000.db"
        broken.write_bytes(sound.read_bytes()[:5000])
    backups.rotate(opened, 2)
    left = [b.path for b in backups.list_backups(opened)]
    assert sound in left, "the only sound backup is kept"
    assert len(left) == 3


def test_quick_check_reads_through_the_wal(db_path: Path) -> None:
    """A file whose latest commits are only in its -wal is sound, not "damaged"."""
    db.open_database(db_path)
    db.database.obj.execute_sql("PRAGMA wal_autocheckpoint = 0")
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    for n in range(200):
        Note.create(meeting=meeting, offset_seconds=n, text="y" * 500)
    copy = db_path.with_name("copy.db")
    copy.write_bytes(db_path.read_bytes())  # the file without its WAL: pages missing
    copy.with_name("copy.db-wal").write_bytes(db_path.with_name("pmdesk.db-wal").read_bytes())
    db.close_database()
    # Read alone (immutable) the copy has no tables yet: every commit is in its -wal.
    db.open_database(copy, create=False, health_check=True)
    try:
        assert Note.select().count() == 200
    finally:
        db.close_database()


# -- restore and recovery accept only an exact pmdesk file -----------------------------


def _bad_backup(kind: str, path: Path, good: Path) -> None:
    if kind == "0-byte":
        path.write_bytes(b"")
    elif kind == "zeroed header":
        data = bytearray(good.read_bytes())
        data[:100] = bytes(100)
        path.write_bytes(bytes(data))
    elif kind == "no tables":
        with contextlib.closing(sqlite3.connect(path)) as con:
            con.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    else:
        path.write_bytes(good.read_bytes())
        with contextlib.closing(sqlite3.connect(path)) as con:
            if kind == "extra trigger":
                con.execute(
                    "CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM project; END"
                )
            elif kind == "foreign-key violations":
                con.execute("PRAGMA foreign_keys = OFF")
                con.execute("UPDATE meeting SET project_id = 999")
            elif kind == "extra table":
                con.execute("CREATE TABLE spy (x)")
            con.commit()


BAD_KINDS = (
    "0-byte",
    "zeroed header",
    "no tables",
    "extra trigger",
    "foreign-key violations",
    "extra table",
)


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_restore_refuses_each_kind_of_bad_file_naming_what_is_wrong(
    opened: Path, tmp_path: Path, kind: str
) -> None:
    project = Project.get()
    for n in range(75):
        Meeting.create(project=project, title=f"Meeting {n}")
    good = backups.make_backup("start")
    bad = tmp_path / "bad.db"
    _bad_backup(kind, bad, good)
    expected = {
        "0-byte": "empty",
        "zeroed header": "not a readable SQLite",
        "no tables": "not the ones pmdesk makes: no table",
        "extra trigger": "an extra trigger wipe",
        "foreign-key violations": "75 rows refer to rows that do not exist",
        "extra table": "an extra table spy",
    }[kind]
    with pytest.raises(db.DatabaseProblem, match=expected):
        backups.restore(bad, opened)
    assert [p.name for p in Project.select()] == ["Original"]
    assert Meeting.select().count() == 75


def test_restore_of_the_database_onto_itself_is_refused(opened: Path) -> None:
    with pytest.raises(db.DatabaseProblem, match="the database itself"):
        backups.restore(opened, opened)


@pytest.mark.parametrize("kind", ["0-byte", "zeroed header", "damaged page"])
def test_an_empty_zeroed_or_damaged_file_offers_the_latest_sound_backup(
    db_path: Path, kind: str
) -> None:
    _notes_file(db_path)
    db.open_database(db_path)
    sound = backups.make_backup("start")
    db.close_database()
    if kind == "damaged page":
        _damage_a_leaf_page(db_path)
    else:
        _bad_backup(kind, db_path, sound)
    with pytest.raises(db.CorruptDatabase):
        db.open_database(db_path, health_check=True)
    assert backups.latest_backup(db_path) == sound
    aside = backups.recover(db_path, sound)
    try:
        assert Note.select().count() == 400
    finally:
        db.close_database()
    assert aside.exists()


def test_only_a_missing_path_is_a_new_database(tmp_path: Path) -> None:
    db.open_database(tmp_path / "new.db")
    assert Project.select().count() == 0
    db.close_database()
    touched = tmp_path / "touched.db"  # no backups at all: nothing to offer, still refused
    touched.touch()
    with pytest.raises(db.CorruptDatabase) as caught:
        db.open_database(touched)
    assert touched.stat().st_size == 0
    assert "has no sound backup" in backups.damage_report(caught.value)


# -- read-only folder with a -wal ------------------------------------------------------


def test_a_read_only_folder_with_a_wal_shows_every_committed_change(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.open_database(db_path)
    db.database.obj.execute_sql("PRAGMA wal_autocheckpoint = 0")
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    for n in range(21):
        Note.create(meeting=meeting, offset_seconds=n, text=f"committed {n}")
    folder = db_path.parent / "crashed"
    folder.mkdir()
    for name in ("pmdesk.db", "pmdesk.db-wal"):  # what a crash leaves
        (folder / name).write_bytes((db_path.parent / name).read_bytes())
    db.close_database()
    monkeypatch.setattr(db, "_why_read_only", lambda path: "its folder is read-only")
    copy = folder / "pmdesk.db"
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    db.open_database(copy)
    try:
        assert db.state is not None and db.state.read_only
        assert "private copy" in db.state.read_only_reason
        assert Note.select().count() == 21
    finally:
        db.close_database()
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before


# -- temporary files a killed pmdesk leaves --------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from pmdesk.temporaries import temporary_beside

    with temporary_beside(Path(sys.argv[1]), ".xlsx") as temporary:
        temporary.write_bytes(b"half a tracker")
        temporary.with_name(temporary.name + "-journal").write_bytes(b"j")
        print(temporary, flush=True)
        time.sleep(120)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_temporaries_of_a_killed_export_are_removed_at_the_next_start(tmp_path: Path) -> None:
    target = tmp_path / "tracker.xlsx"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(target)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    temporary = Path(holder.stdout.readline().strip())
    try:
        assert temporary.name.startswith(".tracker.") and temporary.exists()
        assert temporaries.remove_stale() == [], "a file still being written is left alone"
        assert temporary.exists()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
    user_file = tmp_path / ".tracker.mine.xlsx"  # not noted by pmdesk: never touched
    user_file.write_bytes(b"x")
    removed = temporaries.remove_stale()
    assert set(removed) == {temporary, temporary.with_name(temporary.name + "-journal")}
    assert sorted(p.name for p in tmp_path.iterdir()) == [".tracker.mine.xlsx"]


def test_a_sound_backup_from_an_older_pmdesk_is_restored_and_upgraded(
    opened: Path, tmp_path: Path
) -> None:
    from tests.core.test_db import make_v1_file

    old = tmp_path / "v1.db"
    make_v1_file(old)
    assert backups.backup_problem(old) == ""
    backups.restore(old, opened)
    assert db.schema_version(db.database.obj) == db.SCHEMA_VERSION
    assert "Original" not in [p.name for p in Project.select()]


def test_a_copy_taken_without_its_wal_opens_as_of_the_last_checkpoint(db_path: Path) -> None:
    """Someone copies only pmdesk.db while pmdesk runs: an older state, not a damaged file."""
    db.open_database(db_path)
    db.database.obj.execute_sql("PRAGMA wal_autocheckpoint = 0")
    meeting = Meeting.create(project=Project.create(name="P"), title="Kickoff")
    Note.create(meeting=meeting, offset_seconds=0, text="checkpointed")
    db.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for n in range(50):
        Note.create(meeting=meeting, offset_seconds=n + 1, text="only in the -wal")
    copy = db_path.with_name("copy.db")
    copy.write_bytes(db_path.read_bytes())
    db.close_database()
    db.open_database(copy, create=False, health_check=True)
    try:
        assert [n.text for n in Note.select()] == ["checkpointed"]
    finally:
        db.close_database()


def test_an_empty_file_with_backups_is_no_room_for_a_new_database(db_path: Path) -> None:
    """New database may take the empty file a save dialog made, never a truncated
    pmdesk file (its backups are the way back) nor a file with anything in it."""
    db.open_database(db_path)
    backups.make_backup("start")
    db.close_database()
    db_path.write_bytes(b"")
    assert not db.remove_empty_placeholder(db_path)
    assert db_path.exists()
    other = db_path.with_name("notes.db")
    other.write_bytes(b"x")
    assert not db.remove_empty_placeholder(other)
    fresh = db_path.with_name("fresh.db")
    fresh.touch()
    assert db.remove_empty_placeholder(fresh) and not fresh.exists()
    assert db.remove_empty_placeholder(db_path.with_name("missing.db"))
