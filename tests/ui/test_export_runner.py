"""Exporting from the window: the suggested file name, a target that cannot be written,
and saying where the file went."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.exports import ExportKind
from pmdesk.ui import export_runner
from pmdesk.ui.export_runner import ExportNotice, run_export, safe_file_name


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


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on a read-only file system: even root cannot write there."""
    import subprocess

    folder = tmp_path / "read-only"
    folder.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"mount is not allowed here: {made.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_an_unwritable_folder_offers_a_file_dialog_in_a_writable_place(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    read_only_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item 7 of #16: no "(2) (2)" loop in the same folder; a dialog somewhere writable."""
    parent = QWidget()
    qtbot.addWidget(parent)
    asked_in: list[str] = []
    answers = iter([str(read_only_folder / "tracker.xlsx"), str(tmp_path / "saved.xlsx")])

    def save_dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked_in.append(start)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    warnings: list[str] = []

    def warning(*args: object) -> QMessageBox.StandardButton:
        warnings.append(str(args[2]))
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warning)
    written = run_export(parent, settings, "tracker", demo_db, "Tracker", open_after=False)
    assert written == tmp_path / "saved.xlsx" and written.stat().st_size > 1000
    assert len(warnings) == 1 and "(2)" not in warnings[0]
    assert "another folder" in warnings[0]
    second_start = Path(asked_in[1])
    assert second_start.name == "tracker.xlsx"
    assert second_start.parent != read_only_folder and os.access(second_start.parent, os.W_OK)


def test_the_backup_folder_as_target_offers_a_file_dialog(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    from pmdesk import backups

    kept = backups.make_backup("start")
    answers = iter([str(kept.with_suffix(".xlsx")), str(tmp_path / "ok.xlsx")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *a: warnings.append(str(a[2])) or QMessageBox.StandardButton.Save,
    )
    written = run_export(parent, settings, "tracker", demo_db, "Tracker", open_after=False)
    assert written == tmp_path / "ok.xlsx"
    assert "backup folder" in warnings[0]
    assert sorted(kept.parent.iterdir()) == [kept]


def test_a_written_export_says_where_with_open_and_show_in_folder(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.statusBar().showMessage("Saved.")
    window.show()
    target = tmp_path / "tracker.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened: list[str] = []
    monkeypatch.setattr(
        export_runner.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    assert run_export(window, settings, "tracker", demo_db, "T", open_after=False) == target
    notice = window.findChild(ExportNotice)
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.label.text()
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(notice.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target), str(tmp_path)]
    window.close()


def test_the_status_report_export_says_where_too(
    qtbot: QtBot,
    database: Path,
    demo_db: int,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Progress's own exports (the report here) end with the same notice as the others."""
    from pmdesk.models import Language
    from pmdesk.ui.main_window import MainWindow

    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()
    progress = window.progress_tab
    progress.open_files = False
    window.tabs.setCurrentWidget(progress)
    progress.sections.setCurrentWidget(progress.report)
    target = tmp_path / "report.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    progress.report.export_report_button.click()
    if not target.exists():  # the demo's report names a late person: clear the texts first
        for box in progress.report.texts.values():
            box.setPlainText("Text without names.")
        progress.report.export_report_button.click()
    assert target.exists()
    notice = window.findChild(ExportNotice)
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.label.text()
    window.close()
