"""Drafts the database refuses (locked by another program, read-only) go to a fallback
file in the data folder, come back from there, and the file goes once they are in."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmdesk import db
from pmdesk.models import Draft, Project
from pmdesk.services import drafts


@contextlib.contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Another program in the middle of a long write to the file."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def project(database: Path) -> int:
    if db.is_server():
        pytest.skip("a file's write lock (the server's fallback works the same way)")
    return int(Project.create(name="Plant rollout").id)


def test_a_locked_database_keeps_the_draft_in_the_fallback_file(
    database: Path, project: int
) -> None:
    fallback = drafts.fallback_path()
    assert fallback is not None and not fallback.exists()
    with write_lock(database):
        drafts.save("evidence:1", "The COO agreed", project)
        assert fallback.exists()
        assert drafts.load("evidence:1").text == "The COO agreed"  # type: ignore[union-attr]
        drafts.save("evidence:1", "The COO agreed to the plan", project)
    assert Draft.select().count() == 0, "nothing reached the database while it was locked"

    drafts.forget_cache()  # the next start of pmdesk
    assert drafts.load("evidence:1").text == "The COO agreed to the plan"  # type: ignore[union-attr]
    assert drafts.recover() == 1
    assert not fallback.exists()
    assert Draft.get(Draft.key == "evidence:1").text == "The COO agreed to the plan"


def test_the_next_draft_the_database_takes_empties_the_file(database: Path, project: int) -> None:
    fallback = drafts.fallback_path()
    assert fallback is not None
    with write_lock(database):
        drafts.save("a", "first", project)
        drafts.save("b", "second", project)
    drafts.save("a", "first, more", project)
    assert not fallback.exists()
    assert {d.key: d.text for d in Draft.select()} == {"a": "first, more", "b": "second"}


def test_a_draft_given_up_while_locked_is_not_offered_back(database: Path, project: int) -> None:
    drafts.save("a", "typed", project)
    with write_lock(database):
        drafts.discard("a")
        assert drafts.load("a") is None
    drafts.forget_cache()
    assert drafts.load("a") is None, "the database's older draft stays hidden"
    drafts.recover()
    assert Draft.select().count() == 0
    assert not drafts.fallback_path().exists()  # type: ignore[union-attr]


def test_a_read_only_database_keeps_drafts_in_the_file(
    database: Path, project: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As opened from a read-only folder (root ignores file modes, so say it directly).
    assert db.state is not None
    monkeypatch.setattr(db, "state", db.state._replace(read_only=True))
    drafts.save("a", "typed in a read-only file")
    assert drafts.load("a").text == "typed in a read-only file"  # type: ignore[union-attr]
    assert drafts.recover() == 0, "still read-only: the file stays"
    assert drafts.fallback_path().exists()  # type: ignore[union-attr]
    assert Draft.select().count() == 0
