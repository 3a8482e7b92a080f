"""`pmdesk import tracker` and `pmdesk export report|tracker` from the command line."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from .test_cli import assert_one_line_error, create_demo, run_cli


def full_dump(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return "\n".join(connection.iterdump())


@pytest.fixture
def exported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, int, Path]:
    db = tmp_path / "pmdesk.db"
    project = create_demo(capsys, db)
    tracker = tmp_path / "tracker.xlsx"
    code, _out, err = run_cli(
        capsys, "export", "tracker", "--project", project, "-o", tracker, "--db", db
    )
    assert (code, err) == (0, "") and tracker.exists()
    return db, project, tracker


def edit(tracker: Path, target: Path, status: str, row: int = 5) -> None:
    workbook = openpyxl.load_workbook(tracker)
    sheet = workbook["Tracker"]
    assert isinstance(sheet, Worksheet)
    sheet.cell(row, 6).value = status
    sheet.cell(row, 9).value = "Sent on Friday"
    workbook.save(target)


def test_dry_run_prints_the_preview_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], exported: tuple[Path, int, Path], tmp_path: Path
) -> None:
    db, project, tracker = exported
    edited = tmp_path / "edited.xlsx"
    edit(tracker, edited, "Blocked")
    before = full_dump(db)
    code, out, err = run_cli(
        capsys, "import", "tracker", "--project", project, edited, "--dry-run", "--db", db
    )
    assert (code, err) == (0, "")
    assert "status Open → Blocked" in out
    assert "client comment (empty) → “Sent on Friday”" in out
    assert out.rstrip().endswith("Dry run: 2 changes found; nothing was changed.")
    assert full_dump(db) == before

    code, out, err = run_cli(capsys, "import", "tracker", "--project", project, edited, "--db", db)
    assert (code, err) == (0, "")
    assert "Imported 2 changes" in out
    code, out, err = run_cli(capsys, "import", "tracker", "--project", project, edited, "--db", db)
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("already in pmdesk (it was imported before).")
    code, out, err = run_cli(capsys, "list", "actions", "--project", project, "--json", "--db", db)
    assert '"status": "blocked"' in out


def test_invalid_tracker_is_one_line_error_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], exported: tuple[Path, int, Path], tmp_path: Path
) -> None:
    db, project, tracker = exported
    edited = tmp_path / "edited.xlsx"
    edit(tracker, edited, "Finished")
    before = full_dump(db)
    code, out, err = run_cli(capsys, "import", "tracker", "--project", project, edited, "--db", db)
    assert code == 1 and out == ""
    assert_one_line_error(err, "sheet 'Tracker', row 5, column F (Status)", "Finished")
    assert full_dump(db) == before


def test_missing_file_and_usage_errors(
    capsys: pytest.CaptureFixture[str], exported: tuple[Path, int, Path], tmp_path: Path
) -> None:
    db, project, _tracker = exported
    code, _out, err = run_cli(
        capsys, "import", "tracker", "--project", project, tmp_path / "nope.xlsx", "--db", db
    )
    assert code == 1
    assert_one_line_error(err, "nope.xlsx", "no such file")
    with pytest.raises(SystemExit) as exit_info:
        run_cli(capsys, "import", "tracker", tmp_path / "x.xlsx", "--db", db)
    assert exit_info.value.code == 2
    assert "--project" in capsys.readouterr().err


def test_export_report_for_a_period(
    capsys: pytest.CaptureFixture[str], exported: tuple[Path, int, Path], tmp_path: Path
) -> None:
    db, project, _tracker = exported
    target = tmp_path / "report.docx"
    today = dt.date.today()
    code, out, err = run_cli(
        capsys,
        "export",
        "report",
        "--project",
        project,
        "--from",
        (today - dt.timedelta(days=6)).isoformat(),
        "--to",
        today.isoformat(),
        "-o",
        target,
        "--db",
        db,
    )
    assert (code, err) == (0, "") and target.exists()
    assert out == f"Wrote {target}\n"
