"""Every row of the open database as text, on either backend, to show nothing changed."""

from __future__ import annotations

from peewee import Model

from pmdesk import db
from pmdesk.models import ALL_MODELS


def database_dump(*, bookkeeping: bool = True) -> dict[str, list[str]]:
    """Rows by table, sorted. `bookkeeping=False` leaves out row versions, who and when
    (they rightly move on when a row is changed and changed back)."""
    connection = db.database.obj

    def rows(m: type[Model]) -> list[str]:
        columns = ", ".join(
            f'"{f.column_name}"'
            for f in m._meta.sorted_fields
            if bookkeeping or not f.name.startswith("row_")
        )
        table = m._meta.table_name
        return sorted(map(repr, connection.execute_sql(f'SELECT {columns} FROM "{table}"')))

    return {m._meta.table_name: rows(m) for m in ALL_MODELS}
