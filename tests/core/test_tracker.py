"""The client's tracker: its formatting read back, no internal fields, and the round trip."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from pmdesk import db
from pmdesk.exports import ExportOptions
from pmdesk.exports.tracker_xlsx import display_width, export_person_steps, export_tracker
from pmdesk.imports import tracker_text, xlsx_files
from pmdesk.imports import tracker_xlsx as importer
from pmdesk.imports.tracker_xlsx import TrackerProblem, TrackerRefused
from pmdesk.models import ActionItem, ActionSource, ActionStatus, Language, Person, Project
from pmdesk.services import progress
from tests.demo_copy import demo_project
from tests.dumps import database_dump

from .test_report import MARK, plant_markers

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def demo(database: Path) -> int:
    return demo_project(Language.EN, today=TODAY)


@pytest.fixture
def tracker(demo: int, tmp_path: Path) -> Path:
    return export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())


def dump() -> dict[str, list[str]]:
    return database_dump()


def sheet_of(workbook: openpyxl.Workbook, name: str = "Tracker") -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def row_of(sheet: Worksheet, action_id: int) -> int:
    step = progress.tracker_id(ActionItem.get_by_id(action_id).number)
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, 1).value == step:
            return row
    raise AssertionError(action_id)


# -- the export ----------------------------------------------------------------------------


def test_tracker_formatting_reads_back(tracker: Path, demo: int) -> None:
    workbook = openpyxl.load_workbook(tracker)
    assert workbook.sheetnames == ["Tracker", "Instructions", "pmdesk"]
    assert workbook["pmdesk"].sheet_state == "veryHidden" and workbook["pmdesk"].protection.sheet
    sheet = sheet_of(workbook)
    title = sheet["A1"].value
    assert "Procure-to-Pay" in title and "Client: Northbridge" in title and "as of " in title
    headers = [c.value for c in sheet[2]]
    assert headers == [
        "ID", "Step", "Owner", "Start", "Due", "Status", "Completed on", "Priority",
        "Client comment",
    ]  # fmt: skip
    actions = progress.list_actions(demo)
    assert sheet.max_row == len(actions) + 2
    assert sheet.freeze_panes == "A3"
    [table] = sheet.tables.values()
    assert table.ref == f"A2:I{len(actions) + 2}"
    assert table.autoFilter is not None and sheet.auto_filter.ref is None

    first = actions[0]
    row = row_of(sheet, first.id)
    assert sheet.cell(row, 5).value == dt.datetime.combine(first.due_date, dt.time())
    assert sheet.cell(row, 5).number_format == "d mmm yyyy"
    assert sheet.cell(row, 6).value in {"Open", "In progress", "Done", "Blocked", "Cancelled"}

    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    status = validations["F3"]
    assert status.type == "list"
    assert status.formula1 == '"Open,In progress,Done,Blocked,Cancelled"'
    assert str(status.sqref).endswith(f"F{len(actions) + 2 + 500}"), "room for new rows"
    assert validations["G3"].type == "date"
    assert validations["C3"].formula1.startswith("='Instructions'!$A$"), "the people list"

    rules = [r for cf in sheet.conditional_formatting for r in cf.rules]
    overdue = next(r for r in rules if "TODAY()" in r.formula[0])
    assert overdue.formula == ['AND($E3<>"",$E3<TODAY(),$F3<>"Done",$F3<>"Cancelled")']
    assert overdue.dxf.fill is not None
    # Borders and banding are cell formats: LibreOffice draws no table styles.
    assert sheet.cell(3, 2).border.left.style == "thin"
    fills = {sheet.cell(r, 2).fill.fgColor.rgb for r in (3, 4)}
    assert len(fills) == 2, "banded rows"

    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert "Procure-to-Pay" in sheet.oddHeader.left.text

    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    longest = max(display_width(a.title) for a in actions)
    assert widths["B"] >= min(longest, 58)
    assert widths["I"] >= 30

    instructions = sheet_of(workbook, "Instructions")
    text = "\n".join(str(c.value) for c in instructions["A"] if c.value)
    assert "leave “ID” empty" in text and "Do not change or delete the “ID” column" in text


def test_chinese_tracker_counts_wide_characters(database: Path, tmp_path: Path) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    path = export_tracker(project_id, tmp_path / "t.xlsx", ExportOptions())
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["跟踪表", "填写说明", "pmdesk"]
    sheet = sheet_of(workbook, "跟踪表")
    assert sheet["F2"].value == "状态"
    longest = max(display_width(a.title) for a in progress.list_actions(project_id))
    assert sheet.column_dimensions["B"].width >= longest, "CJK characters count double"
    status = next(v for v in sheet.data_validations.dataValidation if "F3" in str(v.sqref))
    assert status.formula1 == '"未开始,进行中,已完成,受阻,已取消"'


def test_tracker_carries_no_internal_fields(demo: int, tmp_path: Path) -> None:
    plant_markers(demo)
    ActionItem.update(next_step=f"{MARK} next").where(ActionItem.project == demo).execute()
    ActionItem.update(carry_over_count=7654).where(ActionItem.project == demo).execute()
    path = export_tracker(demo, tmp_path / "t.xlsx", ExportOptions())
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert MARK.encode() not in data, name
            assert b"7654" not in data, name
        core = archive.read("docProps/core.xml").decode()
        custom = archive.read("docProps/custom.xml").decode()
    assert "openpyxl" not in core
    assert 'name="pmdesk-tracker"' in custom and f">{demo}</vt:lpwstr>" in custom


def test_export_makes_no_query_per_row(
    demo: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project.get_by_id(demo)
    owner = Person.get(Person.project == demo)
    ActionItem.insert_many(
        [{"project": demo, "title": f"Step {i}", "owner": owner.id} for i in range(300)]
    ).execute()
    queries: list[str] = []
    real = db.database.obj.execute_sql

    def counting(sql: str, *args: object, **kwargs: object) -> object:
        queries.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(db.database.obj, "execute_sql", counting)
    export_tracker(project.id, tmp_path / "t.xlsx", ExportOptions())
    # The export's own few, and the leak gate's (a fixed dozen, one per internal record
    # type: exports.leak_gate), however many rows there are.
    assert len(queries) < 25


def test_person_export_holds_their_open_steps_only(demo: int, tmp_path: Path) -> None:
    person = Person.get(Person.name == "Mark Davies")
    path = export_person_steps(demo, person.id, tmp_path / "p.xlsx", ExportOptions())
    sheet = sheet_of(openpyxl.load_workbook(path))
    owners = {sheet.cell(r, 3).value for r in range(3, sheet.max_row + 1)}
    assert owners == {"Mark Davies"}
    ids = {sheet.cell(r, 1).value for r in range(3, sheet.max_row + 1)}
    expected = {
        progress.tracker_id(a.number)
        for a in progress.list_actions(demo)
        if a.owner_id == person.id and progress.is_open(a)
    }
    assert ids == expected
    assert importer.read_tracker(demo, path, TODAY).is_empty, "it imports like the tracker"


# -- the round trip ------------------------------------------------------------------------


def edit_copy(tracker: Path, target: Path, demo: int) -> dict[str, int]:
    """The client's edits: a status, a completion date, a comment and a new row."""
    workbook = openpyxl.load_workbook(tracker)
    sheet = sheet_of(workbook)
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    key_users = ActionItem.get(ActionItem.title.startswith("Nominate one key user"))
    sheet.cell(row_of(sheet, walk.id), 6).value = "Done"
    sheet.cell(row_of(sheet, walk.id), 7).value = dt.datetime(2026, 11, 26)
    sheet.cell(row_of(sheet, key_users.id), 9).value = "Derby will name theirs on Monday"
    new = sheet.max_row + 1
    for column, value in enumerate(
        ["", "Book the training room", "Sarah Mitchell", dt.datetime(2026, 11, 30),
         dt.datetime(2026, 12, 4), "Open", None, "High", "We will book it"],
        start=1,
    ):  # fmt: skip
        sheet.cell(new, column).value = value
    workbook.save(target)
    return {"walk": walk.id, "key_users": key_users.id}


def assert_intended_changes(demo: int, ids: dict[str, int], before: dict[int, tuple]) -> None:  # type: ignore[type-arg]
    after = {a.id: a for a in progress.list_actions(demo)}
    walk = after[ids["walk"]]
    assert (walk.status, walk.completed_on) == (ActionStatus.DONE, dt.date(2026, 11, 26))
    assert after[ids["key_users"]].client_comment == "Derby will name theirs on Monday"
    [new_id] = set(after) - set(before)
    new = after[new_id]
    assert new.title == "Book the training room" and new.owner.name == "Sarah Mitchell"
    assert (new.start_date, new.due_date) == (dt.date(2026, 11, 30), dt.date(2026, 12, 4))
    assert (new.status, new.priority, new.source) == ("open", "high", ActionSource.TRACKER)
    assert new.client_comment == "We will book it"
    for action_id, values in before.items():
        if action_id not in ids.values():
            assert _values(after[action_id]) == values, "nothing else changed"


def _values(a: ActionItem) -> tuple:  # type: ignore[type-arg]
    return (a.title, a.status, a.completed_on, a.client_comment, a.due_date, a.owner_id)


def test_edited_tracker_imports_exactly_the_edits(tracker: Path, demo: int, tmp_path: Path) -> None:
    edited = tmp_path / "edited.xlsx"
    ids = edit_copy(tracker, edited, demo)
    digest = hashlib.sha256(edited.read_bytes()).hexdigest()
    before = {a.id: _values(a) for a in progress.list_actions(demo)}

    preview = importer.read_tracker(demo, edited, TODAY)
    assert {(c.action_id, c.field) for c in preview.changes} == {
        (ids["walk"], "status"),
        (ids["walk"], "completed_on"),
        (ids["key_users"], "client_comment"),
    }
    assert [s.title for s in preview.new_steps] == ["Book the training room"]
    lines = tracker_text.preview_lines(preview)
    assert any("status In progress → Done" in line for line in lines)
    assert {a.id: _values(a) for a in progress.list_actions(demo)} == before, "preview only"

    applied = importer.apply_tracker(preview)
    assert_intended_changes(demo, ids, before)
    assert hashlib.sha256(edited.read_bytes()).hexdigest() == digest, "client file untouched"

    snapshots = importer.undo_import(applied)
    assert {a.id: _values(a) for a in progress.list_actions(demo)} == before
    importer.redo_import(applied, snapshots)
    assert_intended_changes(demo, ids, before)


def test_tracker_saved_by_libreoffice_round_trips(tracker: Path, demo: int, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    edited = tmp_path / "edited.xlsx"
    ids = edit_copy(tracker, edited, demo)
    out = tmp_path / "lo"
    out.mkdir()
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
         "--outdir", str(out), str(edited)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    before = {a.id: _values(a) for a in progress.list_actions(demo)}
    preview = importer.read_tracker(demo, out / "edited.xlsx", TODAY)
    assert len(preview.changes) == 3 and len(preview.new_steps) == 1
    assert preview.notices == [], "LibreOffice keeps the mark and every planned value"
    importer.apply_tracker(preview)
    assert_intended_changes(demo, ids, before)


def test_unchanged_tracker_has_nothing_to_import(tracker: Path, demo: int) -> None:
    preview = importer.read_tracker(demo, tracker, TODAY)
    assert preview.is_empty and preview.notices == []


def test_a_baseline_cut_into_many_cells_merges_three_way(
    demo: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The baseline is one JSON text down the hidden sheet's cells; cut anywhere (here
    every 7 characters), it is read whole: the team's newer comment is not taken back."""
    monkeypatch.setattr("pmdesk.exports.tracker_xlsx.BASELINE_CHUNK", 7)
    tracker = export_tracker(demo, tmp_path / "tracker.xlsx", ExportOptions())
    cells = [r[0] for r in openpyxl.load_workbook(tracker)["pmdesk"].iter_rows(values_only=True)]
    assert len(cells) > 100 and all(len(c) <= 7 for c in cells[1:])
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    progress.update_action(walk.id, {"client_comment": "Newer in pmdesk"})
    preview = importer.read_tracker(demo, tracker, TODAY)
    assert preview.has_baseline and preview.is_empty and preview.notices == []


def _baseline_steps(workbook: openpyxl.Workbook) -> tuple[str, str, list[list[Any]]]:
    """The mark, the token and each step as [ID, row version, values by key], from the
    hidden sheet of a tracker pmdesk exports now (format 3)."""
    hidden = workbook["pmdesk"]
    mark, token, version = next(hidden.iter_rows(max_row=1, values_only=True))
    assert version == 3
    baseline = json.loads("".join(r[0] for r in hidden.iter_rows(min_row=2, values_only=True)))
    columns = baseline["columns"]
    steps = [[s[0], s[1], dict(zip(columns, s[2:], strict=True))] for s in baseline["steps"]]
    return mark, token, steps


def _old_baseline(tracker: Path, target: Path, format: int) -> Path:
    """The tracker with its baseline written as an earlier pmdesk wrote it."""
    workbook = openpyxl.load_workbook(tracker)
    mark, token, steps = _baseline_steps(workbook)
    del workbook["pmdesk"]
    old = workbook.create_sheet("pmdesk")
    old.sheet_state = "veryHidden"
    old.append([mark, token, format])
    if format == 1:
        for step_id, row_version, data in steps:
            old.append([step_id, row_version, json.dumps(data, ensure_ascii=False)])
    else:
        text = json.dumps(steps, ensure_ascii=False, separators=(",", ":"))
        for at in range(0, len(text), 1000):
            old.append([text[at : at + 1000]])
    workbook.save(target)
    return target


@pytest.mark.parametrize("format", [1, 2])
def test_a_baseline_from_an_earlier_pmdesk_still_merges_three_way(
    tracker: Path, demo: int, tmp_path: Path, format: int
) -> None:
    """Trackers sent out by an earlier pmdesk come back three-way: format 1 of the
    baseline (a row per step: ID, row version, values as JSON) and format 2 (one JSON
    list of [ID, row version, values by key] down the cells) are read as before."""
    old = _old_baseline(tracker, tmp_path / f"format-{format}.xlsx", format)
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    progress.update_action(walk.id, {"client_comment": "Newer in pmdesk"})
    preview = importer.read_tracker(demo, old, TODAY)
    assert preview.has_baseline and preview.is_empty and preview.notices == []


def test_a_baseline_that_is_not_what_pmdesk_wrote_reads_as_none(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    """A format-3 baseline whose steps do not match its columns is not guessed at: the
    file imports as one without a baseline, with the notice."""
    workbook = openpyxl.load_workbook(tracker)
    hidden = workbook["pmdesk"]
    baseline = json.loads("".join(r[0] for r in hidden.iter_rows(min_row=2, values_only=True)))
    baseline["steps"][0].pop()
    hidden.delete_rows(2, hidden.max_row)
    hidden.append([json.dumps(baseline)])
    workbook.save(tmp_path / "short.xlsx")
    preview = importer.read_tracker(demo, tmp_path / "short.xlsx", TODAY)
    assert not preview.has_baseline
    assert [n.kind for n in preview.notices] == ["no_baseline"]


def test_an_old_tracker_without_a_baseline_imports_two_way_with_a_notice(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    """A tracker from before the baseline (headers in row 1, no hidden sheet) still imports:
    every difference is the client's, and the preview says why."""
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    workbook = openpyxl.load_workbook(tracker)
    del workbook["pmdesk"]
    sheet = sheet_of(workbook)
    row = row_of(sheet, walk.id)
    sheet.cell(row, 6).value = "Blocked"
    sheet.delete_rows(1)  # the title row did not exist then
    workbook.save(tmp_path / "old.xlsx")
    progress.update_action(walk.id, {"client_comment": "Newer in pmdesk"})

    preview = importer.read_tracker(demo, tmp_path / "old.xlsx", TODAY)
    assert not preview.has_baseline and not preview.kept and not preview.conflicts
    assert {(c.field, c.new) for c in preview.changes} == {
        ("status", "blocked"),
        ("client_comment", ""),
    }, "without a baseline the team's newer comment looks like the client's"
    [notice] = [tracker_text.describe_notice(n) for n in preview.notices]
    assert notice.startswith("The file carries no export baseline")
    [zh] = [tracker_text.describe_notice(n, Language.ZH_CN) for n in preview.notices]
    assert zh.startswith("文件没有导出基线")


def test_a_step_moved_back_from_done_loses_only_its_date(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    done = next(a for a in progress.list_actions(demo) if a.status == ActionStatus.DONE)
    workbook = openpyxl.load_workbook(tracker)
    sheet = sheet_of(workbook)
    sheet.cell(row_of(sheet, done.id), 6).value = "In progress"  # the date left filled in
    sheet.cell(row_of(sheet, done.id) + 1, 6).value = "Nope"
    workbook.save(tmp_path / "back.xlsx")
    with pytest.raises(TrackerRefused):
        importer.read_tracker(demo, tmp_path / "back.xlsx", TODAY)  # a real error refuses
    sheet.cell(row_of(sheet, done.id) + 1, 6).value = "Done"
    workbook.save(tmp_path / "back.xlsx")
    preview = importer.read_tracker(demo, tmp_path / "back.xlsx", TODAY)
    assert {(c.field, c.new) for c in preview.changes if c.action_id == done.id} == {
        ("status", "in_progress"),
        ("completed_on", None),
    }
    lines = tracker_text.preview_lines(preview, Language.ZH_CN)
    assert any("状态为进行中，但填有实际完成日期" in line for line in lines)


def test_labels_of_either_language_and_text_dates_are_understood(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    workbook = openpyxl.load_workbook(tracker)
    sheet = sheet_of(workbook)
    walk = ActionItem.get(ActionItem.title.startswith("Walk the team"))
    row = row_of(sheet, walk.id)
    sheet.cell(2, 6).value = "状态"  # a Chinese header, too
    sheet.cell(row, 6).value = "已完成"
    sheet.cell(row, 7).value = "2026年11月25日"
    sheet.cell(row, 1).value = walk.number  # a plain number instead of A-0013
    workbook.save(tmp_path / "zh.xlsx")
    preview = importer.read_tracker(demo, tmp_path / "zh.xlsx", TODAY)
    assert {(c.field, c.new) for c in preview.changes} == {
        ("status", "done"),
        ("completed_on", dt.date(2026, 11, 25)),
    }


def test_changes_outside_the_client_columns_are_notices(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    workbook = openpyxl.load_workbook(tracker)
    sheet = sheet_of(workbook)
    planned = sheet.cell(3, 5).value.date()
    sheet.cell(3, 5).value = dt.datetime(2027, 1, 1)
    workbook.save(tmp_path / "due.xlsx")
    preview = importer.read_tracker(demo, tmp_path / "due.xlsx", TODAY)
    assert preview.is_empty
    [notice] = [tracker_text.describe_notice(n) for n in preview.notices]
    assert notice == (
        f"Row 3 ({sheet['A3'].value}): Due {planned.isoformat()} → 2027-01-01 in the file; "
        "not imported (change it in pmdesk if agreed)."
    )


# -- refusals ----------------------------------------------------------------------------


def broken_copy(tracker: Path, tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    workbook = openpyxl.load_workbook(tracker)
    edit(sheet_of(workbook))
    target = tmp_path / "broken.xlsx"
    workbook.save(target)
    return target


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (lambda s: setattr(s["F4"], "value", "Finished"), "row 4, column F (Status)", "Finished"),
        (lambda s: setattr(s["F4"], "value", None), "row 4, column F (Status)", "empty"),
        (
            lambda s: (setattr(s["F4"], "value", "Done"), setattr(s["G4"], "value", "31/31/26")),
            "row 4, column G (Completed on)",
            "is not a date",
        ),
        (
            lambda s: (
                setattr(s["F4"], "value", "Done"),
                setattr(s["G4"], "value", dt.datetime(2020, 1, 1)),
            ),
            "row 4, column G (Completed on)",
            "before the start",
        ),
        (lambda s: setattr(s["A4"], "value", "A-9999"), "row 4, column A (ID)", "not a step"),
        (lambda s: setattr(s["A4"], "value", s["A3"].value), "row 4, column A (ID)", "row 3"),
        (lambda s: setattr(s["A4"], "value", "X12"), "row 4, column A (ID)", "not a tracker ID"),
        (
            lambda s: s.append([None, None, "Sarah Mitchell", None, None, "Open"]),
            "column B (Step)",
            "needs the step's title",
        ),
        (
            lambda s: s.append([None, "New", "Nobody Known", None, None, "Open"]),
            "column C (Owner)",
            "Nobody Known",
        ),
    ],
)
def test_invalid_values_are_refused_and_nothing_changes(
    tracker: Path,
    demo: int,
    tmp_path: Path,
    edit,
    where: str,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    path = broken_copy(tracker, tmp_path, edit)
    before = dump()
    with pytest.raises(TrackerRefused) as refused:
        importer.read_tracker(demo, path, TODAY)
    text = str(refused.value)
    assert text.startswith("sheet 'Tracker', row ") and where in text and message in text
    assert "nothing was imported" in text
    assert dump() == before


def test_a_refused_file_lists_every_problem(tracker: Path, demo: int, tmp_path: Path) -> None:
    def edit(sheet: Worksheet) -> None:
        sheet["F3"].value = "Nope"
        sheet["F4"].value = "Nope either"

    with pytest.raises(TrackerRefused) as refused:
        importer.read_tracker(demo, broken_copy(tracker, tmp_path, edit), TODAY)
    assert [p.field.split(",")[1].strip() for p in refused.value.problems] == ["row 3", "row 4"]
    assert "(and 1 more problems)" in str(refused.value)


def test_another_projects_tracker_is_refused(tracker: Path, database: Path) -> None:
    other = Project.create(name="Other")
    with pytest.raises(TrackerProblem, match="tracker of another project"):
        importer.read_tracker(other.id, tracker, TODAY)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected"),
        (b"name,status\nx,open\n", "not an Excel .xlsx workbook"),
        (b"", "not an Excel .xlsx workbook"),
    ],
)
def test_wrong_kinds_of_file_are_refused(
    demo: int, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "client.xlsx"
    path.write_bytes(content)
    with pytest.raises(TrackerProblem, match=message) as problem:
        importer.read_tracker(demo, path, TODAY)
    assert problem.value.field == "client.xlsx"


def test_truncated_and_foreign_workbooks_are_refused(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(tracker.read_bytes()[: tracker.stat().st_size // 2])
    with pytest.raises(TrackerProblem, match="damaged or incomplete"):
        importer.read_tracker(demo, truncated, TODAY)

    foreign = tmp_path / "budget.xlsx"
    workbook = openpyxl.Workbook()
    sheet_of(workbook, "Sheet").append(["Item", "Amount"])
    workbook.save(foreign)
    with pytest.raises(TrackerProblem, match="not a pmdesk tracker"):
        importer.read_tracker(demo, foreign, TODAY)

    not_xml = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(not_xml, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
    with pytest.raises(TrackerProblem, match="cannot be read as an Excel workbook"):
        importer.read_tracker(demo, not_xml, TODAY)


def test_size_and_row_limits(
    tracker: Path, demo: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_files, "MAX_BYTES", 1000)
    with pytest.raises(TrackerProblem, match="at most 20 MB"):
        importer.read_tracker(demo, tracker, TODAY)
    monkeypatch.setattr(xlsx_files, "MAX_BYTES", 20 * 1024 * 1024)
    monkeypatch.setattr(importer, "MAX_ROWS", 5)
    with pytest.raises(TrackerProblem, match="more than 5 rows"):
        importer.read_tracker(demo, tracker, TODAY)


def test_a_step_changed_since_the_preview_is_not_overwritten(
    tracker: Path, demo: int, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.xlsx"
    ids = edit_copy(tracker, edited, demo)
    preview = importer.read_tracker(demo, edited, TODAY)
    ActionItem.update(status="blocked").where(ActionItem.id == ids["walk"]).execute()
    before = dump()
    with pytest.raises(TrackerProblem, match="changed in pmdesk since the preview"):
        importer.apply_tracker(preview)
    assert dump() == before


def test_parse_date_formats() -> None:
    assert importer.parse_date("2026-11-30") == dt.date(2026, 11, 30)
    assert importer.parse_date("30 Nov 2026") == dt.date(2026, 11, 30)
    assert importer.parse_date("2026/11/30") == dt.date(2026, 11, 30)
    assert importer.parse_date(46356) == dt.date(2026, 11, 30)
    assert importer.parse_date("  ") is None
    with pytest.raises(ValueError):
        importer.parse_date("11/12/2026")


def test_cells_in_a_shared_style_never_change_it() -> None:
    """The tracker's cells share one style per column and band (exports.cells): text
    that looks like a formula or an error stays text, and a date in a style without a
    date format is refused rather than written into every cell sharing the style."""
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Border, Side

    from pmdesk.exports.cells import row_style, styled_cell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("s")
    template = Cell(sheet)
    template.border = Border(left=Side(style="thin"))
    style = row_style(sheet, template._style)
    before = list(style.array)
    for text in ("=1+1", "#N/A", "plain"):
        assert styled_cell(sheet, text, style).data_type == "s"
    assert styled_cell(sheet, 3, style).data_type == "n"
    with pytest.raises(ValueError, match="date format"):
        styled_cell(sheet, dt.date(2026, 12, 3), style)
    dated = Cell(sheet)
    dated.number_format = "d mmm yyyy"
    on = styled_cell(sheet, dt.date(2026, 12, 3), row_style(sheet, dated._style))
    assert on.data_type == "d" and on.number_format == "d mmm yyyy"
    assert list(style.array) == before and not styled_cell(sheet, None, style).value
