"""Text typed but not yet saved survives a crash and is offered back (evidence box)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from pmdesk.models import Draft, Language, Purpose
from pmdesk.services import drafts
from pmdesk.ui.kickoff.tab import KickoffTab
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.tabs.base import TabContext
from pmdesk.ui.undo import Editor
from pmdesk.ui.widgets.autosave import AUTOSAVE_MS

from .conftest import copy_of_the_file


def make_tab(qtbot: QtBot, settings: QSettings, project_id: int) -> KickoffTab:
    tab = KickoffTab(
        TabContext(Editor(QUndoStack(), lambda _c: None, print), Language.EN, settings)
    )
    qtbot.addWidget(tab)
    tab.show()
    tab.set_project(project_id)
    tab.purposes.view.selectRow(0)
    return tab


def test_evidence_typed_before_a_crash_comes_back(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    tab = make_tab(qtbot, settings, demo_db)
    purpose = tab.purposes.model.row(0)
    tab.purposes.evidence_edit.setPlainText("Sarah confirmed the resource plan; the COO")
    qtbot.waitUntil(lambda: Draft.select().count() == 1, timeout=AUTOSAVE_MS * 4)
    assert Purpose.get_by_id(purpose.id).evidence != tab.purposes.evidence_edit.toPlainText()

    # The app dies here; a new window opens the same purpose.
    again = make_tab(qtbot, settings, demo_db)
    assert (
        again.purposes.evidence_edit.toPlainText() == "Sarah confirmed the resource plan; the COO"
    )
    assert "restored" in again.purposes.evidence_label.text()

    again.purposes.evidence_edit.committed.emit(again.purposes.evidence_edit.toPlainText())
    assert Purpose.get_by_id(purpose.id).evidence == "Sarah confirmed the resource plan; the COO"
    assert drafts.load(f"evidence:{purpose.id}") is None, "saved: the draft is gone"


def test_a_playbook_note_typed_before_a_crash_comes_back(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    from pmdesk.models import CooperationType, Person, Role
    from pmdesk.ui.stakeholders.tab import StakeholdersTab

    def open_tab() -> StakeholdersTab:
        editor = Editor(QUndoStack(), lambda _c: None, print)
        tab = StakeholdersTab(TabContext(editor, Language.EN, settings))
        qtbot.addWidget(tab)
        tab.show()
        tab.set_project(demo_db)
        row = next(
            r
            for r in range(tab.register_section.register.rowCount())
            if tab.register_section.register.row(r).role == Role.COOPERATING_STAFF
            and tab.register_section.register.row(r).cooperation_type == CooperationType.ROUTINE
        )
        tab.register_section.register_view.selectRow(row)
        return tab

    tab = open_tab()
    person = tab.detail.person
    assert person is not None
    tab.detail.playbook.routine.coaching_plan.setPlainText(
        "Weekly 20 minutes with Lucy: walk the goods receipt"
    )
    qtbot.waitUntil(lambda: drafts.load(f"person:{person.id}:coaching_plan") is not None)

    again = open_tab()  # after a crash
    assert again.detail.playbook.routine.coaching_plan.toPlainText().startswith(
        "Weekly 20 minutes with Lucy"
    )
    again.detail.playbook.routine.save_plan.click()
    assert Person.get_by_id(person.id).coaching_plan.startswith("Weekly 20 minutes with Lucy")
    assert drafts.load(f"person:{person.id}:coaching_plan") is None


def test_text_typed_in_a_dialog_comes_back_after_a_crash(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    from PySide6.QtWidgets import QApplication

    from pmdesk.models import Person
    from pmdesk.ui.dialogs.progress_forms import ActionDialog
    from pmdesk.ui.widgets.autosave import DialogDrafts

    app = QApplication.instance()
    assert app is not None
    watcher = DialogDrafts(app)
    app.installEventFilter(watcher)
    try:
        context = TabContext(Editor(QUndoStack(), lambda _c: None, print), Language.EN, settings)
        people = list(Person.select().where(Person.project == demo_db))
        first = ActionDialog(context, people)
        qtbot.addWidget(first)
        first.show()
        first.title.setText("Book the room for the steering committee")
        qtbot.waitUntil(lambda: Draft.select().count() >= 1, timeout=AUTOSAVE_MS * 4)
        first.hide()  # the app dies: no OK, no Cancel

        second = ActionDialog(context, people)
        qtbot.addWidget(second)
        second.show()
        assert second.title.text() == "Book the room for the steering committee"
        second.reject()  # closing the dialog ends its drafts
        assert Draft.select().where(Draft.key.startswith("dialog:")).count() == 0

        third = ActionDialog(context, people)
        qtbot.addWidget(third)
        third.show()
        assert third.title.text() == "", "nothing left to restore"
    finally:
        app.removeEventFilter(watcher)


def test_the_meeting_title_typed_before_a_crash_comes_back(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    tab = make_tab(qtbot, settings, demo_db)
    assert tab.meeting is not None
    tab.details.title_edit.setText("Kickoff — moved to the Suzhou plant")
    qtbot.waitUntil(lambda: drafts.load(f"meeting:{tab.meeting.id}:title") is not None)
    again = make_tab(qtbot, settings, demo_db)  # after a crash
    assert again.details.title_edit.text() == "Kickoff — moved to the Suzhou plant"
    again.details.title_edit.editingFinished.emit()
    assert drafts.load(f"meeting:{tab.meeting.id}:title") is None


def test_a_table_cell_typed_before_a_crash_comes_back(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    from PySide6.QtWidgets import QLineEdit

    def open_cell(tab: KickoffTab) -> QLineEdit:
        view = tab.attendees.view
        model = tab.attendees.model
        index = model.index(0, model.column_index("Responsibility"))
        view.setCurrentIndex(index)
        view.edit(index)
        editors = view.findChildren(QLineEdit)
        assert editors, "the cell is being edited"
        return editors[-1]

    tab = make_tab(qtbot, settings, demo_db)
    editor = open_cell(tab)
    original = editor.text()
    editor.setText("Chairs the opening and the Q&A")
    qtbot.waitUntil(lambda: Draft.select().where(Draft.key.startswith("cell:")).count() == 1)

    again = make_tab(qtbot, settings, demo_db)  # after a crash
    again_editor = open_cell(again)
    assert again_editor.text() == "Chairs the opening and the Q&A"
    assert original != again_editor.text()


def test_a_draft_waiting_when_the_database_switches_stays_in_its_own(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, tmp_path: Path
) -> None:
    """The half second of typing before File → Recent databases is written into the
    database it was typed in, never into the one opened next."""
    from pmdesk.services import reports

    other = copy_of_the_file(database, tmp_path)  # a stray draft would fit in
    window = typed_in_the_report(qtbot, database, settings, " Typed just before the switch.")
    assert window.switch_database(other)
    qtbot.wait(AUTOSAVE_MS * 3)
    assert Draft.select().count() == 0, "nothing typed in the first database lands here"
    assert window.switch_database(database)
    assert "Typed just before the switch." in reports.load_drafts(demo_db)["problems"]


def test_evidence_typed_for_one_purpose_is_kept_when_the_box_shows_another(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    """The keeper's rule, through the purposes box: when the box is made to show another
    record before the autosave fires (a reload, with no focus-out to save it), what was
    typed is kept as the first record's draft, not the second's."""
    tab = make_tab(qtbot, settings, demo_db)
    first = tab.purposes.model.row(0)
    box = tab.purposes.evidence_edit
    box.setFocus()
    qtbot.keyClicks(box, " and the COO agreed")
    typed = box.toPlainText()
    tab.purposes._show_evidence(tab.purposes.model.row(1))  # as a reload does, no focus-out
    qtbot.wait(AUTOSAVE_MS * 3)
    draft = drafts.load(f"evidence:{first.id}")
    assert draft is not None and draft.text == typed
    assert drafts.load(f"evidence:{tab.purposes.model.row(1).id}") is None


def test_report_text_typed_just_before_quitting_is_kept(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    """Ctrl+Q within the autosave's half second: the window writes what waits as it closes."""
    from pmdesk.services import reports

    window = typed_in_the_report(qtbot, database, settings, " Typed just before quitting.")
    window.close()
    assert "Typed just before quitting." in reports.load_drafts(demo_db)["problems"]


def test_the_report_shows_the_drafts_of_the_database_opened_with_the_same_ids(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings, tmp_path: Path
) -> None:
    """Another file with the same project ids (a copy, a restored backup) opened while the
    Progress tab is off screen: its report shows that file's text, not the one typed in the
    first (which an export would have sent under the second's facts)."""

    other = copy_of_the_file(database, tmp_path)
    window = typed_in_the_report(qtbot, database, settings, " Only in the first file.")
    report = window.progress_tab.report
    window.tabs.setCurrentWidget(window.today_tab)
    assert window.switch_database(other)
    window.tabs.setCurrentWidget(window.progress_tab)
    assert "Only in the first file." not in report.texts["problems"].toPlainText()
    qtbot.wait(AUTOSAVE_MS * 3)
    assert Draft.select().count() == 0, "nor saved into the second"


def typed_in_the_report(qtbot: QtBot, database: Path, settings: QSettings, text: str) -> MainWindow:
    """The window over `database`, `text` just typed at the end of the report's problems
    (its autosave still waiting)."""
    window = MainWindow(database, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.progress_tab)
    report = window.progress_tab.report
    window.progress_tab.sections.setCurrentWidget(report)
    box = report.texts["problems"]
    box.setFocus()
    qtbot.keyClicks(box, text)
    return window
