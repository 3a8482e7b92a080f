"""Where the user's database lives, without importing the data layer.

The window's shell (title, status bar, the one-instance-per-file check) needs the path
before the first paint, when Peewee and the models are not imported yet.
`pmdesk.db.default_database_path` gives the same path (a test holds them together).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

APP_NAME = "pmdesk"

#: The files pmdesk ships inside its package (icons, translations, fonts…): a folder on
#: disk, installed or frozen alike (the bundle keeps it at pmdesk/resources).
RESOURCES = Path(__file__).resolve().parent / "resources"


def data_folder() -> Path:
    """pmdesk's folder in the user's data folder: the default database, logs, markers."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """Where the user's database lives unless `--db` says otherwise."""
    return data_folder() / "pmdesk.db"


#: Address schemes of a team server (anything else names a database file).
SERVER_SCHEMES = ("postgresql", "postgres")

#: Where the data is: a database file, or a team server's `postgresql://` address.
Location = Path | str


def is_server_url(target: object) -> bool:
    """True for a `postgresql://…` address (anything else is a database file); never
    raises, even for a malformed address (whose error must not repeat its password)."""
    if not isinstance(target, str):
        return False
    scheme, separator, _rest = target.partition("://")
    return bool(separator) and scheme.lower() in SERVER_SCHEMES


def location(value: str) -> Location:
    """A command-line or dialog value as a Location."""
    return value if is_server_url(value) else Path(value)


def display_url(url: str) -> str:
    """A server address without any password, for titles, messages, logs and keys (a
    malformed one too: its host part as typed)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:  # a bad port or host: keep what was typed, less the password
        scheme, _, rest = url.partition("://")
        netloc, slash, path = rest.partition("/")
        user, at, host = netloc.rpartition("@")
        user = user.split(":", 1)[0]
        return f"{scheme}://{user}{at}{host}{slash}{path.split('?', 1)[0]}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


#: `scheme://user:password@` in any text (a URL typed with its password).
_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/@]*@")
#: `password=…` in a query string or a libpq keyword list.
_KEYWORD_PASSWORD = re.compile(r"(?i)\b(password\s*=\s*)('[^']*'|[^\s&]*)")


def hide_passwords(text: str) -> str:
    """`text` with any password in an address or `password=` replaced by ***."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    return _KEYWORD_PASSWORD.sub(r"\1***", text)


def location_name(location: Location) -> str:
    """A short name for the window title: the file's name, or "dbname on host"."""
    if isinstance(location, Path):
        return location.name
    parts = urlsplit(location)
    return f"{parts.path.lstrip('/') or parts.username or ''} @ {parts.hostname or 'localhost'}"
