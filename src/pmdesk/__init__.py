"""pmdesk: the client communication desk for consulting project managers."""

import sys

__version__ = "0.1.0"

# Peewee imports every PostgreSQL driver it can find as soon as it is imported itself;
# psycopg costs about 130 ms there, before the window can paint, though most people
# never open a team database. Hide the drivers from it: pmdesk.db_server loads psycopg
# (and hands it to Peewee) when a server database is opened.
for _driver in ("psycopg", "psycopg2", "psycopg2cffi"):
    sys.modules.setdefault(_driver, None)  # type: ignore[arg-type]
