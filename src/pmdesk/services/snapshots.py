"""Deleting a record with everything that hangs off it, in a form that can be put back.

Undo of a delete (or of a create) must restore the same rows with the same ids, the
rows the delete cascaded to, and the references it set to NULL. `delete_with_snapshot`
records all of that before deleting; `restore` writes it back in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import ForeignKeyField, Model

from pmdesk.db import transaction
from pmdesk.models import ALL_MODELS, Attachment, Material
from pmdesk.services.common import get_or_fail

#: Parents before children: the order rows must be inserted in.
_ORDER: dict[type[Model], int] = {model: n for n, model in enumerate(ALL_MODELS)}


@dataclass(frozen=True)
class Snapshot:
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
        record = get_or_fail(model, record_id)
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
    return Snapshot(model, record_id, tuple(ordered), kept)


def restore(snapshot: Snapshot) -> None:
    """Put back every row of `snapshot` with its id, then its cleared references."""
    with transaction():
        for model, data in snapshot.rows:
            insert = model.insert(**data)
            if model is Attachment:  # shared by other materials: may still be there
                insert = insert.on_conflict_ignore()
            insert.execute()
        for model, record_id, field_name, value in snapshot.cleared:
            field = model._meta.fields[field_name]
            model.update({field: value}).where(model._meta.primary_key == record_id).execute()
