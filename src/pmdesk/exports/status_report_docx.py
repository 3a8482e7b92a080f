"""The status report (.docx, client-facing): status, problems, help needed.

The report praises by name those who finished on time and lists late steps with their
next step and no owner (services.reports explains the rule). It is refused, before a
byte is written, while a late person's name appears anywhere in it. Tables never show
owners: the praise paragraph is the only place people are named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document

from pmdesk.exports import ExportOptions, document_language, minutes_series
from pmdesk.exports.word import add_key_values, add_table, new_document, save_for_client
from pmdesk.models import Language, ReviewState, StatusReport
from pmdesk.services import meetings, reports
from pmdesk.services.reports import ReportFacts, ReportTexts, client_date
from pmdesk.vocabulary import label_of

BULLET_MARKS = ("•", "-", "·", "*")

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "title": "Status report",
        "project": "Project",
        "client": "Client",
        "period": "Reporting period",
        "date": "Date of report",
        "period_value": "{start} to {end}",
        "status": "1. Status",
        "problems": "2. Problems",
        "help": "3. Help needed",
        "done": "Completed in this period",
        "upcoming": "Coming up: milestones and deliverables",
        "late": "Steps past their due date and the next step for each",
        "assistance": "Assistance we are waiting for",
        "review": "Awaiting your review",
        "step": "Step",
        "due": "Due",
        "completed": "Completed on",
        "next_step": "Next step",
        "milestone": "Milestone or deliverable",
        "state": "State",
        "submitted": "Submitted on",
        "none": "None.",
        "prepared": "Prepared by",
    },
    Language.ZH_CN: {
        "title": "项目进展报告",
        "project": "项目名称",
        "client": "客户",
        "period": "报告期间",
        "date": "报告日期",
        "period_value": "{start}至{end}",
        "status": "一、现状阐述",
        "problems": "二、问题总结",
        "help": "三、需要的协助",
        "done": "本期完成的工作",
        "upcoming": "近期里程碑及交付成果",
        "late": "超期事项及下一步安排",
        "assistance": "待客户协助的事项",
        "review": "待您审阅的成果",
        "step": "工作事项",
        "due": "计划完成日期",
        "completed": "实际完成日期",
        "next_step": "下一步安排",
        "milestone": "里程碑/交付成果",
        "state": "状态",
        "submitted": "提交日期",
        "none": "无。",
        "prepared": "编制人",
    },
}


def export_status_report(record_id: int, target: Path, options: ExportOptions) -> Path:
    """The report of project `record_id` for the period in `options` (default: the last
    seven days), written from the data as prefilled; saved as a StatusReport too."""
    from pmdesk.services.projects import get_project

    project = get_project(record_id)
    language = document_language(project.document_language, options)
    today = dt.date.today()
    start, end = reports.default_period(options.period_end or today)
    start = options.period_start or start
    facts = reports.gather(record_id, start, end, language)
    texts = reports.prefill(facts, language)
    path, _report = write_report(facts, texts, Path(target), language)
    return path


def write_report(
    facts: ReportFacts, texts: ReportTexts, target: Path, language: Language
) -> tuple[Path, StatusReport]:
    """Check the naming rule, write the document, and keep the StatusReport record.

    Raises reports.LateNameProblem (nothing written) if a late person is named.
    """
    reports.check_report(texts, facts, language)
    document = build_document(facts, texts, language, dt.date.today())
    path = save_for_client(document, target, facts.project.id)
    return path, reports.save_report(facts, texts, path.name)


def build_document(
    facts: ReportFacts, texts: ReportTexts, language: Language, today: dt.date
) -> Document:
    w = WORDS[language]
    # Chinese dates (2026年11月30日) need a wider column than "30 Nov 2026".
    date_cm = 3.6 if language == Language.ZH_CN else 3.0
    wide = 16.6 - 2 * date_cm
    day = lambda d: client_date(d, language)  # noqa: E731
    project = facts.project
    document = new_document(
        language, title=f"{w['title']} — {project.name}", header=f"{project.name} · {w['title']}"
    )
    document.add_heading(w["title"], 0)
    pairs = [(w["project"], project.name)]
    if project.client_org:
        pairs.append((w["client"], project.client_org))
    pairs += [
        (
            w["period"],
            w["period_value"].format(start=day(facts.period_start), end=day(facts.period_end)),
        ),
        (w["date"], day(today)),
    ]
    pm = meetings.consultant_pm(project.id)
    if pm is not None:
        pairs.append((w["prepared"], pm.name))
    add_key_values(document, pairs)

    document.add_heading(w["status"], 1)
    _paragraphs(document, texts.status)
    _paragraphs(document, texts.praise)
    document.add_heading(w["done"], 2)
    _table_or_none(
        document,
        w,
        (w["step"], w["due"], w["completed"]),
        [(a.title, day(a.due_date), day(a.completed_on)) for a in facts.done],
        (wide, date_cm, date_cm),
    )
    minutes_series.add_decisions_in_period(
        document, project.id, facts.period_start, facts.period_end, language
    )
    if facts.upcoming:
        document.add_heading(w["upcoming"], 2)
        add_table(
            document,
            (w["milestone"], w["due"], w["state"]),
            [
                (r.title, day(r.due_date), label_of(ReviewState, r.state, language))
                for r in facts.upcoming
            ],
            (wide, date_cm, date_cm),
        )

    document.add_heading(w["problems"], 1)
    _paragraphs(document, texts.problems)
    if facts.late_items:
        document.add_heading(w["late"], 2)
        add_table(
            document,
            (w["step"], w["due"], w["next_step"]),
            [
                (
                    item.action.title,
                    day(item.action.due_date),
                    reports.arrangement_text(item, language),
                )
                for item in facts.late_items
            ],
            (7.0, date_cm, 9.6 - date_cm),
        )

    document.add_heading(w["help"], 1)
    _paragraphs(document, texts.help_needed, bullets=True)
    if facts.awaiting_review:
        document.add_heading(w["review"], 2)
        add_table(
            document,
            (w["milestone"], w["submitted"], w["due"]),
            [(r.title, day(r.submitted_on), day(r.due_date)) for r in facts.awaiting_review],
            (wide, date_cm, date_cm),
        )
    return document


def _paragraphs(document: Document, text: str, *, bullets: bool = False) -> None:
    """One paragraph per line; with `bullets`, a line typed as "• …" (or "- …") becomes
    a real list item, not a typed bullet character."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if bullets and line[:1] in BULLET_MARKS:
            document.add_paragraph(line[1:].strip(), style="List Bullet")
        else:
            document.add_paragraph(line)


def _table_or_none(
    document: Document,
    w: dict[str, str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
) -> None:
    if rows:
        add_table(document, headers, rows, widths)
    else:
        document.add_paragraph(w["none"])
