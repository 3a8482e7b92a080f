"""At the default 1280×800 every table of Live meeting, Stakeholders and Progress shows
all its columns without scrolling sideways, in English and Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from pmdesk.models import Language
from pmdesk.ui.i18n import install_translators
from pmdesk.ui.main_window import MainWindow
from tests.demo_copy import demo_project

from .conftest import TODAY

NOW = dt.datetime.combine(TODAY, dt.time(10, 0))


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize("language", list(Language))
def test_no_table_scrolls_sideways_at_1280_by_800(
    qtbot: QtBot, database: Path, settings: QSettings, language: Language
) -> None:
    demo_project(language, today=TODAY)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    try:
        window = MainWindow(database, language, settings, clock=lambda: NOW)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        wide: list[str] = []
        for tab in (window.live_tab, window.stakeholders_tab, window.progress_tab):
            window.tabs.setCurrentWidget(tab)
            pages = {w for w in tab.findChildren(QTabWidget) if w.parent() is tab}
            for pager in pages or {None}:
                for index in range(pager.count() if pager else 1):
                    if pager is not None:
                        pager.setCurrentIndex(index)
                    _settle()
                    for view in tab.findChildren(QTableView):
                        if view.isVisible() and view.horizontalScrollBar().maximum() > 0:
                            wide.append(view.accessibleName())
        assert wide == []
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
