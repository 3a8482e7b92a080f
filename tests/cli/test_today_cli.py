"""`pmdesk today`: the Today items of the demo project, as a table and as JSON."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
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
        *("key", "when", "due", "hat", "kind", "project_id", "record_id"),
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


def test_items_are_done_snoozed_dismissed_and_reopened_by_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "pmdesk.db"
    create_demo(capsys, db)
    rows = today_json(capsys, db)
    keys = [str(row["key"]) for row in rows]
    assert len(set(keys)) == len(keys)
    first, second, third = keys[:3]
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for argv, said in (
        (("done", first), f"Done: {first}\n"),
        (("snooze", second, "--until", tomorrow), f"Snoozed until {tomorrow}: {second}\n"),
        (("dismiss", third, "--reason", "Agreed by phone"), f"Dismissed: {third}\n"),
    ):
        assert run_cli(capsys, "today", *argv, "--db", db) == (0, said, "")
    left = [str(row["key"]) for row in today_json(capsys, db)]
    assert left == keys[3:]
    assert run_cli(capsys, "today", "reopen", first, "--db", db) == (0, f"Reopened {first}\n", "")
    assert [str(row["key"]) for row in today_json(capsys, db)] == [first, *keys[3:]]
    code, out, err = run_cli(capsys, "today", "done", first, "--db", db, "--lang", "zh_CN")
    assert (code, out, err) == (0, f"已完成：{first}\n", "")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("dismiss", "{key}", "--reason", "  "), ("reason",)),
        (("done", "late_person:1:999999::"), ("No Today item",)),
        (("reopen", "late_person:1:999999::"), ("No marked Today item",)),
        (("snooze", "{key}"), ("--until",)),
        (("done", "{key}", "--until", "2030-01-01"), ("--until",)),
        (("dismiss", "{key}"), ("--reason",)),
        (("done",), ("KEY",)),
        (("--until", "2030-01-01"), ("--until",)),
        (("snooze", "{key}", "--until", "soon"), ("invalid date",)),
        (("done", "{key}", "--json"), ("--json",)),
    ],
)
def test_a_wrong_mark_is_one_line_error_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: tuple[str, ...],
    words: tuple[str, ...],
) -> None:
    db = tmp_path / "pmdesk.db"
    create_demo(capsys, db)
    rows = today_json(capsys, db)
    argv = tuple(a.format(key=rows[0]["key"]) for a in argv)
    try:
        code, out, err = run_cli(capsys, "today", *argv, "--db", db)
    except SystemExit as usage:  # the command line itself is wrong
        code = int(str(usage.code))
        out, err = capsys.readouterr()
        assert code == 2
    else:
        assert code == 1
    assert out == ""
    assert_one_line_error(err, *words)
    assert today_json(capsys, db) == rows


def test_a_mark_survives_the_process_that_made_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "pmdesk.db"
    create_demo(capsys, db)
    key = str(today_json(capsys, db)[0]["key"])
    command = [sys.executable, "-m", "pmdesk", "today", "done", key, "--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, f"Done: {key}\n")
    listed = subprocess.run(
        [sys.executable, "-m", "pmdesk", "today", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert key not in {row["key"] for row in json.loads(listed.stdout)}
