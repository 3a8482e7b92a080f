"""The minutes email draft: parses, opens as a draft, attachment intact, Chinese names."""

from __future__ import annotations

import datetime as dt
import email
import io
import zipfile
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from pmdesk.exports import ExportOptions, email_eml, export
from pmdesk.models import Language, Meeting, MeetingKind, Person
from pmdesk.services import capture
from tests.demo_copy import demo_project

TODAY = dt.date(2026, 11, 27)


def alignment(project_id: int) -> Meeting:
    return Meeting.get((Meeting.project == project_id) & (Meeting.kind == MeetingKind.OTHER.value))


def write(
    meeting_id: int, target: Path, monkeypatch: pytest.MonkeyPatch, **kwargs: object
) -> tuple[EmailMessage, bytes]:
    """Write the draft; returns it parsed and the minutes bytes the export attached."""
    attached: list[bytes] = []
    original = email_eml.minutes_bytes

    def spy(*args: object, **kw: object) -> tuple[bytes, str]:
        data, name = original(*args, **kw)  # type: ignore[arg-type]
        attached.append(data)
        return data, name

    monkeypatch.setattr(email_eml, "minutes_bytes", spy)
    email_eml.export_minutes_email(meeting_id, target, ExportOptions(), **kwargs)  # type: ignore[arg-type]
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message, attached[0]


def test_chinese_draft_parses_with_the_attachment_intact(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = demo_project(Language.ZH_CN, today=TODAY)
    meeting = alignment(project_id)
    message, minutes = write(meeting.id, tmp_path / "纪要.eml", monkeypatch)

    assert message["X-Unsent"] == "1"
    assert message["Subject"] == f"【会议纪要】{meeting.title}（2026年11月13日）"
    to, _team = capture.minutes_recipients(meeting.id)
    assert {a.addr_spec for a in message["To"].addresses} == {p.email for p in to if p.email}
    assert {a.display_name for a in message["To"].addresses} == {p.name for p in to if p.email}
    assert message["Cc"] is None
    body = message.get_body(("plain",))
    assert body is not None and "会议纪要见附件" in body.get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == f"会议纪要 - {meeting.title} - 2026-11-13.docx"
    assert attachment.get_content_type().endswith("wordprocessingml.document")
    assert attachment.get_payload(decode=True) == minutes
    with zipfile.ZipFile(io.BytesIO(minutes)) as docx:
        assert meeting.title in docx.read("word/document.xml").decode()

    raw = (tmp_path / "纪要.eml").read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    # Outlook reads name= (RFC 2047), others filename* (RFC 2231): both are there.
    assert b'name="=?utf-8?b?' in raw and b"filename*=utf-8''" in raw


def test_english_draft_with_the_team_in_cc(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = alignment(project_id)
    message, _ = write(meeting.id, tmp_path / "m.eml", monkeypatch, cc_team=True)
    assert message["Subject"] == f"Minutes – {meeting.title} (13 Nov 2026)"  # one colon at most
    _to, team = capture.minutes_recipients(meeting.id)
    pm = next(p for p in team if p.role == "consultant_pm")
    assert message["From"].addresses[0].addr_spec == pm.email
    cc = {a.addr_spec for a in message["Cc"].addresses}
    assert cc == {p.email for p in team if p.email} - {pm.email}
    body = message.get_body(("plain",))
    assert body is not None and body.get_content().startswith("Dear all,")
    assert pm.name in body.get_content()


def test_a_client_without_email_is_left_out_and_the_language_can_be_chosen(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = alignment(project_id)
    to, _ = capture.minutes_recipients(meeting.id)
    Person.update(email="").where(Person.id == to[0].id).execute()
    target = export("email", meeting.id, tmp_path / "m.eml", ExportOptions(Language.ZH_CN))
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert to[0].name not in str(message["To"])
    assert str(message["Subject"]).startswith("【会议纪要】")


def test_the_email_and_its_attachment_hold_no_internal_note(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project_id = demo_project(Language.EN, today=TODAY)
    meeting = alignment(project_id)
    capture.commit_note(meeting.id, "LEAKCHECK-internal", internal=True)
    message, minutes = write(meeting.id, tmp_path / "m.eml", monkeypatch)
    assert "LEAKCHECK" not in message.as_string()
    with zipfile.ZipFile(io.BytesIO(minutes)) as docx:
        for name in docx.namelist():
            assert b"LEAKCHECK" not in docx.read(name)
