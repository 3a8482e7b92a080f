"""Where the user's database lives, without importing the data layer.

The window's shell (title, status bar, the one-instance-per-file check) needs the path
before the first paint, when Peewee and the models are not imported yet.
`pmdesk.db.default_database_path` gives the same path (a test holds them together).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "pmdesk"


def default_database_path() -> Path:
    """Where the user's database lives unless `--db` says otherwise."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "pmdesk.db"
