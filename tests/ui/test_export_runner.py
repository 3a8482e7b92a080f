"""Exporting from the window: the suggested file name and a target that cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.exports import ExportKind
from pmdesk.ui import export_runner
from pmdesk.ui.export_runner import run_export, safe_file_name


def test_export_file_names_keep_letters_and_digits() -> None:
    assert safe_file_name("NMG-P2P-01 tracker 2026-11-27") == "NMG-P2P-01 tracker 2026-11-27"
    assert safe_file_name('Minutes: kickoff / "draft" 纪要?.') == "Minutes kickoff draft 纪要"
    assert safe_file_name("...") == "export"


def test_a_refused_target_offers_another_name(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file Word holds open: the PM is told and the export goes to 'name (2)'."""
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "tracker.xlsx"
    target.write_bytes(b"open in Excel")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked: list[str] = []

    def warning(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warning)
    real_replace = export_runner.EXPORTS["tracker"].load()

    def locked(record_id: int, path: Path, options: object) -> Path:
        if path == target:
            from pmdesk.exports.files import ExportProblem

            raise ExportProblem(f"Cannot replace {path}: it may be open in another program")
        return real_replace(record_id, path, options)  # type: ignore[arg-type]

    monkeypatch.setattr(ExportKind, "load", lambda _kind: locked)
    written = run_export(parent, settings, "tracker", demo_db, "Tracker", open_after=False)
    assert written == tmp_path / "tracker (2).xlsx"
    assert written.stat().st_size > 1000
    assert target.read_bytes() == b"open in Excel", "the open file was left alone"
    assert "tracker (2).xlsx" in asked[0]
