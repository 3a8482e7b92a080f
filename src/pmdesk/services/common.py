"""What every service shares: the change report, errors, and field edits with undo data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from peewee import (
    AutoField,
    BigIntegerField,
    CharField,
    Field,
    ForeignKeyField,
    IntegerField,
    IntegrityError,
    Model,
    Select,
    TextField,
)

from pmdesk.db import transaction
from pmdesk.services.validation import ValidationProblem as ValidationProblem
from pmdesk.services.validation import check_pairs, clean_values

M = TypeVar("M", bound=Model)


class NotFound(LookupError):
    """No record with that id; the message names the kind and id for the user."""


class EditConflict(Exception):
    """The record changed since it was read: saving would overwrite someone's change.

    Says who changed it and when (on a team server; a local file has one user), and
    the record's version now, to save over it if the user chooses to.
    """

    def __init__(self, model: type[Model], record: Any) -> None:
        self.model = model
        self.record_id = int(record.get_id())
        self.changed_by: str = record.row_changed_by
        self.changed_at: dt.datetime | None = record.row_changed_at
        self.version: int = record.row_version
        when = f" at {self.local_time():%Y-%m-%d %H:%M}" if self.changed_at else ""
        who = f" by {self.changed_by}" if self.changed_by else ""
        kind = model._meta.table_name.replace("_", " ")
        super().__init__(
            f"This {kind} was changed{who}{when} after you opened it; nothing was saved."
        )

    def local_time(self) -> dt.datetime | None:
        """`changed_at` (stored in UTC) in this computer's time zone."""
        if self.changed_at is None:
            return None
        return self.changed_at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


class RowReplaced(Exception):
    """Undo or redo found another row where it expected its own: the id is the same, the
    row identity (`row_uid`) is not — another program or a restored backup wrote it. It
    is left alone."""

    def __init__(self, model: type[Model], record_id: Any) -> None:
        self.model = model
        self.record_id = record_id
        kind = model._meta.table_name.replace("_", " ")
        super().__init__(
            f"This {kind} was changed outside pmdesk (another program or a restored backup) "
            f"since; it was left as it is."
        )


class Changes(NamedTuple):
    """Which kinds of record a user action touched, so each view refreshes only if needed."""

    tables: frozenset[str] = frozenset()
    project_id: int | None = None

    @classmethod
    def of(cls, *models: type[Model], project_id: int | None = None) -> Changes:
        return cls(frozenset(m._meta.table_name for m in models), project_id)

    def touches(self, *models: type[Model]) -> bool:
        return any(m._meta.table_name in self.tables for m in models)


#: Fields whose value is the driver's value as it comes (an int, a str) on SQLite and
#: PostgreSQL alike: their exact kinds, not subclasses that may convert.
_AS_READ = frozenset({AutoField, IntegerField, BigIntegerField, CharField, TextField})


def _reader(field: Field) -> Callable[[Any], Any] | None:
    """How a column's value becomes the field's, or None if it already is."""
    if isinstance(field, ForeignKeyField):
        return None if type(field.rel_field) in _AS_READ else field.python_value
    return None if type(field) in _AS_READ else field.python_value


def read_records(model: type[M], query: Select) -> list[M]:
    """The records `query` (a `model.select()` of all its fields) finds, as Peewee would
    load them, but only the columns that need it converted (dates, flags): Peewee calls
    every field's converter on every value, most of opening a 1,000-step plan (#20)."""
    fields = model._meta.sorted_fields
    names = [f.name for f in fields]
    readers = [(i, f.name, r) for i, f in enumerate(fields) if (r := _reader(f)) is not None]
    cursor = model._meta.database.execute(query)
    records = []
    new = model.__new__
    for row in cursor.fetchall():
        values = dict(zip(names, row, strict=True))
        for i, name, reader in readers:
            value = row[i]
            if value is not None:
                values[name] = reader(value)
        record = new(model)
        record.__data__ = values
        record._dirty = set()  # type: ignore[attr-defined]
        record.__rel__ = {}
        records.append(record)
    return records


def get_or_fail(model: type[M], record_id: int) -> M:
    """The record, or NotFound naming what was asked for."""
    record = model.get_or_none(model._meta.primary_key == record_id)
    if record is None:
        raise NotFound(f"No {model._meta.table_name.replace('_', ' ')} with id {record_id}")
    return record


class FieldEdit(NamedTuple):
    """Values of some fields of one record before and after an edit: enough to undo it."""

    model: type[Model]
    record_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    #: The identity of the row edited: undo and redo change only that row.
    row_uid: str = ""

    def inverse(self) -> FieldEdit:
        return FieldEdit(self.model, self.record_id, self.after, self.before, self.row_uid)


def edit_fields(
    model: type[Model],
    record_id: int,
    values: dict[str, Any],
    *,
    check: bool = True,
    version: int | None = None,
    expect: dict[str, Any] | None = None,
    expect_uid: str = "",
) -> FieldEdit:
    """Change some fields of one record in one transaction; returns the edit for undo.

    Text goes through the shared rules (services.validation) and start/end pairs are
    checked against the record's stored values. `check=False` is for undo and redo only:
    they put back values that were stored or already checked. `version` is the
    `row_version` the user saw: if the record changed since, EditConflict says who and
    nothing is saved. Either way the update only lands on the version just read.
    `expect`: values the fields must still hold (undo and redo put back a value only
    where nobody changed it since), else EditConflict. `expect_uid`: the row identity
    the record must have (undo and redo), else RowReplaced.
    """
    fields = model._meta.fields
    for name in values:
        if name not in fields:
            raise ValidationProblem(name, "no such field")
    if check:
        values = clean_values(model, values)
    try:
        with transaction():
            record: Any = get_or_fail(model, record_id)
            if expect_uid and record.row_uid != expect_uid:
                raise RowReplaced(model, record_id)
            if version is not None and record.row_version != version:
                raise EditConflict(model, record)
            before = {name: _raw(record, name) for name in values}
            if expect is not None and any(before[n] != v for n, v in expect.items()):
                raise EditConflict(model, record)
            if check:
                merged = {name: _raw(record, name) for name in fields} | values
                check_pairs(model, merged, values)
            update_as_read(model, record, values)
    except IntegrityError as exc:
        raise ValidationProblem(", ".join(values), _integrity_message(exc)) from exc
    return FieldEdit(model, record_id, before, dict(values), record.row_uid)


def update_as_read(model: type[Model], record: Any, values: dict[str, Any]) -> None:
    """Write `values` to `record` only if its row is still the version read; else
    EditConflict (another session saved it between our read and our write)."""
    rows: Any = model
    fields = model._meta.fields
    updated = (
        rows.update({fields[name]: value for name, value in values.items()})
        .where(
            (model._meta.primary_key == record.get_id()) & (rows.row_version == record.row_version)
        )
        .execute()
    )
    if not updated:
        raise EditConflict(model, get_or_fail(model, record.get_id()))


def apply_edit(edit: FieldEdit) -> FieldEdit:
    """Apply an edit's `after` values (used by undo with the inverse edit), only if the
    fields still hold its `before` values: a colleague's change since is not undone."""
    return edit_fields(
        edit.model,
        edit.record_id,
        edit.after,
        check=False,
        expect=edit.before,
        expect_uid=edit.row_uid,
    )


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc)
    if "length(trim(" in text:
        return "cannot be empty"
    if ">=" in text and ("date" in text or "_at" in text):
        return "the end cannot be before the start"
    if "BETWEEN 1 AND 5" in text:
        return "must be between 1 and 5"
    if " IN (" in text:
        return "not one of the allowed values"
    return f"not saved ({text})"


def _raw(record: Model, name: str) -> Any:
    field_obj = record._meta.fields[name]
    if hasattr(field_obj, "rel_model"):
        return record.__data__.get(name)
    return getattr(record, name)
