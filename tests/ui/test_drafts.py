"""Drafts as a PM leaves them: steady typing is saved while it goes on, and the capture
line after a crash comes back as it was being typed (speaker, kind, agenda item,
internal), so Enter saves what was meant."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.models import Language, Meeting, MeetingKind, Note, NoteKind
from pmdesk.services import capture, drafts
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.widgets.autosave import AUTOSAVE_MS, DraftKeeper
from pmdesk.ui.widgets.capture_bar import KIND_KEYS

from .conftest import copy_of_the_file

CTRL = Qt.KeyboardModifier.ControlModifier


def live_window(qtbot: QtBot, path: Path, settings: QSettings) -> MainWindow:
    window = MainWindow(path, Language.EN, settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.tabs.setCurrentWidget(window.live_tab)
    live = window.live_tab
    kickoff = Meeting.get(Meeting.kind == MeetingKind.KICKOFF.value)
    live.meeting_box.setCurrentIndex(live.meeting_box.findData(kickoff.id))
    live.capture.bar.line.setFocus()
    return window


def test_the_recovered_capture_line_saves_as_it_was_being_typed(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = live_window(qtbot, database, settings)
    bar = window.live_tab.capture.bar
    kickoff = window.live_tab.meeting_id
    assert kickoff is not None
    line = bar.line
    qtbot.keyClick(line, Qt.Key.Key_3, CTRL)  # the third attendee speaks
    qtbot.keyClick(line, KIND_KEYS[NoteKind.QUESTION])
    qtbot.keyClick(line, Qt.Key.Key_F9)  # internal
    qtbot.keyClick(line, Qt.Key.Key_Down, CTRL)  # the next agenda item
    speaker, item = bar.speaker_id, bar.agenda_item_id
    assert speaker is not None and item is not None
    qtbot.keyClicks(line, "Who signs off the baseline")
    qtbot.waitUntil(lambda: capture.load_draft(kickoff) is not None)
    window.close()  # as good as a crash here: nothing else was saved

    again = live_window(qtbot, database, settings)
    bar = again.live_tab.capture.bar
    assert bar.line.text() == "Who signs off the baseline"
    assert (bar.speaker_id, bar.kind, bar.agenda_item_id) == (speaker, NoteKind.QUESTION, item)
    assert bar.internal.isChecked()
    assert "Restored" in bar.notice.text()
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    note = Note.get(Note.text == "Who signs off the baseline")
    assert (note.speaker_id, note.kind, note.agenda_item_id, note.internal) == (
        speaker,
        NoteKind.QUESTION.value,
        item,
        True,
    )
    assert capture.load_draft(kickoff) is None
    again.close()


def test_a_change_of_kind_alone_updates_the_draft(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    window = live_window(qtbot, database, settings)
    bar = window.live_tab.capture.bar
    kickoff = window.live_tab.meeting_id
    assert kickoff is not None
    qtbot.keyClicks(bar.line, "We decide to freeze scope")
    qtbot.waitUntil(lambda: capture.load_draft(kickoff) is not None)
    qtbot.keyClick(bar.line, KIND_KEYS[NoteKind.DECISION])
    qtbot.waitUntil(lambda: getattr(capture.load_draft(kickoff), "kind", None) == NoteKind.DECISION)
    window.close()


def test_steady_typing_in_an_autosaved_box_is_saved_before_it_stops(
    qtbot: QtBot, database: Path, demo_db: int
) -> None:
    """A key every 20 ms never leaves a pause: the draft must be written meanwhile."""
    host = QWidget()
    qtbot.addWidget(host)
    box = QPlainTextEdit(host)
    DraftKeeper(box, lambda: "test:steady", lambda: demo_db)
    host.show()
    box.setFocus()
    keys = QTimer(host)
    keys.setInterval(20)
    keys.timeout.connect(lambda: qtbot.keyClicks(box, "a"))
    keys.start()
    qtbot.waitUntil(lambda: drafts.load("test:steady") is not None, timeout=AUTOSAVE_MS * 6)
    assert keys.isActive(), "saved while the typing went on"
    keys.stop()
    saved = drafts.load("test:steady")
    assert saved is not None and box.toPlainText().startswith(saved.text) and saved.text


def test_a_capture_line_stays_with_its_database_when_a_copy_is_opened(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, tmp_path: Path
) -> None:
    """A copy of the file (same meeting ids) opened while the Live meeting tab is off
    screen: its capture line is empty there, so Enter cannot save the first file's line
    as a note of the second's meeting; the line waits as the first file's draft."""
    other = copy_of_the_file(database, tmp_path)
    window = live_window(qtbot, database, settings)
    kickoff = window.live_tab.meeting_id
    assert kickoff is not None
    qtbot.keyClicks(window.live_tab.capture.bar.line, "Typed in the first file")
    window.tabs.setCurrentWidget(window.today_tab)
    assert window.switch_database(other)
    window.tabs.setCurrentWidget(window.live_tab)
    line = window.live_tab.capture.bar.line
    assert window.live_tab.meeting_id == kickoff, "the same id in the copy"
    assert line.text() == ""
    notes = Note.select().where(Note.meeting == kickoff).count()
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert Note.select().where(Note.meeting == kickoff).count() == notes
    assert capture.load_draft(kickoff) is None, "nothing of the first file's line here"
    assert window.switch_database(database)
    draft = capture.load_draft(kickoff)
    assert draft is not None and draft.text == "Typed in the first file"
