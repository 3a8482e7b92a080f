"""A team server's password: kept only in the system keyring, asked for when missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from pmdesk import credentials, db
from tests.postgres import ScratchServer


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(previous)


def test_the_keyring_holds_the_password_under_the_address_without_it(
    memory_keyring: MemoryKeyring,
) -> None:
    url = "postgresql://alice@db.example.com:5433/pmdesk"
    assert credentials.stored_password(url) is None
    assert credentials.store_password(url, "s3cret")
    assert memory_keyring.items == {("pmdesk", url): "s3cret"}
    assert credentials.stored_password("postgresql://alice:typed@db.example.com:5433/pmdesk")
    credentials.forget_password(url)
    assert credentials.stored_password(url) is None


def test_opening_a_server_asks_only_when_the_keyring_has_nothing(
    memory_keyring: MemoryKeyring, postgres: ScratchServer, tmp_path: Path
) -> None:
    db.open_database(postgres.url)  # the tables exist
    db.close_database()
    name, password = postgres.new_role("pm")
    url = postgres.url_as(name, "").replace(":@", "@")  # no password in the address
    asked: list[db.PasswordNeeded] = []

    def ask(problem: db.PasswordNeeded) -> str | None:
        asked.append(problem)
        return password if len(asked) == 1 else None

    try:
        assert credentials.open_location(url, create=False, ask=ask) == password
        assert len(asked) == 1 and not asked[0].refused and name in asked[0].address
        db.close_database()
        credentials.store_password(url, password)
        assert credentials.open_location(url, create=False, ask=ask) is None
        assert len(asked) == 1  # from the keyring, not asked again
        db.close_database()
        credentials.store_password(url, "not it")
        with pytest.raises(db.PasswordNeeded) as refused:
            credentials.open_location(url, create=False, ask=ask)  # asked, then cancelled
        assert asked[-1].refused and refused.value.refused
        assert password not in str(refused.value)
    finally:
        db.close_database()
