"""The action tracker (.xlsx, client-facing): the step plan the client updates and returns.

One sheet of steps under a title row (project, client, date) as an Excel table
(filters), a frozen header, a stable ID per row (the step's number in its project,
A-0012), dates as real dates, dropdowns for status, priority and owner, and overdue rows
shaded by a formula on TODAY() so the shading stays right as days pass. Borders and
banding are cell formats (LibreOffice does not draw table styles); it prints landscape,
one page wide, with the header row on every page and "page X of Y" in the footer. An
instructions sheet says what to change and how to add a step, laid out for print.

The importer (imports.tracker_xlsx) recognises the file by a custom document property
and a defined name holding the project id, matches columns by their header text
(services.progress.TRACKER_HEADERS), and merges three ways against the export's
baseline: a very hidden, protected sheet holding, per row, the ID, the step's row
version and the values this file showed (nothing the visible sheet does not). Internal
fields — notes, next steps, carry-overs, reminders, sources — are never written, and
every text is a string cell, never a formula (exports.cells).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from peewee import JOIN

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.cells import (
    LINE_HEIGHT,
    RowStyle,
    display_width,
    row_style,
    rows_of_cells,
    set_dimension,
    stream_row,
    styled_cell,
    text_cell,
)
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.models import ActionItem, ActionStatus, Language, Person, Priority, Project
from pmdesk.services import audience, people, progress
from pmdesk.services.common import get_or_fail
from pmdesk.services.progress import (
    BASELINE_MARK,
    BASELINE_SHEET,
    HEADER_ROW,
    TRACKER_COLUMNS,
    TRACKER_HEADERS,
    TRACKER_MARK,
    TRACKER_NAME,
    TRACKER_SHEETS,
    tracker_id,
)
from pmdesk.vocabulary import client_date, label

#: Rows below the steps that keep the dropdowns and shading, for steps the client adds.
SPARE_ROWS = 500
MAX_WIDTH = 60
DATE_FORMAT = {Language.EN: "d mmm yyyy", Language.ZH_CN: "yyyy-mm-dd"}
OVERDUE_FILL = PatternFill(start_color="FDE2E1", end_color="FDE2E1", fill_type="solid")
OVERDUE_FONT = Font(color="9C0006")
DONE_FONT = Font(color="808080")
HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(start_color="1F4E79", end_color="1F4E79", fill_type="solid")
BAND_FILL = PatternFill(start_color="EEF3F8", end_color="EEF3F8", fill_type="solid")
BODY_FONT = Font(name="Calibri", size=11)
TITLE_FONT = Font(name="Calibri", size=14, bold=True, color="1F3A5F")
_THIN = Side(style="thin", color="A6B4C3")
GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: The instructions column, in characters; the lines wrap inside it and the rows get the
#: height of their lines, so nothing runs off the page or prints over the next line.
INSTRUCTIONS_WIDTH = 66
#: Characters of a line, counted for the widest common fallback font (DejaVu Sans in
#: LibreOffice without Calibri's metric twin, about 75 a line at this width).
_LINE_CHARACTERS = 70

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "title": "Action tracker",
        "for": "Steps of {name}",
        "how": "How to update this tracker",
        "project": "Project: {name}",
        "exported": "Exported on {date}. Please update it and send it back to us.",
        "statuses": "Status values",
        "priorities": "Priority values",
        "owners": "People",
        "dropdown_title": "Choose from the list",
        "status_error": "Please choose a status from the list.",
        "date_error": "Please enter a date, e.g. 30 Nov 2026.",
        "owner_error": "Please choose a person from the list.",
        "client": "Client: {name}",
        "as_of": "as of {date}",
        "page": "Page &P of &N",
    },
    Language.ZH_CN: {
        "title": "工作跟踪表",
        "for": "{name}的工作事项",
        "how": "填写说明",
        "project": "项目：{name}",
        "exported": "导出日期：{date}。请更新后发回给我们。",
        "statuses": "状态选项",
        "priorities": "优先级选项",
        "owners": "人员名单",
        "dropdown_title": "请从列表中选择",
        "status_error": "请从列表中选择状态。",
        "date_error": "请输入日期，例如 2026-11-30。",
        "owner_error": "请从列表中选择人员。",
        "client": "客户：{name}",
        "as_of": "{date}",
        "page": "第 &P 页，共 &N 页",
    },
}


#: How to update the tracker, one numbered line each.
STEPS: dict[Language, tuple[str, ...]] = {
    Language.EN: (
        "1. Status: choose a value from the dropdown in the “Status” column.",
        "2. When a step is finished, set its status to “Done” and enter the date in "
        "“Completed on”.",
        "3. Write remarks or questions in “Client comment”.",
        "4. To add a step, fill in a new row at the bottom of the table (step, owner, "
        "start, due) and leave “ID” empty.",
        "5. Do not change or delete the “ID” column: it links each row to our plan. Do "
        "not rename the columns or the sheets.",
        "6. Changes to a step's title, owner or dates are not taken over automatically; "
        "please tell us in “Client comment”.",
        "7. Rows shaded red are past their due date and not yet done.",
        "8. Save the file as .xlsx (Excel, WPS or LibreOffice) and send it back.",
    ),
    Language.ZH_CN: (
        "1. 状态：请在“状态”列的下拉列表中选择。",
        "2. 工作完成后，请将状态改为“已完成”，并在“实际完成日期”中填写日期。",
        "3. 意见或问题请填写在“客户意见”列。",
        "4. 如需新增工作事项，请在表格末尾新增一行（填写工作事项、负责人、开始日期、"
        "计划完成日期），“编号”留空。",
        "5. 请勿修改或删除“编号”列：它用于与项目计划对应。请勿修改列标题和工作表名称。",
        "6. 工作事项名称、负责人或计划日期的修改不会自动导入，如需调整请在“客户意见”中说明。",
        "7. 红色底纹的行表示已超过计划完成日期且尚未完成。",
        "8. 请保存为 .xlsx 格式（Excel、WPS 或 LibreOffice 均可）后发回。",
    ),
}


def export_tracker(record_id: int, target: Path, options: ExportOptions) -> Path:
    """Every step of project `record_id` as the client's tracker."""
    project = get_or_fail(Project, record_id)
    language = document_language(project.document_language, options)
    hidden = audience.internal_action_ids(record_id)  # internal by provenance
    steps = [step for step in _tracker_steps(record_id) if step.id not in hidden]
    build = lambda: build_workbook(project, steps, language)  # noqa: E731
    return write_client_file(Path(target), lambda temporary: _save(build, temporary), project.id)


def _tracker_steps(project_id: int) -> list[Any]:
    """The columns the tracker shows, as plain rows in the plan's order.

    Reading 10,000 steps as tuples instead of model objects takes a fraction of the
    time, which keeps the export close to what openpyxl alone needs.
    """
    return list(
        ActionItem.select(
            ActionItem.id,
            ActionItem.number,
            ActionItem.row_version,
            ActionItem.title,
            ActionItem.start_date,
            ActionItem.due_date,
            ActionItem.status,
            ActionItem.completed_on,
            ActionItem.priority,
            ActionItem.client_comment,
            Person.name.alias("owner_name"),
        )
        .join(Person, JOIN.LEFT_OUTER, on=(ActionItem.owner == Person.id))
        .where(ActionItem.project == project_id)
        .order_by(ActionItem.due_date.asc(nulls="LAST"), ActionItem.id)
        .namedtuples()
    )


def export_person_steps(
    project_id: int, person_id: int, target: Path, options: ExportOptions
) -> Path:
    """One person's open steps ("each person's deadline") as a small tracker of their own.

    It is the same workbook, so it comes back through the same import.
    """
    project = get_or_fail(Project, project_id)
    person = get_or_fail(Person, person_id)
    language = document_language(project.document_language, options)
    steps = [
        a
        for a in progress.list_actions(project_id)
        if a.owner_id == person_id and progress.is_open(a)
    ]
    steps = audience.client_actions(steps, project_id)
    build = lambda: build_workbook(project, steps, language, person=person)  # noqa: E731
    return write_client_file(Path(target), lambda temporary: _save(build, temporary), project.id)


def _save(build: Callable[[], Workbook], temporary: Path) -> None:
    """Build the workbook and save it, once the target is accepted: a write-only
    workbook's sheets stream into temporary files while it is built, and one never saved
    leaves them open."""
    build().save(temporary)


def build_workbook(
    project: Project,
    actions: Sequence[Any],
    language: Language,
    *,
    person: Person | None = None,
    today: dt.date | None = None,
) -> Workbook:
    """The tracker as a write-only workbook: each row goes to the file as it is added,
    with its cells' style given once per column and band (issue #20: 10,000 steps were
    1.8 times a plain openpyxl save). So what a sheet writes before its rows — column
    widths, frozen panes, page fit, row heights — is set before its first row."""
    words = WORDS[language]
    today = today or dt.date.today()
    headers = [TRACKER_HEADERS[language][key] for key in TRACKER_COLUMNS]
    tracker_name, instructions_name = TRACKER_SHEETS[language]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(tracker_name)
    rows_of_cells(sheet)  # every row below is cells with their formats
    instructions = workbook.create_sheet(instructions_name)

    words_of = _enum_words(language)
    rows = [_row(a, words_of) for a in actions]
    first, last = HEADER_ROW + 1, len(rows) + HEADER_ROW
    set_dimension(sheet, f"A1:{_letter('comment')}{last}")
    _fit_widths(sheet, headers, rows)
    sheet.freeze_panes = f"A{first}"
    _set_print_layout(sheet, project, language, today)
    sheet.row_dimensions[1].height = 24
    title = text_cell(sheet, _title_line(project, language, person, today))
    title.font = TITLE_FONT
    sheet.append([title])
    header_cells = []
    for header in headers:
        cell = text_cell(sheet, header)
        # Explicit, as well as the table style: LibreOffice does not draw table styles.
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = GRID
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    bands = _row_styles(sheet, language)
    for offset, values in enumerate(rows):
        styles = bands[offset % 2]
        sheet.append([styled_cell(sheet, v, s) for v, s in zip(values, styles, strict=True)])

    table = Table(displayName="Steps", ref=f"A{HEADER_ROW}:{_letter('comment')}{max(last, first)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    # The columns named here: a write-only sheet cannot read its header row back.
    table._initialise_columns()
    for column, header in zip(table.tableColumns, headers, strict=True):
        column.name = header
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
        sheet.add_table(table)

    people_names = [p.name for p in people.list_people(project.id)]
    lists = _write_instructions(instructions, project, language, people_names, person, today)
    _add_validations(sheet, language, last + SPARE_ROWS, instructions_name, lists)
    _add_highlighting(sheet, language, last + SPARE_ROWS)
    _write_baseline(workbook, actions, rows)
    _set_properties(workbook, project, language, words, person)
    return workbook


def _title_line(project: Project, language: Language, person: Person | None, today: dt.date) -> str:
    words = WORDS[language]
    title = words["for"].format(name=person.name) if person is not None else words["title"]
    parts = [title, project.name]
    if project.client_org:
        parts.append(words["client"].format(name=project.client_org))
    parts.append(words["as_of"].format(date=client_date(today, language)))
    return " · ".join(parts)


def _row_styles(
    sheet: WriteOnlyWorksheet, language: Language
) -> tuple[list[RowStyle], list[RowStyle]]:
    """Each column's cell style in a plain and in a banded row: borders, banding, date
    formats and alignment (cell formats: LibreOffice does not draw table styles)."""
    date_format = DATE_FORMAT[language]
    centred = Alignment(horizontal="center", vertical="top")
    top = Alignment(vertical="top", wrap_text=True)
    bands: tuple[list[RowStyle], list[RowStyle]] = ([], [])
    for band, styles in enumerate(bands):
        for column in TRACKER_COLUMNS:
            template = Cell(sheet)
            template.border = GRID
            if band:
                template.fill = BAND_FILL
            if column in ("start", "due", "completed"):
                template.number_format = date_format
            if column in ("id", "start", "due", "completed", "status", "priority"):
                template.alignment = centred
            else:
                template.alignment = top
            styles.append(row_style(sheet, template._style))
    return bands


def _letter(column: str) -> str:
    return get_column_letter(TRACKER_COLUMNS.index(column) + 1)


def _enum_words(language: Language) -> dict[tuple[type, str], str]:
    """How each status and priority code reads in `language`."""
    return {(type(v), v.value): label(v, language) for e in (ActionStatus, Priority) for v in e}


def _row(action: Any, words_of: dict[tuple[type, str], str]) -> list[object]:
    """One tracker row of a step (a model with its owner joined, or a _tracker_steps row);
    `words_of` is `_enum_words` of the tracker's language."""
    if hasattr(action, "owner_name"):
        owner_name = action.owner_name
    else:
        owner_name = action.owner.name if action.owner is not None else None
    values = {
        "id": tracker_id(action.number),
        "title": action.title,
        "owner": owner_name,
        "start": action.start_date,
        "due": action.due_date,
        "status": words_of[ActionStatus, action.status],
        "completed": action.completed_on,
        "priority": words_of[Priority, action.priority],
        "comment": action.client_comment or None,
    }
    return [values[key] for key in TRACKER_COLUMNS]


#: Characters of the baseline per cell (a cell holds at most 32,767).
BASELINE_CHUNK = 30_000


def _write_baseline(workbook: Workbook, actions: Sequence[Any], rows: list[list[object]]) -> None:
    """The export's baseline, for the three-way merge of the returned file.

    Row 1: the mark, this export's token (new rows of a returned file are recognised by
    it on a second import) and the baseline's format, 3. Then one JSON object, cut into
    cells of BASELINE_CHUNK characters down column A: the columns' keys once, and per
    step its ID, its row version and the values the tracker shows in that order (dates
    ISO, status and priority as the plan's codes). The import reads the formats before
    it too: 2 gave each step's values as an object, keys and all (three-fifths more
    text to write, pack and read back: issue #20); 1 had a row per step. Very hidden and
    protected: the client has no reason to see or change it.
    """
    status_at, priority_at = TRACKER_COLUMNS.index("status"), TRACKER_COLUMNS.index("priority")
    dates = [TRACKER_COLUMNS.index(key) for key in ("start", "due", "completed")]
    codes = {v: v.value for e in (ActionStatus, Priority) for v in e}
    steps = []
    for action, values in zip(actions, rows, strict=True):
        step = [values[0], action.row_version, *values[1:]]  # "id" comes first
        step[status_at + 1] = codes[action.status]
        step[priority_at + 1] = codes[action.priority]
        for at in dates:
            if isinstance(date := values[at], dt.date):
                step[at + 1] = date.isoformat()
        steps.append(step)
    baseline = {"columns": TRACKER_COLUMNS[1:], "steps": steps}
    text = json.dumps(baseline, ensure_ascii=False, separators=(",", ":"))
    sheet = workbook.create_sheet(BASELINE_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
    set_dimension(sheet, f"A1:C{1 + math.ceil(len(text) / BASELINE_CHUNK)}")
    stream_row(sheet, [BASELINE_MARK, uuid.uuid4().hex, 3])
    for at in range(0, len(text), BASELINE_CHUNK):
        stream_row(sheet, [text[at : at + BASELINE_CHUNK]])


WIDTH_SAMPLE = 2000


def _fit_widths(sheet: WriteOnlyWorksheet, headers: list[str], rows: list[list[object]]) -> None:
    for index, header in enumerate(headers):
        widest = display_width(header) + 4  # room for the filter button
        # Each distinct value is measured once (owners and statuses repeat a lot), in the
        # first rows only: a width is capped anyway, and 10,000 titles must not slow it.
        for value in {values[index] for values in rows[:WIDTH_SAMPLE]}:
            if isinstance(value, dt.date):
                width = 12
            elif value is not None:
                width = display_width(str(value))
            else:
                continue
            widest = max(widest, width)
        if TRACKER_COLUMNS[index] == "comment":
            widest = max(widest, 30)  # room to write
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(widest + 2, MAX_WIDTH)


def _write_instructions(
    sheet: WriteOnlyWorksheet,
    project: Project,
    language: Language,
    people_names: list[str],
    person: Person | None,
    today: dt.date,
) -> dict[str, str]:
    """The how-to, then the lists the dropdowns use; returns each list's cell range.

    Laid out for print: one wrapped column one A4 page wide, each row as high as its
    wrapped lines (no spreadsheet recomputes heights on open, so a row left at the
    default height prints over the next one)."""
    words = WORDS[language]
    sheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.oddFooter.center.text = words["page"]
    wrapped = Alignment(wrap_text=True, vertical="top")
    lists = {
        "statuses": [label(s, language) for s in ActionStatus],
        "priorities": [label(p, language) for p in Priority],
        "owners": people_names,
    }
    intro = 3 + bool(project.client_org) + (person is not None)
    rows = intro + 1 + len(STEPS[language]) + sum(2 + max(1, len(v)) for v in lists.values())
    set_dimension(sheet, f"A1:A{rows}")
    written = [0]  # rows so far: a write-only sheet does not count them

    def append(cells: list[Any]) -> None:
        sheet.append(cells)
        written[0] += 1

    def line(text: str, font: Font | None = None) -> None:
        size = font.sz if font is not None and font.sz else 11
        lines = max(1, math.ceil(display_width(text) * size / 11 / _LINE_CHARACTERS))
        # A row's height goes before its cells in a write-only sheet.
        sheet.row_dimensions[written[0] + 1].height = lines * LINE_HEIGHT[language] * size / 11 + 3
        cell = text_cell(sheet, text)
        cell.alignment = wrapped
        cell.font = font if font is not None else BODY_FONT
        append([cell])

    line(words["how"], TITLE_FONT)
    line(words["project"].format(name=project.name))
    if project.client_org:
        line(words["client"].format(name=project.client_org))
    if person is not None:
        line(words["for"].format(name=person.name))
    line(words["exported"].format(date=client_date(today, language)))
    append([])
    for text in STEPS[language]:
        line(text)
    ranges = {}
    for key, values in lists.items():
        append([])
        line(words[key], Font(name="Calibri", bold=True))
        first = written[0] + 1
        for value in values or [""]:
            append([text_cell(sheet, value)])
        ranges[key] = f"$A${first}:$A${written[0]}"
    assert written[0] == rows, "the dimension given is the rows written"
    return ranges


def _add_validations(
    sheet: WriteOnlyWorksheet,
    language: Language,
    last: int,
    lists_sheet: str,
    lists: dict[str, str],
) -> None:
    words = WORDS[language]

    def add(column: str, validation: DataValidation, error: str) -> None:
        validation.error = words[error]
        validation.errorTitle = words["dropdown_title"]
        validation.showErrorMessage = True
        first = HEADER_ROW + 1
        validation.add(f"{_letter(column)}{first}:{_letter(column)}{last}")
        sheet.data_validations.append(validation)  # a write-only sheet has no add_…

    statuses = ",".join(label(s, language) for s in ActionStatus)
    add("status", DataValidation(type="list", formula1=f'"{statuses}"'), "status_error")
    priorities = ",".join(label(p, language) for p in Priority)
    add("priority", DataValidation(type="list", formula1=f'"{priorities}"'), "status_error")
    # People can be many and long: the list lives on the instructions sheet.
    owners = f"{quote_sheetname(lists_sheet)}!{lists['owners']}"
    add("owner", DataValidation(type="list", formula1=f"={owners}"), "owner_error")
    for column in ("start", "due", "completed"):
        date_rule = DataValidation(type="date", operator="greaterThan", formula1="1")
        add(column, date_rule, "date_error")


def _add_highlighting(sheet: WriteOnlyWorksheet, language: Language, last: int) -> None:
    """Overdue rows shaded, done rows greyed — formulas, so they stay right over time."""
    due, status = _letter("due"), _letter("status")
    done = label(ActionStatus.DONE, language)
    cancelled = label(ActionStatus.CANCELLED, language)
    row = HEADER_ROW + 1
    cells = f"A{row}:{_letter('comment')}{last}"
    overdue = (
        f'AND(${due}{row}<>"",${due}{row}<TODAY(),${status}{row}<>"{done}",'
        f'${status}{row}<>"{cancelled}")'
    )
    sheet.conditional_formatting.add(
        cells, FormulaRule(formula=[overdue], fill=OVERDUE_FILL, font=OVERDUE_FONT)
    )
    finished = f'OR(${status}{row}="{done}",${status}{row}="{cancelled}")'
    sheet.conditional_formatting.add(cells, FormulaRule(formula=[finished], font=DONE_FONT))


def _set_print_layout(
    sheet: WriteOnlyWorksheet, project: Project, language: Language, today: dt.date
) -> None:
    """Landscape A4, one page wide, the header row on every page, page X of Y."""
    words = WORDS[language]
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    sheet.print_options.horizontalCentered = True
    # "&" starts a header code: a name's own ampersands are doubled.
    client = f" — {project.client_org}" if project.client_org else ""
    sheet.oddHeader.left.text = (project.name + client).replace("&", "&&")
    sheet.oddHeader.right.text = client_date(today, language)
    sheet.oddFooter.left.text = words["title"]
    sheet.oddFooter.right.text = words["page"]


def _set_properties(
    workbook: Workbook,
    project: Project,
    language: Language,
    words: dict[str, str],
    person: Person | None,
) -> None:
    properties = workbook.properties
    title = words["for"].format(name=person.name) if person is not None else words["title"]
    properties.title = f"{title} — {project.name}"
    # Nothing about the team travels in the properties: no author, no comments.
    properties.creator = ""
    properties.lastModifiedBy = ""
    properties.description = None
    properties.keywords = None
    properties.subject = None
    properties.language = "zh-CN" if language == Language.ZH_CN else "en-GB"
    # The mark that makes this file ours; the project id is not internal.
    workbook.custom_doc_props.append(StringProperty(name=TRACKER_MARK, value=str(project.id)))
    workbook.defined_names[TRACKER_NAME] = DefinedName(
        TRACKER_NAME, attr_text=str(project.id), hidden=True
    )
