"""Purposes and their evidence: the pane follows the mouse, edits go to the right purpose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.models import Purpose
from pmdesk.ui.dialogs import kickoff_pickers

from .conftest import Harness, answer, click_row, select


def test_evidence_edited_after_mouse_clicks_lands_in_the_purpose_shown(
    demo: Harness, qtbot: QtBot
) -> None:
    section = demo.tab.purposes
    view, box = section.view, section.evidence_edit
    third, fourth = section.model.row(2), section.model.row(3)
    fourth_evidence = Purpose.get_by_id(fourth.id).evidence

    click_row(qtbot, view, 2)
    assert section.shown_id == third.id
    assert box.toPlainText() == third.evidence
    assert section.evidence_label.text().endswith(section.model.data(section.model.index(2, 0)))
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, "Attitudes mapped for all six leaders")
    click_row(qtbot, view, 3)  # focus leaves the box: it saves, then the pane follows

    assert Purpose.get_by_id(third.id).evidence == "Attitudes mapped for all six leaders"
    assert Purpose.get_by_id(fourth.id).evidence == fourth_evidence
    assert section.shown_id == fourth.id
    assert box.toPlainText() == fourth_evidence
    assert section.model.data(section.model.index(3, 0)) in section.evidence_label.text()

    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    box.selectAll()
    qtbot.keyClicks(box, "COO values the dashboard most")
    click_row(qtbot, view, 2)
    assert Purpose.get_by_id(fourth.id).evidence == "COO values the dashboard most"
    assert Purpose.get_by_id(third.id).evidence == "Attitudes mapped for all six leaders"


def test_an_edit_goes_to_the_purpose_it_was_opened_for(demo: Harness, qtbot: QtBot) -> None:
    """Even if the selection moves before the box is left (a keyboard move, a reload)."""
    section = demo.tab.purposes
    first, second = section.model.row(0), section.model.row(1)
    select(section.view, 0)
    section.evidence_edit.setPlainText("typed for the first purpose")
    section.view.selectionModel().blockSignals(True)  # the pane has not followed yet
    select(section.view, 1)
    section.view.selectionModel().blockSignals(False)
    section.evidence_edit.committed.emit(section.evidence_edit.toPlainText())
    assert Purpose.get_by_id(first.id).evidence == "typed for the first purpose"
    assert Purpose.get_by_id(second.id).evidence == second.evidence


def test_evidence_notes_and_text_with_undo(
    demo: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = demo.tab.purposes
    click_row(qtbot, section.view, 0)
    purpose_id = section.model.row(0).id
    assert section.notes.rowCount() == 0
    answer(
        monkeypatch,
        kickoff_pickers.EvidenceDialog,
        lambda d: d.notes.item(0).setCheckState(Qt.CheckState.Checked),
    )
    section.link_notes_action.trigger()
    assert section.notes.rowCount() == 1
    notes = section.model.data(section.model.index(0, section.model.column_index("Notes")))
    assert notes == "1"
    demo.stack.undo()
    assert section.notes.rowCount() == 0

    qtbot.mouseClick(section.evidence_edit.viewport(), Qt.MouseButton.LeftButton)
    section.evidence_edit.selectAll()
    qtbot.keyClicks(section.evidence_edit, "Plan walked through with the COO.")
    qtbot.keyClick(section.evidence_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Purpose.get_by_id(purpose_id).evidence == "Plan walked through with the COO."
    demo.stack.undo()
    assert Purpose.get_by_id(purpose_id).evidence.startswith("Plan and resource list")
    QApplication.processEvents()
    assert section.evidence_edit.toPlainText().startswith("Plan and resource list")
