"""The Live meeting tab as a PM uses it: keyboard capture, undo, autosave and restore,
who said what, attitudes, valued outcomes, minutes, email and the distribution record."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pmdesk.models import (
    ActionItem,
    ActionSource,
    Assessment,
    Language,
    LeaderPriority,
    Meeting,
    MeetingKind,
    MinutesDistribution,
    Note,
    NoteKind,
    Outcome,
    Person,
)
from pmdesk.services import Changes, capture, progress
from pmdesk.ui import export_runner
from pmdesk.ui.tabs import live_meeting
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.tabs.live_meeting import INTERNAL_BRUSH, LiveMeetingTab
from pmdesk.ui.undo import Editor
from pmdesk.ui.widgets.capture_bar import KIND_KEYS

START = dt.datetime(2026, 11, 30, 9, 30)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _no_unexpected_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message box nobody expected fails the test instead of waiting for a click."""

    def unexpected(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def problems() -> list[str]:
    return []


def make_tab(
    qtbot: QtBot, project_id: int, settings: QSettings, clock: Clock, problems: list[str]
) -> LiveMeetingTab:
    tabs: list[LiveMeetingTab] = []

    def notify(changes: Changes) -> None:
        for tab in tabs:
            tab.on_data_changed(changes)

    editor = Editor(QUndoStack(), notify, problems.append)
    tab = LiveMeetingTab(TabContext(editor, Language.EN, settings, clock))
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.set_project(project_id)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitActive(tab)
    return tab


def open_meeting(tab: LiveMeetingTab, kind: MeetingKind) -> Meeting:
    meeting = Meeting.get((Meeting.project == tab.project_id) & (Meeting.kind == kind.value))
    tab.meeting_box.setCurrentIndex(tab.meeting_box.findData(meeting.id))
    return meeting


@pytest.fixture
def tab(
    qtbot: QtBot, demo_db: int, settings: QSettings, clock: Clock, problems: list[str]
) -> LiveMeetingTab:
    return make_tab(qtbot, demo_db, settings, clock, problems)


def test_sixty_notes_from_the_keyboard_alone(
    qtbot: QtBot, tab: LiveMeetingTab, clock: Clock, problems: list[str]
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    speakers = [a.person_id for a in tab._attendees]
    line = tab.bar.line
    line.setFocus()
    qtbot.keyClick(
        line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    kinds = list(KIND_KEYS)
    for n in range(60):
        clock.now = START + dt.timedelta(seconds=10 * (n + 1))
        digit = "1234567890"[n % 10]
        qtbot.keyClick(
            line, Qt.Key(Qt.Key.Key_0.value + int(digit)), Qt.KeyboardModifier.ControlModifier
        )
        qtbot.keyClick(line, KIND_KEYS[kinds[n % 7]])
        if n == 59:
            qtbot.keyClick(line, Qt.Key.Key_F9)
        if n % 10 == 9:
            qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, f"Point {n}: 3 plants, 12 days")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert problems == []
    notes = capture.meeting_notes(meeting.id)
    assert len(notes) == 60
    for n, note in enumerate(notes):
        assert note.text == f"Point {n}: 3 plants, 12 days"  # digits stay in the text
        assert note.speaker_id == speakers[n % 10]
        assert note.kind == kinds[n % 7].value
        assert note.offset_seconds == 10 * (n + 1)
        assert note.internal == (n == 59)
    assert notes[0].agenda_item.title != notes[10].agenda_item.title  # Ctrl+Down moved on
    assert tab.notes.rowCount() == 60 and line.text() == ""
    assert tab.bar.kind == NoteKind.REMARK and not tab.bar.internal.isChecked()
    last = tab.notes.rowCount() - 1
    index = tab.notes.index(last, tab.notes.column_index("Note"))
    assert tab.notes.data(index, Qt.ItemDataRole.BackgroundRole) == INTERNAL_BRUSH
    assert "10:00" in tab.clock_label.text()

    tab.context.editor.stack.undo()  # Edit → Undo takes back the last note
    assert Note.select().where(Note.meeting == meeting.id).count() == 59
    assert tab.notes.rowCount() == 59
    tab.context.editor.stack.redo()
    assert Note.get_by_id(notes[-1].id).text == "Point 59: 3 plants, 12 days"


def test_a_digit_alone_picks_the_speaker_in_the_list(qtbot: QtBot, tab: LiveMeetingTab) -> None:
    open_meeting(tab, MeetingKind.KICKOFF)
    tab.bar.speakers.setFocus()
    qtbot.keyClick(tab.bar.speakers, Qt.Key.Key_3)
    assert tab.bar.speaker_id == tab._attendees[2].person_id
    assert tab.bar.line.hasFocus()


def test_typing_is_autosaved_and_restored_after_a_crash(
    qtbot: QtBot,
    tab: LiveMeetingTab,
    demo_db: int,
    settings: QSettings,
    clock: Clock,
    problems: list[str],
) -> None:
    meeting = open_meeting(tab, MeetingKind.KICKOFF)
    qtbot.keyClicks(tab.bar.line, "The CFO asks who owns the baseline")
    qtbot.waitUntil(lambda: capture.load_draft(meeting.id) is not None, timeout=3000)
    assert capture.load_draft(meeting.id).text == "The CFO asks who owns the baseline"  # type: ignore[union-attr]

    reopened = make_tab(qtbot, demo_db, settings, clock, problems)  # the app after a crash
    open_meeting(reopened, MeetingKind.KICKOFF)
    assert reopened.bar.line.text() == "The CFO asks who owns the baseline"
    assert "Restored" in reopened.bar.notice.text()
    reopened.bar.line.setFocus()
    qtbot.keyClick(reopened.bar.line, Qt.Key.Key_Return)
    assert capture.load_draft(meeting.id) is None
    assert Note.get(Note.meeting == meeting.id).text == "The CFO asks who owns the baseline"


def test_edit_delete_and_mark_internal_undo(tab: LiveMeetingTab) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    row = 0
    note = tab.notes.row(row)
    internal = tab.notes.index(row, tab.notes.column_index("Internal"))
    tab.notes.setData(internal, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert Note.get_by_id(note.id).internal
    text = tab.notes.index(row, tab.notes.column_index("Note"))
    tab.notes.setData(text, "Corrected text", Qt.ItemDataRole.EditRole)
    assert Note.get_by_id(note.id).text == "Corrected text"
    tab.notes_view.selectRow(row)
    count = Note.select().where(Note.meeting == meeting.id).count()
    tab.delete_note_button.click()
    assert Note.get_or_none(Note.id == note.id) is None
    stack = tab.context.editor.stack
    stack.undo()
    stack.undo()
    stack.undo()
    restored = Note.get_by_id(note.id)
    assert restored.text != "Corrected text" and not restored.internal
    assert Note.select().where(Note.meeting == meeting.id).count() == count


def test_who_said_what_lists_each_speaker_in_order(tab: LiveMeetingTab) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    model = tab.speaker_summary
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    cfo = Person.get(Person.title == "Chief Financial Officer")
    row = names.index(cfo.name)
    assert model.data(model.index(row, 3)) == "4"
    assert "Valued outcome 1" in model.data(model.index(row, 4))
    tab.speaker_view.selectRow(row)
    said = [tab.speaker_notes.row(r) for r in range(tab.speaker_notes.rowCount())]
    assert [n.speaker_id for n in said] == [cfo.id] * 4
    assert [n.offset_seconds for n in said] == sorted(n.offset_seconds for n in said)
    assert said == [n for n in capture.meeting_notes(meeting.id) if n.speaker_id == cfo.id]


def accept_with(dialog_class: type, monkeypatch: pytest.MonkeyPatch, prepare: Any) -> None:
    def exec_(dialog: Any) -> int:
        prepare(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(dialog_class, "exec", exec_)


def test_attitude_observation_from_a_note_goes_to_the_history(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    cfo = Person.get(Person.title == "Chief Financial Officer")
    row = next(r for r in range(tab.notes.rowCount()) if tab.notes.row(r).speaker_id == cfo.id)
    tab.notes_view.selectRow(row)

    def prepare(dialog: Any) -> None:
        assert dialog.person.currentData() == cfo.id
        dialog.engagement.setCurrentIndex(dialog.engagement.findData("supportive"))

    accept_with(live_meeting.ObservationDialog, monkeypatch, prepare)
    before = Assessment.select().where(Assessment.person == cfo.id).count()
    tab.observe_button.click()
    latest = (
        Assessment.select().where(Assessment.person == cfo.id).order_by(Assessment.id.desc()).get()
    )
    assert latest.source == f"meeting {meeting.title}" and latest.note.id == tab.notes.row(row).id
    assert Person.get_by_id(cfo.id).engagement_current == "supportive"
    row = [a.person_id for a in tab.attitudes.rows()].index(cfo.id)
    assert tab.attitudes.data(tab.attitudes.index(row, 3)) == "Supportive"
    tab.context.editor.stack.undo()
    assert Assessment.select().where(Assessment.person == cfo.id).count() == before
    assert Person.get_by_id(cfo.id).engagement_current == "neutral"


def test_valued_outcome_from_a_note(tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch) -> None:
    open_meeting(tab, MeetingKind.OTHER)
    cio = Person.get(Person.title == "Chief Information Officer")
    row = next(r for r in range(tab.notes.rowCount()) if tab.notes.row(r).speaker_id == cio.id)
    note = tab.notes.row(row)
    tab.notes_view.selectRow(row)
    outcome = Outcome.get(Outcome.title.contains("spend"))

    def prepare(dialog: Any) -> None:
        assert dialog.leader.currentData() == cio.id and dialog.link_note.isChecked()
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome.id))
        dialog.rank.setValue(1)

    accept_with(live_meeting.ValuedOutcomeDialog, monkeypatch, prepare)
    tab.value_button.click()
    priority = LeaderPriority.get(
        (LeaderPriority.person == cio.id) & (LeaderPriority.outcome == outcome.id)
    )
    assert priority.rank == 1
    shown = [tab.priorities.row(r).id for r in range(tab.priorities.rowCount())]
    assert priority.id in shown
    shows = tab.priorities.data(tab.priorities.index(shown.index(priority.id), 4))
    assert note.text in shows
    tab.context.editor.stack.undo()
    assert LeaderPriority.get_or_none(LeaderPriority.id == priority.id) is None


def test_quick_action_item_from_a_note(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    tab.notes_view.selectRow(0)
    note = tab.notes.row(0)

    def prepare(dialog: Any) -> None:
        assert dialog.title.text() == note.text
        dialog.title.setText("Send the roadmap slide")

    accept_with(live_meeting.ActionItemDialog, monkeypatch, prepare)
    tab.action_button.click()
    action = ActionItem.get(ActionItem.title == "Send the roadmap slide")
    assert (action.source, action.note.id, action.meeting.id) == (
        ActionSource.NOTE.value,
        note.id,
        meeting.id,
    )
    assert action.owner_id == note.speaker_id and action.due_date is not None
    assert action.id in {a.id for a in progress.list_actions(tab.project_id)}  # type: ignore[arg-type]


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
    tab.by_speaker.setChecked(True)
    tab.minutes_action.trigger()
    assert opened == [target["name"]]
    headings = [p.text for p in Document(target["name"]).paragraphs if p.style.name == "Heading 1"]
    assert "Key points by speaker" in headings

    target["name"] = str(tmp_path / "minutes.eml")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.email_button.click()
    assert opened[-1] == target["name"]
    message = email.message_from_bytes(Path(target["name"]).read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    records = capture.distributions(meeting.id)
    assert [r.version for r in records] == ["1", "2"]
    assert records[-1].sent_at == START and "sarah.mitchell" in records[-1].recipients
    assert tab.distributions.rowCount() == 2
    tab.context.editor.stack.undo()
    assert (
        MinutesDistribution.select().where(MinutesDistribution.meeting == meeting.id).count() == 1
    )


def test_distribution_record_feedback_and_items_to_actions(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    tab.distributions_view.selectRow(0)
    record = tab.distributions.row(0)
    decision = tab.distributions.index(0, tab.distributions.column_index("Revise implementation?"))
    assert tab.distributions.data(decision) == "Yes: revise"
    tab.distributions.setData(decision, False)
    assert MinutesDistribution.get_by_id(record.id).revision_needed is False
    tab.context.editor.stack.undo()
    assert MinutesDistribution.get_by_id(record.id).revision_needed is True

    tab.distributions_view.selectRow(0)
    before = ActionItem.select().where(ActionItem.meeting == meeting.id).count()
    tab.items_to_actions_button.click()
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

    accept_with(live_meeting.DistributionDialog, monkeypatch, prepare)
    tab.record_sending_button.click()
    latest = capture.distributions(meeting.id)[-1]
    assert (latest.version, latest.client_feedback, latest.revision_needed) == (
        "2",
        "Approved without changes",
        False,
    )


def test_an_action_from_an_internal_note_says_it_stays_internal(
    tab: LiveMeetingTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = open_meeting(tab, MeetingKind.OTHER)
    private, _ = capture.commit_note(
        meeting.id, "Ask Li privately about the late data", internal=True
    )
    tab.reload()
    row = next(r for r in range(tab.notes.rowCount()) if tab.notes.row(r).id == private.id)
    tab.notes_view.selectRow(row)
    seen: list[str] = []

    def prepare(dialog: Any) -> None:
        assert dialog.internal_warning is not None and dialog.internal_warning.isVisibleTo(dialog)
        seen.append(dialog.internal_warning.text())

    accept_with(live_meeting.ActionItemDialog, monkeypatch, prepare)
    tab.action_button.click()
    assert seen and "internal" in seen[0]
    action = ActionItem.get(ActionItem.note == private.id)
    assert action.id not in {a.id for a in capture.meeting_actions(meeting.id, client_facing=True)}
