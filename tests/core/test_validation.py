"""One rule set for what a PM types: the same answers in edits and in every create."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from pmdesk.models import ActionItem, Note, Person, Project, Role, Side
from pmdesk.services import ValidationProblem, capture, kickoff, progress, projects, stakeholders
from pmdesk.services.common import apply_edit, edit_fields
from pmdesk.services.validation import TEXT_LIMIT, check_order, clean_text

COMPOSED = "Caf\u00e9"  # é as one code point
DECOMPOSED = "Cafe\u0301"  # e + combining acute accent

WELCOME = [
    "Launch 🎉",
    "数字化采购项目",
    "פרויקט חדש",
    "مشروع التحول الرقمي",
    "Zürich Ｒｅ　Ltd",  # full-width letters and an ideographic space inside
    "👩‍👩‍👧 family",  # zero-width joiners hold the emoji together
    "\u05e2\u200f(2026)",  # a right-to-left mark is what RTL writers need
    "a\tb",
]


@pytest.mark.parametrize("text", WELCOME)
def test_any_script_and_emoji_are_kept_unchanged(text: str) -> None:
    assert clean_text("name", text, max_length=200) == unicodedata.normalize("NFC", text)
    assert clean_text("name", text, max_length=200) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Risk\u0007", "U+0007"),
        ("nul\u0000byte", "U+0000"),
        ("esc\u001b[31m", "U+001B"),
        ("c1\u0085next", "U+0085"),
        ("del\u007f", "U+007F"),
    ],
)
def test_control_characters_are_refused_naming_field_and_code_point(text: str, shown: str) -> None:
    with pytest.raises(ValidationProblem) as caught:
        clean_text("title", text, max_length=200, multiline=True)
    assert caught.value.field == "title"
    assert caught.value.message == f"contains a control character ({shown})"
    assert str(caught.value).startswith("title: ")


@pytest.mark.parametrize("code", [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2069])
@pytest.mark.parametrize("multiline", [False, True])
def test_bidi_overrides_that_disguise_text_are_refused(code: int, multiline: bool) -> None:
    spoof = f"invoice{chr(code)}fdp.exe"
    with pytest.raises(ValidationProblem, match=f"text-direction control \\(U\\+{code:04X}\\)"):
        clean_text("file_name", spoof, max_length=255, multiline=multiline)


def test_surrounding_whitespace_goes_and_line_breaks_are_normalised() -> None:
    assert clean_text("name", "\u3000 \ufeffAcme\u3000\n", max_length=10) == "Acme"
    assert clean_text("notes", "one\r\ntwo\rthree", max_length=None, multiline=True) == (
        "one\ntwo\nthree"
    )
    with pytest.raises(ValidationProblem, match="single line"):
        clean_text("name", "one\ntwo", max_length=None)


def test_same_name_typed_two_ways_is_stored_the_same() -> None:
    assert COMPOSED != DECOMPOSED
    assert clean_text("name", DECOMPOSED, max_length=4) == COMPOSED


@pytest.mark.parametrize("blank", ["", "   ", "\u3000\t", None])
def test_blank_required_text_is_refused(blank: str | None) -> None:
    with pytest.raises(ValidationProblem, match=r"^name: cannot be empty$"):
        clean_text("name", blank, max_length=10, required=True)
    assert clean_text("name", blank, max_length=10) == ""


def test_length_counts_characters_not_bytes() -> None:
    assert clean_text("code", "🎉" * 5, max_length=5) == "🎉" * 5
    assert clean_text("code", "中" * 5, max_length=5) == "中" * 5
    with pytest.raises(ValidationProblem, match=r"^code: at most 5 characters \(this has 6\)$"):
        clean_text("code", "中" * 6, max_length=5)


def test_non_text_is_refused() -> None:
    with pytest.raises(ValidationProblem, match="name: must be text"):
        clean_text("name", 42, max_length=10)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2026, 12, 2), dt.date(2026, 12, 1)),
        (dt.datetime(2026, 12, 1, 10, 0), dt.datetime(2026, 12, 1, 9, 59)),
        (dt.date(2026, 12, 2), dt.datetime(2026, 12, 1, 23, 0)),
    ],
)
def test_an_end_before_its_start_is_refused(start: dt.date, end: dt.date) -> None:
    with pytest.raises(ValidationProblem, match=r"^due_date: cannot be before start date"):
        check_order("due_date", start, end, start_field="start_date")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (None, dt.date(2026, 12, 1)),
        (dt.date(2026, 12, 1), None),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
        (dt.date(2026, 12, 1), dt.datetime(2026, 12, 1, 8, 0)),
    ],
)
def test_missing_or_same_day_ends_are_fine(start: dt.date | None, end: dt.date | None) -> None:
    check_order("due_date", start, end)


# -- through the services --------------------------------------------------------------


@pytest.fixture
def project(database: Path) -> Project:
    return projects.create_project("Data platform", client_org="Hengyuan")[0]


BAD_TEXT = [
    ("\u0007", "control character (U+0007)"),
    ("\u0000", "control character (U+0000)"),
    ("\u202e", "text-direction control (U+202E)"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_TEXT)
@pytest.mark.parametrize("field", ["name", "client_org", "code"])
def test_create_project_refuses_bad_text(database: Path, field: str, bad: str, reason: str) -> None:
    values = {"name": "Ok", "client_org": "", "code": ""} | {field: f"x{bad}y"}
    name = values.pop("name")
    with pytest.raises(ValidationProblem) as caught:
        projects.create_project(name, **values)
    assert caught.value.field == field
    assert reason in caught.value.message
    assert Project.select().count() == 0


def test_create_project_checks_length_and_blank_name(database: Path) -> None:
    with pytest.raises(ValidationProblem, match=r"^code: at most 40 characters \(this has 41\)"):
        projects.create_project("Ok", code="C" * 41)
    with pytest.raises(ValidationProblem, match=r"^name: cannot be empty$"):
        projects.create_project("\u3000 ")
    assert Project.select().count() == 0


@pytest.mark.parametrize("name", WELCOME[:6])
def test_create_project_keeps_any_script(database: Path, name: str) -> None:
    project, _ = projects.create_project(f"  {name}\u3000", client_org="עברית العربية")
    stored = Project.get_by_id(project.id)
    assert (stored.name, stored.client_org) == (name, "עברית العربية")


def test_a_name_typed_two_ways_is_found_either_way(database: Path) -> None:
    projects.create_project(DECOMPOSED)
    assert Project.get_or_none(Project.name == COMPOSED) is not None


def test_edit_fields_applies_the_text_rules(project: Project) -> None:
    with pytest.raises(ValidationProblem, match=r"^name: contains a control character"):
        edit_fields(Project, project.id, {"name": "Bell\u0007"})
    with pytest.raises(ValidationProblem, match=r"^client_org: at most 200 characters"):
        edit_fields(Project, project.id, {"client_org": "x" * 201})
    with pytest.raises(ValidationProblem, match=r"^name: cannot be empty"):
        edit_fields(Project, project.id, {"name": " "})
    with pytest.raises(ValidationProblem, match=r"^description: contains an invisible"):
        edit_fields(Project, project.id, {"description": "ok\u2066hidden"})
    with pytest.raises(ValidationProblem, match=rf"^description: at most {TEXT_LIMIT}"):
        edit_fields(Project, project.id, {"description": "x" * (TEXT_LIMIT + 1)})
    stored = Project.get_by_id(project.id)
    assert (stored.name, stored.client_org, stored.description) == ("Data platform", "Hengyuan", "")

    edit = edit_fields(
        Project, project.id, {"description": " 第一行\r\n🎉 second\n", "name": DECOMPOSED}
    )
    stored = Project.get_by_id(project.id)
    assert (stored.description, stored.name) == ("第一行\n🎉 second", COMPOSED)
    apply_edit(edit.inverse())
    assert Project.get_by_id(project.id).name == "Data platform"


def test_edit_fields_checks_dates_against_the_stored_ones(project: Project) -> None:
    action = progress.create_action(
        project.id, "Map the data", start_date=dt.date(2026, 12, 1), due_date=dt.date(2026, 12, 10)
    )
    with pytest.raises(ValidationProblem, match=r"^due_date: cannot be before start date"):
        edit_fields(ActionItem, action.id, {"due_date": dt.date(2026, 11, 30)})
    with pytest.raises(ValidationProblem, match=r"^start_date: cannot be after due date"):
        edit_fields(ActionItem, action.id, {"start_date": dt.date(2026, 12, 11)})
    with pytest.raises(ValidationProblem, match=r"^end_date: cannot be before start date"):
        edit_fields(
            Project,
            project.id,
            {"start_date": dt.date(2027, 1, 1), "end_date": dt.date(2026, 12, 31)},
        )
    stored = ActionItem.get_by_id(action.id)
    assert (stored.start_date, stored.due_date) == (dt.date(2026, 12, 1), dt.date(2026, 12, 10))
    # Moving both together is fine, and so is an unrelated edit of an old record.
    edit_fields(
        ActionItem, action.id, {"start_date": dt.date(2027, 1, 5), "due_date": dt.date(2027, 1, 9)}
    )
    edit_fields(ActionItem, action.id, {"notes": "العربية"})


def test_create_action_refuses_bad_text_and_dates(project: Project) -> None:
    with pytest.raises(ValidationProblem, match=r"^notes: contains a control character"):
        progress.create_action(project.id, "Plan", notes="a\u0000b")
    with pytest.raises(ValidationProblem, match=r"^title: contains an invisible"):
        progress.create_action(project.id, "Plan\u202eexe")
    with pytest.raises(ValidationProblem, match=r"^due_date:"):
        progress.create_action(
            project.id, "Plan", start_date=dt.date(2026, 12, 2), due_date=dt.date(2026, 12, 1)
        )
    assert ActionItem.select().count() == 0
    action = progress.create_action(project.id, "计划 🎉", notes="שלום\nمرحبا")
    assert (action.title, action.notes) == ("计划 🎉", "שלום\nمرحبا")


def test_adding_a_person_applies_the_rules(project: Project) -> None:
    with pytest.raises(ValidationProblem, match=r"^org_unit: contains a control character"):
        kickoff.add_person(
            project.id, "Li Wei", side=Side.CLIENT, role=Role.CLIENT_LEAD, org_unit="IT\u0007"
        )
    with pytest.raises(ValidationProblem, match=r"^name: at most 120 characters \(this has 121\)"):
        stakeholders.add_person(project.id, {"name": "名" * 121, "role": Role.CLIENT_LEAD})
    with pytest.raises(ValidationProblem, match=r"^title: contains an invisible"):
        stakeholders.add_person(
            project.id, {"name": "Dana", "role": Role.CLIENT_LEAD, "title": "CFO\u202d"}
        )
    assert Person.select().count() == 0
    person, _ = stakeholders.add_person(
        project.id, {"name": " 王伟\u3000", "role": Role.CLIENT_LEAD, "title": "مدير"}
    )
    assert (person.name, person.title) == ("王伟", "مدير")


def test_captured_notes_apply_the_rules(project: Project) -> None:
    meeting, _ = kickoff.plan_kickoff(project.id, dt.datetime(2026, 12, 1, 9, 0), time_zone="UTC")
    with pytest.raises(ValidationProblem, match=r"^text: contains a control character \(U\+0000\)"):
        capture.commit_note(meeting.id, "ok\u0000", now=dt.datetime(2026, 12, 1, 9, 5))
    with pytest.raises(ValidationProblem, match=r"^text: contains an invisible"):
        capture.commit_note(meeting.id, "ok\u202e", now=dt.datetime(2026, 12, 1, 9, 5))
    assert Note.select().count() == 0
    note, _ = capture.commit_note(
        meeting.id, "نتفق على الموعد 🎉\r\n下一步", now=dt.datetime(2026, 12, 1, 9, 5)
    )
    assert Note.get_by_id(note.id).text == "نتفق على الموعد 🎉\n下一步"
    with pytest.raises(ValidationProblem, match=r"^title: contains a control character"):
        capture.quick_action(meeting.id, "Send\u0007", owner_id=None, due_date=None)
    with pytest.raises(ValidationProblem, match=r"^title: cannot be empty"):
        kickoff.add_agenda_item(meeting.id, "\u3000")
    with pytest.raises(ValidationProblem, match=r"^version: contains"):
        kickoff.add_material(meeting.id, "Deck", version="v1\u0008")
