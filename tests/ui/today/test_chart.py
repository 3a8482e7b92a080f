"""The health chart draws the project's figures, readable at 1280×800 in both languages."""

from __future__ import annotations

from PySide6.QtGui import QColor

from pmdesk.services import health
from pmdesk.ui.main_window import MainWindow
from pmdesk.ui.today.chart import ON_TIME

from ..conftest import TODAY


def test_the_chart_shows_the_selected_items_project(window: MainWindow, demo_db: int) -> None:
    chart = window.today_tab.chart
    assert chart.health == health.project_health(demo_db, TODAY)
    assert chart.width() >= 400, "room for the engagement names at 1280×800"
    image = chart.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }
    assert QColor(ON_TIME).name() in colours, "the on-time bars are drawn"
    assert "on time" in chart.summary()
