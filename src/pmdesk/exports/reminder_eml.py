"""A polite reminder to a client person whose assistance is overdue (.eml draft, client-facing).

METHOD.md §4: the PM proactively chases the client for the assistance the project needs
(催促). The draft opens in Outlook or Thunderbird as an unsent message (X-Unsent: 1)
to the step's owner; it says what is needed and by when, and offers help. It carries
no internal notes. The legacy `email.mime` API is used because it encodes Chinese
names and subjects correctly (ENGINEERING.md).
"""

from __future__ import annotations

import datetime as dt
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.files import ExportProblem
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.models import ActionItem, Language, Person, Project, Role
from pmdesk.services.common import get_or_fail
from pmdesk.vocabulary import client_date

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "subject": "Reminder: {title} (due {due})",
        "subject_undated": "Reminder: {title}",
        "greeting": "Dear {name},",
        "body": (
            "I hope you are well. For the project {project}, we are still waiting for the "
            "following, which was planned for {due}:\n\n    {title}\n\n"
            "It is on the project's critical path, so it would help us a great deal to have "
            "it this week. If anything is in the way, or if one of our team can help, just "
            "let me know and we will arrange it straight away."
        ),
        "body_undated": (
            "I hope you are well. For the project {project}, we are still waiting for the "
            "following:\n\n    {title}\n\nIf anything is in the way, or if one of our team "
            "can help, just let me know and we will arrange it straight away."
        ),
        "thanks": "Many thanks for your support.",
        "regards": "Kind regards,",
    },
    Language.ZH_CN: {
        "subject": "提醒：{title}（原定{due}完成）",
        "subject_undated": "提醒：{title}",
        "greeting": "{name}，您好！",
        "body": (
            "{project}中，原计划于{due}完成的以下事项目前尚未收到：\n\n    {title}\n\n"
            "该事项关系到项目的整体进度，烦请本周内协助完成。如有困难或需要我们派顾问"
            "协助，请随时告诉我，我们马上安排。"
        ),
        "body_undated": (
            "{project}中，以下事项目前尚未收到：\n\n    {title}\n\n"
            "如有困难或需要我们派顾问协助，请随时告诉我，我们马上安排。"
        ),
        "thanks": "感谢您的支持与配合！",
        "regards": "祝好！",
    },
}


def export_reminder(record_id: int, target: Path, options: ExportOptions) -> Path:
    """A reminder draft about step `record_id` to its owner."""
    action = get_or_fail(ActionItem, record_id)
    project = get_or_fail(Project, action.__data__["project"])
    owner = action.owner
    if owner is None:
        raise ExportProblem(f"The step “{action.title}” has no owner to remind")
    language = document_language(project.document_language, options)
    message = build_message(action, project, owner, language)
    data = message.as_bytes()
    return write_client_file(
        Path(target), lambda temporary: temporary.write_bytes(data), project.id
    )


def _address(person: Person) -> str:
    return formataddr((str(Header(person.name, "utf-8")), person.email))


def _sender(project: Project) -> Person | None:
    return (
        Person.select()
        .where((Person.project == project.id) & (Person.role == Role.CONSULTANT_PM.value))
        .order_by(Person.id)
        .first()
    )


def build_message(
    action: ActionItem, project: Project, owner: Person, language: Language
) -> MIMEText:
    due = client_date(action.due_date, language)
    values = {"title": action.title, "due": due, "project": project.name, "name": owner.name}
    return short_note(WORDS[language], values, bool(action.due_date), owner, project)


def short_note(
    words: dict[str, str], values: dict[str, str], dated: bool, to: Person, project: Project
) -> MIMEText:
    """An unsent one-person e-mail from the project's PM: greeting, body, thanks and
    regards from `words` (with their "_undated" body and subject when not `dated`)."""
    pm = _sender(project)
    lines = [
        words["greeting"].format(**values),
        "",
        words["body" if dated else "body_undated"].format(**values),
        "",
        words["thanks"],
        "",
        words["regards"],
        pm.name if pm is not None else "",
    ]
    message = MIMEText("\n".join(lines).rstrip() + "\n", "plain", "utf-8")
    subject = words["subject" if dated else "subject_undated"].format(**values)
    message["Subject"] = Header(subject, "utf-8").encode()
    if to.email:
        message["To"] = _address(to)
    if pm is not None and pm.email:
        message["From"] = _address(pm)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="pmdesk.invalid")
    message["X-Unsent"] = "1"
    return message


def reminder_file_name(action: ActionItem, language: Language, today: dt.date) -> str:
    prefix = "提醒" if language == Language.ZH_CN else "Reminder"
    return f"{prefix} - {action.title[:60]} - {today.isoformat()}"
