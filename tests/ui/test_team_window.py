"""The window on a team server: who you are, colleagues' changes arriving, and the choice
when a colleague saved the record first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from pmdesk import db, db_server
from pmdesk.demo import create_demo_project
from pmdesk.models import Language, Person
from pmdesk.services.common import EditConflict
from pmdesk.ui.dialogs import team_dialogs
from pmdesk.ui.main_window import MainWindow
from tests.postgres import ScratchServer

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def team(postgres: ScratchServer) -> Iterator[tuple[ScratchServer, str, tuple[str, str]]]:
    """The demo on the server with two members; pmdesk is open as the first (alice)."""
    postgres.empty_if_created()
    db.open_database(postgres.url)
    project = create_demo_project(Language.EN, today=TODAY)
    alice, bob = postgres.new_role("alice"), postgres.new_role("bob")
    for role in (alice, bob):
        db_server.add_member(db.database.obj, project, role[0])
    db.close_database()
    url = postgres.url_as(*alice)
    db.open_database(url)
    try:
        yield postgres, url, bob
    finally:
        db.close_database()


def window_on(qtbot: QtBot, url: str, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(url, Language.EN, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_says_who_you_are_and_shows_a_colleagues_change(
    qtbot: QtBot, team: tuple[ScratchServer, str, tuple[str, str]], tmp_path: Path
) -> None:
    server, url, bob = team
    window = window_on(qtbot, url, tmp_path)
    assert "Team server, as alice_" in window.read_only_label.text()
    password = url.split(":")[2].split("@")[0]
    assert window.db_label.text().startswith("postgresql://alice_")
    assert password not in window.db_label.text() and password not in window.windowTitle()
    assert not window.backups_action.isEnabled()
    window.tabs.setCurrentWidget(window.stakeholders_tab)
    register = window.stakeholders_tab.register_section.register

    def titles() -> list[str]:
        return [register.row(i).title for i in range(register.rowCount())]

    assert "Group CFO" not in titles()
    with server.connected_as(bob) as con:
        con.execute("UPDATE person SET title = 'Group CFO' WHERE name = 'Helen Brooks'")
        con.commit()
    qtbot.waitUntil(lambda: "Group CFO" in titles(), timeout=5000)
    assert "colleague" in window.statusBar().currentMessage()
    window.close()


@pytest.mark.parametrize("save_mine", [False, True])
def test_a_stale_edit_asks_before_replacing_a_colleagues_change(
    qtbot: QtBot,
    team: tuple[ScratchServer, str, tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    save_mine: bool,
) -> None:
    server, url, bob = team
    asked: list[EditConflict] = []

    def choose(conflict: EditConflict) -> bool:
        asked.append(conflict)
        return save_mine

    monkeypatch.setattr(team_dialogs, "resolve_conflict", choose)
    window = window_on(qtbot, url, tmp_path)
    helen = Person.get(Person.name == "Helen Brooks")  # as Alice opened her
    with server.connected_as(bob) as con:
        con.execute("UPDATE person SET title = 'Group CFO' WHERE id = %s", (helen.id,))
        con.commit()
    from pmdesk.ui.stakeholders.common import save_person

    problem = save_person(
        window._context, helen.id, {"title": "Acting CFO"}, "Edit", version=helen.row_version
    )
    assert problem is None
    assert len(asked) == 1 and asked[0].changed_by == bob[0]
    saved = Person.get_by_id(helen.id)
    assert saved.title == ("Acting CFO" if save_mine else "Group CFO")
    assert window.undo_stack.count() == (1 if save_mine else 0)
    window.close()


def test_ones_own_newer_edit_is_no_conflict(
    qtbot: QtBot,
    team: tuple[ScratchServer, str, tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _server, url, _bob = team
    asked: list[EditConflict] = []
    monkeypatch.setattr(team_dialogs, "resolve_conflict", lambda c: asked.append(c) or False)
    window = window_on(qtbot, url, tmp_path)
    helen = Person.get(Person.name == "Helen Brooks")  # a row shown before two quick edits
    editor = window._context.editor
    assert editor.edit_record(helen, {"title": "Group CFO"}, "Edit title")
    assert editor.edit_record(helen, {"org_unit": "Group Finance"}, "Edit unit")
    saved = Person.get_by_id(helen.id)
    assert (saved.title, saved.org_unit, asked) == ("Group CFO", "Group Finance", [])
    window.close()
