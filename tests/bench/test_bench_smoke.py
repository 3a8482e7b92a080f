"""The benchmark suite still runs (on tiny data): it must not rot between real runs.

With PMDESK_TEST_POSTGRES set (as in CI) the team server's figures run too, on a
throwaway database; without it they are skipped, and the run says so.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import pytest

from bench import run, server

ON_SERVER = (
    "start to first paint, large over PostgreSQL",
    "start to data shown, large over PostgreSQL (",
    "start to data shown, large over PostgreSQL, member",
    "note commit over PostgreSQL,",
    "note commit over PostgreSQL, member",
    "switch project over PostgreSQL (",
    "switch project over PostgreSQL, member",
    "open a tab over PostgreSQL (",
    "open a tab over PostgreSQL, member",
)


def _run(tmp_path: Path, *extra: str) -> dict:
    output = tmp_path / "result.json"
    run.main(
        [
            "--size",
            "tiny",
            "--runs",
            "1",
            "--output",
            str(output),
            "--data",
            str(tmp_path / "data"),
            *extra,
        ]
    )
    return json.loads(output.read_text(encoding="utf-8"))


def _check(result: dict, *, on_server: bool) -> None:
    names = [figure["name"] for figure in result["figures"]]
    for expected in (
        "start to data shown, demo database",
        "start to data shown, large database",
        "start to first paint, demo",
        "start to first paint, large",
        "whole process, data shown then exit",
        "note commit",
        "search, first 50 results",
        "note commit with the search index",
        "switch project",
        "open a tab",
        "open the Progress tab",
        "switch project during the health check",
        "health check on open",
        "Progress: open a project on the step plan",
        "Progress: first show of a section",
        "Today, every project",
        "sort",
        "filter",
        "tracker export",
        "minutes of",
        "peak memory",
    ):
        assert any(name.startswith(expected) for name in names), expected
    for expected in ON_SERVER:
        assert any(name.startswith(expected) for name in names) == on_server, expected
    for figure in result["figures"]:
        assert figure["value"] > 0, figure
        if figure["baseline"] is not None:
            assert figure["ratio"] == figure["value"] / figure["baseline"]


def test_every_figure_is_measured_on_tiny_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = os.environ.get("PMDESK_TEST_POSTGRES", "")
    for name in server.ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    if not admin:
        result = _run(tmp_path)
        assert "not set" in result["postgresql"]["skipped"]
        _check(result, on_server=False)
        return
    name = f"pmdesk_bench_test_{os.getpid()}_{secrets.token_hex(3)}"
    try:
        result = _run(tmp_path, "--postgres", admin, "--postgres-database", name)
        _check(result, on_server=True)
        assert "generating the tiny database on the PostgreSQL server" in capsys.readouterr().out
        # The next run finds the database with its rows (the commits measured were
        # removed) and uses it as it is.
        server.database(admin, "tiny", name)
        assert "generating" not in capsys.readouterr().out
    finally:
        server.drop_database(admin, name)
