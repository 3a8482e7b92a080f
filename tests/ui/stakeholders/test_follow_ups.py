"""The private follow-up log, and the register export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from pmdesk.models import (
    FollowUp,
)
from pmdesk.ui.dialogs import playbook_dialogs
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.stakeholders import follow_ups, register

from ..conftest import TODAY
from .conftest import run_dialog, select, tab_of

# --- the follow-up log --------------------------------------------------------------------


def test_follow_up_log_add_edit_delete_with_undo(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_of(window)
    lucy = select(tab, "Lucy Evans")
    before = tab.follow_up_section.follow_up_log.rowCount()

    def add(dialog: playbook_dialogs.FollowUpDialog) -> None:
        assert dialog.person.currentData() == lucy.id
        dialog.reason.setPlainText("Walkthrough three days late")
        dialog.new_date.set_value(TODAY + dt.timedelta(days=4))

    run_dialog(monkeypatch, follow_ups.FollowUpDialog, add)
    tab.follow_up_section.add_follow_up_button.click()
    assert tab.follow_up_section.follow_up_log.rowCount() == before + 1
    record = FollowUp.get(FollowUp.reason == "Walkthrough three days late")
    assert record.follow_up_on == TODAY and record.person_id == lucy.id
    assert tab.detail.follow_ups.rowCount() == 1

    row = next(
        i for i, f in enumerate(tab.follow_up_section.follow_up_log.rows()) if f.id == record.id
    )
    tab.follow_up_section.follow_up_view.selectRow(row)
    run_dialog(
        monkeypatch,
        follow_ups.FollowUpDialog,
        lambda d: d.outcome.setPlainText("Agreed: Friday with Chloe"),
    )
    tab.follow_up_section.edit_follow_up_button.click()
    assert FollowUp.get_by_id(record.id).outcome == "Agreed: Friday with Chloe"
    window.undo_action.trigger()
    assert FollowUp.get_by_id(record.id).outcome == ""

    row = next(
        i for i, f in enumerate(tab.follow_up_section.follow_up_log.rows()) if f.id == record.id
    )
    tab.follow_up_section.follow_up_view.selectRow(row)
    tab.follow_up_section.delete_follow_up_button.click()
    assert FollowUp.get_or_none(FollowUp.id == record.id) is None
    window.undo_action.trigger()
    assert FollowUp.get_by_id(record.id).reason == "Walkthrough three days late"


def test_a_follow_up_without_reason_is_refused(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    run_dialog(monkeypatch, follow_ups.FollowUpDialog, lambda d: None)
    tab_of(window).follow_up_section.add_follow_up_button.click()
    assert warnings and warnings[0].startswith("Reason:"), "the field is named by its label"
    assert not window.undo_stack.canUndo()


def test_register_export_from_the_tab(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(register, "run_export", _run_without_opening(register.run_export))
    assert tab_of(window).export_actions()[0].text().startswith("Stakeholder register")
    tab_of(window).register_section.export_button.click()
    assert target.exists()


def _run_without_opening(real: Any) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        return real(*args, open_after=False, **kwargs)

    return run
