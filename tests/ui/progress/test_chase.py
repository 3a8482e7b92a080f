"""The chase list: reminder drafts count reminders."""

from __future__ import annotations

import email
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
)
from pmdesk.ui.progress.tab import ProgressTab

from .conftest import cell, save_to, show_section


def test_reminder_draft_counts_a_reminder(
    qtbot: QtBot, tab: ProgressTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert "2 to chase" in tab.summary.text(), "counted before the section is shown"
    show_section(qtbot, tab, tab.chase)
    assert tab.chase.chase.rowCount() == 2
    tab.chase.chase_view.selectRow(0)
    action = tab.chase.chase.row(0)
    target = tmp_path / "reminder.eml"
    save_to(monkeypatch, target)
    tab.chase.reminder_button.click()
    message = email.message_from_bytes(target.read_bytes())
    assert message["X-Unsent"] == "1" and action.owner.email in message["To"]
    body = message.get_payload(decode=True).decode()
    assert action.title in body and action.notes.split()[0] not in body
    assert ActionItem.get_by_id(action.id).reminders_sent == 1
    assert cell(tab.chase.chase, 0, "Reminders sent") == "1"
    tab.context.editor.stack.undo()
    assert ActionItem.get_by_id(action.id).reminders_sent == 0
