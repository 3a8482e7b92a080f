"""`pmdesk backup` and `pmdesk restore`: a round trip, with what was replaced kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pmdesk import backups, db
from pmdesk.__main__ import main
from pmdesk.models import Project


def names(path: Path) -> list[str]:
    with sqlite3.connect(path) as con:
        return [row[0] for row in con.execute("SELECT name FROM project ORDER BY id")]


def test_backup_and_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "pmdesk.db"
    db.open_database(live)
    Project.create(name="Before the backup")
    db.close_database()
    copy = tmp_path / "copy.db"
    assert main(["backup", "-o", str(copy), "--db", str(live)]) == 0
    assert names(copy) == ["Before the backup"]

    db.open_database(live)
    Project.create(name="Typed afterwards")
    db.close_database()
    assert main(["restore", str(copy), "--db", str(live)]) == 0
    assert "replaced data is in" in capsys.readouterr().out
    assert names(live) == ["Before the backup"]
    kept = backups.list_backups(live)
    assert [b.reason for b in kept] == ["before-restore"]
    assert names(kept[0].path) == ["Before the backup", "Typed afterwards"]


def test_restore_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "pmdesk.db"
    db.open_database(live)
    Project.create(name="Precious")
    db.close_database()
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    assert main(["restore", str(junk), "--db", str(live)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("pmdesk: error:") and "junk.db" in error and "\n" not in error
    assert names(live) == ["Precious"]


def test_backup_onto_the_database_itself_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "pmdesk.db"
    db.open_database(live)
    Project.create(name="Precious")
    db.close_database()
    assert main(["backup", "-o", str(live), "--db", str(live)]) == 1
    assert names(live) == ["Precious"]
