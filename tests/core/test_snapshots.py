"""Deleting with a snapshot and restoring it puts back every row, id and reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from peewee import Model

from pmdesk.models import (
    ActionItem,
    Attachment,
    Material,
    Meeting,
    Note,
    Person,
    Project,
)
from pmdesk.services.snapshots import delete_with_snapshot, restore
from tests.demo_copy import demo_project
from tests.dumps import database_dump

TODAY = dt.date(2026, 11, 27)


def dump() -> dict[str, list[str]]:
    return database_dump(bookkeeping=False)


@pytest.mark.parametrize("model", [Project, Person, Meeting, Note, ActionItem])
def test_delete_then_restore_gives_back_the_same_database(
    database: Path, model: type[Model]
) -> None:
    demo_project("en", today=TODAY)
    before = dump()
    record_id = model.select().order_by(model._meta.primary_key).first().get_id()
    snapshot = delete_with_snapshot(model, record_id)
    assert dump() != before
    restore(snapshot)
    assert dump() == before


def test_a_person_comes_back_as_speaker_and_owner(database: Path) -> None:
    demo_project("en", today=TODAY)
    speaker_id = Note.select().where(Note.speaker.is_null(False)).first().speaker_id
    spoken = Note.select().where(Note.speaker == speaker_id).count()
    snapshot = delete_with_snapshot(Person, speaker_id)
    assert Note.select().where(Note.speaker == speaker_id).count() == 0
    restore(snapshot)
    assert Note.select().where(Note.speaker == speaker_id).count() == spoken


def test_a_material_comes_back_with_its_file(database: Path) -> None:
    project_id = demo_project("en", today=TODAY)
    attachment = Attachment.create(file_name="deck.pptx", size=3, sha256="x" * 64, data=b"abc")
    material = Material.create(project=project_id, title="Deck", attachment=attachment)
    snapshot = delete_with_snapshot(Material, material.id)
    assert Attachment.get_or_none(Attachment.id == attachment.id) is None, "file went too"
    restore(snapshot)
    assert bytes(Attachment.get_by_id(attachment.id).data) == b"abc"
    assert Material.get_by_id(material.id).attachment_id == attachment.id
