"""Shared fixtures: a fresh database per test, no Qt platform or user folders touched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import ScratchServer, scratch_server

# Set before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep tests out of the real user's data and config folders."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture(autouse=True)
def _english_core_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's messages start in English in every test (a Chinese run sets them)."""
    from pmdesk import messages
    from pmdesk.languages import Language

    monkeypatch.setattr(messages, "current", Language.EN)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "pmdesk.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[Path]:
    """An open, empty pmdesk database; closed again after the test."""
    from pmdesk import db

    db.open_database(db_path)
    try:
        yield db_path
    finally:
        db.close_database()


@pytest.fixture(scope="session")
def postgres() -> Iterator[ScratchServer]:
    """A scratch pmdesk database on the test PostgreSQL server (see tests/postgres.py)."""
    with scratch_server() as server:
        yield server
