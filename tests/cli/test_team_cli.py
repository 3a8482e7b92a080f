"""The team-server commands as an administrator and a PM type them: migrate-to, members,
and every other command with --db postgresql://…"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.postgres import ScratchServer, admin_connection, with_database

from .test_cli import assert_one_line_error, create_demo, run_cli


@pytest.fixture
def server(postgres: ScratchServer) -> ScratchServer:
    postgres.empty_if_created()
    return postgres


def test_migrate_to_then_members_then_a_pm_works_on_the_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: ScratchServer
) -> None:
    laptop = tmp_path / "laptop.db"
    first = create_demo(capsys, laptop)
    create_demo(capsys, laptop, "zh_CN")
    before = laptop.read_bytes()

    code, out, err = run_cli(capsys, "migrate-to", "--db", laptop, server.url, "--project", first)
    assert (code, err) == (0, "")
    assert "Copied 1 projects" in out and "every count matches" in out
    assert server.url.split("@")[0].split(":")[-1] not in out  # never the password
    assert laptop.read_bytes() == before  # the file is only read

    pm = server.new_role("pm")
    code, out, err = run_cli(capsys, "members", "add", "--db", server.url, "--project", 1, pm[0])
    assert (code, err) == (0, "") and f"{pm[0]} is now a member" in out
    code, out, _ = run_cli(capsys, "members", "list", "--db", server.url, "--project", 1)
    assert pm[0] in out

    as_pm = server.url_as(*pm)
    code, out, err = run_cli(capsys, "list", "people", "--json", "--db", as_pm)
    assert (code, err) == (0, "") and len(json.loads(out)) > 5
    code, out, err = run_cli(
        capsys, "export", "tracker", "--project", 1, "-o", tmp_path / "t.xlsx", "--db", as_pm
    )
    assert (code, err) == (0, "") and (tmp_path / "t.xlsx").exists()


def test_members_refusals_name_what_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, server: ScratchServer
) -> None:
    create_demo(capsys, tmp_path / "laptop.db")
    run_cli(capsys, "migrate-to", "--db", tmp_path / "laptop.db", server.url)
    code, _, err = run_cli(
        capsys, "members", "add", "--db", server.url, "--project", 1, "nobody_here"
    )
    assert code == 1
    assert_one_line_error(err, "no role 'nobody_here'")
    code, _, err = run_cli(
        capsys, "members", "list", "--db", tmp_path / "laptop.db", "--project", 1
    )
    assert code == 1
    assert_one_line_error(err, "team server")
    outsider = server.new_role("consultant")
    code, _, err = run_cli(
        capsys, "members", "add", "--db", server.url_as(*outsider), "--project", 1, outsider[0]
    )
    assert code == 1
    assert_one_line_error(err, "No project with id 1")  # the server does not show it
    member = server.new_role("member")
    run_cli(capsys, "members", "add", "--db", server.url, "--project", 1, member[0])
    for action in ("add", "remove"):
        code, _, err = run_cli(
            capsys, "members", action, "--db", server.url_as(*member), "--project", 1, member[0]
        )
        assert code == 1
        assert_one_line_error(err, "only the creator of project 1")
    code, _, err = run_cli(capsys, "backup", "-o", tmp_path / "b.db", "--db", server.url)
    assert code == 1
    assert_one_line_error(err, "pg_dump")


def test_a_wrong_password_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], server: ScratchServer
) -> None:
    role = server.new_role("pm")
    code, _, err = run_cli(capsys, "list", "projects", "--db", server.url_as(role[0], "wrong"))
    assert code == 1
    assert_one_line_error(err, "needs a password")
    assert "wrong" not in err


def test_roles_without_the_right_are_told_what_the_administrator_does(
    capsys: pytest.CaptureFixture[str], server: ScratchServer
) -> None:
    run_cli(capsys, "list", "projects", "--db", server.url)  # the owner creates the tables
    stranger = server.new_role("stranger", member=False)
    code, _, err = run_cli(capsys, "list", "projects", "--db", server.url_as(*stranger))
    assert code == 1
    assert_one_line_error(err, "GRANT pmdesk_member")

    fresh = f"{server.name}_fresh"
    admin: Any = admin_connection(server.admin)
    try:
        admin.execute(f'CREATE DATABASE "{fresh}"')
        pm = server.new_role("pm")
        url = with_database(server.admin, fresh, *pm)
        code, _, err = run_cli(capsys, "list", "projects", "--db", url)
        assert code == 1
        assert_one_line_error(err, "no pmdesk tables yet", "owner creates them")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        admin.close()
