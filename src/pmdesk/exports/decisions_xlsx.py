"""The decision log (.xlsx, client-facing): what was decided, when, where, by whom.

Internal decisions are left out. Every text cell is written as a string cell, never a
formula: a decision that begins with "=" (or "+", "-", "@") reads as text in Excel, WPS
and LibreOffice instead of running.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.cells import LINE_HEIGHT, display_width
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.models import DecisionStatus, Language
from pmdesk.services import decisions, projects

WORDS: dict[Language, dict[str, Any]] = {
    Language.EN: {
        "sheet": "Decisions",
        "title": "Decision log — {project}",
        "exported": "{client} · exported {date}",
        "headers": (
            "No.",
            "Date",
            "Meeting",
            "Decision",
            "Decided by",
            "Status",
            "Superseded by",
            "Follow-up actions",
        ),
        "status": {
            DecisionStatus.ACTIVE: "Active",
            DecisionStatus.SUPERSEDED: "Superseded",
            DecisionStatus.REVOKED: "Revoked",
        },
        "date_format": "d mmm yyyy",
        "join": "; ",
        "page": "Page &P of &N",
    },
    Language.ZH_CN: {
        "sheet": "决策记录",
        "title": "项目决策记录 — {project}",
        "exported": "{client} · 导出日期 {date}",
        "headers": (
            "序号",
            "日期",
            "会议",
            "决策内容",
            "决策人",
            "状态",
            "被以下决策取代",
            "后续工作",
        ),
        "status": {
            DecisionStatus.ACTIVE: "有效",
            DecisionStatus.SUPERSEDED: "已被取代",
            DecisionStatus.REVOKED: "已撤销",
        },
        "date_format": "yyyy-mm-dd",
        "join": "；",
        "page": "第 &P 页，共 &N 页",
    },
}

_WIDTHS = (6, 12, 28, 60, 16, 12, 40, 40)
_TOP = Alignment(vertical="top")
_WRAPPED = Alignment(wrap_text=True, vertical="top")


def _text(cell: Cell, value: str) -> None:
    """A string cell whatever the text starts with (never a formula)."""
    cell.value = value
    cell.data_type = "s"


def build_workbook(project_id: int, language: Language, today: dt.date) -> Workbook:
    words = WORDS[language]
    project = projects.get_project(project_id)
    entries = decisions.list_decisions(project_id, client_facing=True)
    entries.sort(key=lambda e: (e.decided_on or dt.date.min, e.note_id))
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = words["sheet"]
    _text(sheet.cell(1, 1), words["title"].format(project=project.name))
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    _text(
        sheet.cell(2, 1),
        words["exported"].format(client=project.client_org or project.name, date=today.isoformat()),
    )
    header_row = 4
    for column, header in enumerate(words["headers"], start=1):
        _text(sheet.cell(header_row, column), header)
        sheet.cell(header_row, column).font = Font(bold=True)
    number = {e.note_id: n for n, e in enumerate(entries, start=1)}
    widths = list(_WIDTHS)
    for n, entry in enumerate(entries, start=1):
        row = header_row + n
        sheet.cell(row, 1).value = n
        sheet.cell(row, 1).alignment = sheet.cell(row, 2).alignment = _TOP  # beside wrapped text
        if entry.decided_on is not None:
            sheet.cell(row, 2).value = entry.decided_on
            sheet.cell(row, 2).number_format = words["date_format"]
        later = ""
        if entry.superseded_by is not None:
            later = entry.superseded_by_text
            if entry.superseded_by in number:
                later = f"#{number[entry.superseded_by]} {later}"
        actions = words["join"].join(
            a.title + (f" ({a.owner})" if a.owner else "") for a in entry.actions
        )
        texts = (
            entry.meeting_title,
            entry.text,
            entry.decided_by,
            words["status"][entry.status],
            later,
            actions,
        )
        for column, value in enumerate(texts, start=3):
            _text(sheet.cell(row, column), value)
            sheet.cell(row, column).alignment = _WRAPPED
            widths[column - 1] = max(widths[column - 1], min(display_width(value) + 2, 60))
    last = header_row + max(len(entries), 1)
    table = Table(displayName="Decisions", ref=f"A{header_row}:H{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
    _fit_rows(sheet, header_row + 1, last, widths, language)
    _set_print_layout(sheet, header_row, project.name, language)
    workbook.properties.title = words["title"].format(project=project.name)
    return workbook


def _fit_rows(
    sheet: Worksheet, first: int, last: int, widths: list[int], language: Language
) -> None:
    """Each row as high as its most wrapped text: no spreadsheet recomputes heights on
    open, so a decision's second line printed over the next one."""
    for row in range(first, last + 1):
        lines = max(
            math.ceil(display_width(str(cell.value or "")) / max(widths[at] - 2, 1))
            for at, cell in enumerate(sheet[row][: len(widths)])
        )
        if lines > 1:
            sheet.row_dimensions[row].height = lines * LINE_HEIGHT[language] + 3


def _set_print_layout(sheet: Worksheet, header_row: int, project: str, language: Language) -> None:
    """Landscape A4, one page wide, the header row on every page, page X of Y."""
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.print_options.horizontalCentered = True
    sheet.oddHeader.left.text = project.replace("&", "&&")  # "&" starts a header code
    sheet.oddFooter.right.text = WORDS[language]["page"]


def export_decisions(record_id: int, target: Path, options: ExportOptions) -> Path:
    """The project's decision log for the client (internal decisions left out)."""
    project = projects.get_project(record_id)
    language = document_language(project.document_language, options)
    workbook = build_workbook(record_id, language, dt.date.today())
    # The gate refuses a file that holds internal text (a note pasted into a decision).
    return write_client_file(Path(target), lambda temporary: workbook.save(temporary), record_id)
