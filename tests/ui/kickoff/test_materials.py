"""Materials: a file attached to the clicked material, and undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pmdesk.models import Attachment

from .conftest import Harness, click_row, show_section


def test_a_file_attached_to_a_material_and_undone(
    demo: Harness, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = demo.tab
    section = tab.materials
    show_section(tab, section, qtbot)
    deck = tmp_path / "Kickoff deck v0.9.pptx"
    deck.write_bytes(b"slides" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(deck), ""))
    click_row(qtbot, section.view, 0)
    section.attach_action.trigger()
    file_column = section.model.column_index("File")
    shown = section.model.data(section.model.index(0, file_column))
    assert shown == "Kickoff deck v0.9.pptx (600 B)"
    assert Attachment.select().count() == 1
    demo.stack.undo()
    assert Attachment.select().count() == 0
    assert section.model.data(section.model.index(0, file_column)) == ""
