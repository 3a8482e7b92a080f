"""Backups rotate, restore round-trips, damaged and awkward files are handled safely."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk import backups, db
from pmdesk.models import Project

T0 = dt.datetime(2026, 11, 27, 9, 0, 0)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def opened(db_path: Path) -> Iterator[Path]:
    db.open_database(db_path)
    Project.create(name="Original")
    try:
        yield db_path
    finally:
        db.close_database()


def names_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [r[0] for r in con.execute("SELECT name FROM project ORDER BY id")]


def test_backups_rotate_keeping_the_newest(opened: Path) -> None:
    made = [backups.make_backup("daily", keep=3, now=T0 + dt.timedelta(days=n)) for n in range(5)]
    kept = [b.path for b in backups.list_backups(opened)]
    assert kept == list(reversed(made[-3:]))
    assert not made[0].exists() and not made[1].exists()
    assert names_in(kept[0]) == ["Original"]


def test_start_backup_only_when_the_file_changed(opened: Path) -> None:
    first = backups.backup_if_due("start", now=T0)
    assert first is not None
    assert backups.backup_if_due("start", now=T0 + dt.timedelta(minutes=5)) is None
    Project.create(name="Changed since")
    db.database.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    later = backups.backup_if_due("start", now=T0 + dt.timedelta(minutes=10))
    assert later is not None and names_in(later) == ["Original", "Changed since"]


def test_daily_backup_once_a_day(opened: Path) -> None:
    assert backups.backup_if_due("daily", now=T0) is not None
    assert backups.backup_if_due("daily", now=T0 + dt.timedelta(hours=23)) is None
    assert backups.backup_if_due("daily", now=T0 + dt.timedelta(hours=25)) is not None


def test_restore_round_trip_keeps_a_copy_of_what_it_replaced(opened: Path) -> None:
    saved = backups.make_backup("daily", now=T0)
    Project.create(name="Typed after the backup")
    replaced = backups.restore(saved, opened)
    assert [p.name for p in Project.select()] == ["Original"]
    assert names_in(replaced) == ["Original", "Typed after the backup"]
    assert db.state is not None and db.state.path == opened


def test_restore_refuses_a_file_that_is_not_a_backup(opened: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not sqlite at all" * 50)
    with pytest.raises(db.DatabaseProblem, match="cannot be restored: it is not a readable SQLite"):
        backups.restore(bogus, opened)
    assert [p.name for p in Project.select()] == ["Original"]


def damage(path: Path) -> None:
    """Overwrite the file's second half with garbage (a bad sector, a half-copied file)."""
    data = bytearray(path.read_bytes())
    half = len(data) // 2
    data[half:] = b"\xde\xad" * ((len(data) - half) // 2)
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_refused_untouched_and_recovered_from_backup(
    db_path: Path,
) -> None:
    db.open_database(db_path)
    for n in range(300):  # enough pages that the damage hits the tables
        Project.create(name=f"Project {n}", description="x" * 200)
    good = backups.make_backup("daily", now=T0)
    db.close_database()
    damage(db_path)
    before = digest(db_path)

    with pytest.raises(db.CorruptDatabase) as raised:
        db.open_database(db_path)
        Project.select().count()  # some damage only shows on reading
    db.close_database()
    assert str(db_path) in str(raised.value)
    assert digest(db_path) == before, "a damaged file is never changed"

    assert backups.latest_backup(db_path) == good
    aside = backups.recover(db_path, good)
    try:
        assert digest(aside) == before, "the damaged file is kept, moved aside"
        assert Project.select().count() == 300
    finally:
        db.close_database()


def test_read_only_file_opens_read_only(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db.open_database(db_path)
    Project.create(name="Read me")
    db.close_database()
    before = digest(db_path)
    monkeypatch.setattr(db, "_why_read_only", lambda _path: "the file is read-only")
    db.open_database(db_path)
    try:
        assert db.state is not None and db.state.read_only
        assert [p.name for p in Project.select()] == ["Read me"]
        with pytest.raises(Exception, match="readonly"):
            Project.create(name="Refused")
    finally:
        db.close_database()
    assert digest(db_path) == before


def test_network_share_uses_a_rollback_journal(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "on_network_share", lambda _path: True)
    opened = db.open_database(db_path)
    try:
        assert db.state is not None and db.state.network_share
        assert opened.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        db.close_database()


def test_an_import_is_backed_up_first(database: Path, tmp_path: Path) -> None:
    from pmdesk.demo import create_demo_project
    from pmdesk.exports import ExportOptions
    from pmdesk.exports.tracker_xlsx import export_tracker
    from pmdesk.imports.tracker_xlsx import apply_tracker, read_tracker

    project_id = create_demo_project("en", today=T0.date())
    tracker = export_tracker(project_id, tmp_path / "tracker.xlsx", ExportOptions())
    apply_tracker(read_tracker(project_id, tracker, T0.date()))
    assert [b.reason for b in backups.list_backups(database)] == ["before-import"]


def test_a_read_only_database_keeps_drafts_in_the_fallback_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing in a read-only database must not raise from the autosave timer; what is
    typed is kept in the fallback file (see services.drafts)."""
    from pmdesk.services import drafts

    db.open_database(db_path)
    db.close_database()
    monkeypatch.setattr(db, "_why_read_only", lambda _path: "the file is read-only")
    db.open_database(db_path)
    try:
        drafts.save("evidence:1", "typed")
        assert drafts.load("evidence:1").text == "typed"  # type: ignore[union-attr]
    finally:
        db.close_database()


@pytest.fixture
def backend() -> str:
    """Backups are of a database file (a team server is backed up by its administrator)."""
    return "sqlite"


def test_a_start_backup_after_the_file_was_closed_makes_nothing(opened: Path) -> None:
    """The start check runs on its own thread: quitting meanwhile closes the file first."""
    db.close_database()
    assert backups.backup_if_due("start", now=T0) is None
    assert backups.list_backups(opened) == []
