"""The action tracker (.xlsx, client-facing): the step plan the client updates and returns.

One sheet of steps as an Excel table (filters, banded rows), a frozen header, a stable
ID per row (the step's id, A-0012), dates as real dates, dropdowns for status,
priority and owner, and overdue rows shaded by a formula on TODAY() so the shading stays
right as days pass. An instructions sheet says what to change and how to add a step.

The importer (imports.tracker_xlsx) recognises the file by a custom document property
and a defined name holding the project id, and matches columns by their header text
(services.progress.TRACKER_HEADERS). Internal fields — notes, next steps, carry-overs,
reminders, sources — are never written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet
from peewee import JOIN

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.models import ActionItem, ActionStatus, Language, Person, Priority, Project
from pmdesk.services import audience, people, progress
from pmdesk.services.common import get_or_fail
from pmdesk.services.progress import (
    TRACKER_COLUMNS,
    TRACKER_HEADERS,
    TRACKER_MARK,
    TRACKER_NAME,
    TRACKER_SHEETS,
    tracker_id,
)
from pmdesk.services.reports import client_date
from pmdesk.vocabulary import label

#: Rows below the steps that keep the dropdowns and shading, for steps the client adds.
SPARE_ROWS = 500
MAX_WIDTH = 60
DATE_FORMAT = {Language.EN: "d mmm yyyy", Language.ZH_CN: "yyyy-mm-dd"}
OVERDUE_FILL = PatternFill(start_color="FDE2E1", end_color="FDE2E1", fill_type="solid")
OVERDUE_FONT = Font(color="9C0006")
DONE_FONT = Font(color="808080")
HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(start_color="1F4E79", end_color="1F4E79", fill_type="solid")

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
    workbook = build_workbook(project, steps, language)
    return write_client_file(Path(target), lambda temporary: workbook.save(temporary), project.id)


def _tracker_steps(project_id: int) -> list[Any]:
    """The columns the tracker shows, as plain rows in the plan's order.

    Reading 10,000 steps as tuples instead of model objects takes a fraction of the
    time, which keeps the export close to what openpyxl alone needs.
    """
    return list(
        ActionItem.select(
            ActionItem.id,
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
    workbook = build_workbook(project, steps, language, person=person)
    return write_client_file(Path(target), lambda temporary: workbook.save(temporary), project.id)


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: East Asian wide characters count as 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def build_workbook(
    project: Project,
    actions: Sequence[Any],
    language: Language,
    *,
    person: Person | None = None,
    today: dt.date | None = None,
) -> Workbook:
    words = WORDS[language]
    headers = [TRACKER_HEADERS[language][key] for key in TRACKER_COLUMNS]
    tracker_name, instructions_name = TRACKER_SHEETS[language]
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = tracker_name
    instructions = workbook.create_sheet(instructions_name)

    rows = [_row(a, language) for a in actions]
    sheet.append(headers)
    for cell in sheet[1]:
        # Explicit, as well as the table style: LibreOffice does not draw table styles.
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for values in rows:
        sheet.append(values)
    last = len(rows) + 1
    date_format = DATE_FORMAT[language]
    centred = Alignment(horizontal="center")
    for column in ("start", "due", "completed", "status", "priority") if rows else ():
        index = TRACKER_COLUMNS.index(column) + 1
        is_date = column in ("start", "due", "completed")
        template = sheet.cell(2, index)
        if is_date:
            template.number_format = date_format
        template.alignment = centred
        # Copying the first cell's style array is ten times faster than setting the
        # format per cell (each assignment hashes the style): 10,000 rows stay quick.
        for (cell,) in sheet.iter_rows(min_row=3, max_row=last, min_col=index, max_col=index):
            cell._style = copy(template._style)
    _fit_widths(sheet, headers, rows)

    table = Table(displayName="Steps", ref=f"A1:{_letter('comment')}{max(last, 2)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "A2"

    people_names = [p.name for p in people.list_people(project.id)]
    lists = _write_instructions(
        instructions, project, language, people_names, person, today or dt.date.today()
    )
    _add_validations(sheet, language, last + SPARE_ROWS, instructions_name, lists)
    _add_highlighting(sheet, language, last + SPARE_ROWS)
    _set_print_layout(sheet)
    _set_properties(workbook, project, language, words, person)
    return workbook


def _letter(column: str) -> str:
    return get_column_letter(TRACKER_COLUMNS.index(column) + 1)


def _row(action: Any, language: Language) -> list[object]:
    """One tracker row of a step (a model with its owner joined, or a _tracker_steps row)."""
    if hasattr(action, "owner_name"):
        owner_name = action.owner_name
    else:
        owner_name = action.owner.name if action.owner is not None else None
    values = {
        "id": tracker_id(action.id),
        "title": action.title,
        "owner": owner_name,
        "start": action.start_date,
        "due": action.due_date,
        "status": label(ActionStatus(action.status), language),
        "completed": action.completed_on,
        "priority": label(Priority(action.priority), language),
        "comment": action.client_comment or None,
    }
    return [values[key] for key in TRACKER_COLUMNS]


WIDTH_SAMPLE = 2000


def _fit_widths(sheet: Worksheet, headers: list[str], rows: list[list[object]]) -> None:
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
    sheet: Worksheet,
    project: Project,
    language: Language,
    people_names: list[str],
    person: Person | None,
    today: dt.date,
) -> dict[str, str]:
    """The how-to, then the lists the dropdowns use; returns each list's cell range."""
    words = WORDS[language]
    sheet.column_dimensions["A"].width = 90
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.append([words["how"]])
    sheet["A1"].font = Font(bold=True, size=14, color="1F3A5F")
    sheet.append([words["project"].format(name=project.name)])
    if person is not None:
        sheet.append([words["for"].format(name=person.name)])
    sheet.append([words["exported"].format(date=client_date(today, language))])
    sheet.append([])
    for line in STEPS[language]:
        sheet.append([line])
        sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ranges = {}
    lists = {
        "statuses": [label(s, language) for s in ActionStatus],
        "priorities": [label(p, language) for p in Priority],
        "owners": people_names,
    }
    for key, values in lists.items():
        sheet.append([])
        sheet.append([words[key]])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        first = sheet.max_row + 1
        for value in values or [""]:
            sheet.append([value])
        ranges[key] = f"$A${first}:$A${sheet.max_row}"
    return ranges


def _add_validations(
    sheet: Worksheet, language: Language, last: int, lists_sheet: str, lists: dict[str, str]
) -> None:
    words = WORDS[language]

    def add(column: str, validation: DataValidation, error: str) -> None:
        validation.error = words[error]
        validation.errorTitle = words["dropdown_title"]
        validation.showErrorMessage = True
        validation.add(f"{_letter(column)}2:{_letter(column)}{last}")
        sheet.add_data_validation(validation)

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


def _add_highlighting(sheet: Worksheet, language: Language, last: int) -> None:
    """Overdue rows shaded, done rows greyed — formulas, so they stay right over time."""
    due, status = _letter("due"), _letter("status")
    done = label(ActionStatus.DONE, language)
    cancelled = label(ActionStatus.CANCELLED, language)
    cells = f"A2:{_letter('comment')}{last}"
    overdue = f'AND(${due}2<>"",${due}2<TODAY(),${status}2<>"{done}",${status}2<>"{cancelled}")'
    sheet.conditional_formatting.add(
        cells, FormulaRule(formula=[overdue], fill=OVERDUE_FILL, font=OVERDUE_FONT)
    )
    finished = f'OR(${status}2="{done}",${status}2="{cancelled}")'
    sheet.conditional_formatting.add(cells, FormulaRule(formula=[finished], font=DONE_FONT))


def _set_print_layout(sheet: Worksheet) -> None:
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


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
