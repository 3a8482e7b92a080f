"""What the command line says, in the user's language (no Qt: commands start without it).

The language is decided as the app decides it: `--lang`, else the language chosen in
View → Language (pmdesk's settings file), else the system's. Messages are raised in
English everywhere (the log stays English); `say` finds a message's pattern in the
catalogue below and gives it in Chinese, translating the reason inside it as well, and a
service's problem ("due_date: cannot be empty") with the field named as the window does.
A message with no pattern here is shown as it is.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path

from pmdesk.languages import Language

#: English message pattern → Chinese. Groups named `reason…` are translated in turn.
_ZH_CN: list[tuple[str, str]] = [
    # The frame of every error line.
    (r"pmdesk: error: (?P<reason>.*)", "pmdesk：错误：{reason}"),
    (r"(?P<reason>.*) \(see '(?P<prog>[^']+) --help'\)", "{reason}（参见 “{prog} --help”）"),
    (r"argument (?P<arg>[^:]+): (?P<reason>.*)", "参数 {arg}：{reason}"),
    (r"invalid id (?P<v>.+) \(from 1 to (?P<max>\d+)\)", "无效的 id {v}（应在 1 到 {max} 之间）"),
    (r"invalid id (?P<v>.+) \(a whole number\)", "无效的 id {v}（应为整数）"),
    (r"invalid date (?P<v>.+) \(use YYYY-MM-DD\)", "无效的日期 {v}（请用 YYYY-MM-DD）"),
    (
        r"invalid language (?P<v>.+) \(choose from (?P<choices>.+)\)",
        "无效的语言 {v}（可选：{choices}）",
    ),
    (
        r"invalid choice: (?P<v>'[^']*') \(choose from (?P<choices>.+)\)",
        "无效的选择：{v}（可选：{choices}）",
    ),
    (r"the following arguments are required: (?P<args>.+)", "缺少必需的参数：{args}"),
    (r"one of the arguments (?P<args>.+) is required", "必须给出以下参数之一：{args}"),
    (r"unrecognized arguments: (?P<args>.+)", "无法识别的参数：{args}"),
    (
        r"export (?P<kind>\S+) takes --(?P<want>\S+) ID, not --(?P<given>\S+)",
        "导出 {kind} 需要 --{want} ID，而不是 --{given}",
    ),
    (r"--to is before --from", "--to 早于 --from"),
    (
        r"(?P<command>\S+) works on a database file; a team server is backed up and restored on "
        r"the server \(pg_dump, pg_restore\)",
        "{command} 只用于数据库文件；团队服务器在服务器上备份和恢复（pg_dump、pg_restore）",
    ),
    (
        r"export (?P<kind>\S+) is not available in this version",
        "此版本没有导出 {kind}",
    ),
    # Opening a database file.
    (r"Database file not found: (?P<path>.+)", "找不到数据库文件：{path}"),
    (r"(?P<path>.+) is a folder, not a database file", "{path} 是文件夹，不是数据库文件"),
    (
        r"(?P<path>.+) is a link to (?P<target>.+), which does not exist",
        "{path} 是指向 {target} 的链接，而该文件不存在",
    ),
    (
        r"(?P<path>.+) is not a regular file \(a pipe or a device\?\)",
        "{path} 不是普通文件（是管道或设备？）",
    ),
    (
        r"Cannot read database file (?P<path>.+): permission denied",
        "无法读取数据库文件 {path}：权限不足",
    ),
    (
        r"(?P<path>.+) is empty: it holds no pmdesk data yet",
        "{path} 是空的：还没有 pmdesk 数据",
    ),
    (
        r"(?P<path>.+) is an SQLite file of another program, not pmdesk's",
        "{path} 是其他程序的 SQLite 文件，不是 pmdesk 的",
    ),
    (
        r"(?P<path>.+) is not a pmdesk database \((?P<detail>.*)\)",
        "{path} 不是 pmdesk 数据库（{detail}）",
    ),
    (
        r"(?P<path>.+) is damaged \((?P<reason>.*)\)\. It was not changed; restore the latest "
        r"backup to go on working\.",
        "{path} 已损坏（{reason}）。文件未被改动；请恢复最新的备份后继续工作。",
    ),
    (
        r"(?P<path>.+) is damaged \((?P<reason>.*)\) and has no sound backup\. It was not "
        r"changed; move it away to start a new database under its name",
        "{path} 已损坏（{reason}），且没有完好的备份。文件未被改动；"
        "把它移走后，才能用这个名字新建数据库",
    ),
    (
        r"(?P<path>.+) is damaged \((?P<reason>.*)\)\. It was not changed; its latest sound "
        r"backup is (?P<backup>.+) \(pmdesk restore (?P<command>.+) puts it back\)",
        "{path} 已损坏（{reason}）。文件未被改动；最新的完好备份是 {backup}"
        "（pmdesk restore {command} 可将其恢复）",
    ),
    (
        r"(?P<path>.+) is an empty SQLite file, not a pmdesk database",
        "{path} 是空的 SQLite 文件，不是 pmdesk 数据库",
    ),
    (r"it holds no tables", "其中没有任何表"),
    (r"it has pmdesk's mark but no schema version", "它带有 pmdesk 的标记，却没有架构版本"),
    (r"(?P<reason>.*); no backup was made of it", "{reason}；没有为它做备份"),
    (r"the file is empty: 0 bytes", "文件是空的：0 字节"),
    (r"it is marked as pmdesk's but holds no tables", "它带有 pmdesk 的标记，却没有任何表"),
    (
        r"(?P<path>.+) was written by a newer pmdesk \(schema (?P<v>\d+); this version reads up "
        r"to (?P<max>\d+)\)\. Update pmdesk to open it; the file was not changed\.",
        "{path} 由更新版本的 pmdesk 写入（架构 {v}；本版本最多读取 {max}）。请更新 pmdesk "
        "后再打开；文件未被改动。",
    ),
    (
        r"Cannot open database file (?P<path>.+?): (?P<reason>.*)",
        "无法打开数据库文件 {path}：{reason}",
    ),
    (r"Cannot create (?P<path>.+?): (?P<reason>.*)", "无法创建 {path}：{reason}"),
    (
        r"its folder is read-only; showing a private copy with every saved change",
        "所在文件夹是只读的；显示的是含有全部已保存更改的私有副本",
    ),
    (r"its folder is read-only", "它所在的文件夹是只读的"),
    (r"the file is read-only", "文件是只读的"),
    # Disk and write problems.
    (
        r"the disk is full or cannot be written; nothing was saved",
        "磁盘已满或无法写入；没有保存任何内容",
    ),
    (
        r"Cannot write the backup (?P<path>.+?): (?P<reason>.*)",
        "无法写入备份 {path}：{reason}",
    ),
    (
        r"(?P<path>.+) already exists; give another name, or --force to replace it",
        "{path} 已存在；请换一个名字，或加 --force 替换它",
    ),
    (
        r"(?P<path>.+) does not end in (?P<suffix>\S+): the (?P<kind>\S+) export writes a "
        r"(?P=suffix) file",
        "{path} 的扩展名不是 {suffix}：{kind} 导出生成的是 {suffix} 文件",
    ),
    (
        r"(?P<path>.+) is a folder: give (?:the backup|the file) a (?:file )?name",
        "{path} 是文件夹：请给出文件名",
    ),
    (
        r"(?P<path>.+) is the open database (?P<name>.+) or one of its own files; choose "
        r"another file",
        "{path} 就是打开的数据库 {name} 或它自己的文件；请另选一个文件",
    ),
    (
        r"(?P<path>.+) is in the backup folder (?P<folder>.+), which is kept for pmdesk's own "
        r"backups; choose another folder",
        "{path} 在备份文件夹 {folder} 中，那里只存放 pmdesk 自己的备份；请另选文件夹",
    ),
    (
        r"Cannot write in (?P<folder>.+) \((?P<detail>.*)\); choose another folder",
        "无法在 {folder} 中写入（{detail}）；请另选文件夹",
    ),
    (
        r"Cannot write (?P<path>.+?): the folder (?P<folder>.+) does not exist",
        "无法写入 {path}：文件夹 {folder} 不存在",
    ),
    (
        r"Cannot replace (?P<path>.+?): it may be open in another program \(Word, Excel\)\. "
        r"Close it, or save under another name such as (?P<other>.+)",
        "无法替换 {path}：它可能正在其他程序（Word、Excel）中打开。请关闭它，或另存为 {other}",
    ),
    # Restore.
    (
        r"(?P<path>.+) cannot be restored: (?P<reason>.*)",
        "{path} 无法恢复：{reason}",
    ),
    (
        r"(?P<path>.+) is the database itself, not a backup of it",
        "{path} 就是数据库本身，不是它的备份",
    ),
    (r"the file does not exist", "文件不存在"),
    (r"the file is empty \(0 bytes\)", "文件是空的（0 字节）"),
    (
        r"it is not a readable SQLite database \((?P<detail>.*)\)",
        "它不是可读的 SQLite 数据库（{detail}）",
    ),
    (
        r"it is not a pmdesk database \(another program's file, or no pmdesk mark\)",
        "它不是 pmdesk 数据库（其他程序的文件，或没有 pmdesk 标记）",
    ),
    (r"it is damaged \((?P<detail>.*)\)", "它已损坏（{detail}）"),
    (
        r"(?P<n>\d+) rows refer to rows that do not exist \(the first: a (?P<t>\S+) row pointing "
        r"at a missing (?P<u>\S+)\)",
        "{n} 行引用了不存在的行（第一行：{t} 指向缺失的 {u}）",
    ),
    (
        r"its tables are not the ones pmdesk makes: (?P<detail>.*)",
        "它的表结构与 pmdesk 创建的不同：{detail}",
    ),
    # Values out of range.
    (
        r"a date or number is out of range \((?P<detail>.*)\); nothing was changed",
        "日期或数字超出范围（{detail}）；没有改动任何内容",
    ),
    (r"No (?P<kind>[a-z ]+) with id (?P<id>\d+)", "没有 id 为 {id} 的 {kind}"),
    # A service's problem: "field: reason" (ValidationProblem), a tracker's file or cell.
    (
        r"(?P<reason>.*) \(and (?P<n>\d+) more problems\); nothing was imported",
        "{reason}（另有 {n} 个问题）；没有导入任何内容",
    ),
    (r"(?P<reason>.*); nothing was imported", "{reason}；没有导入任何内容"),
    (
        r"sheet '(?P<sheet>[^']*)', row (?P<row>\d+), column (?P<column>[A-Z]+) "
        r"\((?P<header>[^)]*)\): (?P<reason>.*)",
        "工作表“{sheet}”第 {row} 行 {column} 列（{header}）：{reason}",
    ),
    (
        r"sheet '(?P<sheet>[^']*)', row (?P<row>\d+): (?P<reason>.*)",
        "工作表“{sheet}”第 {row} 行：{reason}",
    ),
    (r"sheet '(?P<sheet>[^']*)': (?P<reason>.*)", "工作表“{sheet}”：{reason}"),
    (r"cannot be empty", "不能为空"),
    (r"not one of the allowed values", "不是允许的取值"),
    (r"not in this project", "不属于本项目"),
    (r"not a person of this project", "不是本项目的人员"),
    (r"not an email address", "不是有效的邮箱地址"),
    (r"must be between 1 and 5", "必须在 1 到 5 之间"),
    (r"must be a whole number from 1 to 5", "必须是 1 到 5 的整数"),
    (r"not a date", "不是日期"),
    (r"no such field", "没有这个字段"),
    (
        r"at most (?P<n>\d+) characters \(this has (?P<has>\d+)\)",
        "最多 {n} 个字符（现有 {has} 个）",
    ),
    (r"at most (?P<n>\d+) characters", "最多 {n} 个字符"),
    (r"the meeting has no date and time yet", "会议还没有日期和时间"),
    (r"the meeting cannot end before it starts", "会议结束时间不能早于开始时间"),
    (r"a meeting is at most one day long", "会议最长为一天"),
    (r"the due date cannot be before the start", "截止日期不能早于开始日期"),
    (r"the end cannot be before the start", "结束日期不能早于开始日期"),
    (r"the period cannot end before it starts", "周期结束不能早于开始"),
    (r"this project already has a kickoff meeting", "本项目已有启动会"),
    (r"a person needs a name", "人员需要姓名"),
    (r"an action item needs a title", "待办事项需要标题"),
    (r"choose at least one person", "请至少选择一人"),
    (
        r"a step is due either relative to the start or at a time",
        "步骤的截止要么相对开始时间，要么是固定时间",
    ),
    (r"no such file", "文件不存在"),
    (r"is not a file", "不是文件"),
    (r"is not an Excel \.xlsx workbook", "不是 Excel .xlsx 工作簿"),
    (
        r"is password-protected or an old \.xls file: save it as \.xlsx without a password",
        "有密码保护或是旧的 .xls 文件：请另存为不带密码的 .xlsx",
    ),
    (
        r"cannot be read as an Excel workbook \(damaged, incomplete or not \.xlsx\): "
        r"(?P<detail>.*)",
        "无法作为 Excel 工作簿读取（已损坏、不完整或不是 .xlsx）：{detail}",
    ),
    (
        r"is damaged or incomplete \(not a readable \.xlsx\): (?P<detail>.*)",
        "已损坏或不完整（不是可读的 .xlsx）：{detail}",
    ),
    (
        r"is the tracker of another project \(id (?P<other>[^)]*)\), not of project (?P<id>\d+)",
        "是另一个项目（id {other}）的跟踪表，不是项目 {id} 的",
    ),
    (r"(?P<step>\S+) is not a step of this project", "{step} 不是本项目的步骤"),
    (r"(?P<step>\S+) is also in row (?P<row>\d+)", "{step} 也在第 {row} 行"),
    (r"is empty: choose a status from the list", "是空的：请从列表中选择状态"),
    (
        r"unknown value “(?P<v>[^”]*)” \(use one of: .+ / (?P<allowed>[^/]+)\)",
        "未知的取值“{v}”（可选：{allowed}）",
    ),
    (r"no one called “(?P<name>[^”]*)” in this project", "本项目中没有叫“{name}”的人"),
    (r"“(?P<v>[^”]*)” is not a tracker ID \(like A-0012\)", "“{v}”不是跟踪表编号（例如 A-0012）"),
    (r"a new row \(no ID\) needs the step's title", "新行（没有编号）需要填写工作事项"),
    (r"is longer than (?P<n>[\d,]+) characters", "超过 {n} 个字符"),
    (
        r"the due date (?P<due>\S+) is before the start (?P<start>\S+)",
        "截止日期 {due} 早于开始日期 {start}",
    ),
    (
        r"the completion date (?P<done>\S+) is before the start (?P<start>\S+)",
        "完成日期 {done} 早于开始日期 {start}",
    ),
    (r"the completion date (?P<done>\S+) is in the future", "完成日期 {done} 在未来"),
    (
        r"members are kept on a team server: give --db postgresql://…",
        "成员保存在团队服务器上：请用 --db postgresql://…",
    ),
    # What went well.
    (r"Wrote (?P<path>.+)", "已写入 {path}"),
    (r"pmdesk: warning: (?P<reason>.*)", "pmdesk：警告：{reason}"),
    (r"not in To \(no email address\): (?P<names>.+)", "未列入收件人（没有电子邮件地址）：{names}"),
    (r"not in Cc \(no email address\): (?P<names>.+)", "未列入抄送（没有电子邮件地址）：{names}"),
    (r"Backed up to (?P<path>.+)", "已备份到 {path}"),
    (
        r"Restored (?P<source>.+) into (?P<path>.+); the replaced data is in (?P<saved>.+)",
        "已将 {source} 恢复到 {path}；被替换的数据保存在 {saved}",
    ),
    (
        r"Restored (?P<source>.+) into (?P<path>.+); the damaged file is kept as (?P<aside>.+)",
        "已将 {source} 恢复到 {path}；损坏的文件保留为 {aside}",
    ),
    # Today's marks (pmdesk today done|snooze|dismiss|reopen KEY).
    (r"No Today item (?P<key>\S+)", "今日事项中没有 {key}"),
    (r"No marked Today item (?P<key>\S+)", "没有已标记的今日事项 {key}"),
    (r"reason: give a reason for dismissing it", "reason：请给出忽略的理由"),
    (r"Done: (?P<key>\S+)", "已完成：{key}"),
    (r"Snoozed until (?P<day>\S+): (?P<key>\S+)", "已推迟到 {day}：{key}"),
    (r"Dismissed: (?P<key>\S+)", "已忽略：{key}"),
    (r"Reopened (?P<key>\S+)", "已重新打开 {key}"),
    (
        r"today takes --until and --reason only with snooze or dismiss KEY",
        "today 只有与 snooze 或 dismiss KEY 一起时才接受 --until 和 --reason",
    ),
    (
        r"today (?P<mark>\S+) takes the item's KEY \(see pmdesk today --json\)",
        "today {mark} 需要事项的 KEY（参见 pmdesk today --json）",
    ),
    (
        r"today (?P<mark>\S+) takes no --project or --json",
        "today {mark} 不接受 --project 或 --json",
    ),
    (
        r"snooze takes --until YYYY-MM-DD \(and only snooze does\)",
        "snooze 需要 --until YYYY-MM-DD（只有 snooze 接受它）",
    ),
    (
        r"dismiss takes --reason TEXT \(and only dismiss does\)",
        "dismiss 需要 --reason TEXT（只有 dismiss 接受它）",
    ),
]

#: A service's field names as the window labels them (ui/widgets/forms.py `field_labels`).
_FIELDS_ZH = {
    "action_item": "待办事项",
    "agenda_item": "议程项",
    "client": "客户",
    "code": "项目编号",
    "completed_on": "完成日期",
    "confirmed_by": "确认人",
    "decided_on": "决定日期",
    "decision": "决定",
    "description": "描述",
    "due": "截止",
    "due_at": "截止",
    "due_date": "截止日期",
    "email": "邮箱",
    "end_date": "结束日期",
    "ends_at": "结束",
    "evidence": "依据",
    "file": "文件",
    "follow_up_on": "跟进日期",
    "kind": "类型",
    "meeting": "会议",
    "minutes_allotted": "分钟",
    "name": "名称",
    "note": "记录",
    "outcome": "成果",
    "owner": "负责人",
    "period_end": "周期结束",
    "period_start": "周期开始",
    "person": "人员",
    "phase": "阶段",
    "planned_on": "计划日期",
    "presenter": "汇报人",
    "rank": "排序",
    "reason": "原因",
    "role": "角色",
    "sent_on": "发送日期",
    "side": "所属方",
    "speaker": "发言人",
    "start_date": "开始日期",
    "starts_at": "开始",
    "status": "状态",
    "text": "内容",
    "time_zone": "时区",
    "title": "标题",
    "topic": "主题",
    "venue": "地点",
    "version": "版本",
}

#: The reasons services and imports give (every one: tests/core/test_messages.py walks
#: each `raise …Problem(field, reason)` in the core and checks it is here).
_ZH_CN += [
    # Text fields (services/validation.py).
    (r"must be text, not (?P<kind>\S+)", "必须是文本，而不是 {kind}"),
    (r"must be a single line \(it contains a line break\)", "必须是单行（其中有换行）"),
    (r"contains a control character \((?P<code>[^)]+)\)", "含有控制字符（{code}）"),
    (
        r"contains an invisible text-direction control \((?P<code>[^)]+)\) that can make text "
        r"display as something else",
        "含有不可见的文字方向控制符（{code}），会让文字显示成别的样子",
    ),
    (
        r"contains a broken character \((?P<code>[^)]+)\); was the text read in the wrong "
        r"encoding\?",
        "含有损坏的字符（{code}）；文本是否按错误的编码读取？",
    ),
    (
        r"cannot be before (?P<start>[^(]+?) \((?P<end>.+) is before (?P<first>.+)\)",
        "不能早于{start}（{end} 早于 {first}）",
    ),
    (
        r"cannot be after (?P<end>[^(]+?) \((?P<start>.+) is after (?P<last>.+)\)",
        "不能晚于{end}（{start} 晚于 {last}）",
    ),
    (r"not a weekday", "不是星期几"),
    (r"must be a number of minutes \(0 to 1440\)", "必须是分钟数（0 到 1440）"),
    # Kickoff.
    (
        r"(?P<name>.+) is not a time zone name such as Asia/Shanghai",
        "{name} 不是时区名称（例如 Asia/Shanghai）",
    ),
    (r"(?P<email>.+) is not an email address", "{email} 不是有效的邮箱地址"),
    (r"(?P<role>\S+) is not a role on the (?P<side>\S+) side", "{role} 不是 {side} 一方的角色"),
    (r"(?P<name>.+) is not on this project", "{name} 不在本项目中"),
    (r"(?P<name>.+) is already an attendee", "{name} 已是参会人"),
    (r"note (?P<id>\d+) is from another project", "记录 {id} 属于另一个项目"),
    (
        r"(?P<file>.+) is (?P<size>\d+) MB; at most 100 MB can be kept",
        "{file} 有 {size} MB；最多只能保存 100 MB",
    ),
    (r"cannot read (?P<file>[^:]+): (?P<detail>.*)", "无法读取 {file}：{detail}"),
    (r"the stored copy of (?P<file>.+) is damaged", "{file} 的存档副本已损坏"),
    # Capture, minutes and their approval.
    (r"type what was said before saving the note", "请先输入发言内容再保存记录"),
    (r"not a person of this meeting's project", "不是本会议所属项目的人员"),
    (r"not an agenda item of this meeting", "不是本会议的议程项"),
    (r"not a meeting of this person's project", "不是此人所属项目的会议"),
    (r"not a note of this meeting", "不是本会议的记录"),
    (r"not a note of this person's project", "不是此人所属项目的记录"),
    (r"not an outcome of this person's project", "不是此人所属项目的成果"),
    (r"1 is the outcome valued most; ranks start at 1", "1 表示最看重的成果；排序从 1 开始"),
    (r"say which version of the minutes was sent", "请说明发送的是哪一版纪要"),
    (r"list the items to revise first", "请先列出要修改的事项"),
    (r"say who approved the minutes", "请说明是谁确认了纪要"),
    (r"say which changes the client asked for", "请说明客户要求的修改"),
    (r"these minutes were not sent yet", "这份纪要还没有发送"),
    # Decisions and meeting series.
    (r"not a decision", "不是决定"),
    (r"a decision cannot supersede itself", "决定不能取代它自己"),
    (r"not a decision of the same project", "不是同一项目的决定"),
    (r"this meeting is already part of a series", "本会议已属于一个系列"),
    (r"this meeting is not part of a series", "本会议不属于任何系列"),
    (r"a series needs a title", "系列需要标题"),
    (r"not a series of this meeting's project", "不是本会议所属项目的系列"),
    (r"say when the next meeting is", "请说明下次会议的时间"),
    # Progress.
    (r"the completion date cannot be before the start", "完成日期不能早于开始日期"),
    (r"only a done step has a completion date", "只有已完成的步骤才有完成日期"),
    # Stakeholders.
    (r"unknown factor (?P<factors>.+)", "未知的因素 {factors}"),
    (r"belongs to the other side", "属于另一方"),
    (r"record the success factors first", "请先记录成功因素"),
    (r"the memo needs a text", "备忘需要内容"),
    (r"cannot be before the memo was written", "不能早于备忘的撰写日期"),
    (r"give the date of the lead's decision", "请填写负责人做出决定的日期"),
    (r"the help action needs a title", "求助事项需要标题"),
    (r"give the date the help is due", "请填写求助的截止日期"),
    (r"choose a consultant of this project", "请选择本项目的顾问"),
    (r"say what the talk is about", "请说明谈话的内容"),
    (r"give a planned or a held date", "请填写计划日期或举行日期"),
    (r"give the date of the follow-up", "请填写跟进日期"),
    (r"say why you followed up", "请说明跟进的原因"),
    (r"cannot be before the follow-up", "不能早于跟进日期"),
    (r"not saved \((?P<detail>.*)\)", "未保存（{detail}）"),
    # Today.
    (r"give the date to snooze it until", "请填写推迟到的日期"),
    (r"give a reason for dismissing it", "请填写忽略的原因"),
    # A tracker file (imports/).
    (
        r"is the tracker of another project \(id (?P<other>[^)]*)\), not of project (?P<id>\d+)",
        "是另一个项目（id {other}）的跟踪表，不是项目 {id} 的",
    ),
    (
        r"is not a pmdesk tracker: no sheet has the columns ID, Step and Status "
        r"\(编号、工作事项、状态\)",
        "不是 pmdesk 跟踪表：没有哪个工作表有“编号、工作事项、状态”这几列",
    ),
    (
        r"has more than (?P<n>[\d,]+) rows; a tracker this large cannot be imported",
        "超过 {n} 行；这么大的跟踪表无法导入",
    ),
    (
        r"changed in pmdesk since the preview; read the file again",
        "预览之后已在 pmdesk 中更改；请重新读取文件",
    ),
    (r"is (?P<size>[\d.,]+) MB; a tracker may be at most 20 MB", "有 {size} MB；跟踪表最大 20 MB"),
    (r"has (?P<n>[\d,]+) parts; too many for a tracker", "有 {n} 个部件；作为跟踪表太多了"),
    (
        r"unpacks to more than 200 MB; too large for a tracker",
        "解压后超过 200 MB；作为跟踪表太大了",
    ),
    (
        r"cannot be read as an Excel workbook: it is a zip file without a workbook part",
        "无法作为 Excel 工作簿读取：它是没有工作簿部件的 zip 文件",
    ),
    (
        r"has a document type or entity declaration in (?P<part>.+) \(Excel never writes one\); "
        r"refused as unsafe",
        "在 {part} 中有文档类型或实体声明（Excel 从不写入）；因不安全而拒绝",
    ),
    (
        r"is a macro-enabled workbook \(\.xlsm\); save the tracker as an Excel \.xlsx workbook",
        "是启用宏的工作簿（.xlsm）；请把跟踪表另存为 Excel .xlsx 工作簿",
    ),
    (
        r"is a Word document; save the tracker as an Excel \.xlsx workbook",
        "是 Word 文档；请把跟踪表另存为 Excel .xlsx 工作簿",
    ),
    (
        r"is a PowerPoint presentation; save the tracker as an Excel \.xlsx workbook",
        "是 PowerPoint 演示文稿；请把跟踪表另存为 Excel .xlsx 工作簿",
    ),
    (r"is incomplete: its workbook part (?P<part>.+) is missing", "不完整：缺少工作簿部件 {part}"),
]

#: Whole-line problems (one argument: database, export, transfer), walked by the same test.
_ZH_CN += [
    (
        r"only the creator of project (?P<id>\d+) \((?P<who>[^)]*)\) or the server's "
        r"administrator may change its members",
        "只有项目 {id} 的创建者（{who}）或服务器管理员可以更改其成员",
    ),
    (
        r"the server has no role (?P<role>.+); its administrator creates it first "
        r"\((?P<sql>CREATE ROLE .*)\)",
        "服务器上没有角色 {role}；需由管理员先创建（{sql}）",
    ),
    (r"No database file is open", "没有打开的数据库文件"),
    (
        r"(?P<path>.+) was written by an older pmdesk and must be upgraded, but (?P<reason>.+)\. "
        r"Copy it somewhere you can write to, then open the copy\.",
        "{path} 由旧版 pmdesk 写入，需要升级，但{reason}。请把它复制到可写的位置，再打开副本。",
    ),
    (r"Cannot connect to (?P<where>.+?): (?P<detail>.*)", "无法连接到 {where}：{detail}"),
    (
        r"(?P<where>.+): this role may not use pmdesk's tables; the administrator makes it a "
        r"pmdesk user \(GRANT pmdesk_member TO the role\)",
        "{where}：此角色无权使用 pmdesk 的表；需由管理员将其设为 pmdesk 用户"
        "（GRANT pmdesk_member TO 该角色）",
    ),
    (
        r"(?P<where>.+) has no pmdesk tables yet, and this role may not create them: the "
        r"database's owner creates them by opening it once \(see the README, team server\)",
        "{where} 还没有 pmdesk 的表，此角色也无权创建：需由数据库所有者打开一次来创建"
        "（见 README 的团队服务器一节）",
    ),
    (
        r"Cannot use (?P<where>.+?): (?P<detail>.*)\. The database's owner must create "
        r"pmdesk's tables first \(see the README, team server\)\.",
        "无法使用 {where}：{detail}。需由数据库所有者先创建 pmdesk 的表"
        "（见 README 的团队服务器一节）。",
    ),
    (
        r"Migration to schema (?P<version>\d+) \((?P<what>[^)]*)\) would break (?P<n>\d+) "
        r"references; nothing was changed\.",
        "升级到第 {version} 版结构（{what}）会破坏 {n} 处引用；没有做任何更改。",
    ),
    (r"Cannot write (?P<path>.+?): (?P<detail>.*)", "无法写入 {path}：{detail}"),
    (
        r"“(?P<title>.*)” has no reviewer or client lead to write to",
        "“{title}”没有可以写信的审阅人或客户负责人",
    ),
    (r"The step “(?P<title>.*)” has no owner to remind", "步骤“{title}”没有可提醒的负责人"),
    (r"(?P<path>.+) has no project with id (?P<ids>[\d, ]+)", "{path} 中没有 id 为 {ids} 的项目"),
    (r"the server did not take every row \((?P<detail>.*)\)", "服务器没有接收全部行（{detail}）"),
]

#: A service's problem as str(ValidationProblem) gives it ("due_date: …", "tracker.xlsx: …"):
#: tried last, so every message with its own pattern above ("pmdesk: warning: …") keeps it.
_ZH_CN += [
    (r"(?P<field>[a-z][a-z_]*): (?P<reason>.*)", "{field}：{reason}"),
    (r"(?P<file>[^:/\\]+\.[A-Za-z0-9]+): (?P<reason>.*)", "{file}：{reason}"),
]


@functools.cache
def _compiled() -> list[tuple[re.Pattern[str], str]]:
    """The catalogue compiled, once, when first needed (not at start: ~18 ms)."""
    return [(re.compile(pattern + r"\Z", re.DOTALL), chinese) for pattern, chinese in _ZH_CN]


#: The language `say` speaks; set once by `use` at the start of a command.
current = Language.EN


def use(requested: Language | None) -> Language:
    """Decide the language as the app does and speak it from now on."""
    global current
    current = requested or _chosen_in_settings() or system_language()
    return current


def say(message: str) -> str:
    """`message` in the current language (as it is if the catalogue has no pattern)."""
    if current != Language.ZH_CN:
        return message
    return _to_chinese(message)


def _to_chinese(message: str) -> str:
    for pattern, chinese in _compiled():
        match = pattern.match(message)
        if match:
            values = {name: _chinese_part(name, value) for name, value in match.groupdict().items()}
            return chinese.format(**values)
    return message


def _chinese_part(name: str, value: str | None) -> str:
    if value is None:
        return ""
    if name.startswith("reason"):
        return _to_chinese(value)
    if name == "field":
        return _FIELDS_ZH.get(value, value)
    return value


def _settings_file() -> Path:
    """Where Qt keeps pmdesk's INI settings (QSettings IniFormat, user scope)."""
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "pmdesk" / "pmdesk.ini"
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "pmdesk" / "pmdesk.ini"


def _chosen_in_settings() -> Language | None:
    import configparser  # the command line's only: the window has QSettings

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(_settings_file(), encoding="utf-8")
        value = parser.get("view", "language", fallback="")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    return Language(value) if value in {lang.value for lang in Language} else None


def system_language() -> Language:
    """Chinese if the system speaks Chinese, English otherwise (as QLocale.system())."""
    if sys.platform == "win32":
        import ctypes

        primary = ctypes.windll.kernel32.GetUserDefaultUILanguage() & 0x3FF
        return Language.ZH_CN if primary == 0x04 else Language.EN
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return Language.ZH_CN if value.lower().startswith("zh") else Language.EN
    return Language.EN
