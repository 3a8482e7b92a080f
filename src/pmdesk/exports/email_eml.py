"""The email that sends the minutes: an unsent .eml draft with the minutes attached.

To: the client attendees (everyone invited, apologies too, who has an email address);
Cc: the consultant team if asked. `X-Unsent: 1` makes Outlook open it as a draft to
review and send. A Chinese attachment name carries both RFC 2231 `filename*` and an
RFC 2047 `name=` (some Outlook versions read only the latter and otherwise show
"ATT00001"); the legacy `email.mime` API writes both correctly.
"""

from __future__ import annotations

import datetime as dt
import io
from email import encoders
from email.generator import BytesGenerator
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path

from pmdesk.exports import ExportOptions
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.exports.minutes_docx import load_minutes, minutes_bytes
from pmdesk.models import Language, Person
from pmdesk.services import capture
from pmdesk.vocabulary import client_date

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")

_WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        # A dash, not a colon: meeting titles often have one of their own.
        "subject": "Minutes – {title} ({date})",
        "subject_undated": "Minutes – {title}",
        "greeting": "Dear all,",
        "thanks": "Thank you for attending {title}{on_date}. Please find attached the "
        "minutes, with the decisions taken and the action items with their owners and "
        "due dates.",
        "on_date": " on {date}",
        "draft": "Please find attached the draft minutes of {title}{on_date}, prepared "
        "before the meeting.",
        "feedback": "Please let us know of any corrections or additions within three "
        "working days. We will then confirm with you whether anything in the project's "
        "implementation needs to be revised.",
        "closing": "Kind regards,",
    },
    Language.ZH_CN: {
        "subject": "【会议纪要】{title}（{date}）",
        "subject_undated": "【会议纪要】{title}",
        "greeting": "各位领导、同事：",
        "thanks": "您好！感谢各位参加{on_date}召开的{title}。会议纪要见附件，"
        "包括会议形成的决定，以及各项待办事项的负责人和完成时间。",
        "on_date": "{date}",
        "draft": "您好！附件为{on_date}{title}的会议纪要草稿（会前准备）。",
        "feedback": "如对纪要有修改或补充意见，请于三个工作日内回复本邮件。"
        "我们将据此与各位共同确认项目实施相关内容是否需要修正。",
        "closing": "顺祝商祺！",
    },
}


def _address(person: Person) -> str:
    return formataddr((str(Header(person.name, "utf-8")), person.email))


def minutes_subject(title: str, day: dt.date | None, language: Language) -> str:
    words = _WORDS[language]
    if day is None:
        return words["subject_undated"].format(title=title)
    return words["subject"].format(title=title, date=client_date(day, language))


def export_minutes_email(
    meeting_id: int,
    target: Path,
    options: ExportOptions,
    *,
    cc_team: bool = False,
    grouping: str = "agenda",
) -> Path:
    """Write the unsent email with the minutes .docx (made in memory) attached."""
    content = load_minutes(meeting_id)
    attachment, file_name = minutes_bytes(meeting_id, options, grouping=grouping)
    language = Language(options.language or content.project.document_language)
    words = _WORDS[language]
    meeting = content.meeting
    day = meeting.starts_at.date() if meeting.starts_at else None
    to, team = capture.minutes_recipients(meeting_id)

    message = MIMEMultipart()
    message["Subject"] = Header(minutes_subject(meeting.title, day, language), "utf-8").encode()
    if content.pm is not None and content.pm.email:
        message["From"] = _address(content.pm)
    message["To"] = ",\n ".join(_address(p) for p in to if p.email)
    if cc_team:
        cc = [p for p in team if p.email and (content.pm is None or p.id != content.pm.id)]
        if cc:
            message["Cc"] = ",\n ".join(_address(p) for p in cc)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="pmdesk.invalid")
    message["X-Unsent"] = "1"

    on_date = words["on_date"].format(date=client_date(day, language)) if day else ""
    paragraphs = [
        words["greeting"],
        words["thanks" if content.held else "draft"].format(title=meeting.title, on_date=on_date),
        words["feedback"],
        words["closing"],
    ]
    if content.pm is not None:
        signature = [content.pm.name, content.pm.title, content.pm.org_unit]
        paragraphs.append("\n".join(line for line in signature if line))
    message.attach(MIMEText("\n\n".join(paragraphs) + "\n", "plain", "utf-8"))

    # One encoded word, as Outlook itself writes it (a folded one inside quotes is not
    # joined again by every client).
    part = MIMEBase(*DOCX_TYPE, name=Header(file_name, "utf-8").encode(maxlinelen=10_000))
    part.set_payload(attachment)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", file_name))
    message.attach(part)

    buffer = io.BytesIO()
    # maxheaderlen=0: keep each header as written (already encoded and folded) instead of
    # refolding parameters onto a line of their own.
    # CRLF: the line ending of mail on the wire, and what Outlook expects in a .eml.
    policy = compat32.clone(linesep="\r\n")
    BytesGenerator(buffer, mangle_from_=False, maxheaderlen=0, policy=policy).flatten(message)
    data = buffer.getvalue()
    return write_client_file(
        Path(target), lambda temporary: temporary.write_bytes(data), content.project.id
    )
