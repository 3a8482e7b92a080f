"""Tab walks what is on screen in reading order, pressed key by key: from the project
switcher through the tab's page or section and back, never into a hidden page, and a
date field takes one Tab (not one per section)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.widgets.forms import plain_label

from .conftest import TODAY
from .test_dialogs_common import NOW


def shown_name(widget: QWidget) -> str:
    """What a user reads on the widget: its label, a button's text, which tab bar."""
    if isinstance(widget, QTabBar):
        return f"tabs:{widget.parentWidget().objectName()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        return plain_label(widget.text())
    return widget.accessibleName() or type(widget).__name__


def on_the_page(widget: QWidget, pages: QTabWidget) -> bool:
    """`widget` is outside `pages`, its tab bar, or on the page shown."""
    if widget is pages.tabBar() or not pages.isAncestorOf(widget):
        return True
    current = pages.currentWidget()
    return current is not None and current.isAncestorOf(widget)


def tab_walk(qtbot: QtBot, window: MainWindow, limit: int = 80) -> list[QWidget]:
    """Press Tab from the project switcher until the focus is back on it."""
    start = window.project_box
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    walked: list[QWidget] = []
    for _ in range(limit):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is start:
            return walked
        assert focus not in walked, f"Tab came back to {shown_name(focus)} before the end"
        walked.append(focus)
    raise AssertionError(f"Tab never came back: {[shown_name(w) for w in walked]}")


@pytest.fixture
def window(qtbot: QtBot, database: Path, settings: QSettings) -> MainWindow:
    from pmdesk.demo import create_demo_project

    create_demo_project(Language.EN, today=TODAY)
    shown = MainWindow(database, Language.EN, settings, clock=lambda: NOW)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    shown.activateWindow()
    qtbot.waitExposed(shown)
    return shown


MEETING = ["Meeting", "Start meeting clock", "tabs:liveMeetingPages"]
LIVE_PAGES = {
    # Capture: the note line first (the PM types), then who and which agenda item.
    "Capture": [
        "Note being typed",
        "Speaker (Ctrl+1…9, 0)",
        "Current agenda item",
        "Notes",
        "Edit note",
        "Delete note",
        "Action item",
        "Attitude",
        "Valued outcome",
    ],
    "Who said what": ["Speakers", "Everything the speaker said"],
    "Attitudes and outcomes": [
        "Attendees' attitudes",
        "Record observation",
        "Mark attended",
        "Outcomes each leader values",
        "Add valued outcome",
        "Remove",
    ],
    "Minutes and sending": [
        "Key points by agenda item",
        "Cc the consultant team",
        "Write minutes (.docx)",
        "Write email draft (.eml)",
        "Distribution record",
        "Record a sending",
        "Delete",
        "Items → action items",
        "Items → project scope",
    ],
    "Review of open items": ["Review of open items"],
}
PROGRESS_SECTIONS = {
    "Step plan": [
        "Show the steps of",
        "Add step",
        "Edit",
        "Delete",
        "Roll over open items",
        "Import tracker",
        "Export tracker",
        "Step plan",
    ],
    "Each person's deadlines": [
        "Export this person's steps",
        "Each person's deadlines",
        "The person's open steps",
    ],
    "Gatekeeper queue": ["Add review", "Edit", "Delete", "Gatekeeper queue"],
    "Lead requests": ["Add request", "Edit", "Make an action item", "Delete", "Lead requests"],
    "Chase list": ["Reminder email", "Chase list"],
    # One Tab per date field: from the period's start to its end, not through its parts.
    "Status report": [
        "Period from",
        "Period to",
        "Prefill from the plan",
        "Export report",
        "Follow-ups for late people",
        "Status",
        "Problems",
        "Help needed",
        "Praise",
        "Late steps",
    ],
}


def test_live_meeting_pages_walk_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    live = window.live_tab
    window.tabs.setCurrentWidget(live)
    for page in range(live.pages.count()):
        live.pages.setCurrentIndex(page)
        title = plain_label(live.pages.tabText(page))
        walked = tab_walk(qtbot, window)
        assert all(w.isVisible() and on_the_page(w, live.pages) for w in walked), title
        names = [shown_name(w) for w in walked]
        assert names == [*MEETING, *LIVE_PAGES[title], "tabs:workflowTabs"], title


def test_progress_sections_walk_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    progress = window.progress_tab
    window.tabs.setCurrentWidget(progress)
    for section in range(progress.sections.count()):
        progress.sections.setCurrentIndex(section)
        title = plain_label(progress.sections.tabText(section))
        walked = tab_walk(qtbot, window)
        names = [shown_name(w) for w in walked]
        expected = ["tabs:progressSections", *PROGRESS_SECTIONS[title], "tabs:workflowTabs"]
        assert names == expected, title


def test_stakeholders_walk_the_register_then_the_overview_then_the_person(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.stakeholders_tab
    window.tabs.setCurrentWidget(tab)
    register = tab.register_section
    register.select(register.register.rows()[0].id)
    for page in range(tab.detail.count()):
        tab.detail.setCurrentIndex(page)
        walked = tab_walk(qtbot, window)
        assert all(w.isVisible() for w in walked)
        blocks = [
            0 if register.isAncestorOf(w) else 1 if tab.overview.isAncestorOf(w) else 2
            for w in walked
            if tab.isAncestorOf(w)
        ]
        assert blocks == sorted(blocks), plain_label(tab.detail.tabText(page))
        assert shown_name(walked[0]) == "Search the register"
        assert all(on_the_page(w, tab.detail) for w in walked)
