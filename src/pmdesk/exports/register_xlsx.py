"""The stakeholder register (.xlsx): the team's internal analysis of the client's people.

INTERNAL: it holds engagement, influence/interest, cooperation types, causes and the
assessment history, so every sheet's header rows and the file's properties say
"Internal — confidential / 内部资料 严禁外传". One sheet is the register, one the history.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.cells import as_text
from pmdesk.exports.files import write_atomically
from pmdesk.models import (
    Assessment,
    CooperationType,
    Engagement,
    Language,
    Person,
    Role,
    Side,
)
from pmdesk.services import people, projects
from pmdesk.services import stakeholders as sh
from pmdesk.vocabulary import label

CONFIDENTIAL = sh.CONFIDENTIAL

_WORDS: dict[Language, dict[str, Any]] = {
    Language.EN: {
        "title": "Stakeholder register — {project}",
        "history_title": "Assessment history — {project}",
        "generated": "{client} · exported {date} · for the consultant team only",
        "register_sheet": "Register",
        "history_sheet": "History",
        "date_format": "d mmm yyyy",
        "datetime_format": "d mmm yyyy hh:mm",
        "subject": "Stakeholder analysis",
        "keywords": "internal; confidential; stakeholders",
        "register": [
            "ID",
            "Name",
            "Side",
            "Role",
            "Unit",
            "Title",
            "Email",
            "Phone",
            "Engagement now",
            "Engagement wanted",
            "Gap (steps)",
            "Influence",
            "Interest",
            "Grid quadrant",
            "Cooperation type",
            "Suggested type",
            "On time",
            "Late",
            "Overdue",
            "Carried over",
            "On-time rate",
            "Common causes",
            "Causes",
            "Strategy",
            "Next action",
            "Success factors",
            "Coaching plan",
            "Last assessed",
        ],
        "history": [
            "Date",
            "Name",
            "Role",
            "Engagement",
            "Cooperation type",
            "Source",
            "Comment",
            "Linked note",
        ],
        "not_enough": "Not enough history",
    },
    Language.ZH_CN: {
        "title": "干系人登记表 — {project}",
        "history_title": "评估历史 — {project}",
        "generated": "{client} · 导出日期 {date} · 仅限顾问组内部使用",
        "register_sheet": "干系人登记表",
        "history_sheet": "评估历史",
        "date_format": "yyyy-mm-dd",
        "datetime_format": "yyyy-mm-dd hh:mm",
        "subject": "干系人分析",
        "keywords": "内部资料; 严禁外传; 干系人",
        "register": [
            "编号",
            "姓名",
            "所属方",
            "项目角色",
            "部门",
            "职务",
            "邮箱",
            "电话",
            "当前参与度",
            "期望参与度",
            "差距（级）",
            "影响力",
            "关注度",
            "矩阵象限",
            "配合类型",
            "建议类型",
            "按时完成",
            "延期完成",
            "逾期未完成",
            "改期次数",
            "按时率",
            "常见原因",
            "原因分析",
            "应对策略",
            "下一步行动",
            "成功因素",
            "辅导计划",
            "最近评估",
        ],
        "history": [
            "日期",
            "姓名",
            "项目角色",
            "参与度",
            "配合类型",
            "依据来源",
            "说明",
            "关联记录",
        ],
        "not_enough": "记录不足",
    },
}

_TITLE_FONT = Font(bold=True, size=14, color="1F3A5F")
_MARK_FONT = Font(bold=True, color="9C0006")
_MARK_FILL = PatternFill("solid", fgColor="FFC7CE")
_HEADER_ROW = 4  # title, confidential marking, generated line, then the table
_WRAP_WIDTH = 48  # long text columns wrap at this width instead of growing


def text_width(text: str) -> int:
    """Width of text in Excel columns: East Asian wide and full-width characters count 2."""
    longest = 0
    for line in str(text).splitlines() or [""]:
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        longest = max(longest, width)
    return longest


def export_register(project_id: int, target: Path, options: ExportOptions) -> Path:
    """Write the register and the assessment history of one project.

    The on-time numbers are as of `options.period_end` (``--to``), else today.
    """
    project = projects.get_project(project_id)
    language = document_language(project.document_language, options)
    words = _WORDS[language]
    today = options.period_end or dt.date.today()
    everyone = people.list_people(project_id)
    records = sh.on_time_records(project_id, today)
    history = list(
        Assessment.select(Assessment, Person)
        .join(Person)
        .where(Person.project == project_id)
        .order_by(Assessment.assessed_at, Assessment.id)
    )
    last_assessed: dict[int, dt.datetime] = {}
    for row in history:
        last_assessed[row.person.id] = row.assessed_at

    workbook = Workbook()
    register = workbook.active
    assert register is not None
    register.title = words["register_sheet"]
    generated = words["generated"].format(
        client=project.client_org or project.name, date=_date_text(today, language)
    )
    _header_rows(register, words["title"].format(project=project.name), generated)
    rows = [
        _register_row(p, records.get(p.id), last_assessed.get(p.id), language) for p in everyone
    ]
    _table(register, words["register"], rows, "Register", words, wrap={22, 23, 24, 25, 26, 27})

    sheet = workbook.create_sheet(words["history_sheet"])
    _header_rows(sheet, words["history_title"].format(project=project.name), generated)
    history_rows = [
        [
            row.assessed_at,
            row.person.name,
            label(Role(row.person.role), language),
            label(Engagement(row.engagement), language) if row.engagement else "",
            label(CooperationType(row.cooperation_type), language) if row.cooperation_type else "",
            row.source,
            row.comment,
            _note_text(row),
        ]
        for row in history
    ]
    _table(sheet, words["history"], history_rows, "History", words, wrap={7, 8})

    properties = workbook.properties
    properties.title = f"{words['title'].format(project=project.name)} — {CONFIDENTIAL}"
    properties.subject = f"{words['subject']} — {CONFIDENTIAL}"
    properties.keywords = words["keywords"]
    properties.description = CONFIDENTIAL
    properties.category = CONFIDENTIAL
    properties.creator = "pmdesk"
    properties.lastModifiedBy = "pmdesk"
    return write_atomically(Path(target), lambda path: workbook.save(path))


def _register_row(
    person: Person,
    record: sh.OnTimeRecord | None,
    assessed: dt.datetime | None,
    language: Language,
) -> list[Any]:
    words = _WORDS[language]
    record = record or sh.OnTimeRecord()
    client = person.side == Side.CLIENT
    staff = person.role == Role.COOPERATING_STAFF

    def enum(enum_type: type, value: str | None) -> str:
        return label(enum_type(value), language) if value else ""

    if not staff:
        suggested = ""
    elif record.enough_history:
        suggested = label(record.suggested, language)
    else:
        suggested = words["not_enough"]
    factors = "; ".join(
        sh.cause_factor_label(k, language) for k in sh.parse_cause_factors(person.cause_factors)
    )
    return [
        person.id,
        person.name,
        enum(Side, person.side),
        enum(Role, person.role),
        person.org_unit,
        person.title,
        person.email,
        person.phone,
        enum(Engagement, person.engagement_current),
        enum(Engagement, person.engagement_desired),
        sh.engagement_gap(person),
        person.influence if client else None,
        person.interest if client else None,
        sh.quadrant_label(sh.quadrant(person.influence, person.interest), language)
        if client
        else "",
        enum(CooperationType, person.cooperation_type) if staff else "",
        suggested,
        record.on_time if record.judged or record.not_due else None,
        record.late if record.judged or record.not_due else None,
        record.overdue if record.judged or record.not_due else None,
        record.carried_over if record.judged or record.not_due else None,
        record.rate,
        factors,
        person.causes,
        person.strategy,
        person.next_action,
        person.success_factors,
        person.coaching_plan,
        assessed,
    ]


def _note_text(assessment: Assessment) -> str:
    note = assessment.note if assessment.__data__.get("note") else None
    return note.text if note is not None else ""


def _header_rows(sheet: Worksheet, title: str, generated: str) -> None:
    as_text(sheet.cell(1, 1, title))
    sheet["A1"].font = _TITLE_FONT
    sheet["A2"] = CONFIDENTIAL
    sheet["A2"].font = _MARK_FONT
    sheet["A2"].fill = _MARK_FILL
    sheet["A3"] = generated
    sheet["A3"].font = Font(italic=True, color="595959")
    # Printed pages carry the marking too.
    sheet.oddHeader.center.text = CONFIDENTIAL
    sheet.oddFooter.center.text = "&P / &N"
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3  # a wide register: two A3 pages across
    sheet.page_setup.fitToWidth = 2
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _table(
    sheet: Worksheet,
    headers: list[str],
    rows: list[list[Any]],
    name: str,
    words: dict[str, Any],
    *,
    wrap: set[int],
) -> None:
    """Headers and rows from row 4, as an Excel table with its filter, frozen below."""
    for column, header in enumerate(headers, start=1):
        cell = as_text(sheet.cell(row=_HEADER_ROW, column=column, value=header))
        cell.font = Font(bold=True)
    widths = [text_width(h) + 4 for h in headers]  # room for the filter button
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            # A name or cause typed as "=…" stays text (exports.cells), never a formula.
            cell = as_text(sheet.cell(row=_HEADER_ROW + offset, column=column, value=value))
            if isinstance(value, dt.datetime):
                cell.number_format = words["datetime_format"]
                shown = 17
            elif isinstance(value, dt.date):
                cell.number_format = words["date_format"]
                shown = 11
            elif isinstance(value, float):
                cell.number_format = "0%"
                shown = 5
            else:
                shown = text_width("" if value is None else str(value))
            if column in wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                shown = min(shown, _WRAP_WIDTH)
            else:
                cell.alignment = Alignment(vertical="top")
            widths[column - 1] = max(widths[column - 1], shown + 2)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, _WRAP_WIDTH + 2)
    last_row = _HEADER_ROW + max(len(rows), 1)
    reference = f"A{_HEADER_ROW}:{get_column_letter(len(headers))}{last_row}"
    table = Table(displayName=name, ref=reference)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=3)


def _date_text(day: dt.date, language: Language) -> str:
    if language is Language.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day:%b %Y}"
