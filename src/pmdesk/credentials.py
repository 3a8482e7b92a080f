"""A team server's password: from the system keyring, or asked for — never in a file.

The keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux)
keeps it under the address without the password. libpq's own ways (PGPASSWORD,
~/.pgpass) work too; where there is no keyring, pmdesk asks each time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from pmdesk import db
from pmdesk.paths import display_url, hide_passwords, is_server_url

SERVICE = "pmdesk"

#: Asks the user for the password (the problem says for what, and whether one was
#: refused); None when they cancel.
Ask = Callable[[db.PasswordNeeded], str | None]


class HidePasswords(logging.Filter):
    """A log filter that keeps passwords out of log files (see `hide_passwords`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = hide_passwords(message)
        if hidden != message:
            record.msg, record.args = hidden, None
        if record.exc_info and not record.exc_text:
            record.exc_text = hide_passwords(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = hide_passwords(record.exc_text)
        return True


def _key(url: str) -> str:
    return display_url(url)


def stored_password(url: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, _key(url))
    except Exception as exc:  # no keyring on this system, or it is locked
        logging.getLogger(__name__).info("no password from the keyring: %s", exc)
        return None


def store_password(url: str, password: str) -> bool:
    """Keep the password in the system keyring; False where there is none."""
    try:
        import keyring

        keyring.set_password(SERVICE, _key(url), password)
    except Exception as exc:
        logging.getLogger(__name__).warning("password not kept in the keyring: %s", exc)
        return False
    return True


def forget_password(url: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _key(url))
    except Exception as exc:
        logging.getLogger(__name__).info("no password to forget: %s", exc)


def open_location(
    location: db.Location, *, create: bool, ask: Ask | None = None, health_check: bool = False
) -> str | None:
    """Open a file or a team server. A server's password comes from the address or
    libpq (PGPASSWORD, ~/.pgpass) first, then the keyring, then `ask`. Returns a password
    the user typed (the caller may offer to keep it). `health_check`: see `db.open_database`."""
    if not is_server_url(location):
        db.open_database(location, create=create, health_check=health_check)
        return None
    url = str(location)
    try:
        db.open_database(url, create=create)  # the keyring only when the server asks
        return None
    except db.PasswordNeeded as needed:
        problem = needed
    stored = stored_password(url) if not urlsplit(url).password else None
    if stored:
        try:
            db.open_database(url, create=create, password=stored)
            return None
        except db.PasswordNeeded as refused:  # changed on the server since it was kept
            problem = refused
    password = ask(problem) if ask is not None else None
    if not password:
        raise problem
    db.open_database(url, create=create, password=password)
    return password
