"""The preview of a tracker import in words, in the document's language: the command line
prints it and the import dialog lists it, grouped as the PM decides (the client's
changes, conflicts, new steps, the team's changes that stay, deleted rows, cell
comments, notices), every change as old → new."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pmdesk.imports.tracker_xlsx import Notice, TrackerPreview
from pmdesk.imports.xlsx_files import shown
from pmdesk.models import ActionStatus, Language, Priority
from pmdesk.services.progress import tracker_id
from pmdesk.vocabulary import label

_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "status": "status",
        "completed_on": "completed on",
        "client_comment": "client comment",
        "title": "step",
        "owner": "owner",
        "start_date": "start",
        "due_date": "due",
        "priority": "priority",
        "comment": "comment",
        "new": "new step",
        "empty": "(empty)",
        "row": "row {row}",
        "change": "{step} {title}: {field} {old} → {new}",
        "new_line": "+ {new} ({where}): {title} ({details})",
        "detail": "{name} {value}",
        "separator": "; ",
        "by": " — {author}",
        "changes": "The client's changes (imported):",
        "conflicts": "Conflicts — changed by the client and in pmdesk since the export "
        "(pmdesk's value stays unless you take the client's):",
        "conflict": "{step} {title}: {field} — sent {sent}; pmdesk now {ours}; client {theirs}",
        "take": " → the client's value is taken",
        "keep": " → pmdesk's value stays",
        "as_before": " (as you chose on {date})",
        "remembered": "The {count} conflict choices you made at an earlier import of this "
        "export are proposed again.",
        "remembered_one": "The conflict choice you made at an earlier import of this export is "
        "proposed again.",
        "kept": "Changed in pmdesk since the export (they stay):",
        "new_steps": "New steps the client added (created):",
        "deleted": "Rows deleted from the file (the steps stay in pmdesk; cancel them there "
        "if agreed):",
        "cell_notes": "Cell comments (not imported; copy what matters into pmdesk):",
        "cell_note": "Row {row} ({step}), {column}: “{text}”{author}",
        "notices": "Notices:",
        "nothing": "No changes to import.",
        "imported_before": "Nothing to import: this file's changes are already in pmdesk "
        "(it was imported before).",
        "no_mark": "The file has no pmdesk mark (it may have been copied into a new "
        "workbook); it was recognised by its columns.",
        "no_baseline": "The file carries no export baseline (an older tracker, or copied "
        "into a new workbook): every difference from pmdesk is taken as the client's "
        "change, including values changed in pmdesk since it was sent.",
        "plan_edit": "Row {row} ({step}): {column} {old} → {new} in the file; not imported "
        "(change it in pmdesk if agreed).",
        "completion_cleared": "Row {row}{step}: status {new} with completion date {old}: "
        "the date is cleared (only a done step has one).",
        "deleted_in_pmdesk": "Row {row} ({step}) “{title}”: the step was deleted in pmdesk "
        "since the export; the row is not imported.",
        "imported_before_row": "Row {row}: “{title}” was imported before as {step}; not "
        "added again.",
    },
    Language.ZH_CN: {
        "status": "状态",
        "completed_on": "实际完成日期",
        "client_comment": "客户意见",
        "title": "工作事项",
        "owner": "负责人",
        "start_date": "开始日期",
        "due_date": "计划完成日期",
        "priority": "优先级",
        "comment": "意见",
        "new": "新增工作事项",
        "empty": "（空）",
        "row": "第 {row} 行",
        "change": "{step} {title}：{field} {old} → {new}",
        "new_line": "+ {new}（{where}）：{title}（{details}）",
        "detail": "{name}：{value}",
        "separator": "；",
        "by": "——{author}",
        "changes": "客户的修改（将导入）：",
        "conflicts": "冲突——导出后客户和 pmdesk 都修改了同一单元格"
        "（保留 pmdesk 的值，除非选择客户的值）：",
        "conflict": "{step} {title}：{field}——导出时 {sent}；pmdesk 现为 {ours}；客户填写 {theirs}",
        "take": " → 采用客户的值",
        "keep": " → 保留 pmdesk 的值",
        "as_before": "（沿用您 {date} 的选择）",
        "remembered": "此前导入同一导出文件时您对 {count} 处冲突所作的选择，本次照此沿用。",
        "remembered_one": "此前导入同一导出文件时您对这处冲突所作的选择，本次照此沿用。",
        "kept": "导出后在 pmdesk 中的修改（保留）：",
        "new_steps": "客户新增的工作事项（将创建）：",
        "deleted": "文件中删除的行（工作事项仍保留在 pmdesk 中；如已商定，请在 pmdesk 中取消）：",
        "cell_notes": "单元格批注（不导入；如有需要请录入 pmdesk）：",
        "cell_note": "第 {row} 行（{step}），{column}：“{text}”{author}",
        "notices": "提示：",
        "nothing": "没有需要导入的修改。",
        "imported_before": "没有需要导入的内容：此文件中的修改已在 pmdesk 中（此前已导入）。",
        "no_mark": "文件没有 pmdesk 标记（可能已复制到新工作簿）；已按列标题识别。",
        "no_baseline": "文件没有导出基线（旧版跟踪表，或已复制到新工作簿）：与 pmdesk 不同之处"
        "均视为客户的修改，包括导出后在 pmdesk 中修改的值。",
        "plan_edit": "第 {row} 行（{step}）：文件中{column}为 {old} → {new}；不导入"
        "（如已商定，请在 pmdesk 中修改）。",
        "completion_cleared": "第 {row} 行{step}：状态为{new}，但填有实际完成日期 {old}："
        "已清除该日期（只有已完成的工作事项才有完成日期）。",
        "deleted_in_pmdesk": "第 {row} 行（{step}）“{title}”：导出后该工作事项已在 pmdesk "
        "中删除；此行不导入。",
        "imported_before_row": "第 {row} 行：“{title}”此前已导入为 {step}；不再重复新增。",
    },
}


def describe_value(name: str, value: Any, language: Language) -> str:
    if value in (None, ""):
        return _WORDS[language]["empty"]
    if name == "status":
        return label(ActionStatus(value), language)
    if name == "priority":
        return label(Priority(value), language)
    if isinstance(value, dt.date):
        return value.isoformat()
    return f"“{shown(str(value))}”" if name in ("client_comment", "title") else str(value)


def describe_notice(notice: Notice, language: Language = Language.EN) -> str:
    words = _WORDS[language]
    if notice.kind == "imported_before":
        template = words["imported_before_row"]
    else:
        template = words[notice.kind]
    old, new = notice.old, notice.new
    if notice.kind == "completion_cleared":
        old, new = describe_value("completed_on", old, language), label(ActionStatus(new), language)
    elif notice.kind == "plan_edit":
        old, new = describe_value("", old, language), describe_value("", new, language)
    step = notice.step
    if notice.kind == "completion_cleared":
        step = f" ({step})" if step else ""
    return template.format(
        row=notice.row,
        step=step,
        column=notice.column,
        title=shown(notice.title),
        old=old,
        new=new,
    )


def preview_sections(
    preview: TrackerPreview, language: Language = Language.EN, *, conflicts: bool = True
) -> list[tuple[str, list[str]]]:
    """The preview as titled groups of lines (the dialog and the command line show them);
    without the conflicts if `conflicts` is false (the dialog has a table for them)."""
    words = _WORDS[language]
    sections: list[tuple[str, list[str]]] = []

    def value(name: str, v: Any) -> str:
        return describe_value(name, v, language)

    def change(number: int, title: str, field: str, old: Any, new: Any) -> str:
        return words["change"].format(
            step=tracker_id(number),
            title=title,
            field=words[field],
            old=value(field, old),
            new=value(field, new),
        )

    changes = [change(c.number, c.title, c.field, c.old, c.new) for c in preview.changes]
    conflict_lines = [
        words["conflict"].format(
            step=tracker_id(c.number),
            title=c.title,
            field=words[c.field],
            sent=value(c.field, c.sent),
            ours=value(c.field, c.ours),
            theirs=value(c.field, c.theirs),
        )
        + (words["take"] if c.take_client else words["keep"])
        + (words["as_before"].format(date=c.chosen_on.isoformat()) if c.chosen_on else "")
        for c in (preview.conflicts if conflicts else [])
    ]
    kept = [change(k.number, k.title, k.field, k.sent, k.now) for k in preview.kept]
    new_steps = []
    for s in preview.new_steps:
        shown_values = [
            ("status", label(s.status, language)),
            ("owner", s.owner_name),
            ("start_date", value("start_date", s.start_date) if s.start_date else ""),
            ("due_date", value("due_date", s.due_date) if s.due_date else ""),
            ("completed_on", value("completed_on", s.completed_on) if s.completed_on else ""),
            ("priority", label(s.priority, language)),
            ("comment", value("client_comment", s.client_comment) if s.client_comment else ""),
        ]
        details = words["separator"].join(
            words["detail"].format(name=words[name], value=v) for name, v in shown_values if v
        )
        new_steps.append(
            words["new_line"].format(
                new=words["new"],
                where=words["row"].format(row=s.row),
                title=s.title,
                details=details,
            )
        )
    deleted = [f"− {tracker_id(d.number)} {d.title}" for d in preview.deleted]
    notes = [
        words["cell_note"].format(
            row=n.row,
            step=n.step or words["new"],
            column=n.column,
            text=n.text,
            author=words["by"].format(author=n.author) if n.author else "",
        )
        for n in preview.cell_notes
    ]
    notices = [describe_notice(n, language) for n in preview.notices]
    for key, lines in (
        ("changes", changes),
        ("conflicts", conflict_lines),
        ("new_steps", new_steps),
        ("kept", kept),
        ("deleted", deleted),
        ("cell_notes", notes),
        ("notices", notices),
    ):
        if lines:
            sections.append((words[key], lines))
    return sections


def preview_summary(preview: TrackerPreview, language: Language = Language.EN) -> str:
    """One line saying whether there is anything to import."""
    words = _WORDS[language]
    remembered = sum(c.chosen_on is not None for c in preview.conflicts)
    key = "remembered_one" if remembered == 1 else "remembered"
    lines = [words[key].format(count=remembered)] if remembered else []
    if preview.imported_before:
        lines.append(words["imported_before"])
    elif preview.is_empty:
        lines.append(words["nothing"])
    return ("" if language == Language.ZH_CN else " ").join(lines)


def preview_lines(preview: TrackerPreview, language: Language = Language.EN) -> list[str]:
    """The preview as lines of text, each group under its title (the command line)."""
    lines = []
    for title, group in preview_sections(preview, language):
        lines.append(title)
        lines.extend(f"  {line}" for line in group)
    summary = preview_summary(preview, language)
    if summary:
        lines.append(summary)
    return lines
