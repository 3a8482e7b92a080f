"""The review nudge (.eml) to the client lead, read as the client reads it."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from pmdesk.exports import ExportOptions
from pmdesk.exports.files import ExportProblem
from pmdesk.exports.nudge_eml import export_nudge
from pmdesk.models import Language, MilestoneReview, Person, ReviewState, Role
from pmdesk.vocabulary import client_date
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


def waiting_review(project_id: int) -> MilestoneReview:
    review: MilestoneReview = (
        MilestoneReview.select()
        .where(
            (MilestoneReview.project == project_id)
            & (MilestoneReview.state == ReviewState.SUBMITTED.value)
        )
        .order_by(MilestoneReview.id)
        .first()
    )
    assert review is not None, "the demo has a milestone waiting for review"
    return review


def read(path: Path) -> tuple[EmailMessage, str]:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return message, body.get_content()


@pytest.mark.parametrize("language", [Language.EN, Language.ZH_CN])
def test_the_nudge_goes_to_the_reviewer_and_names_what_waits(
    database: Path, tmp_path: Path, language: Language
) -> None:
    project_id = demo_project(language, today=TODAY)
    review = waiting_review(project_id)
    lead = review.reviewer
    assert lead is not None
    lead.email = "lead@client.example"
    lead.save()
    written = export_nudge(review.id, tmp_path / "nudge.eml", ExportOptions())
    message, body = read(written)
    assert message["X-Unsent"] == "1", "a draft, not a sent message"
    assert lead.name in str(message["To"]) and "lead@client.example" in str(message["To"])
    assert review.title in str(message["Subject"]) and review.title in body
    assert client_date(review.submitted_on, language) in body
    assert body.startswith(f"Dear {lead.name}," if language == Language.EN else lead.name)


def test_the_nudge_carries_nothing_the_team_wrote_about_the_lead(
    database: Path, tmp_path: Path
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    review = waiting_review(project_id)
    review.comment = "LEAKCHECK-review-comment"
    review.save()
    lead = review.reviewer
    assert lead is not None
    Person.update(
        causes="LEAKCHECK-causes", strategy="LEAKCHECK-strategy", next_action="LEAKCHECK-next"
    ).where(Person.id == lead.id).execute()
    written = export_nudge(review.id, tmp_path / "nudge.eml", ExportOptions())
    assert b"LEAKCHECK" not in written.read_bytes()
    message, body = read(written)
    assert "LEAKCHECK" not in message.as_string() and "LEAKCHECK" not in body


def test_no_reviewer_goes_to_the_client_lead_and_no_lead_is_refused(
    database: Path, tmp_path: Path
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    review = waiting_review(project_id)
    lead = review.reviewer
    assert lead is not None
    assert lead.role == Role.CLIENT_LEAD
    lead.email = "lead@client.example"
    lead.save()
    review.reviewer = None
    review.save()
    message, _body = read(export_nudge(review.id, tmp_path / "a.eml", ExportOptions()))
    assert "lead@client.example" in str(message["To"]), "the project's client lead"
    Person.update(role=Role.CLIENT_LEADER.value).where(
        (Person.project == project_id) & (Person.role == Role.CLIENT_LEAD.value)
    ).execute()
    with pytest.raises(ExportProblem):
        export_nudge(review.id, tmp_path / "b.eml", ExportOptions())
    assert not (tmp_path / "b.eml").exists()
