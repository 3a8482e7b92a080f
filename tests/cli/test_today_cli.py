"""`pmdesk today`: the Today items of the demo project, as a table and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmdesk.services.today import Hat, When
from tests.cli.test_cli import assert_one_line_error, create_demo, run_cli


def today_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> list[dict[str, object]]:
    code, out, err = run_cli(capsys, "today", "--json", "--db", db, *argv)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def test_the_demo_project_has_items_for_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "pmdesk.db"
    project_id = create_demo(capsys, db)
    rows = today_json(capsys, db, "--project", str(project_id))
    assert rows
    assert {row["project_id"] for row in rows} == {project_id}
    assert {row["hat"] for row in rows} <= {hat.value for hat in Hat}
    assert any(row["when"] == When.OVERDUE for row in rows)
    order = [list(When).index(When(str(row["when"]))) for row in rows]
    assert order == sorted(order)
    assert set(rows[0]) == {
        *("when", "due", "hat", "kind", "project_id", "record_id"),
        *("person_id", "person", "action", "why"),
    }
    assert all(row["why"] and row["action"] for row in rows)
    assert today_json(capsys, db) == rows  # all projects: the demo is the only one

    chinese = today_json(capsys, db, "--lang", "zh_CN")
    assert [row["kind"] for row in chinese] == [row["kind"] for row in rows]
    assert all("，" in str(row["why"]) or "。" in str(row["why"]) for row in chinese)

    code, out, err = run_cli(capsys, "today", "--db", db)
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split() == ["when", "due", "hat", "project_id", "person", "action", "why"]
    assert len(lines) == len(rows)


def test_an_unknown_project_or_missing_file_is_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "pmdesk.db"
    code, _out, err = run_cli(capsys, "today", "--db", db)
    assert code == 1
    assert_one_line_error(err)
    assert not db.exists()
    create_demo(capsys, db)
    code, _out, err = run_cli(capsys, "today", "--db", db, "--project", "999")
    assert code == 1
    assert_one_line_error(err)
