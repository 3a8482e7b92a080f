"""The data layer and the services run on both backends: a local file and a team server.

PostgreSQL runs when PMDESK_TEST_POSTGRES names a role that may create databases
(`.ci/run` starts a server and sets it); without it those cases are skipped, unless
PMDESK_REQUIRE_POSTGRES is set (as in CI), which makes a missing server a failure.
A module whose subject is the file itself overrides `backend` to "sqlite".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres import ScratchServer


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database(backend: str, db_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    """An open, empty pmdesk database on `backend`; closed (and emptied) after the test.

    Yields a path in the test's folder either way (tests write their exports beside it).
    """
    from pmdesk import db

    if backend == "sqlite":
        db.open_database(db_path)
        try:
            yield db_path
        finally:
            db.close_database()
        return
    server: ScratchServer = request.getfixturevalue("postgres")
    # Emptied before as well as after: the team-window and command-line tests leave their
    # demo behind (they empty the server before they start), and with one worker per
    # core a core test may come after them.
    server.empty_if_created()
    db.open_database(server.url)
    try:
        yield db_path
    finally:
        db.close_database()
        server.empty()
