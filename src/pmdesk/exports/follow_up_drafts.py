"""Private follow-up drafts (.docx, INTERNAL): one page per person late in the period.

"Praise in public, follow up in private" (METHOD.md §4): the status report names no
laggard; instead the PM talks to each one privately — why the delay, a new date, help
if needed. This document prepares those talks. It is for the consultant team only and
says so in its header and properties.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.word import add_key_values, add_table, new_document, save
from pmdesk.models import ActionStatus, FollowUp, Language, Project
from pmdesk.services import reports
from pmdesk.services.common import get_or_fail
from pmdesk.services.reports import FollowUpDraft, ReportFacts, client_date
from pmdesk.vocabulary import label_of

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "internal": "Internal — confidential. For the consultant team only; never send to "
        "the client.",
        "title": "Private follow-ups",
        "project": "Project",
        "period": "Reporting period",
        "prepared": "Prepared on",
        "period_value": "{start} to {end}",
        "late": "Late steps",
        "step": "Step",
        "due": "Due",
        "status": "Status",
        "completed": "Completed on",
        "earlier": "Earlier follow-ups",
        "date": "Date",
        "reason": "Reason",
        "outcome": "Outcome",
        "new_date": "New date",
        "points": "Talking points",
        "record": "Outcome of the talk: ____________________   New date agreed: ____________",
        "nobody": "Nobody was late in this period.",
    },
    Language.ZH_CN: {
        "internal": "内部资料，注意保密。仅供顾问组内部使用，请勿发送给客户。",
        "title": "私下跟进记录（草稿）",
        "project": "项目名称",
        "period": "报告期间",
        "prepared": "编制日期",
        "period_value": "{start}至{end}",
        "late": "延期事项",
        "step": "工作事项",
        "due": "计划完成日期",
        "status": "状态",
        "completed": "实际完成日期",
        "earlier": "以往跟进",
        "date": "日期",
        "reason": "原因",
        "outcome": "结果",
        "new_date": "新日期",
        "points": "沟通要点",
        "record": "沟通结果：____________________   约定的新完成日期：____________",
        "nobody": "本期没有延期人员。",
    },
}


def export_follow_up_drafts(record_id: int, target: Path, options: ExportOptions) -> Path:
    """The follow-up drafts of project `record_id` for the period in `options`."""
    project = get_or_fail(Project, record_id)
    language = document_language(project.document_language, options)
    today = dt.date.today()
    start, end = reports.default_period(options.period_end or today)
    facts = reports.gather(record_id, options.period_start or start, end, language)
    drafts = reports.follow_up_drafts(facts, language, today)
    return write_follow_ups(facts, drafts, Path(target), language, today)


def write_follow_ups(
    facts: ReportFacts,
    drafts: list[FollowUpDraft],
    target: Path,
    language: Language,
    today: dt.date,
) -> Path:
    w = WORDS[language]
    day = lambda d: client_date(d, language)  # noqa: E731
    document = new_document(language, title=f"{w['internal']} {w['title']}")
    properties = document.core_properties
    properties.category = w["internal"]
    properties.subject = w["internal"]
    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(w["internal"])
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)

    document.add_heading(w["title"], 0)
    period = w["period_value"].format(start=day(facts.period_start), end=day(facts.period_end))
    add_key_values(
        document,
        [(w["project"], facts.project.name), (w["period"], period), (w["prepared"], day(today))],
    )
    if not drafts:
        document.add_paragraph(w["nobody"])
    date_cm = 3.6 if language == Language.ZH_CN else 3.0
    for index, draft in enumerate(drafts):
        if index:
            document.add_page_break()
        person = draft.person
        role = " · ".join(x for x in (person.title, person.org_unit) if x)
        if role:
            role = f"（{role}）" if language == Language.ZH_CN else f" ({role})"
        document.add_heading(person.name + role, 1)
        document.add_heading(w["late"], 2)
        add_table(
            document,
            (w["step"], w["due"], w["status"], w["completed"]),
            [
                (
                    a.title,
                    day(a.due_date),
                    label_of(ActionStatus, a.status, language),
                    day(a.completed_on),
                )
                for a in draft.items
            ],
            (16.6 - 2 * date_cm - 2.4, date_cm, 2.4, date_cm),
        )
        earlier = list(
            FollowUp.select()
            .where((FollowUp.person == person.id) & (FollowUp.project == facts.project.id))
            .order_by(FollowUp.follow_up_on)
        )
        if earlier:
            document.add_heading(w["earlier"], 2)
            add_table(
                document,
                (w["date"], w["reason"], w["outcome"], w["new_date"]),
                [
                    (day(f.follow_up_on), f.reason, f.outcome, day(f.new_commitment_date))
                    for f in earlier
                ],
                (date_cm, 5.0, 8.6 - 2 * date_cm + 3.0, date_cm),
            )
        document.add_heading(w["points"], 2)
        for point in draft.talking_points:
            document.add_paragraph(point, style="List Bullet")
        document.add_paragraph(w["record"])
    return save(document, target)
