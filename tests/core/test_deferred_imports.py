"""The standard modules Peewee imports are loaded when first used, and then work as
ever for whoever imported them first (Peewee's own references included)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from pmdesk import deferred_imports


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_peewee_imports_them_without_loading_them() -> None:
    out = _run(
        """
        import sys
        import pmdesk, peewee
        from pmdesk.deferred_imports import LoadedOnFirstUse, ON_FIRST_USE
        print(all(isinstance(sys.modules[n], LoadedOnFirstUse) for n in ON_FIRST_USE))
        print(sys.modules["psycopg"] is None)
        """
    )
    assert out.splitlines() == ["True", "True"]


def test_the_first_name_read_loads_the_real_module_for_everyone() -> None:
    out = _run(
        """
        import sys, types
        import pmdesk, peewee
        from pmdesk.deferred_imports import LoadedOnFirstUse
        # Peewee's reference: its UTC timestamp and IP fields call calendar and socket.
        print(peewee.TimestampField(utc=True).db_value(__import__("datetime").datetime(2026, 1, 1)))
        print(peewee.IPField().python_value(peewee.IPField().db_value("10.0.0.1")))
        import uuid  # the stand-in, until a name is read from it
        print(len(uuid.uuid4().hex), type(sys.modules["uuid"]) is types.ModuleType)
        from socket import gethostname
        print(type(sys.modules["socket"]) is types.ModuleType, callable(gethostname))
        print(isinstance(peewee.uuid, LoadedOnFirstUse), peewee.uuid.UUID is uuid.UUID)
        """
    )
    assert out.splitlines() == ["1767225600", "10.0.0.1", "32 True", "True True", "True True"]


def test_a_module_already_imported_or_a_package_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import json

    monkeypatch.delitem(sys.modules, "json")
    deferred_imports.on_first_use("json", "sys")
    assert "json" not in sys.modules, "a package gets no stand-in"
    assert sys.modules["sys"] is sys
    sys.modules["json"] = json
