"""The editor's undo and redo of creates, deletes and grouped edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from pmdesk.models import ActionItem, Note, Person, Project
from pmdesk.services import Changes
from pmdesk.ui.undo import Editor


def make_editor(qtbot: QtBot) -> tuple[Editor, list[Changes], list[str]]:
    changes: list[Changes] = []
    problems: list[str] = []
    return Editor(QUndoStack(), changes.append, problems.append), changes, problems


def test_undo_of_a_create_deletes_and_redo_restores(qtbot: QtBot, database: Path) -> None:
    editor, changes, _ = make_editor(qtbot)
    project = Project.create(name="P")
    person = Person.create(project=project, name="Wang Fang")
    editor.created(Person, person.id, "Add person")
    assert changes[-1].touches(Person)
    editor.stack.undo()
    assert Person.get_or_none(Person.id == person.id) is None
    editor.stack.redo()
    assert Person.get_by_id(person.id).name == "Wang Fang"


def test_undo_of_a_delete_restores_what_hung_off_it(qtbot: QtBot, database: Path) -> None:
    editor, changes, _ = make_editor(qtbot)
    project = Project.create(name="P")
    person = Person.create(project=project, name="Li Ming")
    action = ActionItem.create(project=project, title="Export", owner=person)
    assert editor.delete(Person, person.id, "Remove person")
    assert ActionItem.get_by_id(action.id).owner_id is None
    assert changes[-1].touches(Person, ActionItem)
    editor.stack.undo()
    assert ActionItem.get_by_id(action.id).owner_id == person.id
    editor.stack.redo()
    assert Person.get_or_none(Person.id == person.id) is None


def test_a_macro_undoes_as_one(qtbot: QtBot, database: Path) -> None:
    editor, _, _ = make_editor(qtbot)
    project = Project.create(name="P")
    meeting = project.meetings.model.create(project=project, title="Kickoff")
    notes = [Note.create(meeting=meeting, text=f"n{i}", offset_seconds=i) for i in range(3)]
    with editor.macro("Reorder"):
        for position, note in enumerate(reversed(notes)):
            editor.edit(Note, note.id, {"offset_seconds": position * 10}, "move")
    assert editor.stack.count() == 1
    editor.stack.undo()
    assert [Note.get_by_id(n.id).offset_seconds for n in notes] == [0, 1, 2]


def test_deleting_a_missing_record_is_reported(qtbot: QtBot, database: Path) -> None:
    editor, _, problems = make_editor(qtbot)
    assert not editor.delete(Person, 999, "Remove person")
    assert problems == ["No person with id 999"]
    assert editor.stack.count() == 0


def test_undo_keeps_a_change_made_since_elsewhere_and_says_so(qtbot: QtBot, database: Path) -> None:
    editor, _, problems = make_editor(qtbot)
    person = Person.create(project=Project.create(name="P"), name="Li Ming", title="Analyst")
    assert editor.edit(Person, person.id, {"title": "Lead analyst"}, "Edit title")
    # Someone else (a colleague on a team server, the tracker import…) changes it again.
    Person.update(title="Head of analytics").where(Person.id == person.id).execute()
    editor.stack.undo()
    assert Person.get_by_id(person.id).title == "Head of analytics"
    assert problems and "changed" in problems[-1] and "nothing was saved" in problems[-1]


def test_in_a_local_file_an_edit_is_never_refused_by_its_version(
    qtbot: QtBot, database: Path
) -> None:
    """One user: an older version means their own edit elsewhere in the window."""
    editor, _, problems = make_editor(qtbot)
    person = Person.create(project=Project.create(name="P"), name="Li Ming", title="Analyst")
    seen = Person.get_by_id(person.id).row_version
    Person.update(title="Head of analytics").where(Person.id == person.id).execute()
    assert editor.edit(Person, person.id, {"title": "Lead"}, "Edit", version=seen)
    assert Person.get_by_id(person.id).title == "Lead" and not problems
