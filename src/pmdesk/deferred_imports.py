"""What Peewee imports for its own import and pmdesk's start does not use, made cheap.

Peewee imports every PostgreSQL driver it can find, and a few standard modules for
field types and helpers pmdesk rarely reaches (UUID and IP fields, UTC timestamps):
psycopg alone costs about 130 ms, `calendar`, `socket` and `uuid` together about 6 ms,
all before the window can show its data. The drivers are hidden from Peewee
(`pmdesk.db_server` loads psycopg and hands it over when a server is opened); the
standard modules are loaded the first time one of their names is read.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

#: PostgreSQL drivers Peewee would import (pmdesk uses psycopg 3, for a server only).
DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")

#: Standard modules Peewee imports and uses only in functions pmdesk's start does not call.
ON_FIRST_USE = ("calendar", "socket", "uuid")


def hide_drivers() -> None:
    """Make `import psycopg` (and the others) fail for Peewee until one is loaded."""
    for driver in DRIVERS:
        sys.modules.setdefault(driver, None)  # type: ignore[arg-type]


def reveal_driver(name: str) -> None:
    """Let `import name` find the driver again (it stays loaded if it already is)."""
    if name in sys.modules and sys.modules[name] is None:
        del sys.modules[name]


class LoadedOnFirstUse(types.ModuleType):
    """A module's stand-in in `sys.modules`: `import name` binds it at no cost; the
    first name read from it that it lacks loads the real module, copies the real
    module's names into it (so whoever holds it reads them as usual) and puts the real
    module in `sys.modules` for later imports."""

    def __getattr__(self, name: str) -> object:
        return getattr(load_now(self), name)


def load_now(stand_in: types.ModuleType) -> types.ModuleType:
    """The real module behind `stand_in`, imported if it is not yet."""
    module_name = stand_in.__name__
    if sys.modules.get(module_name) is stand_in:
        del sys.modules[module_name]
    real = importlib.import_module(module_name)
    stand_in.__dict__.update(real.__dict__)
    return real


def on_first_use(*names: str) -> None:
    """Put a stand-in for each module not imported yet (plain modules, not packages:
    a package's submodules import their parent while it loads)."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is not None:
            continue
        stand_in = LoadedOnFirstUse(name)
        # The import system reads these without loading (a module being imported has
        # `__spec__._initializing`).
        stand_in.__spec__ = spec
        stand_in.__loader__ = spec.loader
        stand_in.__file__ = spec.origin
        sys.modules[name] = stand_in
