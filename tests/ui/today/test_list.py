"""Today's list: grouped by the method's hats, counts on the tab, the project filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.services import today
from pmdesk.services.projects import create_project
from pmdesk.services.today import Hat, When
from pmdesk.ui.main_window import MainWindow

from ..conftest import TODAY
from .conftest import ident, make_window, shown_items


def test_items_are_listed_under_their_hats_in_the_methods_order(window: MainWindow) -> None:
    tab = window.today_tab
    model = tab.model
    hats = [model.data(model.index(row, 0)) for row in model.hat_rows()]
    assert model.hat_rows()[0] == 0, "the first row names the first hat"
    assert hats[0].startswith("Gatekeeper: report to the client lead (")
    assert [h.split(" (")[0] for h in hats] == [
        model.hat_label(hat) for hat in Hat if any(i.hat is hat for i in shown_items(tab))
    ]
    expected = today.items(None, TODAY)
    assert sorted(map(ident, shown_items(tab))) == sorted(map(ident, expected))
    first = model.first_item()
    item = model.item(first)
    assert item is not None and item.hat is Hat.GATEKEEPER
    row = [model.data(first.siblingAtColumn(c)) for c in range(model.columnCount())]
    assert row[model.WHEN] in ("Overdue", "Today", "This week")
    assert row[model.PERSON] == item.person
    assert row[model.WHY] == item.reason(Language.EN)


def test_the_tab_title_counts_overdue_and_today(window: MainWindow) -> None:
    items = today.items(None, TODAY)
    overdue = sum(i.when(TODAY) is When.OVERDUE for i in items)
    due_today = sum(i.when(TODAY) is When.TODAY for i in items)
    assert overdue and due_today, "the demo has both"
    title = window.tabs.tabText(window.tabs.indexOf(window.today_tab))
    assert title == f"Today ({overdue} overdue, {due_today} today)"
    assert window.tabs.indexOf(window.today_tab) == 0, "Today is the first tab"
    label = window.today_tab.count_label.text()
    assert label.startswith(f"{overdue} overdue · {due_today} today · ")


def test_the_filter_shows_one_project_or_all(
    qtbot: QtBot, database: Path, demo_db: int, settings: QSettings
) -> None:
    from pmdesk.demo import create_demo_project

    second = create_demo_project(Language.EN, today=TODAY)
    create_project("Nothing due yet")
    window = make_window(qtbot, database, settings)
    tab = window.today_tab
    assert {i.project_id for i in shown_items(tab)} == {demo_db, second}
    assert not tab.view.isColumnHidden(tab.model.PROJECT)
    box = tab.filter_box
    box.setFocus()
    box.setCurrentIndex(box.findData(second))
    assert {i.project_id for i in shown_items(tab)} == {second}
    assert tab.view.isColumnHidden(tab.model.PROJECT)
    assert tab.chart.health is not None and tab.chart.health.project_id == second
    box.setCurrentIndex(0)
    assert {i.project_id for i in shown_items(tab)} == {demo_db, second}


def test_chinese_today_speaks_chinese(
    qtbot: QtBot, database: Path, settings: QSettings, qapp: QApplication
) -> None:
    from pmdesk.demo import create_demo_project
    from pmdesk.ui.i18n import install_translators

    create_demo_project(Language.ZH_CN, today=TODAY)
    translators = install_translators(qapp, Language.ZH_CN)
    try:
        window = make_window(qtbot, database, settings, language=Language.ZH_CN)
        tab = window.today_tab
        model = tab.model
        assert model.data(model.index(0, 0)).startswith("把关者：主动向客户负责人汇报（")
        title = window.tabs.tabText(0)
        assert title.startswith("今日（逾期 ")
        item = model.item(tab.view.currentIndex())
        assert item is not None
        assert model.data(tab.view.currentIndex().siblingAtColumn(model.WHY)) == item.reason(
            Language.ZH_CN
        )
        assert "审阅" in tab.chart.summary() or "尚无" in tab.chart.summary()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_when_column_is_drawn_in_its_colour(window: MainWindow) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleOptionViewItem

    from pmdesk.ui.today.list import _WHEN_COLOURS

    tab = window.today_tab
    model = tab.model
    first = model.first_item()
    item = model.item(first)
    assert item is not None
    cell = first.siblingAtColumn(model.WHEN)
    option = QStyleOptionViewItem()
    tab.view.itemDelegateForIndex(cell).initStyleOption(option, cell)  # as the view paints it
    assert option.palette.color(QPalette.ColorRole.Text) == _WHEN_COLOURS[item.when(TODAY)]
