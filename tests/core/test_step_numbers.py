"""Step IDs are numbered per project (A-0001 is a project's first step), and an upgraded
file keeps every ID it ever sent to a client."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import peewee
import pytest

from pmdesk import db
from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import export_tracker
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.models import ActionItem, Project
from pmdesk.services import progress

from .test_db import make_v1_file, sqlite_file

TODAY = dt.date(2026, 11, 27)


def test_each_project_numbers_its_own_steps(database: Path) -> None:
    first, second = Project.create(name="Harbour"), Project.create(name="Plant")
    a = progress.create_action(first.id, "Agree the cut-over weekend")
    b = progress.create_action(first.id, "Book the movers")
    c = progress.create_action(second.id, "Walk the plant")
    assert [progress.tracker_id(s.number) for s in (a, b, c)] == ["A-0001", "A-0002", "A-0001"]
    assert ActionItem.get_by_id(a.id).row_version == 1, "numbering is not an edit"
    # A bulk insert (another tool, the bench generator) is numbered by the database.
    ActionItem.insert_many(
        [{"project": second.id, "title": f"Step {i}"} for i in range(3)]
    ).execute()
    numbers = [s.number for s in progress.list_actions(second.id)]
    assert sorted(numbers) == [1, 2, 3, 4]


def test_step_ids_are_unique_in_a_project(database: Path) -> None:
    project = Project.create(name="Harbour")
    progress.create_action(project.id, "Agree the cut-over weekend")
    with pytest.raises(peewee.IntegrityError), db.transaction():
        ActionItem.create(project=project.id, title="Copy", number=1)


def test_a_tracker_row_finds_its_step_in_its_own_project(database: Path, tmp_path: Path) -> None:
    first, second = Project.create(name="Harbour"), Project.create(name="Plant")
    progress.create_action(first.id, "Agree the cut-over weekend")
    walk = progress.create_action(second.id, "Walk the plant")
    path = export_tracker(second.id, tmp_path / "plant.xlsx", ExportOptions())
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Tracker"]
    assert sheet["A3"].value == "A-0001"
    sheet["F3"].value = "In progress"
    workbook.save(path)
    [change] = importer.read_tracker(second.id, path, TODAY).changes
    assert (change.action_id, change.new) == (walk.id, "in_progress")


def test_an_upgraded_file_keeps_every_id_it_sent(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    make_v1_file(path)
    with sqlite_file(path) as con:
        old = con.execute("SELECT id, project_id FROM action_item ORDER BY id").fetchall()
    assert old
    db.open_database(path)
    try:
        steps = {a.id: a for a in ActionItem.select()}
        assert {i: steps[i].number for i, _ in old} == {i: i for i, _ in old}, "A-0012 stays"
        assert {a.row_version for a in steps.values()} == {1}, "the upgrade edits no step"
        project = old[-1][1]
        new = progress.create_action(project, "A step after the upgrade")
        assert new.number == max(i for i, p in old if p == project) + 1
    finally:
        db.close_database()
