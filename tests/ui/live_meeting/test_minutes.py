"""Minutes, the email draft and the distribution record."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pmdesk.models import (
    ActionItem,
    MeetingKind,
    MinutesDistribution,
    Person,
)
from pmdesk.services import capture
from pmdesk.ui import export_runner
from pmdesk.ui.live_meeting import minutes
from pmdesk.ui.live_meeting.tab import LiveMeetingTab

from .conftest import START, accept_with, open_meeting


def test_minutes_email_and_record_as_sent(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    opened: list[str] = []
    monkeypatch.setattr(
        export_runner.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    target = {"name": str(tmp_path / "minutes.docx")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target["name"], ""))
    tab.minutes.by_speaker.setChecked(True)
    tab.minutes.minutes_action.trigger()
    assert opened == [target["name"]]
    headings = [p.text for p in Document(target["name"]).paragraphs if p.style.name == "Heading 1"]
    assert "Key points by speaker" in headings

    target["name"] = str(tmp_path / "minutes.eml")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.minutes.email_button.click()
    assert opened[-1] == target["name"]
    message = email.message_from_bytes(Path(target["name"]).read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    records = capture.distributions(meeting.id)
    assert [r.version for r in records] == ["1", "2"]
    assert records[-1].sent_at == START and "sarah.mitchell" in records[-1].recipients
    assert tab.minutes.distributions.rowCount() == 2
    tab.context.editor.stack.undo()
    assert (
        MinutesDistribution.select().where(MinutesDistribution.meeting == meeting.id).count() == 1
    )


def test_distribution_record_feedback_and_items_to_actions(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    tab.minutes.distributions_view.selectRow(0)
    record = tab.minutes.distributions.row(0)
    decision = tab.minutes.distributions.index(
        0, tab.minutes.distributions.column_index("Revise implementation?")
    )
    assert tab.minutes.distributions.data(decision) == "Yes: revise"
    tab.minutes.distributions.setData(decision, False)
    assert MinutesDistribution.get_by_id(record.id).revision_needed is False
    tab.context.editor.stack.undo()
    assert MinutesDistribution.get_by_id(record.id).revision_needed is True

    tab.minutes.distributions_view.selectRow(0)
    before = ActionItem.select().where(ActionItem.meeting == meeting.id).count()
    tab.minutes.items_to_actions_button.click()
    items = capture.revision_lines(record.revision_items)
    assert ActionItem.select().where(ActionItem.meeting == meeting.id).count() == before + len(
        items
    )
    tab.context.editor.stack.undo()
    assert ActionItem.select().where(ActionItem.meeting == meeting.id).count() == before

    def prepare(dialog: Any) -> None:
        assert dialog.version.text() == "2"
        dialog.feedback.setPlainText("Approved without changes")
        dialog.revision.setCurrentIndex(dialog.revision.findData(False))

    accept_with(minutes.DistributionDialog, monkeypatch, prepare)
    tab.minutes.record_sending_button.click()
    latest = capture.distributions(meeting.id)[-1]
    assert (latest.version, latest.client_feedback, latest.revision_needed) == (
        "2",
        "Approved without changes",
        False,
    )


def test_the_draft_names_whoever_it_misses_before_it_is_written(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: Any
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    for name in ("Helen Brooks", "Sophie Turner"):  # a client leader, a team member
        Person.update(email="").where(Person.name == name).execute()
    monkeypatch.setattr(export_runner.QDesktopServices, "openUrl", lambda url: None)
    target = tmp_path / "minutes.eml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []
    replies = [QMessageBox.StandardButton.No]

    def question(_parent: object, title: str, text: str, *args: object) -> Any:
        asked.append(f"{title}\n{text}")
        return replies.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(tab.minutes.cc_team, Qt.MouseButton.LeftButton)
    assert tab.minutes.cc_team.isChecked()
    assert "Sophie Turner" in tab.minutes.recipients_label.text()
    qtbot.mouseClick(tab.minutes.email_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and not target.exists(), "asked before writing; No writes nothing"
    assert "Not in To (no email address): Helen Brooks" in asked[0]
    assert "Not in Cc (no email address): Sophie Turner" in asked[0]

    replies[:] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No]
    qtbot.mouseClick(tab.minutes.email_button, Qt.MouseButton.LeftButton)
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert "Helen" not in str(message["To"]) and "Sophie" not in str(message["Cc"])
    assert capture.left_out_of_email(meeting.id, cc_team=False).team == ()
