"""A nudge to the client lead about a milestone waiting for their review (.eml draft,
client-facing).

METHOD.md §4, the gatekeeper hat: report to the client lead before they have to ask,
and keep what waits for them moving. Today lists a milestone or deliverable submitted
for review and not reviewed after a few days; its action is this draft, an unsent
message (X-Unsent: 1) to the reviewer (or the project's client lead) that names what
was sent and when and asks for the decision. It carries the title, the date and the
names only: never the review's comment or anything the team wrote about the lead. The
message is built as the chase reminder's is (`reminder_eml`).
"""

from __future__ import annotations

import datetime as dt
from email.mime.text import MIMEText
from pathlib import Path

from pmdesk.exports import ExportOptions, document_language
from pmdesk.exports.files import ExportProblem
from pmdesk.exports.leak_gate import write_client_file
from pmdesk.exports.reminder_eml import short_note
from pmdesk.models import Language, MilestoneReview, Person, Project, ReviewKind, Role
from pmdesk.services.common import get_or_fail
from pmdesk.vocabulary import client_date

WORDS: dict[Language, dict[str, str]] = {
    Language.EN: {
        "subject": "For your review: {title} (sent {date})",
        "greeting": "Dear {name},",
        "body": (
            "On {date} we sent you the {kind} “{title}” of the project {project} for your "
            "review. When you have a moment, could you let us know whether it can be "
            "approved, or what you would like changed? If it helps, I can walk you through "
            "it in a short call at a time that suits you."
        ),
        "subject_undated": "For your review: {title}",
        "body_undated": (
            "We sent you the {kind} “{title}” of the project {project} for your review. "
            "When you have a moment, could you let us know whether it can be approved, or "
            "what you would like changed?"
        ),
        "milestone": "milestone",
        "deliverable": "deliverable",
        "thanks": "Many thanks for your support.",
        "regards": "Kind regards,",
    },
    Language.ZH_CN: {
        "subject": "请审阅：{title}（{date}提交）",
        "greeting": "{name}，您好！",
        "body": (
            "我们已于{date}提交{project}的{kind}“{title}”，请您审阅。方便时烦请告知是否"
            "可以通过，或需要修改之处。如有需要，我可以在您方便的时间通过简短的电话向您说明。"
        ),
        "subject_undated": "请审阅：{title}",
        "body_undated": (
            "我们已提交{project}的{kind}“{title}”，请您审阅。方便时烦请告知是否可以通过，"
            "或需要修改之处。"
        ),
        "milestone": "里程碑",
        "deliverable": "交付物",
        "thanks": "感谢您的支持！",
        "regards": "祝好！",
    },
}


def export_nudge(review_id: int, target: Path, options: ExportOptions) -> Path:
    """A nudge draft about review `review_id` to its reviewer (or the client lead)."""
    review = get_or_fail(MilestoneReview, review_id)
    project = get_or_fail(Project, review.__data__["project"])
    lead = review.reviewer or _client_lead(project)
    if lead is None:
        raise ExportProblem(f"“{review.title}” has no reviewer or client lead to write to")
    language = document_language(project.document_language, options)
    data = build_message(review, project, lead, language).as_bytes()
    return write_client_file(
        Path(target), lambda temporary: temporary.write_bytes(data), project.id
    )


def _client_lead(project: Project) -> Person | None:
    return (
        Person.select()
        .where((Person.project == project.id) & (Person.role == Role.CLIENT_LEAD.value))
        .order_by(Person.seniority, Person.id)
        .first()
    )


def build_message(
    review: MilestoneReview, project: Project, lead: Person, language: Language
) -> MIMEText:
    w = WORDS[language]
    kind = w["deliverable" if review.kind == ReviewKind.DELIVERABLE else "milestone"]
    values = {
        "title": review.title,
        "date": client_date(review.submitted_on, language),
        "project": project.name,
        "name": lead.name,
        "kind": kind,
    }
    return short_note(w, values, bool(review.submitted_on), lead, project)


def nudge_file_name(review: MilestoneReview, language: Language, today: dt.date) -> str:
    prefix = "审阅提醒" if language == Language.ZH_CN else "Review nudge"
    return f"{prefix} - {review.title[:60]} - {today.isoformat()}"
