"""pmdesk: the client communication desk for consulting project managers."""

from pmdesk import deferred_imports

__version__ = "0.1.0"

# Before anything imports Peewee: see deferred_imports.
deferred_imports.hide_drivers()
deferred_imports.on_first_use(*deferred_imports.ON_FIRST_USE)
