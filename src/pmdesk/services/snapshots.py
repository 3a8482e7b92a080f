"""Deleting a record with everything that hangs off it, in a form that can be put back.

Undo of a delete (or of a create) must restore the same rows with the same ids, the
rows the delete cascaded to, and the references it set to NULL. `delete_with_snapshot`
records all of that before deleting; `restore` writes it back in one transaction.

An id can be reused (a restored backup, another program's write), so undo and redo go
by row identity too (`row_uid`): while `replaying()`, a delete acts only on the row this
process knew at that id, and a restore never writes where another row now is; either
raises RowReplaced and changes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, NamedTuple

from peewee import ForeignKeyField, Model

from pmdesk.db import transaction
from pmdesk.models import ALL_MODELS, Attachment, Material, known_row_uid, remember_row
from pmdesk.services.common import RowReplaced, get_or_fail

_replaying = False


@contextlib.contextmanager
def replaying() -> Iterator[None]:
    """Undo or redo is running: act only on rows by the identity they were known by."""
    global _replaying
    before, _replaying = _replaying, True
    try:
        yield
    finally:
        _replaying = before


def remember(model: type[Model], record_id: Any) -> None:
    """Note the identity of a row just created (undo will delete only that row)."""
    if known_row_uid(model, record_id) is None:
        rows: Any = model
        uid = rows.select(rows.row_uid).where(model._meta.primary_key == record_id).scalar()
        if uid is not None:
            remember_row(model, record_id, uid)


def _remember_rows(rows: Any) -> None:
    for model, data in rows:
        if model._meta.primary_key is not False and "row_uid" in data:
            remember_row(model, data[model._meta.primary_key.name], data["row_uid"])


#: Parents before children: the order rows must be inserted in.
_ORDER: dict[type[Model], int] = {model: n for n, model in enumerate(ALL_MODELS)}


class Snapshot(NamedTuple):
    """Rows removed by one delete, parents first, and the references it cleared."""

    model: type[Model]
    record_id: int
    rows: tuple[tuple[type[Model], dict[str, Any]], ...]
    cleared: tuple[tuple[type[Model], Any, str, Any], ...]


def _row(record: Model) -> dict[str, Any]:
    return dict(record.__data__)


def _collect(
    model: type[Model],
    records: list[Model],
    rows: list[tuple[type[Model], dict[str, Any]]],
    cleared: list[tuple[type[Model], Any, str, Any]],
    seen: set[tuple[str, Any]],
) -> None:
    for record in records:
        key = (model._meta.table_name, tuple(sorted(_row(record).items())))
        if key in seen:
            continue
        seen.add(key)
        rows.append((model, _row(record)))
        attachment_id = record.__data__.get("attachment") if model is Material else None
        if attachment_id is not None:
            # A trigger deletes a material's file with it; the file must come back too.
            rows.append((Attachment, _row(Attachment.get_by_id(attachment_id))))
    ids = [r.get_id() for r in records if model._meta.primary_key is not False]
    if not ids:
        return
    for fk, child in model._meta.backrefs.items():
        assert isinstance(fk, ForeignKeyField)
        children = list(child.select().where(fk.in_(ids)))
        if not children:
            continue
        if fk.on_delete == "CASCADE":
            _collect(child, children, rows, cleared, seen)
        elif fk.on_delete == "SET NULL":
            cleared.extend((child, c.get_id(), fk.name, c.__data__[fk.name]) for c in children)


def delete_with_snapshot(model: type[Model], record_id: int) -> Snapshot:
    """Delete one record (cascading as the schema says) and return how to put it back."""
    with transaction():
        record: Any = get_or_fail(model, record_id)
        known = known_row_uid(model, record_id) if _replaying else None
        if known is not None and record.row_uid != known:
            raise RowReplaced(model, record_id)
        rows: list[tuple[type[Model], dict[str, Any]]] = []
        cleared: list[tuple[type[Model], Any, str, Any]] = []
        _collect(model, [record], rows, cleared, set())
        record.delete_instance()
    # A reference cleared inside a cascaded subtree comes back with that subtree.
    restored = {
        (m._meta.table_name, data.get(m._meta.primary_key.name))
        for m, data in rows
        if m._meta.primary_key is not False
    }
    kept = tuple(c for c in cleared if (c[0]._meta.table_name, c[1]) not in restored)
    ordered = sorted(rows, key=lambda row: _ORDER[row[0]])
    _remember_rows(ordered)
    return Snapshot(model, record_id, tuple(ordered), kept)


def restore(snapshot: Snapshot) -> None:
    """Put back every row of `snapshot` with its id, then its cleared references."""
    with transaction():
        _refuse_taken_ids(snapshot)
        for model, data in snapshot.rows:
            insert = model.insert(**data)
            if model is Attachment:  # shared by other materials: may still be there
                insert = insert.on_conflict_ignore()
            insert.execute()
        for model, record_id, field_name, value in snapshot.cleared:
            field = model._meta.fields[field_name]
            model.update({field: value}).where(model._meta.primary_key == record_id).execute()
    _remember_rows(snapshot.rows)


def _refuse_taken_ids(snapshot: Snapshot) -> None:
    """RowReplaced if another row now has the id of a row to put back."""
    wanted: dict[type[Model], list[Any]] = {}
    for model, data in snapshot.rows:
        pk = model._meta.primary_key
        if pk is not False and model is not Attachment:  # shared files may still be there
            wanted.setdefault(model, []).append(data[pk.name])
    for model, ids in wanted.items():
        key: Any = model._meta.primary_key
        for start in range(0, len(ids), 500):
            taken = model.select(key).where(key.in_(ids[start : start + 500])).limit(1).scalar()
            if taken is not None:
                raise RowReplaced(model, taken)
