"""`read_records` loads records as Peewee's own loading does, converting only the columns
that need it (issue #20): every model, every kind of field, on both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from peewee import DateField, DateTimeField

from pmdesk.models import ALL_MODELS, ActionItem, BaseModel, Language, Person
from pmdesk.services import people, progress
from pmdesk.services.common import read_records
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


def _values(records: list[BaseModel]) -> list[list[tuple[str, type, object]]]:
    return [[(k, type(v), v) for k, v in r.__data__.items()] for r in records]


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_every_model_reads_as_peewee_reads_it(demo: int, model: type[BaseModel]) -> None:
    query = model.select().order_by(model._meta.primary_key)
    expected = list(query)
    read = read_records(model, query)
    assert _values(read) == _values(expected)
    assert all(type(r) is model and not r.is_dirty() and r.__rel__ == {} for r in read)


def test_the_demo_has_every_kind_of_value_the_readers_convert(demo: int) -> None:
    """Dates, times and flags, and empty ones: what the comparison above rests on."""
    steps = read_records(ActionItem, ActionItem.select())
    kinds = {type(getattr(s, f.name)) for s in steps for f in ActionItem._meta.sorted_fields}
    assert {dt.date, dt.datetime, bool, int, str, type(None)} <= kinds
    fields = [f for f in ActionItem._meta.sorted_fields if isinstance(f, DateField | DateTimeField)]
    assert fields and all(any(getattr(s, f.name) for s in steps) for f in fields)


def test_a_record_read_so_saves_only_what_changed(demo: int) -> None:
    step = progress.list_actions(demo)[0]
    before = ActionItem.get_by_id(step.id)
    step.title = "Renamed"
    assert step.dirty_fields == [ActionItem.title]
    step.save()
    after = ActionItem.get_by_id(step.id)
    assert after.title == "Renamed"
    stamped = {"title", "row_version", "row_changed_at", "row_changed_by"}  # the save's own
    assert {k: v for k, v in after.__data__.items() if k not in stamped} == {
        k: v for k, v in before.__data__.items() if k not in stamped
    }


def test_steps_and_people_come_with_their_owners_and_in_seniority_order(demo: int) -> None:
    everyone = people.list_people(demo)
    assert everyone == people.by_seniority(Person.select().where(Person.project == demo))
    steps = progress.list_actions(demo, everyone)
    owned = [s for s in steps if s.owner_id is not None]
    assert owned and all(s.owner.id == s.owner_id and s.owner in everyone for s in owned)
