"""The command line, run in-process through `main` and as a real `python -m pmdesk`."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pmdesk import __version__
from pmdesk.__main__ import main
from pmdesk.cli import display_width, parse_args, text_table
from pmdesk.models import ActionStatus, Language, MeetingKind


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def list_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> list[dict[str, Any]]:
    code, out, err = run_cli(capsys, "list", *argv, "--json", "--db", db)
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def create_demo(capsys: pytest.CaptureFixture[str], db: Path, language: str = "en") -> int:
    code, out, err = run_cli(capsys, "demo", "--db", db, "--lang", language)
    assert (code, err) == (0, "")
    assert out.startswith("Created demo project ")
    assert out.count("\n") == 1
    return int(out.split()[3].rstrip(":"))


def assert_one_line_error(err: str, *words: str) -> None:
    assert err.startswith("pmdesk: error: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    for word in words:
        assert word in err


def is_iso_date(value: str) -> bool:
    dt.date.fromisoformat(value)
    return True


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "pmdesk.db"


@pytest.fixture
def demo_db(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[Path, int]:
    return db, create_demo(capsys, db)


# -- demo and list --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_demo_then_list_projects_shows_it(
    capsys: pytest.CaptureFixture[str], db: Path, language: str
) -> None:
    code, out, err = run_cli(capsys, "demo", "--db", db, "--lang", language)
    assert (code, err) == (0, "")
    assert db.exists()

    code, raw, err = run_cli(capsys, "list", "projects", "--json", "--db", db)
    assert (code, err) == (0, "")
    [project] = json.loads(raw)
    assert out == f"Created demo project {project['id']}: {project['name']}\n"
    assert project["document_language"] == language
    assert set(project) >= {"id", "name", "client_org", "code", "status", "start_date"}
    if language == Language.ZH_CN:
        assert any("\u4e00" <= char <= "\u9fff" for char in project["name"])
        assert project["name"] in raw  # real characters, not \u escapes
        assert "\\u" not in raw


def test_demo_defaults_to_english(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, _out, _err = run_cli(capsys, "demo", "--db", db)
    assert code == 0
    [project] = list_json(capsys, db, "projects")
    assert project["document_language"] == "en"


def test_list_people_of_a_project(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int]
) -> None:
    db, project_id = demo_db
    people = list_json(capsys, db, "people", "--project", str(project_id))
    assert people
    for person in people:
        assert person["project_id"] == project_id
        assert isinstance(person["id"], int)
        assert person["name"]
        assert person["side"] in {"client", "consultant"}
        for key in ("role", "org_unit", "title", "email", "engagement_current"):
            assert key in person
    assert {"client", "consultant"} <= {person["side"] for person in people}


def test_list_meetings_have_a_kind(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int]
) -> None:
    db, project_id = demo_db
    meetings = list_json(capsys, db, "meetings", "--project", str(project_id))
    assert meetings
    for meeting in meetings:
        assert meeting["project_id"] == project_id
        assert meeting["title"]
        assert meeting["kind"] in set(MeetingKind)
        if meeting["starts_at"] is not None:
            dt.datetime.fromisoformat(meeting["starts_at"])
    assert MeetingKind.KICKOFF in {meeting["kind"] for meeting in meetings}


def test_list_actions_have_owner_due_and_status(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int]
) -> None:
    db, project_id = demo_db
    actions = list_json(capsys, db, "actions", "--project", str(project_id))
    assert actions
    people = {p["id"]: p["name"] for p in list_json(capsys, db, "people")}
    for action in actions:
        assert action["project_id"] == project_id
        assert action["title"]
        assert action["status"] in set(ActionStatus)
        assert action["due"] is None or is_iso_date(action["due"])
        assert action["owner"] == people.get(action["owner_id"])
        assert isinstance(action["needs_client_assistance"], bool)
    assert any(action["owner"] for action in actions)
    assert any(action["due"] for action in actions)


def test_list_without_project_covers_every_project(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    first = create_demo(capsys, db, "en")
    second = create_demo(capsys, db, "zh_CN")
    for kind in ("people", "meetings", "actions"):
        everything = list_json(capsys, db, kind)
        only_second = list_json(capsys, db, kind, "--project", str(second))
        assert {row["project_id"] for row in everything} == {first, second}
        assert {row["project_id"] for row in only_second} == {second}
        assert len(only_second) < len(everything)


def test_list_text_table_is_aligned(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    create_demo(capsys, db, "zh_CN")
    code, out, err = run_cli(capsys, "list", "people", "--db", db)
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split() == ["id", "project_id", "name", "side", "role", "org_unit", "title"]
    side_column = display_width(header[: header.index("side")])
    for line in lines:
        # Wide characters count double, so `side` starts at the same terminal column.
        before, side = split_at_column(line, side_column)
        assert before.endswith("  "), line
        assert side.split()[0] in {"client", "consultant"}, line


def split_at_column(line: str, column: int) -> tuple[str, str]:
    """`line` cut where it reaches terminal column `column`."""
    width = 0
    for index, char in enumerate(line):
        if width >= column:
            return line[:index], line[index:]
        width += display_width(char)
    return line, ""


def test_text_table_counts_wide_characters_double() -> None:
    rows = [{"id": 1, "name": "王总", "role": "lead"}, {"id": 22, "name": "Bob", "role": None}]
    assert text_table(rows, ("name", "id", "role")).splitlines() == [
        "name  id  role",
        "王总  1   lead",
        "Bob   22",
    ]


# -- global options -------------------------------------------------------------------


def test_global_options_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int]
) -> None:
    db, _project_id = demo_db
    after = run_cli(capsys, "list", "projects", "--json", "--db", db)
    before = run_cli(capsys, "--db", db, "list", "projects", "--json")
    assert after == before
    assert after[0] == 0

    assert parse_args(["--db", "a.db", "--lang", "zh_CN", "list", "actions"]).db == Path("a.db")
    args = parse_args(["--lang", "zh_CN", "list", "actions", "--db", "b.db"])
    assert (args.db, args.lang, args.kind) == (Path("b.db"), Language.ZH_CN, "actions")


def test_no_command_means_open_the_app() -> None:
    args = parse_args([])
    assert (args.command, args.db, args.lang, args.smoke_test) == (None, None, None, False)
    args = parse_args(["--db", "x.db", "--lang", "en", "--smoke-test"])
    assert (args.command, args.db, args.lang, args.smoke_test) == (
        None,
        Path("x.db"),
        Language.EN,
        True,
    )


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("demo", "list", "--db", "--lang"):
        assert word in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"pmdesk {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "everything", "--db", "x.db"],
        ["list", "actions", "--project", "one"],
        ["demo", "--lang", "fr"],
        ["demo", "--smoke-test"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err)


# -- data errors change nothing -------------------------------------------------------


def test_unknown_project_is_one_line_error(
    capsys: pytest.CaptureFixture[str], demo_db: tuple[Path, int]
) -> None:
    db, _project_id = demo_db
    before = db.read_bytes()
    code, out, err = run_cli(capsys, "list", "actions", "--project", "999", "--json", "--db", db)
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "999")
    assert db.read_bytes() == before


def test_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "nowhere" / "pmdesk.db"
    code, out, err = run_cli(capsys, "list", "projects", "--json", "--db", db)
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "pmdesk.db")
    assert not db.parent.exists()


@pytest.mark.parametrize("command", [["list", "projects", "--json"], ["demo"]])
def test_file_that_is_not_a_database_is_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    not_db = tmp_path / "notes.db"
    content = b"Meeting notes, not a database.\n" * 200
    not_db.write_bytes(content)
    code, out, err = run_cli(capsys, *command, "--db", not_db)
    assert code == 1
    assert out == ""
    assert_one_line_error(err, "notes.db")
    assert not_db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


# -- as a real process ----------------------------------------------------------------


def run_process(*argv: str | Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *(str(arg) for arg in argv)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_entry_point_lists_chinese_demo_as_utf8_json(tmp_path: Path) -> None:
    db = tmp_path / "演示.db"
    created = run_process("-m", "pmdesk", "demo", "--lang", "zh_CN", "--db", db)
    assert created.returncode == 0, created.stderr.decode()
    # A legacy code page on the pipe (as on Windows) must not garble or break the JSON.
    listed = run_process(
        "-m", "pmdesk", "list", "projects", "--json", "--db", db, PYTHONIOENCODING="cp1252"
    )
    assert listed.returncode == 0, listed.stderr.decode()
    [project] = json.loads(listed.stdout.decode("utf-8"))
    assert project["document_language"] == "zh_CN"
    assert project["name"] in created.stdout.decode("utf-8")


def test_commands_never_import_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pmdesk.__main__ import main\n"
        f"db = {str(tmp_path / 'pmdesk.db')!r}\n"
        "assert main(['demo', '--db', db]) == 0\n"
        "for kind in ('projects', 'people', 'meetings', 'actions'):\n"
        "    assert main(['list', kind, '--db', db]) == 0\n"
        "    assert main(['list', kind, '--json', '--db', db]) == 0\n"
        "qt = ('PySide6', 'shiboken6', 'pmdesk.ui', 'pmdesk.app')\n"
        "loaded = [m for m in sys.modules if any(m == q or m.startswith(q + '.') for q in qt)]\n"
        "print('QT-MODULES:', loaded, file=sys.stderr)\n"
        "sys.exit(3 if loaded else 0)\n"
    )
    result = run_process("-c", script)
    assert result.returncode == 0, result.stderr.decode()


def test_entry_point_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = run_process("-m", "pmdesk", "list", "people", "--json", "--db", db)
    assert result.returncode == 1
    assert result.stdout == b""
    assert_one_line_error(result.stderr.decode(), "missing.db")
    assert not db.exists()


def test_entry_point_help(tmp_path: Path) -> None:
    result = run_process("-m", "pmdesk", "--help")
    assert result.returncode == 0
    assert b"demo" in result.stdout
    assert b"list" in result.stdout


def test_list_refuses_an_empty_file_and_leaves_it_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 0-byte file is not turned into a database, by any command: with no backup the
    one line says so."""
    target = tmp_path / "empty.db"
    target.touch()
    for command in (["list", "projects"], ["demo"], ["backup", "-o", str(tmp_path / "b.db")]):
        assert main([*command, "--db", str(target)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "empty: 0 bytes) and has no sound backup" in err
        assert target.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_demo_option_opens_a_populated_demo_database(tmp_path: Path) -> None:
    """`pmdesk --demo --smoke-test` makes the demo database once and opens it."""
    target = tmp_path / "demo.db"
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "pmdesk", "--demo", "--db", str(target), "--smoke-test"],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, result.stderr
        assert "smoke test passed (1 projects" in result.stdout


@pytest.mark.parametrize(
    ("language", "to_line", "cc_line"),
    [
        (
            "en",
            "pmdesk: warning: not in To (no email address): Helen Brooks",
            "pmdesk: warning: not in Cc (no email address): Sophie Turner",
        ),
        (
            "zh_CN",
            "pmdesk：警告：未列入收件人（没有电子邮件地址）：",
            "pmdesk：警告：未列入抄送（没有电子邮件地址）：",
        ),
    ],
)
def test_the_email_draft_names_who_it_misses_before_writing(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    tmp_path: Path,
    language: str,
    to_line: str,
    cc_line: str,
) -> None:
    create_demo(capsys, db, language)
    rows = list_json(capsys, db, "people")
    leader = [r for r in rows if r["role"] == "client_leader"][1]  # Helen Brooks
    member = [r for r in rows if r["role"] == "consultant_member"][-1]  # Sophie Turner
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE person SET email = '' WHERE id IN (?, ?)", (leader["id"], member["id"])
        )
    connection.close()
    alignment = next(
        m["id"] for m in list_json(capsys, db, "meetings") if m["kind"] == MeetingKind.OTHER
    )
    target = tmp_path / "draft.eml"
    argv = ["export", "email", "--meeting", str(alignment), "-o", target, "--db", db]
    code, _out, err = run_cli(capsys, *argv, "--lang", language)
    assert code == 0 and target.exists()
    assert "Cc" not in err and "抄送" not in err, "the team is not copied: nobody missed in Cc"
    assert err.splitlines() == [to_line + ("" if language == "en" else leader["name"])]
    target.unlink()
    code, _out, err = run_cli(capsys, *argv, "--lang", language, "--cc-team")
    assert code == 0 and target.exists()
    names = ("", "") if language == "en" else (leader["name"], member["name"])
    assert err.splitlines() == [to_line + names[0], cc_line + names[1]]
    # The alignment meeting's team is the PM (the sender) and the member without address.
    assert b"\nCc:" not in target.read_bytes()
