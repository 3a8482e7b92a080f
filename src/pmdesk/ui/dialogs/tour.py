"""Every dialog of the main window, opened the way a user opens it: go to the tab, pick
the row, click the button or trigger the menu action.

The dialog tests (unique Alt letters, Tab order, the first field) and
tools/screenshots.py walk the same tour, so a new dialog added here is checked and shot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QFileDialog, QWidget

from pmdesk.models import CooperationType, Side

#: The main window: its tabs are attributes set as they are built (main_window.TABS).
MainWindow = Any

#: Called with each dialog's tour name and the dialog, shown, before it is cancelled.
Visit = Callable[[str, QDialog], None]


def _select_row(view: QAbstractItemView, row: int = 0) -> None:
    model: QAbstractItemModel = view.model()
    view.setCurrentIndex(model.index(row, 0))


def _show(window: MainWindow, tab: QWidget) -> None:
    window.tabs.setCurrentWidget(tab)


def _live(window: MainWindow, page: int) -> None:
    live = window.live_tab
    _show(window, live)
    live.pages.setCurrentIndex(page)


def _note(window: MainWindow) -> None:
    _live(window, 0)
    capture = window.live_tab.capture
    rows = capture.notes.rows()
    row = next((i for i, n in enumerate(rows) if n.speaker_id is not None), 0)
    _select_row(capture.notes_view, row)


def _attendee(window: MainWindow) -> None:
    _live(window, 2)
    attitudes = window.live_tab.attitudes
    rows = attitudes.attitudes.rows()
    row = next((i for i, a in enumerate(rows) if a.person.side == Side.CLIENT.value), 0)
    _select_row(attitudes.attitudes_view, row)


def _person(window: MainWindow, kind: CooperationType | None = None) -> None:
    stakeholders = window.stakeholders_tab
    _show(window, stakeholders)
    register = stakeholders.register_section
    people = register.register.rows()
    person = next((p for p in people if kind is None or p.cooperation_type == kind.value), None)
    register.select(person.id if person is not None else None)
    stakeholders.detail.setCurrentIndex(0)


def _progress(window: MainWindow, section: int) -> None:
    progress = window.progress_tab
    _show(window, progress)
    progress.sections.setCurrentIndex(section)


def _open_memo_then(window: MainWindow, click: Callable[[], None]) -> None:
    _person(window, CooperationType.PASSIVE)
    passive = window.stakeholders_tab.detail.playbook.passive
    if passive.memos.rowCount():
        _select_row(passive.memos_view)
    click()


def _import_tracker(window: MainWindow, tracker: Path | None) -> None:
    if tracker is None:
        return
    _progress(window, 0)
    chosen = QFileDialog.getOpenFileName
    QFileDialog.getOpenFileName = lambda *_a, **_k: (str(tracker), "")  # type: ignore[method-assign]
    try:
        window.progress_tab.steps.import_button.click()
    finally:
        QFileDialog.getOpenFileName = chosen  # type: ignore[method-assign]


def _then(*steps: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        for step in steps:
            step()

    return run


def stops(window: MainWindow, tracker: Path | None = None) -> list[tuple[str, Callable[[], None]]]:
    """Each dialog's name and how a user opens it, in window order (`tracker`: a returned
    tracker workbook to import; without one the import preview is left out)."""
    w = window
    live, sh, pr = w.live_tab, w.stakeholders_tab, w.progress_tab
    passive = sh.detail.playbook.passive
    routine = sh.detail.playbook.routine
    tour: list[tuple[str, Callable[[], None]]] = [
        ("project-new", w.new_project_action.trigger),
        ("project-edit", w.edit_project_action.trigger),
        ("search", w.search_action.trigger),
        ("backups", w.backups_action.trigger),
        ("shortcuts", w.shortcuts_action.trigger),
        ("method", w.guide_action.trigger),
        ("action-item", _then(lambda: _note(w), live.capture.action_button.click)),
        ("attitude-from-note", _then(lambda: _note(w), live.capture.observe_button.click)),
        ("valued-outcome-from-note", _then(lambda: _note(w), live.capture.value_button.click)),
        ("attitude", _then(lambda: _attendee(w), live.attitudes.observe_person_button.click)),
        ("valued-outcome", _then(lambda: _attendee(w), live.attitudes.add_priority_button.click)),
        ("minutes-sending", _then(lambda: _live(w, 3), live.minutes.record_sending_button.click)),
        ("person-new", _then(lambda: _person(w), sh.register_section.add_button.click)),
        ("person-edit", _then(lambda: _person(w), sh.register_section.edit_button.click)),
        ("memo", lambda: _open_memo_then(w, passive.new_memo.click)),
        ("memo-decision", lambda: _open_memo_then(w, passive.decide.click)),
        ("send-help", lambda: _open_memo_then(w, passive.send_help.click)),
        (
            "coaching",
            _then(lambda: _person(w, CooperationType.ROUTINE), routine.add_session.click),
        ),
        (
            "follow-up",
            _then(
                lambda: _person(w),
                lambda: sh.overview.setCurrentWidget(sh.follow_up_section),
                sh.follow_up_section.add_follow_up_button.click,
            ),
        ),
        ("step-new", _then(lambda: _progress(w, 0), pr.steps.add_step_button.click)),
        (
            "step-edit",
            _then(
                lambda: _progress(w, 0),
                lambda: _select_row(pr.steps.plan_view),
                pr.steps.edit_step_button.click,
            ),
        ),
        ("review", _then(lambda: _progress(w, 2), pr.gatekeeper.add_button.click)),
        ("lead-request", _then(lambda: _progress(w, 3), pr.lead_requests.add_button.click)),
    ]
    if tracker is not None:
        tour.append(("tracker-import", lambda: _import_tracker(w, tracker)))
    return tour


@contextmanager
def visiting(visit: Visit) -> Iterator[Callable[[str], None]]:
    """While inside, every dialog's exec() (and open()) shows it, calls `visit` and cancels it;
    the yielded function names the stop being visited."""
    current = [""]
    original, original_open = QDialog.exec, QDialog.open

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        try:
            visit(current[0], dialog)
        finally:
            dialog.reject()
        return int(QDialog.DialogCode.Rejected.value)

    def naming(name: str) -> None:
        current[0] = name

    def open_(dialog: QDialog) -> None:
        exec_(dialog)

    QDialog.exec = exec_  # type: ignore[method-assign]
    QDialog.open = open_  # type: ignore[method-assign]
    try:
        yield naming
    finally:
        QDialog.exec = original  # type: ignore[method-assign]
        QDialog.open = original_open  # type: ignore[method-assign]


def walk(window: MainWindow, visit: Visit, tracker: Path | None = None) -> list[str]:
    """Open every dialog of the tour in turn; returns the names of those that opened."""
    opened: list[str] = []

    def seen(name: str, dialog: QDialog) -> None:
        opened.append(name)
        visit(name, dialog)

    with visiting(seen) as naming:
        for name, open_ in stops(window, tracker):
            naming(name)
            open_()
    return opened
